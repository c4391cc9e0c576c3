package output

import (
	"encoding/json"
	"io"
	"slices"

	"github.com/rolecall/rolecall/raci/engine"
)

// JSON is the format for programs: one JSON document (a JSONReport) merging the
// run's reports, indented by two spaces and ended by a newline. Its fields are
// stable: docs/reports.md documents each, and a later version only adds
// fields.
type JSON struct{}

// JSONReport is the document the JSON format writes, for programs that read it
// back: the run's verdict and what it was judged against, every finding of
// every register of the run and one summary over all of them. Every field is
// always present.
type JSONReport struct {
	// Verdict is "fail" when an unwaived finding of any register is at or
	// above FailOn, "pass" otherwise.
	Verdict Verdict `json:"verdict"`
	// FailOn is the threshold as the run was given it, "none" when the run
	// never fails.
	FailOn string `json:"fail_on"`
	// AsOf is the evaluation date, YYYY-MM-DD; empty for a run without reports.
	AsOf string `json:"as_of"`
	// CatalogueVersion is the version of the bundled rule catalogue, empty when
	// the run did not record it.
	CatalogueVersion string `json:"catalogue_version"`
	// Settings is the configuration applied.
	Settings JSONSettings `json:"settings"`
	// Files names the registers' sources, in the order of the run's reports.
	Files []string `json:"files"`
	// Findings are the findings of every register, register by register, each
	// register's in report order.
	Findings []engine.Finding `json:"findings"`
	// Summary adds up the reports' summaries; every severity is present.
	Summary engine.Summary `json:"summary"`
}

// JSONSettings is the configuration a run applied, as the JSON format writes
// it. Lists are empty, never null, when nothing was configured.
type JSONSettings struct {
	// ConfigFile names the configuration file, empty when there was none.
	ConfigFile string `json:"config_file"`
	// Disabled lists the ids of the rules that were not evaluated, sorted.
	Disabled []string `json:"disabled"`
	// SeverityChanges lists the rules whose severity the configuration changed,
	// sorted by rule id.
	SeverityChanges []engine.SeverityChange `json:"severity_changes"`
	// RuleDirs names the directories of organisation rules.
	RuleDirs []string `json:"rule_dirs"`
	// OrganisationRules is the number of organisation rules loaded.
	OrganisationRules int `json:"organisation_rules"`
}

// Format writes run as one JSON document to w.
func (JSON) Format(w io.Writer, run Run) error {
	verdict, err := run.Verdict()
	if err != nil {
		return err
	}
	s := run.Settings
	out := JSONReport{
		Verdict:          verdict,
		FailOn:           run.failOnShown(),
		CatalogueVersion: s.CatalogueVersion,
		Settings: JSONSettings{
			ConfigFile:        s.ConfigFile,
			Disabled:          append([]string{}, s.Disabled...),
			SeverityChanges:   append([]engine.SeverityChange{}, s.Severities...),
			RuleDirs:          append([]string{}, s.RuleDirs...),
			OrganisationRules: s.OrganisationRules,
		},
		Files:    []string{},
		Findings: []engine.Finding{},
		Summary:  engine.Summary{BySeverity: map[engine.Severity]int{}},
	}
	slices.Sort(out.Settings.Disabled)
	for _, s := range engine.Severities() {
		out.Summary.BySeverity[s] = 0
	}
	for _, r := range run.reports() {
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
