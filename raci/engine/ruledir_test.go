package engine_test

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci/engine"
)

// TestRuleDirectoryNamedTwiceLoadsOnce: the same directory of organisation
// rules named by two options and by a configuration file, in different
// spellings, is loaded once (loading it twice redeclared its packages).
func TestRuleDirectoryNamedTwiceLoadsOnce(t *testing.T) {
	cfg, err := engine.LoadConfig("../../examples/custom-rules/rolecall.yaml")
	if err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs("../../examples/custom-rules/rules")
	if err != nil {
		t.Fatal(err)
	}
	opts := []engine.Option{
		engine.WithConfig(cfg),
		engine.WithRuleDir("../../examples/custom-rules/rules"),
		engine.WithRuleDir("../../examples/custom-rules/./rules/"),
		engine.WithRuleDir(abs),
	}
	eng := newEngine(t, opts...)
	var custom []string
	for _, r := range eng.Rules() {
		if r.Custom {
			custom = append(custom, r.ID)
		}
	}
	if diff := cmp.Diff([]string{"ACME-ASSET-001", "ACME-ASSET-002", "ACME-PEOPLE-001"}, custom); diff != "" {
		t.Errorf("organisation rules (-want +got):\n%s", diff)
	}
	results, err := engine.RunTests(t.Context(), engine.ScopeOrganisation, opts...)
	if err != nil {
		t.Fatalf("RunTests: %v", err)
	}
	if len(results) == 0 {
		t.Fatal("no organisation tests ran")
	}
	for _, r := range results {
		if !r.Pass {
			t.Errorf("%s", r)
		}
	}
}
