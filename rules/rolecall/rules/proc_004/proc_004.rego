# METADATA
# title: Accountability concentrated in one function
# description: |
#   When one business function is accountable for more than the allowed share of all
#   security activities (parameter max_accountable_share, applied from
#   min_activities_for_concentration activities on), accountability is concentrated
#   and the business owners who should answer for their processes are left out. An
#   activity counts once for each distinct function among its accountable roles.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-PROC-004
#   severity: medium
#   control: A.5.2
#   remediation: Make business roles of the functions the activities serve accountable for some of them.
package rolecall.rules.proc_004

import data.rolecall.lib

# _accountable_pairs contains [function, activity id] for every function of a defined
# accountable role of the activity: once per distinct function and activity.
_accountable_pairs := {[lib.roles[rid].e.function, a.id] |
	some a in lib.activity_list
	some rid in lib.raci(a, "accountable")
	lib.roles[rid]
}

_functions := {f | some [f, _] in _accountable_pairs}

# _accountable_count[function] is the number of activities the function is accountable for.
_accountable_count := {f: n |
	some f in _functions
	n := count({aid | some [g, aid] in _accountable_pairs; g == f})
}

_total := count(lib.activity_list)

finding contains {
	"subject": sprintf("function:%s", [function]),
	"message": sprintf(
		"Function %s is accountable for %d of %d activities, more than the allowed share of %v: make roles of other functions accountable for some of them.",
		[function, n, _total, lib.params.max_accountable_share],
	),
} if {
	_total >= lib.params.min_activities_for_concentration
	some function, n in _accountable_count
	n > lib.params.max_accountable_share * _total
}
