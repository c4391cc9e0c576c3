package rolecall.rules.role_001_test

import data.rolecall.rules.role_001

_role(id, kind) := {"id": id, "name": upper(id), "kind": kind, "function": "executive"}

_register(roles, organisation) := {
	"organisation": object.union({"name": "Acme"}, organisation),
	"roles": roles,
	"people": [],
}

_leadership := [_role("ceo", "senior_management"), _role("isms", "isms_manager")]

_dpo_finding := {
	"subject": "role-kind:data_protection_officer",
	"message": "No role of kind data_protection_officer is defined: define one, write down its duties and allocate it to an active person.",
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
	} with input as {"as_of": "2026-11-27", "register": _register([_role("s", "staff")], {})}
}

test_any_kind_of_a_group_satisfies_it if {
	count(role_001.finding) == 0 with input as {
		"as_of": "2026-11-27",
		"register": _register([_role("ceo", "senior_management"), _role("ciso", "ciso")], {}),
	}
}

# Defining the role is enough here: allocating it is A52-ROLE-002's concern.
test_defined_but_unallocated_role_satisfies if {
	count(role_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register(_leadership, {})}
}

# Handling personal data alone does not make a data protection officer mandatory.
test_personal_data_without_dpo_required_needs_no_dpo if {
	count(role_001.finding) == 0 with input as {
		"as_of": "2026-11-27",
		"register": _register(_leadership, {"handles_personal_data": true}),
	}
}

test_personal_data_with_dpo_required_false_needs_no_dpo if {
	count(role_001.finding) == 0 with input as {
		"as_of": "2026-11-27",
		"register": _register(_leadership, {"handles_personal_data": true, "dpo_required": false}),
	}
}

test_dpo_required_without_a_dpo_role_fires if {
	role_001.finding == {_dpo_finding} with input as {
		"as_of": "2026-11-27",
		"register": _register(_leadership, {"dpo_required": true}),
	}
}

test_dpo_required_without_personal_data_flag_still_fires if {
	role_001.finding == {_dpo_finding} with input as {
		"as_of": "2026-11-27",
		"register": _register(_leadership, {"handles_personal_data": false, "dpo_required": true}),
	}
}

test_dpo_required_with_a_dpo_role_satisfies if {
	count(role_001.finding) == 0 with input as {
		"as_of": "2026-11-27",
		"register": _register(
			array.concat(_leadership, [_role("dpo", "data_protection_officer")]),
			{"handles_personal_data": true, "dpo_required": true},
		),
	}
}

test_no_flags_need_no_dpo if {
	count(role_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"roles": _leadership,
		"people": [],
	}}
}

test_required_kinds_parameter if {
	role_001.finding == {{
		"subject": "role-kind:incident_manager",
		"message": "No role of kind incident_manager is defined: define one, write down its duties and allocate it to an active person.",
	}} with input as {"as_of": "2026-11-27", "register": _register([_role("s", "staff")], {})}
		with data.rolecall.params.required_role_kinds as [["incident_manager"]]
}

# A parameter group starting with the DPO kind and the dpo_required requirement
# share one subject: they give one finding naming every kind that would satisfy them.
test_groups_sharing_a_first_kind_give_one_finding if {
	role_001.finding == {{
		"subject": "role-kind:data_protection_officer",
		"message": "No role of kind data_protection_officer or other is defined: define one, write down its duties and allocate it to an active person.",
	}} with input as {"as_of": "2026-11-27", "register": _register([_role("s", "staff")], {"dpo_required": true})}
		with data.rolecall.params.required_role_kinds as [["data_protection_officer", "other"]]
}
