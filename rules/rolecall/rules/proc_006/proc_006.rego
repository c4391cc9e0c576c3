# METADATA
# title: Performed activity not signed off by its accountable owner
# description: |
#   Once an activity has been performed, a holder of one of its accountable roles must
#   sign off the result. Delegating the work never delegates the sign-off.
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
	not lib.holds_any(signer, accountable)
}
