package output_test

import (
	"fmt"
	"os"

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
			Title: "Asset without an owner", Subject: "asset:miro", Line: 688,
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
	//     - asset:miro (line 688)
	//       Asset miro "Miro whiteboards" has no owner: name the role accountable for its protection.
	//
	// 1 finding: 0 critical, 1 high, 0 medium, 0 low, 0 info; 0 waived. FAIL (--fail-on high)
}

// An unknown name is refused with the names there are, for a usage message.
func ExampleByName_unknown() {
	_, err := output.ByName("xml")
	fmt.Println(err)
	fmt.Println(output.Names())
	// Output:
	// output: format "xml" is not one of text, json
	// [text json]
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
	//   "as_of": "2026-11-27",
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
