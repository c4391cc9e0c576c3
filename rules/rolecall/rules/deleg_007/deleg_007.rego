# METADATA
# title: Delegation reviewed by the delegate
# description: |
#   The review of a delegation is the delegator's check that the delegated task was
#   done; a reviewer who holds the delegation's to role checked their own work.
#   Holding does not depend on status: a reviewer who is on leave or has left since
#   still held the role.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
#   - description: ISO/IEC 27001:2022 Annex A 5.3, Segregation of duties
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-DELEG-007
#   severity: medium
#   control: A.5.2
#   remediation: Have a holder of the delegating role who does not hold the delegate role review the delegated work and record it in review.
package rolecall.rules.deleg_007

import data.rolecall.lib

finding contains {
	"subject": sprintf("delegation:%s", [delegation.id]),
	"message": sprintf(
		"Delegation %s of activity %s was reviewed by %s, who holds the delegate role %s and so checked their own work: have a holder of the delegating role %s review it.",
		[delegation.id, delegation.activity, lib.display(reviewer), lib.role_display(delegation.to), lib.role_display(delegation.from)],
	),
	"path": lib.ptr(["delegations", i, "review", "by"]),
} if {
	some i, delegation in lib.delegation_list
	pid := delegation.review.by
	lib.holds(pid, delegation.to)

	# an id that names no person holds nothing, even when a team lists it
	reviewer := lib.person(pid)
}
