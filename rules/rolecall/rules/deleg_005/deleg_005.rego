# METADATA
# title: Delegations form a cycle
# description: |
#   Delegations of one activity that lead back to where they started (a role
#   delegating to itself included; expired delegations count too) leave nobody
#   actually doing the task. Every delegation on such a cycle is reported.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-DELEG-005
#   severity: high
#   control: A.5.2
#   remediation: Remove or redirect a delegation so that the task ends with a role that performs it.
package rolecall.rules.deleg_005

import data.rolecall.lib

# The delegation graph: one node [activity, role] per role of an activity's
# delegations, one edge from -> to per delegation, so that the activities' graphs stay
# apart.
_sources := {[d.activity, d.from] | some d in lib.delegation_list}

_graph := {node: successors |
	some node in _sources
	successors := {[d.activity, d.to] | some d in lib.delegation_list; [d.activity, d.from] == node}
}

_targets := {[d.activity, d.to] | some d in lib.delegation_list}

# _reachable_from[node] is the set of nodes reachable from node (node included when
# it has a successor).
_reachable_from := {node: graph.reachable(_graph, {node}) | some node in _targets}

# A delegation from -> to is on a cycle when its from is reachable from its to.
finding contains {
	"subject": sprintf("delegation:%s", [delegation.id]),
	"message": sprintf(
		"Delegation %s of activity %s from %s to %s is on a cycle of delegations that leads back to %s: remove or redirect one so the task ends with a role that performs it.",
		[delegation.id, delegation.activity, delegation.from, delegation.to, delegation.from],
	),
	"path": lib.ptr(["delegations", i]),
} if {
	some i, delegation in lib.delegation_list
	[delegation.activity, delegation.from] in _reachable_from[[delegation.activity, delegation.to]]
}
