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
#   control: Clause 7.2
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

# Finding the people who lack a competence person by person (the roles they hold,
# the competences these require, their current records) costs too much on a large
# register. Instead, for each competence, the people who need it (the holders of
# the roles requiring it, lib.holders_of) minus the people with a current record
# of it are the candidates, with set operations in Go; the exact conditions below
# then run on the candidates only.

_role_competences := [[rid, c] | some rid, cs in _competences_of; some c in cs]

# _roles_requiring[competence] is the set of defined role ids that require it.
_roles_requiring := {c: rids |
	some c in {c | some [_, c] in _role_competences}
	rids := {rid | some [rid, c2] in _role_competences; c2 == c}
}

# _needers[competence] is the set of ids of the people who hold a role requiring it.
_needers := {c: pids |
	some c, rids in _roles_requiring
	pids := union({lib.holders_of(rid) | some rid in rids})
}

# _recorded[competence] is an object whose keys are the ids of the people with a
# current record of it. The Go engine builds it for every competence in one pass
# and passes it as input.derived.current_competences; without it (a plain OPA
# sent only the register) it is built below for the required competences, the
# only keys read (the test of _current, in line: one pass over people).
_recorded := input.derived.current_competences if {
	is_object(input.derived.current_competences)
} else := _recorded_in_rego

_recorded_in_rego := object.union_n([{record.id: {person.id: true}} |
	required := _roles_requiring
	as_of := lib.as_of
	some person in lib.people_list
	some record in person.competences
	required[record.id]
	record.achieved_on <= as_of
	object.get(record, "expires_on", as_of) >= as_of
])

_candidates := {i |
	recorded := _recorded
	index := lib.person_index
	some c, pids in _needers
	some pid in (pids - object.keys(object.get(recorded, c, {})))
	i := index[pid]
}

finding contains {
	"subject": sprintf("person:%s", [person.id]),
	"message": sprintf(
		"Person %s holds %s, which requires competence %s, but has no current record of it: record it achieved and not expired, or hand the role to someone who has it.",
		[lib.display(person), lib.sorted_list(requiring), competence],
	),
	"path": lib.ptr_to_field_or_entity(["people", i], person, ["competences"]),
} if {
	some i in _candidates
	person := lib.people_list[i]
	lib.is_non_leaver(person)
	held := lib.roles_of(person.id)
	required := {c | some rid in held; some c in _competences_of[rid]}
	count(required) > 0
	current := {record.id | some record in object.get(person, "competences", []); _current(record)}
	some competence in (required - current)
	requiring := {rid | some rid in held; competence in _competences_of[rid]}
}
