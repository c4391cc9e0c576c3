# METADATA
# title: Policy missing or not approved by senior management
# description: |
#   The information security policy this register implements must exist and be
#   approved by top management: policy.approved_by must name a person who holds a
#   senior_management role.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.1, Policies for information security
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-POL-001
#   severity: high
#   control: A.5.1
#   remediation: Write the information security policy, have a senior manager approve it and record them in policy.approved_by.
package rolecall.rules.pol_001

import data.rolecall.lib

finding contains {
	"subject": "policy",
	"message": "The register names no information security policy: write one, have a senior manager approve it and record it in policy.",
} if {
	not lib.register.policy
}

finding contains {
	"subject": "policy",
	"message": sprintf(
		"Policy %s has not been approved: have a senior manager approve it and record them in policy.approved_by.",
		[lib.policy_display],
	),
	"path": "/policy",
} if {
	lib.register.policy
	not lib.register.policy.approved_by
}

finding contains {
	"subject": "policy",
	"message": sprintf(
		"Policy %s is approved by %s, who holds no senior_management role: have a senior manager approve it.",
		[lib.policy_display, lib.person_display(approver)],
	),
	"path": "/policy/approved_by",
} if {
	approver := lib.register.policy.approved_by
	not lib.holds_senior(approver)
}
