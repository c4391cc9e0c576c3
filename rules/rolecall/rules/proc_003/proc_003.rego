# METADATA
# title: Activity without a responsible role
# description: |
#   Each security activity needs at least one responsible role in its RACI: the role
#   that does the work.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-PROC-003
#   severity: medium
#   control: A.5.2
#   remediation: List the role or roles that do the work in the activity's raci.responsible.
package rolecall.rules.proc_003

import data.rolecall.lib

finding contains {
	"subject": sprintf("activity:%s", [activity.id]),
	"message": sprintf("Activity %s has no responsible role: name the role that does the work in its RACI.", [lib.display(activity)]),
	"path": lib.raci_path(i, activity, "responsible"),
} if {
	some i, activity in lib.activity_list
	count(lib.raci(activity, "responsible")) == 0
}
