package rolecall.rules.pol_003_test

import data.rolecall.rules.pol_003

_params := {"policy_review_interval_days": 365}

_input(policy) := {"as_of": "2026-11-27", "register": {
	"organisation": {"name": "Acme", "reviewed_on": "2026-11-01"},
	"policy": object.union({"id": "ISP", "title": "Security policy"}, policy),
	"roles": [],
	"people": [],
}}

test_never_reviewed_fires if {
	pol_003.finding == {{
		"subject": "policy",
		"message": "Policy ISP \"Security policy\" has never been reviewed (it has neither reviewed_on nor approved_on): review it and record the date in policy.reviewed_on.",
		"path": "/policy",
	}} with input as _input({})
		with data.rolecall.params as _params
}

# 2025-11-27 is exactly 365 days before 2026-11-27: not older. One day more is.
test_review_one_day_past_the_interval_fires if {
	pol_003.finding == {{
		"subject": "policy",
		"message": "Policy ISP \"Security policy\" was last reviewed or approved on 2025-11-26, more than 365 days before 2026-11-27: review it and record the date in policy.reviewed_on.",
		"path": "/policy/reviewed_on",
	}} with input as _input({"reviewed_on": "2025-11-26", "approved_on": "2024-01-01"})
		with data.rolecall.params as _params
}

test_review_exactly_at_the_interval_does_not_fire if {
	count(pol_003.finding) == 0 with input as _input({"reviewed_on": "2025-11-27"})
		with data.rolecall.params as _params
	count(pol_003.finding) == 0 with input as _input({"reviewed_on": "2025-11-28"})
		with data.rolecall.params as _params
}

test_later_approval_counts if {
	count(pol_003.finding) == 0 with input as _input({"reviewed_on": "2024-01-01", "approved_on": "2026-01-01"})
		with data.rolecall.params as _params
}

test_approval_alone_counts_and_is_pointed_to if {
	pol_003.finding == {{
		"subject": "policy",
		"message": "Policy ISP \"Security policy\" was last reviewed or approved on 2025-01-01, more than 365 days before 2026-11-27: review it and record the date in policy.reviewed_on.",
		"path": "/policy/approved_on",
	}} with input as _input({"approved_on": "2025-01-01"})
		with data.rolecall.params as _params
	count(pol_003.finding) == 0 with input as _input({"approved_on": "2026-01-01"})
		with data.rolecall.params as _params
}

test_both_old_points_to_the_later if {
	{f.path | some f in pol_003.finding} == {"/policy/approved_on"} with input as _input({"reviewed_on": "2024-01-01", "approved_on": "2025-01-01"})
		with data.rolecall.params as _params
}

test_date_after_as_of_is_not_old if {
	count(pol_003.finding) == 0 with input as _input({"reviewed_on": "2027-01-01"})
		with data.rolecall.params as _params
}

# No policy is A52-POL-001's finding; the register's own review does not count.
test_no_policy_does_not_fire if {
	count(pol_003.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"organisation": {"name": "Acme"}, "roles": [], "people": []}}
		with data.rolecall.params as _params
}

test_interval_parameter if {
	count(pol_003.finding) == 1 with input as _input({"reviewed_on": "2026-08-28"})
		with data.rolecall.params as {"policy_review_interval_days": 90}
	count(pol_003.finding) == 0 with input as _input({"reviewed_on": "2026-08-29"})
		with data.rolecall.params as {"policy_review_interval_days": 90}
}
