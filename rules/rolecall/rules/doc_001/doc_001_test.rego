package rolecall.rules.doc_001_test

import data.rolecall.rules.doc_001

_roles := [
	{"id": "ceo", "name": "CEO", "kind": "senior_management", "function": "executive"},
	{"id": "isms", "name": "ISMS manager", "kind": "isms_manager", "function": "security"},
]

_register(approved_by, people) := {
	"organisation": {"name": "Acme", "approved_by": approved_by, "approved_on": "2026-01-01"},
	"roles": _roles,
	"people": people,
}

test_no_approver_fires if {
	doc_001.finding == {{
		"subject": "organisation",
		"message": "The register has not been approved: have a senior manager approve it and record them in organisation.approved_by.",
		"path": "/organisation",
	}} with input as {"as_of": "2026-11-27", "register": {"organisation": {"name": "Acme"}, "roles": _roles, "people": []}}
}

test_approver_without_senior_role_fires if {
	doc_001.finding == {{
		"subject": "organisation",
		"message": "The register is approved by p1 \"Ann\", who holds no senior_management role: have a senior manager approve it.",
		"path": "/organisation/approved_by",
	}} with input as {"as_of": "2026-11-27", "register": _register("p1", [{"id": "p1", "name": "Ann", "roles": ["isms"]}])}
}

test_senior_approver_does_not_fire if {
	count(doc_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register("p1", [{"id": "p1", "name": "Ann", "roles": ["ceo"]}])}
}

test_senior_role_through_a_team_counts if {
	count(doc_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme", "approved_by": "p1"},
		"roles": _roles,
		"people": [{"id": "p1", "name": "Ann"}],
		"teams": [{"id": "board", "name": "Board", "members": ["p1"], "roles": ["ceo"]}],
	}}
}

# Holding does not depend on status: an approver now on leave or gone still
# held the role when signing.
test_approver_status_does_not_matter if {
	count(doc_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register("p1", [{"id": "p1", "name": "Ann", "status": "leaver", "roles": ["ceo"]}])}
}

# A role's kind comes only from defined roles; an undefined approver holds nothing.
test_undefined_role_or_approver_fires if {
	{f.path | some f in doc_001.finding} == {"/organisation/approved_by"} with input as {"as_of": "2026-11-27", "register": _register("p1", [{"id": "p1", "name": "Ann", "roles": ["chief"]}])}
	doc_001.finding == {{
		"subject": "organisation",
		"message": "The register is approved by ghost, who holds no senior_management role: have a senior manager approve it.",
		"path": "/organisation/approved_by",
	}} with input as {"as_of": "2026-11-27", "register": _register("ghost", [])}
}
