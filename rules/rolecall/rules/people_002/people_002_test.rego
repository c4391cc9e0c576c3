package rolecall.rules.people_002_test

import data.rolecall.rules.people_002

_roles := [{"id": "staff", "name": "Staff", "kind": "staff", "function": "other"}]

# _check(people, teams) is the rule's findings for a register of these people and teams.
_check(people, teams) := findings if {
	findings := people_002.finding with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": _roles,
		"people": people,
		"teams": teams,
	}}
}

test_active_person_without_roles_fires if {
	_check([{"id": "p0", "name": "Zoe", "roles": ["staff"]}, {"id": "p1", "name": "Ann"}], []) == {{
		"subject": "person:p1",
		"message": "Person p1 \"Ann\" is active but holds no role, directly or through a team: give them the roles they perform, at least the staff role.",
		"path": "/people/1",
	}}
}

test_empty_roles_fire_at_the_field if {
	_check([{"id": "p1", "name": "Ann", "status": "active", "roles": []}], []) == {{
		"subject": "person:p1",
		"message": "Person p1 \"Ann\" is active but holds no role, directly or through a team: give them the roles they perform, at least the staff role.",
		"path": "/people/0/roles",
	}}
}

test_people_on_leave_and_leavers_are_not_checked if {
	count(_check(
		[
			{"id": "p1", "name": "Ann", "status": "on_leave"},
			{"id": "p2", "name": "Bob", "status": "leaver", "roles": []},
		],
		[],
	)) == 0
}

test_role_held_directly_passes if {
	count(_check([{"id": "p1", "name": "Ann", "roles": ["staff"]}], [])) == 0
}

test_role_held_through_a_team_passes if {
	count(_check([{"id": "p1", "name": "Ann"}], [{"id": "t1", "name": "All staff", "members": ["p1"], "roles": ["staff"]}])) == 0
}

# Holding counts every id listed, defined or not: the undefined id is A52-REF-001's.
test_undefined_role_id_is_held if {
	count(_check([{"id": "p1", "name": "Ann", "roles": ["ghost"]}], [])) == 0
	count(_check([{"id": "p1", "name": "Ann"}], [{"id": "t1", "name": "Ghosts", "members": ["p1"], "roles": ["ghost"]}])) == 0
}

test_member_of_a_team_without_roles_fires if {
	{f.subject | some f in _check(
		[{"id": "p1", "name": "Ann"}],
		[
			{"id": "t1", "name": "Social club", "members": ["p1"]},
			{"id": "t2", "name": "Empty", "members": ["p1"], "roles": []},
		],
	)} == {"person:p1"}
}

test_teams_absent if {
	{f.subject | some f in people_002.finding} == {"person:p1"} with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": _roles,
		"people": [{"id": "p1", "name": "Ann"}],
	}}
}
