package rolecall.rules.role_004_test

import data.rolecall.rules.role_004

_critical_kinds := ["isms_manager", "ciso", "incident_manager", "business_continuity_lead", "data_protection_officer"]

_isms := {"id": "isms", "name": "ISMS manager", "kind": "isms_manager", "function": "security"}

_role(deputies) := object.union(_isms, {"deputies": deputies})

# _check(roles, people) is the rule's findings for a register of these roles and people.
_check(roles, people) := findings if {
	findings := role_004.finding with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": roles,
		"people": people,
	}}
		with data.rolecall.params.critical_role_kinds as _critical_kinds
}

_ann := {"id": "p1", "name": "Ann", "roles": ["isms"]}

test_single_holder_without_deputies_fires if {
	_check([{"id": "staff", "name": "Staff", "kind": "staff", "function": "other"}, _isms], [_ann]) == {{
		"subject": "role:isms",
		"message": "Critical role isms \"ISMS manager\" (kind isms_manager) has a single active holder, p1 \"Ann\", and it names no deputies: name an active person other than the holder in deputies to stand in when they are absent.",
		"path": "/roles/1",
	}}
}

test_empty_deputies_fires_at_the_field if {
	_check([_role([])], [_ann]) == {{
		"subject": "role:isms",
		"message": "Critical role isms \"ISMS manager\" (kind isms_manager) has a single active holder, p1 \"Ann\", and it names no deputies: name an active person other than the holder in deputies to stand in when they are absent.",
		"path": "/roles/0/deputies",
	}}
}

# Deputies who are the holder, on leave, leavers or undefined people do not count.
test_deputies_that_do_not_count_fire if {
	_check([_role(["p1", "p2", "p3", "ghost"])], [
		_ann,
		{"id": "p2", "name": "Bob", "status": "on_leave"},
		{"id": "p3", "name": "Cat", "status": "leaver"},
	]) == {{
		"subject": "role:isms",
		"message": "Critical role isms \"ISMS manager\" (kind isms_manager) has a single active holder, p1 \"Ann\", and none of its deputies (p1, p2, p3, ghost) is an active person other than the holder: name an active person other than the holder in deputies to stand in when they are absent.",
		"path": "/roles/0/deputies",
	}}
}

test_active_deputy_satisfies if {
	count(_check([_role(["ghost", "p2"])], [_ann, {"id": "p2", "name": "Bob", "status": "active"}])) == 0
}

# Status is active by default.
test_deputy_with_default_status_satisfies if {
	count(_check([_role(["p2"])], [_ann, {"id": "p2", "name": "Bob"}])) == 0
}

# A deputy who also holds the role but is on leave cannot stand in.
test_deputy_on_leave_holding_the_role_fires if {
	_check([_role(["p2"])], [_ann, {"id": "p2", "name": "Bob", "status": "on_leave", "roles": ["isms"]}]) == {{
		"subject": "role:isms",
		"message": "Critical role isms \"ISMS manager\" (kind isms_manager) has a single active holder, p1 \"Ann\", and none of its deputies (p2) is an active person other than the holder: name an active person other than the holder in deputies to stand in when they are absent.",
		"path": "/roles/0/deputies",
	}}
}

test_two_active_holders_need_no_deputy if {
	count(_check([_isms], [_ann, {"id": "p2", "name": "Bob", "roles": ["isms"]}])) == 0
}

# Holders on leave and leavers do not count: one active holder among them is single.
test_other_holders_inactive_still_single if {
	{f.subject | some f in _check([_isms], [
		{"id": "p0", "name": "Zoe", "status": "on_leave", "roles": ["isms"]},
		{"id": "p2", "name": "Bob", "status": "leaver", "roles": ["isms"]},
		_ann,
	])} == {"role:isms"}
}

# With no active holder the role is not allocated: A52-ROLE-002's finding, not this one.
test_no_active_holder_is_not_reported if {
	count(_check([_isms], [{"id": "p1", "name": "Ann", "status": "on_leave", "roles": ["isms"]}])) == 0
	count(_check([_isms], [])) == 0
}

test_single_team_holder_fires if {
	role_004.finding == {{
		"subject": "role:isms",
		"message": "Critical role isms \"ISMS manager\" (kind isms_manager) has a single active holder, p1 \"Ann\", and it names no deputies: name an active person other than the holder in deputies to stand in when they are absent.",
		"path": "/roles/0",
	}} with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": [_isms],
		"people": [{"id": "p1", "name": "Ann"}],
		"teams": [{"id": "sec", "name": "Security", "members": ["p1", "ghost"], "roles": ["isms"]}],
	}}
		with data.rolecall.params.critical_role_kinds as _critical_kinds
}

# An undefined team member has no status: it is not a second active holder.
test_direct_and_team_holders_together if {
	count(role_004.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": [_isms],
		"people": [_ann, {"id": "p2", "name": "Bob"}],
		"teams": [{"id": "sec", "name": "Security", "members": ["p2", "ghost"], "roles": ["isms"]}],
	}}
		with data.rolecall.params.critical_role_kinds as _critical_kinds
}

test_non_critical_kind_is_not_checked if {
	count(_check(
		[{"id": "admin", "name": "Admin", "kind": "system_administrator", "function": "it"}],
		[{"id": "p1", "name": "Ann", "roles": ["admin"]}],
	)) == 0
}

test_critical_kinds_parameter if {
	{f.subject | some f in role_004.finding} == {"role:admin"} with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": [_isms, {"id": "admin", "name": "Admin", "kind": "system_administrator", "function": "it"}],
		"people": [{"id": "p1", "name": "Ann", "roles": ["isms", "admin"]}],
	}}
		with data.rolecall.params.critical_role_kinds as ["system_administrator"]
}
