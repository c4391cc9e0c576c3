package rolecall.rules.proc_002_test

import data.rolecall.rules.proc_002

test_two_accountable_roles_fires if {
	proc_002.finding == {{
		"subject": "activity:a2",
		"message": "Activity a2 \"Patching\" has 2 accountable roles (it-lead, ops-lead): name exactly one accountable role in its RACI.",
		"path": "/activities/1/raci/accountable",
	}} with input as {"as_of": "2026-11-27", "register": {"activities": [
		{"id": "a1", "name": "Access review", "process": "access_review", "raci": {"accountable": ["ciso"]}},
		{"id": "a2", "name": "Patching", "process": "patch_management", "raci": {"accountable": ["ops-lead", "it-lead"]}},
	]}}
}

test_empty_accountable_list_fires_at_the_list if {
	proc_002.finding == {{
		"subject": "activity:a1",
		"message": "Activity a1 \"Access review\" has 0 accountable roles (none): name exactly one accountable role in its RACI.",
		"path": "/activities/0/raci/accountable",
	}} with input as {"as_of": "2026-11-27", "register": {"activities": [
		{"id": "a1", "name": "Access review", "process": "access_review", "raci": {"accountable": []}},
	]}}
}

test_absent_accountable_fires_at_the_activity if {
	proc_002.finding == {{
		"subject": "activity:a1",
		"message": "Activity a1 \"Access review\" has 0 accountable roles (none): name exactly one accountable role in its RACI.",
		"path": "/activities/0",
	}} with input as {"as_of": "2026-11-27", "register": {"activities": [
		{"id": "a1", "name": "Access review", "process": "access_review", "raci": {"responsible": ["it-lead"]}},
	]}}
}

test_absent_raci_fires_at_the_activity if {
	proc_002.finding == {{
		"subject": "activity:a1",
		"message": "Activity a1 \"Access review\" has 0 accountable roles (none): name exactly one accountable role in its RACI.",
		"path": "/activities/0",
	}} with input as {"as_of": "2026-11-27", "register": {"activities": [
		{"id": "a1", "name": "Access review", "process": "access_review"},
	]}}
}

test_exactly_one_accountable_does_not_fire if {
	count(proc_002.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"activities": [
		{"id": "a1", "name": "Access review", "process": "access_review", "raci": {"accountable": ["ciso"], "responsible": ["a", "b"]}},
	]}}
}

test_one_undefined_accountable_role_is_not_this_rule if {
	count(proc_002.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"roles": [],
		"activities": [{"id": "a1", "name": "Access review", "process": "access_review", "raci": {"accountable": ["ghost"]}}],
	}}
}
