# METADATA
# title: Register not approved by senior management
# description: |
#   Top management must assign and communicate the responsibilities for
#   information security: the register needs organisation.approved_by naming a
#   person who holds a senior_management role.
# related_resources:
#   - description: ISO/IEC 27001:2022 clause 5, Leadership (5.3 Organizational roles, responsibilities and authorities)
#     ref: https://www.iso.org/standard/27001
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-DOC-001
#   severity: high
#   control: Clause 5
#   remediation: Have a senior manager approve the register and record them in organisation.approved_by with the date in approved_on.
package rolecall.rules.doc_001

import data.rolecall.lib

finding contains {
	"subject": "organisation",
	"message": "The register has not been approved: have a senior manager approve it and record them in organisation.approved_by.",
	"path": "/organisation",
} if {
	not lib.register.organisation.approved_by
}

finding contains {
	"subject": "organisation",
	"message": sprintf(
		"The register is approved by %s, who holds no senior_management role: have a senior manager approve it.",
		[lib.person_display(approver)],
	),
	"path": "/organisation/approved_by",
} if {
	approver := lib.register.organisation.approved_by
	not lib.holds_senior(approver)
}
