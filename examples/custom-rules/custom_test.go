// Package customrules is Acme Analytics' organisation package for rolecall:
// three Rego rules of its own under rules/, their Rego tests, and rolecall.yaml
// (a tighter review interval, a disabled rule, a severity override). This Go test
// shows how an organisation unit-tests its governance logic with racitest.
package customrules

import (
	"testing"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/racitest"
)

func acmeConfig(t *testing.T) *engine.Config {
	t.Helper()
	cfg, err := engine.LoadConfig("rolecall.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestRegoTests runs the organisation's _test.rego files as Go subtests.
func TestRegoTests(t *testing.T) {
	racitest.RunRegoTests(t, engine.ScopeOrganisation, engine.WithConfig(acmeConfig(t)))
}

// TestAcmeRegister checks the example register with Acme's configuration: the
// organisation's findings appear beside the bundled ones, COMM-003 is disabled
// and ASSET-002 is raised to high.
func TestAcmeRegister(t *testing.T) {
	eng := racitest.Engine(t, engine.WithConfig(acmeConfig(t)))
	reg, err := raci.LoadFile("../registers/acme.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rep := racitest.Evaluate(t, eng, reg, "2026-11-27")
	racitest.AssertPairs(t, rep, []racitest.Pair{
		{Rule: "ACME-ASSET-001", Subject: "asset:marketing-contacts"},
		{Rule: "ACME-ASSET-002", Subject: "asset:client-datasets"},
		{Rule: "ACME-PEOPLE-001", Subject: "person:ben-carter"},
	}, "ACME-ASSET-001", "ACME-ASSET-002", "ACME-PEOPLE-001")
	asset002 := 0
	for _, f := range rep.Findings {
		if f.Rule == "A52-ASSET-002" {
			asset002++
			if f.Severity != engine.SeverityHigh {
				t.Errorf("A52-ASSET-002 severity %s, want the configured high", f.Severity)
			}
		}
	}
	if asset002 == 0 {
		t.Error("no A52-ASSET-002 finding in acme.yaml: the severity override is not exercised")
	}
}

// TestDisabledRule checks that the configuration's disabled rule stays silent
// on a register where it fires without the configuration.
func TestDisabledRule(t *testing.T) {
	reg := racitest.Register(t, `
		version: 1
		organisation: {name: Disabled Ltd}
		roles:
		  - {id: admin, name: Administrator, kind: system_administrator, function: it, duties: [Run the servers]}
		people:
		  - {id: p1, name: Pat, roles: [admin]}
	`)
	count := func(eng *engine.Engine) int {
		n := 0
		for _, f := range racitest.Evaluate(t, eng, reg, "2026-11-27").Findings {
			if f.Rule == "A52-COMM-003" {
				n++
			}
		}
		return n
	}
	if n := count(racitest.Engine(t)); n != 1 {
		t.Fatalf("without the configuration A52-COMM-003 reported %d findings, want 1", n)
	}
	if n := count(racitest.Engine(t, engine.WithConfig(acmeConfig(t)))); n != 0 {
		t.Errorf("disabled rule A52-COMM-003 reported %d findings", n)
	}
}

// TestSnippet shows a register written inline and the exact finding expected.
func TestSnippet(t *testing.T) {
	eng := racitest.Engine(t, engine.WithConfig(acmeConfig(t)))
	reg := racitest.Register(t, `
		version: 1
		organisation: {name: Snippet Ltd}
		roles:
		  - {id: admin, name: Administrator, kind: system_administrator, function: it, duties: [Run servers]}
		people:
		  - {id: c1, name: Casey, employment: contractor, roles: [admin]}
	`)
	rep := racitest.Evaluate(t, eng, reg, "2026-11-27")
	racitest.AssertFindings(t, &engine.Report{Findings: filter(rep.Findings, "ACME-PEOPLE-001")}, []engine.Finding{{
		Rule:        "ACME-PEOPLE-001",
		Severity:    engine.SeverityHigh,
		Control:     "A.5.2",
		Title:       "Contractor holds a privileged role",
		Subject:     "person:c1",
		Message:     `Contractor c1 "Casey" holds privileged role admin "Administrator" (system_administrator): give the role to an employee and delegate the work instead.`,
		Path:        "/people/0",
		Remediation: "Give the role to an employee and delegate the work to the contractor instead.",
	}})
}

func filter(fs []engine.Finding, rule string) []engine.Finding {
	var out []engine.Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}
