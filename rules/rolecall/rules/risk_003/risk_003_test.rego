package rolecall.rules.risk_003_test

import data.rolecall.rules.risk_003

_accepted(acceptance) := {"id": "r1", "title": "Legacy VPN", "owner": "cfo", "treatment": "accept", "acceptance": acceptance}

test_accepted_risk_without_acceptance_fires if {
	risk_003.finding == {{
		"subject": "risk:r2",
		"message": "Risk r2 \"Shadow IT\" is treated by acceptance but no acceptance is recorded: record who accepted it, when and until when.",
		"path": "/risks/1",
	}} with input as {"as_of": "2026-11-27", "register": {"risks": [
		_accepted({"by": "p1", "date": "2026-01-01"}),
		{"id": "r2", "title": "Shadow IT", "owner": "cfo", "treatment": "accept"},
	]}}
}

test_acceptance_expired_the_day_before_fires if {
	risk_003.finding == {{
		"subject": "risk:r1",
		"message": "Risk r1 \"Legacy VPN\" is treated by acceptance but its acceptance expired on 2026-11-26: renew the acceptance or treat the risk otherwise.",
		"path": "/risks/0/acceptance/expires_on",
	}} with input as {"as_of": "2026-11-27", "register": {"risks": [
		_accepted({"by": "p1", "date": "2026-01-01", "expires_on": "2026-11-26"}),
	]}}
}

test_acceptance_expiring_on_as_of_is_still_valid if {
	count(risk_003.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"risks": [
		_accepted({"by": "p1", "date": "2026-01-01", "expires_on": "2026-11-27"}),
	]}}
}

test_acceptance_without_expiry_never_expires if {
	count(risk_003.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"risks": [
		_accepted({"by": "p1", "date": "2016-01-01"}),
	]}}
}

test_other_treatments_do_not_fire if {
	count(risk_003.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"risks": [
		{"id": "r1", "title": "A", "treatment": "mitigate"},
		{"id": "r2", "title": "B", "treatment": "transfer", "acceptance": {"by": "p1", "date": "2020-01-01", "expires_on": "2021-01-01"}},
		{"id": "r3", "title": "C"},
	]}}
}
