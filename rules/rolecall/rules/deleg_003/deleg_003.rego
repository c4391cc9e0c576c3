# METADATA
# title: Delegation not reviewed by the delegating role
# description: |
#   Delegating a task keeps the delegator answerable for it: a holder of the from role
#   must review that the delegated work was done.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-DELEG-003
#   severity: medium
#   control: A.5.2
#   remediation: Have a holder of the delegating role check the delegated work and record it in review.
package rolecall.rules.deleg_003

import data.rolecall.lib

finding contains {
	"subject": sprintf("delegation:%s", [delegation.id]),
	"message": sprintf(
		"Delegation %s of activity %s has no review: have a holder of the delegating role %s check the work and record it.",
		[delegation.id, delegation.activity, lib.role_display(delegation.from)],
	),
	"path": lib.ptr(["delegations", i]),
} if {
	some i, delegation in lib.delegation_list
	not delegation.review
}

finding contains {
	"subject": sprintf("delegation:%s", [delegation.id]),
	"message": sprintf(
		"Delegation %s of activity %s was reviewed by %s, who does not hold the delegating role %s: have a holder of it review the work.",
		[delegation.id, delegation.activity, lib.person_display(reviewer), lib.role_display(delegation.from)],
	),
	"path": lib.ptr(["delegations", i, "review", "by"]),
} if {
	some i, delegation in lib.delegation_list
	reviewer := delegation.review.by
	not lib.holds(reviewer, delegation.from)
}
