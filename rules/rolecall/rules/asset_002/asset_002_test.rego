package rolecall.rules.asset_002_test

import data.rolecall.rules.asset_002

_roles := [
	{"id": "it-lead", "name": "IT lead", "kind": "asset_owner", "function": "it"},
	{"id": "sales-lead", "name": "Sales lead", "kind": "asset_owner", "function": "sales"},
	{"id": "sec-lead", "name": "Security lead", "kind": "ciso", "function": "security"},
]

_register(assets) := {"organisation": {"name": "Acme"}, "roles": _roles, "people": [], "assets": assets}

test_business_asset_owned_by_it_fires if {
	asset_002.finding == {{
		"subject": "asset:crm",
		"message": "Asset crm \"CRM\" is a business asset (saas) owned by role it-lead \"IT lead\" of the it function: make a business role its owner and IT its custodian.",
		"path": "/assets/1/owner",
	}} with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "hr-db", "name": "HR database", "type": "dataset", "owner": "sales-lead"},
		{"id": "crm", "name": "CRM", "type": "saas", "owner": "it-lead", "custodian": "it-lead"},
	])}
}

test_every_default_business_type_counts if {
	{f.subject | some f in asset_002.finding} == {"asset:a1", "asset:a2", "asset:a3", "asset:a4"} with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "a1", "name": "A1", "type": "saas", "owner": "it-lead"},
		{"id": "a2", "name": "A2", "type": "dataset", "owner": "it-lead"},
		{"id": "a3", "name": "A3", "type": "application", "owner": "it-lead"},
		{"id": "a4", "name": "A4", "type": "shared_drive", "owner": "it-lead"},
		{"id": "a5", "name": "A5", "type": "system", "owner": "it-lead"},
		{"id": "a6", "name": "A6", "type": "network", "owner": "it-lead"},
	])}
}

test_business_owner_does_not_fire if {
	count(asset_002.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "crm", "name": "CRM", "type": "saas", "owner": "sales-lead", "custodian": "it-lead"},
	])}
}

# An absent owner is A52-ASSET-001's finding; an undefined one is A52-REF-001's.
test_absent_or_undefined_owner_does_not_fire if {
	count(asset_002.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "crm", "name": "CRM", "type": "saas"},
		{"id": "erp", "name": "ERP", "type": "application", "owner": "ghost"},
	])}
}

test_parameters if {
	{f.subject | some f in asset_002.finding} == {"asset:fw"} with input as {"as_of": "2026-11-27", "register": _register([
		{"id": "crm", "name": "CRM", "type": "saas", "owner": "it-lead"},
		{"id": "fw", "name": "Firewall", "type": "network", "owner": "sec-lead"},
	])}
		with data.rolecall.params.it_functions as ["security"]
		with data.rolecall.params.business_asset_types as ["network"]
}
