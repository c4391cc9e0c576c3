package rolecall.rules.people_001_test

import data.rolecall.rules.people_001

_roles := [
	{"id": "isms", "name": "ISMS manager", "kind": "isms_manager", "function": "security"},
	{"id": "ceo", "name": "CEO", "kind": "senior_management", "function": "executive"},
]

test_leaver_with_direct_roles_fires if {
	people_001.finding == {{
		"subject": "person:p1",
		"message": "Person p1 \"Ann\" has left but still holds role(s) ceo, isms: remove the roles and team memberships and hand the roles over to an active person.",
		"path": "/people/0/roles",
	}} with input as {"as_of": "2026-11-27", "register": {
		"roles": _roles,
		"people": [{"id": "p1", "name": "Ann", "status": "leaver", "roles": ["isms", "ceo"]}],
	}}
}

test_leaver_holding_through_a_team_fires if {
	people_001.finding == {{
		"subject": "person:p1",
		"message": "Person p1 \"Ann\" has left but still holds role(s) isms: remove the roles and team memberships and hand the roles over to an active person.",
		"path": "/people/0",
	}} with input as {"as_of": "2026-11-27", "register": {
		"roles": _roles,
		"people": [{"id": "p1", "name": "Ann", "status": "leaver", "roles": []}],
		"teams": [{"id": "t1", "name": "Security", "members": ["p1"], "roles": ["isms"]}],
	}}
}

# Holding counts every id listed, defined or not.
test_leaver_holding_an_undefined_role_fires if {
	{f.subject | some f in people_001.finding} == {"person:p1"} with input as {"as_of": "2026-11-27", "register": {
		"roles": _roles,
		"people": [{"id": "p1", "name": "Ann", "status": "leaver", "roles": ["ghost"]}],
	}}
}

test_leaver_without_roles_does_not_fire if {
	count(people_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"roles": _roles,
		"people": [{"id": "p1", "name": "Ann", "status": "leaver"}],
		"teams": [{"id": "t1", "name": "Security", "members": ["p2"], "roles": ["isms"]}],
	}}
}

test_on_leave_and_active_holders_do_not_fire if {
	count(people_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"roles": _roles,
		"people": [
			{"id": "p1", "name": "Ann", "status": "on_leave", "roles": ["isms"]},
			{"id": "p2", "name": "Bob", "status": "active", "roles": ["ceo"]},
			{"id": "p3", "name": "Cy", "roles": ["ceo"]},
		],
	}}
}
