# METADATA
# title: Risk acceptance gone stale
# description: |
#   An unexpired acceptance still has to cover the risk as it is now: when the
#   acceptance records the residual level the acceptor accepted
#   (acceptance.residual) and the risk's residual level (high when absent) has
#   grown above it, the risk that is run is not the one that was accepted; and an
#   acceptance dated more than acceptance_max_age_days days (365 by default) before
#   the evaluation date has not been reconsidered for too long. An expired
#   acceptance is A52-RISK-003's or A52-RISK-006's finding, not this rule's.
# related_resources:
#   - description: ISO/IEC 27001:2022 clause 6.1, Actions to address risks and opportunities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-RISK-005
#   severity: high
#   control: Clause 6.1
#   remediation: Have the risk owner re-accept the risk at its current residual level and record the new acceptance (by, date, residual, expires_on), or treat the risk otherwise.
package rolecall.rules.risk_005

import data.rolecall.lib

# Acceptances dated before this date are older than acceptance_max_age_days.
_cutoff := lib.days_before(lib.as_of, lib.params.acceptance_max_age_days)

# _residual_reason(risk, acceptance) says how the risk grew above the residual
# level the acceptance accepted; undefined when it did not or when the acceptance
# records no level.
_residual_reason(risk, acceptance) := sprintf(
	"it accepted residual level %s but the risk's residual level is %s",
	[acceptance.residual, _level_display(risk)],
) if {
	lib.risk_rank[object.get(risk, "residual", "high")] > lib.risk_rank[acceptance.residual]
}

# _date_reason(acceptance, cutoff) says how old the acceptance is; undefined when
# it is not older than acceptance_max_age_days.
_date_reason(acceptance, cutoff) := sprintf(
	"it is dated %s, more than %d days before %s",
	[acceptance.date, lib.params.acceptance_max_age_days, lib.as_of],
) if {
	lib.older_than_cutoff(acceptance.date, cutoff)
}

# _level_display(risk) is the risk's residual level for a message, saying when it
# is absent and counted as high.
_level_display(risk) := risk.residual if {
	is_string(risk.residual)
} else := "high (none is given)"

# _path(i, reasons) points at the acceptance's field when one reason holds, at the
# acceptance when both do.
_path(i, reasons) := lib.ptr(["risks", i, "acceptance", reasons[0][0]]) if {
	count(reasons) == 1
} else := lib.ptr(["risks", i, "acceptance"])

finding contains {
	"subject": sprintf("risk:%s", [risk.id]),
	"message": sprintf(
		"Risk %s has a stale acceptance (%s): have the risk re-accepted at its current residual level, or treat it otherwise.",
		[lib.risk_display(risk), concat(", and ", [reason | some [_, reason] in reasons])],
	),
	"path": _path(i, reasons),
} if {
	cutoff := _cutoff
	some i, risk in lib.risk_list
	acceptance := risk.acceptance
	not lib.expired(acceptance)

	# [field, reason] for each reason that holds, in the catalogue's order.
	reasons := array.concat(
		[["residual", reason] | reason := _residual_reason(risk, acceptance)],
		[["date", reason] | reason := _date_reason(acceptance, cutoff)],
	)
	count(reasons) > 0
}
