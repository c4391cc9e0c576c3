package engine_test

import (
	"context"
	"fmt"
	"strings"
	"testing/fstest"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// Checking a register: compile the rules once, evaluate as of a date.
func ExampleEngine_Evaluate() {
	ctx := context.Background()
	eng, err := engine.New(ctx)
	if err != nil {
		panic(err)
	}
	reg, err := raci.LoadFile("../../examples/registers/acme.yaml")
	if err != nil {
		panic(err)
	}
	rep, err := eng.Evaluate(ctx, reg, raci.MustDate("2026-11-27"))
	if err != nil {
		panic(err)
	}
	for _, f := range rep.Findings {
		if f.Severity == engine.SeverityHigh {
			fmt.Printf("%s %s (line %d)\n", f.Rule, f.Subject, f.Line)
		}
	}
	fmt.Println("fails at high:", rep.Failed(engine.SeverityHigh))
	// Output:
	// A52-ASSET-001 asset:miro (line 705)
	// A52-COMP-001 person:olivia-grant (line 349)
	// A52-PEOPLE-001 person:peter-doyle (line 497)
	// A52-RISK-003 risk:risk-office-wifi (line 1103)
	// fails at high: true
}

// The catalogue comes from the rules' METADATA.
func ExampleEngine_Rules() {
	eng, err := engine.New(context.Background(), engine.WithDisabled("A52-COMM-003"))
	if err != nil {
		panic(err)
	}
	for _, r := range eng.Rules() {
		if strings.HasPrefix(r.ID, "A52-COMM") {
			fmt.Println(r.ID, r.Severity, r.Control, r.Title, r.Disabled)
		}
	}
	// Output:
	// A52-COMM-001 medium A.5.1 Person has not signed the current policy false
	// A52-COMM-002 medium A.6.3 Awareness training missing or out of date false
	// A52-COMM-003 low A.6.2 Job description lacks the security duties of a role true
	// A52-COMM-004 low A.6.3 Person without an induction false
}

// An organisation adds a rule of its own, with a parameter, beside the bundled ones.
func ExampleWithRules() {
	orgRules := fstest.MapFS{"email.rego": {Data: []byte(`# METADATA
# title: Person without an e-mail address
# custom:
#   id: ORG-PEOPLE-001
#   severity: low
#   remediation: Record the person's work e-mail address.
package rolecall.custom.email

import data.rolecall.lib

finding contains {
	"subject": sprintf("person:%s", [p.id]),
	"message": sprintf("Person %s has no e-mail address: record it.", [lib.display(p)]),
	"path": lib.ptr(["people", i]),
} if {
	some i, p in lib.people_list
	not p.email
}
`)}}
	ctx := context.Background()
	eng, err := engine.New(ctx, engine.WithRules(orgRules), engine.WithParams(map[string]any{"review_interval_days": 180}))
	if err != nil {
		panic(err)
	}
	reg, err := raci.LoadBytes([]byte("version: 1\norganisation: {name: X}\nroles: []\npeople:\n  - {id: p1, name: Pat}\n"))
	if err != nil {
		panic(err)
	}
	rep, err := eng.Evaluate(ctx, reg, raci.MustDate("2026-11-27"))
	if err != nil {
		panic(err)
	}
	for _, f := range rep.Findings {
		if f.Rule == "ORG-PEOPLE-001" {
			fmt.Println(f.Severity, f.Subject, f.Message, f.Line)
		}
	}
	// Output:
	// low person:p1 Person p1 "Pat" has no e-mail address: record it. 5
}
