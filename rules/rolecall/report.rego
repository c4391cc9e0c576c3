# METADATA
# title: rolecall report
# description: |
#   The single entrypoint. It walks every rule package listed in the catalogue
#   data (data.rolecall.catalogue.rules for the bundled rules under
#   data.rolecall.rules, data.rolecall.catalogue.custom for the organisation's rules
#   under data.rolecall.custom), applies the configuration in data.rolecall.config
#   (disabled rule ids, severity overrides) and the register's applied exceptions,
#   and returns the findings. Rules know nothing of configuration.
package rolecall

import data.rolecall.lib

default _config := {}

_config := data.rolecall.config

_disabled := {id | some id in object.get(_config, "disabled", [])}

_severity := object.get(_config, "severity", {})

_findings contains _decorate(meta, f) if {
	some name, meta in data.rolecall.catalogue.rules
	not meta.id in _disabled
	some f in data.rolecall.rules[name].finding
}

_findings contains _decorate(meta, f) if {
	some name, meta in object.get(data.rolecall.catalogue, "custom", {})
	not meta.id in _disabled
	some f in data.rolecall.custom[name].finding
}

_decorate(meta, f) := object.union(
	{
		"rule": meta.id,
		"severity": object.get(_severity, meta.id, meta.severity),
		"control": object.get(meta, "control", ""),
		"title": meta.title,
		"subject": f.subject,
		"message": f.message,
		"remediation": object.get(meta, "remediation", ""),
	},
	object.union(_path(f), _waived(meta.id, f.subject)),
)

_path(f) := {"path": f.path} if {
	is_string(f.path)
} else := {}

_waived(rule, subject) := {"waived": lib.waivers[[rule, subject]]} if {
	lib.waivers[[rule, subject]]
} else := {}

# METADATA
# title: rolecall report
# description: 'The findings of every enabled rule, as {"findings": [...]}.'
# entrypoint: true
report := {"findings": [f | some f in _findings]}
