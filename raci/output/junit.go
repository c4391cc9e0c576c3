package output

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/rolecall/rolecall/raci/engine"
)

// JUnit is the format for test dashboards (Jenkins, GitLab, Azure DevOps and
// the other readers of JUnit XML): a test suite per register and, in it, a
// test case per rule of the catalogue (Run.Rules, or the rules of the findings
// when that is empty), named by rule id and title, with the rule's ISO/IEC
// 27001 control as its class name.
//
// A rule with unwaived findings fails, with one failure per finding (message
// the finding's message, type its severity, text its FILE:LINE:COL, subject
// and what to do), whatever the run's threshold: the threshold decides the
// run's verdict, recorded in the suite's properties, not what a failure is. A
// rule whose findings are all waived is skipped, naming the exceptions and
// their reasons; a disabled rule is skipped too. Every other rule passes.
type JUnit struct{}

// Format writes run as JUnit XML to w.
func (JUnit) Format(w io.Writer, run Run) error {
	verdict, err := run.Verdict()
	if err != nil {
		return err
	}
	rules := run.catalogue()
	out := junitSuites{Name: "rolecall", Suites: []junitSuite{}}
	for _, r := range run.reports() {
		suite := junitSuite{
			Name:      r.Source,
			Timestamp: r.AsOf.String() + "T00:00:00",
			Time:      "0",
			Properties: []junitProperty{
				{"as_of", r.AsOf.String()},
				{"fail_on", run.failOnShown()},
				{"verdict", string(registerVerdict(run, r))},
				{"run_verdict", string(verdict)},
				{"catalogue_version", run.Settings.CatalogueVersion},
				{"config_file", run.Settings.ConfigFile},
			},
		}
		if suite.Name == "" {
			suite.Name = "register"
		}
		byRule := map[string][]engine.Finding{}
		for _, f := range r.Findings {
			byRule[f.Rule] = append(byRule[f.Rule], f)
		}
		listed := map[string]bool{}
		for _, rule := range rules {
			listed[rule.ID] = true
			suite.Cases = append(suite.Cases, junitCaseOf(r, rule, byRule[rule.ID]))
		}
		// A finding of a rule the catalogue does not list still gets its case.
		for _, f := range r.Findings {
			if !listed[f.Rule] {
				listed[f.Rule] = true
				rule := engine.Rule{ID: f.Rule, Title: f.Title, Severity: f.Severity, Control: f.Control, Remediation: f.Remediation}
				suite.Cases = append(suite.Cases, junitCaseOf(r, rule, byRule[f.Rule]))
			}
		}
		for _, c := range suite.Cases {
			suite.Tests++
			switch {
			case len(c.Failures) > 0:
				suite.Failures++
			case c.Skipped != nil:
				suite.Skipped++
			}
		}
		out.Tests += suite.Tests
		out.Failures += suite.Failures
		out.Skipped += suite.Skipped
		out.Suites = append(out.Suites, suite)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n")
	return err
}

// registerVerdict is the verdict of one register of the run.
func registerVerdict(run Run, r reportOf) Verdict {
	threshold, fails, err := run.threshold()
	if err == nil && fails && r.Failed(threshold) {
		return VerdictFail
	}
	return VerdictPass
}

// junitCaseOf is the test case of a rule with its findings in one register.
func junitCaseOf(r reportOf, rule engine.Rule, findings []engine.Finding) junitCase {
	name := rule.ID
	if rule.Title != "" {
		name += " " + rule.Title
	}
	class := rule.Control
	if class == "" {
		class = "rolecall"
	}
	c := junitCase{Name: name, Classname: class, Time: "0"}
	var waived []string
	for _, f := range findings {
		if f.Waived != "" {
			w := fmt.Sprintf("%s: waived by exception %s", findingPlace(r, f), f.Waived)
			if reason := r.exceptionReason(f.Waived); reason != "" {
				w += ": " + reason
			}
			waived = append(waived, w)
			continue
		}
		var text strings.Builder
		fmt.Fprintf(&text, "%s\n%s", findingPlace(r, f), f.Message)
		if f.Remediation != "" {
			fmt.Fprintf(&text, "\nWhat to do: %s", f.Remediation)
		}
		c.Failures = append(c.Failures, junitFailure{Message: f.Message, Type: string(f.Severity), Text: text.String()})
	}
	switch {
	case rule.Disabled:
		c.Skipped = &junitSkipped{Message: "disabled by the configuration"}
	case len(c.Failures) == 0 && len(waived) > 0:
		c.Skipped = &junitSkipped{Message: strings.Join(waived, "; ")}
	}
	if len(waived) > 0 && len(c.Failures) > 0 {
		// The skipped element cannot say it beside failures: name the waived
		// findings in the case's output.
		c.SystemOut = strings.Join(waived, "\n")
	}
	return c
}

// findingPlace is FILE:LINE:COL: SUBJECT, or the subject alone when the
// register was not read from a file.
func findingPlace(r reportOf, f engine.Finding) string {
	if loc := location(r.file(f), f.Line, f.Column); loc != "" {
		return loc + ": " + f.Subject
	}
	return f.Subject
}

// The JUnit XML elements rolecall writes, in the common reading of the
// format (Ant's junitreport, as Jenkins, GitLab and Maven Surefire read it).
type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Errors   int          `xml:"errors,attr"`
		Skipped  int          `xml:"skipped,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name       string          `xml:"name,attr"`
		Tests      int             `xml:"tests,attr"`
		Failures   int             `xml:"failures,attr"`
		Errors     int             `xml:"errors,attr"`
		Skipped    int             `xml:"skipped,attr"`
		Timestamp  string          `xml:"timestamp,attr"`
		Time       string          `xml:"time,attr"`
		Properties []junitProperty `xml:"properties>property"`
		Cases      []junitCase     `xml:"testcase"`
	}
	junitProperty struct {
		Name  string `xml:"name,attr"`
		Value string `xml:"value,attr"`
	}
	junitCase struct {
		Name      string         `xml:"name,attr"`
		Classname string         `xml:"classname,attr"`
		Time      string         `xml:"time,attr"`
		Failures  []junitFailure `xml:"failure"`
		Skipped   *junitSkipped  `xml:"skipped"`
		SystemOut string         `xml:"system-out,omitempty"`
	}
	junitFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
	junitSkipped struct {
		Message string `xml:"message,attr"`
	}
)
