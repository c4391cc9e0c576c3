package rolecall.custom.contractor_privileged_test

import data.rolecall.custom.contractor_privileged

_register(person) := {
	"roles": [
		{"id": "sysadmin", "name": "Systems Administrator", "kind": "system_administrator", "function": "it"},
		{"id": "dev", "name": "Developer", "kind": "staff", "function": "engineering"},
	],
	"people": [person],
}

test_contractor_holding_sysadmin_fires if {
	contractor_privileged.finding == {{
		"subject": "person:ben",
		"message": "Contractor ben \"Ben\" (supplied by Northpoint) holds privileged role sysadmin \"Systems Administrator\" (system_administrator): give the role to an employee and delegate the work instead.",
		"path": "/people/0",
	}} with input as {"as_of": "2026-11-27", "register": _register({
		"id": "ben", "name": "Ben", "employment": "contractor", "roles": ["sysadmin"],
		"attributes": {"supplier": "Northpoint"},
	})}
}

test_employee_sysadmin_does_not_fire if {
	count(contractor_privileged.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register({"id": "ann", "name": "Ann", "roles": ["sysadmin"]})}
}

test_contractor_in_staff_role_does_not_fire if {
	count(contractor_privileged.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register({"id": "ben", "name": "Ben", "employment": "contractor", "roles": ["dev"]})}
}

test_leaver_contractor_is_people_001s_business if {
	count(contractor_privileged.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register({"id": "ben", "name": "Ben", "employment": "contractor", "status": "leaver", "roles": ["sysadmin"]})}
}

test_parameter_widens_the_kinds if {
	count(contractor_privileged.finding) == 1 with input as {"as_of": "2026-11-27", "register": _register({"id": "ben", "name": "Ben", "employment": "contractor", "roles": ["dev"]})}
		with data.rolecall.params.contractor_forbidden_role_kinds as ["staff"]
}
