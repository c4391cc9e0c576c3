# METADATA
# title: Critical role without a deputy
# description: |
#   A critical role (its kind is in critical_role_kinds: by default the ISMS
#   manager, the CISO, the incident manager, the business continuity lead and the
#   data protection officer) held by exactly one active person is a single point
#   of failure unless someone can stand in: one entry of its deputies must name a
#   defined person with status active other than that holder. Deputies who are on
#   leave, have left or are not defined people do not count. A role with no active
#   holder is A52-ROLE-002's finding, and a role with two or more active holders
#   needs no deputy.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-ROLE-004
#   severity: low
#   control: A.5.2
#   remediation: Name in the role's deputies an active person, other than its holder, who can stand in when the holder is absent.
package rolecall.rules.role_004

import data.rolecall.lib

# _critical lists [i, role] for the defined roles of a critical kind.
_critical := [[i, role] |
	kinds := {kind | some kind in lib.params.critical_role_kinds}
	some i, role in lib.role_list
	role.kind in kinds
]

# _active_holders(rid) is the set of ids of the defined people with status active
# who hold the role (undefined team members have no status and do not count): set
# operations in Go on lib's holder index.
_active_holders(rid) := (lib.holders_of(rid) & _person_ids) - lib.inactive_ids

# _person_ids is the set of ids of the defined people (lib.person_index's keys).
_person_ids := object.keys(lib.person_index)

# _active_person(pid) is true when pid names a defined person with status active.
_active_person(pid) if lib.status(lib.person(pid)) == "active"

# _has_deputy(role, holder) is true when one of the role's deputies is a defined,
# active person other than its holder.
_has_deputy(role, holder) if {
	some pid in object.get(role, "deputies", [])
	pid != holder
	_active_person(pid)
}

# _deputies_fact(role) describes the role's deputies for a message.
_deputies_fact(role) := sprintf("none of its deputies (%s) is an active person other than the holder", [
	concat(", ", [sprintf("%s", [pid]) | some pid in role.deputies]),
]) if {
	count(role.deputies) > 0
} else := "it names no deputies"

finding contains {
	"subject": sprintf("role:%s", [role.id]),
	"message": sprintf(
		"Critical role %s (kind %s) has a single active holder, %s, and %s: name an active person other than the holder in deputies to stand in when they are absent.",
		[lib.display(role), role.kind, lib.person_display(holder), _deputies_fact(role)],
	),
	"path": lib.ptr_to_field_or_entity(["roles", i], role, ["deputies"]),
} if {
	some [i, role] in _critical
	active := _active_holders(role.id)
	count(active) == 1
	some holder in active
	not _has_deputy(role, holder)
}
