package rolecall.rules.pol_001_test

import data.rolecall.rules.pol_001

_roles := [
	{"id": "ceo", "name": "CEO", "kind": "senior_management", "function": "executive"},
	{"id": "isms", "name": "ISMS manager", "kind": "isms_manager", "function": "security"},
]

_people := [
	{"id": "p1", "name": "Ann", "roles": ["ceo"]},
	{"id": "p2", "name": "Bob", "roles": ["isms"]},
]

_register(policy) := {"organisation": {"name": "Acme"}, "policy": policy, "roles": _roles, "people": _people}

test_no_policy_fires_without_path if {
	pol_001.finding == {{
		"subject": "policy",
		"message": "The register names no information security policy: write one, have a senior manager approve it and record it in policy.",
	}} with input as {"as_of": "2026-11-27", "register": {"organisation": {"name": "Acme"}, "roles": _roles, "people": _people}}
}

test_unapproved_policy_fires if {
	pol_001.finding == {{
		"subject": "policy",
		"message": "Policy ISP \"Security policy\" has not been approved: have a senior manager approve it and record them in policy.approved_by.",
		"path": "/policy",
	}} with input as {"as_of": "2026-11-27", "register": _register({"id": "ISP", "title": "Security policy"})}
}

test_policy_approved_by_non_senior_fires if {
	pol_001.finding == {{
		"subject": "policy",
		"message": "Policy ISP \"Security policy\" is approved by p2 \"Bob\", who holds no senior_management role: have a senior manager approve it.",
		"path": "/policy/approved_by",
	}} with input as {"as_of": "2026-11-27", "register": _register({"id": "ISP", "title": "Security policy", "approved_by": "p2"})}
}

test_policy_approved_by_senior_does_not_fire if {
	count(pol_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register({"id": "ISP", "title": "Security policy", "approved_by": "p1"})}
}

test_senior_role_through_a_team_and_on_leave_counts if {
	count(pol_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"policy": {"id": "ISP", "title": "Security policy", "approved_by": "p3"},
		"roles": _roles,
		"people": [{"id": "p3", "name": "Cy", "status": "on_leave"}],
		"teams": [{"id": "board", "name": "Board", "members": ["p3"], "roles": ["ceo"]}],
	}}
}

test_undefined_approver_fires if {
	{f.path | some f in pol_001.finding} == {"/policy/approved_by"} with input as {"as_of": "2026-11-27", "register": _register({"id": "ISP", "title": "Security policy", "approved_by": "ghost"})}
}
