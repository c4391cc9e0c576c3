package rolecall.rules.asset_001_test

import data.rolecall.rules.asset_001

test_asset_without_owner_fires if {
	asset_001.finding == {{
		"subject": "asset:crm",
		"message": "Asset crm \"CRM\" has no owner: name the role accountable for its protection.",
		"path": "/assets/1",
	}} with input as {"as_of": "2026-11-27", "register": {"assets": [
		{"id": "hr-db", "name": "HR database", "type": "dataset", "owner": "hr-lead"},
		{"id": "crm", "name": "CRM", "type": "saas"},
	]}}
}

test_asset_with_owner_does_not_fire if {
	count(asset_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"assets": [
		{"id": "crm", "name": "CRM", "type": "saas", "owner": "sales-lead"},
	]}}
}

test_owner_naming_undefined_role_is_not_this_rule if {
	count(asset_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"assets": [
		{"id": "crm", "name": "CRM", "type": "saas", "owner": "ghost"},
	]}}
}

test_no_assets_no_findings if {
	count(asset_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {}}
}
