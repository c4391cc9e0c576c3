# METADATA
# title: Asset without an owner
# description: |
#   Every information asset (systems, data sets, shared drives, SaaS apps) needs an
#   asset owner who is accountable for its protection. "Because it's SaaS" is no
#   reason to leave an asset unowned.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.9, Inventory of information and other associated assets
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-ASSET-001
#   severity: high
#   control: A.5.9
#   remediation: Name the role accountable for the asset's protection in its owner field (a business role, not IT by default).
package rolecall.rules.asset_001

import data.rolecall.lib

finding contains {
	"subject": sprintf("asset:%s", [asset.id]),
	"message": sprintf("Asset %s has no owner: name the role accountable for its protection.", [lib.display(asset)]),
	"path": lib.ptr(["assets", i]),
} if {
	some i, asset in lib.asset_list
	not asset.owner
}
