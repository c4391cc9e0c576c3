package rolecall.rules.deleg_002_test

import data.rolecall.rules.deleg_002

_roles := [
	{"id": "it-lead", "name": "IT lead", "kind": "process_owner", "function": "it"},
	{"id": "it-ops", "name": "IT operations", "kind": "system_administrator", "function": "it"},
	{"id": "hr-lead", "name": "HR lead", "kind": "process_owner", "function": "hr"},
]

_activities := [{
	"id": "a1", "name": "Patching", "process": "patch_management",
	"raci": {"accountable": ["it-lead"], "responsible": ["it-ops"], "consulted": ["hr-lead"]},
}]

_input(delegations) := {"as_of": "2026-11-27", "register": {"roles": _roles, "activities": _activities, "delegations": delegations}}

test_delegation_by_uninvolved_role_fires if {
	deleg_002.finding == {{
		"subject": "delegation:d2",
		"message": "Delegation d2 is made by hr-lead \"HR lead\", which is neither responsible nor accountable on activity a1 \"Patching\" nor delegated it: have a role that holds the task delegate it.",
		"path": "/delegations/1/from",
	}} with input as _input([
		{"id": "d1", "activity": "a1", "from": "it-ops", "to": "contractor"},
		{"id": "d2", "activity": "a1", "from": "hr-lead", "to": "contractor"},
	])
}

test_responsible_or_accountable_role_may_delegate if {
	count(deleg_002.finding) == 0 with input as _input([
		{"id": "d1", "activity": "a1", "from": "it-ops", "to": "contractor"},
		{"id": "d2", "activity": "a1", "from": "it-lead", "to": "contractor"},
	])
}

test_sub_delegation_by_unexpired_delegate if {
	count(deleg_002.finding) == 0 with input as _input([
		{"id": "d1", "activity": "a1", "from": "it-ops", "to": "hr-lead", "expires_on": "2026-11-27"},
		{"id": "d2", "activity": "a1", "from": "hr-lead", "to": "contractor"},
	])
}

test_sub_delegation_by_expired_delegate_fires if {
	deleg_002.finding == {{
		"subject": "delegation:d2",
		"message": "Delegation d2 is made by hr-lead \"HR lead\", which is neither responsible nor accountable on activity a1 \"Patching\" nor delegated it: have a role that holds the task delegate it.",
		"path": "/delegations/1/from",
	}} with input as _input([
		{"id": "d1", "activity": "a1", "from": "it-ops", "to": "hr-lead", "expires_on": "2026-11-26"},
		{"id": "d2", "activity": "a1", "from": "hr-lead", "to": "contractor"},
	])
}

test_delegation_to_role_on_another_activity_does_not_count if {
	count(deleg_002.finding) == 1 with input as _input([
		{"id": "d1", "activity": "a9", "from": "it-ops", "to": "hr-lead"},
		{"id": "d2", "activity": "a1", "from": "hr-lead", "to": "contractor"},
	])
}

test_self_delegation_is_not_another_delegation if {
	count(deleg_002.finding) == 1 with input as _input([{"id": "d1", "activity": "a1", "from": "hr-lead", "to": "hr-lead"}])
	count(deleg_002.finding) == 0 with input as _input([
		{"id": "d1", "activity": "a1", "from": "hr-lead", "to": "hr-lead"},
		{"id": "d2", "activity": "a1", "from": "it-ops", "to": "hr-lead"},
	])
}

test_undefined_activity_is_not_this_rule if {
	count(deleg_002.finding) == 0 with input as _input([{"id": "d1", "activity": "ghost", "from": "hr-lead", "to": "contractor"}])
}
