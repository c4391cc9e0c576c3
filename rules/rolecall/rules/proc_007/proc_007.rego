# METADATA
# title: Periodic process without a schedule
# description: |
#   A periodic control (an activity whose process is in the periodic_processes
#   parameter, such as access reviews or backup verification) must say how often it
#   is performed: without a frequency, or with frequency on_event, it can never be
#   overdue, so nobody notices when it stops being done.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-PROC-007
#   severity: medium
#   control: A.5.2
#   remediation: Set the activity's frequency to the schedule it is performed on (daily to annual).
package rolecall.rules.proc_007

import data.rolecall.lib

_periodic := {process | some process in lib.params.periodic_processes}

finding contains {
	"subject": sprintf("activity:%s", [activity.id]),
	"message": sprintf(
		"Activity %s is a periodic %s control but has no frequency, so it can never be overdue: set how often it is performed.",
		[lib.display(activity), activity.process],
	),
	"path": lib.ptr(["activities", i]),
} if {
	some i, activity in lib.activity_list
	activity.process in _periodic
	not activity.frequency
}

finding contains {
	"subject": sprintf("activity:%s", [activity.id]),
	"message": sprintf(
		"Activity %s is a periodic %s control but its frequency is on_event, so it can never be overdue: set how often it is performed.",
		[lib.display(activity), activity.process],
	),
	"path": lib.ptr(["activities", i, "frequency"]),
} if {
	some i, activity in lib.activity_list
	activity.frequency == "on_event"
	activity.process in _periodic
}
