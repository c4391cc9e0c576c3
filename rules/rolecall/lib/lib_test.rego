package rolecall.lib_test

import data.rolecall.lib

# A register exercising holding through teams, undefined people and roles, and
# people who are not active.
_register := {
	"organisation": {"name": "Acme"},
	"roles": [
		{"id": "ceo", "name": "CEO", "kind": "senior_management", "function": "executive"},
		{"id": "admin", "name": "Admin", "kind": "system_administrator", "function": "it"},
		{"id": "dpo", "name": "DPO", "kind": "data_protection_officer", "function": "legal"},
		{"id": "clerk", "name": "Clerk", "kind": "staff", "function": "business"},
	],
	"people": [
		{"id": "ann", "name": "Ann", "roles": ["ceo", "ghost"]},
		{"id": "bob", "name": "Bob", "status": "leaver", "roles": ["admin"]},
		{"id": "cat", "name": "Cat", "status": "on_leave"},
		{"id": "dan", "name": "Dan"},
	],
	"teams": [
		{"id": "ops", "name": "Ops", "members": ["cat", "dan", "eve"], "roles": ["admin", "clerk"]},
		{"id": "legal", "name": "Legal", "members": ["cat"], "roles": ["dpo"]},
		{"id": "idle", "name": "Idle", "roles": ["ceo"]},
		{"id": "social", "name": "Social", "members": ["ann"]},
	],
}

_input := {"as_of": "2026-11-27", "register": _register}

test_holders_direct_and_through_teams if {
	lib.holders == {
		"ceo": {"ann"},
		"ghost": {"ann"},
		"admin": {"bob", "cat", "dan", "eve"},
		"clerk": {"cat", "dan", "eve"},
		"dpo": {"cat"},
	} with input as _input
}

test_holders_of if {
	lib.holders_of("admin") == {"bob", "cat", "dan", "eve"} with input as _input
	lib.holders_of("ghost") == {"ann"} with input as _input
	lib.holders_of("nobody") == set() with input as _input
}

test_roles_of if {
	lib.roles_of("ann") == {"ceo", "ghost"} with input as _input
	lib.roles_of("cat") == {"admin", "clerk", "dpo"} with input as _input
	lib.roles_of("eve") == {"admin", "clerk"} with input as _input
	lib.roles_of("nobody") == set() with input as _input
}

test_held_roles_lists_holders_only if {
	lib.held_roles == {
		"ann": {"ceo", "ghost"},
		"bob": {"admin"},
		"cat": {"admin", "clerk", "dpo"},
		"dan": {"admin", "clerk"},
		"eve": {"admin", "clerk"},
	} with input as _input
}

test_holds if {
	lib.holds("ann", "ceo") with input as _input
	lib.holds("cat", "dpo") with input as _input

	# eve is listed in a team but is not a defined person: she holds nothing.
	not lib.holds("eve", "clerk") with input as _input
	not lib.holds("dan", "dpo") with input as _input
	not lib.holds("nobody", "ceo") with input as _input
}

# Allocation needs an active defined person: bob has left, cat is on leave and
# eve is not defined, so dpo is not allocated; admin and clerk are, through dan.
test_allocated if {
	lib.allocated == {"ceo", "ghost", "admin", "clerk"} with input as _input
}

test_inactive_ids if {
	lib.inactive_ids == {"bob", "cat"} with input as _input
}

test_person_index if {
	lib.person_index == {"ann": 0, "bob": 1, "cat": 2, "dan": 3} with input as _input
	lib.person("dan") == {"id": "dan", "name": "Dan"} with input as _input
	lib.person_display("eve") == "eve" with input as _input
}

test_ptr_escapes_only_what_needs_it if {
	lib.ptr(["people", 3, "roles"]) == "/people/3/roles"
	lib.ptr([]) == ""
	lib.ptr(["a/b", 1, "c~d"]) == "/a~1b/1/c~0d"
	lib.ptr(["a", "b", "c", "d", "e", "f", "g", "h"]) == "/a/b/c/d/e/f/g/h"
}

# The frequency periods of the catalogue, in days; on_event has none.
test_frequency_days if {
	lib.frequency_days == {"daily": 1, "weekly": 7, "monthly": 31, "quarterly": 92, "semiannual": 183, "annual": 366}
}
