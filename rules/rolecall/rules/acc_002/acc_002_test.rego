package rolecall.rules.acc_002_test

import data.rolecall.rules.acc_002

_review(assets) := {"id": "a1", "name": "Access review", "process": "access_review", "raci": {"accountable": ["it-lead"]}, "assets": assets}

_input(assets, activities) := {"as_of": "2026-11-27", "register": {"assets": assets, "activities": activities}}

test_unreviewed_sensitive_assets_fire if {
	acc_002.finding == {
		{
			"subject": "asset:crm",
			"message": "Asset crm \"CRM\" is classified confidential but no access review activity lists it: add it to the assets of an access review so that access to it is reviewed.",
			"path": "/assets/0",
		},
		{
			"subject": "asset:payroll",
			"message": "Asset payroll \"Payroll\" is classified restricted and holds personal data but no access review activity lists it: add it to the assets of an access review so that access to it is reviewed.",
			"path": "/assets/1",
		},
		{
			"subject": "asset:list",
			"message": "Asset list \"Mailing list\" holds personal data but no access review activity lists it: add it to the assets of an access review so that access to it is reviewed.",
			"path": "/assets/2",
		},
	} with input as _input(
		[
			{"id": "crm", "name": "CRM", "type": "saas", "classification": "confidential"},
			{"id": "payroll", "name": "Payroll", "type": "dataset", "classification": "restricted", "personal_data": true},
			{"id": "list", "name": "Mailing list", "type": "dataset", "classification": "internal", "personal_data": true},
			{"id": "wiki", "name": "Wiki", "type": "saas", "classification": "confidential"},
		],
		[_review(["wiki"])],
	)
}

test_listed_by_an_access_review_does_not_fire if {
	count(acc_002.finding) == 0 with input as _input(
		[
			{"id": "crm", "name": "CRM", "type": "saas", "classification": "confidential"},
			{"id": "payroll", "name": "Payroll", "type": "dataset", "classification": "restricted", "personal_data": true},
		],
		[_review(["crm"]), object.union(_review(["payroll"]), {"id": "a2"})],
	)
}

test_listed_only_by_another_process_fires if {
	acc_002.finding == {{
		"subject": "asset:crm",
		"message": "Asset crm \"CRM\" is classified confidential but no access review activity lists it: add it to the assets of an access review so that access to it is reviewed.",
		"path": "/assets/0",
	}} with input as _input(
		[{"id": "crm", "name": "CRM", "type": "saas", "classification": "confidential"}],
		[{"id": "a1", "name": "Provisioning", "process": "user_provisioning", "assets": ["crm"]}],
	)
}

test_assets_that_are_not_sensitive_do_not_fire if {
	count(acc_002.finding) == 0 with input as _input(
		[
			{"id": "site", "name": "Website", "type": "application", "classification": "public"},
			{"id": "wiki", "name": "Wiki", "type": "saas", "classification": "internal", "personal_data": false},
			{"id": "laptop", "name": "Laptop", "type": "device"},
		],
		[],
	)
}

test_no_activities_at_all_fires if {
	acc_002.finding == {{
		"subject": "asset:crm",
		"message": "Asset crm \"CRM\" holds personal data but no access review activity lists it: add it to the assets of an access review so that access to it is reviewed.",
		"path": "/assets/0",
	}} with input as {"as_of": "2026-11-27", "register": {"assets": [{"id": "crm", "name": "CRM", "type": "saas", "personal_data": true}]}}
}
