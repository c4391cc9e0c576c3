package rolecall.rules.proc_007_test

import data.rolecall.rules.proc_007

_periodic_processes := [
	"access_review", "vulnerability_management", "patch_management", "logging_monitoring",
	"backup_verification", "risk_assessment", "awareness_training", "physical_security_check",
	"internal_audit", "management_review",
]

_input(activities) := {"as_of": "2026-11-27", "register": {"activities": activities}}

test_periodic_process_without_frequency_fires if {
	proc_007.finding == {{
		"subject": "activity:a2",
		"message": "Activity a2 \"Backup test\" is a periodic backup_verification control but has no frequency, so it can never be overdue: set how often it is performed.",
		"path": "/activities/1",
	}} with input as _input([
		{"id": "a1", "name": "Access review", "process": "access_review", "frequency": "quarterly"},
		{"id": "a2", "name": "Backup test", "process": "backup_verification"},
	])
		with data.rolecall.params.periodic_processes as _periodic_processes
}

test_periodic_process_on_event_fires if {
	proc_007.finding == {{
		"subject": "activity:a1",
		"message": "Activity a1 \"Internal audit\" is a periodic internal_audit control but its frequency is on_event, so it can never be overdue: set how often it is performed.",
		"path": "/activities/0/frequency",
	}} with input as _input([{"id": "a1", "name": "Internal audit", "process": "internal_audit", "frequency": "on_event", "last_performed": "2026-11-01"}])
		with data.rolecall.params.periodic_processes as _periodic_processes
}

test_periodic_process_with_a_schedule_does_not_fire if {
	count(proc_007.finding) == 0 with input as _input([
		{"id": "a1", "name": "Access review", "process": "access_review", "frequency": "quarterly"},
		{"id": "a2", "name": "Management review", "process": "management_review", "frequency": "annual"},
		{"id": "a3", "name": "Log review", "process": "logging_monitoring", "frequency": "daily"},
	])
		with data.rolecall.params.periodic_processes as _periodic_processes
}

test_processes_that_are_not_periodic_do_not_fire if {
	count(proc_007.finding) == 0 with input as _input([
		{"id": "a1", "name": "Incidents", "process": "incident_management", "frequency": "on_event"},
		{"id": "a2", "name": "Onboarding", "process": "user_provisioning"},
		{"id": "a3", "name": "Misc", "process": "other"},
	])
		with data.rolecall.params.periodic_processes as _periodic_processes
}

test_parameter_decides_what_is_periodic if {
	proc_007.finding == {{
		"subject": "activity:a1",
		"message": "Activity a1 \"Incidents\" is a periodic incident_management control but its frequency is on_event, so it can never be overdue: set how often it is performed.",
		"path": "/activities/0/frequency",
	}} with input as _input([
		{"id": "a1", "name": "Incidents", "process": "incident_management", "frequency": "on_event"},
		{"id": "a2", "name": "Backup test", "process": "backup_verification"},
	])
		with data.rolecall.params.periodic_processes as ["incident_management"]
}
