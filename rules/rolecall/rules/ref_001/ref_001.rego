# METADATA
# title: Reference to an undefined id
# description: |
#   Registers refer to roles, people, assets and activities by id. A reference to
#   an id that is not defined breaks the chain of accountability it is meant to
#   document: an owner, approver or RACI entry that names nobody. One finding per
#   dangling reference, so an entity with two bad references has two findings.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-REF-001
#   severity: high
#   control: A.5.2
#   remediation: Define the missing role, person, asset or activity, or correct the reference to name one that is defined.
package rolecall.rules.ref_001

import data.rolecall.lib

# _defined[kind] is the set (for people: the index) of the ids defined for that kind
# of referenced entity; a lookup is defined exactly when the id is.
_defined := {
	"role": lib.role_ids,
	"person": lib.person_index,
	"asset": lib.asset_ids,
	"activity": lib.activity_ids,
}

# _list_refs names every reference field of the entities kept in lists
# (register-format.md), by "list.field": the list, the subject kind and the word
# for the entity in a message, the field path inside the entity, whether it holds
# one id or a list of ids, and the kind of entity it refers to.
_list_refs := {
	"roles.reports_to": {"list": "roles", "kind": "role", "noun": "Role", "field": ["reports_to"], "many": false, "target": "role"},
	"roles.deputies": {"list": "roles", "kind": "role", "noun": "Role", "field": ["deputies"], "many": true, "target": "person"},
	"people.roles": {"list": "people", "kind": "person", "noun": "Person", "field": ["roles"], "many": true, "target": "role"},
	"teams.members": {"list": "teams", "kind": "team", "noun": "Team", "field": ["members"], "many": true, "target": "person"},
	"teams.roles": {"list": "teams", "kind": "team", "noun": "Team", "field": ["roles"], "many": true, "target": "role"},
	"assets.owner": {"list": "assets", "kind": "asset", "noun": "Asset", "field": ["owner"], "many": false, "target": "role"},
	"assets.custodian": {"list": "assets", "kind": "asset", "noun": "Asset", "field": ["custodian"], "many": false, "target": "role"},
	"activities.raci.responsible": {"list": "activities", "kind": "activity", "noun": "Activity", "field": ["raci", "responsible"], "many": true, "target": "role"},
	"activities.raci.accountable": {"list": "activities", "kind": "activity", "noun": "Activity", "field": ["raci", "accountable"], "many": true, "target": "role"},
	"activities.raci.consulted": {"list": "activities", "kind": "activity", "noun": "Activity", "field": ["raci", "consulted"], "many": true, "target": "role"},
	"activities.raci.informed": {"list": "activities", "kind": "activity", "noun": "Activity", "field": ["raci", "informed"], "many": true, "target": "role"},
	"activities.assets": {"list": "activities", "kind": "activity", "noun": "Activity", "field": ["assets"], "many": true, "target": "asset"},
	"activities.signed_off.by": {"list": "activities", "kind": "activity", "noun": "Activity", "field": ["signed_off", "by"], "many": false, "target": "person"},
	"authorities.approver": {"list": "authorities", "kind": "authority", "noun": "Authority", "field": ["approver"], "many": false, "target": "role"},
	"authorities.assets": {"list": "authorities", "kind": "authority", "noun": "Authority", "field": ["assets"], "many": true, "target": "asset"},
	"delegations.activity": {"list": "delegations", "kind": "delegation", "noun": "Delegation", "field": ["activity"], "many": false, "target": "activity"},
	"delegations.from": {"list": "delegations", "kind": "delegation", "noun": "Delegation", "field": ["from"], "many": false, "target": "role"},
	"delegations.to": {"list": "delegations", "kind": "delegation", "noun": "Delegation", "field": ["to"], "many": false, "target": "role"},
	"delegations.review.by": {"list": "delegations", "kind": "delegation", "noun": "Delegation", "field": ["review", "by"], "many": false, "target": "person"},
	"risks.owner": {"list": "risks", "kind": "risk", "noun": "Risk", "field": ["owner"], "many": false, "target": "role"},
	"risks.assets": {"list": "risks", "kind": "risk", "noun": "Risk", "field": ["assets"], "many": true, "target": "asset"},
	"risks.acceptance.by": {"list": "risks", "kind": "risk", "noun": "Risk", "field": ["acceptance", "by"], "many": false, "target": "person"},
	"segregation.roles": {"list": "segregation", "kind": "segregation", "noun": "Segregation conflict", "field": ["roles"], "many": true, "target": "role"},
	"exceptions.approved_by": {"list": "exceptions", "kind": "exception", "noun": "Exception", "field": ["approved_by"], "many": false, "target": "person"},
}

# _references(value, parts) lists the [id, pointer parts] pairs of a reference
# field: one for a single id, one per element for a list of ids, none otherwise.
_references(value, parts) := [[value, parts]] if {
	is_string(value)
} else := [[id, array.concat(parts, [j])] | some j, id in value] if {
	is_array(value)
} else := []

_undefined(target, id) if not _defined[target][id]

# _did_you_mean(target, id) is " (did you mean X?)" when X is the defined id
# nearest to the undefined id, else "". Rego has no edit distance: the engine
# computes the nearest ids in Go and passes them as
# input.derived.nearest_ids[target][id]; without them (a plain OPA sent only
# the register) the message has no suggestion.
_did_you_mean(target, id) := sprintf(" (did you mean %s?)", [s]) if {
	s := input.derived.nearest_ids[target][id]
	is_string(s)
} else := ""

# Finding the dangling references: _suspects contains [name, i] when entity i of
# the list of _list_refs[name] refers in that field to an id that is not defined,
# and the findings are built (with the general but slower _references) from the
# suspects only. The suspects come from one cheap pass per reference field: what
# the pass reads is bound to local variables first (a reference to a rule inside a
# loop costs more than a lookup in a local value), and the field is read with
# variable keys (entity[key], entity[key][sub]), several times cheaper than
# object.get(entity, path). A field is read with the shape the format (and the
# schema the loader enforces) gives it: one id, or a list of ids.

# The roles people list are checked once per role, not once per person: the roles
# of lib.direct_holders (built once for all rules) that are not defined.
_suspects contains ["people.roles", i] if {
	defined := lib.role_ids
	index := lib.person_index
	some id, pids in lib.direct_holders
	not defined[id]
	some pid, _ in pids
	i := index[pid]
}

_suspects contains [name, i] if {
	some name, ref in _list_refs
	name != "people.roles"
	ref.many
	[key] := ref.field
	defined := _defined[ref.target]
	some i, entity in lib.register[ref.list]
	some id in entity[key]
	not defined[id]
}

_suspects contains [name, i] if {
	some name, ref in _list_refs
	ref.many
	[key, sub] := ref.field
	defined := _defined[ref.target]
	some i, entity in lib.register[ref.list]
	some id in entity[key][sub]
	not defined[id]
}

_suspects contains [name, i] if {
	some name, ref in _list_refs
	not ref.many
	[key] := ref.field
	defined := _defined[ref.target]
	some i, entity in lib.register[ref.list]
	id := entity[key]
	not defined[id]
}

_suspects contains [name, i] if {
	some name, ref in _list_refs
	not ref.many
	[key, sub] := ref.field
	defined := _defined[ref.target]
	some i, entity in lib.register[ref.list]
	id := entity[key][sub]
	not defined[id]
}

finding contains {
	"subject": sprintf("%s:%s", [ref.kind, entity.id]),
	"message": sprintf(
		"%s %s refers in %s to %s %s, which is not defined%s: define the %s or correct the reference.",
		[ref.noun, lib.display(entity), concat(".", ref.field), ref.target, id, _did_you_mean(ref.target, id), ref.target],
	),
	"path": lib.ptr(at),
} if {
	some [name, i] in _suspects
	ref := _list_refs[name]
	entity := lib.register[ref.list][i]
	some [id, at] in _references(object.get(entity, ref.field, null), array.concat([ref.list, i], ref.field))
	_undefined(ref.target, id)
}

# The organisation and the policy are single objects; their subject is the bare word.
finding contains {
	"subject": "organisation",
	"message": sprintf(
		"Organisation %q refers in approved_by to person %s, which is not defined%s: define the person or correct the reference.",
		[lib.register.organisation.name, lib.register.organisation.approved_by, _did_you_mean("person", lib.register.organisation.approved_by)],
	),
	"path": "/organisation/approved_by",
} if {
	_undefined("person", lib.register.organisation.approved_by)
}

finding contains {
	"subject": "policy",
	"message": sprintf(
		"Policy %s refers in approved_by to person %s, which is not defined%s: define the person or correct the reference.",
		[lib.policy_display, lib.register.policy.approved_by, _did_you_mean("person", lib.register.policy.approved_by)],
	),
	"path": "/policy/approved_by",
} if {
	_undefined("person", lib.register.policy.approved_by)
}

finding contains {
	"subject": "policy",
	"message": sprintf(
		"Policy %s refers in overall_responsibility to role %s, which is not defined%s: define the role or correct the reference.",
		[lib.policy_display, lib.register.policy.overall_responsibility, _did_you_mean("role", lib.register.policy.overall_responsibility)],
	),
	"path": "/policy/overall_responsibility",
} if {
	_undefined("role", lib.register.policy.overall_responsibility)
}
