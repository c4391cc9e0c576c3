# METADATA
# title: Exception that matches no finding
# description: |
#   An applied exception (one A52-EXC-001 does not report) whose rule and subject
#   match no finding of the rules evaluated waives nothing: the problem was fixed,
#   or the exception names the wrong rule or subject. Stale waivers must not pile up
#   unseen. Every rule but A52-EXC-001 and A52-EXC-002 counts, the organisation's
#   rules included; a disabled rule has no findings to waive. This rule needs the
#   findings of every other rule, so it defines no finding set of its own: the
#   dispatcher (rules/rolecall/report.rego) evaluates the other rules first and
#   then applies findings_of below to their findings.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-EXC-002
#   severity: info
#   control: A.5.2
#   remediation: Remove the exception, or correct its rule or subject so that it names the finding it is meant to waive.
package rolecall.rules.exc_002

import data.rolecall.lib
import data.rolecall.rules.exc_001

# findings_of(evaluated) is this rule's finding set, given the finding sets of the
# rules evaluated: evaluated[rule id] is the finding set of every enabled rule, a
# disabled rule has no key. A finding matches an exception when it has the
# exception's rule and subject (and a message: a set element without one is no
# finding). Exceptions for A52-EXC-001 and A52-EXC-002 are never applied, so their
# findings, given or not, never match.
findings_of(evaluated) := {finding |
	applied := exc_001.applied
	exceptions := [[i, e] | some i, e in lib.exception_list; e.id in applied]

	# The subjects of the findings of the rules the applied exceptions name: the
	# other rules' findings are not read.
	subjects := {rule: {f.subject | some f in object.get(evaluated, rule, set()); _ := f.message} |
		some [_, e] in exceptions
		rule := e.rule
	}
	some [i, exception] in exceptions
	not subjects[exception.rule][exception.subject]
	finding := {
		"subject": sprintf("exception:%s", [exception.id]),
		"message": _message(exception, evaluated),
		"path": lib.ptr(["exceptions", i]),
	}
}

_message(exception, evaluated) := sprintf(
	"Exception %s for %s on %s matches no finding (%s reports nothing about %s as of %s): remove it, or correct its rule or subject.",
	[exception.id, exception.rule, exception.subject, exception.rule, exception.subject, lib.as_of],
) if {
	evaluated[exception.rule]
} else := sprintf(
	"Exception %s for %s on %s matches no finding (rule %s is disabled, so it has no findings to waive): remove it, or enable the rule.",
	[exception.id, exception.rule, exception.subject, exception.rule],
)
