# METADATA
# title: Contractor holds a privileged role
# description: |
#   Acme policy ISP-7.3: privileged security roles (system administration, CISO,
#   ISMS management) are held by employees. A contractor may do the work under a
#   delegation, but may not hold the role.
# related_resources:
#   - description: Acme information security policy ISP-7.3
#     ref: https://intranet.acme.example/isms/ISP-7.3
# custom:
#   id: ACME-PEOPLE-001
#   severity: high
#   control: A.5.2
#   remediation: Give the role to an employee and delegate the work to the contractor instead.
#   params:
#     contractor_forbidden_role_kinds: [system_administrator]
package rolecall.custom.contractor_privileged

import data.rolecall.lib

_forbidden_kinds := {k | some k in data.rolecall.params.contractor_forbidden_role_kinds}

finding contains {
	"subject": sprintf("person:%s", [person.id]),
	"message": sprintf("Contractor %s%s holds privileged role %s (%s): give the role to an employee and delegate the work instead.", [lib.display(person), _supplier(person), lib.role_display(rid), lib.roles[rid].e.kind]),
	"path": lib.ptr(["people", i]),
} if {
	some i, person in lib.people_list
	lib.employment(person) == "contractor"
	lib.is_non_leaver(person)
	some rid in lib.roles_of(person.id)
	lib.roles[rid].e.kind in _forbidden_kinds
}

# _supplier names the contractor's supplier from attributes.supplier, when given.
_supplier(person) := sprintf(" (supplied by %s)", [person.attributes.supplier]) if {
	is_string(person.attributes.supplier)
} else := ""
