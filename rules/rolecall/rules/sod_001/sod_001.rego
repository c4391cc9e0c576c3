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

# _role_conflicts pairs each role id named by a conflict with the conflict's index.
_role_conflicts := [[rid, ci] | some ci, conflict in lib.conflict_list; some rid in conflict.roles]

_conflict_role_ids := {rid | some [rid, _] in _role_conflicts}

# _conflicts_of[role_id] is the set of indexes of the conflicts that name the role.
_conflicts_of := {rid: cis |
	some rid in _conflict_role_ids
	cis := {ci | some [r, ci] in _role_conflicts; r == rid}
}

finding contains {
	"subject": sprintf("person:%s", [person.id]),
	"message": sprintf(
		"Person %s holds both %s and %s, which segregation conflict %s keeps apart: give one of them to another person.",
		[lib.display(person), lib.role_display(conflict.roles[0]), lib.role_display(conflict.roles[1]), conflict.id],
	),
	"path": lib.ptr(["people", i]),
} if {
	some i, person in lib.people_list
	lib.is_non_leaver(person)
	held := lib.roles_of(person.id)
	some rid in held
	some ci in object.get(_conflicts_of, rid, set())
	conflict := lib.conflict_list[ci]
	every r in conflict.roles {
		r in held
	}
}
