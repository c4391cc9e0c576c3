package who_test

import (
	"context"
	"encoding/json"
	"testing"

	"pgregory.net/rapid"

	"github.com/rolecall/rolecall/internal/randreg"
	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/who"
)

// TestMayDecideIsRisk004 holds MayDecide to the entitlement reading of rule
// A52-RISK-004, evaluated by the real rule: on generated registers, for every
// risk acceptance, MayDecide for the risk includes the acceptor exactly when
// A52-RISK-004 does not fire for the risk; and asking with the risk's assets,
// level and owner written out gives the same people. It runs with the bundled
// parameters and with both acceptance parameters changed.
func TestMayDecideIsRisk004(t *testing.T) {
	ctx := context.Background()
	var allAcceptances, allEntitled int
	for _, params := range []map[string]any{
		nil,
		{"owner_may_accept_up_to": "high", "senior_acceptance_from": "critical"},
		{"owner_may_accept_up_to": "low", "senior_acceptance_from": "critical"},
	} {
		eng, err := engine.New(ctx, engine.WithParams(params))
		if err != nil {
			t.Fatal(err)
		}
		var acceptances, entitled int
		rapid.Check(t, func(rt *rapid.T) {
			reg := randreg.New(randreg.RapidChooser{T: rt}).Register()
			// Round-trip through JSON, as the engine's property tests do, so that
			// the register is one the loader accepts.
			b, err := json.Marshal(reg)
			if err != nil {
				rt.Fatal(err)
			}
			reg, err = raci.LoadBytes(b, raci.WithFormat(raci.FormatJSON))
			if err != nil {
				rt.Fatalf("generated register does not load: %v", err)
			}
			asOf := randreg.New(randreg.RapidChooser{T: rt}).Date()
			// The generator seldom makes an entitled acceptor, so each acceptance
			// keeps its acceptor, takes a person of the register, or takes one of
			// the people MayDecide entitles: both sides of the equivalence are
			// tried, and an entitlement MayDecide grants wrongly makes the rule fire.
			pre, err := who.New(reg, asOf, who.WithParams(params))
			if err != nil {
				rt.Fatal(err)
			}
			for i := range reg.Risks {
				k := &reg.Risks[i]
				if k.Acceptance == nil {
					continue
				}
				ans, err := pre.MayDecide(who.DecisionQuery{Decision: raci.DecisionAcceptRisk, Risk: k.ID})
				if err != nil {
					rt.Fatal(err)
				}
				switch rapid.IntRange(0, 2).Draw(rt, "acceptor") {
				case 1:
					if len(reg.People) > 0 {
						k.Acceptance.By = reg.People[rapid.IntRange(0, len(reg.People)-1).Draw(rt, "person")].ID
					}
				case 2:
					if ps := ans.Decision.People; len(ps) > 0 {
						k.Acceptance.By = ps[rapid.IntRange(0, len(ps)-1).Draw(rt, "entitled")].ID
					}
				}
			}
			rep, err := eng.Evaluate(ctx, reg, asOf)
			if err != nil {
				rt.Fatal(err)
			}
			fired := map[string]bool{}
			for _, f := range rep.Findings {
				if f.Rule == "A52-RISK-004" {
					fired[f.Subject] = true
				}
			}
			q, err := who.New(reg, asOf, who.WithParams(params))
			if err != nil {
				rt.Fatal(err)
			}
			for _, k := range reg.Risks {
				if k.Acceptance == nil {
					continue
				}
				acceptances++
				byRisk, err := q.MayDecide(who.DecisionQuery{Decision: raci.DecisionAcceptRisk, Risk: k.ID})
				if err != nil {
					rt.Fatal(err)
				}
				level := k.Residual
				if level == "" {
					level = raci.RiskHigh
				}
				written, err := q.MayDecide(who.DecisionQuery{Decision: raci.DecisionAcceptRisk, Assets: k.Assets, Level: level, Owner: k.Owner})
				if err != nil {
					rt.Fatal(err)
				}
				includes := byRisk.Decision.Includes(k.Acceptance.By)
				if includes {
					entitled++
				}
				if includes == fired["risk:"+k.ID] {
					rt.Fatalf("risk %s accepted by %s: MayDecide includes the acceptor = %v, A52-RISK-004 fired = %v\nanswer: %+v",
						k.ID, k.Acceptance.By, includes, fired["risk:"+k.ID], byRisk.Decision)
				}
				if written.Decision.Includes(k.Acceptance.By) != includes {
					rt.Fatalf("risk %s: asking with its assets, level and owner written out disagrees with asking by its id", k.ID)
				}
			}
		})
		t.Logf("params %v: %d of %d acceptances entitled", params, entitled, acceptances)
		allEntitled, allAcceptances = allEntitled+entitled, allAcceptances+acceptances
	}
	// Both sides of the equivalence must have been tried.
	if allEntitled == 0 || allEntitled == allAcceptances {
		t.Errorf("%d of %d acceptances were entitled; the test must try both entitled and unentitled acceptors", allEntitled, allAcceptances)
	}
}
