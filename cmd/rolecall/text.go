package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/rolecall/rolecall/raci/engine"
)

var severityOrder = []engine.Severity{engine.SeverityCritical, engine.SeverityHigh, engine.SeverityMedium, engine.SeverityLow, engine.SeverityInfo}

// writeText writes a report for a person in a terminal: per register, the
// unwaived findings grouped by severity and rule (with what to do), then the
// waived ones, then the counts.
func writeText(out io.Writer, reports []*engine.Report, threshold string) error {
	w := bufio.NewWriter(out)
	for i, r := range reports {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s — as of %s\n", r.Source, r.AsOf)
		unwaived := r.Unwaived()
		if len(unwaived) == 0 {
			fmt.Fprintln(w, "\nNo unwaived findings.")
		}
		for _, sev := range severityOrder {
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
		counts := make([]string, 0, len(severityOrder))
		for _, sev := range severityOrder {
			counts = append(counts, fmt.Sprintf("%d %s", r.Summary.BySeverity[sev], sev))
		}
		verdict := "PASS"
		if s, ok := engine.ParseSeverity(threshold); ok && r.Failed(s) {
			verdict = "FAIL"
		}
		fmt.Fprintf(w, "\n%d findings: %s; %d waived. %s (--fail-on %s)\n", r.Summary.Total, strings.Join(counts, ", "), r.Summary.Waived, verdict, threshold)
	}
	return w.Flush()
}

func where(f engine.Finding) string {
	if f.Line > 0 {
		return fmt.Sprintf(" (line %d)", f.Line)
	}
	return ""
}
