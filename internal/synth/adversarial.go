package synth

import (
	"fmt"

	"github.com/rolecall/rolecall/raci"
)

// The adversarial shapes below are small registers built to make one rule as
// expensive as the input limits allow: long chains, wide joins and huge lists of
// references. They are valid registers (each loads) but not realistic ones; the
// complexity guard of package engine evaluates each at two sizes and checks that
// the cost grows linearly.

// Shape names an adversarial register shape.
type Shape string

// The adversarial shapes.
const (
	// ShapeDelegationChain is n roles and n delegations of one activity forming
	// one chain r0 -> r1 -> ... -> rn, closed into a cycle by a last delegation
	// rn -> r0, so that every delegation is on one cycle of length n+1.
	ShapeDelegationChain Shape = "delegation-chain"
	// ShapeOpenChain is ShapeDelegationChain without the closing delegation: no
	// cycle, but every role reaches every role after it.
	ShapeOpenChain Shape = "open-chain"
	// ShapeWideTeams is k = isqrt(n) people and k teams, each holding every
	// person and two roles: about n memberships.
	ShapeWideTeams Shape = "wide-teams"
	// ShapeUndefinedRACI is one activity whose responsible list names n roles
	// that are not defined.
	ShapeUndefinedRACI Shape = "undefined-raci"
	// ShapeManyPeople is n people with only an id and a name.
	ShapeManyPeople Shape = "many-people"
	// ShapeReportingChain is n CISO roles, each reporting to the next, the last
	// to the chief executive: every security lead's reporting line is long
	// (A52-GOV-001 once walked each in full, 40 GB at n = 2,000).
	ShapeReportingChain Shape = "reporting-chain"
)

// Shapes lists every adversarial shape.
func Shapes() []Shape {
	return []Shape{ShapeDelegationChain, ShapeOpenChain, ShapeWideTeams, ShapeUndefinedRACI, ShapeManyPeople, ShapeReportingChain}
}

// Adversarial returns a register of the given shape and size n (n >= 1). The same
// shape and n always give the same register.
func Adversarial(shape Shape, n int) (*raci.Register, error) {
	n = max(n, 1)
	reg := &raci.Register{
		Version:      1,
		Organisation: raci.Organisation{Name: "Adversarial " + string(shape)},
		Roles:        []raci.Role{{ID: "ceo", Name: "Chief executive", Kind: raci.KindSeniorManagement, Function: raci.FuncExecutive}},
		People:       []raci.Person{{ID: "p0", Name: "Person 0", Roles: []string{"ceo"}}},
	}
	switch shape {
	case ShapeDelegationChain, ShapeOpenChain:
		reg.Activities = []raci.Activity{{ID: "a1", Name: "Chained activity", Process: raci.ProcIncidentMgmt,
			RACI: &raci.RACI{Responsible: []string{"r0"}, Accountable: []string{"ceo"}}}}
		for i := 0; i <= n; i++ {
			reg.Roles = append(reg.Roles, raci.Role{ID: fmt.Sprintf("r%d", i), Name: fmt.Sprintf("Role %d", i), Kind: raci.KindOther, Function: raci.FuncIT})
		}
		for i := range n {
			reg.Delegations = append(reg.Delegations, raci.Delegation{ID: fmt.Sprintf("d%d", i), Activity: "a1", From: fmt.Sprintf("r%d", i), To: fmt.Sprintf("r%d", i+1)})
		}
		if shape == ShapeDelegationChain {
			reg.Delegations = append(reg.Delegations, raci.Delegation{ID: fmt.Sprintf("d%d", n), Activity: "a1", From: fmt.Sprintf("r%d", n), To: "r0"})
		}
	case ShapeWideTeams:
		k := 1
		for (k+1)*(k+1) <= n {
			k++
		}
		reg.Roles = append(reg.Roles,
			raci.Role{ID: "member", Name: "Team member", Kind: raci.KindOther, Function: raci.FuncIT},
			raci.Role{ID: "helper", Name: "Team helper", Kind: raci.KindOther, Function: raci.FuncIT})
		ids := make([]string, 0, k)
		for i := 1; i <= k; i++ {
			id := fmt.Sprintf("p%d", i)
			ids = append(ids, id)
			reg.People = append(reg.People, raci.Person{ID: id, Name: "Person " + id})
		}
		for i := range k {
			reg.Teams = append(reg.Teams, raci.Team{ID: fmt.Sprintf("t%d", i), Name: fmt.Sprintf("Team %d", i), Members: ids, Roles: []string{"member", "helper"}})
		}
	case ShapeUndefinedRACI:
		act := raci.Activity{ID: "a1", Name: "Crowded activity", Process: raci.ProcIncidentMgmt, RACI: &raci.RACI{Accountable: []string{"ceo"}}}
		for i := range n {
			act.RACI.Responsible = append(act.RACI.Responsible, fmt.Sprintf("undefined-%d", i))
		}
		reg.Activities = []raci.Activity{act}
	case ShapeReportingChain:
		for i := range n {
			next := fmt.Sprintf("c%d", i+1)
			if i == n-1 {
				next = "ceo"
			}
			reg.Roles = append(reg.Roles, raci.Role{ID: fmt.Sprintf("c%d", i), Name: fmt.Sprintf("Security lead %d", i), Kind: raci.KindCISO, Function: raci.FuncSecurity, ReportsTo: next})
		}
	case ShapeManyPeople:
		for i := 1; i <= n; i++ {
			id := fmt.Sprintf("p%d", i)
			reg.People = append(reg.People, raci.Person{ID: id, Name: "Person " + id})
		}
	default:
		return nil, fmt.Errorf("synth: unknown adversarial shape %q, want one of %v", shape, Shapes())
	}
	return reg, nil
}
