package engine_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// TestWithOnly checks that a selection reports exactly the findings a full
// evaluation reports for the selected rules, waivers included, and that
// A52-EXC-002 judges exceptions against the selected rules only.
func TestWithOnly(t *testing.T) {
	reg, err := raci.LoadFile("../../examples/registers/acme.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	evaluate := func(opts ...engine.Option) []engine.Finding {
		t.Helper()
		eng, err := engine.New(ctx, opts...)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := eng.Evaluate(ctx, reg, goldenDate)
		if err != nil {
			t.Fatal(err)
		}
		return rep.Findings
	}
	full := evaluate()
	of := func(fs []engine.Finding, ids ...string) []engine.Finding {
		var out []engine.Finding
		for _, f := range fs {
			if slices.Contains(ids, f.Rule) {
				out = append(out, f)
			}
		}
		return out
	}
	tcs := []struct {
		name string
		opts []engine.Option
		want []engine.Finding
	}{
		{"one rule", []engine.Option{engine.WithOnly("A52-ASSET-001")}, of(full, "A52-ASSET-001")},
		{"two calls add up", []engine.Option{engine.WithOnly("A52-ASSET-001"), engine.WithOnly("A52-COMM-002")}, of(full, "A52-ASSET-001", "A52-COMM-002")},
		{"disabled wins", []engine.Option{engine.WithOnly("A52-ASSET-001", "A52-COMM-002"), engine.WithDisabled("A52-COMM-002")}, of(full, "A52-ASSET-001")},
		{"EXC-002 with the rules its exceptions waive", []engine.Option{engine.WithOnly("A52-EXC-002", "A52-ASSET-001", "A52-COMM-002")}, of(full, "A52-EXC-002", "A52-ASSET-001", "A52-COMM-002")},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.want) == 0 {
				t.Fatal("the full evaluation has no finding of the selected rules: the case proves nothing")
			}
			if diff := cmp.Diff(tc.want, evaluate(tc.opts...)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}

	// Alone, A52-EXC-002 sees every other rule disabled: each exception in
	// force (not expired) waives nothing, and says why.
	var want []string
	for _, e := range reg.Exceptions {
		if !e.ExpiresOn.Time().Before(goldenDate.Time()) {
			want = append(want, "exception:"+e.ID)
		}
	}
	var got []string
	for _, f := range evaluate(engine.WithOnly("A52-EXC-002")) {
		if f.Rule != "A52-EXC-002" || !strings.Contains(f.Message, "is disabled, so it has no findings to waive") {
			t.Errorf("A52-EXC-002 alone: unexpected finding %+v", f)
		}
		got = append(got, f.Subject)
	}
	if len(want) == 0 {
		t.Fatal("the register has no exception in force: the case proves nothing")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("A52-EXC-002 alone (-want +got):\n%s", diff)
	}
}

// TestWithOnlyRules checks that Rules marks the rules left out as disabled.
func TestWithOnlyRules(t *testing.T) {
	eng, err := engine.New(context.Background(), engine.WithOnly("A52-REF-001"))
	if err != nil {
		t.Fatal(err)
	}
	var enabled []string
	for _, r := range eng.Rules() {
		if !r.Disabled {
			enabled = append(enabled, r.ID)
		}
	}
	if diff := cmp.Diff([]string{"A52-REF-001"}, enabled); diff != "" {
		t.Errorf("enabled rules (-want +got):\n%s", diff)
	}
}
