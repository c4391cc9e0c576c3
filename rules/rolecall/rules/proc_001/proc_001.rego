# METADATA
# title: Required security process not covered
# description: |
#   Every security process the organisation requires (parameter required_processes)
#   must be covered by at least one activity of the register, so that someone is
#   responsible and accountable for it.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-PROC-001
#   severity: high
#   control: A.5.2
#   remediation: Add an activity for the process with its RACI, frequency and accountable role.
package rolecall.rules.proc_001

import data.rolecall.lib

# _covered contains every process value that some activity covers.
_covered := {a.process | some a in lib.activity_list}

finding contains {
	"subject": sprintf("process:%s", [process]),
	"message": sprintf("No activity covers the required process %s: add an activity for it with its RACI.", [process]),
} if {
	some process in lib.params.required_processes
	not process in _covered
}
