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

# The fields of a rule's finding that the report keeps; a finding without a subject
# or a message is not reported.
_kept := {"subject", "message", "path"}

_findings contains object.union(header, object.filter(f, _kept)) if {
	some [header, waived, findings] in _outputs
	some f in findings
	_ := f.message
	_ := f.subject
	not waived[f.subject]
	is_string(object.get(f, "path", ""))
}

_findings contains object.union(header, object.union(object.filter(f, _kept), {"waived": id})) if {
	some [header, waived, findings] in _outputs
	some f in findings
	_ := f.message
	id := waived[f.subject]
	is_string(object.get(f, "path", ""))
}

_findings contains object.union(header, object.union(object.filter(f, {"subject", "message"}), waived_field)) if {
	some [header, waived, findings] in _outputs
	some f in findings
	_ := f.message
	_ := f.subject
	not is_string(object.get(f, "path", ""))
	waived_field := {"waived": id | id := waived[f.subject]}
}

# METADATA
# title: rolecall report
# description: 'The findings of every enabled rule, as {"findings": [...]}.'
# entrypoint: true
report := {"findings": [f | some f in _findings]}

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
