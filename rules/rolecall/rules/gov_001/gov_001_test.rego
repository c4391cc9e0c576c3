package rolecall.rules.gov_001_test

import data.rolecall.rules.gov_001

# _role(id, kind, reports_to) is a role; reports_to "" leaves the key out.
_role(id, kind, "") := {"id": id, "name": upper(id), "kind": kind, "function": "security"}

_role(id, kind, reports_to) := {"id": id, "name": upper(id), "kind": kind, "function": "security", "reports_to": reports_to} if {
	reports_to != ""
}

_ceo := _role("ceo", "senior_management", "")

# _check(roles, steps) is the rule's findings for a register of these roles with
# max_reporting_steps = steps.
_check(roles, steps) := findings if {
	findings := gov_001.finding with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": roles,
		"people": [],
	}}
		with data.rolecall.params.max_reporting_steps as steps
}

test_direct_report_to_senior_management_passes if {
	count(_check([_ceo, _role("isms", "isms_manager", "ceo")], 2)) == 0
}

test_senior_management_at_the_last_step_passes if {
	count(_check([_ceo, _role("cio", "other", "ceo"), _role("isms", "isms_manager", "cio")], 2)) == 0
}

test_senior_management_one_step_too_far_fires if {
	_check(
		[_ceo, _role("b", "other", "ceo"), _role("a", "other", "b"), _role("isms", "isms_manager", "a")],
		2,
	) == {{
		"subject": "role:isms",
		"message": "Role isms \"ISMS\" does not reach a senior_management role within 2 steps of its reporting line (isms -> a -> b): make it report to top management within 2 steps.",
		"path": "/roles/3/reports_to",
	}}
}

test_no_reports_to_fires if {
	_check([_ceo, _role("isms", "isms_manager", "")], 2) == {{
		"subject": "role:isms",
		"message": "Role isms \"ISMS\" has no reports_to, so its reporting line does not reach top management: make it report to a senior_management role, at most 2 steps up.",
		"path": "/roles/1",
	}}
}

test_no_reports_to_at_the_second_step_fires if {
	_check([_ceo, _role("cio", "other", ""), _role("isms", "isms_manager", "cio")], 2) == {{
		"subject": "role:isms",
		"message": "Role isms \"ISMS\" does not reach top management: its reporting line isms -> cio stops at cio \"CIO\", which has no reports_to: extend the line to a senior_management role within 2 steps.",
		"path": "/roles/2/reports_to",
	}}
}

# The steps run out before the step that would find no reports_to.
test_no_reports_to_beyond_the_steps_fires_as_too_far if {
	_check([_role("b", "other", ""), _role("a", "other", "b"), _role("isms", "isms_manager", "a")], 2) == {{
		"subject": "role:isms",
		"message": "Role isms \"ISMS\" does not reach a senior_management role within 2 steps of its reporting line (isms -> a -> b): make it report to top management within 2 steps.",
		"path": "/roles/2/reports_to",
	}}
}

# An undefined role ends the walk: the dangling reference is A52-REF-001's.
test_undefined_role_within_the_steps_ends_the_walk if {
	count(_check([_role("isms", "isms_manager", "ghost")], 2)) == 0
	count(_check([_role("a", "other", "ghost"), _role("isms", "isms_manager", "a")], 2)) == 0
}

test_undefined_role_beyond_the_steps_fires if {
	{f.message | some f in _check(
		[_role("b", "other", "ghost"), _role("a", "other", "b"), _role("isms", "isms_manager", "a")],
		2,
	)} == {"Role isms \"ISMS\" does not reach a senior_management role within 2 steps of its reporting line (isms -> a -> b): make it report to top management within 2 steps."}
}

# A role that reports to itself loops until the steps run out.
test_role_reporting_to_itself_fires if {
	_check([_ceo, _role("isms", "isms_manager", "isms")], 2) == {{
		"subject": "role:isms",
		"message": "Role isms \"ISMS\" does not reach a senior_management role within 2 steps of its reporting line (isms -> isms, a loop): make it report to top management within 2 steps.",
		"path": "/roles/1/reports_to",
	}}
}

test_role_reporting_to_itself_with_more_steps if {
	{f.message | some f in _check([_role("isms", "isms_manager", "isms")], 3)} == {"Role isms \"ISMS\" does not reach a senior_management role within 3 steps of its reporting line (isms -> isms, a loop): make it report to top management within 3 steps."}
}

test_two_roles_reporting_to_each_other_fire if {
	_check([_role("isms", "isms_manager", "a"), _role("a", "other", "isms")], 2) == {{
		"subject": "role:isms",
		"message": "Role isms \"ISMS\" does not reach a senior_management role within 2 steps of its reporting line (isms -> a -> isms, a loop): make it report to top management within 2 steps.",
		"path": "/roles/0/reports_to",
	}}
}

# The line enters a loop after its first step; the walk goes round it until the
# steps run out. With fewer steps than the line is long, the message shows the
# steps taken.
test_loop_after_the_first_step if {
	{f.message | some f in _check(
		[_role("isms", "isms_manager", "a"), _role("a", "other", "b"), _role("b", "other", "a")],
		4,
	)} == {"Role isms \"ISMS\" does not reach a senior_management role within 4 steps of its reporting line (isms -> a -> b -> a, a loop): make it report to top management within 4 steps."}
	{f.message | some f in _check(
		[_role("isms", "isms_manager", "a"), _role("a", "other", "b"), _role("b", "other", "a")],
		1,
	)} == {"Role isms \"ISMS\" does not reach a senior_management role within 1 step of its reporting line (isms -> a): make it report to top management within 1 step."}
}

# A self-loop below the security lead.
test_loop_on_a_role_above_the_lead if {
	{f.message | some f in _check([_role("isms", "isms_manager", "a"), _role("a", "other", "a")], 2)} == {"Role isms \"ISMS\" does not reach a senior_management role within 2 steps of its reporting line (isms -> a -> a, a loop): make it report to top management within 2 steps."}
}

# Two security leads in a loop each get their own finding.
test_two_leads_in_a_loop_each_fire if {
	{f.subject | some f in _check([_role("isms", "isms_manager", "ciso"), _role("ciso", "ciso", "isms")], 2)} == {"role:isms", "role:ciso"}
}

test_ciso_is_checked_other_kinds_are_not if {
	{f.subject | some f in _check(
		[
			_ceo,
			_role("ciso", "ciso", ""),
			_role("im", "incident_manager", ""),
			_role("dpo", "data_protection_officer", "ghost"),
		],
		2,
	)} == {"role:ciso"}
}

# Another security lead on the line is a step like any other.
test_lead_reporting_through_another_lead if {
	count(_check([_ceo, _role("ciso", "ciso", "ceo"), _role("isms", "isms_manager", "ciso")], 2)) == 0
}

# The walk stops at the first senior_management role, whatever it reports to.
test_walk_stops_at_senior_management if {
	count(_check([_role("ceo", "senior_management", "ghost"), _role("isms", "isms_manager", "ceo")], 2)) == 0
	count(_check([_role("ceo", "senior_management", "isms"), _role("isms", "isms_manager", "ceo")], 1)) == 0
}

test_steps_parameter if {
	roles := [_ceo, _role("cio", "other", "ceo"), _role("isms", "isms_manager", "cio")]
	_check(roles, 1) == {{
		"subject": "role:isms",
		"message": "Role isms \"ISMS\" does not reach a senior_management role within 1 step of its reporting line (isms -> cio): make it report to top management within 1 step.",
		"path": "/roles/2/reports_to",
	}}
	count(_check(roles, 3)) == 0
}

test_no_security_lead_no_findings if {
	count(_check([_ceo], 2)) == 0
}
