package output_test

import (
	"bytes"
	"errors"
	"go/build"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/output"
)

// report builds the report the engine would return for findings in source, as
// of 2026-11-27: findings in report order, every severity counted.
func report(source string, findings ...engine.Finding) *engine.Report {
	findings = append([]engine.Finding{}, findings...)
	engine.SortFindings(findings)
	sum := engine.Summary{Total: len(findings), BySeverity: map[engine.Severity]int{}}
	for _, s := range engine.Severities() {
		sum.BySeverity[s] = 0
	}
	for _, f := range findings {
		if f.Waived != "" {
			sum.Waived++
			continue
		}
		sum.BySeverity[f.Severity]++
	}
	return &engine.Report{AsOf: raci.MustDate("2026-11-27"), Source: source, Findings: findings, Summary: sum}
}

var (
	crit = engine.Finding{Rule: "R-CRIT-001", Severity: engine.SeverityCritical, Control: "A.5.1", Title: "Critical thing",
		Subject: "organisation", Message: "Org lacks X.", Remediation: "Fix it."}
	highA = engine.Finding{Rule: "R-HIGH-001", Severity: engine.SeverityHigh, Control: "A.5.2", Title: "High thing",
		Subject: "person:a", Message: "Person a lacks it.", Path: "/people/0", Remediation: "Do the high thing.", File: "a.yaml", Line: 10, Column: 5}
	highB = engine.Finding{Rule: "R-HIGH-001", Severity: engine.SeverityHigh, Control: "A.5.2", Title: "High thing",
		Subject: "person:b", Message: "Person b lacks it.", Path: "/people/1", Remediation: "Do the high thing.", File: "a.yaml", Line: 20, Column: 5}
	// highNoRemedy has no remediation: the text format leaves out "What to do".
	highNoRemedy = engine.Finding{Rule: "R-HIGH-002", Severity: engine.SeverityHigh, Control: "A.5.9", Title: "Other high thing",
		Subject: "asset:x", Message: "Asset x is off.", Path: "/assets/0", File: "a.yaml", Line: 30, Column: 5}
	waivedHigh = engine.Finding{Rule: "R-HIGH-003", Severity: engine.SeverityHigh, Control: "A.5.9", Title: "Waivable thing",
		Subject: "asset:y", Message: "Asset y is waived.", Path: "/assets/1", Remediation: "Own it.", Waived: "exc-1", File: "a.yaml", Line: 40, Column: 5}
	low = engine.Finding{Rule: "R-LOW-001", Severity: engine.SeverityLow, Control: "7.2", Title: "Low thing",
		Subject: "role:r", Message: "Role r is untidy.", Remediation: "Tidy up."}
	// waivedNoLine is waived and has no place in a file.
	waivedNoLine = engine.Finding{Rule: "R-MED-001", Severity: engine.SeverityMedium, Control: "A.5.2", Title: "Medium thing",
		Subject: "policy", Message: "The policy is stale.", Remediation: "Review it.", Waived: "exc-2"}
)

// several is a register with findings of several severities, with and without
// lines, two of one rule, and a waived one.
func several() *engine.Report {
	return report("a.yaml", low, waivedHigh, highB, highNoRemedy, crit, highA)
}

const severalText = `a.yaml — as of 2026-11-27

CRITICAL (1)
  R-CRIT-001  Critical thing [A.5.1]
    What to do: Fix it.
    a.yaml: organisation
      Org lacks X.

HIGH (3)
  R-HIGH-001  High thing [A.5.2]
    What to do: Do the high thing.
    a.yaml:10:5: person:a
      Person a lacks it.
    a.yaml:20:5: person:b
      Person b lacks it.
  R-HIGH-002  Other high thing [A.5.9]
    a.yaml:30:5: asset:x
      Asset x is off.

LOW (1)
  R-LOW-001  Low thing [7.2]
    What to do: Tidy up.
    a.yaml: role:r
      Role r is untidy.

WAIVED (1): reported, not counted
  R-HIGH-003  Waivable thing [A.5.9]
    a.yaml:40:5: asset:y (waived by exception exc-1)
      Asset y is waived.

Per rule:
  R-CRIT-001  critical  1
  R-HIGH-001  high      2
  R-HIGH-002  high      1
  R-HIGH-003  high      0 + 1 waived
  R-LOW-001   low       1
`

func TestText(t *testing.T) {
	tcs := []struct {
		name string
		run  output.Run
		want string
	}{
		{
			name: "several severities fail at low",
			run:  output.Run{Reports: []*engine.Report{several()}, FailOn: engine.SeverityLow},
			want: severalText + "\n6 findings: 1 critical, 3 high, 0 medium, 1 low, 0 info; 1 waived. FAIL (--fail-on low)\n",
		},
		{
			name: "threshold shown as written",
			run:  output.Run{Reports: []*engine.Report{several()}, FailOn: "CRITICAL"},
			want: severalText + "\n6 findings: 1 critical, 3 high, 0 medium, 1 low, 0 info; 1 waived. FAIL (--fail-on CRITICAL)\n",
		},
		{
			name: "no threshold never fails",
			run:  output.Run{Reports: []*engine.Report{several()}},
			want: severalText + "\n6 findings: 1 critical, 3 high, 0 medium, 1 low, 0 info; 1 waived. PASS (--fail-on none)\n",
		},
		{
			name: "no findings",
			run:  output.Run{Reports: []*engine.Report{report("b.yaml")}, FailOn: engine.SeverityInfo},
			want: "b.yaml — as of 2026-11-27\n\nNo unwaived findings.\n\n0 findings: 0 critical, 0 high, 0 medium, 0 low, 0 info; 0 waived. PASS (--fail-on info)\n",
		},
		{
			name: "only waived findings pass",
			run:  output.Run{Reports: []*engine.Report{report("c.yaml", waivedNoLine)}, FailOn: engine.SeverityInfo},
			want: `c.yaml — as of 2026-11-27

No unwaived findings.

WAIVED (1): reported, not counted
  R-MED-001  Medium thing [A.5.2]
    c.yaml: policy (waived by exception exc-2)
      The policy is stale.

Per rule:
  R-MED-001  medium    0 + 1 waived

1 finding: 0 critical, 0 high, 0 medium, 0 low, 0 info; 1 waived. PASS (--fail-on info)
`,
		},
		{
			name: "findings below the threshold pass",
			run:  output.Run{Reports: []*engine.Report{report("d.yaml", low)}, FailOn: engine.SeverityHigh},
			want: `d.yaml — as of 2026-11-27

LOW (1)
  R-LOW-001  Low thing [7.2]
    What to do: Tidy up.
    d.yaml: role:r
      Role r is untidy.

Per rule:
  R-LOW-001  low       1

1 finding: 0 critical, 0 high, 0 medium, 1 low, 0 info; 0 waived. PASS (--fail-on high)
`,
		},
		{
			name: "two registers each with its verdict",
			run:  output.Run{Reports: []*engine.Report{report("b.yaml"), report("d.yaml", low)}, FailOn: engine.SeverityLow},
			want: `b.yaml — as of 2026-11-27

No unwaived findings.

0 findings: 0 critical, 0 high, 0 medium, 0 low, 0 info; 0 waived. PASS (--fail-on low)

d.yaml — as of 2026-11-27

LOW (1)
  R-LOW-001  Low thing [7.2]
    What to do: Tidy up.
    d.yaml: role:r
      Role r is untidy.

Per rule:
  R-LOW-001  low       1

1 finding: 0 critical, 0 high, 0 medium, 1 low, 0 info; 0 waived. FAIL (--fail-on low)
`,
		},
		{
			name: "no reports",
			run:  output.Run{FailOn: engine.SeverityLow},
			want: "",
		},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := (output.Text{}).Format(&b, tc.run); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, b.String()); diff != "" {
				t.Errorf("text (-want +got):\n%s", diff)
			}
		})
	}
}

func TestJSON(t *testing.T) {
	// noCounts has no per-severity counts at all; the merged summary still lists
	// every severity.
	noCounts := &engine.Report{AsOf: raci.MustDate("2026-11-27"), Source: "e.yaml", Findings: []engine.Finding{}}
	tcs := []struct {
		name string
		run  output.Run
		want string
	}{
		{
			name: "findings with and without lines, one waived",
			run:  output.Run{Reports: []*engine.Report{report("a.yaml", highA, waivedNoLine)}, FailOn: engine.SeverityLow},
			want: `{
  "verdict": "fail",
  "fail_on": "low",
  "as_of": "2026-11-27",
  "catalogue_version": "",
  "settings": {
    "config_file": "",
    "disabled": [],
    "severity_changes": [],
    "rule_dirs": [],
    "organisation_rules": 0
  },
  "files": [
    "a.yaml"
  ],
  "findings": [
    {
      "rule": "R-HIGH-001",
      "severity": "high",
      "control": "A.5.2",
      "title": "High thing",
      "subject": "person:a",
      "message": "Person a lacks it.",
      "path": "/people/0",
      "remediation": "Do the high thing.",
      "file": "a.yaml",
      "line": 10,
      "column": 5
    },
    {
      "rule": "R-MED-001",
      "severity": "medium",
      "control": "A.5.2",
      "title": "Medium thing",
      "subject": "policy",
      "message": "The policy is stale.",
      "remediation": "Review it.",
      "waived": "exc-2"
    }
  ],
  "summary": {
    "total": 2,
    "waived": 1,
    "by_severity": {
      "critical": 0,
      "high": 1,
      "info": 0,
      "low": 0,
      "medium": 0
    }
  }
}
`,
		},
		{
			name: "no findings",
			run:  output.Run{Reports: []*engine.Report{report("b.yaml")}},
			want: `{
  "verdict": "pass",
  "fail_on": "none",
  "as_of": "2026-11-27",
  "catalogue_version": "",
  "settings": {
    "config_file": "",
    "disabled": [],
    "severity_changes": [],
    "rule_dirs": [],
    "organisation_rules": 0
  },
  "files": [
    "b.yaml"
  ],
  "findings": [],
  "summary": {
    "total": 0,
    "waived": 0,
    "by_severity": {
      "critical": 0,
      "high": 0,
      "info": 0,
      "low": 0,
      "medium": 0
    }
  }
}
`,
		},
		{
			name: "two registers merged",
			run:  output.Run{Reports: []*engine.Report{report("d.yaml", low), report("c.yaml", crit, waivedNoLine)}, FailOn: engine.SeverityHigh},
			want: `{
  "verdict": "fail",
  "fail_on": "high",
  "as_of": "2026-11-27",
  "catalogue_version": "",
  "settings": {
    "config_file": "",
    "disabled": [],
    "severity_changes": [],
    "rule_dirs": [],
    "organisation_rules": 0
  },
  "files": [
    "d.yaml",
    "c.yaml"
  ],
  "findings": [
    {
      "rule": "R-LOW-001",
      "severity": "low",
      "control": "7.2",
      "title": "Low thing",
      "subject": "role:r",
      "message": "Role r is untidy.",
      "remediation": "Tidy up."
    },
    {
      "rule": "R-CRIT-001",
      "severity": "critical",
      "control": "A.5.1",
      "title": "Critical thing",
      "subject": "organisation",
      "message": "Org lacks X.",
      "remediation": "Fix it."
    },
    {
      "rule": "R-MED-001",
      "severity": "medium",
      "control": "A.5.2",
      "title": "Medium thing",
      "subject": "policy",
      "message": "The policy is stale.",
      "remediation": "Review it.",
      "waived": "exc-2"
    }
  ],
  "summary": {
    "total": 3,
    "waived": 1,
    "by_severity": {
      "critical": 1,
      "high": 0,
      "info": 0,
      "low": 1,
      "medium": 0
    }
  }
}
`,
		},
		{
			name: "report without counts",
			run:  output.Run{Reports: []*engine.Report{noCounts}},
			want: `{
  "verdict": "pass",
  "fail_on": "none",
  "as_of": "2026-11-27",
  "catalogue_version": "",
  "settings": {
    "config_file": "",
    "disabled": [],
    "severity_changes": [],
    "rule_dirs": [],
    "organisation_rules": 0
  },
  "files": [
    "e.yaml"
  ],
  "findings": [],
  "summary": {
    "total": 0,
    "waived": 0,
    "by_severity": {
      "critical": 0,
      "high": 0,
      "info": 0,
      "low": 0,
      "medium": 0
    }
  }
}
`,
		},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := (output.JSON{}).Format(&b, tc.run); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, b.String()); diff != "" {
				t.Errorf("JSON (-want +got):\n%s", diff)
			}
		})
	}
}

func TestByName(t *testing.T) {
	if diff := cmp.Diff([]string{"text", "json", "sarif", "junit", "github", "oscal"}, output.Names()); diff != "" {
		t.Errorf("Names (-want +got):\n%s", diff)
	}
	for _, tc := range []struct {
		name string
		want output.Formatter
	}{
		{"text", output.Text{}},
		{"json", output.JSON{}},
		{"sarif", output.SARIF{}},
		{"junit", output.JUnit{}},
		{"github", output.GitHub{}},
		{"oscal", output.OSCAL{}},
	} {
		f, err := output.ByName(tc.name)
		if err != nil {
			t.Errorf("ByName(%q): %v", tc.name, err)
			continue
		}
		if reflect.TypeOf(f) != reflect.TypeOf(tc.want) {
			t.Errorf("ByName(%q) = %T, want %T", tc.name, f, tc.want)
		}
	}
	for _, name := range []string{"xml", "", "JSON", " text"} {
		f, err := output.ByName(name)
		if err == nil {
			t.Errorf("ByName(%q) = %T, want an error", name, f)
			continue
		}
		want := `output: format "` + name + `" is not one of text, json, sarif, junit, github, oscal`
		if err.Error() != want {
			t.Errorf("ByName(%q) error %q, want %q", name, err, want)
		}
	}
}

// TestFormatsRefuseAnUnknownThreshold holds every format to refusing a run whose
// threshold is not a severity, before writing anything.
func TestFormatsRefuseAnUnknownThreshold(t *testing.T) {
	for _, name := range output.Names() {
		f, err := output.ByName(name)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		err = f.Format(&b, output.Run{Reports: []*engine.Report{several()}, FailOn: "none"})
		want := `output: fail-on "none" is not one of critical, high, medium, low, info`
		if err == nil || err.Error() != want {
			t.Errorf("%s: error %v, want %q", name, err, want)
		}
		if b.Len() != 0 {
			t.Errorf("%s: wrote %q before refusing", name, b.String())
		}
	}
}

// failingWriter fails every write.
type failingWriter struct{}

var errWrite = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestFormatsReturnWriteErrors(t *testing.T) {
	for _, name := range output.Names() {
		f, err := output.ByName(name)
		if err != nil {
			t.Fatal(err)
		}
		err = f.Format(failingWriter{}, output.Run{Reports: []*engine.Report{several()}, FailOn: engine.SeverityLow})
		if !errors.Is(err, errWrite) {
			t.Errorf("%s: error %v, want %v", name, err, errWrite)
		}
	}
}

// TestImportsOnlyReportTypes holds the package to the standard library and the
// report types: formats never reach into OPA or the command.
func TestImportsOnlyReportTypes(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		first, _, _ := strings.Cut(imp, "/")
		if !strings.Contains(first, ".") {
			continue // standard library
		}
		if imp != "github.com/rolecall/rolecall/raci" && imp != "github.com/rolecall/rolecall/raci/engine" {
			t.Errorf("package output imports %s", imp)
		}
	}
}
