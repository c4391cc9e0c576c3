package racitest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/racitest"
)

// recorder is a testing.TB that records failures instead of failing, so that
// the assertions' own failures can be tested.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

const snippet = `
	version: 1
	organisation: {name: Test Ltd}
	roles:
	  - {id: it-admin, name: IT Admin, kind: system_administrator, function: it, duties: [Run IT]}
	people:
	  - {id: pat, name: Pat, roles: [it-admin]}
	assets:
	  - {id: crm, name: CRM, type: saas, personal_data: true, classification: confidential}
`

func TestAssertionsWithARuleFilter(t *testing.T) {
	eng := racitest.Engine(t)
	rep := racitest.Evaluate(t, eng, racitest.Register(t, snippet), "2026-11-27")
	asset := []engine.Finding{}
	for _, f := range rep.Findings {
		if f.Rule == "A52-ASSET-001" {
			f.File, f.Line, f.Column = "", 0, 0
			asset = append(asset, f)
		}
	}
	if len(asset) != 1 || len(rep.Findings) < 5 {
		t.Fatalf("the snippet should give one A52-ASSET-001 finding among others; got %d of %d", len(asset), len(rep.Findings))
	}

	// Restricted to the rule, the exact findings match and nothing is reported.
	var ok recorder
	racitest.AssertFindings(&ok, rep, asset, "A52-ASSET-001")
	racitest.AssertPairs(&ok, rep, []racitest.Pair{racitest.NewPair("A52-ASSET-001", "asset:crm")}, "A52-ASSET-001")
	if len(ok.errors) != 0 {
		t.Errorf("matching assertions failed: %v", ok.errors)
	}

	// Without the filter the other rules' findings make both fail.
	var all recorder
	racitest.AssertFindings(&all, rep, asset)
	racitest.AssertPairs(&all, rep, []racitest.Pair{racitest.NewPair("A52-ASSET-001", "asset:crm")})
	if len(all.errors) != 2 || !strings.Contains(all.errors[0], "findings mismatch") {
		t.Errorf("unfiltered assertions: %d failures, want 2: %v", len(all.errors), all.errors)
	}

	// A rule that gives no finding matches an empty want, nil or not.
	var none recorder
	racitest.AssertFindings(&none, rep, nil, "A52-SOD-002")
	racitest.AssertFindings(&none, rep, []engine.Finding{}, "A52-SOD-002")
	if len(none.errors) != 0 {
		t.Errorf("empty assertions failed: %v", none.errors)
	}

	// A wrong message is a failure with a diff that shows it.
	wrong := append([]engine.Finding{}, asset...)
	wrong[0].Message = "something else"
	var diff recorder
	racitest.AssertFindings(&diff, rep, wrong, "A52-ASSET-001")
	if len(diff.errors) != 1 || !strings.Contains(diff.errors[0], "something else") {
		t.Errorf("a wrong message: %v", diff.errors)
	}
}

func TestNewPair(t *testing.T) {
	if got := racitest.NewPair("A52-ASSET-001", "asset:crm"); got != (racitest.Pair{Rule: "A52-ASSET-001", Subject: "asset:crm"}) || got.String() != "A52-ASSET-001 asset:crm" {
		t.Errorf("NewPair = %+v (%s)", got, got)
	}
}
