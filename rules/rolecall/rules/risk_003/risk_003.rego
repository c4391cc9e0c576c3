# METADATA
# title: Accepted risk without a valid acceptance
# description: |
#   A risk treated by acceptance needs a recorded, unexpired acceptance: who accepted
#   it and when. An acceptance that expired before the evaluation date no longer
#   covers the risk.
# related_resources:
#   - description: ISO/IEC 27001:2022 clause 6.1, Actions to address risks and opportunities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-RISK-003
#   severity: high
#   control: Clause 6.1
#   remediation: Record a current acceptance (by, date, expires_on) from someone entitled to accept the risk, or treat it otherwise.
package rolecall.rules.risk_003

import data.rolecall.lib

finding contains {
	"subject": sprintf("risk:%s", [risk.id]),
	"message": sprintf(
		"Risk %s is treated by acceptance but no acceptance is recorded: record who accepted it, when and until when.",
		[lib.risk_display(risk)],
	),
	"path": lib.ptr(["risks", i]),
} if {
	some i, risk in lib.risk_list
	risk.treatment == "accept"
	not risk.acceptance
}

finding contains {
	"subject": sprintf("risk:%s", [risk.id]),
	"message": sprintf(
		"Risk %s is treated by acceptance but its acceptance expired on %s: renew the acceptance or treat the risk otherwise.",
		[lib.risk_display(risk), risk.acceptance.expires_on],
	),
	"path": lib.ptr(["risks", i, "acceptance", "expires_on"]),
} if {
	some i, risk in lib.risk_list
	risk.treatment == "accept"
	lib.expired(risk.acceptance)
}
