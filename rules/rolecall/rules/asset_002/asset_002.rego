# METADATA
# title: Business asset owned by IT
# description: |
#   The owner of an asset is accountable for its protection and decides who may use
#   it; for business assets (SaaS apps, data sets, applications, shared drives by
#   default) that is the business function that relies on them, not the IT
#   function that runs them. IT is the custodian, not the owner.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
#   - description: ISO/IEC 27001:2022 Annex A 5.9, Inventory of information and other associated assets
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-ASSET-002
#   severity: medium
#   control: A.5.2
#   remediation: Make a role of the business function that relies on the asset its owner, and keep the IT role as its custodian.
package rolecall.rules.asset_002

import data.rolecall.lib

_business_types := {t | some t in lib.params.business_asset_types}

_it_functions := {f | some f in lib.params.it_functions}

# _it_roles is the set of ids of the defined roles of an IT function: few, so that
# the pass over the assets is one lookup each for the assets IT does not own.
_it_roles := {role.id | some role in lib.role_list; role.function in _it_functions}

finding contains {
	"subject": sprintf("asset:%s", [asset.id]),
	"message": sprintf(
		"Asset %s is a business asset (%s) owned by role %s of the %s function: make a business role its owner and IT its custodian.",
		[lib.display(asset), asset.type, lib.display(owner), owner.function],
	),
	"path": lib.ptr(["assets", i, "owner"]),
} if {
	it_roles := _it_roles
	business_types := _business_types
	some i, asset in lib.asset_list
	it_roles[asset.owner]
	asset.type in business_types
	owner := lib.roles[asset.owner].e
	owner.function in _it_functions
}
