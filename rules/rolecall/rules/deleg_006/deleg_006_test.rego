package rolecall.rules.deleg_006_test

import data.rolecall.rules.deleg_006

_roles := [
	{"id": "fin-lead", "name": "Finance lead", "kind": "process_owner", "function": "finance"},
	{"id": "payments", "name": "Payments clerk", "kind": "staff", "function": "finance"},
	{"id": "approver", "name": "Payment approver", "kind": "other", "function": "finance"},
	{"id": "auditor", "name": "Auditor", "kind": "internal_auditor", "function": "security"},
]

_activities := [{
	"id": "a1", "name": "Payments run", "process": "other",
	"raci": {"accountable": ["approver"], "responsible": ["fin-lead"], "consulted": ["auditor"]},
}]

_conflicts := [{"id": "sod-1", "roles": ["approver", "payments"], "reason": "who pays does not approve"}]

_delegation(extra) := object.union({"id": "d1", "activity": "a1", "from": "fin-lead", "to": "payments"}, extra)

_input(delegations, conflicts) := {"as_of": "2026-11-27", "register": {
	"roles": _roles, "activities": _activities,
	"delegations": delegations, "segregation": conflicts,
}}

_message := "Delegation d1 hands activity a1 \"Payments run\" to role payments \"Payments clerk\", which segregation keeps apart from approver \"Payment approver\" (accountable on it; segregation conflict sod-1): delegate the task to a role without such a conflict, or remove the delegation."

test_delegation_to_the_conflicting_role_fires if {
	deleg_006.finding == {{
		"subject": "delegation:d1",
		"message": _message,
		"path": "/delegations/0/to",
	}} with input as _input([_delegation({})], _conflicts)
}

test_conflict_listed_the_other_way_round_fires if {
	deleg_006.finding == {{
		"subject": "delegation:d1",
		"message": "Delegation d1 hands activity a1 \"Payments run\" to role payments \"Payments clerk\", which segregation keeps apart from fin-lead \"Finance lead\" (responsible on it; segregation conflict sod-2): delegate the task to a role without such a conflict, or remove the delegation.",
		"path": "/delegations/0/to",
	}} with input as _input([_delegation({})], [{"id": "sod-2", "roles": ["payments", "fin-lead"]}])
}

test_several_conflicts_give_one_finding if {
	deleg_006.finding == {{
		"subject": "delegation:d1",
		"message": "Delegation d1 hands activity a1 \"Payments run\" to role payments \"Payments clerk\", which segregation keeps apart from approver \"Payment approver\" (accountable on it; segregation conflict sod-1) and fin-lead \"Finance lead\" (responsible on it; segregation conflict sod-2, sod-3): delegate the task to a role without such a conflict, or remove the delegation.",
		"path": "/delegations/0/to",
	}} with input as _input([_delegation({})], array.concat(_conflicts, [
		{"id": "sod-2", "roles": ["payments", "fin-lead"]},
		{"id": "sod-3", "roles": ["fin-lead", "payments"]},
	]))
}

test_expiry_boundaries if {
	# expired the day before as_of: no longer hands on the task.
	count(deleg_006.finding) == 0 with input as _input([_delegation({"expires_on": "2026-11-26"})], _conflicts)

	# expiring on as_of or later: still in force.
	count(deleg_006.finding) == 1 with input as _input([_delegation({"expires_on": "2026-11-27"})], _conflicts)
	count(deleg_006.finding) == 1 with input as _input([_delegation({"expires_on": "2026-11-28"})], _conflicts)
}

test_conflict_with_a_consulted_role_does_not_fire if {
	count(deleg_006.finding) == 0 with input as _input([_delegation({})], [{"id": "sod-4", "roles": ["payments", "auditor"]}])
}

test_conflict_between_two_other_roles_does_not_fire if {
	count(deleg_006.finding) == 0 with input as _input([_delegation({})], [{"id": "sod-5", "roles": ["approver", "fin-lead"]}])
}

test_conflict_partner_not_on_the_activity_does_not_fire if {
	count(deleg_006.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"roles": _roles,
		"activities": [{"id": "a1", "name": "Payments run", "process": "other", "raci": {"responsible": ["payments"]}}],
		"delegations": [_delegation({})],
		"segregation": [{"id": "sod-6", "roles": ["payments", "auditor"]}],
	}}
}

test_undefined_activity_does_not_fire if {
	count(deleg_006.finding) == 0 with input as _input([_delegation({"activity": "ghost"})], _conflicts)
}

test_no_segregation_does_not_fire if {
	count(deleg_006.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"roles": _roles, "activities": _activities, "delegations": [_delegation({})],
	}}
}
