package synth_test

import (
	"bytes"
	"context"
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
	for _, n := range []int{1, 60, 2000} {
		for name, b := range map[string][]byte{"json": synth.JSON(n, 42), "yaml": synth.YAML(n, 42)} {
			reg, err := raci.LoadBytes(b, raci.WithLimits(synth.Limits(n)))
			if err != nil {
				t.Fatalf("n=%d %s: %v", n, name, err)
			}
			if len(reg.People) != n {
				t.Fatalf("n=%d %s: loaded %d people", n, name, len(reg.People))
			}
		}
	}
}

// TestEveryRuleFires checks that a 2,000-person register has findings of every
// bundled rule, and a few percent of gaps, not more.
func TestEveryRuleFires(t *testing.T) {
	t.Parallel()
	const n = 2000
	reg, err := raci.LoadBytes(synth.JSON(n, 1))
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(context.Background())
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
	t.Logf("%d findings at n=%d: %v", len(rep.Findings), n, got)
	var missing []string
	for _, r := range eng.Rules() {
		if got[r.ID] == 0 {
			missing = append(missing, r.ID)
		}
	}
	if diff := cmp.Diff([]string(nil), missing); diff != "" {
		t.Errorf("rules without findings (-want +got):\n%s\nfindings per rule: %v", diff, got)
	}
	// Person rules fire for a few percent of people, not for most of them.
	for _, id := range []string{"A52-COMM-001", "A52-COMM-002", "A52-COMM-003", "A52-COMP-001"} {
		if got[id] > n/10 {
			t.Errorf("%s has %d findings for %d people: more than 10%%", id, got[id], n)
		}
	}
}
