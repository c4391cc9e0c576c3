package rolecall.rules.role_001_test

import data.rolecall.rules.role_001

_role(id, kind) := {"id": id, "name": upper(id), "kind": kind, "function": "executive"}

_register(roles, personal_data) := {
	"organisation": {"name": "Acme", "handles_personal_data": personal_data},
	"roles": roles,
	"people": [],
}

test_missing_required_groups_fire if {
	role_001.finding == {
		{
			"subject": "role-kind:senior_management",
			"message": "No role of kind senior_management is defined: define one, write down its duties and allocate it to an active person.",
		},
		{
			"subject": "role-kind:isms_manager",
			"message": "No role of kind isms_manager or ciso is defined: define one, write down its duties and allocate it to an active person.",
		},
	} with input as {"as_of": "2026-11-27", "register": _register([_role("s", "staff")], false)}
}

test_any_kind_of_a_group_satisfies_it if {
	count(role_001.finding) == 0 with input as {
		"as_of": "2026-11-27",
		"register": _register([_role("ceo", "senior_management"), _role("ciso", "ciso")], false),
	}
}

# Defining the role is enough here: allocating it is A52-ROLE-002's concern.
test_defined_but_unallocated_role_satisfies if {
	count(role_001.finding) == 0 with input as {
		"as_of": "2026-11-27",
		"register": _register([_role("ceo", "senior_management"), _role("isms", "isms_manager")], false),
	}
}

test_personal_data_requires_a_dpo if {
	role_001.finding == {{
		"subject": "role-kind:data_protection_officer",
		"message": "No role of kind data_protection_officer is defined: define one, write down its duties and allocate it to an active person.",
	}} with input as {
		"as_of": "2026-11-27",
		"register": _register([_role("ceo", "senior_management"), _role("isms", "isms_manager")], true),
	}
}

test_dpo_present_satisfies_personal_data if {
	count(role_001.finding) == 0 with input as {
		"as_of": "2026-11-27",
		"register": _register(
			[_role("ceo", "senior_management"), _role("isms", "isms_manager"), _role("dpo", "data_protection_officer")],
			true,
		),
	}
}

test_no_personal_data_needs_no_dpo if {
	count(role_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": [_role("ceo", "senior_management"), _role("isms", "isms_manager")],
		"people": [],
	}}
}

test_required_kinds_parameter if {
	role_001.finding == {{
		"subject": "role-kind:incident_manager",
		"message": "No role of kind incident_manager is defined: define one, write down its duties and allocate it to an active person.",
	}} with input as {"as_of": "2026-11-27", "register": _register([_role("s", "staff")], false)}
		with data.rolecall.params.required_role_kinds as [["incident_manager"]]
}

# A parameter group starting with the DPO kind and the personal-data requirement
# share one subject: they give one finding naming every kind that would satisfy them.
test_groups_sharing_a_first_kind_give_one_finding if {
	role_001.finding == {{
		"subject": "role-kind:data_protection_officer",
		"message": "No role of kind data_protection_officer or other is defined: define one, write down its duties and allocate it to an active person.",
	}} with input as {"as_of": "2026-11-27", "register": _register([_role("s", "staff")], true)}
		with data.rolecall.params.required_role_kinds as [["data_protection_officer", "other"]]
}
