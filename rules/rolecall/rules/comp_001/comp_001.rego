# METADATA
# title: Role holder lacks a required competence
# description: |
#   A role can list the competences every holder must have and keep current. A
#   person other than a leaver who holds such a role needs, for each competence,
#   a record achieved on or before the evaluation date and not expired. One
#   finding per person and missing competence.
# related_resources:
#   - description: ISO/IEC 27001:2022 clause 7.2, Competence
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-COMP-001
#   severity: high
#   control: "7.2"
#   remediation: Have the person achieve or renew the competence and record it with its dates, or hand the role to someone who has it.
package rolecall.rules.comp_001

import data.rolecall.lib

# _current(record) is true when a competence record was achieved on or before
# as_of and has not expired.
_current(record) if {
	record.achieved_on <= lib.as_of
	not lib.expired(record)
}

# _competences_of[role_id] is the set of competences a defined role requires of
# every holder; roles that require none have no key.
_competences_of := {role.id: competences |
	some role in lib.role_list
	competences := {c | some c in object.get(role, "competences", [])}
	count(competences) > 0
}

finding contains {
	"subject": sprintf("person:%s", [person.id]),
	"message": sprintf(
		"Person %s holds %s, which requires competence %s, but has no current record of it: record it achieved and not expired, or hand the role to someone who has it.",
		[lib.display(person), lib.sorted_list(requiring), competence],
	),
	"path": lib.ptr_to_field_or_entity(["people", i], person, ["competences"]),
} if {
	some i, person in lib.people_list
	lib.is_non_leaver(person)
	held := lib.roles_of(person.id)
	required := {c | some rid in held; some c in _competences_of[rid]}
	count(required) > 0
	current := {record.id | some record in object.get(person, "competences", []); _current(record)}
	some competence in (required - current)
	requiring := {rid | some rid in held; competence in _competences_of[rid]}
}
