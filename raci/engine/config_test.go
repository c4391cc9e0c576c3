package engine_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// sixMistakes is a rolecall.yaml with six different mistakes: a mistyped key,
// a parameter of the wrong type, a mistyped parameter, a mistyped rule id to
// disable, a severity that is not one, and a timeout that is not a duration.
const sixMistakes = `params:
  review_interval_days: yearly
  awarenes_interval_days: 30
disable:
  - A52-COMM-003
  - A52-REF-01
severity:
  A52-ASSET-001: urgent
timeout: 1m30
fail-on: high
`

// TestConfigProblemsInOnePass checks that every mistake of a configuration,
// those of the file's values and those only the rules reveal, comes back from
// one ParseConfig and one New, each located by line and column.
func TestConfigProblemsInOnePass(t *testing.T) {
	cfg, err := engine.ParseConfig([]byte(sixMistakes), "conf/rolecall.yaml")
	if !errors.Is(err, engine.ErrInvalidConfig) {
		t.Fatalf("ParseConfig: want an error wrapping ErrInvalidConfig, got %v", err)
	}
	if cfg == nil {
		t.Fatal("ParseConfig returned no partial configuration along with its error")
	}
	_, err = engine.New(context.Background(), engine.WithConfig(cfg))
	var ce *engine.ConfigError
	if !errors.As(err, &ce) {
		t.Fatalf("New: want a *ConfigError, got %v", err)
	}
	if !errors.Is(err, engine.ErrInvalidConfig) {
		t.Errorf("New: %v does not wrap ErrInvalidConfig", err)
	}
	file := "conf/rolecall.yaml"
	want := []engine.ConfigProblem{
		{File: file, Pointer: "/params/review_interval_days", Line: 2, Column: 3, Message: `parameter "review_interval_days": expected a number, found a string`},
		{File: file, Pointer: "/params/awarenes_interval_days", Line: 3, Column: 3, Message: `unknown parameter "awarenes_interval_days" (did you mean "awareness_interval_days"?): expected one of ` + paramNames},
		{File: file, Pointer: "/disable/1", Line: 6, Column: 5, Message: `cannot disable unknown rule "A52-REF-01" (did you mean "A52-REF-001"?)`},
		{File: file, Pointer: "/severity/A52-ASSET-001", Line: 8, Column: 18, Message: `"urgent" is not one of critical, high, medium, low, info`},
		{File: file, Pointer: "/timeout", Line: 9, Column: 10, Message: `"1m30" is not a duration: expected a Go duration such as 30s, 2m or 1m30s`},
		{File: file, Pointer: "/fail-on", Line: 10, Column: 1, Message: `unknown key "fail-on" (did you mean "fail_on"?): expected one of disable, fail_on, params, rules, severity, timeout`},
	}
	if diff := cmp.Diff(want, ce.Problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// paramNames is the list of known parameters an unknown one is told about.
const paramNames = "acceptance_max_age_days, awareness_interval_days, business_asset_types, competence_required_kinds, critical_role_kinds, frequency_grace_days, it_functions, max_accountable_share, max_reporting_steps, min_activities_for_concentration, owner_may_accept_up_to, periodic_processes, policy_review_interval_days, required_decisions, required_processes, required_role_kinds, review_interval_days, senior_acceptance_from"

// TestConfigProblemsFromOptions checks problems of options given in code: no
// file, the same messages and suggestions, and an option that overrides a
// file's parameter takes its problem.
func TestConfigProblemsFromOptions(t *testing.T) {
	cfg, err := engine.ParseConfig([]byte("params:\n  review_interval_days: 30\n"), "rolecall.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tcs := []struct {
		name string
		opts []engine.Option
		want []engine.ConfigProblem
	}{
		{"disable", []engine.Option{engine.WithDisabled("A52-ASET-001", "A52-ASSET-001")}, []engine.ConfigProblem{
			{Message: `cannot disable unknown rule "A52-ASET-001" (did you mean "A52-ASSET-001"?)`},
		}},
		{"severity far from any id", []engine.Option{engine.WithSeverity("ORG-NOTHING-LIKE-IT", engine.SeverityHigh)}, []engine.ConfigProblem{
			{Message: "cannot set the severity of unknown rule \"ORG-NOTHING-LIKE-IT\": `rolecall rules` lists the rule ids"},
		}},
		{"only", []engine.Option{engine.WithOnly("A52-REF-001", "A52-REF-002")}, []engine.ConfigProblem{
			{Message: `cannot select unknown rule "A52-REF-002" (did you mean "A52-REF-001"?)`},
		}},
		{"option overrides the file", []engine.Option{engine.WithConfig(cfg), engine.WithParams(map[string]any{"review_interval_days": "monthly"})}, []engine.ConfigProblem{
			{Message: `parameter "review_interval_days": expected a number, found a string`},
		}},
		{"file and options together", []engine.Option{engine.WithDisabled("A52-NOPE"), engine.WithConfig(cfg), engine.WithParams(map[string]any{"max_accountable_share": 2})}, []engine.ConfigProblem{
			{Message: `cannot disable unknown rule "A52-NOPE": ` + "`rolecall rules` lists the rule ids"},
			{Message: `parameter "max_accountable_share": expected a share between 0 and 1, found 2`},
		}},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			_, err := engine.New(context.Background(), tc.opts...)
			var ce *engine.ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("want a *ConfigError, got %v", err)
			}
			if diff := cmp.Diff(tc.want, ce.Problems); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestConfigTimeoutDurations checks that the timeout is any Go duration up to
// MaxTimeout.
func TestConfigTimeoutDurations(t *testing.T) {
	tcs := []struct {
		src     string
		want    time.Duration
		problem string
	}{
		{"timeout: 30s\n", 30 * time.Second, ""},
		{"timeout: 1m30s\n", 90 * time.Second, ""},
		{"timeout: 250ms\n", 250 * time.Millisecond, ""},
		{"timeout: 0s\n", 0, `line 1, col 10, /timeout: "0s" is not a duration: expected a Go duration such as 30s, 2m or 1m30s`},
		{"timeout: 90\n", 0, `line 1, col 10, /timeout: expected a string, found a number`},
		{"timeout: 10h\n", 0, `line 1, col 10, /timeout: timeout 10h is longer than the longest allowed, ` + engine.MaxTimeout.String()},
	}
	for _, tc := range tcs {
		t.Run(tc.src, func(t *testing.T) {
			cfg, err := engine.ParseConfig([]byte(tc.src), "rolecall.yaml")
			if tc.problem == "" {
				if err != nil {
					t.Fatal(err)
				}
				if cfg.Timeout != tc.want {
					t.Errorf("Timeout = %v, want %v", cfg.Timeout, tc.want)
				}
				return
			}
			var le *raci.LoadError
			if !errors.As(err, &le) || len(le.Problems) != 1 {
				t.Fatalf("want one problem, got %v", err)
			}
			if got := le.Problems[0].String(); got != tc.problem {
				t.Errorf("problem %q, want %q", got, tc.problem)
			}
		})
	}
}

// TestPartialConfigKeepsItsGoodParts checks that the values next to a mistake
// are read: the partial configuration ParseConfig returns with its error has
// them.
func TestPartialConfigKeepsItsGoodParts(t *testing.T) {
	cfg, err := engine.ParseConfig([]byte(sixMistakes), "rolecall.yaml")
	if err == nil || cfg == nil {
		t.Fatalf("want a partial configuration and an error, got %v, %v", cfg, err)
	}
	got := struct {
		Disable  []string
		Severity map[string]engine.Severity
		FailOn   string
		Params   map[string]any
	}{cfg.Disable, cfg.Severity, cfg.FailOn, cfg.Params}
	want := got
	want.Disable = []string{"A52-COMM-003", "A52-REF-01"}
	want.Severity = nil // the only override, "urgent", is left out
	want.FailOn = ""
	want.Params = map[string]any{"review_interval_days": "yearly", "awarenes_interval_days": json.Number("30")}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("partial configuration (-want +got):\n%s", diff)
	}
}

// ExampleConfigError shows every mistake of a configuration reported in one
// run, each located in the file.
func ExampleConfigError() {
	cfg, err := engine.ParseConfig([]byte("disable: [A52-REF-01]\nseverity:\n  A52-ASSET-001: urgent\ntimeout: 1m30\n"), "rolecall.yaml")
	if cfg == nil {
		fmt.Println(err)
		return
	}
	_, err = engine.New(context.Background(), engine.WithConfig(cfg))
	var ce *engine.ConfigError
	if errors.As(err, &ce) {
		for _, p := range ce.Problems {
			fmt.Println(p)
		}
	}
	// Output:
	// rolecall.yaml:1:11: cannot disable unknown rule "A52-REF-01" (did you mean "A52-REF-001"?)
	// rolecall.yaml:3:18: "urgent" is not one of critical, high, medium, low, info
	// rolecall.yaml:4:10: "1m30" is not a duration: expected a Go duration such as 30s, 2m or 1m30s
}
