# METADATA
# title: Residual risk of a treated risk not accepted
# description: |
#   Treating a risk (mitigating or transferring it) leaves a residual risk, and
#   clause 6.1.3 f) requires the risk owners to accept it: a risk with treatment
#   mitigate or transfer that states a residual level needs a recorded, unexpired
#   acceptance. A risk treated by acceptance is A52-RISK-003's.
# related_resources:
#   - description: ISO/IEC 27001:2022 clause 6.1, Actions to address risks and opportunities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-RISK-006
#   severity: medium
#   control: Clause 6.1
#   remediation: Have the risk owner accept the residual risk after treatment and record the acceptance (by, date, residual, expires_on).
package rolecall.rules.risk_006

import data.rolecall.lib

_treatments := {"mitigate", "transfer"}

finding contains {
	"subject": sprintf("risk:%s", [risk.id]),
	"message": sprintf(
		"Risk %s is treated by %s and has residual level %s, but no acceptance of the residual risk is recorded: have the risk owner accept it and record who accepted it, when and until when.",
		[lib.risk_display(risk), risk.treatment, risk.residual],
	),
	"path": lib.ptr(["risks", i]),
} if {
	some i, risk in lib.risk_list
	risk.treatment in _treatments
	is_string(risk.residual)
	not risk.acceptance
}

finding contains {
	"subject": sprintf("risk:%s", [risk.id]),
	"message": sprintf(
		"Risk %s is treated by %s and has residual level %s, but the acceptance of the residual risk expired on %s: have the risk owner accept it again.",
		[lib.risk_display(risk), risk.treatment, risk.residual, risk.acceptance.expires_on],
	),
	"path": lib.ptr(["risks", i, "acceptance", "expires_on"]),
} if {
	some i, risk in lib.risk_list
	risk.treatment in _treatments
	is_string(risk.residual)
	lib.expired(risk.acceptance)
}
