package rolecall.rules.comm_003_test

import data.rolecall.rules.comm_003

_roles := [
	{"id": "isms", "name": "ISMS manager", "kind": "isms_manager", "function": "security"},
	{"id": "sysadmin", "name": "Sysadmin", "kind": "system_administrator", "function": "it"},
	{"id": "staff", "name": "Staff", "kind": "staff", "function": "business"},
]

_register(people) := {"organisation": {"name": "Acme"}, "roles": _roles, "people": people}

test_role_holder_without_security_duties_fires if {
	comm_003.finding == {{
		"subject": "person:p1",
		"message": "Person p1 \"Ann\" holds isms, sysadmin but their job description has no security duties: add the duties of these roles to it.",
		"path": "/people/0",
	}} with input as {"as_of": "2026-11-27", "register": _register([{"id": "p1", "name": "Ann", "roles": ["sysadmin", "isms", "staff"]}])}
}

test_explicit_false_points_to_the_field if {
	comm_003.finding == {{
		"subject": "person:p1",
		"message": "Person p1 \"Ann\" holds isms but their job description has no security duties: add the duties of these roles to it.",
		"path": "/people/0/job_description_has_security_duties",
	}} with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "p1", "name": "Ann", "roles": ["isms"], "job_description_has_security_duties": false},
	])}
}

test_job_description_with_security_duties_does_not_fire if {
	count(comm_003.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "p1", "name": "Ann", "roles": ["isms"], "job_description_has_security_duties": true},
	])}
}

test_staff_and_undefined_roles_do_not_count if {
	count(comm_003.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "p1", "name": "Ann", "roles": ["staff"]},
		{"id": "p2", "name": "Bob", "roles": ["ghost"]},
		{"id": "p3", "name": "Cy"},
	])}
}

test_role_held_through_a_team_counts if {
	{f.subject | some f in comm_003.finding} == {"person:p1"} with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": _roles,
		"people": [{"id": "p1", "name": "Ann"}],
		"teams": [{"id": "t1", "name": "Ops", "members": ["p1"], "roles": ["sysadmin"]}],
	}}
}

test_leaver_is_not_checked_on_leave_is if {
	{f.subject | some f in comm_003.finding} == {"person:p2"} with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "p1", "name": "Ann", "status": "leaver", "roles": ["isms"]},
		{"id": "p2", "name": "Bob", "status": "on_leave", "roles": ["isms"]},
	])}
}
