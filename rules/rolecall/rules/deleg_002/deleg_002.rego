# METADATA
# title: Delegation by a role that has nothing to delegate
# description: |
#   A role can only delegate a task it has: its from role must be responsible or
#   accountable on the activity, or itself be the to of another unexpired delegation
#   of the same activity (a sub-delegation).
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-DELEG-002
#   severity: high
#   control: A.5.2
#   remediation: Have the delegation made by a role responsible or accountable for the activity, or fix the activity's RACI.
package rolecall.rules.deleg_002

import data.rolecall.lib

_unexpired := [d | some d in lib.delegation_list; not lib.expired(d)]

_unexpired_targets := {[d.activity, d.to] | some d in _unexpired}

# _unexpired_into[[activity, role]] is the set of ids of the unexpired delegations of
# the activity whose to is the role.
_unexpired_into := {key: ids |
	some key in _unexpired_targets
	ids := {d.id | some d in _unexpired; [d.activity, d.to] == key}
}

# _has_task(delegation, activity): the from role is responsible or accountable on the
# activity, or the to of another unexpired delegation of the same activity.
_has_task(delegation, activity) if delegation.from in lib.raci(activity, "responsible")

_has_task(delegation, activity) if delegation.from in lib.raci(activity, "accountable")

_has_task(delegation, _) if {
	some other in _unexpired_into[[delegation.activity, delegation.from]]
	other != delegation.id
}

finding contains {
	"subject": sprintf("delegation:%s", [delegation.id]),
	"message": sprintf(
		"Delegation %s is made by %s, which is neither responsible nor accountable on activity %s nor delegated it: have a role that holds the task delegate it.",
		[delegation.id, lib.role_display(delegation.from), lib.display(activity)],
	),
	"path": lib.ptr(["delegations", i, "from"]),
} if {
	some i, delegation in lib.delegation_list
	activity := lib.activities[delegation.activity].e
	not _has_task(delegation, activity)
}
