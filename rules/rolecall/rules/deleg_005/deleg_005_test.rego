package rolecall.rules.deleg_005_test

import data.rolecall.rules.deleg_005

_d(id, activity, from, to) := {"id": id, "activity": activity, "from": from, "to": to}

_message(d) := sprintf(
	"Delegation %s of activity %s from %s to %s is on a cycle of delegations that leads back to %s: remove or redirect one so the task ends with a role that performs it.",
	[d.id, d.activity, d.from, d.to, d.from],
)

test_three_delegation_cycle_reports_every_delegation_on_it if {
	deleg_005.finding == {
		{"subject": "delegation:d2", "message": _message(_d("d2", "a1", "r1", "r2")), "path": "/delegations/1"},
		{"subject": "delegation:d3", "message": _message(_d("d3", "a1", "r2", "r3")), "path": "/delegations/2"},
		{"subject": "delegation:d4", "message": _message(_d("d4", "a1", "r3", "r1")), "path": "/delegations/3"},
	} with input as {"as_of": "2026-11-27", "register": {"delegations": [
		_d("d1", "a1", "r0", "r1"),
		_d("d2", "a1", "r1", "r2"),
		_d("d3", "a1", "r2", "r3"),
		_d("d4", "a1", "r3", "r1"),
		_d("d5", "a1", "r3", "r4"),
	]}}
}

test_self_delegation_is_a_cycle if {
	deleg_005.finding == {{
		"subject": "delegation:d1",
		"message": "Delegation d1 of activity a1 from r1 to r1 is on a cycle of delegations that leads back to r1: remove or redirect one so the task ends with a role that performs it.",
		"path": "/delegations/0",
	}} with input as {"as_of": "2026-11-27", "register": {"delegations": [_d("d1", "a1", "r1", "r1")]}}
}

test_expired_delegations_count if {
	count(deleg_005.finding) == 2 with input as {"as_of": "2026-11-27", "register": {"delegations": [
		object.union(_d("d1", "a1", "r1", "r2"), {"expires_on": "2020-01-01"}),
		_d("d2", "a1", "r2", "r1"),
	]}}
}

test_cycle_across_activities_is_not_a_cycle if {
	count(deleg_005.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"delegations": [
		_d("d1", "a1", "r1", "r2"),
		_d("d2", "a2", "r2", "r1"),
	]}}
}

test_chain_and_diamond_without_cycle_do_not_fire if {
	count(deleg_005.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"delegations": [
		_d("d1", "a1", "r1", "r2"),
		_d("d2", "a1", "r1", "r3"),
		_d("d3", "a1", "r2", "r4"),
		_d("d4", "a1", "r3", "r4"),
		_d("d5", "a1", "r4", "r5"),
	]}}
}

test_parallel_delegations_on_a_cycle_are_all_reported if {
	count(deleg_005.finding) == 3 with input as {"as_of": "2026-11-27", "register": {"delegations": [
		_d("d1", "a1", "r1", "r2"),
		_d("d2", "a1", "r1", "r2"),
		_d("d3", "a1", "r2", "r1"),
	]}}
}

# The Go engine passes the delegations on a cycle as input.derived: the rule
# reports exactly those, and computes them itself only when derived is absent.
test_derived_cycles_are_used_when_present if {
	deleg_005.finding == {{
		"subject": "delegation:d2",
		"message": _message(_d("d2", "a1", "r2", "r3")),
		"path": "/delegations/1",
	}} with input as {
		"as_of": "2026-11-27",
		"register": {"delegations": [_d("d1", "a1", "r1", "r2"), _d("d2", "a1", "r2", "r3")]},
		"derived": {"delegations_on_cycle": [1]},
	}
}

test_derived_without_cycles_reports_nothing if {
	count(deleg_005.finding) == 0 with input as {
		"as_of": "2026-11-27",
		"register": {"delegations": [_d("d1", "a1", "r1", "r2"), _d("d2", "a1", "r2", "r1")]},
		"derived": {"delegations_on_cycle": []},
	}
}

test_derived_index_out_of_range_is_ignored if {
	count(deleg_005.finding) == 0 with input as {
		"as_of": "2026-11-27",
		"register": {"delegations": [_d("d1", "a1", "r1", "r2")]},
		"derived": {"delegations_on_cycle": [7, "x"]},
	}
}

test_derived_that_is_not_a_list_falls_back if {
	count(deleg_005.finding) == 2 with input as {
		"as_of": "2026-11-27",
		"register": {"delegations": [_d("d1", "a1", "r1", "r2"), _d("d2", "a1", "r2", "r1")]},
		"derived": {"delegations_on_cycle": "all"},
	}
}
