package rolecall.rules.role_005_test

import data.rolecall.rules.role_005

_kinds := ["isms_manager", "ciso", "incident_manager", "data_protection_officer", "business_continuity_lead", "internal_auditor"]

# _check(roles) is the rule's findings for a register of these roles.
_check(roles) := findings if {
	findings := role_005.finding with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": roles,
		"people": [],
	}}
		with data.rolecall.params.competence_required_kinds as _kinds
}

_im := {"id": "im", "name": "Incident manager", "kind": "incident_manager", "function": "security"}

test_role_without_competences_fires if {
	_check([{"id": "staff", "name": "Staff", "kind": "staff", "function": "other"}, _im]) == {{
		"subject": "role:im",
		"message": "Role im \"Incident manager\" is of kind incident_manager, which needs competence, but lists no competences: list those every holder must have and keep current, so that they can be checked.",
		"path": "/roles/1",
	}}
}

test_empty_competences_fire_at_the_field if {
	_check([object.union(_im, {"competences": []})]) == {{
		"subject": "role:im",
		"message": "Role im \"Incident manager\" is of kind incident_manager, which needs competence, but lists no competences: list those every holder must have and keep current, so that they can be checked.",
		"path": "/roles/0/competences",
	}}
}

test_every_default_kind_is_checked if {
	{f.subject | some f in _check([{"id": kind, "name": kind, "kind": kind, "function": "security"} | some kind in _kinds])} == {sprintf("role:%s", [kind]) | some kind in _kinds}
}

test_role_listing_a_competence_passes if {
	count(_check([object.union(_im, {"competences": ["incident-handling"]})])) == 0
}

test_other_kinds_are_not_checked if {
	count(_check([
		{"id": "ceo", "name": "CEO", "kind": "senior_management", "function": "executive"},
		{"id": "admin", "name": "Admin", "kind": "system_administrator", "function": "it"},
	])) == 0
}

test_kinds_parameter if {
	{f.subject | some f in role_005.finding} == {"role:admin"} with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": [_im, {"id": "admin", "name": "Admin", "kind": "system_administrator", "function": "it"}],
		"people": [],
	}}
		with data.rolecall.params.competence_required_kinds as ["system_administrator"]
}
