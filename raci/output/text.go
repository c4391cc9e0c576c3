package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/rolecall/rolecall/raci/engine"
)

// Text is the format for a person in a terminal. It first states the
// configuration applied in one line, when the run records it (see
// Run.Settings). Then, for each register, it writes the
// unwaived findings grouped by severity (most severe first) and rule, with what
// to do about each rule, then the waived findings, a count per rule, the counts
// per severity and whether the register passes the run's threshold. Registers
// are separated by a blank line.
//
// Each finding starts with FILE:LINE:COL, the form editors and terminals open
// on a click (FILE alone when the finding has no line, nothing when the
// register was not read from a file). Text from registers and rules is
// written with terminal control characters escaped (see docs/reports.md), so
// a register cannot forge output or drive the terminal.
type Text struct {
	// Colour writes severities, rule ids and verdicts in ANSI colours. Leave it
	// false unless the output is a terminal that shows colour and the user has
	// not asked for none (the NO_COLOR environment variable): the command
	// decides, the formatter only obeys.
	Colour bool
}

// ANSI styles of the text format.
const (
	styleReset   = "\x1b[0m"
	styleBold    = "\x1b[1m"
	styleDim     = "\x1b[2m"
	styleRed     = "\x1b[1;31m"
	styleYellow  = "\x1b[33m"
	styleCyan    = "\x1b[36m"
	styleGreen   = "\x1b[1;32m"
	styleMagenta = "\x1b[1;35m"
)

// Format writes run as text to out.
func (t Text) Format(out io.Writer, run Run) error {
	threshold, fails, err := run.threshold()
	if err != nil {
		return err
	}
	shown := terminalSafe(run.failOnShown())
	w := bufio.NewWriter(out)
	sep := ""
	if recorded(run.Settings) {
		fmt.Fprintln(w, configurationLine(run.Settings, run.Rules))
		sep = "\n"
	}
	for _, r := range run.reports() {
		fmt.Fprintf(w, "%s%s — as of %s\n", sep, t.style(styleBold, terminalSafe(r.Source)), r.AsOf)
		sep = "\n"
		unwaived := r.Unwaived()
		if len(unwaived) == 0 {
			fmt.Fprintln(w, "\nNo unwaived findings.")
		}
		for _, sev := range engine.Severities() {
			var group []engine.Finding
			for _, f := range unwaived {
				if f.Severity == sev {
					group = append(group, f)
				}
			}
			if len(group) == 0 {
				continue
			}
			fmt.Fprintf(w, "\n%s\n", t.style(severityStyle(sev), fmt.Sprintf("%s (%d)", strings.ToUpper(string(sev)), len(group))))
			t.writeFindings(w, r, group, "")
		}
		var waived []engine.Finding
		for _, f := range r.Findings {
			if f.Waived != "" {
				waived = append(waived, f)
			}
		}
		if len(waived) > 0 {
			fmt.Fprintf(w, "\n%s\n", t.style(styleDim, fmt.Sprintf("WAIVED (%d): reported, not counted", len(waived))))
			t.writeFindings(w, r, waived, "waived")
		}
		t.writePerRule(w, r)
		counts := make([]string, 0, len(engine.Severities()))
		for _, sev := range engine.Severities() {
			counts = append(counts, fmt.Sprintf("%d %s", r.Summary.BySeverity[sev], sev))
		}
		verdict := t.style(styleGreen, "PASS")
		if fails && r.Failed(threshold) {
			verdict = t.style(styleRed, "FAIL")
		}
		fmt.Fprintf(w, "\n%s: %s; %d waived. %s (--fail-on %s)\n", findingsCount(r.Summary.Total), strings.Join(counts, ", "), r.Summary.Waived, verdict, shown)
	}
	return w.Flush()
}

// writeFindings writes findings grouped by rule: the rule's header and what to
// do once, then each finding's location, subject and message. For waived
// findings (waived non-empty) each finding names its exception instead.
func (t Text) writeFindings(w io.Writer, r reportOf, findings []engine.Finding, waived string) {
	rule := ""
	for i, f := range findings {
		if i == 0 || f.Rule != rule {
			rule = f.Rule
			fmt.Fprintf(w, "  %s  %s [%s]\n", t.style(styleBold, terminalSafe(f.Rule)), terminalSafe(f.Title), terminalSafe(f.Control))
			if f.Remediation != "" && waived == "" {
				fmt.Fprintf(w, "    What to do: %s\n", terminalSafe(f.Remediation))
			}
		}
		line := terminalSafe(f.Subject)
		if loc := location(r.file(f), f.Line, f.Column); loc != "" {
			line = terminalSafe(loc) + ": " + line
		}
		if f.Waived != "" {
			line += " (waived by exception " + terminalSafe(f.Waived) + ")"
		}
		fmt.Fprintf(w, "    %s\n      %s\n", line, terminalSafe(f.Message))
	}
}

// writePerRule writes, for a report with findings, one line per rule in report
// order: its id, severity, unwaived findings and waived ones.
func (t Text) writePerRule(w io.Writer, r reportOf) {
	type count struct {
		rule, severity string
		unwaived       int
		waived         int
	}
	var counts []*count
	byRule := map[string]*count{}
	width := 0
	for _, f := range r.Findings {
		c := byRule[f.Rule]
		if c == nil {
			c = &count{rule: terminalSafe(f.Rule), severity: terminalSafe(string(f.Severity))}
			byRule[f.Rule] = c
			counts = append(counts, c)
			width = max(width, len([]rune(c.rule)))
		}
		if f.Waived != "" {
			c.waived++
		} else {
			c.unwaived++
		}
	}
	if len(counts) == 0 {
		return
	}
	fmt.Fprintln(w, "\nPer rule:")
	for _, c := range counts {
		pad := strings.Repeat(" ", width-len([]rune(c.rule)))
		sev := t.style(severityStyle(engine.Severity(c.severity)), fmt.Sprintf("%-8s", c.severity))
		line := fmt.Sprintf("  %s%s  %s  %d", c.rule, pad, sev, c.unwaived)
		if c.waived > 0 {
			line += fmt.Sprintf(" + %d waived", c.waived)
		}
		fmt.Fprintln(w, line)
	}
}

// style wraps s in an ANSI style when the format writes colour.
func (t Text) style(style, s string) string {
	if !t.Colour || style == "" {
		return s
	}
	return style + s + styleReset
}

// severityStyle is the colour of a severity.
func severityStyle(s engine.Severity) string {
	switch s {
	case engine.SeverityCritical:
		return styleMagenta
	case engine.SeverityHigh:
		return styleRed
	case engine.SeverityMedium:
		return styleYellow
	case engine.SeverityLow:
		return styleCyan
	case engine.SeverityInfo:
		return styleDim
	}
	return ""
}

// location returns FILE:LINE:COL, FILE:LINE or FILE for what is known of a
// place, "" when the file is unknown.
func location(file string, line, col int) string {
	switch {
	case file == "":
		return ""
	case line <= 0:
		return file
	case col <= 0:
		return fmt.Sprintf("%s:%d", file, line)
	}
	return fmt.Sprintf("%s:%d:%d", file, line, col)
}

// recorded reports whether a run's Settings say anything: the zero Settings
// means the program did not record the configuration, not that there was none
// (an engine's Settings always carry the catalogue version).
func recorded(s engine.Settings) bool {
	return s.CatalogueVersion != "" || !s.IsDefault()
}

// configurationLine states in one line the configuration a run applied:
// the configuration file, disabled rules, changed severities, organisation
// rules and the catalogue version, or that the defaults applied. When most of
// the catalogue (rules) is disabled, as engine.WithOnly does, it names the
// rules evaluated instead of the many left out.
func configurationLine(s engine.Settings, rules []engine.Rule) string {
	var parts []string
	if s.IsDefault() {
		parts = append(parts, "defaults")
	} else {
		if s.ConfigFile != "" {
			parts = append(parts, terminalSafe(s.ConfigFile))
		} else {
			parts = append(parts, "no configuration file")
		}
		if enabled := enabledRules(rules); len(rules) > 0 && len(s.Disabled) > len(rules)/2 {
			parts = append(parts, fmt.Sprintf("only %s (%d rules disabled)", strings.Join(enabled, ", "), len(s.Disabled)))
		} else if len(s.Disabled) > 0 {
			ids := make([]string, len(s.Disabled))
			for i, id := range s.Disabled {
				ids[i] = terminalSafe(id)
			}
			parts = append(parts, "disabled "+strings.Join(ids, ", "))
		}
		if len(s.Severities) > 0 {
			changes := make([]string, len(s.Severities))
			for i, c := range s.Severities {
				changes[i] = fmt.Sprintf("%s %s → %s", terminalSafe(c.Rule), terminalSafe(string(c.From)), terminalSafe(string(c.To)))
			}
			parts = append(parts, "severity "+strings.Join(changes, ", "))
		}
		if s.OrganisationRules > 0 || len(s.RuleDirs) > 0 {
			noun := "rules"
			if s.OrganisationRules == 1 {
				noun = "rule"
			}
			org := fmt.Sprintf("%d organisation %s", s.OrganisationRules, noun)
			if len(s.RuleDirs) > 0 {
				dirs := make([]string, len(s.RuleDirs))
				for i, d := range s.RuleDirs {
					dirs[i] = terminalSafe(d)
				}
				org += " from " + strings.Join(dirs, ", ")
			}
			parts = append(parts, org)
		}
	}
	if s.CatalogueVersion != "" {
		parts = append(parts, "rule catalogue "+terminalSafe(s.CatalogueVersion))
	}
	return "Configuration: " + strings.Join(parts, "; ") + "."
}

// findingsCount is "1 finding" or "N findings".
func findingsCount(n int) string {
	if n == 1 {
		return "1 finding"
	}
	return fmt.Sprintf("%d findings", n)
}

// enabledRules lists the ids of the rules evaluated, made safe for a terminal.
func enabledRules(rules []engine.Rule) []string {
	var ids []string
	for _, r := range rules {
		if !r.Disabled {
			ids = append(ids, terminalSafe(r.ID))
		}
	}
	return ids
}
