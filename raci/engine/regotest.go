package engine

import (
	"context"
	"fmt"
	"maps"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/rolecall/rolecall/internal/ruleset"
	"github.com/rolecall/rolecall/rules"
)

// TestResult is the outcome of one Rego test (a rule named test_* in a
// _test.rego file), as `opa test` reports it.
type TestResult struct {
	// Package is the test's package, e.g. rolecall.custom.acme_custodian_test.
	Package string `json:"package"`
	// Name is the test rule's name.
	Name string `json:"name"`
	// File and Line locate the test.
	File string `json:"file"`
	Line int    `json:"line"`
	// Pass, Fail and Skip tell the outcome; Err is set when the test errored.
	Pass bool   `json:"pass"`
	Fail bool   `json:"fail,omitempty"`
	Skip bool   `json:"skip,omitempty"`
	Err  string `json:"error,omitempty"`
	// Output holds what print() wrote during the test.
	Output string `json:"output,omitempty"`
	// Failure shows, for a failed test, the expression that failed and the
	// values of its variables: what the rules produced next to what the test
	// expected (as `opa test --var-values` does).
	Failure string `json:"failure,omitempty"`
	// Duration is how long the test took.
	Duration time.Duration `json:"duration"`
}

// Scope chooses which _test.rego files RunTests runs.
type Scope int

// Test scopes.
const (
	// ScopeOrganisation runs the tests beside the organisation's rules only.
	ScopeOrganisation Scope = iota
	// ScopeBundled runs the bundled rules' tests only.
	ScopeBundled
	// ScopeAll runs both.
	ScopeAll
)

// RunTests compiles the rules an engine built with opts would evaluate (the
// bundled rules with their parameters and catalogue, and the organisation rules
// of WithRules or WithConfig), adds the _test.rego files of scope, and runs every
// test, like `opa test`, under the same sandbox, timeout and memory budget as
// the rules. Results are sorted by file and line.
func RunTests(ctx context.Context, scope Scope, opts ...Option) ([]TestResult, error) {
	eng, err := New(ctx, opts...)
	if err != nil {
		return nil, err
	}
	mods := make(map[string]*ast.Module, len(eng.modules))
	for k, v := range eng.modules {
		mods[k] = v
	}
	if scope == ScopeBundled || scope == ScopeAll {
		tests, problems := ruleset.ParseFiles(rules.FS(), "rolecall", ruleset.IsTestFile, nil)
		if len(problems) > 0 {
			return nil, rulesError(problems)
		}
		maps.Copy(mods, tests)
	}
	if scope == ScopeOrganisation || scope == ScopeAll {
		var problems ruleset.Problems
		for _, fsys := range eng.customFS {
			tests, ps := ruleset.ParseFiles(fsys, ".", ruleset.IsTestFile, func(p string) string { return displayName(fsys, p) })
			problems = append(problems, ps...)
			for name, m := range tests {
				// Test files run with the rules: the sandbox applies to them too.
				problems = append(problems, forbiddenCalls(name, m)...)
				mods["custom-test:"+name] = m
			}
		}
		if len(problems) > 0 {
			return nil, rulesError(problems)
		}
	}
	// The tests run under the engine's memory budget, as evaluations do: a
	// test that grows the heap past it is cancelled and reported with an error.
	ctx, stopWatch := watchMemory(ctx, eng.memoryLimit)
	defer stopWatch()
	store := inmem.NewFromObject(eng.data)
	txn, err := store.NewTransaction(ctx)
	if err != nil {
		return nil, err
	}
	defer store.Abort(ctx, txn)
	// The tests compile against the sandbox's builtins, as the rules do.
	compiler := ast.NewCompiler().
		WithCapabilities(ruleset.SandboxCapabilities()).
		WithEnablePrintStatements(true).
		WithDefaultRegoVersion(ast.RegoV1)
	ch, err := tester.NewRunner().
		SetCompiler(compiler).
		SetStore(store).
		SetModules(mods).
		SetDefaultRegoVersion(ast.RegoV1).
		CapturePrintOutput(true).
		RaiseBuiltinErrors(true).
		SetTimeout(eng.timeout).
		RunTests(ctx, txn)
	if err != nil {
		return nil, rulesError(err)
	}
	var out []TestResult
	for r := range ch {
		tr := TestResult{Package: strings.TrimPrefix(r.Package, "data."), Name: r.Name, Pass: r.Pass(), Fail: r.Fail, Skip: r.Skip, Output: string(r.Output), Duration: r.Duration}
		if r.Location != nil {
			tr.File, tr.Line = strings.TrimPrefix(strings.TrimPrefix(r.Location.File, "custom-test:"), "custom:"), r.Location.Row
		}
		if r.Error != nil {
			tr.Err = r.Error.Error()
		}
		out = append(out, tr)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	explainFailures(ctx, store, mods, eng, out)
	return out, nil
}

// String renders the result as `opa test -v` does: "PASS file:line package.name".
func (r TestResult) String() string {
	status := "PASS"
	switch {
	case r.Err != "":
		status = "ERROR"
	case r.Fail:
		status = "FAIL"
	case r.Skip:
		status = "SKIP"
	}
	s := fmt.Sprintf("%s %s:%d %s.%s (%s)", status, path.Clean(r.File), r.Line, r.Package, r.Name, r.Duration.Round(time.Microsecond))
	if r.Err != "" {
		s += ": " + r.Err
	}
	return s
}
