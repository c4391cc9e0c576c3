# METADATA
# title: Delegation expired
# description: |
#   A delegation whose expires_on is before the evaluation date no longer hands on the
#   task, yet the register still records it: the task may have fallen between roles.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-DELEG-004
#   severity: medium
#   control: A.5.2
#   remediation: Renew the delegation with a new expiry date or remove it and give the task back to the delegating role.
package rolecall.rules.deleg_004

import data.rolecall.lib

finding contains {
	"subject": sprintf("delegation:%s", [delegation.id]),
	"message": sprintf(
		"Delegation %s of activity %s from %s to %s expired on %s: renew it or remove it and take the task back.",
		[delegation.id, delegation.activity, delegation.from, delegation.to, delegation.expires_on],
	),
	"path": lib.ptr(["delegations", i, "expires_on"]),
} if {
	some i, delegation in lib.delegation_list
	lib.expired(delegation)
}
