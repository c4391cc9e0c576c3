package rolecall.rules.comp_001_test

import data.rolecall.rules.comp_001

_roles := [
	{"id": "isms", "name": "ISMS manager", "kind": "isms_manager", "function": "security", "competences": ["iso-li", "risk"]},
	{"id": "auditor", "name": "Auditor", "kind": "other", "function": "security", "competences": ["iso-li"]},
	{"id": "staff", "name": "Staff", "kind": "staff", "function": "business"},
]

_register(people) := {"organisation": {"name": "Acme"}, "roles": _roles, "people": people}

_holder(records) := {"id": "p1", "name": "Ann", "roles": ["isms"], "competences": records}

test_one_missing_competence_fires if {
	comp_001.finding == {{
		"subject": "person:p1",
		"message": "Person p1 \"Ann\" holds isms, which requires competence risk, but has no current record of it: record it achieved and not expired, or hand the role to someone who has it.",
		"path": "/people/0/competences",
	}} with input as {"as_of": "2026-11-27", "register": _register([_holder([{"id": "iso-li", "achieved_on": "2024-01-01"}])])}
}

test_one_finding_per_missing_competence if {
	comp_001.finding == {
		{
			"subject": "person:p1",
			"message": "Person p1 \"Ann\" holds auditor, isms, which requires competence iso-li, but has no current record of it: record it achieved and not expired, or hand the role to someone who has it.",
			"path": "/people/0",
		},
		{
			"subject": "person:p1",
			"message": "Person p1 \"Ann\" holds isms, which requires competence risk, but has no current record of it: record it achieved and not expired, or hand the role to someone who has it.",
			"path": "/people/0",
		},
	} with input as {"as_of": "2026-11-27", "register": _register([{"id": "p1", "name": "Ann", "roles": ["isms", "auditor"]}])}
}

test_current_records_do_not_fire if {
	count(comp_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register([_holder([
		{"id": "iso-li", "achieved_on": "2024-01-01"},
		{"id": "risk", "achieved_on": "2025-01-01", "expires_on": "2027-01-01"},
	])])}
}

# Achieved on as_of counts; achieved after as_of does not.
test_achieved_on_as_of_is_current if {
	count(comp_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register([_holder([
		{"id": "iso-li", "achieved_on": "2026-11-27"},
		{"id": "risk", "achieved_on": "2026-11-27"},
	])])}
}

# A record achieved on as_of counts even when the person misses another
# competence (the rule's cheap pre-pass does not hide the boundary).
test_achieved_on_as_of_is_current_beside_a_missing_one if {
	comp_001.finding == {{
		"subject": "person:p1",
		"message": "Person p1 \"Ann\" holds isms, which requires competence risk, but has no current record of it: record it achieved and not expired, or hand the role to someone who has it.",
		"path": "/people/0/competences",
	}} with input as {"as_of": "2026-11-27", "register": _register([_holder([{"id": "iso-li", "achieved_on": "2026-11-27"}])])}
}

test_achieved_after_as_of_fires if {
	{f.message | some f in comp_001.finding} == {"Person p1 \"Ann\" holds isms, which requires competence risk, but has no current record of it: record it achieved and not expired, or hand the role to someone who has it."} with input as {"as_of": "2026-11-27", "register": _register([_holder([
		{"id": "iso-li", "achieved_on": "2024-01-01"},
		{"id": "risk", "achieved_on": "2026-11-28"},
	])])}
}

# Expiring on as_of is still valid that day; the day before as_of is expired.
test_expires_on_as_of_is_current if {
	count(comp_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register([_holder([
		{"id": "iso-li", "achieved_on": "2024-01-01"},
		{"id": "risk", "achieved_on": "2024-01-01", "expires_on": "2026-11-27"},
	])])}
}

test_expired_the_day_before_fires if {
	count(comp_001.finding) == 1 with input as {"as_of": "2026-11-27", "register": _register([_holder([
		{"id": "iso-li", "achieved_on": "2024-01-01"},
		{"id": "risk", "achieved_on": "2024-01-01", "expires_on": "2026-11-26"},
	])])}
}

# An expired record does not hide a current one of the same competence.
test_renewed_competence_is_current if {
	count(comp_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register([_holder([
		{"id": "iso-li", "achieved_on": "2024-01-01"},
		{"id": "risk", "achieved_on": "2020-01-01", "expires_on": "2022-01-01"},
		{"id": "risk", "achieved_on": "2022-01-01"},
	])])}
}

test_role_held_through_a_team_counts if {
	{f.subject | some f in comp_001.finding} == {"person:p1"} with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": _roles,
		"people": [{"id": "p1", "name": "Ann"}],
		"teams": [{"id": "t1", "name": "Audit", "members": ["p1"], "roles": ["auditor"]}],
	}}
}

test_leaver_is_not_checked_on_leave_is if {
	{f.subject | some f in comp_001.finding} == {"person:p2"} with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "p1", "name": "Ann", "status": "leaver", "roles": ["auditor"]},
		{"id": "p2", "name": "Bob", "status": "on_leave", "roles": ["auditor"]},
	])}
}

test_roles_without_competences_and_undefined_roles_do_not_fire if {
	count(comp_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "p1", "name": "Ann", "roles": ["staff", "ghost"]},
	])}
}
