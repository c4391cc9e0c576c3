package rolecall.rules.deleg_003_test

import data.rolecall.rules.deleg_003

_roles := [
	{"id": "it-lead", "name": "IT lead", "kind": "process_owner", "function": "it"},
	{"id": "it-ops", "name": "IT operations", "kind": "system_administrator", "function": "it"},
]

_people := [
	{"id": "p1", "name": "Ada", "roles": ["it-lead"]},
	{"id": "p2", "name": "Bob", "roles": ["it-ops"]},
	{"id": "p3", "name": "Cy"},
	{"id": "p4", "name": "Di", "status": "leaver", "roles": ["it-lead"]},
]

_teams := [{"id": "t1", "name": "Leads", "members": ["p3"], "roles": ["it-lead"]}]

_delegation(extra) := object.union({"id": "d1", "activity": "a1", "from": "it-lead", "to": "it-ops"}, extra)

_input(delegation) := {"as_of": "2026-11-27", "register": {"roles": _roles, "people": _people, "teams": _teams, "delegations": [delegation]}}

test_review_by_the_delegate_fires if {
	deleg_003.finding == {{
		"subject": "delegation:d1",
		"message": "Delegation d1 of activity a1 was reviewed by p2 \"Bob\", who does not hold the delegating role it-lead \"IT lead\": have a holder of it review the work.",
		"path": "/delegations/0/review/by",
	}} with input as _input(_delegation({"review": {"by": "p2", "date": "2026-11-01"}}))
}

test_missing_review_fires if {
	deleg_003.finding == {{
		"subject": "delegation:d1",
		"message": "Delegation d1 of activity a1 has no review: have a holder of the delegating role it-lead \"IT lead\" check the work and record it.",
		"path": "/delegations/0",
	}} with input as _input(_delegation({}))
}

test_review_by_from_role_holder_does_not_fire if {
	count(deleg_003.finding) == 0 with input as _input(_delegation({"review": {"by": "p1", "date": "2026-11-01"}}))
}

test_review_by_holder_through_team_does_not_fire if {
	count(deleg_003.finding) == 0 with input as _input(_delegation({"review": {"by": "p3", "date": "2026-11-01"}}))
}

test_reviewer_who_left_since_still_holds_the_role if {
	count(deleg_003.finding) == 0 with input as _input(_delegation({"review": {"by": "p4", "date": "2026-11-01"}}))
}

test_undefined_reviewer_fires if {
	deleg_003.finding == {{
		"subject": "delegation:d1",
		"message": "Delegation d1 of activity a1 was reviewed by ghost, who does not hold the delegating role it-lead \"IT lead\": have a holder of it review the work.",
		"path": "/delegations/0/review/by",
	}} with input as _input(_delegation({"review": {"by": "ghost", "date": "2026-11-01"}}))
}
