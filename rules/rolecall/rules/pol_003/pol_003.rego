# METADATA
# title: Policy not reviewed within the review interval
# description: |
#   The information security policy must be reviewed at planned intervals: the
#   later of policy.reviewed_on and policy.approved_on must be at most
#   policy_review_interval_days days (365 by default) before the evaluation date; a
#   policy with neither has never been reviewed. A register without a policy is
#   A52-POL-001's finding, not this rule's.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.1, Policies for information security
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-POL-003
#   severity: medium
#   control: A.5.1
#   remediation: Review the information security policy and record the date in policy.reviewed_on.
package rolecall.rules.pol_003

import data.rolecall.lib

# Reviews before this date are older than the interval.
_cutoff := lib.days_before(lib.as_of, lib.params.policy_review_interval_days)

_policy := lib.register.policy

# _dates maps each of reviewed_on and approved_on that is given to its date.
_dates := {field: date |
	some field in ["reviewed_on", "approved_on"]
	date := _policy[field]
}

# _last_field is the field holding the later of the two dates (reviewed_on on a tie).
_last_field := "reviewed_on" if {
	_dates.reviewed_on == max({d | some d in _dates})
} else := "approved_on" if {
	_dates.approved_on
}

finding contains {
	"subject": "policy",
	"message": sprintf(
		"Policy %s has never been reviewed (it has neither reviewed_on nor approved_on): review it and record the date in policy.reviewed_on.",
		[lib.policy_display],
	),
	"path": "/policy",
} if {
	_policy
	count(_dates) == 0
}

finding contains {
	"subject": "policy",
	"message": sprintf(
		"Policy %s was last reviewed or approved on %s, more than %d days before %s: review it and record the date in policy.reviewed_on.",
		[lib.policy_display, _dates[_last_field], lib.params.policy_review_interval_days, lib.as_of],
	),
	"path": lib.ptr(["policy", _last_field]),
} if {
	lib.older_than_cutoff(_dates[_last_field], _cutoff)
}
