package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/rolecall/rolecall/raci/engine"
)

// Text is the format for a person in a terminal. For each register it writes
// the unwaived findings grouped by severity (most severe first) and rule, with
// what to do about each rule, then the waived findings, then the counts and
// whether the register passes the run's threshold. Registers are separated by
// a blank line.
type Text struct{}

// Format writes run as text to out.
func (Text) Format(out io.Writer, run Run) error {
	threshold, fails, err := run.threshold()
	if err != nil {
		return err
	}
	shown := string(run.FailOn)
	if !fails {
		shown = "none"
	}
	severities := engine.Severities()
	w := bufio.NewWriter(out)
	for i, r := range run.Reports {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s — as of %s\n", r.Source, r.AsOf)
		unwaived := r.Unwaived()
		if len(unwaived) == 0 {
			fmt.Fprintln(w, "\nNo unwaived findings.")
		}
		for _, sev := range severities {
			var group []engine.Finding
			for _, f := range unwaived {
				if f.Severity == sev {
					group = append(group, f)
				}
			}
			if len(group) == 0 {
				continue
			}
			fmt.Fprintf(w, "\n%s (%d)\n", strings.ToUpper(string(sev)), len(group))
			rule := ""
			for _, f := range group {
				if f.Rule != rule {
					rule = f.Rule
					fmt.Fprintf(w, "  %s  %s [%s]\n", f.Rule, f.Title, f.Control)
					if f.Remediation != "" {
						fmt.Fprintf(w, "    What to do: %s\n", f.Remediation)
					}
				}
				fmt.Fprintf(w, "    - %s%s\n      %s\n", f.Subject, where(f), f.Message)
			}
		}
		var waived []engine.Finding
		for _, f := range r.Findings {
			if f.Waived != "" {
				waived = append(waived, f)
			}
		}
		if len(waived) > 0 {
			fmt.Fprintf(w, "\nWAIVED (%d): reported, not counted\n", len(waived))
			for _, f := range waived {
				fmt.Fprintf(w, "  %s  %s%s: waived by exception %s\n      %s\n", f.Rule, f.Subject, where(f), f.Waived, f.Message)
			}
		}
		counts := make([]string, 0, len(severities))
		for _, sev := range severities {
			counts = append(counts, fmt.Sprintf("%d %s", r.Summary.BySeverity[sev], sev))
		}
		verdict := "PASS"
		if fails && r.Failed(threshold) {
			verdict = "FAIL"
		}
		noun := "findings"
		if r.Summary.Total == 1 {
			noun = "finding"
		}
		fmt.Fprintf(w, "\n%d %s: %s; %d waived. %s (--fail-on %s)\n", r.Summary.Total, noun, strings.Join(counts, ", "), r.Summary.Waived, verdict, shown)
	}
	return w.Flush()
}

// where returns " (line N)" for a finding located in its register's file, and
// nothing for one that is not.
func where(f engine.Finding) string {
	if f.Line > 0 {
		return fmt.Sprintf(" (line %d)", f.Line)
	}
	return ""
}
