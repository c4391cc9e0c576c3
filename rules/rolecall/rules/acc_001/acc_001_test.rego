package rolecall.rules.acc_001_test

import data.rolecall.rules.acc_001

_roles := [
	{"id": "sales-lead", "name": "Head of sales", "kind": "asset_owner", "function": "sales"},
	{"id": "it-lead", "name": "IT lead", "kind": "process_owner", "function": "it"},
	{"id": "hr-lead", "name": "Head of HR", "kind": "asset_owner", "function": "hr"},
]

_assets := [
	{"id": "crm", "name": "CRM", "type": "saas", "owner": "sales-lead"},
	{"id": "hris", "name": "HR system", "type": "saas", "owner": "hr-lead"},
	{"id": "wiki", "name": "Wiki", "type": "saas", "owner": "it-lead"},
	{"id": "drive", "name": "Drive", "type": "shared_drive"},
	{"id": "legacy", "name": "Legacy", "type": "system", "owner": "ghost-role"},
]

_review(extra) := object.union(
	{
		"id": "a1", "name": "Access review", "process": "access_review",
		"raci": {"accountable": ["it-lead"], "responsible": ["it-lead"]},
		"assets": ["wiki", "crm"],
	},
	extra,
)

_input(activities) := {"as_of": "2026-11-27", "register": {"roles": _roles, "assets": _assets, "activities": activities}}

test_review_not_accountable_to_the_owner_fires if {
	acc_001.finding == {{
		"subject": "activity:a1",
		"message": "Access review a1 \"Access review\" covers asset crm \"CRM\", owned by role sales-lead \"Head of sales\", which is not among its accountable roles (it-lead): make the owner accountable for reviewing access to what it owns.",
		"path": "/activities/1/assets/1",
	}} with input as _input([{"id": "a0", "name": "Other", "process": "other", "assets": ["crm"]}, _review({})])
}

test_one_finding_per_asset_with_the_same_subject if {
	acc_001.finding == {
		{
			"subject": "activity:a1",
			"message": "Access review a1 \"Access review\" covers asset crm \"CRM\", owned by role sales-lead \"Head of sales\", which is not among its accountable roles (it-lead): make the owner accountable for reviewing access to what it owns.",
			"path": "/activities/0/assets/1",
		},
		{
			"subject": "activity:a1",
			"message": "Access review a1 \"Access review\" covers asset hris \"HR system\", owned by role hr-lead \"Head of HR\", which is not among its accountable roles (it-lead): make the owner accountable for reviewing access to what it owns.",
			"path": "/activities/0/assets/2",
		},
	} with input as _input([_review({"assets": ["wiki", "crm", "hris"]})])
}

test_review_without_accountable_roles_fires if {
	acc_001.finding == {{
		"subject": "activity:a1",
		"message": "Access review a1 \"Access review\" covers asset wiki \"Wiki\", owned by role it-lead \"IT lead\", which is not among its accountable roles (none): make the owner accountable for reviewing access to what it owns.",
		"path": "/activities/0/assets/0",
	}} with input as _input([{
		"id": "a1", "name": "Access review", "process": "access_review",
		"raci": {"responsible": ["it-lead"]}, "assets": ["wiki"],
	}])
}

test_owner_among_several_accountable_roles_does_not_fire if {
	count(acc_001.finding) == 0 with input as _input([_review({"raci": {"accountable": ["it-lead", "sales-lead"]}})])
}

test_owner_only_responsible_still_fires if {
	count(acc_001.finding) == 1 with input as _input([_review({"raci": {"accountable": ["it-lead"], "responsible": ["sales-lead"]}})])
}

test_other_processes_do_not_fire if {
	count(acc_001.finding) == 0 with input as _input([_review({"process": "user_provisioning"})])
}

test_undefined_asset_ownerless_asset_and_undefined_owner_do_not_fire if {
	count(acc_001.finding) == 0 with input as _input([_review({"assets": ["ghost-asset", "drive", "legacy", "wiki"]})])
}

test_review_without_assets_does_not_fire if {
	count(acc_001.finding) == 0 with input as _input([object.remove(_review({}), ["assets"])])
}
