package engine_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/internal/synth"
	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// TestHostileTestFileWithBuiltin is item 1 of issue 16: a _test.rego that binds
// a function to http.send with `with`, or refers to a refused builtin without
// calling it, is refused by RunTests (rolecall test) before anything runs. The
// runner compiles the tests against the sandbox's builtins, too.
func TestHostileTestFileWithBuiltin(t *testing.T) {
	for _, tc := range []struct {
		name, test, want string
	}{
		{"with target bound to http.send", "f(x) := x\n\ntest_leak if {\n\tr := f({\"method\": \"GET\", \"url\": \"http://127.0.0.1:9/leak\"}) with f as http.send\n\tr\n}\n", "hostile_test.rego:6: uses http.send"},
		{"builtin replaced by net.lookup_ip_addr", "test_dns if {\n\tcount(\"example.com\") with count as net.lookup_ip_addr\n}\n", "hostile_test.rego:4: uses net.lookup_ip_addr"},
		{"bare reference", "test_ref if {\n\tfs := [http.send]\n\tcount(fs) == 1\n}\n", "hostile_test.rego:4: uses http.send"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := orgRule("\nfinding contains {\"subject\": \"organisation\", \"message\": \"m\"} if false\n")
			fsys["hostile_test.rego"] = &fstest.MapFile{Data: []byte("package rolecall.custom.hostile_test\n\n" + tc.test)}
			_, err := engine.RunTests(context.Background(), engine.ScopeOrganisation, engine.WithRules(fsys))
			if !errors.Is(err, engine.ErrRules) {
				t.Fatalf("RunTests: expected an error wrapping ErrRules, got %v", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error does not say %q: %v", tc.want, err)
			}
		})
	}
}

// TestHostileRuleAmplifyingBuiltins is item 2 of issue 16: builtins that run
// past the deadline or exhaust memory before it, and builtins that read the
// host's time zone, are refused by engine.New with the reason.
func TestHostileRuleAmplifyingBuiltins(t *testing.T) {
	for _, tc := range []struct {
		name, body, want string
	}{
		{"render_template nested ranges", "\nx := strings.render_template(\"{{range 100000}}{{range 100000}}{{end}}{{end}}\", {})\n", "hostile.rego:8: uses strings.render_template"},
		{"json.patch depth", "\nx := json.patch({}, [{\"op\": \"add\", \"path\": \"/a\", \"value\": {}}])\n", "hostile.rego:8: uses json.patch"},
		{"cidr expansion", "\nx := net.cidr_expand(\"0.0.0.0/0\")\n", "hostile.rego:8: uses net.cidr_expand"},
		{"glob", "\nx := glob.match(\"*a*a*a*a*b\", [], \"aaaaaaaaaaaaaaaaaaaaaaaaa\")\n", "hostile.rego:8: uses glob.match"},
		{"yaml", "\nx := yaml.unmarshal(\"a: b\")\n", "hostile.rego:8: uses yaml.unmarshal"},
		{"local time zone", "\nx := time.date([0, \"Local\"])\n", "hostile.rego:8: time.date is given the time zone \"Local\""},
		{"time zone through a variable", "\nz := [0, \"Local\"]\n\nx := time.weekday(z)\n", "hostile.rego:10: time.weekday needs its time written as [ns, \"UTC\"]"},
		{"zone abbreviation in a layout", "\nx := time.parse_ns(\"2006 MST\", \"2026 CET\")\n", "hostile.rego:8: time.parse_ns needs a literal layout"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := engine.New(context.Background(), engine.WithRules(orgRule(tc.body)))
			if !errors.Is(err, engine.ErrRules) {
				t.Fatalf("New: expected an error wrapping ErrRules, got %v", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error does not say %q: %v", tc.want, err)
			}
		})
	}
}

// TestUTCTimeBuiltinsStillWork: the time builtins with a literal "UTC" compile
// and evaluate.
func TestUTCTimeBuiltinsStillWork(t *testing.T) {
	body := "\nfinding contains {\"subject\": \"organisation\", \"message\": sprintf(\"%v %v\", [time.weekday([0, \"UTC\"]), time.format([0, \"UTC\", \"2006-01-02\"])])} if true\n"
	eng, err := engine.New(context.Background(), engine.WithRules(orgRule(body)))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eng.Evaluate(context.Background(), smallRegister(t), raci.MustDate("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Findings {
		if f.Rule == "ORG-HOSTILE-001" {
			got = append(got, f.Message)
		}
	}
	if len(got) != 1 || got[0] != "Thursday 1970-01-01" {
		t.Errorf("messages of ORG-HOSTILE-001 = %q, want [\"Thursday 1970-01-01\"]", got)
	}
}

// TestHostileFindingValues is item 3 of issue 16: a finding whose message is a
// deeply nested array (what overflowed the stack in json.Marshal after
// evaluation), or whose subject or message is longer than its bound, is
// dropped without being marshalled; a path longer than its bound is dropped
// from its finding.
func TestHostileFindingValues(t *testing.T) {
	const depth = 9_000 // json.unmarshal parses at most 10,000 levels
	body := `
_deep := json.unmarshal(concat("", [concat("", [c | some _ in split(sprintf("%0` + fmt.Sprint(depth) + `d", [0]), ""); c := "["]), concat("", [c | some _ in split(sprintf("%0` + fmt.Sprint(depth) + `d", [0]), ""); c := "]"])]))

finding contains {"subject": "organisation", "message": _deep}

finding contains {"subject": _deep, "message": "a deep subject"}

finding contains {"subject": "organisation", "message": sprintf("%0` + fmt.Sprint(engine.MaxMessageBytes+1) + `d", [0])}

finding contains {"subject": sprintf("%0` + fmt.Sprint(engine.MaxSubjectBytes+1) + `d", [0]), "message": "a long subject"}

finding contains {"subject": "organisation", "message": "a long path", "path": sprintf("/%0` + fmt.Sprint(engine.MaxPathBytes) + `d", [0])}

finding contains {"subject": "organisation", "message": "kept"}
`
	eng, err := engine.New(context.Background(), engine.WithRules(orgRule(body)))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eng.Evaluate(context.Background(), smallRegister(t), raci.MustDate("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Findings {
		if f.Rule == "ORG-HOSTILE-001" {
			got = append(got, fmt.Sprintf("%s|%s|%s", f.Subject, f.Message, f.Path))
		}
	}
	want := []string{"organisation|a long path|", "organisation|kept|"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings of ORG-HOSTILE-001 mismatch (-want +got):\n%s", diff)
	}
}

// TestHostileRuleMemoryBudget is item 8 of issue 16 and the memory amplifier
// of the first round: a rule that doubles a string with concat (no refused
// builtin) is stopped by WithMemoryLimit near the budget, with an
// *EvalLimitError wrapping ErrLimit and ErrEvaluation, long before the
// deadline.
func TestHostileRuleMemoryBudget(t *testing.T) {
	const budget = 256 << 20
	body := `
_s0 := sprintf("%01000000d", [0])
_s1 := concat("", [_s0, _s0])
_s2 := concat("", [_s1, _s1])
_s3 := concat("", [_s2, _s2])
_s4 := concat("", [_s3, _s3])
_s5 := concat("", [_s4, _s4])
_s6 := concat("", [_s5, _s5])
_s7 := concat("", [_s6, _s6])
_s8 := concat("", [_s7, _s7])
_s9 := concat("", [_s8, _s8])
_s10 := concat("", [_s9, _s9])
_s11 := concat("", [_s10, _s10])
_s12 := concat("", [_s11, _s11])

finding contains {"subject": "organisation", "message": sprintf("%d", [count(_s12)])}
`
	eng, err := engine.New(context.Background(), engine.WithRules(orgRule(body)), engine.WithMemoryLimit(budget), engine.WithTimeout(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	_, err = eng.Evaluate(context.Background(), smallRegister(t), raci.MustDate("2026-11-27"))
	var limit *engine.EvalLimitError
	if !errors.As(err, &limit) || !errors.Is(err, engine.ErrLimit) || !errors.Is(err, engine.ErrEvaluation) {
		t.Fatalf("Evaluate: want an *EvalLimitError wrapping ErrLimit and ErrEvaluation, got %v", err)
	}
	t.Logf("stopped: %v", err)
	if limit.Limit != "memory" || limit.Max != budget || limit.Got <= budget {
		t.Errorf("limit error = %+v, want the memory limit %d passed", limit, budget)
	}
	// The doubling goes to 4 GiB; stopped near the budget, the heap reached
	// at most twice it (one doubling step past the sample).
	if limit.Got > 3*budget {
		t.Errorf("the heap reached %d MiB before the stop, more than three times the %d MiB budget", limit.Got>>20, budget>>20)
	}
}

// TestFindingsCap: more findings than WithMaxFindings is an error wrapping
// ErrLimit (a register naming 1,000,000 undefined roles in one activity gives
// 1,000,000 A52-REF-001 findings; the default cap is DefaultMaxFindings).
func TestFindingsCap(t *testing.T) {
	reg, err := synth.Adversarial(synth.ShapeUndefinedRACI, 200)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(context.Background(), engine.WithMaxFindings(100))
	if err != nil {
		t.Fatal(err)
	}
	_, err = eng.Evaluate(context.Background(), reg, synth.AsOf)
	var limit *engine.EvalLimitError
	if !errors.As(err, &limit) || !errors.Is(err, engine.ErrLimit) || limit.Limit != "findings" || limit.Max != 100 || limit.Got < 200 {
		t.Fatalf("Evaluate: want a findings *EvalLimitError with Max 100 and Got >= 200, got %v", err)
	}
	unlimited, err := engine.New(context.Background(), engine.WithMaxFindings(0))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := unlimited.Evaluate(context.Background(), reg, synth.AsOf)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) < 200 {
		t.Errorf("without a cap: %d findings, want at least 200 (one per undefined role)", len(rep.Findings))
	}
}

// TestTimeoutCeiling: a configuration or option may not raise the timeout past
// MaxTimeout (item 8 of issue 16).
func TestTimeoutCeiling(t *testing.T) {
	if _, err := engine.New(context.Background(), engine.WithTimeout(engine.MaxTimeout+time.Second)); !errors.Is(err, engine.ErrInvalidConfig) {
		t.Errorf("WithTimeout(MaxTimeout+1s): want ErrInvalidConfig, got %v", err)
	}
	if _, err := engine.New(context.Background(), engine.WithTimeout(engine.MaxTimeout)); err != nil {
		t.Errorf("WithTimeout(MaxTimeout): %v", err)
	}
	_, err := engine.ParseConfig([]byte("timeout: 11m\n"), "rolecall.yaml")
	if !errors.Is(err, engine.ErrInvalidConfig) || !strings.Contains(err.Error(), "longer than the longest allowed") {
		t.Errorf("ParseConfig(timeout: 11m): want ErrInvalidConfig naming the ceiling, got %v", err)
	}
}

// TestHugeRegistersStoppedByLimits is item 8 of issue 16: registers inside
// every input limit that used to exhaust memory (a million bare people, a
// million undefined roles in one activity) are stopped by the memory budget or
// the findings cap with an *EvalLimitError, here at a tenth of their size and
// with a budget scaled down alike.
func TestHugeRegistersStoppedByLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates registers of 100,000 entities; skipped with -short")
	}
	for _, tc := range []struct {
		shape synth.Shape
		opts  []engine.Option
		limit string
	}{
		{synth.ShapeManyPeople, []engine.Option{engine.WithMemoryLimit(96 << 20)}, "memory"},
		{synth.ShapeUndefinedRACI, []engine.Option{engine.WithMaxFindings(engine.DefaultMaxFindings / 10)}, "findings"},
	} {
		t.Run(string(tc.shape), func(t *testing.T) {
			reg, err := synth.Adversarial(tc.shape, 100_000)
			if err != nil {
				t.Fatal(err)
			}
			eng, err := engine.New(context.Background(), tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			runtime.GC()
			_, err = eng.Evaluate(context.Background(), reg, synth.AsOf)
			var limit *engine.EvalLimitError
			if !errors.As(err, &limit) || limit.Limit != tc.limit {
				t.Fatalf("Evaluate: want an *EvalLimitError on %s, got %v", tc.limit, err)
			}
			t.Logf("stopped: %v", err)
		})
	}
}
