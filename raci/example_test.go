package raci_test

import (
	"errors"
	"fmt"

	"github.com/rolecall/rolecall/raci"
)

// Loading a register: a bad one gives every problem with its JSON pointer, line
// and column.
func ExampleLoadBytes() {
	_, err := raci.LoadBytes([]byte(`version: 1
organisation: {name: Example Ltd}
roles:
  - {id: ceo, name: Chief Executive, kind: boss, function: executive}
people: []
assets:
  - {id: crm, name: CRM, type: saas, ownr: ceo}
`))
	var le *raci.LoadError
	if errors.As(err, &le) {
		for _, p := range le.Problems {
			fmt.Println(p)
		}
	}
	// Output:
	// line 4, col 44, /roles/0/kind: "boss" is not one of senior_management, isms_manager, ciso, asset_owner, process_owner, risk_owner, data_protection_officer, incident_manager, business_continuity_lead, supplier_manager, system_administrator, internal_auditor, staff, other
	// line 7, col 38, /assets/0/ownr: unknown key "ownr" (did you mean "owner"?): expected one of attributes, classification, custodian, id, name, owner, personal_data, type
}

// Holding follows the format's definition: directly or through a team.
func ExampleIndex_HoldersOf() {
	reg, err := raci.LoadBytes([]byte(`version: 1
organisation: {name: X}
roles:
  - {id: sysadmin, name: Systems Administrator, kind: system_administrator, function: it}
people:
  - {id: ann, name: Ann, roles: [sysadmin]}
  - {id: bob, name: Bob, status: leaver}
teams:
  - {id: ops, name: Operations, members: [bob], roles: [sysadmin]}
`))
	if err != nil {
		panic(err)
	}
	idx := reg.Index()
	fmt.Println(idx.HoldersOf("sysadmin"), idx.RolesOf("bob"), idx.Allocated("sysadmin"))
	// Output:
	// [ann bob] [sysadmin] true
}
