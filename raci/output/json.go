package output

import (
	"encoding/json"
	"io"

	"github.com/rolecall/rolecall/raci/engine"
)

// JSON is the format for programs: one JSON document (a JSONReport) merging the
// run's reports, indented by two spaces and ended by a newline. It does not
// record the run's threshold.
type JSON struct{}

// JSONReport is the document the JSON format writes, for programs that read it
// back: every finding of every register of a run and one summary over all of
// them.
type JSONReport struct {
	// AsOf is the evaluation date, YYYY-MM-DD.
	AsOf string `json:"as_of"`
	// Files names the registers' sources, in the order of the run's reports.
	Files []string `json:"files"`
	// Findings are the findings of every register, register by register, each
	// register's in report order.
	Findings []engine.Finding `json:"findings"`
	// Summary adds up the reports' summaries; every severity is present.
	Summary engine.Summary `json:"summary"`
}

// Format writes run as one JSON document to w.
func (JSON) Format(w io.Writer, run Run) error {
	if _, _, err := run.threshold(); err != nil {
		return err
	}
	out := JSONReport{Findings: []engine.Finding{}, Summary: engine.Summary{BySeverity: map[engine.Severity]int{}}}
	for _, s := range engine.Severities() {
		out.Summary.BySeverity[s] = 0
	}
	for _, r := range run.Reports {
		out.AsOf = r.AsOf.String()
		out.Files = append(out.Files, r.Source)
		out.Findings = append(out.Findings, r.Findings...)
		out.Summary.Total += r.Summary.Total
		out.Summary.Waived += r.Summary.Waived
		for s, n := range r.Summary.BySeverity {
			out.Summary.BySeverity[s] += n
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
