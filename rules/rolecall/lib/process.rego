# Helpers shared by the process, risk, authority, delegation and exception rules
# (A52-PROC-*, A52-RISK-*, A52-AUTH-001, A52-DELEG-*, A52-EXC-001). Absent optional
# fields are read with the defaults of register-format.md.
package rolecall.lib

# raci(activity, key) is the list of role ids in the activity's raci.<key>
# (responsible, accountable, consulted or informed); empty when absent.
raci(activity, key) := object.get(object.get(activity, "raci", {}), key, [])

# raci_path(i, activity, key) points at /activities/i/raci/<key> when the activity
# lists that key, and at the activity itself otherwise.
raci_path(i, activity, key) := ptr(["activities", i, "raci", key]) if {
	object.get(activity, "raci", {})[key]
} else := ptr(["activities", i])

# raci_display(rids) lists role ids for a message, sorted: "a, b", or "none".
raci_display(rids) := concat(", ", sort([sprintf("%s", [r]) | some r in rids])) if {
	count(rids) > 0
} else := "none"

# risk_display(risk) names a risk for a message by id and title.
risk_display(risk) := sprintf("%s %q", [risk.id, risk.title]) if {
	is_string(risk.title)
} else := sprintf("%s", [risk.id])

# delegation_scope(d) is the delegation's scope, responsible by default.
delegation_scope(d) := object.get(d, "scope", "responsible")
