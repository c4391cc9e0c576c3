// Package output writes the reports of a rolecall run in the formats people and
// tools read: text for a terminal and JSON for programs. The rolecall command
// and programs that embed the engine use the same formatters, so a format looks
// the same wherever it is produced.
//
// Each format is a Formatter in a file of its own; ByName finds one by the name
// a user types (for example in rolecall check --format). Formats work on
// finished reports: the package depends on raci and raci/engine only, for the
// report types, and must never import OPA packages or the command.
package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/rolecall/rolecall/raci/engine"
)

// A Formatter writes the reports of one run: one or more registers evaluated
// with the same engine and date.
type Formatter interface {
	// Format writes run to w. It returns the first error writing to w, or an
	// error when run's FailOn is not a severity.
	Format(w io.Writer, run Run) error
}

// Run is what a formatter writes: the reports and the failure threshold the run
// was judged against.
type Run struct {
	// Reports are the reports of the run, in the order the registers were given.
	Reports []*engine.Report
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
// than a variable so that nothing can change the list at run time.
func formats() []format {
	return []format{
		{"text", Text{}},
		{"json", JSON{}},
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
