# METADATA
# title: Role that needs competence lists none
# description: |
#   Roles whose kind is in competence_required_kinds (by default the ISMS
#   manager, the CISO, the incident manager, the data protection officer, the
#   business continuity lead and the internal auditor) cannot be performed without
#   specific competence. A52-COMP-001 can only check that holders have the
#   competences a role lists: a role of such a kind that lists no competences
#   leaves its holders' competence unchecked ("you named an Incident Manager, but
#   never trained them").
# related_resources:
#   - description: ISO/IEC 27001:2022 clause 7.2, Competence
#     ref: https://www.iso.org/standard/27001
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-ROLE-005
#   severity: medium
#   control: Clause 7.2
#   remediation: List in the role's competences the qualifications or training every holder must have and keep current, and record them for each holder.
package rolecall.rules.role_005

import data.rolecall.lib

finding contains {
	"subject": sprintf("role:%s", [role.id]),
	"message": sprintf(
		"Role %s is of kind %s, which needs competence, but lists no competences: list those every holder must have and keep current, so that they can be checked.",
		[lib.display(role), role.kind],
	),
	"path": lib.ptr_to_field_or_entity(["roles", i], role, ["competences"]),
} if {
	kinds := {kind | some kind in lib.params.competence_required_kinds}
	some i, role in lib.role_list
	role.kind in kinds
	count(object.get(role, "competences", [])) == 0
}
