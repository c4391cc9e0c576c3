package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rolecall/rolecall/internal/randreg"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// oddRules is an organisation rule set whose findings test the edges of the
// report's contract: values that are not strings, a finding without a message,
// findings that are equal once their extra fields are dropped, and a waiver.
var oddRules = fstest.MapFS{"odd.rego": {Data: []byte(`# METADATA
# title: Odd findings
# custom:
#   id: ORG-ODD
#   severity: low
package rolecall.custom.odd

finding contains {"subject": "organisation", "message": "same", "extra": 1}

finding contains {"subject": "organisation", "message": "same", "extra": 2}

finding contains {"subject": "organisation", "message": 7, "path": "/organisation"}

finding contains {"subject": 5, "message": "a number subject"}

finding contains {"subject": "organisation", "message": "a path that is a number", "path": 3}

finding contains {"subject": "organisation", "message": "a path that is a number", "path": 4}

finding contains {"subject": "organisation", "message": "a path that is a number"}

finding contains {"subject": "organisation"}

finding contains {"message": "no subject"}

finding contains {"subject": sprintf("role:%s", [r.id]), "message": "every role", "path": sprintf("/roles/%d", [i])} if {
	some i, r in input.register.roles
}
`)}}

// TestEngineDecoratesLikeReport holds the engine (which evaluates
// data.rolecall.by_rule and decorates the findings in Go) to what a plain OPA
// reports from data.rolecall.report: the same findings for the conformance
// vectors, the example registers and hundreds of generated registers, with the
// default configuration, with rules disabled and severities overridden, and with
// organisation rules, the example organisation's and odd ones.
func TestEngineDecoratesLikeReport(t *testing.T) {
	ctx := context.Background()
	cfg, err := engine.LoadConfig("../../examples/custom-rules/rolecall.yaml")
	if err != nil {
		t.Fatal(err)
	}
	engines := map[string][]engine.Option{
		"default":           nil,
		"example config":    {engine.WithConfig(cfg)},
		"odd rules":         {engine.WithRules(oddRules), engine.WithSeverity("ORG-ODD", engine.SeverityHigh), engine.WithDisabled("A52-PEOPLE-001")},
		"everything off":    {engine.WithDisabled(allRuleIDs(t)...)},
		"severity override": {engine.WithSeverity("A52-ASSET-001", engine.SeverityInfo)},
	}

	type sample struct {
		name string
		reg  *raci.Register
		asOf raci.Date
	}
	var samples []sample
	for _, path := range globFiles(t, "../../examples/registers/*.yaml", filepath.Join(conformanceDir(t), "*.json")) {
		if strings.HasSuffix(path, ".expected.json") {
			continue
		}
		reg, err := raci.LoadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		samples = append(samples, sample{filepath.Base(path), reg, raci.MustDate("2026-11-27")})
	}
	src := rand.New(rand.NewPCG(52, 27001))
	for i := range generatedSamples() {
		data := make([]byte, 64+src.IntN(900))
		for j := range data {
			data[j] = byte(src.UintN(256))
		}
		b := randreg.New(&randreg.ByteChooser{Data: data})
		built := b.Register()
		js, err := json.Marshal(built)
		if err != nil {
			t.Fatal(err)
		}
		reg, err := raci.LoadBytes(js, raci.WithFormat(raci.FormatJSON))
		if err != nil {
			t.Fatalf("generated register %d is invalid: %v", i, err)
		}
		samples = append(samples, sample{fmt.Sprintf("generated register %d", i), reg, b.Date()})
	}

	for name, opts := range engines {
		t.Run(name, func(t *testing.T) {
			eng, err := engine.New(ctx, opts...)
			if err != nil {
				t.Fatal(err)
			}
			report, err := engine.PrepareReport(ctx, eng)
			if err != nil {
				t.Fatal(err)
			}
			total, generatedWaived := 0, 0
			for _, s := range samples {
				want, err := report(s.reg, s.asOf)
				if err != nil {
					t.Fatalf("%s: data.rolecall.report: %v", s.name, err)
				}
				rep, err := eng.Evaluate(ctx, s.reg, s.asOf)
				if err != nil {
					t.Fatalf("%s: Evaluate: %v", s.name, err)
				}
				if diff := cmp.Diff(want, rep.Findings); diff != "" {
					t.Fatalf("%s as of %s: engine differs from data.rolecall.report (-report +engine):\n%s", s.name, s.asOf, diff)
				}
				total += len(want)
				if strings.HasPrefix(s.name, "generated") {
					for _, f := range want {
						if f.Waived != "" {
							generatedWaived++
						}
					}
				}
			}
			// The waived path differs most between the two decorations: the
			// generated registers, not only acme, must exercise it.
			if name == "default" && generatedWaived == 0 {
				t.Fatalf("no waived finding in the %d generated registers: the waiver comparison rests on the example registers alone", generatedSamples())
			}
			t.Logf("%d findings, %d waived in generated registers", total, generatedWaived)
			if name != "everything off" && total == 0 {
				t.Fatalf("no findings in %d registers: the comparison proves nothing", len(samples))
			}
			if name == "everything off" && total != 0 {
				t.Fatalf("%d findings with every rule disabled", total)
			}
		})
	}
}

func allRuleIDs(t *testing.T) []string {
	t.Helper()
	eng, err := fuzzEngine()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range eng.Rules() {
		ids = append(ids, r.ID)
	}
	return ids
}

func globFiles(t *testing.T, patterns ...string) []string {
	t.Helper()
	var out []string
	for _, p := range patterns {
		m, err := filepath.Glob(p)
		if err != nil || len(m) == 0 {
			t.Fatalf("no files match %s (%v)", p, err)
		}
		out = append(out, m...)
	}
	return out
}

// TestOddOrganisationFindings pins what the report makes of the odd findings:
// one of two findings equal but for an extra field, nothing for a subject or
// message that is not a string, no path for a path that is not a string, nothing for a
// finding without a subject or message.
func TestOddOrganisationFindings(t *testing.T) {
	eng, err := engine.New(context.Background(), engine.WithRules(oddRules), engine.WithDisabled(allRuleIDs(t)...))
	if err != nil {
		t.Fatal(err)
	}
	reg, err := raci.LoadBytes([]byte("version: 1\norganisation: {name: X}\nroles: [{id: r1, name: R, kind: other, function: security}]\npeople: []\n"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eng.Evaluate(context.Background(), reg, raci.MustDate("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s|%s|%s|%d", f.Subject, f.Message, f.Path, f.Line))
	}
	want := []string{
		"organisation|a path that is a number||0",
		"organisation|same||0",
		"role:r1|every role|/roles/0|3",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("odd findings (-want +got):\n%s", diff)
	}
}

// generatedSamples is how many generated registers the comparison uses: fewer
// under the race detector, which makes evaluation several times slower.
func generatedSamples() int {
	if raceEnabled || testing.Short() {
		return 20
	}
	return 300
}
