# METADATA
# title: Register not reviewed within the review interval
# description: |
#   Roles and responsibilities change with the organisation: the register must be
#   reviewed (or re-approved) at least every review_interval_days days (365 by
#   default). The later of organisation.reviewed_on and organisation.approved_on
#   counts; a register with neither has never been reviewed.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-DOC-002
#   severity: medium
#   control: A.5.2
#   remediation: Review the register and record the date in organisation.reviewed_on.
package rolecall.rules.doc_002

import data.rolecall.lib

# Reviews before this date are older than the interval.
_cutoff := lib.days_before(lib.as_of, lib.params.review_interval_days)

_organisation := lib.register.organisation

# _dates maps each of reviewed_on and approved_on that is given to its date.
_dates := {field: date |
	some field in ["reviewed_on", "approved_on"]
	date := _organisation[field]
}

# _last_field is the field holding the later of the two dates (reviewed_on on a tie).
_last_field := "reviewed_on" if {
	_dates.reviewed_on == max({d | some d in _dates})
} else := "approved_on" if {
	_dates.approved_on
}

finding contains {
	"subject": "organisation",
	"message": "The register has never been reviewed: review it and record the date in organisation.reviewed_on.",
	"path": "/organisation",
} if {
	count(_dates) == 0
}

finding contains {
	"subject": "organisation",
	"message": sprintf(
		"The register was last reviewed or approved on %s, more than %d days before %s: review it and record the date in organisation.reviewed_on.",
		[_dates[_last_field], lib.params.review_interval_days, lib.as_of],
	),
	"path": lib.ptr(["organisation", _last_field]),
} if {
	lib.older_than_cutoff(_dates[_last_field], _cutoff)
}
