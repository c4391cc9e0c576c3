# METADATA
# title: Risk owned by the security function
# description: |
#   Business risks have business owners. A risk owned by the ISMS manager, the CISO or
#   another role of the security function leaves the business out of decisions about
#   its own risks.
# related_resources:
#   - description: ISO/IEC 27001:2022 clause 6.1, Actions to address risks and opportunities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-RISK-002
#   severity: medium
#   control: Clause 6.1
#   remediation: Make the business role whose objectives the risk affects its owner; security advises.
package rolecall.rules.risk_002

import data.rolecall.lib

_security_kinds := {"isms_manager", "ciso"}

# _security_role(role) is true for a role of a security kind or of the security function.
_security_role(role) if role.kind in _security_kinds

_security_role(role) if role.function == "security"

# _security_roles is the set of ids of the defined security roles: few, so that the
# pass over the risks is one lookup each.
_security_roles := {role.id | some role in lib.role_list; _security_role(role)}

finding contains {
	"subject": sprintf("risk:%s", [risk.id]),
	"message": sprintf(
		"Risk %s is owned by the security role %s: make the business role whose objectives it affects its owner.",
		[lib.risk_display(risk), lib.display(owner)],
	),
	"path": lib.ptr(["risks", i, "owner"]),
} if {
	security_roles := _security_roles
	some i, risk in lib.risk_list
	security_roles[risk.owner]
	owner := lib.roles[risk.owner].e
}
