package rules_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/rolecall/rolecall/internal/ruleset"
	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/racitest"
	"github.com/rolecall/rolecall/rules"
)

// TestRego runs every bundled _test.rego through OPA's tester, each Rego test as
// its own Go subtest.
func TestRego(t *testing.T) {
	racitest.RunRegoTests(t, engine.ScopeBundled)
}

// TestFormatted checks that every Rego file is formatted as `opa fmt` formats it.
func TestFormatted(t *testing.T) {
	err := fs.WalkDir(rules.FS(), "rolecall", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".rego" {
			return err
		}
		src, err := fs.ReadFile(rules.FS(), p)
		if err != nil {
			return err
		}
		want, err := format.SourceWithOpts(p, src, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		if diff := cmp.Diff(string(want), string(src)); diff != "" {
			t.Errorf("%s is not opa fmt formatted (-want +got):\n%s", p, diff)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestDeterministicByConstruction compiles the bundled rules against
// capabilities without clock, network or random builtins, and checks a rule
// that calls one is refused by the same capabilities.
func TestDeterministicByConstruction(t *testing.T) {
	mods, err := ruleset.ParseDir(rules.FS(), "rolecall")
	if err != nil {
		t.Fatal(err)
	}
	caps := ruleset.SandboxCapabilities()
	for _, b := range caps.Builtins {
		for _, banned := range []string{"time.now_ns", "http.send", "rand.intn", "net.lookup_ip_addr", "uuid.rfc4122", "opa.runtime"} {
			if b.Name == banned {
				t.Errorf("sandbox capabilities still allow %s", banned)
			}
		}
	}
	compile := func(mods map[string]*ast.Module) error {
		c := ast.NewCompiler().WithCapabilities(caps)
		c.Compile(mods)
		if c.Failed() {
			return c.Errors
		}
		return nil
	}
	if err := compile(mods); err != nil {
		t.Fatalf("bundled rules do not compile in the sandbox: %v", err)
	}
	bad := ast.MustParseModuleWithOpts("package rolecall.rules.clock\n\nnow := time.now_ns()\n", ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err := compile(map[string]*ast.Module{"clock.rego": bad}); err == nil || !strings.Contains(err.Error(), "time.now_ns") {
		t.Fatalf("a rule calling time.now_ns compiled in the sandbox: %v", err)
	}
}

// TestCatalogueDataFresh checks that rolecall/catalogue/data.json, which plain
// OPA reads, matches the METADATA (regenerate with go run ./rules/internal/gencatalogue).
func TestCatalogueDataFresh(t *testing.T) {
	cat, err := ruleset.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(map[string]any{"rules": ruleset.CatalogueData(cat)})
	if err != nil {
		t.Fatal(err)
	}
	var want, got any
	_ = json.Unmarshal(b, &want)
	onDisk, err := fs.ReadFile(rules.FS(), "rolecall/catalogue/data.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(onDisk, &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("catalogue/data.json is stale; run go run ./rules/internal/gencatalogue (-want +got):\n%s", diff)
	}
}

// TestPlainOPAMatchesEngine evaluates the rules directory as a plain OPA bundle
// (its own data.json files, no Go engine) and compares with the engine.
func TestPlainOPAMatchesEngine(t *testing.T) {
	ctx := context.Background()
	reg, err := raci.LoadFile("../examples/registers/acme.yaml")
	if err != nil {
		t.Fatalf("examples/registers/acme.yaml does not load: %v", err)
	}
	eng := racitest.Engine(t)
	rep := racitest.Evaluate(t, eng, reg, "2026-11-27")
	input, err := engine.Input(reg, raci.MustDate("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(".manifest"); err != nil {
		t.Fatal(err)
	}
	rs, err := rego.New(rego.Query("data.rolecall.report"), rego.LoadBundle("."), rego.Input(input)).Eval(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var plain []engine.Finding
	b, _ := json.Marshal(rs[0].Expressions[0].Value.(map[string]any)["findings"])
	if err := json.Unmarshal(b, &plain); err != nil {
		t.Fatal(err)
	}
	engine.SortFindings(plain)
	got := append([]engine.Finding{}, rep.Findings...)
	for i := range got {
		got[i].Line, got[i].Column, got[i].File = 0, 0, ""
	}
	if diff := cmp.Diff(got, plain); diff != "" {
		t.Errorf("plain OPA differs from the engine (-engine +opa):\n%s", diff)
	}
}
