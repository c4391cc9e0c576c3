# METADATA
# title: Delegation undoes a segregation of duties
# description: |
#   Segregation of duties keeps two roles apart; delegating a task must not bring
#   them back together. An unexpired delegation of a defined activity whose to role
#   is in a segregation conflict with another role that is responsible or
#   accountable on that activity hands the task to the role the conflict keeps away
#   from it. One finding per delegation.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.3, Segregation of duties
#     ref: https://www.iso.org/standard/27001
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-DELEG-006
#   severity: high
#   control: A.5.3
#   remediation: Delegate the task to a role that is in no segregation conflict with the activity's responsible or accountable roles, or remove the delegation.
package rolecall.rules.deleg_006

import data.rolecall.lib

# _partners[role_id][other_role_id] is an object whose keys are the ids of the
# segregation conflicts that keep the two roles apart (both directions).
_partners := object.union_n([{role: {other: {conflict.id: true}}} |
	some conflict in lib.conflict_list
	some role in conflict.roles
	some other in conflict.roles
	role != other
])

# _part(activity, rid) says what the role is on the activity, for the message.
_part(activity, rid) := "responsible and accountable" if {
	rid in lib.raci(activity, "responsible")
	rid in lib.raci(activity, "accountable")
} else := "responsible" if {
	rid in lib.raci(activity, "responsible")
} else := "accountable"

finding contains {
	"subject": sprintf("delegation:%s", [delegation.id]),
	"message": sprintf(
		"Delegation %s hands activity %s to role %s, which segregation keeps apart from %s: delegate the task to a role without such a conflict, or remove the delegation.",
		[delegation.id, lib.display(activity), lib.role_display(delegation.to), concat(" and ", clashes)],
	),
	"path": lib.ptr(["delegations", i, "to"]),
} if {
	partners := _partners
	some i, delegation in lib.delegation_list
	conflicting := partners[delegation.to]
	not lib.expired(delegation)
	activity := lib.activities[delegation.activity].e
	doers := {rid | some rid in lib.raci(activity, "responsible")} | {rid | some rid in lib.raci(activity, "accountable")}
	clashes := [sprintf("%s (%s on it; segregation conflict %s)", [lib.role_display(other), _part(activity, other), lib.sorted_list(object.keys(conflicting[other]))]) |
		some other in sort(doers - {delegation.to})
		conflicting[other]
	]
	count(clashes) > 0
}
