package rolecall.rules.risk_002_test

import data.rolecall.rules.risk_002

_roles := [
	{"id": "ciso", "name": "CISO", "kind": "ciso", "function": "executive"},
	{"id": "isms", "name": "ISMS manager", "kind": "isms_manager", "function": "operations"},
	{"id": "soc", "name": "SOC lead", "kind": "other", "function": "security"},
	{"id": "cfo", "name": "CFO", "kind": "senior_management", "function": "finance"},
	{"id": "it-lead", "name": "IT lead", "kind": "process_owner", "function": "it"},
]

_input(risks) := {"as_of": "2026-11-27", "register": {"roles": _roles, "risks": risks}}

test_risk_owned_by_ciso_fires if {
	risk_002.finding == {{
		"subject": "risk:r2",
		"message": "Risk r2 \"Ransomware\" is owned by the security role ciso \"CISO\": make the business role whose objectives it affects its owner.",
		"path": "/risks/1/owner",
	}} with input as _input([
		{"id": "r1", "title": "Fraud", "owner": "cfo"},
		{"id": "r2", "title": "Ransomware", "owner": "ciso"},
	])
}

test_risk_owned_by_isms_manager_or_security_function_fires if {
	risk_002.finding == {
		{
			"subject": "risk:r1",
			"message": "Risk r1 \"Fraud\" is owned by the security role isms \"ISMS manager\": make the business role whose objectives it affects its owner.",
			"path": "/risks/0/owner",
		},
		{
			"subject": "risk:r2",
			"message": "Risk r2 \"Ransomware\" is owned by the security role soc \"SOC lead\": make the business role whose objectives it affects its owner.",
			"path": "/risks/1/owner",
		},
	} with input as _input([
		{"id": "r1", "title": "Fraud", "owner": "isms"},
		{"id": "r2", "title": "Ransomware", "owner": "soc"},
	])
}

test_business_or_it_owner_does_not_fire if {
	count(risk_002.finding) == 0 with input as _input([
		{"id": "r1", "title": "Fraud", "owner": "cfo"},
		{"id": "r2", "title": "Outage", "owner": "it-lead"},
	])
}

test_absent_or_undefined_owner_is_not_this_rule if {
	count(risk_002.finding) == 0 with input as _input([
		{"id": "r1", "title": "Fraud"},
		{"id": "r2", "title": "Outage", "owner": "ghost"},
	])
}
