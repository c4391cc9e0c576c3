package rolecall.rules.exc_001_test

import data.rolecall.rules.exc_001

_catalogue := {
	"rules": {"asset_001": {"id": "A52-ASSET-001", "title": "t", "severity": "high"}},
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

_input(exception) := {"as_of": "2026-11-27", "register": {
	"roles": _roles, "people": _people, "teams": _teams,
	"authorities": _authorities, "exceptions": [_exception({"id": "e0"}), exception],
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

test_first_problem_is_reported_once if {
	exc_001.finding == {{
		"subject": "exception:e1",
		"message": "Exception e1 for A52-BOGUS-1 on asset:crm is not applied (expired on 2026-11-26): renew or correct it, or remove it.",
		"path": "/exceptions/1/expires_on",
	}} with input as _input(_exception({"expires_on": "2026-11-26", "rule": "A52-BOGUS-1", "approved_by": "p2"}))
		with data.rolecall.catalogue as _catalogue
}

test_applied_exception_matching_no_finding_is_not_reported if {
	count(exc_001.finding) == 0 with input as _input(_exception({"subject": "asset:nothing-wrong"}))
		with data.rolecall.catalogue as _catalogue
}
