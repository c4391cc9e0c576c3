# METADATA
# title: Security lead does not report to top management
# description: |
#   Top management must assign the responsibility for reporting on the
#   performance of the ISMS to top management. The reporting line of a role of
#   kind isms_manager or ciso, followed through reports_to one step at a time,
#   must reach a role of kind senior_management within max_reporting_steps steps
#   (2 by default). It fails when a step finds no reports_to, or when the steps
#   run out first (a line that loops never reaches top management). A step that
#   names an undefined role ends the walk without a finding: the dangling
#   reference is A52-REF-001's.
# related_resources:
#   - description: ISO/IEC 27001:2022 clause 5.3, Organizational roles, responsibilities and authorities
#     ref: https://www.iso.org/standard/27001
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-GOV-001
#   severity: medium
#   control: Clause 5.3
#   remediation: Set reports_to on the ISMS manager or CISO role (and the roles above it) so that its reporting line reaches a senior_management role within the allowed number of steps.
package rolecall.rules.gov_001

import data.rolecall.lib

_steps := lib.params.max_reporting_steps

_steps_text := "1 step" if {
	_steps == 1
} else := sprintf("%d steps", [_steps])

# _reporting_graph[role id] lists the role the role reports to, for
# graph.reachable_paths: nothing for a role without reports_to, and nothing for a
# senior_management role, where the walk stops. An undefined role is not a key, so
# a path stops before it; a path also stops before it would repeat a role.
_reporting_graph := {role.id: _next(role) | some role in lib.role_list}

_next(role) := [] if {
	role.kind == "senior_management"
} else := [role.reports_to] if {
	role.reports_to
} else := []

# _line(rid) is the reporting line from the role: the distinct roles met one step
# at a time, each a defined role, until a senior_management role, a role without
# reports_to, a role reporting to an undefined one, or a role reporting to a role
# already met (a loop). Each role has at most one reports_to, so there is exactly
# one path; graph.reachable_paths repeats the first role when it reports to itself,
# and the repeat is dropped.
_line(rid) := _distinct(path) if {
	some path in graph.reachable_paths(_reporting_graph, {rid})
}

_distinct(path) := array.slice(path, 0, count(path) - 1) if {
	count({rid | some rid in path}) < count(path)
} else := path

# The walk from line[0] meets line[k] at step k; what the last role of the line
# reports to decides the steps after it.
_last(line) := lib.roles[line[count(line) - 1]].e

# _reaches_senior(line): the line ends at a senior_management role within the steps.
_reaches_senior(line) if {
	_last(line).kind == "senior_management"
	count(line) - 1 <= _steps
}

# _ends_undefined(line): the step after the line names an undefined role, within
# the steps: the walk ends there without a finding.
_ends_undefined(line) if {
	target := _last(line).reports_to
	not lib.roles[target]
	count(line) <= _steps
}

# _no_reports_to(line): the step after the line, within the steps, finds no
# reports_to on the line's last role.
_no_reports_to(line) if {
	last := _last(line)
	last.kind != "senior_management"
	not last.reports_to
	count(line) <= _steps
}

# _walk_text(line) shows the walk for a message: the roles met in the first _steps
# steps when the line is that long; otherwise the line loops (the steps only run
# out on a shorter line when its last role reports to a role on it), and the text
# shows the line and the step back into it.
_walk_text(line) := concat(" -> ", array.slice(line, 0, _steps + 1)) if {
	count(line) > _steps
} else := sprintf("%s -> %s, a loop", [concat(" -> ", line), _last(line).reports_to])

finding contains {
	"subject": sprintf("role:%s", [role.id]),
	"message": sprintf(
		"Role %s has no reports_to, so its reporting line does not reach top management: make it report to a senior_management role, at most %s up.",
		[lib.display(role), _steps_text],
	),
	"path": lib.ptr(["roles", i]),
} if {
	some i, role in _security_leads
	line := _lines[i]
	count(line) == 1
	_no_reports_to(line)
}

finding contains {
	"subject": sprintf("role:%s", [role.id]),
	"message": sprintf(
		"Role %s does not reach top management: its reporting line %s stops at %s, which has no reports_to: extend the line to a senior_management role within %s.",
		[lib.display(role), concat(" -> ", line), lib.display(_last(line)), _steps_text],
	),
	"path": lib.ptr(["roles", i, "reports_to"]),
} if {
	some i, role in _security_leads
	line := _lines[i]
	count(line) > 1
	_no_reports_to(line)
}

finding contains {
	"subject": sprintf("role:%s", [role.id]),
	"message": sprintf(
		"Role %s does not reach a senior_management role within %s of its reporting line (%s): make it report to top management within %s.",
		[lib.display(role), _steps_text, _walk_text(line), _steps_text],
	),
	"path": lib.ptr_to_field_or_entity(["roles", i], role, ["reports_to"]),
} if {
	some i, role in _security_leads
	line := _lines[i]
	not _reaches_senior(line)
	not _ends_undefined(line)
	not _no_reports_to(line)
}

# _security_leads is the object of the defined roles of kind isms_manager or ciso by
# their index in the roles list, and _lines their reporting lines by the same index.
_security_leads := {i: role |
	some i, role in lib.role_list
	role.kind in {"isms_manager", "ciso"}
}

_lines := {i: _line(role.id) | some i, role in _security_leads}
