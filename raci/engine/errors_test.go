package engine_test

import (
	"context"
	"errors"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci/engine"
)

// TestRegoSyntaxErrorsHaveColumns checks that a syntax error in an
// organisation rule or test file carries its column, and that Located shows
// it.
func TestRegoSyntaxErrorsHaveColumns(t *testing.T) {
	tcs := []struct {
		name  string
		files fstest.MapFS
		run   func(fsys fstest.MapFS) error
		want  []string
	}{
		{"rule", fstest.MapFS{"bad.rego": {Data: []byte("package rolecall.custom.bad\n\nx := {1, 2 3}\n")}},
			func(fsys fstest.MapFS) error {
				_, err := engine.New(context.Background(), engine.WithRules(fsys))
				return err
			},
			[]string{`bad.rego:3:12: unexpected number token: expected "," or "}"`, `bad.rego:3:12: unexpected number token: expected rule value term (e.g., x := <VALUE> { ... })`}},
		{"test file", fstest.MapFS{"bad_test.rego": {Data: []byte("package rolecall.custom.bad_test\n\ntest_x if {\n\tcount([1 2]) == 1\n}\n")}},
			func(fsys fstest.MapFS) error {
				_, err := engine.RunTests(context.Background(), engine.ScopeOrganisation, engine.WithRules(fsys))
				return err
			},
			[]string{`bad_test.rego:4:11: unexpected number token: expected "," or "]"`}},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.run(tc.files)
			var re *engine.RulesError
			if !errors.As(err, &re) {
				t.Fatalf("want a *RulesError, got %v", err)
			}
			var got []string
			for _, p := range re.Problems {
				if p.Column == 0 {
					t.Errorf("problem without a column: %+v", p)
				}
				got = append(got, p.Located())
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestProblemStrings checks the FILE:LINE:COL: message form and what is left
// out when the place is not known.
func TestProblemStrings(t *testing.T) {
	tcs := []struct {
		got, want string
	}{
		{engine.ConfigProblem{File: "rolecall.yaml", Line: 3, Column: 5, Message: "m"}.String(), "rolecall.yaml:3:5: m"},
		{engine.ConfigProblem{File: "rolecall.yaml", Line: 3, Message: "m"}.String(), "rolecall.yaml:3: m"},
		{engine.ConfigProblem{File: "rolecall.yaml", Message: "m"}.String(), "rolecall.yaml: m"},
		{engine.ConfigProblem{Message: "m"}.String(), "m"},
		{engine.RuleProblem{File: "r.rego", Line: 2, Column: 7, Message: "m"}.Located(), "r.rego:2:7: m"},
		{engine.RuleProblem{File: "r.rego", Line: 2, Column: 7, Message: "m"}.String(), "r.rego:2: m"},
		{(&engine.ConfigError{Problems: []engine.ConfigProblem{{File: "a.yaml", Line: 1, Column: 2, Message: "x"}, {Message: "y"}}}).Error(), "invalid configuration: a.yaml:1:2: x; y"},
	}
	for _, tc := range tcs {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if !errors.Is(&engine.ConfigError{}, engine.ErrInvalidConfig) {
		t.Error("a *ConfigError does not wrap ErrInvalidConfig")
	}
}
