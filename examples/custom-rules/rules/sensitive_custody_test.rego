package rolecall.custom.sensitive_custody_test

import data.rolecall.custom.sensitive_custody

_roles := [
	{"id": "it", "name": "IT Manager", "kind": "asset_owner", "function": "it"},
	{"id": "mkt", "name": "Marketing Lead", "kind": "asset_owner", "function": "sales"},
]

test_owner_as_custodian_fires if {
	sensitive_custody.finding == {{
		"subject": "asset:crm",
		"message": "Asset crm \"CRM\" is confidential but its owner is also its custodian: name a custodian role other than its owner mkt \"Marketing Lead\".",
		"path": "/assets/0",
	}} with input as {"as_of": "2026-11-27", "register": {"roles": _roles, "assets": [
		{"id": "crm", "name": "CRM", "type": "saas", "classification": "confidential", "owner": "mkt", "custodian": "mkt"},
	]}}
}

test_missing_custodian_fires if {
	count(sensitive_custody.finding) == 1 with input as {"as_of": "2026-11-27", "register": {"roles": _roles, "assets": [
		{"id": "crm", "name": "CRM", "type": "saas", "classification": "restricted", "owner": "mkt"},
	]}}
}

test_separate_custodian_does_not_fire if {
	count(sensitive_custody.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"roles": _roles, "assets": [
		{"id": "crm", "name": "CRM", "type": "saas", "classification": "restricted", "owner": "mkt", "custodian": "it"},
	]}}
}

test_internal_asset_does_not_fire if {
	count(sensitive_custody.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"roles": _roles, "assets": [
		{"id": "wiki", "name": "Wiki", "type": "saas", "classification": "internal", "owner": "mkt"},
	]}}
}

test_unowned_asset_is_asset_001s_business if {
	count(sensitive_custody.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"roles": _roles, "assets": [
		{"id": "crm", "name": "CRM", "type": "saas", "classification": "restricted"},
	]}}
}
