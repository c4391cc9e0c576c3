package rolecall.rules.comm_001_test

import data.rolecall.rules.comm_001

_policy := {"id": "ISP", "title": "Policy", "approved_by": "p0", "approved_on": "2026-03-05"}

_register(people) := {"organisation": {"name": "Acme"}, "policy": _policy, "roles": [], "people": people}

test_person_without_acknowledgement_fires if {
	comm_001.finding == {{
		"subject": "person:p1",
		"message": "Person p1 \"Ann\" has not signed the information security policy: have them sign it and record the date in acknowledgements.policy.",
		"path": "/people/1",
	}} with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "p0", "name": "Zoe", "acknowledgements": {"policy": "2026-03-06"}},
		{"id": "p1", "name": "Ann", "acknowledgements": {"induction": "2020-01-01"}},
	])}
}

test_acknowledgement_before_approval_fires if {
	comm_001.finding == {{
		"subject": "person:p1",
		"message": "Person p1 \"Ann\" signed the policy on 2026-03-04, before the current version was approved on 2026-03-05: have them sign the current policy.",
		"path": "/people/0/acknowledgements/policy",
	}} with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "p1", "name": "Ann", "acknowledgements": {"policy": "2026-03-04"}},
	])}
}

test_acknowledgement_on_approval_day_is_current if {
	count(comm_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "p1", "name": "Ann", "acknowledgements": {"policy": "2026-03-05"}},
	])}
}

test_leaver_is_not_checked if {
	count(comm_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "p1", "name": "Ann", "status": "leaver"},
		{"id": "p2", "name": "Bob", "status": "leaver", "acknowledgements": {"policy": "2020-01-01"}},
	])}
}

test_on_leave_is_checked if {
	{f.subject | some f in comm_001.finding} == {"person:p1"} with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "p1", "name": "Ann", "status": "on_leave"},
	])}
}

# Without a policy, a missing acknowledgement still fires; a recorded one does not,
# since there is no approval date it could predate.
test_no_policy if {
	comm_001.finding == {{
		"subject": "person:p1",
		"message": "Person p1 \"Ann\" has not signed the information security policy: have them sign it and record the date in acknowledgements.policy.",
		"path": "/people/0",
	}} with input as {"as_of": "2026-11-27", "register": {"organisation": {"name": "Acme"}, "roles": [], "people": [
		{"id": "p1", "name": "Ann"},
		{"id": "p2", "name": "Bob", "acknowledgements": {"policy": "2020-01-01"}},
	]}}
}

test_policy_without_approval_date_accepts_any_acknowledgement if {
	count(comm_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"policy": {"id": "ISP", "title": "Policy"},
		"roles": [],
		"people": [{"id": "p1", "name": "Ann", "acknowledgements": {"policy": "2020-01-01"}}],
	}}
}
