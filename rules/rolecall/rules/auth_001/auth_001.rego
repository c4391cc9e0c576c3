# METADATA
# title: Required decision without an authority
# description: |
#   Every decision the organisation requires an authorisation level for (parameter
#   required_decisions: granting access, approving exceptions and suppliers,
#   accepting risks) needs an authority naming the role that approves it.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-AUTH-001
#   severity: high
#   control: A.5.2
#   remediation: Add an authority for the decision that names its approver role (and its limits).
package rolecall.rules.auth_001

import data.rolecall.lib

_decided := {a.decision | some a in lib.authority_list}

finding contains {
	"subject": sprintf("decision:%s", [decision]),
	"message": sprintf("No authority says who approves the decision %s: add an authority naming its approver role.", [decision]),
} if {
	some decision in lib.params.required_decisions
	not decision in _decided
}
