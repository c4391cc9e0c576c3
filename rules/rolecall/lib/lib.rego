# METADATA
# title: rolecall shared helpers
# description: |
#   Indexes and helpers shared by every rolecall rule. Every join in a rule goes
#   through one of the indexes below: each is a complete rule built once per
#   evaluation with an object comprehension that yields every key exactly once,
#   so that the rules stay linear in the size of the register.
#   Absent optional fields are read with the defaults of register-format.md.
package rolecall.lib

# The register under evaluation and the evaluation date (YYYY-MM-DD).
register := input.register

as_of := input.as_of

# Parameters, with the bundled defaults in data.rolecall.params.
params := data.rolecall.params

# Entity lists, empty when the register omits them.
role_list := object.get(register, "roles", [])

people_list := object.get(register, "people", [])

team_list := object.get(register, "teams", [])

asset_list := object.get(register, "assets", [])

activity_list := object.get(register, "activities", [])

authority_list := object.get(register, "authorities", [])

delegation_list := object.get(register, "delegations", [])

risk_list := object.get(register, "risks", [])

conflict_list := object.get(register, "segregation", [])

exception_list := object.get(register, "exceptions", [])

# Indexes by id. Each value is {"i": index in its list, "e": the entity}, so that
# rules can build JSON pointers (/roles/3/duties) without scanning.
roles := {r.id: {"i": i, "e": r} | some i, r in role_list}

people := {p.id: {"i": i, "e": p} | some i, p in people_list}

teams := {t.id: {"i": i, "e": t} | some i, t in team_list}

assets := {a.id: {"i": i, "e": a} | some i, a in asset_list}

activities := {a.id: {"i": i, "e": a} | some i, a in activity_list}

authorities := {a.id: {"i": i, "e": a} | some i, a in authority_list}

delegations := {d.id: {"i": i, "e": d} | some i, d in delegation_list}

risks := {r.id: {"i": i, "e": r} | some i, r in risk_list}

# Person fields with their defaults.
status(p) := object.get(p, "status", "active")

employment(p) := object.get(p, "employment", "employee")

is_leaver(p) if status(p) == "leaver"

# A person to whom the checks of what a person must do apply (status is not leaver).
is_non_leaver(p) if not is_leaver(p)

# _holdings lists every [person id, role id] pair of "holds": a role listed in the
# person's own roles, or in the roles of a team that lists the person as a member.
# Undefined role ids count (register-format.md "Holds"). Pairs may repeat.
_direct_holdings := [[p.id, rid] | some p in people_list; some rid in object.get(p, "roles", [])]

_team_holdings := [[m, rid] |
	some t in team_list
	some m in object.get(t, "members", [])
	some rid in object.get(t, "roles", [])
]

_holdings := array.concat(_direct_holdings, _team_holdings)

_holder_ids := {pid | some [pid, _] in _holdings}

_held_role_ids := {rid | some [_, rid] in _holdings}

# held_roles[person_id] is the set of role ids the person holds, directly or
# through a team. A person who holds nothing has no key.
held_roles := {pid: rids |
	some pid in _holder_ids
	rids := {rid | some [p, rid] in _holdings; p == pid}
}

# holders[role_id] is the set of person ids holding the role. A role nobody
# holds has no key.
holders := {rid: pids |
	some rid in _held_role_ids
	pids := {pid | some [pid, r] in _holdings; r == rid}
}

# roles_of(pid) is the set of role ids the person holds (empty when none).
roles_of(pid) := object.get(held_roles, pid, set())

# holds(pid, rid) is true when the person holds the role.
holds(pid, rid) if rid in roles_of(pid)

# allocated contains every role id that at least one active person holds.
allocated contains rid if {
	some [pid, rid] in _holdings
	status(people[pid].e) == "active"
}

# role_ids_of_kind[kind] is the set of defined role ids of that kind.
role_ids_of_kind := {kind: ids |
	some kind in {r.kind | some r in role_list}
	ids := {r.id | some r in role_list; r.kind == kind}
}

senior_role_ids := object.get(role_ids_of_kind, "senior_management", set())

# holds_kind(pid, kind) is true when the person holds a defined role of that kind.
holds_kind(pid, kind) if {
	some rid in roles_of(pid)
	roles[rid].e.kind == kind
}

# holds_senior(pid) is true when the person holds a senior_management role.
holds_senior(pid) if holds_kind(pid, "senior_management")

# holds_any(pid, rids) is true when the person holds one of the role ids in rids.
holds_any(pid, rids) if {
	some rid in rids
	holds(pid, rid)
}

# approvers_of[decision] is the set of role ids that approve an authority of that decision.
approvers_of := {decision: ids |
	some decision in {a.decision | some a in authority_list}
	ids := {a.approver | some a in authority_list; a.decision == decision}
}

# Risk levels and their order.
risk_levels := ["low", "medium", "high", "critical"]

risk_rank := {level: i | some i, level in risk_levels}

# Frequency periods in days (rule-catalogue.md); on_event has none.
frequency_days := {
	"daily": 1,
	"weekly": 7,
	"monthly": 31,
	"quarterly": 92,
	"semiannual": 183,
	"annual": 366,
}

# days_before(date, n) is the YYYY-MM-DD date n days before date.
days_before(date, n) := time.format([
	time.add_date(time.parse_ns("2006-01-02", date), 0, 0, 0 - n),
	"UTC",
	"2006-01-02",
])

# older_than_cutoff(date, cutoff) is true when date is more than N whole days before
# as_of, where cutoff = days_before(as_of, N) was computed once by the caller:
# exactly N days before as_of is not older.
older_than_cutoff(date, cutoff) if date < cutoff

# expired(x) is true when x has an expires_on before as_of. Without expires_on
# nothing expires; something that expires on as_of is still valid that day.
expired(x) if x.expires_on < as_of

# display(kind_index, id) names an entity for a message: `id "Name"` or just `id`.
display(entity) := sprintf("%s %q", [entity.id, entity.name]) if {
	is_string(entity.name)
} else := sprintf("%s", [entity.id])

# person_display(pid) names a person by id and name, or by id when undefined.
person_display(pid) := display(people[pid].e) if {
	people[pid]
} else := sprintf("%s", [pid])

# role_display(rid) names a role by id and name, or by id when undefined.
role_display(rid) := display(roles[rid].e) if {
	roles[rid]
} else := sprintf("%s", [rid])

# ptr(parts) joins path segments into a JSON pointer, escaping ~ and /.
ptr(parts) := concat("", [sprintf("/%s", [_escape(p)]) | some p in parts])

_escape(p) := replace(replace(sprintf("%v", [p]), "~", "~0"), "/", "~1")

# Exceptions. known_rule_ids holds every rule id the catalogue knows: bundled
# rules and the organisation's rules loaded beside them.
known_rule_ids := {meta.id | some meta in data.rolecall.catalogue.rules} | {meta.id |
	some meta in object.get(data.rolecall.catalogue, "custom", {})
}

exception_approver_roles := object.get(approvers_of, "approve_exception", set())

# exception_problem(e) says why an exception is not applied; undefined when it is.
exception_problem(e) := sprintf("expired on %s", [e.expires_on]) if {
	expired(e)
} else := sprintf("names rule %s, which is neither a bundled rule nor one of the organisation's rules", [e.rule]) if {
	not e.rule in known_rule_ids
} else := sprintf("its approver %s holds no role that approves an approve_exception authority", [person_display(e.approved_by)]) if {
	not holds_any(e.approved_by, exception_approver_roles)
}

# applied_exception_ids contains the id of every exception that applies.
applied_exception_ids contains e.id if {
	some e in exception_list
	not exception_problem(e)
}

_waiver_keys := {[e.rule, e.subject] | some e in exception_list; e.id in applied_exception_ids}

# waivers[[rule, subject]] is the id of the applied exception that waives findings of
# that rule and subject (the smallest id when several do).
waivers := {key: min(ids) |
	some key in _waiver_keys
	ids := {e.id | some e in exception_list; e.id in applied_exception_ids; [e.rule, e.subject] == key}
}
