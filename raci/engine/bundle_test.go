package engine_test

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// TestBundleEvaluatesLikeTheEngine loads the written bundle with OPA's own
// bundle loader (in process) and checks it gives the engine's findings, with the
// organisation's rules, parameters and severity overrides included.
func TestBundleEvaluatesLikeTheEngine(t *testing.T) {
	cfg, err := engine.LoadConfig("../../examples/custom-rules/rolecall.yaml")
	if err != nil {
		t.Fatal(err)
	}
	eng := newEngine(t, engine.WithConfig(cfg))
	path := filepath.Join(t.TempDir(), "b.tar.gz")
	if err := eng.WriteBundleFile(path); err != nil {
		t.Fatal(err)
	}
	reg, err := raci.LoadFile("../../examples/registers/acme.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eng.Evaluate(context.Background(), reg, goldenDate)
	if err != nil {
		t.Fatal(err)
	}
	input, err := engine.Input(reg, goldenDate)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rego.New(rego.Query("data.rolecall.report"), rego.LoadBundle(path), rego.Input(input)).Eval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var got []engine.Finding
	b, _ := json.Marshal(rs[0].Expressions[0].Value.(map[string]any)["findings"])
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	engine.SortFindings(got)
	want := append([]engine.Finding{}, rep.Findings...)
	custom := 0
	for i := range want {
		want[i].File, want[i].Line, want[i].Column = "", 0, 0
		if want[i].Rule[:4] == "ACME" {
			custom++
		}
	}
	if custom == 0 {
		t.Fatal("the engine reported no organisation finding; the test would prove nothing")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("bundle findings differ from the engine's (-engine +bundle):\n%s", diff)
	}
	// The same rules and configuration give the same bytes.
	var b1, b2 bytes.Buffer
	if err := eng.WriteBundle(&b1); err != nil {
		t.Fatal(err)
	}
	if err := newEngine(t, engine.WithConfig(cfg)).WriteBundle(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Error("two bundles of the same rules and configuration differ")
	}
}
