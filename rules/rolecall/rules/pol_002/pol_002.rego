# METADATA
# title: Policy names no overall responsibility
# description: |
#   The policy must say who is responsible for information security overall:
#   policy.overall_responsibility names that role. A register without a policy is
#   A52-POL-001's finding, not this rule's.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.1, Policies for information security
#     ref: https://www.iso.org/standard/27001
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-POL-002
#   severity: medium
#   control: A.5.1
#   remediation: Name the role responsible for information security overall in policy.overall_responsibility.
package rolecall.rules.pol_002

import data.rolecall.lib

finding contains {
	"subject": "policy",
	"message": sprintf(
		"Policy %s names no role responsible for information security overall: name it in policy.overall_responsibility.",
		[lib.policy_display],
	),
	"path": "/policy",
} if {
	lib.register.policy
	not lib.register.policy.overall_responsibility
}
