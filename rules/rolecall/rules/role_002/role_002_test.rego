package rolecall.rules.role_002_test

import data.rolecall.rules.role_002

_roles := [{"id": "isms", "name": "ISMS manager", "kind": "isms_manager", "function": "security"}]

test_role_without_holder_fires if {
	role_002.finding == {{
		"subject": "role:isms",
		"message": "Role isms \"ISMS manager\" has no active holder: allocate it to an active person, directly or through a team.",
		"path": "/roles/0",
	}} with input as {"as_of": "2026-11-27", "register": {"roles": _roles, "people": [{"id": "p1", "name": "P1"}]}}
}

test_active_holder_by_default_status if {
	count(role_002.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"roles": _roles,
		"people": [{"id": "p1", "name": "P1", "roles": ["isms"]}],
	}}
}

test_holder_on_leave_does_not_allocate if {
	{f.subject | some f in role_002.finding} == {"role:isms"} with input as {"as_of": "2026-11-27", "register": {
		"roles": _roles,
		"people": [{"id": "p1", "name": "P1", "status": "on_leave", "roles": ["isms"]}],
	}}
}

test_leaver_does_not_allocate if {
	{f.subject | some f in role_002.finding} == {"role:isms"} with input as {"as_of": "2026-11-27", "register": {
		"roles": _roles,
		"people": [{"id": "p1", "name": "P1", "status": "leaver", "roles": ["isms"]}],
	}}
}

test_one_active_holder_among_others_allocates if {
	count(role_002.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"roles": _roles,
		"people": [
			{"id": "p1", "name": "P1", "status": "leaver", "roles": ["isms"]},
			{"id": "p2", "name": "P2", "status": "active", "roles": ["isms"]},
		],
	}}
}

test_active_team_member_allocates if {
	count(role_002.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"roles": _roles,
		"people": [{"id": "p1", "name": "P1"}],
		"teams": [{"id": "t1", "name": "Security", "members": ["p1"], "roles": ["isms"]}],
	}}
}

# A team member who is not a defined person has no status: it does not allocate.
test_undefined_team_member_does_not_allocate if {
	{f.path | some f in role_002.finding} == {"/roles/0"} with input as {"as_of": "2026-11-27", "register": {
		"roles": _roles,
		"people": [],
		"teams": [{"id": "t1", "name": "Security", "members": ["ghost"], "roles": ["isms"]}],
	}}
}
