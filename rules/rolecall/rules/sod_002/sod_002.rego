# METADATA
# title: ISMS manager is also an internal auditor
# description: |
#   Internal audits must be objective and impartial: nobody audits the system they
#   run. A person other than a leaver who holds a role of kind isms_manager or ciso
#   and a role of kind internal_auditor, directly or through teams, would audit
#   their own work. One finding per person, naming every such role they hold.
# related_resources:
#   - description: ISO/IEC 27001:2022 clause 9.2, Internal audit
#     ref: https://www.iso.org/standard/27001
#   - description: ISO/IEC 27001:2022 Annex A 5.3, Segregation of duties
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-SOD-002
#   severity: high
#   control: Clause 9.2
#   remediation: Give the internal auditor role to someone independent of the ISMS's management, or have the ISMS audited by an external auditor.
package rolecall.rules.sod_002

import data.rolecall.lib

# The defined roles of the kinds that run the ISMS, and of the internal auditor.
_manager_roles := object.get(lib.role_ids_of_kind, "isms_manager", set()) | object.get(lib.role_ids_of_kind, "ciso", set())

_auditor_roles := object.get(lib.role_ids_of_kind, "internal_auditor", set())

# _holders_of_any(rids) is the set of ids of the people who hold one of the roles.
_holders_of_any(rids) := union({lib.holders_of(rid) | some rid in rids})

# The people holding both kinds are the intersection of the two sets of holders,
# computed in Go from lib's holder indexes: no pass over people. Holders include
# team members that are not defined people, whom person_index leaves out.
_both := _holders_of_any(_manager_roles) & _holders_of_any(_auditor_roles)

# _roles_display(rids) names roles for a message, sorted by id.
_roles_display(rids) := concat(", ", [lib.role_display(rid) | some rid in sort(rids)])

finding contains {
	"subject": sprintf("person:%s", [person.id]),
	"message": sprintf(
		"Person %s runs the ISMS as %s and is also its internal auditor as %s: nobody may audit the system they run, so give the internal auditor role to someone independent.",
		[lib.display(person), _roles_display(held & _manager_roles), _roles_display(held & _auditor_roles)],
	),
	"path": lib.ptr(["people", i]),
} if {
	some pid in _both
	i := lib.person_index[pid]
	person := lib.people_list[i]
	lib.is_non_leaver(person)
	held := lib.roles_of(pid)
}
