package rules_test

import (
	"context"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/loader"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/rolecall/rolecall/rules"
)

// Suffixes of the variants TestEveryRuleHasAFiringTestAndANearMiss adds to
// each Rego test.
const (
	emptyVariant    = "__with_no_finding"
	sentinelVariant = "__with_a_stray_finding"
)

// TestEveryRuleHasAFiringTestAndANearMiss (which replaces counting test_
// rules) checks, by running them, that each
// rule's tests include a case that fires and a near miss that must not fire;
// counting test_ rules would not tell. Each Rego test runs twice more, with the
// rule's finding set replaced (OPA's with keyword) first by the empty set, then
// by a set holding one stray finding:
//   - a firing test passes as written and fails with no finding;
//   - a near miss passes as written and with no finding, and fails with the
//     stray finding (it looks at the findings and expects none of them).
//
// A52-EXC-002 has no finding set of its own (report.rego computes it from the
// other rules' findings): its tests call findings_of, which is replaced instead.
func TestEveryRuleHasAFiringTestAndANearMiss(t *testing.T) {
	ctx := context.Background()
	loaded, err := loader.NewFileLoader().WithFS(rules.FS()).WithProcessAnnotation(true).
		WithRegoVersion(ast.RegoV1).All([]string{"."})
	if err != nil {
		t.Fatal(err)
	}
	modules := map[string]*ast.Module{}
	rulePackages := map[string]bool{} // rule package name -> has tests
	for name, f := range loaded.Modules {
		mod := f.Parsed
		pkg := strings.TrimPrefix(mod.Package.Path.String(), "data.")
		if !strings.HasSuffix(pkg, "_test") || !strings.HasPrefix(pkg, "rolecall.rules.") {
			modules[name] = mod
			if _, seen := rulePackages[pkg]; !seen && strings.HasPrefix(pkg, "rolecall.rules.") {
				rulePackages[pkg] = false
			}
			continue
		}
		rulePkg := strings.TrimSuffix(pkg, "_test")
		rulePackages[rulePkg] = true
		target := ast.MustParseRef("data." + rulePkg + ".finding")
		empty, stray := ast.SetTerm(), ast.SetTerm(ast.ObjectTerm(
			[2]*ast.Term{ast.StringTerm("subject"), ast.StringTerm("stray:subject")},
			[2]*ast.Term{ast.StringTerm("message"), ast.StringTerm("a stray finding")},
		))
		if rulePkg == "rolecall.rules.exc_002" {
			target = ast.MustParseRef("data." + rulePkg + ".findings_of")
			empty = ast.NewTerm(ast.Ref{ast.VarTerm("empty_findings_of_replacement")})
			stray = ast.NewTerm(ast.Ref{ast.VarTerm("stray_findings_of_replacement")})
		}
		mod = mod.Copy()
		var variants []*ast.Rule
		for _, r := range mod.Rules {
			if !strings.HasPrefix(r.Head.Name.String(), "test_") {
				continue
			}
			variants = append(variants, withReplaced(r, emptyVariant, target, empty), withReplaced(r, sentinelVariant, target, stray))
		}
		mod.Rules = append(mod.Rules, variants...)
		if rulePkg == "rolecall.rules.exc_002" {
			mod.Rules = append(mod.Rules,
				ast.MustParseRuleWithOpts(`empty_findings_of_replacement(x) := set() if x`, ast.ParserOptions{RegoVersion: ast.RegoV1}),
				ast.MustParseRuleWithOpts(`stray_findings_of_replacement(x) := {{"subject": "stray:subject", "message": "a stray finding"}} if x`, ast.ParserOptions{RegoVersion: ast.RegoV1}),
			)
			for _, r := range mod.Rules[len(mod.Rules)-2:] {
				r.Module = mod
			}
		}
		modules[name] = mod
	}
	store := inmem.NewFromObject(loaded.Documents)
	txn, err := store.NewTransaction(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Abort(ctx, txn)
	ch, err := tester.NewRunner().SetStore(store).SetModules(modules).SetTimeout(5*time.Minute).RunTests(ctx, txn)
	if err != nil {
		t.Fatal(err)
	}
	// outcome[package][test] = [as written, with no finding, with a stray one]
	outcome := map[string]map[string]*[3]bool{}
	for r := range ch {
		if r.Error != nil {
			t.Fatalf("%s.%s: %v", r.Package, r.Name, r.Error)
		}
		pkg := strings.TrimSuffix(strings.TrimPrefix(r.Package, "data."), "_test")
		name, variant := r.Name, 0
		switch {
		case strings.HasSuffix(name, emptyVariant):
			name, variant = strings.TrimSuffix(name, emptyVariant), 1
		case strings.HasSuffix(name, sentinelVariant):
			name, variant = strings.TrimSuffix(name, sentinelVariant), 2
		}
		if outcome[pkg] == nil {
			outcome[pkg] = map[string]*[3]bool{}
		}
		if outcome[pkg][name] == nil {
			outcome[pkg][name] = &[3]bool{}
		}
		outcome[pkg][name][variant] = r.Pass()
	}
	var pkgs []string
	for pkg := range rulePackages {
		pkgs = append(pkgs, pkg)
	}
	sort.Strings(pkgs)
	if len(pkgs) != 49 {
		t.Errorf("%d rule packages, want the 49 of catalogue version 2", len(pkgs))
	}
	for _, pkg := range pkgs {
		if !rulePackages[pkg] {
			t.Errorf("%s has no _test.rego beside it", pkg)
			continue
		}
		firing, nearMiss := 0, 0
		for name, o := range outcome[pkg] {
			if !o[0] {
				// TestRego runs the tests as written; here one failing means
				// this harness lacks something the rules need.
				t.Errorf("%s.%s fails as written", pkg, name)
			}
			switch {
			case o[0] && !o[1]:
				firing++
			case o[0] && o[1] && !o[2]:
				nearMiss++
			}
		}
		if firing == 0 || nearMiss == 0 {
			t.Errorf("%s: %d firing tests and %d near misses among %d tests; want at least one of each", pkg, firing, nearMiss, len(outcome[pkg]))
		}
	}
}

// withReplaced returns a copy of the test rule r, named with suffix, in which
// every expression runs with target replaced by value.
func withReplaced(r *ast.Rule, suffix string, target ast.Ref, value *ast.Term) *ast.Rule {
	c := r.Copy()
	name := ast.Var(r.Head.Name.String() + suffix)
	c.Head.Name = name
	c.Head.Reference = ast.Ref{ast.VarTerm(string(name))}
	for _, expr := range c.Body {
		if _, ok := expr.Terms.(*ast.SomeDecl); ok {
			continue
		}
		expr.With = append(expr.With, &ast.With{Target: ast.NewTerm(target), Value: value})
	}
	c.Module = r.Module
	return c
}
