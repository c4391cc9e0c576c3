package rolecall.rules.proc_004_test

import data.rolecall.rules.proc_004

_roles := [
	{"id": "it-lead", "name": "IT lead", "kind": "process_owner", "function": "it"},
	{"id": "it-ops", "name": "IT operations", "kind": "system_administrator", "function": "it"},
	{"id": "hr-lead", "name": "HR lead", "kind": "process_owner", "function": "hr"},
	{"id": "cfo", "name": "CFO", "kind": "senior_management", "function": "finance"},
]

_act(id, accountable) := {"id": id, "name": id, "process": "other", "raci": {"accountable": accountable}}

test_function_above_share_fires if {
	proc_004.finding == {{
		"subject": "function:it",
		"message": "Function it is accountable for 3 of 4 activities, more than the allowed share of 0.5: make roles of other functions accountable for some of them.",
	}} with input as {"as_of": "2026-11-27", "register": {"roles": _roles, "activities": [
		_act("a1", ["it-lead"]),
		_act("a2", ["it-ops"]),
		_act("a3", ["it-lead"]),
		_act("a4", ["hr-lead"]),
	]}}
}

test_share_exactly_at_threshold_does_not_fire if {
	count(proc_004.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"roles": _roles, "activities": [
		_act("a1", ["it-lead"]),
		_act("a2", ["it-ops"]),
		_act("a3", ["hr-lead"]),
		_act("a4", ["cfo"]),
	]}}
}

test_activity_counts_once_per_distinct_function if {
	# a1 has two IT accountable roles: it counts once for it, so it holds 2 of 4 (= 0.5).
	count(proc_004.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"roles": _roles, "activities": [
		_act("a1", ["it-lead", "it-ops"]),
		_act("a2", ["it-ops"]),
		_act("a3", ["hr-lead"]),
		_act("a4", ["cfo"]),
	]}}
}

test_activity_counts_for_each_of_its_functions if {
	proc_004.finding == {
		{
			"subject": "function:it",
			"message": "Function it is accountable for 3 of 4 activities, more than the allowed share of 0.5: make roles of other functions accountable for some of them.",
		},
		{
			"subject": "function:hr",
			"message": "Function hr is accountable for 3 of 4 activities, more than the allowed share of 0.5: make roles of other functions accountable for some of them.",
		},
	} with input as {"as_of": "2026-11-27", "register": {"roles": _roles, "activities": [
		_act("a1", ["it-lead", "hr-lead"]),
		_act("a2", ["it-ops", "hr-lead"]),
		_act("a3", ["hr-lead", "it-ops"]),
		_act("a4", ["cfo"]),
	]}}
}

test_fewer_activities_than_minimum_does_not_fire if {
	count(proc_004.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"roles": _roles, "activities": [
		_act("a1", ["it-lead"]),
		_act("a2", ["it-ops"]),
		_act("a3", ["it-lead"]),
	]}}
}

test_exactly_minimum_activities_fires if {
	proc_004.finding == {{
		"subject": "function:it",
		"message": "Function it is accountable for 3 of 3 activities, more than the allowed share of 0.5: make roles of other functions accountable for some of them.",
	}} with input as {"as_of": "2026-11-27", "register": {"roles": _roles, "activities": [
		_act("a1", ["it-lead"]),
		_act("a2", ["it-ops"]),
		_act("a3", ["it-lead"]),
	]}}
		with data.rolecall.params.min_activities_for_concentration as 3
}

test_activities_without_accountable_count_in_total if {
	# it holds 2 of 5 activities (0.4): the three without an accountable role dilute it.
	count(proc_004.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"roles": _roles, "activities": [
		_act("a1", ["it-lead"]),
		_act("a2", ["it-ops"]),
		_act("a3", []),
		{"id": "a4", "name": "a4", "process": "other"},
		_act("a5", ["ghost"]),
	]}}
}

test_undefined_accountable_role_has_no_function if {
	count(proc_004.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"roles": [], "activities": [
		_act("a1", ["ghost"]),
		_act("a2", ["ghost"]),
		_act("a3", ["ghost"]),
		_act("a4", ["ghost"]),
	]}}
}

test_lower_share_parameter if {
	proc_004.finding == {{
		"subject": "function:it",
		"message": "Function it is accountable for 2 of 4 activities, more than the allowed share of 0.25: make roles of other functions accountable for some of them.",
	}} with input as {"as_of": "2026-11-27", "register": {"roles": _roles, "activities": [
		_act("a1", ["it-lead"]),
		_act("a2", ["it-ops"]),
		_act("a3", ["hr-lead"]),
		_act("a4", ["cfo"]),
	]}}
		with data.rolecall.params.max_accountable_share as 0.25
}
