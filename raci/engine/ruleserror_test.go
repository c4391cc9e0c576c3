package engine_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/schema"
)

// paramRule is an organisation rule that declares the parameter min_people
// with the given default.
func paramRule(pkg, def string) []byte {
	return []byte(`# METADATA
# title: Enough people
# custom:
#   id: ORG-` + strings.ToUpper(pkg) + `
#   severity: low
#   params:
#     min_people: ` + def + `
package rolecall.custom.` + pkg + `

finding contains {"subject": "organisation", "message": "too few people"} if {
	count(input.register.people) < data.rolecall.params.min_people
}
`)
}

// TestRulesErrorIsStructured checks that problems in Rego rules come back as
// a *RulesError listing each problem with its file, line and column, sorted,
// and that its text is the problems joined.
func TestRulesErrorIsStructured(t *testing.T) {
	tcs := []struct {
		name  string
		files fstest.MapFS
		want  []engine.RuleProblem
	}{
		{
			name: "a forbidden builtin in two files",
			files: fstest.MapFS{
				"b.rego": {Data: []byte(strings.Replace(goodRule, "not p.email", "not p.email\n\ttime.now_ns() > 0", 1))},
				"a.rego": {Data: []byte(strings.Replace(strings.Replace(goodRule, "custom.email", "custom.other", 1), "not p.email", "not p.email\n\trand.intn(\"x\", 2) > 0", 1))},
			},
			want: []engine.RuleProblem{
				{File: "a.rego", Line: 13, Column: 2, Message: "uses rand.intn, which rolecall's sandbox forbids: random: the same register would not give the same findings"},
				{File: "b.rego", Line: 13, Column: 2, Message: "uses time.now_ns, which rolecall's sandbox forbids: reads the clock: rules take the evaluation date from input.as_of"},
			},
		},
		{
			name:  "a package outside rolecall.custom",
			files: fstest.MapFS{"wrong.rego": {Data: []byte(strings.Replace(goodRule, "rolecall.custom.email", "acme.email", 1))}},
			want:  []engine.RuleProblem{{File: "wrong.rego", Line: 6, Column: 1, Message: "package acme.email: organisation rules are packages rolecall.custom.NAME, where NAME is one or more identifiers (acme_custodian, acme.hr.leavers)"}},
		},
		{
			name: "one parameter with two defaults",
			files: fstest.MapFS{
				"one.rego": {Data: paramRule("one", "3")},
				"two.rego": {Data: paramRule("two", "5")},
			},
			want: []engine.RuleProblem{{File: "two.rego", Line: 1, Column: 1, Message: `parameter "min_people" has the default 5 here and 3 in one.rego: give it one default`}},
		},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := engine.New(context.Background(), engine.WithRules(tc.files))
			var re *engine.RulesError
			if !errors.As(err, &re) {
				t.Fatalf("New: got %v, want a *RulesError", err)
			}
			if !errors.Is(err, engine.ErrRules) {
				t.Errorf("%v does not wrap ErrRules", err)
			}
			if diff := cmp.Diff(tc.want, re.Problems); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			parts := make([]string, len(tc.want))
			for i, p := range tc.want {
				parts[i] = p.String()
			}
			if want := "invalid rules: " + strings.Join(parts, "; "); err.Error() != want {
				t.Errorf("error text:\n got %s\nwant %s", err, want)
			}
		})
	}
}

// TestParameterDeclaredTwiceWithOneDefault is the near miss of the conflict
// above: two organisation rules may share a parameter when they agree on its
// default.
func TestParameterDeclaredTwiceWithOneDefault(t *testing.T) {
	eng, err := engine.New(context.Background(), engine.WithRules(fstest.MapFS{
		"one.rego": {Data: paramRule("one", "3")},
		"two.rego": {Data: paramRule("two", "3")},
	}))
	if err != nil {
		t.Fatal(err)
	}
	if got := eng.Params()["min_people"]; got == nil || got.(interface{ String() string }).String() != "3" {
		t.Errorf("min_people = %v, want 3", got)
	}
}

// TestSeveritiesMatchTheConfigSchema holds the configuration schema's severity
// enumerations to the engine's one list of severities.
func TestSeveritiesMatchTheConfigSchema(t *testing.T) {
	var doc struct {
		Properties struct {
			Severity struct {
				AdditionalProperties struct {
					Enum []string `json:"enum"`
				} `json:"additionalProperties"`
			} `json:"severity"`
			FailOn struct {
				Enum []string `json:"enum"`
			} `json:"fail_on"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(schema.ConfigJSON, &doc); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, s := range engine.Severities() {
		want = append(want, string(s))
	}
	if diff := cmp.Diff(want, doc.Properties.Severity.AdditionalProperties.Enum); diff != "" {
		t.Errorf("config schema severity enum (-engine +schema):\n%s", diff)
	}
	if diff := cmp.Diff(append(want, "none"), doc.Properties.FailOn.Enum); diff != "" {
		t.Errorf("config schema fail_on enum (-engine +schema):\n%s", diff)
	}
}
