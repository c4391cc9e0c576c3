# METADATA
# title: Exception not applied
# description: |
#   An exception waives findings only while it is unexpired, names a rule that exists
#   (bundled or the organisation's own) and is approved by a person holding a role
#   that approves an approve_exception authority. Any other exception is not applied
#   and is reported, so that nobody relies on a waiver that does not hold. An
#   exception that simply matches no finding is not reported.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-EXC-001
#   severity: medium
#   control: A.5.2
#   remediation: Renew the exception, correct its rule id, or have it approved by a holder of an approve_exception authority; otherwise remove it.
package rolecall.rules.exc_001

import data.rolecall.lib

# _field(e) is the field of an exception that is not applied which causes it, in the
# order lib.exception_problem checks them.
_field(e) := "expires_on" if {
	lib.expired(e)
} else := "rule" if {
	not e.rule in lib.known_rule_ids
} else := "approved_by"

finding contains {
	"subject": sprintf("exception:%s", [exception.id]),
	"message": sprintf(
		"Exception %s for %s on %s is not applied (%s): renew or correct it, or remove it.",
		[exception.id, exception.rule, exception.subject, problem],
	),
	"path": lib.ptr(["exceptions", i, _field(exception)]),
} if {
	some i, exception in lib.exception_list
	problem := lib.exception_problem(exception)
}
