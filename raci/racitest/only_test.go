package racitest_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/racitest"
)

// onlyRegister has an asset without an owner (A52-ASSET-001) and, among
// other things, an activity nobody is accountable for, which other rules
// report.
const onlyRegister = `
	version: 1
	organisation: {name: Acme}
	roles:
	  - {id: ciso, name: CISO, kind: ciso, function: security}
	people:
	  - {id: ada, name: Ada, roles: [ciso]}
	assets:
	  - {id: crm, name: CRM, type: saas}
	  - {id: wiki, name: Wiki, type: saas, owner: ciso}
`

// TestEngineWithOnly is the pattern for a test of one rule: the engine
// evaluates only that rule, so the assertion lists its findings alone and
// does not change when another rule starts reporting on the same register.
func TestEngineWithOnly(t *testing.T) {
	eng := racitest.Engine(t, engine.WithOnly("A52-ASSET-001"))
	rep := racitest.Evaluate(t, eng, racitest.Register(t, onlyRegister), "2026-11-27")
	racitest.AssertPairs(t, rep, []racitest.Pair{racitest.NewPair("A52-ASSET-001", "asset:crm")})
}

// ExamplePairs shows an engine that evaluates one rule (engine.WithOnly), and
// its findings as pairs of rule and subject.
func ExamplePairs() {
	ctx := context.Background()
	eng, err := engine.New(ctx, engine.WithOnly("A52-ASSET-001"))
	if err != nil {
		fmt.Println(err)
		return
	}
	reg, err := raci.LoadBytes([]byte(racitest.Dedent(onlyRegister)))
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, err := eng.Evaluate(ctx, reg, raci.MustDate("2026-11-27"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(racitest.Pairs(rep.Findings))
	// Output:
	// [A52-ASSET-001 asset:crm]
}
