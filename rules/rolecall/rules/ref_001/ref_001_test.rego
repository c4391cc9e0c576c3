package rolecall.rules.ref_001_test

import data.rolecall.rules.ref_001

# A register in which every reference field of register-format.md names something
# undefined ("ghost-*"), next to one that is defined, so each field is covered.
_every_field := {
	"organisation": {"name": "Acme", "approved_by": "ghost-p"},
	"policy": {"id": "ISP", "title": "Policy", "approved_by": "ghost-p", "overall_responsibility": "ghost-r"},
	"roles": [{"id": "r1", "name": "R1", "kind": "staff", "function": "it", "reports_to": "ghost-r", "deputies": ["p1", "ghost-p"]}],
	"people": [{"id": "p1", "name": "P1", "roles": ["r1", "ghost-r"]}],
	"teams": [{"id": "t1", "name": "T1", "members": ["p1", "ghost-p"], "roles": ["ghost-r"]}],
	"assets": [{"id": "a1", "name": "A1", "type": "saas", "owner": "ghost-r", "custodian": "ghost-r"}],
	"activities": [{
		"id": "act1", "name": "Act1", "process": "other",
		"raci": {"responsible": ["ghost-r"], "accountable": ["r1", "ghost-r"], "consulted": ["ghost-r"], "informed": ["ghost-r"]},
		"assets": ["ghost-a"],
		"signed_off": {"by": "ghost-p", "date": "2026-01-01"},
	}],
	"authorities": [{"id": "auth1", "decision": "other", "approver": "ghost-r", "assets": ["a1", "ghost-a"]}],
	"delegations": [{
		"id": "d1", "activity": "ghost-act", "from": "ghost-r", "to": "r1",
		"review": {"by": "ghost-p", "date": "2026-01-01"},
	}],
	"risks": [{
		"id": "rk1", "title": "Risk", "owner": "ghost-r", "assets": ["ghost-a"],
		"acceptance": {"by": "ghost-p", "date": "2026-01-01"},
	}],
	"segregation": [{"id": "sod1", "roles": ["r1", "ghost-r"]}],
	"exceptions": [{
		"id": "e1", "rule": "A52-ROLE-002", "subject": "role:r1", "reason": "x",
		"approved_by": "ghost-p", "expires_on": "2027-01-01",
	}],
}

test_every_reference_field_is_checked if {
	{[f.subject, f.path] | some f in ref_001.finding} == {
		["organisation", "/organisation/approved_by"],
		["policy", "/policy/approved_by"],
		["policy", "/policy/overall_responsibility"],
		["role:r1", "/roles/0/reports_to"],
		["role:r1", "/roles/0/deputies/1"],
		["person:p1", "/people/0/roles/1"],
		["team:t1", "/teams/0/members/1"],
		["team:t1", "/teams/0/roles/0"],
		["asset:a1", "/assets/0/owner"],
		["asset:a1", "/assets/0/custodian"],
		["activity:act1", "/activities/0/raci/responsible/0"],
		["activity:act1", "/activities/0/raci/accountable/1"],
		["activity:act1", "/activities/0/raci/consulted/0"],
		["activity:act1", "/activities/0/raci/informed/0"],
		["activity:act1", "/activities/0/assets/0"],
		["activity:act1", "/activities/0/signed_off/by"],
		["authority:auth1", "/authorities/0/approver"],
		["authority:auth1", "/authorities/0/assets/1"],
		["delegation:d1", "/delegations/0/activity"],
		["delegation:d1", "/delegations/0/from"],
		["delegation:d1", "/delegations/0/review/by"],
		["risk:rk1", "/risks/0/owner"],
		["risk:rk1", "/risks/0/assets/0"],
		["risk:rk1", "/risks/0/acceptance/by"],
		["segregation:sod1", "/segregation/0/roles/1"],
		["exception:e1", "/exceptions/0/approved_by"],
	} with input as {"as_of": "2026-11-27", "register": _every_field}
	count(ref_001.finding) == 26 with input as {"as_of": "2026-11-27", "register": _every_field}
}

test_two_bad_references_give_two_findings_with_one_subject if {
	ref_001.finding == {
		{
			"subject": "person:p1",
			"message": "Person p1 \"Ann\" refers in roles to role ghost, which is not defined: define the role or correct the reference.",
			"path": "/people/0/roles/0",
		},
		{
			"subject": "person:p1",
			"message": "Person p1 \"Ann\" refers in roles to role spook, which is not defined: define the role or correct the reference.",
			"path": "/people/0/roles/2",
		},
	} with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": [{"id": "r1", "name": "R1", "kind": "staff", "function": "it"}],
		"people": [{"id": "p1", "name": "Ann", "roles": ["ghost", "r1", "spook"]}],
	}}
}

test_organisation_and_policy_subjects_are_bare_words if {
	ref_001.finding == {
		{
			"subject": "organisation",
			"message": "Organisation \"Acme\" refers in approved_by to person ghost, which is not defined: define the person or correct the reference.",
			"path": "/organisation/approved_by",
		},
		{
			"subject": "policy",
			"message": "Policy ISP \"Security policy\" refers in approved_by to person ghost, which is not defined: define the person or correct the reference.",
			"path": "/policy/approved_by",
		},
		{
			"subject": "policy",
			"message": "Policy ISP \"Security policy\" refers in overall_responsibility to role nobody, which is not defined: define the role or correct the reference.",
			"path": "/policy/overall_responsibility",
		},
	} with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme", "approved_by": "ghost"},
		"policy": {"id": "ISP", "title": "Security policy", "approved_by": "ghost", "overall_responsibility": "nobody"},
		"roles": [],
		"people": [],
	}}
}

test_conflict_and_nested_references_name_the_field_path if {
	ref_001.finding == {
		{
			"subject": "segregation:sod1",
			"message": "Segregation conflict sod1 refers in roles to role ghost, which is not defined: define the role or correct the reference.",
			"path": "/segregation/0/roles/0",
		},
		{
			"subject": "activity:act1",
			"message": "Activity act1 \"Backups\" refers in raci.accountable to role ghost, which is not defined: define the role or correct the reference.",
			"path": "/activities/0/raci/accountable/0",
		},
	} with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": [{"id": "r1", "name": "R1", "kind": "staff", "function": "it"}],
		"people": [],
		"activities": [{"id": "act1", "name": "Backups", "process": "backup_verification", "raci": {"accountable": ["ghost"], "responsible": ["r1"]}}],
		"segregation": [{"id": "sod1", "roles": ["ghost", "r1"]}],
	}}
}

# An id of another kind does not satisfy a reference: a role id is not a person.
test_id_of_another_kind_is_undefined if {
	ref_001.finding == {{
		"subject": "organisation",
		"message": "Organisation \"Acme\" refers in approved_by to person ceo, which is not defined: define the person or correct the reference.",
		"path": "/organisation/approved_by",
	}} with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme", "approved_by": "ceo"},
		"roles": [{"id": "ceo", "name": "CEO", "kind": "senior_management", "function": "executive"}],
		"people": [{"id": "p1", "name": "P1", "roles": ["ceo"]}],
	}}
}

test_all_references_defined_does_not_fire if {
	count(ref_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme", "approved_by": "p1"},
		"policy": {"id": "ISP", "title": "Policy", "approved_by": "p1", "overall_responsibility": "r1"},
		"roles": [
			{"id": "r1", "name": "R1", "kind": "staff", "function": "it", "reports_to": "r1", "deputies": ["p1"]},
			{"id": "r2", "name": "R2", "kind": "staff", "function": "hr", "reports_to": "r1", "deputies": []},
		],
		"people": [{"id": "p1", "name": "P1", "roles": ["r1"]}],
		"teams": [{"id": "t1", "name": "T1", "members": ["p1"], "roles": ["r1"]}],
		"assets": [{"id": "a1", "name": "A1", "type": "saas", "owner": "r1", "custodian": "r1"}],
		"activities": [{
			"id": "act1", "name": "Act1", "process": "other",
			"raci": {"responsible": ["r1"], "accountable": ["r1"], "consulted": ["r1"], "informed": ["r1"]},
			"assets": ["a1"], "signed_off": {"by": "p1", "date": "2026-01-01"},
		}],
		"authorities": [{"id": "auth1", "decision": "other", "approver": "r1", "assets": ["a1"]}],
		"delegations": [{"id": "d1", "activity": "act1", "from": "r1", "to": "r2", "review": {"by": "p1", "date": "2026-01-01"}}],
		"risks": [{"id": "rk1", "title": "Risk", "owner": "r1", "assets": ["a1"], "acceptance": {"by": "p1", "date": "2026-01-01"}}],
		"segregation": [{"id": "sod1", "roles": ["r1", "r2"]}],
		"exceptions": [{"id": "e1", "rule": "A52-ROLE-002", "subject": "role:r1", "reason": "x", "approved_by": "p1", "expires_on": "2027-01-01"}],
	}}
}

# Absent optional reference fields are not dangling references.
test_absent_reference_fields_do_not_fire if {
	count(ref_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"policy": {"id": "ISP", "title": "Policy"},
		"roles": [{"id": "r1", "name": "R1", "kind": "staff", "function": "it"}],
		"people": [{"id": "p1", "name": "P1"}],
		"teams": [{"id": "t1", "name": "T1"}],
		"assets": [{"id": "a1", "name": "A1", "type": "saas"}],
		"activities": [{"id": "act1", "name": "Act1", "process": "other", "raci": {}}],
		"risks": [{"id": "rk1", "title": "Risk"}],
	}}
}

test_reporting_line_and_deputies_are_references if {
	ref_001.finding == {
		{
			"subject": "role:ciso",
			"message": "Role ciso \"CISO\" refers in reports_to to role board, which is not defined: define the role or correct the reference.",
			"path": "/roles/1/reports_to",
		},
		{
			"subject": "role:ciso",
			"message": "Role ciso \"CISO\" refers in deputies to person ghost, which is not defined: define the person or correct the reference.",
			"path": "/roles/1/deputies/1",
		},
		{
			"subject": "role:ceo",
			"message": "Role ceo \"CEO\" refers in deputies to person ceo, which is not defined: define the person or correct the reference.",
			"path": "/roles/0/deputies/0",
		},
	} with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": [
			{"id": "ceo", "name": "CEO", "kind": "senior_management", "function": "executive", "reports_to": "ceo", "deputies": ["ceo"]},
			{"id": "ciso", "name": "CISO", "kind": "ciso", "function": "security", "reports_to": "board", "deputies": ["p1", "ghost"]},
		],
		"people": [{"id": "p1", "name": "P1", "status": "leaver", "roles": ["ciso"]}],
	}}
}

# A role reporting to a defined role (itself included) and deputised by defined
# people, whatever their status, has no dangling reference.
test_defined_reporting_line_and_deputies_do_not_fire if {
	count(ref_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": [
			{"id": "ceo", "name": "CEO", "kind": "senior_management", "function": "executive", "reports_to": "ceo"},
			{"id": "ciso", "name": "CISO", "kind": "ciso", "function": "security", "reports_to": "ceo", "deputies": ["p1", "p2"]},
		],
		"people": [
			{"id": "p1", "name": "P1", "status": "on_leave"},
			{"id": "p2", "name": "P2", "status": "leaver"},
		],
	}}
}

# A risk is named by its id and title, as every other rule names it.
test_risk_is_named_by_its_title if {
	ref_001.finding == {{
		"subject": "risk:r1",
		"message": "Risk r1 \"Laptop theft\" refers in owner to role ghost, which is not defined: define the role or correct the reference.",
		"path": "/risks/0/owner",
	}} with input as {"as_of": "2026-11-27", "register": {"risks": [{"id": "r1", "title": "Laptop theft", "owner": "ghost"}]}}
}

# The engine passes the defined id nearest to each mistyped reference as
# input.derived.nearest_ids (computed in Go): the message suggests it.
_typo_register := {
	"organisation": {"name": "Acme", "approved_by": "ada-lovelac"},
	"roles": [{"id": "incident-manager", "name": "Incident manager", "kind": "staff", "function": "security"}],
	"people": [{"id": "ada-lovelace", "name": "Ada", "roles": ["incident-mgr"]}],
}

test_message_suggests_the_nearest_id if {
	{f.message | some f in ref_001.finding} == {
		"Organisation \"Acme\" refers in approved_by to person ada-lovelac, which is not defined (did you mean ada-lovelace?): define the person or correct the reference.",
		"Person ada-lovelace \"Ada\" refers in roles to role incident-mgr, which is not defined (did you mean incident-manager?): define the role or correct the reference.",
	} with input as {"as_of": "2026-11-27", "register": _typo_register, "derived": {"nearest_ids": {
		"person": {"ada-lovelac": "ada-lovelace"},
		"role": {"incident-mgr": "incident-manager"},
	}}}
}

# Near miss: a suggestion for another kind, or for another id, is not used, and
# without derived facts (a plain OPA sent only the register) there is none.
test_no_suggestion_without_one_for_that_kind_and_id if {
	msgs := {f.message | some f in ref_001.finding} with input as {"as_of": "2026-11-27", "register": _typo_register, "derived": {"nearest_ids": {
		"role": {"ada-lovelac": "ada-lovelace"},
		"person": {"incident-mgr": "incident-manager", "incident-mg": "ada-lovelace"},
	}}}
	msgs == {
		"Organisation \"Acme\" refers in approved_by to person ada-lovelac, which is not defined: define the person or correct the reference.",
		"Person ada-lovelace \"Ada\" refers in roles to role incident-mgr, which is not defined: define the role or correct the reference.",
	}
}

test_no_suggestion_without_derived if {
	every f in ref_001.finding {
		not contains(f.message, "did you mean")
	} with input as {"as_of": "2026-11-27", "register": _typo_register}
	count(ref_001.finding) == 2 with input as {"as_of": "2026-11-27", "register": _typo_register}
}

test_a_suggestion_that_is_not_a_string_is_ignored if {
	every f in ref_001.finding {
		not contains(f.message, "did you mean")
	} with input as {"as_of": "2026-11-27", "register": _typo_register, "derived": {"nearest_ids": {"role": {"incident-mgr": 7}}}}
}
