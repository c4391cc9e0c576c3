# METADATA
# title: Activity without exactly one accountable role
# description: |
#   Each security activity needs exactly one accountable role in its RACI: none leaves
#   nobody answerable for the result, several leave everybody and nobody answerable.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-PROC-002
#   severity: high
#   control: A.5.2
#   remediation: List exactly one role in the activity's raci.accountable.
package rolecall.rules.proc_002

import data.rolecall.lib

finding contains {
	"subject": sprintf("activity:%s", [activity.id]),
	"message": sprintf(
		"Activity %s has %d accountable roles (%s): name exactly one accountable role in its RACI.",
		[lib.display(activity), count(accountable), lib.raci_display(accountable)],
	),
	"path": lib.raci_path(i, activity, "accountable"),
} if {
	some i, activity in lib.activity_list
	accountable := lib.raci(activity, "accountable")
	count(accountable) != 1
}
