package diff_test

import (
	"fmt"
	"os"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/diff"
)

// Comparing two versions of a register: the lists are in another order, which
// changes nothing; the incident process got a new accountable role and Bob
// left, while the approval date stayed, so the change needs re-approval.
func ExampleCompare() {
	old, err := raci.LoadBytes([]byte(`version: 1
organisation: {name: Example Ltd, approved_on: 2026-01-15}
roles:
  - {id: ceo, name: Chief Executive, kind: senior_management, function: executive}
  - {id: im, name: Incident manager, kind: incident_manager, function: security}
people:
  - {id: ann, name: Ann, roles: [ceo]}
  - {id: bob, name: Bob, roles: [im]}
activities:
  - {id: ir, name: Incident response, process: incident_management, raci: {responsible: [im], accountable: [im]}}
`))
	if err != nil {
		panic(err)
	}
	new, err := raci.LoadBytes([]byte(`version: 1
organisation: {name: Example Ltd, approved_on: 2026-01-15}
roles:
  - {id: im, name: Incident manager, kind: incident_manager, function: security}
  - {id: ceo, name: Chief Executive, kind: senior_management, function: executive}
people:
  - {id: bob, name: Bob, status: leaver}
  - {id: ann, name: Ann, roles: [im, ceo]}
activities:
  - {id: ir, name: Incident response, process: incident_management, raci: {responsible: [im], accountable: [ceo]}}
`))
	if err != nil {
		panic(err)
	}
	d := diff.Compare(old, new)
	if err := d.WriteText(os.Stdout); err != nil {
		panic(err)
	}
	fmt.Println(d.Changed(), d.NeedsReapproval)
	// Output:
	// person ann "Ann" gained role im (directly)
	// person bob "Bob": status changed from active to leaver
	// person bob "Bob" lost role im (directly)
	// activity ir "Incident response": raci.accountable: added ceo; removed im
	//
	// 4 changes of responsibilities.
	// The responsibilities changed but organisation.approved_on is still 2026-01-15: have senior management approve the changed register and record the new date in approved_on.
	// true true
}
