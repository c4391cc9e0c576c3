# METADATA
# title: Sensitive asset without an access review
# description: |
#   Access rights to sensitive information must be reviewed regularly: an asset
#   classified confidential or restricted, or holding personal data, must be listed
#   in the assets of at least one access review activity (process access_review),
#   otherwise nobody is answerable for reviewing who can reach it.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.18, Access rights
#     ref: https://www.iso.org/standard/27001
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-ACC-002
#   severity: medium
#   control: A.5.18
#   remediation: Add the asset to the assets of an access review activity, or define an access review for it with its RACI and frequency.
package rolecall.rules.acc_002

import data.rolecall.lib

_sensitive_classifications := {"confidential", "restricted"}

# _reviewed_asset_ids is the set of asset ids listed by an access review activity.
_reviewed_asset_ids := {aid |
	some activity in lib.activity_list
	activity.process == "access_review"
	some aid in activity.assets
}

# _why(asset) says what makes the asset sensitive, for the message.
_why(asset) := sprintf("is classified %s and holds personal data", [asset.classification]) if {
	asset.classification in _sensitive_classifications
	asset.personal_data == true
} else := sprintf("is classified %s", [asset.classification]) if {
	asset.classification in _sensitive_classifications
} else := "holds personal data"

# _sensitive(asset) is true when the asset is confidential, restricted or holds
# personal data.
_sensitive(asset) if asset.classification in _sensitive_classifications

_sensitive(asset) if asset.personal_data == true

finding contains {
	"subject": sprintf("asset:%s", [asset.id]),
	"message": sprintf(
		"Asset %s %s but no access review activity lists it: add it to the assets of an access review so that access to it is reviewed.",
		[lib.display(asset), _why(asset)],
	),
	"path": lib.ptr(["assets", i]),
} if {
	reviewed := _reviewed_asset_ids
	some i, asset in lib.asset_list
	not reviewed[asset.id]
	_sensitive(asset)
}
