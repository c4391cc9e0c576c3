// Package racitest helps organisations unit-test their governance logic in Go,
// in the manner of net/http/httptest: build a register from a YAML snippet or in
// code, evaluate it at a fixed date, assert the exact findings with go-cmp diffs,
// and run a directory of _test.rego files as Go subtests.
//
// It builds on the public API of raci and raci/engine only, and must never be
// imported by them: it is for the users' test code.
package racitest

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// Register loads a register from a YAML (or JSON) snippet and fails the test
// with every problem when it is not valid. Leading indentation common to all
// lines is removed, so snippets can be indented in Go source.
func Register(t testing.TB, snippet string) *raci.Register {
	t.Helper()
	reg, err := raci.LoadBytes([]byte(Dedent(snippet)), raci.WithSourceName(t.Name()+".yaml"))
	if err != nil {
		t.Fatalf("racitest.Register: %v", err)
	}
	return reg
}

// Engine builds an engine with opts and fails the test on error.
func Engine(t testing.TB, opts ...engine.Option) *engine.Engine {
	t.Helper()
	eng, err := engine.New(context.Background(), opts...)
	if err != nil {
		t.Fatalf("racitest.Engine: %v", err)
	}
	return eng
}

// Evaluate evaluates reg with eng as of date (YYYY-MM-DD) and fails the test on
// error.
func Evaluate(t testing.TB, eng *engine.Engine, reg *raci.Register, date string) *engine.Report {
	t.Helper()
	d, err := raci.ParseDate(date)
	if err != nil {
		t.Fatalf("racitest.Evaluate: %v", err)
	}
	rep, err := eng.Evaluate(context.Background(), reg, d)
	if err != nil {
		t.Fatalf("racitest.Evaluate: %v", err)
	}
	return rep
}

// Pair is a finding reduced to its rule and subject, the identity the catalogue
// contract is stated in.
type Pair struct {
	Rule    string
	Subject string
}

// String renders the pair as RULE subject.
func (p Pair) String() string { return p.Rule + " " + p.Subject }

// NewPair returns the pair of a rule and a subject. Tables of expected findings
// read well with it, and go vet's composites check stays quiet, as it does not
// for an unkeyed racitest.Pair{"A52-ASSET-001", "asset:crm"} in another package.
func NewPair(rule, subject string) Pair { return Pair{Rule: rule, Subject: subject} }

// Pairs reduces findings to sorted [rule, subject] pairs (one per finding).
// With onlyRules given, only findings of those rules are kept.
func Pairs(findings []engine.Finding, onlyRules ...string) []Pair {
	keep := map[string]bool{}
	for _, r := range onlyRules {
		keep[r] = true
	}
	out := []Pair{}
	for _, f := range findings {
		if len(keep) == 0 || keep[f.Rule] {
			out = append(out, Pair{Rule: f.Rule, Subject: f.Subject})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Rule != out[j].Rule {
			return out[i].Rule < out[j].Rule
		}
		return out[i].Subject < out[j].Subject
	})
	return out
}

// AssertPairs fails the test with a go-cmp diff unless the report's findings
// (restricted to onlyRules when given) are exactly want, in any order.
func AssertPairs(t testing.TB, rep *engine.Report, want []Pair, onlyRules ...string) {
	t.Helper()
	w := append([]Pair{}, want...)
	sort.Slice(w, func(i, j int) bool {
		if w[i].Rule != w[j].Rule {
			return w[i].Rule < w[j].Rule
		}
		return w[i].Subject < w[j].Subject
	})
	if diff := cmp.Diff(w, Pairs(rep.Findings, onlyRules...)); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

// AssertFindings fails the test with a go-cmp diff unless the report's
// findings (restricted to onlyRules when given) equal want exactly: every
// field, in the report's order (want is sorted the same way first). File, Line
// and Column are ignored when want leaves them zero everywhere.
func AssertFindings(t testing.TB, rep *engine.Report, want []engine.Finding, onlyRules ...string) {
	t.Helper()
	var got []engine.Finding
	for _, f := range rep.Findings {
		if len(onlyRules) == 0 || slices.Contains(onlyRules, f.Rule) {
			got = append(got, f)
		}
	}
	ignoreLines := true
	for _, f := range want {
		if f.Line != 0 || f.Column != 0 || f.File != "" {
			ignoreLines = false
		}
	}
	if ignoreLines {
		for i := range got {
			got[i].Line, got[i].Column, got[i].File = 0, 0, ""
		}
	}
	w := append([]engine.Finding{}, want...)
	engine.SortFindings(w)
	if diff := cmp.Diff(w, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

// RunRegoTests runs the Rego tests of scope against the rules an engine built
// with opts evaluates, each as its own Go subtest named after the Rego package
// and test, failing the subtest with the test's error and print output.
// It fails the test when there is no Rego test to run.
func RunRegoTests(t *testing.T, scope engine.Scope, opts ...engine.Option) {
	t.Helper()
	results, err := engine.RunTests(context.Background(), scope, opts...)
	if err != nil {
		t.Fatalf("racitest.RunRegoTests: %v", err)
	}
	if len(results) == 0 {
		t.Fatal("racitest.RunRegoTests: no Rego test found")
	}
	for _, r := range results {
		t.Run(strings.ReplaceAll(r.Package, ".", "/")+"/"+r.Name, func(t *testing.T) {
			switch {
			case r.Skip:
				t.Skip("skipped in Rego")
			case r.Err != "":
				t.Errorf("%s:%d: %s\n%s", r.File, r.Line, r.Err, r.Output)
			case !r.Pass:
				t.Errorf("%s:%d: %s failed\n%s", r.File, r.Line, r.Name, r.Output)
			}
		})
	}
}

// Dedent removes the indentation common to every non-blank line of s and a
// leading blank line.
func Dedent(s string) string {
	lines := strings.Split(strings.TrimPrefix(s, "\n"), "\n")
	prefix := ""
	first := true
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		ind := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if first || strings.HasPrefix(prefix, ind) {
			prefix = ind
			first = false
			continue
		}
		for !strings.HasPrefix(ind, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			lines[i] = ""
			continue
		}
		lines[i] = strings.TrimPrefix(l, prefix)
	}
	return strings.Join(lines, "\n")
}

// Must is a helper for examples: it panics with err's message when err is not nil.
func Must[T any](v T, err error) T {
	if err != nil {
		panic(fmt.Sprint(err))
	}
	return v
}
