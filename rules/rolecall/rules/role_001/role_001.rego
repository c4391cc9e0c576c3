# METADATA
# title: Required role kind not defined
# description: |
#   The organisation needs certain roles whatever its size: senior management who
#   lead the ISMS, and someone who manages it (an ISMS manager or a CISO), by
#   default. Each group in the required_role_kinds parameter is satisfied by a
#   defined role of any one of its kinds. An organisation for which a data
#   protection officer is mandatory (organisation.dpo_required, e.g. under GDPR
#   Art. 37) also needs a data protection officer role; handling personal data
#   alone does not require one.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-ROLE-001
#   severity: high
#   control: A.5.2
#   remediation: Define a role of the required kind, with its duties, and allocate it to an active person.
package rolecall.rules.role_001

import data.rolecall.lib

# _required_groups lists the required groups of role kinds: the parameter, plus the
# data protection officer when the register says one is mandatory (dpo_required).
_required_groups := array.concat(lib.params.required_role_kinds, [["data_protection_officer"]]) if {
	lib.register.organisation.dpo_required == true
} else := lib.params.required_role_kinds

_satisfied(group) if {
	some kind in group
	lib.role_ids_of_kind[kind]
}

_missing_groups := {group | some group in _required_groups; not _satisfied(group)}

# One finding per first kind: groups that share their first kind are reported
# together, naming every kind that would satisfy them.
_missing_first_kinds := {group[0] | some group in _missing_groups}

finding contains {
	"subject": sprintf("role-kind:%s", [first]),
	"message": sprintf(
		"No role of kind %s is defined: define one, write down its duties and allocate it to an active person.",
		[concat(" or ", array.concat([first], sort(others)))],
	),
} if {
	some first in _missing_first_kinds
	others := {kind | some group in _missing_groups; group[0] == first; some kind in group; kind != first}
}
