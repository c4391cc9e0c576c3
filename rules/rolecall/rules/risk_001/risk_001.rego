# METADATA
# title: Risk without an owner
# description: |
#   Every risk needs a risk owner: the role with the accountability and authority to
#   manage it (ISO/IEC 27001:2022 clause 6.1.2).
# related_resources:
#   - description: ISO/IEC 27001:2022 clause 6.1, Actions to address risks and opportunities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-RISK-001
#   severity: high
#   control: Clause 6.1
#   remediation: Name the business role accountable for the risk in its owner field.
package rolecall.rules.risk_001

import data.rolecall.lib

finding contains {
	"subject": sprintf("risk:%s", [risk.id]),
	"message": sprintf("Risk %s has no owner: name the business role accountable for managing it.", [lib.risk_display(risk)]),
	"path": lib.ptr(["risks", i]),
} if {
	some i, risk in lib.risk_list
	not risk.owner
}
