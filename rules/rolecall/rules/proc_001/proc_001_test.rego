package rolecall.rules.proc_001_test

import data.rolecall.rules.proc_001

_register := {"activities": [
	{"id": "a1", "name": "Access review", "process": "access_review"},
	{"id": "a2", "name": "Patching", "process": "patch_management"},
]}

test_uncovered_required_process_fires if {
	proc_001.finding == {{
		"subject": "process:incident_management",
		"message": "No activity covers the required process incident_management: add an activity for it with its RACI.",
	}} with input as {"as_of": "2026-11-27", "register": _register}
		with data.rolecall.params.required_processes as ["access_review", "incident_management", "patch_management"]
}

test_all_required_processes_covered_does_not_fire if {
	count(proc_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register}
		with data.rolecall.params.required_processes as ["access_review", "patch_management"]
}

test_activity_of_other_process_does_not_cover if {
	proc_001.finding == {{
		"subject": "process:access_review",
		"message": "No activity covers the required process access_review: add an activity for it with its RACI.",
	}} with input as {"as_of": "2026-11-27", "register": {"activities": [{"id": "a1", "name": "Misc", "process": "other"}]}}
		with data.rolecall.params.required_processes as ["access_review"]
}

test_no_activities_reports_every_default_process if {
	count(proc_001.finding) == 15 with input as {"as_of": "2026-11-27", "register": {}}
}

test_no_required_processes_no_findings if {
	count(proc_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {}}
		with data.rolecall.params.required_processes as []
}
