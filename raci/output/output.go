// Package output writes the reports of a rolecall run in the formats people and
// tools read: text for a terminal, JSON for programs, SARIF for code scanning,
// JUnit XML for test dashboards, GitHub workflow commands for pull-request
// annotations and OSCAL assessment results for compliance tooling. The rolecall
// command and programs that embed the engine use the same formatters, so a
// format looks the same wherever it is produced.
//
// Each format is a Formatter in a file of its own; ByName finds one by the name
// a user types (for example in rolecall check --format). Formats work on
// finished reports and the registers and rule catalogue behind them: the
// package depends on raci and raci/engine only, for their types, and must never
// import OPA packages or the command.
package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// A Formatter writes the reports of one run: one or more registers evaluated
// with the same engine and date.
type Formatter interface {
	// Format writes run to w. It returns the first error writing to w, or an
	// error when run's FailOn is not a severity.
	Format(w io.Writer, run Run) error
}

// Run is what a formatter writes: the reports, the failure threshold the run
// was judged against and what the formats that describe more than findings
// need. Only Reports and FailOn are required: every format writes valid output
// from a Run whose other fields are zero, and leaves out what they would give.
type Run struct {
	// Reports are the reports of the run, in the order the registers were given.
	Reports []*engine.Report
	// Registers are the registers evaluated, index for index with Reports. A
	// missing or nil register leaves out what only it gives: the reasons of the
	// exceptions that waive findings (SARIF, JUnit) and the roles, people and
	// responsible parties of OSCAL's metadata.
	Registers []*raci.Register
	// Rules is the catalogue the run was evaluated with (engine.Engine.Rules),
	// disabled rules included. Formats that list every rule (SARIF's rule
	// descriptors, JUnit's test cases) list these; when Rules is empty they list
	// the rules of the findings only.
	Rules []engine.Rule
	// Settings is the configuration the engine applied (engine.Engine.Settings,
	// with ConfigFile set by the program that loaded the configuration). The
	// zero Settings records nothing: the text format then leaves out its
	// configuration line, and the JSON format's catalogue version is empty.
	Settings engine.Settings
	// ToolVersion is rolecall's version as formats record it (SARIF's driver,
	// OSCAL's metadata); BuildVersion reads it from the binary. Empty leaves it
	// out.
	ToolVersion string
	// Frameworks gives, by rule id, the controls of other frameworks a rule
	// evidences: framework name (e.g. "NIST CSF 2.0") to control ids. Formats
	// that carry mappings (SARIF tags and properties, OSCAL findings) read them
	// here; a rule without an entry has none.
	Frameworks map[string]map[string][]string
	// FailOn is the lowest severity of an unwaived finding that fails the run,
	// read as engine.ParseSeverity reads it (case and surrounding space do not
	// matter); empty means the run never fails. Formats that show the threshold
	// show it as written here, so a command can echo what its user typed.
	FailOn engine.Severity
}

// threshold returns the severity FailOn names, with fails false when the run
// never fails. It returns an error when FailOn is neither empty nor a severity,
// so that a formatter refuses the run before writing anything.
func (run Run) threshold() (sev engine.Severity, fails bool, err error) {
	if run.FailOn == "" {
		return "", false, nil
	}
	sev, ok := engine.ParseSeverity(string(run.FailOn))
	if !ok {
		return "", false, fmt.Errorf("output: fail-on %q is not one of %s", run.FailOn, severityNames())
	}
	return sev, true, nil
}

// severityNames lists the severities for messages, most severe first.
func severityNames() string {
	var names []string
	for _, s := range engine.Severities() {
		names = append(names, string(s))
	}
	return strings.Join(names, ", ")
}

// format is a formatter and the name users select it by.
type format struct {
	name string
	f    Formatter
}

// formats lists every format in the order Names reports them; a new format is
// a file declaring its Formatter and an entry here. It is a function rather
// than a variable so that nothing can change the list at run time. The
// markdown and html evidence packs are not formats of this package: they need
// more than a run (package raci/evidence writes them) and the command offers
// them beside these.
func formats() []format {
	return []format{
		{"text", Text{}},
		{"json", JSON{}},
		{"sarif", SARIF{}},
		{"junit", JUnit{}},
		{"github", GitHub{}},
		{"oscal", OSCAL{}},
	}
}

// Names returns the names ByName accepts, in the order a usage message should
// list them.
func Names() []string {
	var names []string
	for _, f := range formats() {
		names = append(names, f.name)
	}
	return names
}

// ByName returns the formatter called name (one of Names). For any other name
// the error lists the known names.
func ByName(name string) (Formatter, error) {
	for _, f := range formats() {
		if f.name == name {
			return f.f, nil
		}
	}
	return nil, fmt.Errorf("output: format %q is not one of %s", name, strings.Join(Names(), ", "))
}
