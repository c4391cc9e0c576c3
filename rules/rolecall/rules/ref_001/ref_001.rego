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

# _defined[kind] is the index of the ids defined for that kind of referenced entity.
_defined := {
	"role": lib.roles,
	"person": lib.people,
	"asset": lib.assets,
	"activity": lib.activities,
}

# _list_refs names every reference field of the entities kept in lists
# (register-format.md): the list, the subject kind and the word for the entity in a
# message, the field path inside the entity, and the kind of entity it refers to.
_list_refs := [
	{"list": "people", "kind": "person", "noun": "Person", "field": ["roles"], "target": "role"},
	{"list": "teams", "kind": "team", "noun": "Team", "field": ["members"], "target": "person"},
	{"list": "teams", "kind": "team", "noun": "Team", "field": ["roles"], "target": "role"},
	{"list": "assets", "kind": "asset", "noun": "Asset", "field": ["owner"], "target": "role"},
	{"list": "assets", "kind": "asset", "noun": "Asset", "field": ["custodian"], "target": "role"},
	{"list": "activities", "kind": "activity", "noun": "Activity", "field": ["raci", "responsible"], "target": "role"},
	{"list": "activities", "kind": "activity", "noun": "Activity", "field": ["raci", "accountable"], "target": "role"},
	{"list": "activities", "kind": "activity", "noun": "Activity", "field": ["raci", "consulted"], "target": "role"},
	{"list": "activities", "kind": "activity", "noun": "Activity", "field": ["raci", "informed"], "target": "role"},
	{"list": "activities", "kind": "activity", "noun": "Activity", "field": ["assets"], "target": "asset"},
	{"list": "activities", "kind": "activity", "noun": "Activity", "field": ["signed_off", "by"], "target": "person"},
	{"list": "authorities", "kind": "authority", "noun": "Authority", "field": ["approver"], "target": "role"},
	{"list": "authorities", "kind": "authority", "noun": "Authority", "field": ["assets"], "target": "asset"},
	{"list": "delegations", "kind": "delegation", "noun": "Delegation", "field": ["activity"], "target": "activity"},
	{"list": "delegations", "kind": "delegation", "noun": "Delegation", "field": ["from"], "target": "role"},
	{"list": "delegations", "kind": "delegation", "noun": "Delegation", "field": ["to"], "target": "role"},
	{"list": "delegations", "kind": "delegation", "noun": "Delegation", "field": ["review", "by"], "target": "person"},
	{"list": "risks", "kind": "risk", "noun": "Risk", "field": ["owner"], "target": "role"},
	{"list": "risks", "kind": "risk", "noun": "Risk", "field": ["assets"], "target": "asset"},
	{"list": "risks", "kind": "risk", "noun": "Risk", "field": ["acceptance", "by"], "target": "person"},
	{"list": "segregation", "kind": "segregation", "noun": "Segregation conflict", "field": ["roles"], "target": "role"},
	{"list": "exceptions", "kind": "exception", "noun": "Exception", "field": ["approved_by"], "target": "person"},
]

# _references(value, parts) lists the [id, pointer parts] pairs of a reference
# field: one for a single id, one per element for a list of ids, none otherwise.
_references(value, parts) := [[value, parts]] if {
	is_string(value)
} else := [[id, array.concat(parts, [j])] | some j, id in value] if {
	is_array(value)
} else := []

_undefined(target, id) if not _defined[target][id]

finding contains {
	"subject": sprintf("%s:%s", [ref.kind, entity.id]),
	"message": sprintf(
		"%s %s refers in %s to %s %s, which is not defined: define the %s or correct the reference.",
		[ref.noun, lib.display(entity), concat(".", ref.field), ref.target, id, ref.target],
	),
	"path": lib.ptr(at),
} if {
	some ref in _list_refs
	some i, entity in object.get(lib.register, ref.list, [])
	some [id, at] in _references(object.get(entity, ref.field, null), array.concat([ref.list, i], ref.field))
	_undefined(ref.target, id)
}

# The organisation and the policy are single objects; their subject is the bare word.
finding contains {
	"subject": "organisation",
	"message": sprintf(
		"Organisation %q refers in approved_by to person %s, which is not defined: define the person or correct the reference.",
		[lib.register.organisation.name, lib.register.organisation.approved_by],
	),
	"path": "/organisation/approved_by",
} if {
	_undefined("person", lib.register.organisation.approved_by)
}

finding contains {
	"subject": "policy",
	"message": sprintf(
		"Policy %s refers in approved_by to person %s, which is not defined: define the person or correct the reference.",
		[lib.policy_display, lib.register.policy.approved_by],
	),
	"path": "/policy/approved_by",
} if {
	_undefined("person", lib.register.policy.approved_by)
}

finding contains {
	"subject": "policy",
	"message": sprintf(
		"Policy %s refers in overall_responsibility to role %s, which is not defined: define the role or correct the reference.",
		[lib.policy_display, lib.register.policy.overall_responsibility],
	),
	"path": "/policy/overall_responsibility",
} if {
	_undefined("role", lib.register.policy.overall_responsibility)
}
