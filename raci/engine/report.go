package engine

import (
	"sort"
	"strings"

	"github.com/rolecall/rolecall/raci"

	"github.com/rolecall/rolecall/internal/ruleset"
)

// Severity is a finding's severity: critical, high, medium, low or info.
type Severity string

// Severities from the most to the least severe.
const (
	SeverityCritical Severity = "critical"
	SeverityHigh     Severity = "high"
	SeverityMedium   Severity = "medium"
	SeverityLow      Severity = "low"
	SeverityInfo     Severity = "info"
)

// Rank returns 0 for critical up to 4 for info, and -1 for an unknown severity.
func (s Severity) Rank() int { return ruleset.SeverityRank(string(s)) }

// AtLeast reports whether s is as severe as t or more.
func (s Severity) AtLeast(t Severity) bool {
	return s.Rank() >= 0 && t.Rank() >= 0 && s.Rank() <= t.Rank()
}

// ParseSeverity checks that s names a severity.
func ParseSeverity(s string) (Severity, bool) {
	v := Severity(strings.ToLower(strings.TrimSpace(s)))
	return v, v.Rank() >= 0
}

// Severities returns the severities from the most to the least severe: the
// order of reports and of --fail-on thresholds.
func Severities() []Severity {
	names := ruleset.Severities()
	out := make([]Severity, len(names))
	for i, n := range names {
		out[i] = Severity(n)
	}
	return out
}

func severityList() string { return strings.Join(ruleset.Severities(), ", ") }

// Finding is one gap found in a register.
type Finding struct {
	// Rule is the rule id, e.g. A52-ASSET-001.
	Rule string `json:"rule"`
	// Severity is the rule's severity (after the organisation's overrides).
	Severity Severity `json:"severity"`
	// Control is the ISO/IEC 27001:2022 control or clause, e.g. A.5.9.
	Control string `json:"control"`
	// Title says what the rule finds.
	Title string `json:"title"`
	// Subject is the entity concerned, KIND:ID (e.g. asset:crm), or organisation,
	// policy, role-kind:KIND, process:PROCESS, decision:DECISION, function:FUNCTION.
	Subject string `json:"subject"`
	// Message is one sentence a person can act on, naming the entity by id and name.
	Message string `json:"message"`
	// Path is the JSON pointer into the register, where one applies.
	Path string `json:"path,omitempty"`
	// Remediation says what to do.
	Remediation string `json:"remediation"`
	// Waived is the id of the exception that waives the finding, if any. A waived
	// finding is reported but does not count towards failure.
	Waived string `json:"waived,omitempty"`
	// File names the register's source file, when it was loaded from one.
	File string `json:"file,omitempty"`
	// Line and Column locate Path in the source file, when the register was loaded
	// from one.
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
}

// Summary counts a report's findings.
type Summary struct {
	// Total is the number of findings, waived or not.
	Total int `json:"total"`
	// Waived is the number of waived findings.
	Waived int `json:"waived"`
	// BySeverity counts unwaived findings per severity; every severity is present.
	BySeverity map[Severity]int `json:"by_severity"`
}

// Report is the result of one evaluation.
type Report struct {
	// AsOf is the evaluation date.
	AsOf raci.Date `json:"as_of"`
	// Source names the register's file, when it was loaded from one.
	Source string `json:"source,omitempty"`
	// Findings are sorted by severity (most severe first), rule, subject, path
	// and message.
	Findings []Finding `json:"findings"`
	// Summary counts the findings.
	Summary Summary `json:"summary"`
}

// Failed reports whether an unwaived finding is at or above threshold.
func (r *Report) Failed(threshold Severity) bool {
	for _, f := range r.Findings {
		if f.Waived == "" && f.Severity.AtLeast(threshold) {
			return true
		}
	}
	return false
}

// Unwaived returns the findings no exception waives.
func (r *Report) Unwaived() []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Waived == "" {
			out = append(out, f)
		}
	}
	return out
}

func newReport(reg *raci.Register, asOf raci.Date, findings []Finding) *Report {
	SortFindings(findings)
	sum := Summary{Total: len(findings), BySeverity: map[Severity]int{}}
	for _, s := range ruleset.Severities() {
		sum.BySeverity[Severity(s)] = 0
	}
	for _, f := range findings {
		if f.Waived != "" {
			sum.Waived++
			continue
		}
		sum.BySeverity[f.Severity]++
	}
	return &Report{AsOf: asOf, Source: reg.SourceName(), Findings: findings, Summary: sum}
}

// SortFindings sorts findings in the report order: severity (most severe
// first), rule, subject, path, message.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Severity.Rank() != b.Severity.Rank() {
			return a.Severity.Rank() < b.Severity.Rank()
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Message < b.Message
	})
}
