package rolecall.rules.risk_006_test

import data.rolecall.rules.risk_006

_risk(extra) := object.union({"id": "r1", "title": "Legacy VPN", "owner": "fin-lead", "residual": "medium", "treatment": "mitigate"}, extra)

_input(risk) := {"as_of": "2026-11-27", "register": {"risks": [{"id": "r0", "title": "Other", "owner": "fin-lead"}, risk]}}

test_treated_risk_without_acceptance_fires if {
	risk_006.finding == {{
		"subject": "risk:r1",
		"message": "Risk r1 \"Legacy VPN\" is treated by mitigate and has residual level medium, but no acceptance of the residual risk is recorded: have the risk owner accept it and record who accepted it, when and until when.",
		"path": "/risks/1",
	}} with input as _input(_risk({}))
	risk_006.finding == {{
		"subject": "risk:r1",
		"message": "Risk r1 \"Legacy VPN\" is treated by transfer and has residual level low, but no acceptance of the residual risk is recorded: have the risk owner accept it and record who accepted it, when and until when.",
		"path": "/risks/1",
	}} with input as _input(_risk({"treatment": "transfer", "residual": "low"}))
}

test_acceptance_expired_the_day_before_fires if {
	risk_006.finding == {{
		"subject": "risk:r1",
		"message": "Risk r1 \"Legacy VPN\" is treated by mitigate and has residual level medium, but the acceptance of the residual risk expired on 2026-11-26: have the risk owner accept it again.",
		"path": "/risks/1/acceptance/expires_on",
	}} with input as _input(_risk({"acceptance": {"by": "p1", "date": "2026-01-01", "expires_on": "2026-11-26"}}))
}

test_acceptance_expiring_on_as_of_or_never_is_valid if {
	count(risk_006.finding) == 0 with input as _input(_risk({"acceptance": {"by": "p1", "date": "2026-01-01", "expires_on": "2026-11-27"}}))
	count(risk_006.finding) == 0 with input as _input(_risk({"acceptance": {"by": "p1", "date": "2016-01-01"}}))
}

# Without a residual level there is nothing stated to accept.
test_treated_risk_without_residual_does_not_fire if {
	count(risk_006.finding) == 0 with input as _input(object.remove(_risk({}), ["residual"]))
}

# accept is A52-RISK-003's; avoid leaves no residual risk; no treatment, no finding.
test_other_treatments_do_not_fire if {
	count(risk_006.finding) == 0 with input as _input(_risk({"treatment": "accept"}))
	count(risk_006.finding) == 0 with input as _input(_risk({"treatment": "avoid"}))
	count(risk_006.finding) == 0 with input as _input(object.remove(_risk({}), ["treatment"]))
}
