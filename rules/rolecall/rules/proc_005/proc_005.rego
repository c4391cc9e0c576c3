# METADATA
# title: Periodic activity overdue
# description: |
#   A periodic security activity (any frequency but on_event) must have been performed
#   within its period plus a grace period (parameter frequency_grace_days); one never
#   recorded as performed is overdue too.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-PROC-005
#   severity: medium
#   control: A.5.2
#   remediation: Perform the activity and record the date in last_performed, or correct its frequency.
package rolecall.rules.proc_005

import data.rolecall.lib

# _allowed_days[frequency] is the period of the frequency plus the grace days.
_allowed_days := {frequency: allowed |
	some frequency, period in lib.frequency_days
	allowed := period + lib.params.frequency_grace_days
}

# _cutoff[frequency] is the oldest last_performed date that is not overdue.
_cutoff := {frequency: lib.days_before(lib.as_of, days) | some frequency, days in _allowed_days}

finding contains {
	"subject": sprintf("activity:%s", [activity.id]),
	"message": sprintf(
		"Activity %s (%s) has no last_performed date: perform it and record when.",
		[lib.display(activity), activity.frequency],
	),
	"path": lib.ptr(["activities", i]),
} if {
	some i, activity in lib.activity_list
	_cutoff[activity.frequency]
	not activity.last_performed
}

# _days_since(date) is the number of whole days from date to as_of (both UTC
# midnights, so the difference is an exact number of days).
_days_since(date) := (time.parse_ns("2006-01-02", lib.as_of) - time.parse_ns("2006-01-02", date)) / 86400000000000

finding contains {
	"subject": sprintf("activity:%s", [activity.id]),
	"message": sprintf(
		"Activity %s (%s) was last performed on %s, %d days ago, more than the %d days allowed (its %d-day period plus %d grace days): perform it and record when.",
		[
			lib.display(activity), activity.frequency, activity.last_performed,
			_days_since(activity.last_performed), _allowed_days[activity.frequency],
			lib.frequency_days[activity.frequency], lib.params.frequency_grace_days,
		],
	),
	"path": lib.ptr(["activities", i, "last_performed"]),
} if {
	some i, activity in lib.activity_list
	lib.older_than_cutoff(activity.last_performed, _cutoff[activity.frequency])
}
