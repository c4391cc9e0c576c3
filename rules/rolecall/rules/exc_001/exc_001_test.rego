package rolecall.rules.exc_001_test

import data.rolecall.rules.exc_001

_catalogue := {
	"rules": {
		"asset_001": {"id": "A52-ASSET-001", "title": "t", "severity": "high"},
		"exc_001": {"id": "A52-EXC-001", "title": "t", "severity": "medium"},
		"exc_002": {"id": "A52-EXC-002", "title": "t", "severity": "info"},
	},
	"custom": {"acme_001": {"id": "ACME-001", "title": "t", "severity": "low"}},
}

_roles := [
	{"id": "ciso", "name": "CISO", "kind": "ciso", "function": "security"},
	{"id": "it-lead", "name": "IT lead", "kind": "process_owner", "function": "it"},
]

_people := [
	{"id": "p1", "name": "Ada", "roles": ["ciso"]},
	{"id": "p2", "name": "Bob", "roles": ["it-lead"]},
	{"id": "p3", "name": "Cy"},
	{"id": "p4", "name": "Di", "status": "leaver", "roles": ["ciso"]},
]

_teams := [{"id": "t1", "name": "Security", "members": ["p3"], "roles": ["ciso"]}]

_authorities := [
	{"id": "auth-exc", "decision": "approve_exception", "approver": "ciso"},
	{"id": "auth-risk", "decision": "accept_risk", "approver": "it-lead"},
]

_exception(extra) := object.union(
	{
		"id": "e1", "rule": "A52-ASSET-001", "subject": "asset:crm", "reason": "migration",
		"approved_by": "p1", "expires_on": "2027-01-31",
	},
	extra,
)

# One entity of every kind an exception's subject can name.
_assets := [
	{"id": "crm", "name": "CRM", "type": "saas"},
	{"id": "nothing-wrong", "name": "Wiki", "type": "saas"},
]

_activities := [{"id": "act1", "name": "Access review", "process": "access_review"}]

_delegations := [{"id": "d1", "activity": "act1", "from": "ciso", "to": "it-lead"}]

_risks := [{"id": "rk1", "title": "Legacy VPN"}]

_segregation := [{"id": "sod1", "roles": ["ciso", "it-lead"]}]

_input(exception) := {"as_of": "2026-11-27", "register": {
	"organisation": {"name": "Acme"},
	"roles": _roles, "people": _people, "teams": _teams, "assets": _assets,
	"activities": _activities, "authorities": _authorities, "delegations": _delegations,
	"risks": _risks, "segregation": _segregation,
	"exceptions": [_exception({"id": "e0"}), exception],
}}

test_expired_the_day_before_fires if {
	exc_001.finding == {{
		"subject": "exception:e1",
		"message": "Exception e1 for A52-ASSET-001 on asset:crm is not applied (expired on 2026-11-26): renew or correct it, or remove it.",
		"path": "/exceptions/1/expires_on",
	}} with input as _input(_exception({"expires_on": "2026-11-26"}))
		with data.rolecall.catalogue as _catalogue
}

test_expiring_on_as_of_is_still_applied if {
	count(exc_001.finding) == 0 with input as _input(_exception({"expires_on": "2026-11-27"}))
		with data.rolecall.catalogue as _catalogue
}

test_unknown_rule_fires if {
	exc_001.finding == {{
		"subject": "exception:e1",
		"message": "Exception e1 for A52-BOGUS-1 on asset:crm is not applied (names rule A52-BOGUS-1, which is neither a bundled rule nor one of the organisation's rules): renew or correct it, or remove it.",
		"path": "/exceptions/1/rule",
	}} with input as _input(_exception({"rule": "A52-BOGUS-1"}))
		with data.rolecall.catalogue as _catalogue
}

test_organisation_rule_is_known if {
	count(exc_001.finding) == 0 with input as _input(_exception({"rule": "ACME-001"}))
		with data.rolecall.catalogue as _catalogue
}

test_approver_without_exception_authority_fires if {
	exc_001.finding == {{
		"subject": "exception:e1",
		"message": "Exception e1 for A52-ASSET-001 on asset:crm is not applied (its approver p2 \"Bob\" holds no role that approves an approve_exception authority): renew or correct it, or remove it.",
		"path": "/exceptions/1/approved_by",
	}} with input as _input(_exception({"approved_by": "p2"}))
		with data.rolecall.catalogue as _catalogue
}

test_undefined_approver_fires if {
	exc_001.finding == {{
		"subject": "exception:e1",
		"message": "Exception e1 for A52-ASSET-001 on asset:crm is not applied (its approver ghost holds no role that approves an approve_exception authority): renew or correct it, or remove it.",
		"path": "/exceptions/1/approved_by",
	}} with input as _input(_exception({"approved_by": "ghost"}))
		with data.rolecall.catalogue as _catalogue
}

test_approver_holding_through_team_or_since_left_is_entitled if {
	count(exc_001.finding) == 0 with input as _input(_exception({"approved_by": "p3"}))
		with data.rolecall.catalogue as _catalogue
	count(exc_001.finding) == 0 with input as _input(_exception({"approved_by": "p4"}))
		with data.rolecall.catalogue as _catalogue
}

test_every_problem_is_reported_in_one_finding if {
	exc_001.finding == {{
		"subject": "exception:e1",
		"message": "Exception e1 for A52-BOGUS-1 on asset:crm is not applied (expired on 2026-11-26; names rule A52-BOGUS-1, which is neither a bundled rule nor one of the organisation's rules; its approver p2 \"Bob\" holds no role that approves an approve_exception authority): renew or correct it, or remove it.",
		"path": "/exceptions/1/expires_on",
	}} with input as _input(_exception({"expires_on": "2026-11-26", "rule": "A52-BOGUS-1", "approved_by": "p2"}))
		with data.rolecall.catalogue as _catalogue
}

test_applied_exception_matching_no_finding_is_not_reported if {
	count(exc_001.finding) == 0 with input as _input(_exception({"subject": "asset:nothing-wrong"}))
		with data.rolecall.catalogue as _catalogue
}

test_exception_for_an_exception_rule_fires if {
	exc_001.finding == {{
		"subject": "exception:e1",
		"message": "Exception e1 for A52-EXC-001 on exception:e0 is not applied (it is for rule A52-EXC-001, and an exception never hides another exception's problem): renew or correct it, or remove it.",
		"path": "/exceptions/1/rule",
	}} with input as _input(_exception({"rule": "A52-EXC-001", "subject": "exception:e0"}))
		with data.rolecall.catalogue as _catalogue
	exc_001.finding == {{
		"subject": "exception:e1",
		"message": "Exception e1 for A52-EXC-002 on exception:e0 is not applied (it is for rule A52-EXC-002, and an exception never hides another exception's problem): renew or correct it, or remove it.",
		"path": "/exceptions/1/rule",
	}} with input as _input(_exception({"rule": "A52-EXC-002", "subject": "exception:e0"}))
		with data.rolecall.catalogue as _catalogue
}

test_exception_for_another_rule_about_an_exception_is_applied if {
	count(exc_001.finding) == 0 with input as _input(_exception({"rule": "ACME-001", "subject": "exception:e0"}))
		with data.rolecall.catalogue as _catalogue
}

test_self_approved_person_subject_fires if {
	exc_001.finding == {{
		"subject": "exception:e1",
		"message": "Exception e1 for A52-ASSET-001 on person:p1 is not applied (it is self-approved: its approver p1 \"Ada\" is its subject): renew or correct it, or remove it.",
		"path": "/exceptions/1/approved_by",
	}} with input as _input(_exception({"subject": "person:p1"}))
		with data.rolecall.catalogue as _catalogue
}

# p3 holds ciso through team t1, p4 holds it although a leaver: holding does not
# depend on status.
test_self_approved_role_subject_fires if {
	exc_001.finding == {{
		"subject": "exception:e1",
		"message": "Exception e1 for A52-ASSET-001 on role:ciso is not applied (it is self-approved: its approver p1 \"Ada\" holds role ciso, its subject): renew or correct it, or remove it.",
		"path": "/exceptions/1/approved_by",
	}} with input as _input(_exception({"subject": "role:ciso"}))
		with data.rolecall.catalogue as _catalogue
	{f.path | some f in exc_001.finding} == {"/exceptions/1/approved_by"} with input as _input(_exception({"subject": "role:ciso", "approved_by": "p3"}))
		with data.rolecall.catalogue as _catalogue
	{f.path | some f in exc_001.finding} == {"/exceptions/1/approved_by"} with input as _input(_exception({"subject": "role:ciso", "approved_by": "p4"}))
		with data.rolecall.catalogue as _catalogue
}

test_approved_by_someone_else_is_not_self_approved if {
	count(exc_001.finding) == 0 with input as _input(_exception({"subject": "person:p2"}))
		with data.rolecall.catalogue as _catalogue
	count(exc_001.finding) == 0 with input as _input(_exception({"subject": "role:it-lead"}))
		with data.rolecall.catalogue as _catalogue
}

test_subject_naming_an_undefined_entity_fires if {
	exc_001.finding == {{
		"subject": "exception:e1",
		"message": "Exception e1 for A52-ASSET-001 on asset:figmaa is not applied (its subject asset:figmaa names no defined asset): renew or correct it, or remove it.",
		"path": "/exceptions/1/subject",
	}} with input as _input(_exception({"subject": "asset:figmaa"}))
		with data.rolecall.catalogue as _catalogue
	exc_001.finding == {{
		"subject": "exception:e1",
		"message": "Exception e1 for A52-ASSET-001 on segregation:sod9 is not applied (its subject segregation:sod9 names no defined segregation conflict): renew or correct it, or remove it.",
		"path": "/exceptions/1/subject",
	}} with input as _input(_exception({"subject": "segregation:sod9"}))
		with data.rolecall.catalogue as _catalogue
}

# An id of another kind does not make a subject about something: crm is an asset.
test_subject_of_the_wrong_kind_fires if {
	{f.path | some f in exc_001.finding} == {"/exceptions/1/subject"} with input as _input(_exception({"subject": "role:crm"}))
		with data.rolecall.catalogue as _catalogue
}

test_subject_with_a_value_outside_the_enumeration_fires if {
	exc_001.finding == {{
		"subject": "exception:e1",
		"message": "Exception e1 for A52-ASSET-001 on process:internal_audits is not applied (its subject process:internal_audits names no process of the register format): renew or correct it, or remove it.",
		"path": "/exceptions/1/subject",
	}} with input as _input(_exception({"subject": "process:internal_audits"}))
		with data.rolecall.catalogue as _catalogue
}

test_subject_of_no_known_form_fires if {
	exc_001.finding == {{
		"subject": "exception:e1",
		"message": "Exception e1 for A52-ASSET-001 on crm is not applied (its subject crm is neither organisation, policy, KIND:ID of a defined entity nor role-kind:, process:, decision: or function: with a value of the register format): renew or correct it, or remove it.",
		"path": "/exceptions/1/subject",
	}} with input as _input(_exception({"subject": "crm"}))
		with data.rolecall.catalogue as _catalogue
	{f.path | some f in exc_001.finding} == {"/exceptions/1/subject"} with input as _input(_exception({"subject": "site:hq"}))
		with data.rolecall.catalogue as _catalogue
	{f.path | some f in exc_001.finding} == {"/exceptions/1/subject"} with input as _input(_exception({"subject": "organisation:acme"}))
		with data.rolecall.catalogue as _catalogue
}

# Every form of subject that is about something; the policy may be absent (its
# absence is A52-POL-001's finding, which an exception may waive).
test_every_subject_about_something_is_applied if {
	subjects := [
		"organisation", "policy", "role:it-lead", "person:p3", "team:t1", "asset:crm",
		"activity:act1", "authority:auth-exc", "delegation:d1", "risk:rk1",
		"segregation:sod1", "exception:e0", "role-kind:internal_auditor",
		"process:internal_audit", "process:management_review", "decision:approve_change",
		"function:facilities",
	]
	every subject in subjects {
		count(exc_001.finding) == 0 with input as _input(_exception({"subject": subject}))
			with data.rolecall.catalogue as _catalogue
	}
}

test_applied_and_waivers_leave_out_every_exception_not_applied if {
	exc_001.applied == {"e0"} with input as _input(_exception({"subject": "person:p1"}))
		with data.rolecall.catalogue as _catalogue
	exc_001.waivers == {["A52-ASSET-001", "asset:crm"]: "e0"} with input as _input(_exception({"subject": "asset:figmaa"}))
		with data.rolecall.catalogue as _catalogue
}

# Two applied exceptions of one rule and subject: the smallest id waives.
test_waivers_name_the_smallest_applied_exception if {
	exc_001.applied == {"e0", "e1"} with input as _input(_exception({}))
		with data.rolecall.catalogue as _catalogue
	exc_001.waivers == {["A52-ASSET-001", "asset:crm"]: "e0"} with input as _input(_exception({}))
		with data.rolecall.catalogue as _catalogue
}
