package rolecall.rules.comm_002_test

import data.rolecall.rules.comm_002

_register(people) := {"organisation": {"name": "Acme"}, "roles": [], "people": people}

_trained(id, date) := {"id": id, "name": upper(id), "acknowledgements": {"awareness_training": date}}

test_missing_training_fires if {
	comm_002.finding == {{
		"subject": "person:p1",
		"message": "Person p1 \"Ann\" has no awareness training on record: have them complete it and record the date in acknowledgements.awareness_training.",
		"path": "/people/0",
	}} with input as {"as_of": "2026-11-27", "register": _register([{"id": "p1", "name": "Ann", "acknowledgements": {"policy": "2026-01-01"}}])}
}

# 2025-11-27 is exactly 365 days before 2026-11-27: not older. One day more is.
test_training_exactly_at_the_interval_does_not_fire if {
	count(comm_002.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register([_trained("p1", "2025-11-27")])}
}

test_training_one_day_past_the_interval_fires if {
	comm_002.finding == {{
		"subject": "person:p1",
		"message": "Person p1 \"P1\" last completed awareness training on 2025-11-26, more than 365 days before 2026-11-27: have them complete it again.",
		"path": "/people/0/acknowledgements/awareness_training",
	}} with input as {"as_of": "2026-11-27", "register": _register([_trained("p1", "2025-11-26")])}
}

test_training_after_as_of_is_not_old if {
	count(comm_002.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register([_trained("p1", "2027-01-01")])}
}

test_interval_parameter if {
	{f.subject | some f in comm_002.finding} == {"person:p2"} with input as {"as_of": "2026-11-27", "register": _register([
		_trained("p1", "2026-10-28"),
		_trained("p2", "2026-10-27"),
	])}
		with data.rolecall.params.awareness_interval_days as 30
}

test_leaver_is_not_checked_on_leave_is if {
	{f.subject | some f in comm_002.finding} == {"person:p2"} with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "p1", "name": "Ann", "status": "leaver"},
		{"id": "p2", "name": "Bob", "status": "on_leave"},
	])}
}
