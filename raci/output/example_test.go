package output_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/output"
)

// Writing a run in the format a user asked for by name. Here the report is
// built by hand; a program gets it from engine.Engine.Evaluate.
func ExampleByName() {
	rep := &engine.Report{
		AsOf:   raci.MustDate("2026-11-27"),
		Source: "register.yaml",
		Findings: []engine.Finding{{
			Rule: "A52-ASSET-001", Severity: engine.SeverityHigh, Control: "A.5.9",
			Title: "Asset without an owner", Subject: "asset:miro", File: "register.yaml", Line: 688, Column: 5,
			Message:     `Asset miro "Miro whiteboards" has no owner: name the role accountable for its protection.`,
			Remediation: "Name the role accountable for the asset's protection in its owner field.",
		}},
		Summary: engine.Summary{Total: 1, BySeverity: map[engine.Severity]int{engine.SeverityHigh: 1}},
	}
	f, err := output.ByName("text")
	if err != nil {
		panic(err)
	}
	run := output.Run{Reports: []*engine.Report{rep}, FailOn: engine.SeverityHigh}
	if err := f.Format(os.Stdout, run); err != nil {
		panic(err)
	}
	// Output:
	// register.yaml — as of 2026-11-27
	//
	// HIGH (1)
	//   A52-ASSET-001  Asset without an owner [A.5.9]
	//     What to do: Name the role accountable for the asset's protection in its owner field.
	//     register.yaml:688:5: asset:miro
	//       Asset miro "Miro whiteboards" has no owner: name the role accountable for its protection.
	//
	// Per rule:
	//   A52-ASSET-001  high      1
	//
	// 1 finding: 0 critical, 1 high, 0 medium, 0 low, 0 info; 0 waived. FAIL (--fail-on high)
}

// An unknown name is refused with the names there are, for a usage message.
func ExampleByName_unknown() {
	_, err := output.ByName("xml")
	fmt.Println(err)
	fmt.Println(output.Names())
	// Output:
	// output: format "xml" is not one of text, json, sarif, junit, github, oscal
	// [text json sarif junit github oscal]
}

// The JSON format writes one document for the whole run, whatever the number
// of registers.
func ExampleJSON() {
	rep := &engine.Report{AsOf: raci.MustDate("2026-11-27"), Source: "register.yaml"}
	if err := (output.JSON{}).Format(os.Stdout, output.Run{Reports: []*engine.Report{rep}}); err != nil {
		panic(err)
	}
	// Output:
	// {
	//   "verdict": "pass",
	//   "fail_on": "none",
	//   "as_of": "2026-11-27",
	//   "catalogue_version": "",
	//   "settings": {
	//     "config_file": "",
	//     "disabled": [],
	//     "severity_changes": [],
	//     "rule_dirs": [],
	//     "organisation_rules": 0
	//   },
	//   "files": [
	//     "register.yaml"
	//   ],
	//   "findings": [],
	//   "summary": {
	//     "total": 0,
	//     "waived": 0,
	//     "by_severity": {
	//       "critical": 0,
	//       "high": 0,
	//       "info": 0,
	//       "low": 0,
	//       "medium": 0
	//     }
	//   }
	// }
}

// A run with everything the richer formats use: the registers (exception
// reasons, OSCAL's roles and parties), the engine's rules (SARIF's rule
// descriptors, JUnit's test cases) and the configuration applied. The same run
// is then written in any format; here the verdict and the text format's
// configuration line are printed.
func ExampleRun() {
	ctx := context.Background()
	reg, err := raci.LoadFile("../../examples/registers/acme.yaml", raci.WithSourceName("examples/registers/acme.yaml"))
	if err != nil {
		panic(err)
	}
	cfg, err := engine.ParseConfig([]byte("disable: [A52-COMM-004]\n"), "rolecall.yaml")
	if err != nil {
		panic(err)
	}
	eng, err := engine.New(ctx, engine.WithConfig(cfg))
	if err != nil {
		panic(err)
	}
	rep, err := eng.Evaluate(ctx, reg, raci.MustDate("2026-11-27"))
	if err != nil {
		panic(err)
	}
	settings := eng.Settings()
	settings.ConfigFile = "rolecall.yaml" // the name cfg was read from
	run := output.Run{
		Reports:     []*engine.Report{rep},
		Registers:   []*raci.Register{reg},
		Rules:       eng.Rules(),
		Settings:    settings,
		FailOn:      engine.SeverityHigh,
		ToolVersion: output.BuildVersion(),
	}
	verdict, err := run.Verdict()
	if err != nil {
		panic(err)
	}
	fmt.Println(verdict)
	var text strings.Builder
	if err := (output.Text{}).Format(&text, run); err != nil {
		panic(err)
	}
	first, _, _ := strings.Cut(text.String(), "\n")
	fmt.Println(first)
	// Output:
	// fail
	// Configuration: rolecall.yaml; disabled A52-COMM-004; rule catalogue 2.
}

// The GitHub format turns each unwaived finding into a workflow command that
// annotates the register in a pull request.
func ExampleGitHub() {
	rep := &engine.Report{
		AsOf:   raci.MustDate("2026-11-27"),
		Source: "register.yaml",
		Findings: []engine.Finding{{
			Rule: "A52-ROLE-003", Severity: engine.SeverityMedium, Control: "A.5.2",
			Title: "Role without duties", Subject: "role:ciso", File: "register.yaml", Line: 12, Column: 5,
			Message: `Role ciso "CISO" has no duties: write down its information security duties.`,
		}},
		Summary: engine.Summary{Total: 1, BySeverity: map[engine.Severity]int{engine.SeverityMedium: 1}},
	}
	run := output.Run{Reports: []*engine.Report{rep}, FailOn: engine.SeverityHigh}
	if err := (output.GitHub{}).Format(os.Stdout, run); err != nil {
		panic(err)
	}
	// Output:
	// ::warning file=register.yaml,line=12,col=5,title=A52-ROLE-003 Role without duties::role:ciso: Role ciso "CISO" has no duties: write down its information security duties.
	// rolecall: register.yaml as of 2026-11-27: 1 finding (0 critical, 0 high, 1 medium, 0 low, 0 info; 0 waived). PASS (--fail-on high)
}
