package rolecall.rules.sod_002_test

import data.rolecall.rules.sod_002

_roles := [
	{"id": "isms", "name": "ISMS manager", "kind": "isms_manager", "function": "security"},
	{"id": "ciso", "name": "CISO", "kind": "ciso", "function": "security"},
	{"id": "audit", "name": "Internal auditor", "kind": "internal_auditor", "function": "finance"},
	{"id": "audit2", "name": "IT auditor", "kind": "internal_auditor", "function": "it"},
	{"id": "staff", "name": "Staff", "kind": "staff", "function": "other"},
]

# _check(people, teams) is the rule's findings for a register of these people and teams.
_check(people, teams) := findings if {
	findings := sod_002.finding with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": _roles,
		"people": people,
		"teams": teams,
	}}
}

test_isms_manager_who_audits_fires if {
	_check(
		[
			{"id": "p0", "name": "Zoe", "roles": ["isms"]},
			{"id": "p1", "name": "Ann", "roles": ["staff", "audit", "isms"]},
		],
		[],
	) == {{
		"subject": "person:p1",
		"message": "Person p1 \"Ann\" runs the ISMS as isms \"ISMS manager\" and is also its internal auditor as audit \"Internal auditor\": nobody may audit the system they run, so give the internal auditor role to someone independent.",
		"path": "/people/1",
	}}
}

test_ciso_who_audits_fires if {
	{f.subject | some f in _check([{"id": "p1", "name": "Ann", "roles": ["ciso", "audit2"]}], [])} == {"person:p1"}
}

# One finding per person, naming every role of both sides.
test_one_finding_per_person if {
	_check([{"id": "p1", "name": "Ann", "roles": ["isms", "ciso", "audit", "audit2"]}], []) == {{
		"subject": "person:p1",
		"message": "Person p1 \"Ann\" runs the ISMS as ciso \"CISO\", isms \"ISMS manager\" and is also its internal auditor as audit \"Internal auditor\", audit2 \"IT auditor\": nobody may audit the system they run, so give the internal auditor role to someone independent.",
		"path": "/people/0",
	}}
}

test_roles_held_through_teams_count if {
	_check(
		[{"id": "p1", "name": "Ann", "roles": ["isms"]}, {"id": "p2", "name": "Bob"}],
		[
			{"id": "audit-team", "name": "Audit", "members": ["p1", "ghost"], "roles": ["audit"]},
			{"id": "sec-team", "name": "Security", "members": ["p2", "ghost"], "roles": ["ciso", "audit2"]},
		],
	) == {
		{
			"subject": "person:p1",
			"message": "Person p1 \"Ann\" runs the ISMS as isms \"ISMS manager\" and is also its internal auditor as audit \"Internal auditor\": nobody may audit the system they run, so give the internal auditor role to someone independent.",
			"path": "/people/0",
		},
		{
			"subject": "person:p2",
			"message": "Person p2 \"Bob\" runs the ISMS as ciso \"CISO\" and is also its internal auditor as audit2 \"IT auditor\": nobody may audit the system they run, so give the internal auditor role to someone independent.",
			"path": "/people/1",
		},
	}
}

test_person_on_leave_is_checked_leaver_is_not if {
	{f.subject | some f in _check(
		[
			{"id": "p1", "name": "Ann", "status": "on_leave", "roles": ["isms", "audit"]},
			{"id": "p2", "name": "Bob", "status": "leaver", "roles": ["isms", "audit"]},
		],
		[],
	)} == {"person:p1"}
}

test_separate_people_pass if {
	count(_check(
		[
			{"id": "p1", "name": "Ann", "roles": ["isms", "ciso"]},
			{"id": "p2", "name": "Bob", "roles": ["audit", "audit2", "staff"]},
		],
		[],
	)) == 0
}

# A role's kind comes only from defined roles: an undefined id (A52-REF-001's) has none.
test_undefined_role_ids_have_no_kind if {
	count(_check([{"id": "p1", "name": "Ann", "roles": ["isms", "internal_auditor"]}], [])) == 0
}

test_no_auditor_role_defined if {
	count(sod_002.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": [{"id": "isms", "name": "ISMS manager", "kind": "isms_manager", "function": "security"}],
		"people": [{"id": "p1", "name": "Ann", "roles": ["isms"]}],
	}}
}
