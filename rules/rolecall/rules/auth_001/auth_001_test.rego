package rolecall.rules.auth_001_test

import data.rolecall.rules.auth_001

_authorities := [
	{"id": "auth-1", "decision": "grant_access", "approver": "it-lead"},
	{"id": "auth-2", "decision": "approve_exception", "approver": "ciso"},
	{"id": "auth-3", "decision": "approve_supplier", "approver": "cfo"},
]

test_required_decision_without_authority_fires if {
	auth_001.finding == {{
		"subject": "decision:accept_risk",
		"message": "No authority says who approves the decision accept_risk: add an authority naming its approver role.",
	}} with input as {"as_of": "2026-11-27", "register": {"authorities": _authorities}}
}

test_every_required_decision_covered_does_not_fire if {
	count(auth_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"authorities": array.concat(
		_authorities,
		[{"id": "auth-4", "decision": "accept_risk", "approver": "ghost"}],
	)}}
}

test_authority_for_other_decision_does_not_cover if {
	auth_001.finding == {{
		"subject": "decision:approve_change",
		"message": "No authority says who approves the decision approve_change: add an authority naming its approver role.",
	}} with input as {"as_of": "2026-11-27", "register": {"authorities": [{"id": "auth-1", "decision": "other", "approver": "cfo"}]}}
		with data.rolecall.params.required_decisions as ["approve_change"]
}

test_no_authorities_reports_every_default_decision if {
	count(auth_001.finding) == 4 with input as {"as_of": "2026-11-27", "register": {}}
}
