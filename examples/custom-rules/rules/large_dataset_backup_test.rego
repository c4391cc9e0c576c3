package rolecall.custom.large_dataset_backup_test

import data.rolecall.custom.large_dataset_backup

_register(records, covered) := {
	"assets": [{"id": "warehouse", "name": "Warehouse", "type": "dataset", "attributes": {"records": records}}],
	"activities": [{"id": "backups", "name": "Restore tests", "process": "backup_verification", "assets": covered}],
}

test_large_uncovered_dataset_fires if {
	large_dataset_backup.finding == {{
		"subject": "asset:warehouse",
		"message": "Dataset warehouse \"Warehouse\" holds 1000000 records but no backup_verification activity covers it: add it to one.",
		"path": "/assets/0/attributes/records",
	}} with input as {"as_of": "2026-11-27", "register": _register(1000000, [])}
}

test_just_below_the_threshold_does_not_fire if {
	count(large_dataset_backup.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register(999999, [])}
}

test_covered_dataset_does_not_fire if {
	count(large_dataset_backup.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register(5000000, ["warehouse"])}
}

test_dataset_without_records_attribute_does_not_fire if {
	count(large_dataset_backup.finding) == 0 with input as {"as_of": "2026-11-27", "register": {"assets": [{"id": "w", "name": "W", "type": "dataset"}]}}
}
