package rolecall.rules.comm_004_test

import data.rolecall.rules.comm_004

# _check(people) is the rule's findings for a register of these people.
_check(people) := findings if {
	findings := comm_004.finding with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": [],
		"people": people,
	}}
}

test_person_without_acknowledgements_fires if {
	_check([
		{"id": "p0", "name": "Zoe", "acknowledgements": {"induction": "2024-01-15"}},
		{"id": "p1", "name": "Ann"},
	]) == {{
		"subject": "person:p1",
		"message": "Person p1 \"Ann\" has no induction on record: take them through the induction on their security responsibilities and record the date in acknowledgements.induction.",
		"path": "/people/1",
	}}
}

test_acknowledgements_without_induction_fire if {
	_check([{"id": "p1", "name": "Ann", "acknowledgements": {"policy": "2026-01-01", "awareness_training": "2026-01-01"}}]) == {{
		"subject": "person:p1",
		"message": "Person p1 \"Ann\" has no induction on record: take them through the induction on their security responsibilities and record the date in acknowledgements.induction.",
		"path": "/people/0",
	}}
}

test_person_on_leave_is_checked_leaver_is_not if {
	{f.subject | some f in _check([
		{"id": "p1", "name": "Ann", "status": "on_leave"},
		{"id": "p2", "name": "Bob", "status": "leaver"},
		{"id": "p3", "name": "Cat", "status": "active", "employment": "contractor"},
	])} == {"person:p1", "person:p3"}
}

# Any induction date counts, however old; a future one counts as given too
# (A52-DATE-001 reports it).
test_induction_on_record_passes if {
	count(_check([
		{"id": "p1", "name": "Ann", "acknowledgements": {"induction": "2001-02-03"}},
		{"id": "p2", "name": "Bob", "acknowledgements": {"induction": "2026-11-27"}},
		{"id": "p3", "name": "Cat", "acknowledgements": {"induction": "2026-11-28"}},
	])) == 0
}

test_no_people_no_findings if {
	count(_check([])) == 0
}
