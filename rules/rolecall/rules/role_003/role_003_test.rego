package rolecall.rules.role_003_test

import data.rolecall.rules.role_003

test_role_without_duties_field_fires if {
	role_003.finding == {{
		"subject": "role:isms",
		"message": "Role isms \"ISMS manager\" has no duties written down: list what the role is responsible for.",
		"path": "/roles/1",
	}} with input as {"as_of": "2026-11-27", "register": {"people": [], "roles": [
		{"id": "ceo", "name": "CEO", "kind": "senior_management", "function": "executive", "duties": ["Approves the ISMS"]},
		{"id": "isms", "name": "ISMS manager", "kind": "isms_manager", "function": "security"},
	]}}
}

test_role_with_empty_duties_points_to_them if {
	role_003.finding == {{
		"subject": "role:isms",
		"message": "Role isms \"ISMS manager\" has no duties written down: list what the role is responsible for.",
		"path": "/roles/0/duties",
	}} with input as {"as_of": "2026-11-27", "register": {"people": [], "roles": [
		{"id": "isms", "name": "ISMS manager", "kind": "isms_manager", "function": "security", "duties": []},
	]}}
}

test_role_with_a_duty_does_not_fire if {
	count(role_003.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"people": [], "roles": [
		{"id": "isms", "name": "ISMS manager", "kind": "isms_manager", "function": "security", "duties": ["Runs the ISMS"]},
	]}}
}

test_no_roles_no_findings if {
	count(role_003.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"people": []}}
}
