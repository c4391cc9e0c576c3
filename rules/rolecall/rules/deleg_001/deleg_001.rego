# METADATA
# title: Accountability delegated
# description: |
#   Tasks can be delegated, accountability cannot: a delegation with scope accountable
#   hands on what must stay with the delegating role.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-DELEG-001
#   severity: high
#   control: A.5.2
#   remediation: Delegate only the responsible scope and keep accountability with the delegating role.
package rolecall.rules.deleg_001

import data.rolecall.lib

finding contains {
	"subject": sprintf("delegation:%s", [delegation.id]),
	"message": sprintf(
		"Delegation %s hands accountability for activity %s from %s to %s: delegate only the responsible scope and keep accountability with %s.",
		[delegation.id, delegation.activity, delegation.from, delegation.to, delegation.from],
	),
	"path": lib.ptr(["delegations", i, "scope"]),
} if {
	some i, delegation in lib.delegation_list
	lib.delegation_scope(delegation) == "accountable"
}
