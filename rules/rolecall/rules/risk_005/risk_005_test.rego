package rolecall.rules.risk_005_test

import data.rolecall.rules.risk_005

_params := {"acceptance_max_age_days": 365}

_risk(risk, acceptance) := object.union(
	{"id": "r1", "title": "Legacy VPN", "owner": "fin-lead", "residual": "medium", "treatment": "accept"},
	object.union(risk, {"acceptance": object.union({"by": "p1", "date": "2026-06-01"}, acceptance)}),
)

_input(risk) := {"as_of": "2026-11-27", "register": {"risks": [{"id": "r0", "title": "Other", "owner": "fin-lead"}, risk]}}

test_risk_grown_above_the_accepted_level_fires if {
	risk_005.finding == {{
		"subject": "risk:r1",
		"message": "Risk r1 \"Legacy VPN\" has a stale acceptance (it accepted residual level low but the risk's residual level is medium): have the risk re-accepted at its current residual level, or treat it otherwise.",
		"path": "/risks/1/acceptance/residual",
	}} with input as _input(_risk({}, {"residual": "low"}))
		with data.rolecall.params as _params
}

test_risk_at_or_below_the_accepted_level_does_not_fire if {
	count(risk_005.finding) == 0 with input as _input(_risk({}, {"residual": "medium"}))
		with data.rolecall.params as _params
	count(risk_005.finding) == 0 with input as _input(_risk({"residual": "low"}, {"residual": "high"}))
		with data.rolecall.params as _params
}

# Without a residual level the risk counts as high.
test_absent_residual_counts_as_high if {
	risk_005.finding == {{
		"subject": "risk:r1",
		"message": "Risk r1 \"Legacy VPN\" has a stale acceptance (it accepted residual level medium but the risk's residual level is high (none is given)): have the risk re-accepted at its current residual level, or treat it otherwise.",
		"path": "/risks/1/acceptance/residual",
	}} with input as _input(object.remove(_risk({}, {"residual": "medium"}), ["residual"]))
		with data.rolecall.params as _params
	count(risk_005.finding) == 0 with input as _input(object.remove(_risk({}, {"residual": "high"}), ["residual"]))
		with data.rolecall.params as _params
}

# Without acceptance.residual nothing tells what level was accepted.
test_acceptance_without_residual_is_not_compared if {
	count(risk_005.finding) == 0 with input as _input(_risk({"residual": "critical"}, {}))
		with data.rolecall.params as _params
}

# 2025-11-27 is exactly 365 days before 2026-11-27: not older. One day more is.
test_acceptance_one_day_past_the_age_limit_fires if {
	risk_005.finding == {{
		"subject": "risk:r1",
		"message": "Risk r1 \"Legacy VPN\" has a stale acceptance (it is dated 2025-11-26, more than 365 days before 2026-11-27): have the risk re-accepted at its current residual level, or treat it otherwise.",
		"path": "/risks/1/acceptance/date",
	}} with input as _input(_risk({}, {"date": "2025-11-26"}))
		with data.rolecall.params as _params
}

test_acceptance_exactly_at_the_age_limit_does_not_fire if {
	count(risk_005.finding) == 0 with input as _input(_risk({}, {"date": "2025-11-27"}))
		with data.rolecall.params as _params
	count(risk_005.finding) == 0 with input as _input(_risk({}, {"date": "2025-11-28"}))
		with data.rolecall.params as _params
}

test_acceptance_dated_after_as_of_is_not_old if {
	count(risk_005.finding) == 0 with input as _input(_risk({}, {"date": "2027-01-01", "residual": "medium"}))
		with data.rolecall.params as _params
}

test_both_reasons_give_one_finding if {
	risk_005.finding == {{
		"subject": "risk:r1",
		"message": "Risk r1 \"Legacy VPN\" has a stale acceptance (it accepted residual level low but the risk's residual level is critical, and it is dated 2024-01-01, more than 365 days before 2026-11-27): have the risk re-accepted at its current residual level, or treat it otherwise.",
		"path": "/risks/1/acceptance",
	}} with input as _input(_risk({"residual": "critical"}, {"date": "2024-01-01", "residual": "low"}))
		with data.rolecall.params as _params
}

# An expired acceptance is A52-RISK-003's or A52-RISK-006's; one that expires on
# as_of is still valid and can be stale.
test_expired_acceptance_does_not_fire if {
	count(risk_005.finding) == 0 with input as _input(_risk({"residual": "critical"}, {"date": "2024-01-01", "residual": "low", "expires_on": "2026-11-26"}))
		with data.rolecall.params as _params
	{f.path | some f in risk_005.finding} == {"/risks/1/acceptance"} with input as _input(_risk({"residual": "critical"}, {"date": "2024-01-01", "residual": "low", "expires_on": "2026-11-27"}))
		with data.rolecall.params as _params
}

# The acceptance counts whatever the risk's treatment; no acceptance, no finding.
test_any_treatment_and_no_acceptance if {
	{f.subject | some f in risk_005.finding} == {"risk:r1"} with input as _input(_risk({"treatment": "mitigate"}, {"residual": "low"}))
		with data.rolecall.params as _params
	count(risk_005.finding) == 0 with input as _input({"id": "r1", "title": "Legacy VPN", "residual": "critical", "treatment": "accept"})
		with data.rolecall.params as _params
}

test_age_parameter if {
	count(risk_005.finding) == 1 with input as _input(_risk({}, {"date": "2026-08-28"}))
		with data.rolecall.params as {"acceptance_max_age_days": 90}
	count(risk_005.finding) == 0 with input as _input(_risk({}, {"date": "2026-08-29"}))
		with data.rolecall.params as {"acceptance_max_age_days": 90}
}
