package rolecall.rules.deleg_007_test

import data.rolecall.rules.deleg_007

_roles := [
	{"id": "it-lead", "name": "IT lead", "kind": "process_owner", "function": "it"},
	{"id": "it-ops", "name": "IT operations", "kind": "system_administrator", "function": "it"},
]

_people := [
	{"id": "p1", "name": "Ada", "roles": ["it-lead"]},
	{"id": "p2", "name": "Bob", "roles": ["it-ops"]},
	{"id": "p3", "name": "Cy"},
	{"id": "p4", "name": "Di", "status": "leaver", "roles": ["it-ops"]},
	{"id": "p5", "name": "Ed", "status": "on_leave", "roles": ["it-ops"]},
	{"id": "p6", "name": "Flo", "roles": ["it-lead", "it-ops"]},
]

_teams := [{"id": "t1", "name": "Ops", "members": ["p3", "ghost"], "roles": ["it-ops"]}]

_delegation(reviewer) := {"id": "d1", "activity": "a1", "from": "it-lead", "to": "it-ops", "review": {"by": reviewer, "date": "2026-11-01"}}

_input(delegation) := {"as_of": "2026-11-27", "register": {"roles": _roles, "people": _people, "teams": _teams, "delegations": [delegation]}}

_finding(person) := {
	"subject": "delegation:d1",
	"message": sprintf("Delegation d1 of activity a1 was reviewed by %s, who holds the delegate role it-ops \"IT operations\" and so checked their own work: have a holder of the delegating role it-lead \"IT lead\" review it.", [person]),
	"path": "/delegations/0/review/by",
}

test_review_by_the_delegate_fires if {
	deleg_007.finding == {_finding("p2 \"Bob\"")} with input as _input(_delegation("p2"))
}

test_review_by_a_delegate_through_a_team_fires if {
	deleg_007.finding == {_finding("p3 \"Cy\"")} with input as _input(_delegation("p3"))
}

test_review_by_a_delegate_who_left_or_is_on_leave_fires if {
	deleg_007.finding == {_finding("p4 \"Di\"")} with input as _input(_delegation("p4"))
	deleg_007.finding == {_finding("p5 \"Ed\"")} with input as _input(_delegation("p5"))
}

test_reviewer_holding_both_roles_fires if {
	deleg_007.finding == {_finding("p6 \"Flo\"")} with input as _input(_delegation("p6"))
}

test_review_by_the_delegator_does_not_fire if {
	count(deleg_007.finding) == 0 with input as _input(_delegation("p1"))
}

test_undefined_reviewer_holds_nothing if {
	count(deleg_007.finding) == 0 with input as _input(_delegation("ghost"))
	count(deleg_007.finding) == 0 with input as _input(_delegation("nobody"))
}

test_delegation_without_review_does_not_fire if {
	count(deleg_007.finding) == 0 with input as _input({"id": "d1", "activity": "a1", "from": "it-lead", "to": "it-ops"})
}
