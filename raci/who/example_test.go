package who_test

import (
	"fmt"
	"os"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/who"
)

const exampleRegister = `version: 1
organisation: {name: Example Ltd}
roles:
  - {id: ceo, name: Chief Executive, kind: senior_management, function: executive}
  - {id: incident-manager, name: Incident manager, kind: incident_manager, function: security, deputies: [dev]}
people:
  - {id: ann, name: Ann, roles: [ceo]}
  - {id: bob, name: Bob, status: on_leave, roles: [incident-manager]}
  - {id: dev, name: Dev}
activities:
  - {id: ir, name: Incident response, process: incident_management, raci: {responsible: [incident-manager], accountable: [ceo]}}
authorities:
  - {id: board, decision: accept_risk, approver: ceo, max_risk_level: critical}
`

// Who to tell about an incident: the holder of the responsible role is on
// leave, so the answer names the deputy who stands in.
func ExampleQuerier_Incident() {
	reg, err := raci.LoadBytes([]byte(exampleRegister))
	if err != nil {
		panic(err)
	}
	q, err := who.New(reg, raci.MustDate("2026-11-27"))
	if err != nil {
		panic(err)
	}
	ans, err := q.Incident()
	if err != nil {
		panic(err)
	}
	if err := ans.WriteText(os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// Who to tell about an incident (incident_management: responsible or accountable), as of 2026-11-27:
	//
	//   responsible for activity ir "Incident response": role incident-manager "Incident manager"
	//     held by bob "Bob" (on leave)
	//     deputies: dev "Dev" (active)
	//     no holder can act today; a deputy stands in
	//
	//   accountable for activity ir "Incident response": role ceo "Chief Executive"
	//     held by ann "Ann" (active)
}

// Who may accept a high risk: the people an accept_risk authority entitles,
// exactly as rule A52-RISK-004 reads it.
func ExampleQuerier_MayDecide() {
	reg, err := raci.LoadBytes([]byte(exampleRegister))
	if err != nil {
		panic(err)
	}
	q, err := who.New(reg, raci.MustDate("2026-11-27"))
	if err != nil {
		panic(err)
	}
	ans, err := q.MayDecide(who.DecisionQuery{Decision: raci.DecisionAcceptRisk, Level: raci.RiskHigh})
	if err != nil {
		panic(err)
	}
	for _, p := range ans.Decision.People {
		fmt.Println(p.ID, p.Via, p.CanAct)
	}
	fmt.Println(ans.Decision.Includes("bob"))
	// Output:
	// ann [authority:board] true
	// false
}
