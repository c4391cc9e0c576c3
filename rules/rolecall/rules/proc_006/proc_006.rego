# METADATA
# title: Performed activity not signed off by its accountable owner
# description: |
#   Once an activity has been performed, a holder of one of its accountable roles must
#   sign off the result of that run: a sign-off dated before last_performed signed off
#   an earlier run and leaves the latest one unreviewed. Delegating the work never
#   delegates the sign-off.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-PROC-006
#   severity: medium
#   control: A.5.2
#   remediation: Have a holder of the activity's accountable role review the result and record it in signed_off.
package rolecall.rules.proc_006

import data.rolecall.lib

finding contains {
	"subject": sprintf("activity:%s", [activity.id]),
	"message": sprintf(
		"Activity %s was performed on %s but not signed off: have a holder of its accountable role (%s) sign off the result.",
		[lib.display(activity), activity.last_performed, lib.raci_display(lib.raci(activity, "accountable"))],
	),
	"path": lib.ptr(["activities", i]),
} if {
	some i, activity in lib.activity_list
	activity.last_performed
	not activity.signed_off
}

# _early(activity) is true when the sign-off predates the run it should sign off.
_early(activity) if activity.signed_off.date < activity.last_performed

# _wrong_signer(activity) is true when the signer holds none of the activity's
# accountable roles (an undefined person holds nothing).
_wrong_signer(activity) if not lib.holds_any(activity.signed_off.by, lib.raci(activity, "accountable"))

# _signer_note says, for an early sign-off, that its signer is not entitled either:
# the activity gets one finding that names both problems.
_signer_note(activity) := sprintf(" by %s, who holds none of its accountable roles,", [lib.person_display(activity.signed_off.by)]) if {
	_wrong_signer(activity)
} else := ""

finding contains {
	"subject": sprintf("activity:%s", [activity.id]),
	"message": sprintf(
		"Activity %s was last performed on %s but its sign-off%s is dated %s, so it signs off an earlier run: have a holder of its accountable role (%s) sign off the latest run.",
		[lib.display(activity), activity.last_performed, _signer_note(activity), activity.signed_off.date, lib.raci_display(lib.raci(activity, "accountable"))],
	),
	"path": lib.ptr(["activities", i, "signed_off", "date"]),
} if {
	some i, activity in lib.activity_list
	_early(activity)
}

finding contains {
	"subject": sprintf("activity:%s", [activity.id]),
	"message": sprintf(
		"Activity %s was signed off by %s, who holds none of its accountable roles (%s): have a holder of an accountable role sign off the result.",
		[lib.display(activity), lib.person_display(signer), lib.raci_display(accountable)],
	),
	"path": lib.ptr(["activities", i, "signed_off", "by"]),
} if {
	some i, activity in lib.activity_list
	activity.last_performed
	signer := activity.signed_off.by
	accountable := lib.raci(activity, "accountable")
	not _early(activity)
	_wrong_signer(activity)
}
