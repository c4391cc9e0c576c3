package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/rolecall/rolecall/raci/engine"
)

// GitHub is the format for GitHub Actions: one workflow command per unwaived
// finding, which the runner turns into an annotation on the register file in
// the pull request and the run's summary,
//
//	::error file=FILE,line=LINE,col=COL,title=RULE TITLE::SUBJECT: MESSAGE%0AWhat to do: REMEDIATION
//
// with ::error for critical and high findings, ::warning for medium and
// ::notice for low and info. A finding without a line leaves out line and col;
// one of a register not read from a file leaves out file too. Waived findings
// are not annotated. After the commands, one plain line per register gives
// its counts and verdict.
//
// Values are escaped as GitHub's workflow command syntax requires (% as %25,
// carriage return as %0D, newline as %0A, and in properties also : as %3A and
// , as %2C), after control characters in text from the register or a rule's
// METADATA have been written visibly (see docs/reports.md), so no value can
// end a command early or start a command of its own.
type GitHub struct{}

// Format writes run as GitHub workflow commands to out.
func (GitHub) Format(out io.Writer, run Run) error {
	threshold, fails, err := run.threshold()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	for _, r := range run.reports() {
		for _, f := range r.Unwaived() {
			var props []string
			file := r.file(f)
			if file != "" {
				props = append(props, "file="+githubProperty(terminalSafe(file)))
				if f.Line > 0 {
					props = append(props, fmt.Sprintf("line=%d", f.Line))
					if f.Column > 0 {
						props = append(props, fmt.Sprintf("col=%d", f.Column))
					}
				}
			}
			title := terminalSafe(f.Rule)
			if f.Title != "" {
				title += " " + terminalSafe(f.Title)
			}
			props = append(props, "title="+githubProperty(title))
			msg := terminalSafe(f.Subject) + ": " + terminalSafe(f.Message)
			if f.Remediation != "" {
				msg += "\nWhat to do: " + terminalSafe(f.Remediation)
			}
			fmt.Fprintf(w, "::%s %s::%s\n", githubCommand(f.Severity), strings.Join(props, ","), githubData(msg))
		}
	}
	for _, r := range run.reports() {
		verdict := "PASS"
		if fails && r.Failed(threshold) {
			verdict = "FAIL"
		}
		counts := make([]string, 0, len(engine.Severities()))
		for _, sev := range engine.Severities() {
			counts = append(counts, fmt.Sprintf("%d %s", r.Summary.BySeverity[sev], sev))
		}
		fmt.Fprintf(w, "rolecall: %s as of %s: %s (%s; %d waived). %s (--fail-on %s)\n",
			terminalSafe(r.Source), r.AsOf, findingsCount(r.Summary.Total), strings.Join(counts, ", "), r.Summary.Waived, verdict, terminalSafe(run.failOnShown()))
	}
	return w.Flush()
}

// githubCommand is the workflow command of a severity's annotations.
func githubCommand(s engine.Severity) string {
	switch s {
	case engine.SeverityCritical, engine.SeverityHigh:
		return "error"
	case engine.SeverityMedium:
		return "warning"
	}
	return "notice"
}

// githubData escapes the message of a workflow command.
func githubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// githubProperty escapes the value of a workflow command's property.
func githubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
