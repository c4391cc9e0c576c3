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

# on_cycle is the set of the indices (in lib.delegation_list) of the delegations
# on a cycle. The Go engine computes it in linear time and memory, with one pass
# over the strongly connected components of the graph, and passes it as
# input.derived.delegations_on_cycle; without it (a plain OPA sent only the
# register) the rule computes it below, which costs memory that grows with the
# square of a long chain.
on_cycle := {i | some i in input.derived.delegations_on_cycle} if {
	is_array(input.derived.delegations_on_cycle)
} else := _on_cycle_in_rego

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
_on_cycle_in_rego := {i |
	some i, delegation in lib.delegation_list
	[delegation.activity, delegation.from] in _reachable_from[[delegation.activity, delegation.to]]
}

finding contains {
	"subject": sprintf("delegation:%s", [delegation.id]),
	"message": sprintf(
		"Delegation %s of activity %s from %s to %s is on a cycle of delegations that leads back to %s: remove or redirect one so the task ends with a role that performs it.",
		[delegation.id, delegation.activity, delegation.from, delegation.to, delegation.from],
	),
	"path": lib.ptr(["delegations", i]),
} if {
	some i in on_cycle
	delegation := lib.delegation_list[i]
}
