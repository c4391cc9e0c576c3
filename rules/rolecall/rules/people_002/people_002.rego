# METADATA
# title: Active person holds no role
# description: |
#   Every member of staff has security responsibilities, at least those of the
#   staff role. A person with status active who holds no role, directly or through
#   a team, has none written down. Holding counts every role id the person or
#   their teams list, defined or not (an undefined id is A52-REF-001's finding).
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-PEOPLE-002
#   severity: low
#   control: A.5.2
#   remediation: Give the person the roles they perform, at least the staff role, directly or through a team.
package rolecall.rules.people_002

import data.rolecall.lib

# One pass over people with two cheap tests: no roles of their own and no key in
# lib.team_roles (the people who hold roles through teams, built once for all rules).
finding contains {
	"subject": sprintf("person:%s", [person.id]),
	"message": sprintf(
		"Person %s is active but holds no role, directly or through a team: give them the roles they perform, at least the staff role.",
		[lib.display(person)],
	),
	"path": lib.ptr_to_field_or_entity(["people", i], person, ["roles"]),
} if {
	team_roles := lib.team_roles
	some i, person in lib.people_list
	count(object.get(person, "roles", [])) == 0
	not team_roles[person.id]
	lib.status(person) == "active"
}
