package rolecall.rules.proc_003_test

import data.rolecall.rules.proc_003

test_empty_responsible_list_fires_at_the_list if {
	proc_003.finding == {{
		"subject": "activity:a2",
		"message": "Activity a2 \"Patching\" has no responsible role: name the role that does the work in its RACI.",
		"path": "/activities/1/raci/responsible",
	}} with input as {"as_of": "2026-11-27", "register": {"activities": [
		{"id": "a1", "name": "Access review", "process": "access_review", "raci": {"responsible": ["it-lead"]}},
		{"id": "a2", "name": "Patching", "process": "patch_management", "raci": {"responsible": [], "accountable": ["it-lead"]}},
	]}}
}

test_absent_responsible_fires_at_the_activity if {
	proc_003.finding == {{
		"subject": "activity:a1",
		"message": "Activity a1 \"Access review\" has no responsible role: name the role that does the work in its RACI.",
		"path": "/activities/0",
	}} with input as {"as_of": "2026-11-27", "register": {"activities": [
		{"id": "a1", "name": "Access review", "process": "access_review", "raci": {"accountable": ["ciso"]}},
	]}}
}

test_absent_raci_fires_at_the_activity if {
	proc_003.finding == {{
		"subject": "activity:a1",
		"message": "Activity a1 \"Access review\" has no responsible role: name the role that does the work in its RACI.",
		"path": "/activities/0",
	}} with input as {"as_of": "2026-11-27", "register": {"activities": [
		{"id": "a1", "name": "Access review", "process": "access_review"},
	]}}
}

test_responsible_role_does_not_fire if {
	count(proc_003.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"activities": [
		{"id": "a1", "name": "Access review", "process": "access_review", "raci": {"responsible": ["it-lead"]}},
	]}}
}

test_undefined_responsible_role_is_not_this_rule if {
	count(proc_003.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"roles": [],
		"activities": [{"id": "a1", "name": "Access review", "process": "access_review", "raci": {"responsible": ["ghost"]}}],
	}}
}
