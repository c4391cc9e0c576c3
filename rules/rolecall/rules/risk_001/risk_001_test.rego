package rolecall.rules.risk_001_test

import data.rolecall.rules.risk_001

test_risk_without_owner_fires if {
	risk_001.finding == {{
		"subject": "risk:r2",
		"message": "Risk r2 \"Ransomware\" has no owner: name the business role accountable for managing it.",
		"path": "/risks/1",
	}} with input as {"as_of": "2026-11-27", "register": {"risks": [
		{"id": "r1", "title": "Data leak", "owner": "cfo"},
		{"id": "r2", "title": "Ransomware"},
	]}}
}

test_risk_with_owner_does_not_fire if {
	count(risk_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"risks": [
		{"id": "r1", "title": "Data leak", "owner": "cfo"},
	]}}
}

test_owner_naming_undefined_role_is_not_this_rule if {
	count(risk_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"roles": [], "risks": [
		{"id": "r1", "title": "Data leak", "owner": "ghost"},
	]}}
}

test_no_risks_no_findings if {
	count(risk_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {}}
}
