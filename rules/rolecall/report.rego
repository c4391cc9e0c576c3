# METADATA
# title: rolecall report
# description: |
#   The single entrypoint. It walks every rule package listed in the catalogue
#   data (data.rolecall.catalogue.rules for the bundled rules under
#   data.rolecall.rules, data.rolecall.catalogue.custom for the organisation's rules
#   under data.rolecall.custom), applies the configuration in data.rolecall.config
#   (disabled rule ids, severity overrides) and the register's applied exceptions,
#   and returns the findings. Rules know nothing of configuration. A52-EXC-002
#   needs every other rule's findings, so it is evaluated in a second phase, on
#   the findings of the first.
package rolecall

import data.rolecall.rules.exc_001
import data.rolecall.rules.exc_002

default _config := {}

_config := data.rolecall.config

_disabled := {id | some id in object.get(_config, "disabled", [])}

_severity := object.get(_config, "severity", {})

_custom_catalogue := object.get(data.rolecall.catalogue, "custom", {})

# _evaluated[rule id] is the finding set of every enabled rule but A52-EXC-002
# (the first phase). The package of A52-EXC-002 defines no finding set: a rule
# under data.rolecall.rules that read data.rolecall.rules[name] would depend on
# itself.
_evaluated := object.union(
	{meta.id: data.rolecall.rules[name].finding |
		some name, meta in data.rolecall.catalogue.rules
		not meta.id in _disabled
	},
	{meta.id: data.rolecall.custom[name].finding |
		some name, meta in _custom_catalogue
		not meta.id in _disabled
	},
)

# _by_rule[rule id] is the finding set of every enabled rule: the first phase and,
# when it is enabled, A52-EXC-002's findings computed from the first phase's.
_by_rule := object.union(_evaluated, {meta.id: exc_002.findings_of(_evaluated) |
	meta := data.rolecall.catalogue.rules.exc_002
	not meta.id in _disabled
})

# _meta[rule id] is the catalogue entry of every rule, bundled or the organisation's.
_meta := object.union(
	{meta.id: meta | some meta in data.rolecall.catalogue.rules},
	{meta.id: meta | some meta in _custom_catalogue},
)

# _outputs lists, for every enabled rule, [header, waived, findings]: the report's
# fields that come from the rule's metadata, the rule's waived subjects (subject:
# exception id) and the rule's finding set. They are computed once per rule so that
# decorating a finding (there can be tens of thousands) costs two builtin calls,
# object.union(header, object.filter(f, _kept)): building the object with a helper
# function per finding costs twice as much. The three rule bodies below differ in
# the rare cases only: a waived finding, a path that is not a string (left out).
_outputs := [[_header(_meta[id]), _waived(id), findings] | some id, findings in _by_rule]

_header(meta) := {
	"rule": meta.id,
	"severity": object.get(_severity, meta.id, meta.severity),
	"control": object.get(meta, "control", ""),
	"title": meta.title,
	"remediation": object.get(meta, "remediation", ""),
}

# _waived(rule)[subject] is the id of the applied exception that waives the rule's
# findings about subject (A52-EXC-001 defines which exceptions are applied).
_waived(rule) := {subject: id | some [r, subject], id in exc_001.waivers; r == rule}

# _valid(f) is true for a finding with a subject and a message that are strings:
# any other finding is not reported, as the Go engine drops it. (The engine also
# drops subjects and messages longer than its byte limits, which Rego, counting
# characters, cannot measure alike.)
_valid(f) if {
	is_string(f.subject)
	is_string(f.message)
}

# The fields of a rule's finding that the report keeps; a finding without a subject
# or a message is not reported.
_kept := {"subject", "message", "path"}

_findings contains object.union(header, object.filter(f, _kept)) if {
	some [header, waived, findings] in _outputs
	some f in findings
	_valid(f)
	not waived[f.subject]
	is_string(object.get(f, "path", ""))
}

_findings contains object.union(header, object.union(object.filter(f, _kept), {"waived": id})) if {
	some [header, waived, findings] in _outputs
	some f in findings
	_valid(f)
	id := waived[f.subject]
	is_string(object.get(f, "path", ""))
}

_findings contains object.union(header, object.union(object.filter(f, {"subject", "message"}), waived_field)) if {
	some [header, waived, findings] in _outputs
	some f in findings
	_valid(f)
	not is_string(object.get(f, "path", ""))
	waived_field := {"waived": id | id := waived[f.subject]}
}

# _input_errors says what is wrong with an input that report cannot evaluate
# truthfully: without an evaluation date every date rule would stay silent, and
# without a register every rule would check an empty one.
_input_errors contains msg if {
	not "as_of" in object.keys(_input_object)
	msg := "input.as_of is missing: give the evaluation date as YYYY-MM-DD (rolecall input FILE --as-of DATE prints a complete input)"
}

_input_errors contains msg if {
	"as_of" in object.keys(_input_object)
	not _is_date(_input_object.as_of)
	msg := sprintf("input.as_of is %s, not a date: give the evaluation date as YYYY-MM-DD", [json.marshal(_input_object.as_of)])
}

_input_errors contains msg if {
	not "register" in object.keys(_input_object)
	not _looks_like_register
	msg := "input.register is missing: the input is {\"as_of\": \"YYYY-MM-DD\", \"register\": {...}} (rolecall input FILE prints it)"
}

_input_errors contains msg if {
	not "register" in object.keys(_input_object)
	_looks_like_register
	msg := "input.register is missing, and the input looks like a register itself: wrap it as {\"as_of\": \"YYYY-MM-DD\", \"register\": REGISTER} (rolecall input FILE prints it)"
}

_input_errors contains msg if {
	"register" in object.keys(_input_object)
	not is_object(_input_object.register)
	msg := sprintf("input.register is not an object but %s %s: it must be a register as rolecall input prints it", [_article(type_name(_input_object.register)), type_name(_input_object.register)])
}

# _input_object is the input when it is an object, else the empty object (so an
# input that is not an object reports both missing fields).
default _input_object := {}

_input_object := input if is_object(input)

# _looks_like_register is true when the input has a register's own keys at its top.
_looks_like_register if {
	"version" in object.keys(_input_object)
	"organisation" in object.keys(_input_object)
}

_article(noun) := "an" if startswith(noun, "a")

else := "a"

# _is_date is true for a string YYYY-MM-DD that names a real calendar day. It
# computes the month's length itself: time.parse_ns would raise an error, not
# fail, on a day out of range.
_is_date(s) if {
	is_string(s)
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, s)
	[y, m, d] := [to_number(p) | some p in split(s, "-")]
	m >= 1
	m <= 12
	d >= 1
	d <= _days_in_month(y, m)
}

_days_in_month(_, m) := 31 if m in {1, 3, 5, 7, 8, 10, 12}

_days_in_month(_, m) := 30 if m in {4, 6, 9, 11}

_days_in_month(y, 2) := 29 if _leap(y)

_days_in_month(y, 2) := 28 if not _leap(y)

_leap(y) if {
	y % 4 == 0
	y % 100 != 0
}

_leap(y) if y % 400 == 0

# METADATA
# title: rolecall report
# description: |
#   The findings of every enabled rule, as {"findings": [...]}. An input that
#   cannot be evaluated (as_of missing or not a date, register missing or not an
#   object) gives {"errors": [...]} instead, with no findings, so that a client
#   never mistakes a malformed request for a clean register.
# entrypoint: true
report := {"findings": [f | some f in _findings]} if {
	count(_input_errors) == 0
} else := {"errors": sort([msg | some msg in _input_errors])}

# METADATA
# title: rolecall findings by rule
# description: |
#   What the rolecall Go engine evaluates instead of report: the finding set of
#   every enabled rule by rule id (A52-EXC-002's included, computed here as for
#   report), and the applied exceptions' waivers as
#   [rule, subject, exception id]. The engine decorates the findings with the
#   rule's metadata and the waivers in Go, exactly as report does here, which
#   is cheaper than decorating them in Rego; the engine's tests prove that both
#   give the same findings.
# entrypoint: true
by_rule := {
	"rules": _by_rule,
	"waivers": [[rule, subject, id] | some [rule, subject], id in exc_001.waivers],
}
