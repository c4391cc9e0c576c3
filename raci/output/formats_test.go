package output_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/output"
)

// hostileFinding carries terminal control characters, a forged line break and
// a bidirectional override in every field a register or a rule's METADATA
// gives.
var hostileFinding = engine.Finding{
	Rule: "ORG-\x1b[2J001", Severity: engine.SeverityHigh, Control: "A.5.2\a", Title: "Title\u202egnp.exe",
	Subject: "person:eve\n::error::forged", Message: "Eve's 100% \x1b]8;;http://evil\x07link\x1b]8;;\x07,\r\nline: two",
	Remediation: "Fix\tit\u009b\xff", File: "reg\x1b.yaml", Line: 7, Column: 3,
}

func format(t *testing.T, f output.Formatter, run output.Run) string {
	t.Helper()
	var b bytes.Buffer
	if err := f.Format(&b, run); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestTextEscapesControlCharacters(t *testing.T) {
	run := output.Run{
		Reports:  []*engine.Report{report("reg\x1b.yaml", hostileFinding)},
		FailOn:   engine.SeverityHigh,
		Settings: engine.Settings{ConfigFile: "role\x1bcall.yaml", Disabled: []string{"A\nB"}},
	}
	want := `Configuration: role\x1bcall.yaml; disabled A\nB.

reg\x1b.yaml — as of 2026-11-27

HIGH (1)
  ORG-\x1b[2J001  Title\u202egnp.exe [A.5.2\x07]
    What to do: Fix\tit\u009b\xff
    reg\x1b.yaml:7:3: person:eve\n::error::forged
      Eve's 100% \x1b]8;;http://evil\x07link\x1b]8;;\x07,\r\nline: two

Per rule:
  ORG-\x1b[2J001  high      1

1 finding: 0 critical, 1 high, 0 medium, 0 low, 0 info; 0 waived. FAIL (--fail-on high)
`
	got := format(t, output.Text{}, run)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("text (-want +got):\n%s", diff)
	}
	// With colour, the only escape sequences are the format's own styles.
	coloured := format(t, output.Text{Colour: true}, run)
	for _, seq := range regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAllString(coloured, "") {
		if seq == 0x1b || seq == 0x07 || seq == 0x9b || seq == '\r' || seq == 0x202e {
			t.Errorf("coloured text keeps control character %U", seq)
		}
	}
}

func TestTextColour(t *testing.T) {
	run := output.Run{Reports: []*engine.Report{report("d.yaml", low, waivedHigh)}, FailOn: engine.SeverityLow}
	want := "\x1b[1md.yaml\x1b[0m — as of 2026-11-27\n" +
		"\n\x1b[36mLOW (1)\x1b[0m\n" +
		"  \x1b[1mR-LOW-001\x1b[0m  Low thing [7.2]\n" +
		"    What to do: Tidy up.\n" +
		"    d.yaml: role:r\n" +
		"      Role r is untidy.\n" +
		"\n\x1b[2mWAIVED (1): reported, not counted\x1b[0m\n" +
		"  \x1b[1mR-HIGH-003\x1b[0m  Waivable thing [A.5.9]\n" +
		"    a.yaml:40:5: asset:y (waived by exception exc-1)\n" +
		"      Asset y is waived.\n" +
		"\nPer rule:\n" +
		"  R-HIGH-003  \x1b[1;31mhigh    \x1b[0m  0 + 1 waived\n" +
		"  R-LOW-001   \x1b[36mlow     \x1b[0m  1\n" +
		"\n2 findings: 0 critical, 0 high, 0 medium, 1 low, 0 info; 1 waived. \x1b[1;31mFAIL\x1b[0m (--fail-on low)\n"
	got := format(t, output.Text{Colour: true}, run)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("coloured text (-want +got):\n%s", diff)
	}
	pass := format(t, output.Text{Colour: true}, output.Run{Reports: []*engine.Report{report("e.yaml")}})
	if !strings.Contains(pass, "\x1b[1;32mPASS\x1b[0m (--fail-on none)") {
		t.Errorf("a passing register's verdict is not green:\n%q", pass)
	}
}

func TestTextConfigurationLine(t *testing.T) {
	tcs := []struct {
		name     string
		settings engine.Settings
		want     string
	}{
		{"zero", engine.Settings{}, ""},
		{"defaults of an engine", engine.Settings{CatalogueVersion: "2", Disabled: []string{}}, "Configuration: defaults; rule catalogue 2."},
		{"options without a file", engine.Settings{Disabled: []string{"A", "B"}}, "Configuration: no configuration file; disabled A, B."},
		{
			"everything",
			engine.Settings{
				CatalogueVersion:  "2",
				ConfigFile:        "rolecall.yaml",
				Disabled:          []string{"A52-COMM-003"},
				Severities:        []engine.SeverityChange{{Rule: "A52-ASSET-002", From: "medium", To: "high"}, {Rule: "X", From: "low", To: "info"}},
				RuleDirs:          []string{"rules", "more"},
				OrganisationRules: 3,
			},
			"Configuration: rolecall.yaml; disabled A52-COMM-003; severity A52-ASSET-002 medium → high, X low → info; 3 organisation rules from rules, more; rule catalogue 2.",
		},
		{"rules from a file system", engine.Settings{OrganisationRules: 1}, "Configuration: no configuration file; 1 organisation rule."},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			got, _, _ := strings.Cut(format(t, output.Text{}, output.Run{Settings: tc.settings}), "\n")
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("configuration line (-want +got):\n%s", diff)
			}
		})
	}
}

func TestGitHub(t *testing.T) {
	noFile := engine.Finding{Rule: "R-INFO-001", Severity: engine.SeverityInfo, Title: "Info, thing: here", Subject: "organisation", Message: "50% done"}
	tcs := []struct {
		name string
		run  output.Run
		want string
	}{
		{
			name: "severities, lines, waived findings left out",
			run:  output.Run{Reports: []*engine.Report{several()}, FailOn: engine.SeverityCritical},
			want: `::error file=a.yaml,title=R-CRIT-001 Critical thing::organisation: Org lacks X.%0AWhat to do: Fix it.
::error file=a.yaml,line=10,col=5,title=R-HIGH-001 High thing::person:a: Person a lacks it.%0AWhat to do: Do the high thing.
::error file=a.yaml,line=20,col=5,title=R-HIGH-001 High thing::person:b: Person b lacks it.%0AWhat to do: Do the high thing.
::error file=a.yaml,line=30,col=5,title=R-HIGH-002 Other high thing::asset:x: Asset x is off.
::notice file=a.yaml,title=R-LOW-001 Low thing::role:r: Role r is untidy.%0AWhat to do: Tidy up.
rolecall: a.yaml as of 2026-11-27: 6 findings (1 critical, 3 high, 0 medium, 1 low, 0 info; 1 waived). FAIL (--fail-on critical)
`,
		},
		{
			name: "medium is a warning; property and data escaping",
			run: output.Run{Reports: []*engine.Report{report("dir,1/a:b%.yaml", engine.Finding{Rule: "R-MED-001", Severity: engine.SeverityMedium, Title: "T", Subject: "s", Message: "m", File: "dir,1/a:b%.yaml", Line: 1, Column: 2}),
				report("", noFile)}},
			want: `::warning file=dir%2C1/a%3Ab%25.yaml,line=1,col=2,title=R-MED-001 T::s: m
::notice title=R-INFO-001 Info%2C thing%3A here::organisation: 50%25 done
rolecall: dir,1/a:b%.yaml as of 2026-11-27: 1 finding (0 critical, 0 high, 1 medium, 0 low, 0 info; 0 waived). PASS (--fail-on none)
rolecall:  as of 2026-11-27: 1 finding (0 critical, 0 high, 0 medium, 0 low, 1 info; 0 waived). PASS (--fail-on none)
`,
		},
		{
			name: "control characters cannot start a command",
			run:  output.Run{Reports: []*engine.Report{report("reg\x1b.yaml", hostileFinding)}, FailOn: engine.SeverityHigh},
			want: `::error file=reg\x1b.yaml,line=7,col=3,title=ORG-\x1b[2J001 Title\u202egnp.exe::person:eve\n::error::forged: Eve's 100%25 \x1b]8;;http://evil\x07link\x1b]8;;\x07,\r\nline: two%0AWhat to do: Fix\tit\u009b\xff
rolecall: reg\x1b.yaml as of 2026-11-27: 1 finding (0 critical, 1 high, 0 medium, 0 low, 0 info; 0 waived). FAIL (--fail-on high)
`,
		},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			got := format(t, output.GitHub{}, tc.run)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("github (-want +got):\n%s", diff)
			}
		})
	}
}

// githubCommand is the syntax of a workflow command as GitHub documents it:
// ::NAME PROPERTIES::MESSAGE, with escaped properties and message.
var githubCommand = regexp.MustCompile(`^::(error|warning|notice)( (file=[^,:\r\n]*(,line=[0-9]+(,col=[0-9]+)?)?,)?title=[^,:\r\n]*)?::[^\r\n]*$`)

// TestGitHubLinesFollowTheSyntax reads the acme golden run's commands line by
// line: each is a well-formed annotation or the plain summary.
func TestGitHubLinesFollowTheSyntax(t *testing.T) {
	run, err := acmeRun()
	if err != nil {
		t.Fatal(err)
	}
	out := format(t, output.GitHub{}, run)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	commands := 0
	for _, line := range lines {
		switch {
		case githubCommand.MatchString(line):
			commands++
		case strings.HasPrefix(line, "rolecall: "):
		default:
			t.Errorf("line is neither a command nor the summary: %q", line)
		}
	}
	if want := len(run.Reports[0].Unwaived()); commands != want {
		t.Errorf("%d annotations, want one per unwaived finding (%d)", commands, want)
	}
}

// junitDoc is JUnit XML as a reader of the format sees it.
type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Skipped  int      `xml:"skipped,attr"`
	Suites   []struct {
		Name       string `xml:"name,attr"`
		Tests      int    `xml:"tests,attr"`
		Failures   int    `xml:"failures,attr"`
		Skipped    int    `xml:"skipped,attr"`
		Timestamp  string `xml:"timestamp,attr"`
		Properties []struct {
			Name  string `xml:"name,attr"`
			Value string `xml:"value,attr"`
		} `xml:"properties>property"`
		Cases []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failures  []struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func TestJUnitParses(t *testing.T) {
	run, err := acmeRun()
	if err != nil {
		t.Fatal(err)
	}
	out := format(t, output.JUnit{}, run)
	var doc junitDoc
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not XML: %v", err)
	}
	if len(doc.Suites) != 1 {
		t.Fatalf("%d test suites, want 1", len(doc.Suites))
	}
	suite := doc.Suites[0]
	rep := run.Reports[0]
	if suite.Name != rep.Source || suite.Timestamp != "2026-11-27T00:00:00" {
		t.Errorf("suite %q at %q", suite.Name, suite.Timestamp)
	}
	if len(suite.Cases) != len(run.Rules) || suite.Tests != len(run.Rules) || doc.Tests != suite.Tests {
		t.Errorf("%d cases, tests=%d (all %d), want one per rule (%d)", len(suite.Cases), suite.Tests, doc.Tests, len(run.Rules))
	}
	unwaived, waived := map[string]int{}, map[string]int{}
	for _, f := range rep.Findings {
		if f.Waived != "" {
			waived[f.Rule]++
		} else {
			unwaived[f.Rule]++
		}
	}
	disabled := map[string]bool{}
	for _, r := range run.Rules {
		disabled[r.ID] = r.Disabled
	}
	failing, skipped := 0, 0
	for _, c := range suite.Cases {
		id, _, _ := strings.Cut(c.Name, " ")
		if len(c.Failures) != unwaived[id] {
			t.Errorf("%s: %d failures, want %d", id, len(c.Failures), unwaived[id])
		}
		for _, f := range c.Failures {
			if f.Message == "" || f.Type == "" || !strings.HasPrefix(f.Text, "examples/registers/acme.yaml:") {
				t.Errorf("%s: failure %+v lacks message, type or location", id, f)
			}
		}
		wantSkip := disabled[id] || (unwaived[id] == 0 && waived[id] > 0)
		if (c.Skipped != nil) != wantSkip {
			t.Errorf("%s: skipped %v, want %v", id, c.Skipped != nil, wantSkip)
		}
		if len(c.Failures) > 0 {
			failing++
		}
		if c.Skipped != nil {
			skipped++
		}
	}
	if suite.Failures != failing || suite.Skipped != skipped || doc.Failures != failing || doc.Skipped != skipped {
		t.Errorf("counts failures=%d skipped=%d (all %d, %d), cases say %d, %d", suite.Failures, suite.Skipped, doc.Failures, doc.Skipped, failing, skipped)
	}
	if failing == 0 || skipped < 2 {
		t.Errorf("the acme run should fail rules and skip the waived and the disabled one: %d failing, %d skipped", failing, skipped)
	}
}

func TestJUnitHostileTextStaysXML(t *testing.T) {
	out := format(t, output.JUnit{}, output.Run{Reports: []*engine.Report{report("reg\x1b.yaml", hostileFinding)}})
	var doc junitDoc
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out)
	}
	if got := len(doc.Suites[0].Cases[0].Failures); got != 1 {
		t.Errorf("%d failures, want 1", got)
	}
}

// sarifDoc is the part of a SARIF log the tests read.
type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name    string `json:"name"`
				Version string `json:"version"`
				Rules   []struct {
					ID                   string         `json:"id"`
					DefaultConfiguration map[string]any `json:"defaultConfiguration"`
					Properties           map[string]any `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Locations []struct {
				PhysicalLocation *struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Suppressions        []struct {
				Kind          string            `json:"kind"`
				Justification string            `json:"justification"`
				Properties    map[string]string `json:"properties"`
			} `json:"suppressions"`
		} `json:"results"`
	} `json:"runs"`
}

func TestSARIFResults(t *testing.T) {
	run, err := acmeRun()
	if err != nil {
		t.Fatal(err)
	}
	var doc sarifDoc
	if err := json.Unmarshal([]byte(format(t, output.SARIF{}, run)), &doc); err != nil {
		t.Fatal(err)
	}
	r := doc.Runs[0]
	if r.Tool.Driver.Name != "rolecall" || r.Tool.Driver.Version != "v0.0.0-golden" || len(r.Tool.Driver.Rules) != len(run.Rules) {
		t.Errorf("driver %s %s with %d rules, want rolecall v0.0.0-golden with %d", r.Tool.Driver.Name, r.Tool.Driver.Version, len(r.Tool.Driver.Rules), len(run.Rules))
	}
	level := map[engine.Severity]string{"critical": "error", "high": "error", "medium": "warning", "low": "note", "info": "note"}
	fingerprints := map[string]bool{}
	findings := run.Reports[0].Findings
	if len(r.Results) != len(findings) {
		t.Fatalf("%d results, want %d", len(r.Results), len(findings))
	}
	for i, res := range r.Results {
		f := findings[i]
		if got := r.Tool.Driver.Rules[res.RuleIndex].ID; got != res.RuleID || res.RuleID != f.Rule {
			t.Errorf("result %d: rule %s at index of %s, want %s", i, res.RuleID, got, f.Rule)
		}
		if res.Level != level[f.Severity] {
			t.Errorf("%s: level %s for %s", f.Rule, res.Level, f.Severity)
		}
		loc := res.Locations[0].PhysicalLocation
		if loc == nil || loc.ArtifactLocation.URI != "examples/registers/acme.yaml" || loc.Region.StartLine != f.Line || loc.Region.StartColumn != f.Column {
			t.Errorf("%s %s: location %+v, want line %d column %d", f.Rule, f.Subject, loc, f.Line, f.Column)
		}
		fp := res.PartialFingerprints["rolecallFinding/v1"]
		if fp == "" || fingerprints[fp] {
			t.Errorf("%s %s: fingerprint %q empty or shared", f.Rule, f.Subject, fp)
		}
		fingerprints[fp] = true
		switch {
		case f.Waived == "" && len(res.Suppressions) > 0:
			t.Errorf("%s %s: suppressed but not waived", f.Rule, f.Subject)
		case f.Waived != "":
			want := "On parental leave until January 2027; will complete awareness training within two weeks of return"
			if len(res.Suppressions) != 1 || res.Suppressions[0].Kind != "external" || res.Suppressions[0].Justification != want || res.Suppressions[0].Properties["exception"] != f.Waived {
				t.Errorf("%s %s: suppressions %+v", f.Rule, f.Subject, res.Suppressions)
			}
		}
	}
	for _, rule := range r.Tool.Driver.Rules {
		disabled := rule.DefaultConfiguration["enabled"] == false
		if disabled != (rule.ID == "A52-COMM-004") {
			t.Errorf("%s: enabled %v", rule.ID, rule.DefaultConfiguration["enabled"])
		}
	}
}

// TestFrameworkMappings checks that the formats carrying framework mappings
// write those of Run.Frameworks, and only for their rule.
func TestFrameworkMappings(t *testing.T) {
	run := output.Run{
		Reports:    []*engine.Report{report("a.yaml", highA, low)},
		Frameworks: map[string]map[string][]string{"R-HIGH-001": {"NIST CSF 2.0": {"GV.RR-02", "GV.RR-01"}, "SOC 2": {"CC1.3"}}},
	}
	var sarif struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID         string `json:"id"`
						Properties struct {
							Tags       []string            `json:"tags"`
							Frameworks map[string][]string `json:"frameworks"`
						} `json:"properties"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(format(t, output.SARIF{}, run)), &sarif); err != nil {
		t.Fatal(err)
	}
	rules := sarif.Runs[0].Tool.Driver.Rules
	if diff := cmp.Diff([]string{"security", "iso27001", "ISO/IEC 27001:2022 A.5.2", "NIST CSF 2.0 GV.RR-01", "NIST CSF 2.0 GV.RR-02", "SOC 2 CC1.3"}, rules[0].Properties.Tags); diff != "" {
		t.Errorf("R-HIGH-001 tags (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string][]string{"NIST CSF 2.0": {"GV.RR-01", "GV.RR-02"}, "SOC 2": {"CC1.3"}}, rules[0].Properties.Frameworks); diff != "" {
		t.Errorf("R-HIGH-001 frameworks (-want +got):\n%s", diff)
	}
	if rules[1].Properties.Frameworks != nil || len(rules[1].Properties.Tags) != 3 {
		t.Errorf("R-LOW-001 has mappings: %+v", rules[1].Properties)
	}

	oscal := format(t, output.OSCAL{}, run)
	for _, want := range []string{`"class": "nist-csf-2.0"`, `"value": "NIST CSF 2.0 GV.RR-01"`, `"value": "SOC 2 CC1.3"`} {
		if !strings.Contains(oscal, want) {
			t.Errorf("OSCAL lacks %s", want)
		}
	}
	if n := strings.Count(oscal, `"name": "framework-control"`); n != 3 {
		t.Errorf("OSCAL has %d framework controls, want 3", n)
	}
}

// oscalDoc is the part of an OSCAL assessment-results document the tests read.
type oscalDoc struct {
	AR struct {
		UUID     string `json:"uuid"`
		Metadata struct {
			Roles []struct {
				ID string `json:"id"`
			} `json:"roles"`
			Parties []struct {
				UUID string `json:"uuid"`
				Type string `json:"type"`
				Name string `json:"name"`
			} `json:"parties"`
			ResponsibleParties []struct {
				RoleID     string   `json:"role-id"`
				PartyUUIDs []string `json:"party-uuids"`
			} `json:"responsible-parties"`
		} `json:"metadata"`
		Results []struct {
			UUID         string `json:"uuid"`
			Observations []struct {
				UUID     string `json:"uuid"`
				Subjects []struct {
					SubjectUUID string `json:"subject-uuid"`
					Type        string `json:"type"`
					Title       string `json:"title"`
				} `json:"subjects"`
			} `json:"observations"`
			Findings []struct {
				UUID   string `json:"uuid"`
				Target struct {
					TargetID string `json:"target-id"`
				} `json:"target"`
				RelatedObservations []struct {
					ObservationUUID string `json:"observation-uuid"`
				} `json:"related-observations"`
			} `json:"findings"`
		} `json:"results"`
	} `json:"assessment-results"`
}

var uuidV5 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestOSCALContent(t *testing.T) {
	run, err := acmeRun()
	if err != nil {
		t.Fatal(err)
	}
	out := format(t, output.OSCAL{}, run)
	if again := format(t, output.OSCAL{}, run); again != out {
		t.Fatal("two writes of the same run differ")
	}
	var doc oscalDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	md := doc.AR.Metadata
	reg := run.Registers[0]
	if len(md.Roles) != len(reg.Roles) {
		t.Errorf("%d roles, want the register's %d", len(md.Roles), len(reg.Roles))
	}
	parties := map[string]string{}
	for _, p := range md.Parties {
		parties[p.UUID] = p.Type
	}
	if len(md.Parties) != len(reg.People)+1 {
		t.Errorf("%d parties, want the register's %d people and its organisation", len(md.Parties), len(reg.People))
	}
	roles := map[string]bool{}
	for _, r := range md.Roles {
		roles[r.ID] = true
	}
	// Every role an active person holds directly has that person among its
	// responsible parties.
	responsible := map[string]map[string]bool{}
	for _, rp := range md.ResponsibleParties {
		if !roles[rp.RoleID] {
			t.Errorf("responsible party of undefined role %s", rp.RoleID)
		}
		responsible[rp.RoleID] = map[string]bool{}
		for _, u := range rp.PartyUUIDs {
			if parties[u] != "person" {
				t.Errorf("role %s: party %s is not a person of the metadata", rp.RoleID, u)
			}
			responsible[rp.RoleID][u] = true
		}
	}
	byName := map[string]string{}
	for _, p := range md.Parties {
		byName[p.Name] = p.UUID
	}
	for _, p := range reg.People {
		if p.StatusOrDefault() != raci.StatusActive {
			continue
		}
		for _, role := range p.Roles {
			if roles[role] && !responsible[role][byName[p.Name]] {
				t.Errorf("%s holds %s but is not among its responsible parties", p.ID, role)
			}
		}
	}
	seen := map[string]bool{doc.AR.UUID: true}
	res := doc.AR.Results[0]
	findings := run.Reports[0].Findings
	if len(res.Observations) != len(findings) || len(res.Findings) != len(findings) {
		t.Fatalf("%d observations and %d findings, want one each per finding (%d)", len(res.Observations), len(res.Findings), len(findings))
	}
	for i, f := range res.Findings {
		obs := res.Observations[i]
		for _, u := range []string{f.UUID, obs.UUID} {
			if !uuidV5.MatchString(u) || seen[u] {
				t.Errorf("UUID %s is not a fresh version 5 UUID", u)
			}
			seen[u] = true
		}
		if len(f.RelatedObservations) != 1 || f.RelatedObservations[0].ObservationUUID != obs.UUID {
			t.Errorf("finding %d is not linked to its observation", i)
		}
		if obs.Subjects[0].Title != findings[i].Subject {
			t.Errorf("observation %d is about %s, want %s", i, obs.Subjects[0].Title, findings[i].Subject)
		}
		if strings.HasPrefix(findings[i].Subject, "person:") && parties[obs.Subjects[0].SubjectUUID] != "person" {
			t.Errorf("observation %d: subject %s is not its person's party", i, findings[i].Subject)
		}
		if want := strings.ReplaceAll(strings.ToLower(findings[i].Control), " ", "-"); f.Target.TargetID != want {
			t.Errorf("finding %d targets %s, want %s", i, f.Target.TargetID, want)
		}
	}
}
