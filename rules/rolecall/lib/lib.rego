# METADATA
# title: rolecall shared helpers
# description: |
#   Indexes and helpers shared by every rolecall rule. Every join in a rule goes
#   through one of the indexes below: each is a complete rule built once per
#   evaluation, with an object comprehension that yields every key exactly once or
#   with object.union_n, so that the rules stay linear in the size of the register.
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
# rules can build JSON pointers (/roles/3/duties) without scanning. The bundled
# rules use them only for the short lists: for people and assets the id sets and
# person_index below are several times cheaper to build on a large register.
roles := {r.id: {"i": i, "e": r} | some i, r in role_list}

people := {p.id: {"i": i, "e": p} | some i, p in people_list}

teams := {t.id: {"i": i, "e": t} | some i, t in team_list}

assets := {a.id: {"i": i, "e": a} | some i, a in asset_list}

activities := {a.id: {"i": i, "e": a} | some i, a in activity_list}

authorities := {a.id: {"i": i, "e": a} | some i, a in authority_list}

delegations := {d.id: {"i": i, "e": d} | some i, d in delegation_list}

risks := {r.id: {"i": i, "e": r} | some i, r in risk_list}

# person_index[person_id] is the person's index in people_list: people_list[i] is
# the person. A bare number per key is the cheapest index of the longest list.
# The Go engine builds it and passes it as input.derived.person_index (left out
# when two people share an id); without it (a plain OPA sent only the register)
# it is built here, with the same value.
person_index := input.derived.person_index if {
	is_object(input.derived.person_index)
} else := _person_index_in_rego

_person_index_in_rego := {p.id: i | some i, p in people_list}

# The sets of defined ids of the kinds that are referenced by id.
role_ids := {r.id | some r in role_list}

asset_ids := {a.id | some a in asset_list}

activity_ids := {a.id | some a in activity_list}

# person(pid) is the defined person with that id; undefined when there is none.
person(pid) := people_list[person_index[pid]]

# Person fields with their defaults.
status(p) := object.get(p, "status", "active")

employment(p) := object.get(p, "employment", "employee")

is_leaver(p) if status(p) == "leaver"

# A person to whom the checks of what a person must do apply (status is not leaver).
is_non_leaver(p) if not is_leaver(p)

# How the indexes below are built. On a large register every pass over a long list
# counts, so the rules share a few passes and otherwise test only candidates found
# by a cheap check (PERFORMANCE.md has the measurements, with OPA v1.22.3):
# - a complete rule is evaluated once per evaluation, but each reference to a rule
#   inside a loop costs several times a lookup in a local variable bound before the
#   loop, and so does each function call: hot loops use neither;
# - object.union_n merges small objects in Go (nested objects merged key by key),
#   which groups values by key for half the cost of a comprehension index; OPA also
#   rebuilds a comprehension index on every call of a function, and answers a key
#   the index lacks by scanning in full;
# - partial object rules (idx[k] := v) are quadratic: every index is a complete rule
#   whose comprehension produces each key once.

# direct_holders[role_id] is an object whose keys are the ids of the people who list
# the role in their own roles. The Go engine builds it in one pass and passes it
# as input.derived.direct_holders; without it (a plain OPA sent only the
# register) it is built here, with the same value.
direct_holders := input.derived.direct_holders if {
	is_object(input.derived.direct_holders)
} else := _direct_holders_in_rego

_direct_holders_in_rego := object.union_n([{rid: {p.id: true}} | some p in people_list; some rid in p.roles])

# team_members_of_role[role_id] is an object whose keys are the members of the teams
# that hold the role (ids that are not defined people included).
team_members_of_role := object.union_n([{rid: members} |
	some t in team_list
	members := {m: true | some m in t.members}
	some rid in t.roles
])

# holders[role_id] is the set of person ids holding the role, directly or through a
# team (undefined team members included). A role nobody holds has no key.
holders := {rid: pids |
	some rid in (object.keys(direct_holders) | object.keys(team_members_of_role))
	pids := holders_of(rid)
	count(pids) > 0
}

# holders_of(rid) is holders[rid], or the empty set: for a few roles, cheaper than
# building holders for every role.
holders_of(rid) := object.keys(object.union(object.get(direct_holders, rid, {}), object.get(team_members_of_role, rid, {})))

# team_roles[person_id] is an object whose keys are the role ids the person holds
# through teams; a person in no team with roles has no key.
team_roles := object.union_n([{m: rids} |
	some t in team_list
	rids := {rid: true | some rid in t.roles}
	count(rids) > 0
	some m in t.members
])

# team_roles_of(pid) is the set of role ids the person holds through teams (empty
# when none).
team_roles_of(pid) := object.keys(object.get(team_roles, pid, {}))

# roles_of(pid) is the set of role ids the person holds (empty when none). Undefined
# people hold the roles of the teams that list them.
roles_of(pid) := {rid | some rid in person(pid).roles} | team_roles_of(pid)

# held_roles[person_id] is the set of role ids the person holds, directly or
# through a team. A person who holds nothing has no key.
held_roles := {pid: rids |
	some pid in (object.keys(person_index) | object.keys(team_roles))
	rids := roles_of(pid)
	count(rids) > 0
}

# holds(pid, rid) is true when the defined person pid holds the role, directly
# or through a team. An id that names no person holds nothing, even when a team
# lists it as a member: a signer, approver or acceptor who is not defined is
# never entitled (roles_of and holders_of still count such ids, for the rules
# that report them).
holds(pid, rid) if rid in person(pid).roles

holds(pid, rid) if {
	team_roles[pid][rid]
	person_index[pid]
}

# inactive_ids is the set of ids of the people whose status is not active (leavers
# and people on leave): one pass over people, shared by the rules about leavers and
# about allocation.
inactive_ids := {p.id | some p in people_list; object.get(p, "status", "active") != "active"}

_person_id_set := object.keys(person_index)

# allocated contains every role id that at least one active person holds: a role
# with a holder who is a defined person not in inactive_ids. Set operations in Go,
# one per role.
allocated := {rid |
	inactive := inactive_ids
	some rid, pids in direct_holders
	count(object.keys(pids) - inactive) > 0
} | {rid |
	inactive := inactive_ids
	defined := _person_id_set
	some rid, members in team_members_of_role
	count((object.keys(members) & defined) - inactive) > 0
}

# role_ids_of_kind[kind] is the set of defined role ids of that kind.
role_ids_of_kind := {kind: ids |
	some kind in {r.kind | some r in role_list}
	ids := {r.id | some r in role_list; r.kind == kind}
}

senior_role_ids := object.get(role_ids_of_kind, "senior_management", set())

# holds_kind(pid, kind) is true when the defined person pid holds a defined role
# of that kind.
holds_kind(pid, kind) if {
	person_index[pid]
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

# display(entity) names an entity for a message: `id "Name"` (`id "Title"` for a
# risk or the policy, which have titles), or just `id`.
display(entity) := sprintf("%s %q", [entity.id, entity.name]) if {
	is_string(entity.name)
} else := sprintf("%s %q", [entity.id, entity.title]) if {
	is_string(entity.title)
} else := sprintf("%s", [entity.id])

# person_display(pid) names a person by id and name, or by id when undefined.
person_display(pid) := display(person(pid)) if {
	person(pid)
} else := sprintf("%s", [pid])

# role_display(rid) names a role by id and name, or by id when undefined.
role_display(rid) := display(roles[rid].e) if {
	roles[rid]
} else := sprintf("%s", [rid])

# ptr(parts) joins path segments into a JSON pointer, escaping ~ and /. The fast
# path formats every segment with one sprintf and checks that none held a / (the
# pointer has one per segment) or a ~; only then does it escape segment by
# segment, because a finding's path is built for every finding and the replace
# builtin costs more than the rest of a finding.
ptr(parts) := pointer if {
	pointer := sprintf(_pointer_formats[count(parts)], parts)
	strings.count(pointer, "/") == count(parts)
	contains(pointer, "~") == false
} else := concat("", [sprintf("/%s", [_escape(p)]) | some p in parts])

_pointer_formats := ["", "/%v", "/%v/%v", "/%v/%v/%v", "/%v/%v/%v/%v", "/%v/%v/%v/%v/%v", "/%v/%v/%v/%v/%v/%v"]

_escape(p) := replace(replace(sprintf("%v", [p]), "~", "~0"), "/", "~1")

# Exceptions. known_rule_ids holds every rule id the catalogue knows: bundled
# rules and the organisation's rules loaded beside them.
known_rule_ids := {meta.id | some meta in data.rolecall.catalogue.rules} | {meta.id |
	some meta in object.get(data.rolecall.catalogue, "custom", {})
}

exception_approver_roles := object.get(approvers_of, "approve_exception", set())
