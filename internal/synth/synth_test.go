package synth_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/internal/synth"
	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

func TestGenerateIsDeterministic(t *testing.T) {
	t.Parallel()
	a, b := synth.JSON(500, 7), synth.JSON(500, 7)
	if !bytes.Equal(a, b) {
		t.Fatal("JSON(500, 7) differs between two calls")
	}
	if c := synth.JSON(500, 8); bytes.Equal(a, c) {
		t.Fatal("JSON(500, 7) and JSON(500, 8) are the same: the seed is ignored")
	}
	if !bytes.Equal(synth.YAML(200, 3), synth.YAML(200, 3)) {
		t.Fatal("YAML(200, 3) differs between two calls")
	}
}

func TestGenerateShape(t *testing.T) {
	t.Parallel()
	const n = 5000
	reg := synth.Generate(n, 1)
	for _, tc := range []struct {
		name      string
		got, want int
	}{
		{"people", len(reg.People), n},
		{"roles", len(reg.Roles), n / 50},
		{"teams", len(reg.Teams), n / 25},
		{"assets", len(reg.Assets), n / 5},
		{"activities", len(reg.Activities), n / 50},
		{"authorities", len(reg.Authorities), n / 100},
		{"risks", len(reg.Risks), n / 10},
		{"segregation", len(reg.Segregation), 20},
		{"exceptions", len(reg.Exceptions), n / 500},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %d, want %d", tc.name, tc.got, tc.want)
		}
	}
	// Delegations: n/50, plus the occasional one that hands a task back (a cycle).
	if d := len(reg.Delegations); d < n/50 || d > n/50+n/500 {
		t.Errorf("delegations: got %d, want about %d", d, n/50)
	}
}

// TestGenerateIsValid loads the generated JSON and YAML with the real loader.
func TestGenerateIsValid(t *testing.T) {
	t.Parallel()
	for _, profile := range synth.Profiles() {
		for _, n := range []int{1, 60, 2000} {
			opt := synth.WithProfile(profile)
			for name, b := range map[string][]byte{"json": synth.JSON(n, 42, opt), "yaml": synth.YAML(n, 42, opt)} {
				reg, err := raci.LoadBytes(b, raci.WithLimits(synth.Limits(n)))
				if err != nil {
					t.Fatalf("%s n=%d %s: %v", profile, n, name, err)
				}
				if len(reg.People) != n {
					t.Fatalf("%s n=%d %s: loaded %d people", profile, n, name, len(reg.People))
				}
			}
		}
	}
}

// TestEveryRuleFires checks that a 2,000-person register, and a 60-person one
// (where the forced gaps do the work of the dice), have findings of every bundled
// rule, and a few percent of gaps, not more.
func TestEveryRuleFires(t *testing.T) {
	t.Parallel()
	eng, err := engine.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		n       int
		profile synth.Profile
	}{{60, synth.Standard}, {2000, synth.Standard}, {60, synth.Heavy}, {2000, synth.Heavy}} {
		n := tc.n
		reg, err := raci.LoadBytes(synth.JSON(n, 1, synth.WithProfile(tc.profile)))
		if err != nil {
			t.Fatal(err)
		}
		rep, err := eng.Evaluate(context.Background(), reg, synth.AsOf)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		for _, f := range rep.Findings {
			got[f.Rule]++
		}
		t.Logf("%s: %d findings at n=%d: %v", tc.profile, len(rep.Findings), n, got)
		var missing []string
		for _, r := range eng.Rules() {
			if got[r.ID] == 0 {
				missing = append(missing, r.ID)
			}
		}
		if diff := cmp.Diff([]string(nil), missing); diff != "" {
			t.Errorf("%s n=%d: rules without findings (-want +got):\n%s\nfindings per rule: %v", tc.profile, n, diff, got)
		}
		if n < 1000 {
			continue // A tiny register is mostly forced gaps.
		}
		// Person rules fire for a few percent of people, not for most of them.
		for _, id := range []string{"A52-COMM-001", "A52-COMM-002", "A52-COMM-003", "A52-COMM-004", "A52-COMP-001",
			"A52-PEOPLE-001", "A52-PEOPLE-002", "A52-SOD-001", "A52-SOD-002", "A52-DATE-001"} {
			if got[id] > n/10 {
				t.Errorf("n=%d: %s has %d findings for %d people: more than 10%%", n, id, got[id], n)
			}
		}
		// About 25 findings per 100 people in all (v1 registers had about 15 with
		// the 33 rules of catalogue v1).
		if f := len(rep.Findings); f > n/2 {
			t.Errorf("n=%d: %d findings, more than 50 per 100 people", n, f)
		}
	}
}

// TestHeavyProfile checks what the Heavy profile adds to a register: every
// person has an e-mail address and three or four competence records, the entity
// counts stay those of Standard, and the JSON is 1.5 to 1.7 times as large.
func TestHeavyProfile(t *testing.T) {
	t.Parallel()
	const n = 3000
	std, heavy := synth.Generate(n, 1), synth.Generate(n, 1, synth.WithProfile(synth.Heavy))
	counts := func(r *raci.Register) []int {
		return []int{len(r.People), len(r.Roles), len(r.Teams), len(r.Assets), len(r.Activities),
			len(r.Authorities), len(r.Delegations), len(r.Risks), len(r.Segregation), len(r.Exceptions)}
	}
	if diff := cmp.Diff(counts(std), counts(heavy)); diff != "" {
		t.Errorf("entity counts differ between the profiles (-standard +heavy):\n%s", diff)
	}
	var noEmail, fewRecords int
	records := map[int]int{}
	for _, p := range heavy.People {
		if p.Email == "" {
			noEmail++
		}
		records[len(p.Competences)]++
		if len(p.Competences) < 3 {
			fewRecords++
		}
	}
	if noEmail != 0 {
		t.Errorf("%d of %d people have no e-mail address, want none", noEmail, n)
	}
	// A person whose role requires a competence they lack (the A52-COMP-001
	// gap) may keep fewer than three; anyone else has three or four.
	if fewRecords > n/20 {
		t.Errorf("%d of %d people have fewer than 3 competence records, want only the gaps; records per person: %v", fewRecords, n, records)
	}
	if records[3] == 0 || records[4] == 0 {
		t.Errorf("records per person %v: want both 3 and 4", records)
	}
	sj, hj := synth.JSON(n, 1), synth.JSON(n, 1, synth.WithProfile(synth.Heavy))
	if ratio := float64(len(hj)) / float64(len(sj)); ratio < 1.5 || ratio > 1.7 {
		t.Errorf("heavy JSON is %d bytes, standard %d: ratio %.2f, want 1.5-1.7", len(hj), len(sj), ratio)
	}
	if _, err := synth.ParseProfile("heavy"); err != nil {
		t.Errorf("ParseProfile(heavy): %v", err)
	}
	if _, err := synth.ParseProfile("huge"); err == nil {
		t.Error("ParseProfile(huge) accepted an unknown profile")
	}
}

// TestGenerateUsesRevision2 checks that the registers use the keys and values of
// register format revision 2 as an organisation's export would.
func TestGenerateUsesRevision2(t *testing.T) {
	t.Parallel()
	const n = 2000
	reg := synth.Generate(n, 1)
	if o := reg.Organisation; o.DPORequired == nil || !*o.DPORequired {
		t.Error("organisation.dpo_required is not true")
	}
	if reg.Policy == nil || reg.Policy.ReviewedOn == nil {
		t.Error("policy.reviewed_on is missing")
	}
	kinds := map[raci.RoleKind]int{}
	reporting, deputised := 0, 0
	for _, r := range reg.Roles {
		kinds[r.Kind]++
		if r.ReportsTo != "" {
			reporting++
		}
		if len(r.Deputies) > 0 {
			deputised++
		}
	}
	if reporting < len(reg.Roles)*9/10 {
		t.Errorf("%d of %d roles have reports_to, want most", reporting, len(reg.Roles))
	}
	critical := kinds["isms_manager"] + kinds["ciso"] + kinds["incident_manager"] + kinds["business_continuity_lead"]
	if deputised < critical*3/4 {
		t.Errorf("%d roles have deputies, want most of the %d critical roles", deputised, critical)
	}
	if kinds["internal_auditor"] == 0 {
		t.Error("no role of kind internal_auditor")
	}
	processes := map[raci.Process]int{}
	for _, a := range reg.Activities {
		processes[a.Process]++
	}
	for _, p := range []raci.Process{"internal_audit", "management_review", "access_review"} {
		if processes[p] == 0 {
			t.Errorf("no %s activity", p)
		}
	}
	accepted, withResidual := 0, 0
	for _, r := range reg.Risks {
		if r.Acceptance != nil {
			accepted++
			if r.Acceptance.Residual != "" {
				withResidual++
			}
		}
	}
	if accepted < len(reg.Risks)/2 || withResidual != accepted {
		t.Errorf("%d of %d risks have an acceptance, %d of them with a residual level: want most, all", accepted, len(reg.Risks), withResidual)
	}
}

// TestAdversarialShapes loads every adversarial shape with the real loader and
// checks the size of what makes it adversarial.
func TestAdversarialShapes(t *testing.T) {
	t.Parallel()
	const n = 400
	size := func(shape synth.Shape, reg *raci.Register) int {
		switch shape {
		case synth.ShapeDelegationChain, synth.ShapeOpenChain:
			return len(reg.Delegations)
		case synth.ShapeWideTeams:
			m := 0
			for _, tm := range reg.Teams {
				m += len(tm.Members)
			}
			return m
		case synth.ShapeUndefinedRACI:
			return len(reg.Activities[0].RACI.Responsible)
		case synth.ShapeManyPeople:
			return len(reg.People) - 1
		case synth.ShapeReportingChain:
			return len(reg.Roles) - 1
		}
		return -1
	}
	want := map[synth.Shape]int{synth.ShapeDelegationChain: n + 1, synth.ShapeOpenChain: n, synth.ShapeWideTeams: 400, synth.ShapeUndefinedRACI: n, synth.ShapeManyPeople: n, synth.ShapeReportingChain: n}
	for _, shape := range synth.Shapes() {
		reg, err := synth.Adversarial(shape, n)
		if err != nil {
			t.Fatal(err)
		}
		js, err := json.Marshal(reg)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := raci.LoadBytes(js); err != nil {
			t.Errorf("%s: the register does not load: %v", shape, err)
		}
		if got := size(shape, reg); got != want[shape] {
			t.Errorf("%s: size %d, want %d", shape, got, want[shape])
		}
	}
	if _, err := synth.Adversarial("no-such-shape", n); err == nil {
		t.Error("an unknown shape was accepted")
	}
}
