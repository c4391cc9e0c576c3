# METADATA
# title: Access review not accountable to the asset owner
# description: |
#   The owner of an asset decides who may access it, so the owner signs off the
#   review of that access: an access review (process access_review) that covers a
#   defined asset owned by a defined role must have that role among its
#   accountable roles. One finding per activity and asset.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.18, Access rights
#     ref: https://www.iso.org/standard/27001
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-ACC-001
#   severity: medium
#   control: A.5.18
#   remediation: Make the owner role of each asset the access review covers accountable for the review, or review that asset's access in an activity its owner is accountable for.
package rolecall.rules.acc_001

import data.rolecall.lib

# _reviews lists [i, activity] for the access review activities.
_reviews := [[i, activity] | some i, activity in lib.activity_list; activity.process == "access_review"]

# _reviewed_asset_ids is the set of asset ids the access reviews list.
_reviewed_asset_ids := {aid | some [_, activity] in _reviews; some aid in activity.assets}

# _owned[asset_id] is each defined asset that an access review lists and that names
# an owner: one pass over the assets, then lookups.
_owned := {asset.id: asset |
	reviewed := _reviewed_asset_ids
	some asset in lib.asset_list
	reviewed[asset.id]
	asset.owner
}

finding contains {
	"subject": sprintf("activity:%s", [activity.id]),
	"message": sprintf(
		"Access review %s covers asset %s, owned by role %s, which is not among its accountable roles (%s): make the owner accountable for reviewing access to what it owns.",
		[lib.display(activity), lib.display(asset), lib.display(owner), lib.raci_display(accountable)],
	),
	"path": lib.ptr(["activities", i, "assets", j]),
} if {
	some [i, activity] in _reviews
	accountable := lib.raci(activity, "accountable")
	some j, aid in activity.assets
	asset := _owned[aid]
	owner := lib.roles[asset.owner].e
	not asset.owner in accountable
}
