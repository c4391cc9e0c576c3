package engine_test

import (
	"context"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/rolecall/rolecall/internal/randreg"
)

// seededChooser draws the generator's decisions from a seeded PRNG, so that
// the coverage test sees the same registers on every run.
type seededChooser struct{ r *rand.Rand }

func (c seededChooser) Intn(n int) int {
	if n <= 1 {
		return 0
	}
	return c.r.IntN(n)
}

// generatorDraws is how many registers the coverage test draws: about what a
// property test sees in one run.
const generatorDraws = 100

// TestGeneratorFiresEveryRule measures how often each rule fires over the
// registers internal/randreg builds (the property tests' and fuzz targets'
// generator) and fails when a rule never fires, or fires in fewer than
// minFirings of the draws: a property that holds on registers where a rule
// never fires says nothing about that rule. It also counts waived findings and
// multi-step delegation cycles, which the generator makes on purpose.
func TestGeneratorFiresEveryRule(t *testing.T) {
	const minFirings = 3
	eng := newEngine(t)
	fired := map[string]int{}
	waived, longCycles := 0, 0
	for seed := range uint64(generatorDraws) {
		b := randreg.New(seededChooser{rand.New(rand.NewPCG(seed, 0x5eed))})
		reg := b.Register()
		rep, err := eng.Evaluate(context.Background(), reg, b.Date())
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		seen := map[string]bool{}
		hasWaived, longCycle := false, false
		for _, f := range rep.Findings {
			seen[f.Rule] = true
			if f.Waived != "" {
				hasWaived = true
			}
			// the generator's three-step cycle (randreg's shapes)
			if f.Rule == "A52-DELEG-005" && f.Subject == "delegation:d-cycle-a" {
				longCycle = true
			}
		}
		if longCycle {
			longCycles++
		}
		for id := range seen {
			fired[id]++
		}
		if hasWaived {
			waived++
		}
	}
	var rows []string
	for _, r := range eng.Rules() {
		rows = append(rows, r.ID)
		if fired[r.ID] < minFirings {
			t.Errorf("%s fired in %d of %d generated registers, want at least %d: make internal/randreg build the case it finds", r.ID, fired[r.ID], generatorDraws, minFirings)
		}
	}
	if waived < minFirings*2 {
		t.Errorf("%d of %d generated registers have a waived finding, want at least %d", waived, generatorDraws, minFirings*2)
	}
	if longCycles < minFirings {
		t.Errorf("A52-DELEG-005 found a multi-step cycle in %d of %d generated registers, want at least %d", longCycles, generatorDraws, minFirings)
	}
	sort.Strings(rows)
	var b strings.Builder
	for _, id := range rows {
		b.WriteString(id)
		b.WriteString(" ")
		b.WriteString(strings.Repeat("#", fired[id]/2))
		b.WriteString("\n")
	}
	t.Logf("registers with a finding of each rule, of %d (waived findings in %d, three-step delegation cycles in %d):\n%s", generatorDraws, waived, longCycles, b.String())
}
