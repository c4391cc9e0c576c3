package rolecall.rules.deleg_004_test

import data.rolecall.rules.deleg_004

_delegation(extra) := object.union({"id": "d1", "activity": "a1", "from": "it-lead", "to": "it-ops"}, extra)

test_expired_the_day_before_fires if {
	deleg_004.finding == {{
		"subject": "delegation:d2",
		"message": "Delegation d2 of activity a1 from it-lead to it-ops expired on 2026-11-26: renew it or remove it and take the task back.",
		"path": "/delegations/1/expires_on",
	}} with input as {"as_of": "2026-11-27", "register": {"delegations": [
		_delegation({"expires_on": "2027-01-01"}),
		_delegation({"id": "d2", "expires_on": "2026-11-26"}),
	]}}
}

test_expiring_on_as_of_is_still_valid if {
	count(deleg_004.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"delegations": [_delegation({"expires_on": "2026-11-27"})]}}
}

test_without_expiry_never_expires if {
	count(deleg_004.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"delegations": [_delegation({"starts_on": "2010-01-01"})]}}
}
