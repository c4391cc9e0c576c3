package rolecall.rules.sod_001_test

import data.rolecall.rules.sod_001

_roles := [
	{"id": "requester", "name": "Requester", "kind": "other", "function": "business"},
	{"id": "approver", "name": "Approver", "kind": "other", "function": "finance"},
	{"id": "admin", "name": "Admin", "kind": "system_administrator", "function": "it"},
]

_conflicts := [
	{"id": "sod-1", "roles": ["requester", "approver"], "reason": "four eyes"},
	{"id": "sod-2", "roles": ["admin", "approver"]},
]

_register(people) := {"organisation": {"name": "Acme"}, "roles": _roles, "people": people, "segregation": _conflicts}

test_person_holding_both_roles_fires if {
	sod_001.finding == {{
		"subject": "person:p1",
		"message": "Person p1 \"Ann\" holds both requester \"Requester\" and approver \"Approver\", which segregation conflict sod-1 keeps apart: give one of them to another person.",
		"path": "/people/1",
	}} with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "p0", "name": "Zoe", "roles": ["requester", "admin"]},
		{"id": "p1", "name": "Ann", "roles": ["approver", "requester"]},
	])}
}

test_one_finding_per_conflict if {
	sod_001.finding == {
		{
			"subject": "person:p1",
			"message": "Person p1 \"Ann\" holds both requester \"Requester\" and approver \"Approver\", which segregation conflict sod-1 keeps apart: give one of them to another person.",
			"path": "/people/0",
		},
		{
			"subject": "person:p1",
			"message": "Person p1 \"Ann\" holds both admin \"Admin\" and approver \"Approver\", which segregation conflict sod-2 keeps apart: give one of them to another person.",
			"path": "/people/0",
		},
	} with input as {"as_of": "2026-11-27", "register": _register([{"id": "p1", "name": "Ann", "roles": ["approver", "requester", "admin"]}])}
}

test_role_held_through_a_team_counts if {
	{f.subject | some f in sod_001.finding} == {"person:p1"} with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": _roles,
		"people": [{"id": "p1", "name": "Ann", "roles": ["requester"]}],
		"teams": [{"id": "fin", "name": "Finance", "members": ["p1"], "roles": ["approver"]}],
		"segregation": _conflicts,
	}}
}

test_holding_one_role_does_not_fire if {
	count(sod_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "p1", "name": "Ann", "roles": ["requester", "admin"]},
		{"id": "p2", "name": "Bob", "roles": ["approver"]},
	])}
}

test_leaver_is_not_checked_on_leave_is if {
	{f.subject | some f in sod_001.finding} == {"person:p2"} with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "p1", "name": "Ann", "status": "leaver", "roles": ["requester", "approver"]},
		{"id": "p2", "name": "Bob", "status": "on_leave", "roles": ["requester", "approver"]},
	])}
}

# Holding counts every id a person lists, so a conflict naming an undefined role
# (A52-REF-001's finding) still applies to people who list that id.
test_conflict_over_an_undefined_role_id if {
	sod_001.finding == {{
		"subject": "person:p1",
		"message": "Person p1 \"Ann\" holds both requester \"Requester\" and payer, which segregation conflict sod-3 keeps apart: give one of them to another person.",
		"path": "/people/0",
	}} with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": _roles,
		"people": [{"id": "p1", "name": "Ann", "roles": ["requester", "payer"]}],
		"segregation": [{"id": "sod-3", "roles": ["requester", "payer"]}],
	}}
}

test_no_conflicts_no_findings if {
	count(sod_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": _roles,
		"people": [{"id": "p1", "name": "Ann", "roles": ["requester", "approver"]}],
	}}
}
