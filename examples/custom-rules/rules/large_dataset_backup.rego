# METADATA
# title: Large dataset not covered by backup verification
# description: |
#   Datasets holding at least large_dataset_records records (attributes.records)
#   are covered by a backup_verification activity, so that someone checks that
#   they can be restored.
# related_resources:
#   - description: Acme backup standard BKS-1
#     ref: https://intranet.acme.example/isms/BKS-1
# custom:
#   id: ACME-ASSET-002
#   severity: medium
#   control: A.5.2
#   remediation: Add the dataset to the assets of a backup_verification activity.
#   params:
#     large_dataset_records: 1000000
package rolecall.custom.large_dataset_backup

import data.rolecall.lib

# _backed_up holds every asset id a backup_verification activity covers: one set,
# built once, so the rule stays linear.
_backed_up := {aid |
	some act in lib.activity_list
	act.process == "backup_verification"
	some aid in object.get(act, "assets", [])
}

finding contains {
	"subject": sprintf("asset:%s", [asset.id]),
	"message": sprintf("Dataset %s holds %d records but no backup_verification activity covers it: add it to one.", [lib.display(asset), asset.attributes.records]),
	"path": lib.ptr(["assets", i, "attributes", "records"]),
} if {
	some i, asset in lib.asset_list
	asset.type == "dataset"
	asset.attributes.records >= data.rolecall.params.large_dataset_records
	not asset.id in _backed_up
}
