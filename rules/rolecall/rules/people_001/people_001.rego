# METADATA
# title: Leaver still holds a role
# description: |
#   Someone who has left the organisation cannot carry a responsibility. A person
#   with status leaver who still holds a role, directly or through a team, leaves
#   the register claiming an accountability nobody exercises.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-PEOPLE-001
#   severity: high
#   control: A.5.2
#   remediation: Remove the leaver's roles and team memberships and hand the roles over to an active person.
package rolecall.rules.people_001

import data.rolecall.lib

# _leavers lists [i, person] for the people with status leaver, found among
# lib.inactive_ids (a pass over people that other rules share), so that the
# roles held are only looked up for them.
_leavers := [[i, person] |
	index := lib.person_index
	people := lib.people_list
	some pid in lib.inactive_ids
	i := index[pid]
	person := people[i]
	object.get(person, "status", "active") == "leaver"
]

finding contains {
	"subject": sprintf("person:%s", [person.id]),
	"message": sprintf(
		"Person %s has left but still holds role(s) %s: remove the roles and team memberships and hand the roles over to an active person.",
		[lib.display(person), lib.sorted_list(held)],
	),
	"path": _path(i, person),
} if {
	some [i, person] in _leavers
	lib.is_leaver(person)
	held := lib.roles_of(person.id)
	count(held) > 0
}

# _path points to the person's own roles when they list any, else to the person
# (who then holds roles only through a team).
_path(i, person) := lib.ptr(["people", i, "roles"]) if {
	count(object.get(person, "roles", [])) > 0
} else := lib.ptr(["people", i])
