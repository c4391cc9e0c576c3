package rolecall.rules.deleg_001_test

import data.rolecall.rules.deleg_001

test_accountable_scope_fires if {
	deleg_001.finding == {{
		"subject": "delegation:d2",
		"message": "Delegation d2 hands accountability for activity a1 from it-lead to it-ops: delegate only the responsible scope and keep accountability with it-lead.",
		"path": "/delegations/1/scope",
	}} with input as {"as_of": "2026-11-27", "register": {"delegations": [
		{"id": "d1", "activity": "a1", "from": "it-lead", "to": "it-ops", "scope": "responsible"},
		{"id": "d2", "activity": "a1", "from": "it-lead", "to": "it-ops", "scope": "accountable"},
	]}}
}

test_responsible_or_absent_scope_does_not_fire if {
	count(deleg_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"delegations": [
		{"id": "d1", "activity": "a1", "from": "it-lead", "to": "it-ops", "scope": "responsible"},
		{"id": "d2", "activity": "a1", "from": "it-lead", "to": "it-ops"},
	]}}
}

test_expired_accountable_delegation_still_fires if {
	count(deleg_001.finding) == 1 with input as {"as_of": "2026-11-27", "register": {"delegations": [
		{"id": "d1", "activity": "a1", "from": "it-lead", "to": "it-ops", "scope": "accountable", "expires_on": "2020-01-01"},
	]}}
}
