package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci/engine"
)

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return runCLIWith(t, streams{in: strings.NewReader("")}, args...)
}

// runCLIWith runs the command line with std's input, terminal flags and
// environment, capturing its output.
func runCLIWith(t *testing.T, std streams, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	std.out, std.err = &out, &errb
	if std.in == nil {
		std.in = strings.NewReader("")
	}
	code := run(context.Background(), args, std)
	return code, out.String(), errb.String()
}

func TestReadmeRuleReferenceIsCurrent(t *testing.T) {
	eng, err := engine.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- BEGIN RULE REFERENCE -->\n", "<!-- END RULE REFERENCE -->"
	s := string(readme)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatal("README.md lacks the rule reference markers")
	}
	if diff := cmp.Diff(RuleReference(eng.Rules()), s[i+len(begin):j]); diff != "" {
		t.Errorf("README rule reference is stale; regenerate with go run ./cmd/rolecall rules --format markdown (-want +got):\n%s", diff)
	}
}

func TestExitCodes(t *testing.T) {
	tcs := []struct {
		name string
		args []string
		want int
	}{
		{"no command prints help", nil, exitOK},
		{"unknown command", []string{"frobnicate"}, exitUsage},
		{"validate valid", []string{"validate", "../../examples/registers/acme.yaml"}, exitOK},
		{"validate missing file", []string{"validate", "testdata/nope.yaml"}, exitUsage},
		{"check with findings", []string{"check", "--as-of", "2026-11-27", "../../examples/registers/acme.yaml"}, exitFindings},
		{"check fail-on critical", []string{"check", "--as-of", "2026-11-27", "--fail-on", "critical", "../../examples/registers/acme.yaml"}, exitOK},
		{"check fail-on none", []string{"check", "--as-of", "2026-11-27", "--fail-on", "none", "../../examples/registers/minimal.yaml"}, exitOK},
		{"check bad date", []string{"check", "--as-of", "2026-13-01", "../../examples/registers/acme.yaml"}, exitUsage},
		{"check bad format", []string{"check", "--format", "xml", "../../examples/registers/acme.yaml"}, exitUsage},
		{"check bad fail-on", []string{"check", "--fail-on", "severe", "../../examples/registers/acme.yaml"}, exitUsage},
		{"check no files", []string{"check"}, exitUsage},
		{"rules", []string{"rules"}, exitOK},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tc.args...)
			if code != tc.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.want, stderr)
			}
		})
	}
}

func TestCheckJSON(t *testing.T) {
	code, out, stderr := runCLI(t, "check", "--format", "json", "--as-of", "2026-11-27", "../../examples/registers/acme.yaml")
	if code != exitFindings {
		t.Fatalf("exit %d; stderr: %s", code, stderr)
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	want := engine.Summary{Total: 17, Waived: 1, BySeverity: map[engine.Severity]int{"critical": 0, "high": 4, "medium": 11, "low": 1, "info": 0}}
	if diff := cmp.Diff(want, rep.Summary); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	for _, f := range rep.Findings {
		if f.Rule == "" || f.Severity == "" || f.Title == "" || f.Subject == "" || f.Message == "" || f.Remediation == "" || f.Control == "" {
			t.Errorf("finding lacks a field: %+v", f)
		}
		if f.Path != "" && f.Line == 0 {
			t.Errorf("finding with path %s has no line", f.Path)
		}
	}
}

func TestCheckTextNamesEntitiesAndCounts(t *testing.T) {
	_, out, _ := runCLI(t, "check", "--as-of", "2026-11-27", "../../examples/registers/acme.yaml")
	for _, want := range []string{
		"HIGH (4)",
		"MEDIUM (11)",
		"LOW (1)",
		`Asset miro "Miro whiteboards" has no owner`,
		"What to do: ",
		"WAIVED (1)",
		"17 findings: 0 critical, 4 high, 11 medium, 1 low, 0 info; 1 waived. FAIL (--fail-on low)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/bad.yaml"
	if err := os.WriteFile(path, []byte("version: 1\norganisation: {name: X}\nroles: []\npeople:\n  - {id: p1, name: P, status: gone}\nassets:\n  - {id: a, name: A, type: sas, ownr: x}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "validate", path)
	if code != exitUsage {
		t.Fatalf("exit %d, want 2", code)
	}
	for _, want := range []string{
		path + `:5:31: /people/0/status: "gone" is not one of active, leaver, on_leave`,
		path + `:7:28: /assets/0/type: "sas" is not one of saas`,
		path + `:7:33: /assets/0/ownr: unknown key "ownr" (did you mean "owner"?)`,
		path + `: 3 problems`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestBundleRefusesToOverwriteItsInput(t *testing.T) {
	dir := t.TempDir()
	cfg := dir + "/rolecall.yaml"
	if err := os.WriteFile(cfg, []byte("fail_on: high\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "bundle", "-o", cfg, "--config", cfg)
	if code != exitUsage || !strings.Contains(stderr, "is an input of this command") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile(cfg); string(b) != "fail_on: high\n" {
		t.Fatalf("input rewritten: %q", b)
	}
	out := dir + "/rolecall.tar.gz"
	code, stdout, stderr := runCLI(t, "bundle", "-o", out, "--config", cfg)
	if code != exitOK || !strings.Contains(stdout, "wrote "+out+" (49 rules)") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestCheckWritesReportFileButNeverOverAnInput(t *testing.T) {
	dir := t.TempDir()
	reg, err := os.ReadFile("../../examples/registers/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in := dir + "/register.yaml"
	if err := os.WriteFile(in, reg, 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "check", "-o", in, in)
	if code != exitUsage || !strings.Contains(stderr, "is an input of this command") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile(in); !bytes.Equal(b, reg) {
		t.Fatal("the register was rewritten")
	}
	out := dir + "/report.json"
	code, stdout, _ := runCLI(t, "check", "--format", "json", "--as-of", "2026-11-27", "-o", out, in)
	if code != exitFindings || stdout != "" {
		t.Fatalf("exit %d, stdout %q", code, stdout)
	}
	var rep jsonReport
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &rep); err != nil || rep.Summary.Total != 24 {
		t.Fatalf("report file: %v, %d findings", err, rep.Summary.Total)
	}
	// A new report is an ordinary file; a replaced one keeps its mode.
	if mode := permOf(t, out); mode != 0o644 {
		t.Fatalf("new report file mode %v, want 0644", mode)
	}
	if err := os.Chmod(out, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := runCLI(t, "check", "--as-of", "2026-11-27", "-o", out, in); code != exitFindings {
		t.Fatalf("exit %d", code)
	}
	if mode := permOf(t, out); mode != 0o600 {
		t.Fatalf("replaced report file mode %v, want 0600", mode)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}

func permOf(t *testing.T, path string) os.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// TestTestBesideAConfigListingTheSameDirectory runs `rolecall test rules` where
// rolecall.yaml also lists rules: the layout the documentation recommends.
func TestTestBesideAConfigListingTheSameDirectory(t *testing.T) {
	t.Chdir("../../examples/custom-rules")
	code, stdout, stderr := runCLI(t, "test", "rules")
	if code != exitOK || !strings.Contains(stdout, "passed, 0 failed") {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}
