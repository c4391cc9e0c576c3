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

# _up[0][role id] is the role a role reports to, one step up, when the walk goes
# on from it: the role is not senior_management (the walk stops there) and its
# reports_to names a defined role (an undefined one ends the walk before it).
# _table(j)[role id] is the role 2^j steps up, built from the table below it
# (binary lifting), so that the k-th role of a line takes at most 20 lookups and
# no line is walked further than the steps need: walking every security lead's
# whole line made a chain of leads quadratic in memory.
_up0 := {role.id: role.reports_to |
	some role in lib.role_list
	role.kind != "senior_management"
	lib.roles[role.reports_to]
}

_double(t) := {x: t[y] | some x, y in t; t[y]}

_up1 := _double(_up0)

_up2 := _double(_up1)

_up3 := _double(_up2)

_up4 := _double(_up3)

_up5 := _double(_up4)

_up6 := _double(_up5)

_up7 := _double(_up6)

_up8 := _double(_up7)

_up9 := _double(_up8)

_up10 := _double(_up9)

_up11 := _double(_up10)

_up12 := _double(_up11)

_up13 := _double(_up12)

_up14 := _double(_up13)

_up15 := _double(_up14)

_up16 := _double(_up15)

_up17 := _double(_up16)

_up18 := _double(_up17)

_up19 := _double(_up18)

# _table(j) is _upJ; a table is only built when a line needs steps that long.
_table(0) := _up0

_table(1) := _up1

_table(2) := _up2

_table(3) := _up3

_table(4) := _up4

_table(5) := _up5

_table(6) := _up6

_table(7) := _up7

_table(8) := _up8

_table(9) := _up9

_table(10) := _up10

_table(11) := _up11

_table(12) := _up12

_table(13) := _up13

_table(14) := _up14

_table(15) := _up15

_table(16) := _up16

_table(17) := _up17

_table(18) := _up18

_table(19) := _up19

_powers := [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144, 524288]

# _hop(x, k, j) moves x up 2^j steps when bit j of k is set, and leaves it
# otherwise; it is undefined when the walk ends before.
_hop(x, k, j) := x if {
	floor(k / _powers[j]) % 2 == 0
} else := _table(j)[x]

# _ancestor(x, k) is the role k steps up from x (k < 2^20), when the walk gets
# that far.
_ancestor(x, k) := x20 if {
	x1 := _hop(x, k, 0)
	x2 := _hop(x1, k, 1)
	x3 := _hop(x2, k, 2)
	x4 := _hop(x3, k, 3)
	x5 := _hop(x4, k, 4)
	x6 := _hop(x5, k, 5)
	x7 := _hop(x6, k, 6)
	x8 := _hop(x7, k, 7)
	x9 := _hop(x8, k, 8)
	x10 := _hop(x9, k, 9)
	x11 := _hop(x10, k, 10)
	x12 := _hop(x11, k, 11)
	x13 := _hop(x12, k, 12)
	x14 := _hop(x13, k, 13)
	x15 := _hop(x14, k, 14)
	x16 := _hop(x15, k, 15)
	x17 := _hop(x16, k, 16)
	x18 := _hop(x17, k, 17)
	x19 := _hop(x18, k, 18)
	x20 := _hop(x19, k, 19)
}

# _horizon is how many roles of a line the findings can need: the steps and the
# step after them, and never more than there are roles (a walk that long has met
# every role, so its next role repeats one).
_horizon := min({_steps + 2, count(lib.role_list)})

# _line(rid) is the reporting line from the role, as far as the findings need
# it: the distinct roles met one step at a time, each a defined role, until a
# senior_management role, a role without reports_to, a role reporting to an
# undefined one, a role reporting to a role already met (a loop), or _horizon
# roles. The walk is a sequence of roles that, once it meets a role again,
# cycles; so the roles before the first repeat are the distinct roles of the
# walk, and their number is the line's length. (The k-th step is taken for each
# index k of the first _horizon roles of the roles list: numbers.range is not
# among the builtins rolecall allows.)
_line(rid) := array.slice(walk, 0, count({r | some r in walk})) if {
	walk := [r | some k, _ in array.slice(lib.role_list, 0, _horizon); r := _ancestor(rid, k)]
}

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
