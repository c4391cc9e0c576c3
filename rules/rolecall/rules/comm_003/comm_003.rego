# METADATA
# title: Job description lacks the security duties of a role
# description: |
#   Security responsibilities must be part of the terms people work under: a
#   person other than a leaver who holds a role of any kind other than staff needs
#   a job description that includes security duties.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 6.2, Terms and conditions of employment
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-COMM-003
#   severity: low
#   control: A.6.2
#   remediation: Add the security duties of the person's roles to their job description and set job_description_has_security_duties.
package rolecall.rules.comm_003

import data.rolecall.lib

# _non_staff_roles(pid) is the set of defined roles the person holds whose kind is
# not staff (undefined roles have no kind).
_non_staff_roles(pid) := {rid |
	some rid in lib.roles_of(pid)
	lib.roles[rid].e.kind != "staff"
}

_has_security_duties(person) if person.job_description_has_security_duties == true

# _candidates lists [i, person] for the people whose job description is not marked
# as having security duties: one comparison per person, so that the exact
# conditions below (and the roles the person holds) are only looked at for them.
_candidates := [[i, person] |
	some i, person in lib.people_list
	object.get(person, "job_description_has_security_duties", false) != true
]

finding contains {
	"subject": sprintf("person:%s", [person.id]),
	"message": sprintf(
		"Person %s holds %s but their job description has no security duties: add the duties of these roles to it.",
		[lib.display(person), lib.sorted_list(roles)],
	),
	"path": lib.ptr_to_field_or_entity(["people", i], person, ["job_description_has_security_duties"]),
} if {
	some [i, person] in _candidates
	lib.is_non_leaver(person)
	not _has_security_duties(person)
	roles := _non_staff_roles(person.id)
	count(roles) > 0
}
