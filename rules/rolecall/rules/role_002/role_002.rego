# METADATA
# title: Role not allocated
# description: |
#   A role nobody can act in today is a gap in the organisation's security: every
#   defined role needs at least one holder with status active, directly or through
#   a team. Holders on leave or who have left do not count.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-ROLE-002
#   severity: high
#   control: A.5.2
#   remediation: Allocate the role to at least one active person, directly or through a team, or remove the role if it is no longer needed.
package rolecall.rules.role_002

import data.rolecall.lib

finding contains {
	"subject": sprintf("role:%s", [role.id]),
	"message": sprintf(
		"Role %s has no active holder: allocate it to an active person, directly or through a team.",
		[lib.display(role)],
	),
	"path": lib.ptr(["roles", i]),
} if {
	some i, role in lib.role_list
	not role.id in lib.allocated
}
