# METADATA
# title: Sensitive asset without a separate custodian
# description: |
#   For confidential and restricted assets the owner (accountable) and the
#   custodian (runs it day to day) are different roles, so that someone checks the
#   day-to-day operation.
# related_resources:
#   - description: Acme asset management standard AMS-2
#     ref: https://intranet.acme.example/isms/AMS-2
# custom:
#   id: ACME-ASSET-001
#   severity: medium
#   control: A.5.9
#   remediation: Name a custodian role other than the owner for the asset.
#   params:
#     sensitive_classifications: [confidential, restricted]
package rolecall.custom.sensitive_custody

import data.rolecall.lib

_sensitive := {c | some c in data.rolecall.params.sensitive_classifications}

finding contains {
	"subject": sprintf("asset:%s", [asset.id]),
	"message": sprintf("Asset %s is %s but %s: name a custodian role other than its owner %s.", [lib.display(asset), asset.classification, _problem(asset), lib.role_display(asset.owner)]),
	"path": lib.ptr(["assets", i]),
} if {
	some i, asset in lib.asset_list
	asset.classification in _sensitive
	asset.owner
	_problem(asset)
}

_problem(asset) := "has no custodian" if {
	not asset.custodian
} else := "its owner is also its custodian" if {
	asset.custodian == asset.owner
}
