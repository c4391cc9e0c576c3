# METADATA
# title: Person holds both roles of a segregation conflict
# description: |
#   Conflicting duties must be segregated: no person other than a leaver may hold
#   both roles of a segregation conflict, directly or through teams. One finding
#   per person and conflict.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.3, Segregation of duties
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-SOD-001
#   severity: high
#   control: A.5.3
#   remediation: Give one of the two conflicting roles to another person, or record an approved exception with compensating controls.
package rolecall.rules.sod_001

import data.rolecall.lib

# The people who hold every role of a conflict are the intersection of the roles'
# holders (lib.holders_of, from lib.direct_holders built once for all rules),
# computed in Go: no pass over people. Holders include team members that are not
# defined people, whom person_index leaves out.
finding contains {
	"subject": sprintf("person:%s", [person.id]),
	"message": sprintf(
		"Person %s holds both %s and %s, which segregation conflict %s keeps apart: give one of them to another person.",
		[lib.display(person), lib.role_display(conflict.roles[0]), lib.role_display(conflict.roles[1]), conflict.id],
	),
	"path": lib.ptr(["people", i]),
} if {
	some conflict in lib.conflict_list
	both := intersection({lib.holders_of(rid) | some rid in conflict.roles})
	some pid in both
	i := lib.person_index[pid]
	person := lib.people_list[i]
	lib.is_non_leaver(person)
}
