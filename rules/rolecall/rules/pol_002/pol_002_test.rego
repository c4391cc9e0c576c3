package rolecall.rules.pol_002_test

import data.rolecall.rules.pol_002

_register(policy) := {"organisation": {"name": "Acme"}, "policy": policy, "roles": [], "people": []}

test_policy_without_overall_responsibility_fires if {
	pol_002.finding == {{
		"subject": "policy",
		"message": "Policy ISP \"Security policy\" names no role responsible for information security overall: name it in policy.overall_responsibility.",
		"path": "/policy",
	}} with input as {"as_of": "2026-11-27", "register": _register({"id": "ISP", "title": "Security policy", "approved_by": "p1"})}
}

test_policy_with_overall_responsibility_does_not_fire if {
	count(pol_002.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register({"id": "ISP", "title": "Security policy", "overall_responsibility": "ceo"})}
}

# An undefined role is A52-REF-001's finding.
test_undefined_overall_responsibility_does_not_fire if {
	count(pol_002.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register({"id": "ISP", "title": "Security policy", "overall_responsibility": "ghost"})}
}

# No policy at all is A52-POL-001's finding.
test_no_policy_does_not_fire if {
	count(pol_002.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"organisation": {"name": "Acme"}, "roles": [], "people": []}}
}
