package engine_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// ruleFile is an organisation rule file of package pkg with METADATA giving
// id (no METADATA when id is empty) and one finding with message msg.
func ruleFile(pkg, id, title, msg string) *fstest.MapFile {
	src := ""
	if id != "" {
		src = "# METADATA\n# title: " + title + "\n# custom:\n#   id: " + id + "\n#   severity: low\n"
	}
	src += "package " + pkg + "\n\nfinding contains {\"subject\": \"organisation\", \"message\": \"" + msg + "\"}\n"
	return &fstest.MapFile{Data: []byte(src)}
}

// TestMisleadingRulesRefused is item 7 of issue 16: organisation rules that
// would be listed and never evaluated, add findings under another file's id,
// or pass for a bundled rule are refused by engine.New, naming the file.
func TestMisleadingRulesRefused(t *testing.T) {
	for _, tc := range []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"quoted package segment", fstest.MapFS{"q.rego": ruleFile(`rolecall.custom["a.b"]`, "ORG-Q-001", "Q", "q")}, `q.rego:6: package rolecall.custom["a.b"]: "a.b" is not an identifier`},
		{"second file without METADATA", fstest.MapFS{
			"a/one.rego": ruleFile("rolecall.custom.split", "ORG-SPLIT-001", "Split", "one"),
			"b/two.rego": ruleFile("rolecall.custom.split", "", "", "two"),
		}, "b/two.rego:1: package rolecall.custom.split is already declared in a/one.rego: a rule package is one file"},
		{"second file with other METADATA", fstest.MapFS{
			"a/one.rego": ruleFile("rolecall.custom.split", "ORG-SPLIT-001", "Split", "one"),
			"b/two.rego": ruleFile("rolecall.custom.split", "ORG-SPLIT-001", "Another title", "two"),
		}, "b/two.rego:1: package rolecall.custom.split is already declared in a/one.rego"},
		{"id like a bundled one", fstest.MapFS{"o.rego": ruleFile("rolecall.custom.o", "A52-ASSET-OO1", "O", "o")}, "o.rego:1: rule id A52-ASSET-OO1 of package rolecall.custom.o reads like A52-ASSET-001"},
		{"id with I for 1", fstest.MapFS{"i.rego": ruleFile("rolecall.custom.i", "A52-ROLE-00I", "I", "i")}, "reads like A52-ROLE-001"},
		{"non-ASCII hyphen", fstest.MapFS{"h.rego": ruleFile("rolecall.custom.h", "ORG\u2011HR-001", "H", "h")}, "h.rego:1: rule id \"ORG\u2011HR-001\" of package rolecall.custom.h: expected ASCII capital letters"},
		{"lower case id", fstest.MapFS{"l.rego": ruleFile("rolecall.custom.l", "org-hr-001", "L", "l")}, "expected ASCII capital letters, digits and single hyphens"},
		{"escape in title", fstest.MapFS{"t.rego": ruleFile("rolecall.custom.t", "ORG-T-001", `"Fine\e[2J"`, "t")}, "t.rego:1: package rolecall.custom.t: title holds the control character U+001B"},
		{"escape in id", fstest.MapFS{"e.rego": ruleFile("rolecall.custom.e", `"ORG-\e[2J"`, "E", "e")}, "custom.id holds the control character U+001B"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := engine.New(context.Background(), engine.WithRules(tc.fsys))
			if !errors.Is(err, engine.ErrRules) {
				t.Fatalf("New: want an error wrapping ErrRules, got %v", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error does not say %q:\n%v", tc.want, err)
			}
		})
	}
}

// TestNestedOrganisationPackages: rolecall.custom.acme.hr.leavers is a rule
// like rolecall.custom.acme: evaluated, listed, and testable by its own path.
func TestNestedOrganisationPackages(t *testing.T) {
	fsys := fstest.MapFS{
		"acme.rego":            ruleFile("rolecall.custom.acme", "ORG-ACME-001", "Acme", "top"),
		"hr/leavers.rego":      ruleFile("rolecall.custom.acme.hr.leavers", "ORG-HR-002", "Leavers", "nested"),
		"hr/leavers_test.rego": {Data: []byte("package rolecall.custom.acme.hr.leavers_test\n\nimport data.rolecall.custom.acme.hr.leavers\n\ntest_nested if {\n\tcount(leavers.finding) == 1\n}\n")},
	}
	if diff := cmp.Diff([]string{"nested"}, customMessages(t, fsys, "ORG-HR-002")); diff != "" {
		t.Errorf("findings of the nested rule mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"top"}, customMessages(t, fsys, "ORG-ACME-001")); diff != "" {
		t.Errorf("findings of the top rule mismatch (-want +got):\n%s", diff)
	}
	results, err := engine.RunTests(context.Background(), engine.ScopeOrganisation, engine.WithRules(fsys))
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 1 || !results[0].Pass {
		t.Errorf("RunTests = %v, want one passing test", results)
	}
}

func customMessages(t *testing.T, fsys fstest.MapFS, id string) []string {
	t.Helper()
	eng, err := engine.New(context.Background(), engine.WithRules(fsys))
	if err != nil {
		t.Fatal(err)
	}
	listed := false
	for _, r := range eng.Rules() {
		listed = listed || r.ID == id
	}
	if !listed {
		t.Errorf("Rules() does not list %s", id)
	}
	rep, err := eng.Evaluate(context.Background(), smallRegister(t), raci.MustDate("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range rep.Findings {
		if f.Rule == id {
			out = append(out, f.Message)
		}
	}
	return out
}

// TestNumberParametersBounded: review_interval_days: 9223372036854775807 (which
// overflowed into a false "overdue") and other numbers past their bound are
// configuration errors, and so is an organisation rule declaring such a
// default.
func TestNumberParametersBounded(t *testing.T) {
	for _, tc := range []struct {
		name   string
		params map[string]any
		want   string
	}{
		{"days past 100 years", map[string]any{"review_interval_days": 9223372036854775807}, `parameter "review_interval_days": expected at most 36525 days`},
		{"days just past", map[string]any{"review_interval_days": engine.MaxParamDays + 1}, `expected at most 36525 days`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := engine.New(context.Background(), engine.WithParams(tc.params))
			if !errors.Is(err, engine.ErrInvalidConfig) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("New: want ErrInvalidConfig saying %q, got %v", tc.want, err)
			}
		})
	}
	if _, err := engine.New(context.Background(), engine.WithParams(map[string]any{"review_interval_days": engine.MaxParamDays})); err != nil {
		t.Errorf("review_interval_days at the bound: %v", err)
	}
	declared := fstest.MapFS{"p.rego": {Data: []byte("# METADATA\n# title: P\n# custom:\n#   id: ORG-P-001\n#   severity: low\n#   params:\n#     org_grace_days: 1e12\npackage rolecall.custom.p\n\nfinding contains {\"subject\": \"organisation\", \"message\": \"m\"} if false\n")}}
	if _, err := engine.New(context.Background(), engine.WithRules(declared)); !errors.Is(err, engine.ErrRules) || !strings.Contains(err.Error(), "org_grace_days") {
		t.Errorf("a declared default of 1e12 days: want ErrRules naming it, got %v", err)
	}
}

// TestUnevaluableNumbersRefusedByLoad: an attribute 1e100000 passed validation
// (raci.Load, rolecall validate) and failed the check; now both refuse it, at
// its line, in JSON and in YAML (where an untagged 1e100000 is a string). A
// number inside the range (1e400 included) loads and evaluates.
func TestUnevaluableNumbersRefusedByLoad(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		format    raci.Format
		want      string
	}{
		{"JSON huge", `{"version": 1, "organisation": {"name": "X", "attributes": {"n": 1e100000}}, "roles": [], "people": []}`, raci.FormatJSON, "too large"},
		{"JSON tiny", `{"version": 1, "organisation": {"name": "X", "attributes": {"n": 1e-100000}}, "roles": [], "people": []}`, raci.FormatJSON, "too small"},
		{"YAML tagged float", "version: 1\norganisation:\n  name: X\n  attributes: {n: !!float 1e100000}\nroles: []\npeople: []\n", raci.FormatYAML, "1e100000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := raci.LoadBytes([]byte(tc.src), raci.WithFormat(tc.format))
			var le *raci.LoadError
			if !errors.As(err, &le) || len(le.Problems) == 0 {
				t.Fatalf("LoadBytes: want a *LoadError, got %v", err)
			}
			if p := le.Problems[0]; !strings.Contains(p.Message, tc.want) || p.Pos.Line == 0 {
				t.Errorf("problem = %+v, want a located problem saying %q", p, tc.want)
			}
		})
	}
	reg, err := raci.LoadBytes([]byte("version: 1\norganisation:\n  name: X\n  attributes: {n: 1e400, m: 1e-400}\nroles: []\npeople: []\n"))
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := eng.Evaluate(context.Background(), reg, raci.MustDate("2026-11-27")); err != nil {
		t.Errorf("a register with 1e400 and 1e-400 loads but does not evaluate: %v", err)
	}
}

// TestLoaderAndOPAAgreeOnNumbers: a number the loader accepts is one OPA can
// evaluate, and the other way round.
func TestLoaderAndOPAAgreeOnNumbers(t *testing.T) {
	for _, n := range []string{"1", "1e308", "1e400", "1e30000", "1e30200", "1e100000", "-1e100000", "1e-30000", "1e-30200", "1e-100000", "0e999999999", "0e99999999999999999999", "123456789e29990", "0.000001e30010"} {
		_, opaErr := ast.NumberChecked(n)
		_, loadErr := raci.LoadBytes([]byte(`{"version": 1, "organisation": {"name": "X", "attributes": {"n": `+n+`}}, "roles": [], "people": []}`), raci.WithFormat(raci.FormatJSON))
		if (opaErr == nil) != (loadErr == nil) {
			t.Errorf("%s: OPA error %v, loader error %v: they disagree", n, opaErr, loadErr)
		}
	}
}
