# METADATA
# title: Role without duties
# description: |
#   A role is only a responsibility when what it is responsible for is written
#   down. Every role needs at least one duty.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-ROLE-003
#   severity: medium
#   control: A.5.2
#   remediation: Write down the role's information security duties in its duties list.
package rolecall.rules.role_003

import data.rolecall.lib

_has_duties(role) if count(role.duties) > 0

finding contains {
	"subject": sprintf("role:%s", [role.id]),
	"message": sprintf(
		"Role %s has no duties written down: list what the role is responsible for.",
		[lib.display(role)],
	),
	"path": lib.ptr_to_field_or_entity(["roles", i], role, ["duties"]),
} if {
	some i, role in lib.role_list
	not _has_duties(role)
}
