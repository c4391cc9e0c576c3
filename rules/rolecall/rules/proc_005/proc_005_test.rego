package rolecall.rules.proc_005_test

import data.rolecall.rules.proc_005

# as_of 2026-11-27; weekly allows 7 + 14 = 21 days: 2026-11-06 is exactly 21 days before.
_weekly(last) := {"id": "a1", "name": "Log review", "process": "logging_monitoring", "frequency": "weekly", "last_performed": last}

test_overdue_activity_fires if {
	proc_005.finding == {{
		"subject": "activity:a1",
		"message": "Activity a1 \"Log review\" (weekly) was last performed on 2026-11-05, 22 days ago, more than the 21 days allowed (its 7-day period plus 14 grace days): perform it and record when.",
		"path": "/activities/0/last_performed",
	}} with input as {"as_of": "2026-11-27", "register": {"activities": [_weekly("2026-11-05")]}}
}

test_exactly_period_plus_grace_does_not_fire if {
	count(proc_005.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"activities": [_weekly("2026-11-06")]}}
}

test_performed_after_as_of_does_not_fire if {
	count(proc_005.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"activities": [_weekly("2026-12-10")]}}
}

test_grace_parameter_applies if {
	proc_005.finding == {{
		"subject": "activity:a1",
		"message": "Activity a1 \"Log review\" (weekly) was last performed on 2026-11-19, 8 days ago, more than the 7 days allowed (its 7-day period plus 0 grace days): perform it and record when.",
		"path": "/activities/0/last_performed",
	}} with input as {"as_of": "2026-11-27", "register": {"activities": [_weekly("2026-11-19")]}}
		with data.rolecall.params.frequency_grace_days as 0
	count(proc_005.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"activities": [_weekly("2026-11-20")]}}
		with data.rolecall.params.frequency_grace_days as 0
}

test_annual_boundary if {
	# annual allows 366 + 14 = 380 days: 2025-11-12 is exactly 380 days before 2026-11-27.
	count(proc_005.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"activities": [
		{"id": "a1", "name": "Risk assessment", "process": "risk_assessment", "frequency": "annual", "last_performed": "2025-11-12"},
	]}}
	proc_005.finding == {{
		"subject": "activity:a1",
		"message": "Activity a1 \"Risk assessment\" (annual) was last performed on 2025-11-11, 381 days ago, more than the 380 days allowed (its 366-day period plus 14 grace days): perform it and record when.",
		"path": "/activities/0/last_performed",
	}} with input as {"as_of": "2026-11-27", "register": {"activities": [
		{"id": "a1", "name": "Risk assessment", "process": "risk_assessment", "frequency": "annual", "last_performed": "2025-11-11"},
	]}}
}

test_message_states_the_actual_age_and_the_limit if {
	# quarterly allows 92 + 14 = 106 days; 2026-06-28 is 152 days before 2026-11-27.
	proc_005.finding == {{
		"subject": "activity:a1",
		"message": "Activity a1 \"Access review\" (quarterly) was last performed on 2026-06-28, 152 days ago, more than the 106 days allowed (its 92-day period plus 14 grace days): perform it and record when.",
		"path": "/activities/0/last_performed",
	}} with input as {"as_of": "2026-11-27", "register": {"activities": [
		{"id": "a1", "name": "Access review", "process": "access_review", "frequency": "quarterly", "last_performed": "2026-06-28"},
	]}}
}

test_never_performed_periodic_activity_fires if {
	proc_005.finding == {{
		"subject": "activity:a2",
		"message": "Activity a2 \"Backups\" (daily) has no last_performed date: perform it and record when.",
		"path": "/activities/1",
	}} with input as {"as_of": "2026-11-27", "register": {"activities": [
		_weekly("2026-11-20"),
		{"id": "a2", "name": "Backups", "process": "backup_verification", "frequency": "daily"},
	]}}
}

test_on_event_activity_is_not_periodic if {
	count(proc_005.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"activities": [
		{"id": "a1", "name": "Incidents", "process": "incident_management", "frequency": "on_event"},
		{"id": "a2", "name": "Onboarding", "process": "user_provisioning", "frequency": "on_event", "last_performed": "2019-01-01"},
	]}}
}

test_activity_without_frequency_is_not_periodic if {
	count(proc_005.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"activities": [
		{"id": "a1", "name": "Misc", "process": "other"},
		{"id": "a2", "name": "Misc 2", "process": "other", "last_performed": "2019-01-01"},
	]}}
}
