package main

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
)

const acme = "../../examples/registers/acme.yaml"
const minimal = "../../examples/registers/minimal.yaml"

// TestFlagsAfterFiles checks that flags are read wherever they stand.
func TestFlagsAfterFiles(t *testing.T) {
	before, outBefore, _ := runCLI(t, "check", "--format", "json", "--as-of", "2026-11-27", acme)
	after, outAfter, stderr := runCLI(t, "check", acme, "--format", "json", "--as-of", "2026-11-27")
	if before != exitFindings || after != exitFindings {
		t.Fatalf("exit %d and %d, want %d; stderr:\n%s", before, after, exitFindings, stderr)
	}
	if diff := cmp.Diff(outBefore, outAfter); diff != "" {
		t.Errorf("flags after the file give another report (-before +after):\n%s", diff)
	}
}

func TestStandardInput(t *testing.T) {
	for _, file := range []string{acme, "../../raci/testdata/conformance/" + firstJSON(t)} {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			code, out, stderr := runCLIWith(t, streams{in: strings.NewReader(string(data))}, "validate", "-")
			if code != exitOK || !strings.HasPrefix(out, "<stdin>: valid register of ") {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, out, stderr)
			}
		})
	}
	data, err := os.ReadFile(acme)
	if err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLIWith(t, streams{in: strings.NewReader(string(data))}, "check", "-", "--format", "json", "--as-of", "2026-11-27")
	if code != exitFindings {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Summary.Total != 17 || rep.Findings[0].File != "<stdin>" || rep.Findings[0].Line == 0 {
		t.Errorf("report of standard input: %d findings, first in %q line %d; want 17 in <stdin> with lines", rep.Summary.Total, rep.Findings[0].File, rep.Findings[0].Line)
	}
	if code, _, stderr := runCLI(t, "check", "-", "-"); code != exitUsage || !strings.Contains(stderr, "named twice") {
		t.Errorf("stdin twice: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runCLIWith(t, streams{in: strings.NewReader("version: 1\norganisation: {name: X}\nroles: []\npeople: []\nbogus: 1\n")}, "validate", "-")
	if code != exitUsage || !strings.Contains(stderr, `<stdin>:5:1: /bogus: unknown key "bogus"`) {
		t.Errorf("bad stdin: exit %d, stderr %q", code, stderr)
	}
}

// firstJSON names a JSON register among the conformance vectors, so that the
// standard-input test reads JSON as well as YAML.
func firstJSON(t *testing.T) string {
	t.Helper()
	matches, _ := filepath.Glob("../../raci/testdata/conformance/*.json")
	for _, m := range matches {
		if _, err := raci.LoadFile(m); err == nil {
			return filepath.Base(m)
		}
	}
	t.Skip("no JSON register among the conformance vectors")
	return ""
}

func TestDirectoryArgument(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, acme, filepath.Join(dir, "a.yaml"))
	copyFile(t, minimal, filepath.Join(dir, "b.yml"))
	// Neither the configuration, a hidden file, a note nor a subdirectory is a register.
	writeFile(t, filepath.Join(dir, "rolecall.yaml"), "fail_on: critical\n")
	writeFile(t, filepath.Join(dir, ".hidden.yaml"), "not: a register\n")
	writeFile(t, filepath.Join(dir, "notes.txt"), "hello\n")
	if err := os.Mkdir(filepath.Join(dir, "sub.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "validate", dir)
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	want := []string{filepath.Join(dir, "a.yaml") + `: valid register of "Acme Analytics Ltd"`, filepath.Join(dir, "b.yml") + ": valid register of "}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(want) {
		t.Fatalf("validate %s printed %d lines, want %d:\n%s", dir, len(lines), len(want), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want prefix %q", i+1, lines[i], w)
		}
	}
	code, out, stderr = runCLI(t, "check", dir, "--as-of", "2026-11-27", "--format", "json")
	if code != exitFindings {
		t.Fatalf("check: exit %d; stderr:\n%s", code, stderr)
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 2 || rep.Summary.Total != 17+24 {
		t.Errorf("check of the directory: %d files, %d findings; want 2 files and %d findings", len(rep.Files), rep.Summary.Total, 17+24)
	}
	empty := t.TempDir()
	if code, _, stderr := runCLI(t, "validate", empty); code != exitUsage || !strings.Contains(stderr, "holds no .yaml, .yml or .json register") {
		t.Errorf("empty directory: exit %d, stderr %q", code, stderr)
	}
}

func TestHelpAndVersion(t *testing.T) {
	tcs := []struct {
		args []string
		want string
	}{
		{[]string{"help"}, "Registers:\n  check "},
		{[]string{"--help"}, "Rules:\n  bundle "},
		{[]string{"help", "check"}, "rolecall check FILE... [flags]"},
		{[]string{"check", "-h"}, "--fail-on string"},
		{[]string{"check", "--help"}, "FORMAT=FILE writes that format to FILE"},
		{[]string{"validate", "-h"}, "--strict"},
		{[]string{"--version"}, "rolecall "},
	}
	for _, tc := range tcs {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, stderr := runCLI(t, tc.args...)
			if code != exitOK || !strings.Contains(out, tc.want) || stderr != "" {
				t.Errorf("exit %d, want 0; stdout lacks %q or stderr is not empty:\nstdout:\n%s\nstderr:\n%s", code, tc.want, out, stderr)
			}
		})
	}
}

func TestCompletion(t *testing.T) {
	for shell, want := range map[string]string{
		"bash":       "__start_rolecall",
		"zsh":        "#compdef rolecall",
		"fish":       "complete -c rolecall",
		"powershell": "Register-ArgumentCompleter",
	} {
		t.Run(shell, func(t *testing.T) {
			code, out, stderr := runCLI(t, "completion", shell)
			if code != exitOK || !strings.Contains(out, want) {
				t.Errorf("exit %d; stdout lacks %q; stderr %q", code, want, stderr)
			}
		})
	}
}

func TestCompletionOfRuleIDs(t *testing.T) {
	code, out, _ := runCLI(t, "__complete", "explain", "A52-SOD")
	if code != exitOK || !strings.Contains(out, "A52-SOD-001\t") || !strings.Contains(out, "A52-SOD-002\t") || strings.Contains(out, "A52-REF-001") {
		t.Errorf("completing explain A52-SOD: exit %d, output:\n%s", code, out)
	}
}

func TestInitWritesAValidStarter(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "register.yaml")
	code, _, stderr := runCLI(t, "init", "--name", "Fernhill Ltd", "-o", path)
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	reg, err := raci.LoadFile(path)
	if err != nil {
		t.Fatalf("the starter register does not load: %v", err)
	}
	if reg.Organisation.Name != "Fernhill Ltd" {
		t.Errorf("organisation name %q", reg.Organisation.Name)
	}
	if code, _, stderr := runCLI(t, "validate", "--strict", path); code != exitOK {
		t.Errorf("validate --strict of the starter: exit %d\n%s", code, stderr)
	}
	// Its findings are all gaps to fill in: approvals, reviews, people in the
	// roles and activities not yet performed; none says something is wrong.
	code, out, _ := runCLI(t, "check", path, "--as-of", "2026-11-27", "--format", "json")
	if code != exitFindings {
		t.Fatalf("check of the starter: exit %d", code)
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	fillIn := map[string]bool{"A52-DOC-001": true, "A52-DOC-002": true, "A52-POL-001": true, "A52-POL-003": true, "A52-ROLE-002": true, "A52-PROC-005": true}
	for _, f := range rep.Findings {
		if !fillIn[f.Rule] {
			t.Errorf("the starter has a finding that is not a gap to fill in: %s %s", f.Rule, f.Message)
		}
	}
	// An existing file is kept unless --force is given.
	if code, _, stderr := runCLI(t, "init", "-o", path); code != exitUsage || !strings.Contains(stderr, "exists") {
		t.Errorf("init over an existing file: exit %d, stderr %q", code, stderr)
	}
	if code, _, _ := runCLI(t, "init", "-o", path, "--force", "--name", "Other Ltd"); code != exitOK {
		t.Errorf("init --force: exit %d", code)
	}
	if code, out, _ := runCLI(t, "init"); code != exitOK || !strings.Contains(out, "name: Example Ltd") {
		t.Errorf("init to standard output: exit %d", code)
	}
	if code, _, _ := runCLI(t, "init", "--name", `Bad "Quote`); code != exitUsage {
		t.Errorf("init with a quote in the name: exit %d, want 2", code)
	}
}

func TestRulesNamed(t *testing.T) {
	code, out, stderr := runCLI(t, "rules", "A52-REF-001", "a52-sod-002")
	if code != exitOK {
		t.Fatalf("exit %d; stderr %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "A52-REF-001 ") || !strings.HasPrefix(lines[1], "A52-SOD-002 ") {
		t.Errorf("rules A52-REF-001 a52-sod-002 printed:\n%s", out)
	}
	code, out, stderr = runCLI(t, "rules", "A52-REF-01")
	if code != exitUsage || out != "" || !strings.Contains(stderr, `no rule "A52-REF-01"; did you mean A52-REF-001?`) {
		t.Errorf("unknown rule: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}

// TestOutputFileDecision checks the meaning of -o: always a file, never a
// format, never an input, never a directory or a link.
func TestOutputFileDecision(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(filepath.Join(dir, "target.json"), link); err != nil {
		t.Fatal(err)
	}
	tcs := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"a format name", []string{"check", minimal, "-o", "json"}, "-o json names a file, not a format: use --format json, or -o ./json"},
		{"a format name in capitals", []string{"check", minimal, "-o", "SARIF"}, "names a file, not a format"},
		{"the register", []string{"check", minimal, "-o", minimal}, "is an input of this command (" + minimal + ")"},
		{"a directory", []string{"check", minimal, "-o", dir}, "is not a regular file"},
		{"a symbolic link", []string{"check", minimal, "-o", link}, "is a symbolic link"},
		{"a format file over the register", []string{"check", minimal, "--format", "json=" + minimal}, "is an input of this command"},
		{"init over a format name", []string{"init", "-o", "yaml"}, "names a file, not a format"},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tc.args...)
			if code != exitUsage || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("exit %d, want 2; stderr lacks %q:\n%s", code, tc.stderr, stderr)
			}
		})
	}
	if _, err := os.Lstat(filepath.Join(dir, "target.json")); err == nil {
		t.Error("the link's target was written")
	}
	// ./json is a file of that name, written as asked.
	reg, err := filepath.Abs(minimal)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	if code, _, stderr := runCLI(t, "check", reg, "--as-of", "2026-11-27", "--format", "json", "-o", "./json"); code != exitFindings {
		t.Fatalf("-o ./json: exit %d; stderr %s", code, stderr)
	}
	if b, err := os.ReadFile("json"); err != nil || !json.Valid(b) {
		t.Errorf("-o ./json did not write a JSON report to ./json: %v", err)
	}
}

func TestSeveralFormatsAtOnce(t *testing.T) {
	dir := t.TempDir()
	jsonFile := filepath.Join(dir, "report.json")
	code, out, stderr := runCLI(t, "check", acme, "--as-of", "2026-11-27", "--format", "text", "--format", "json="+jsonFile)
	if code != exitFindings {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	if !strings.Contains(out, "17 findings") {
		t.Errorf("the text report is not on standard output:\n%s", out)
	}
	b, err := os.ReadFile(jsonFile)
	if err != nil {
		t.Fatal(err)
	}
	var rep jsonReport
	if err := json.Unmarshal(b, &rep); err != nil || rep.Summary.Total != 17 {
		t.Errorf("the JSON report file: %v, %d findings", err, rep.Summary.Total)
	}
	code, _, stderr = runCLI(t, "check", acme, "--format", "text", "--format", "json")
	if code != exitUsage || !strings.Contains(stderr, "2 formats would all go to standard output") {
		t.Errorf("two formats to standard output: exit %d, stderr %q", code, stderr)
	}
}

func TestValidateWarnsAboutDanglingReferences(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "reg.yaml")
	writeFile(t, path, `version: 1
organisation: {name: Typo Ltd}
roles:
  - {id: incident-manager, name: Incident Manager, kind: incident_manager, function: security}
people:
  - {id: pat, name: Pat, roles: [incident-mgr]}
`)
	code, out, stderr := runCLI(t, "validate", path)
	if code != exitOK {
		t.Fatalf("exit %d, want 0 (warnings only); stderr:\n%s", code, stderr)
	}
	want := path + `:6:34: warning: /people/0/roles/0: role "incident-mgr" is not defined (did you mean "incident-manager"?)`
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks\n%s\ngot:\n%s", want, stderr)
	}
	if !strings.Contains(out, "1 dangling reference") {
		t.Errorf("stdout does not count the dangling reference:\n%s", out)
	}
	if code, _, _ := runCLI(t, "validate", "--strict", path); code != exitUsage {
		t.Errorf("validate --strict: exit %d, want 2", code)
	}
}

func TestSchemaAndInput(t *testing.T) {
	code, out, _ := runCLI(t, "schema")
	if code != exitOK || !strings.Contains(out, `"$schema"`) || !strings.Contains(out, `"organisation"`) {
		t.Errorf("schema: exit %d", code)
	}
	code, out, _ = runCLI(t, "schema", "config")
	if code != exitOK || !strings.Contains(out, `"fail_on"`) {
		t.Errorf("schema config: exit %d", code)
	}
	if code, _, _ := runCLI(t, "schema", "other"); code != exitUsage {
		t.Errorf("schema other: exit %d, want 2", code)
	}
	code, out, stderr := runCLI(t, "input", minimal, "--as-of", "2026-11-27")
	if code != exitOK {
		t.Fatalf("input: exit %d; stderr %s", code, stderr)
	}
	var body struct {
		Input struct {
			AsOf     string         `json:"as_of"`
			Register map[string]any `json:"register"`
		} `json:"input"`
	}
	if err := json.Unmarshal([]byte(out), &body); err != nil {
		t.Fatal(err)
	}
	if body.Input.AsOf != "2026-11-27" || body.Input.Register["organisation"] == nil {
		t.Errorf("input body: as_of %q, register keys %d", body.Input.AsOf, len(body.Input.Register))
	}
	file := filepath.Join(t.TempDir(), "body.json")
	if code, _, stderr := runCLI(t, "input", minimal, "--as-of", "2026-11-27", "-o", file); code != exitOK {
		t.Errorf("input -o: exit %d; stderr %s", code, stderr)
	}
	if b, err := os.ReadFile(file); err != nil || string(b) != out {
		t.Errorf("input -o wrote %q (%v), want what standard output shows", b, err)
	}
	code, out, _ = runCLI(t, "input", minimal, "--as-of", "2026-11-27", "--bare")
	var bare map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &bare); code != exitOK || err != nil || string(bare["as_of"]) != `"2026-11-27"` || bare["register"] == nil || bare["input"] != nil {
		t.Errorf("input --bare: exit %d, %v, output starts %.60q", code, err, out)
	}
}

func TestUnknownCommandAndFlag(t *testing.T) {
	code, _, stderr := runCLI(t, "chek", acme)
	if code != exitUsage || !strings.Contains(stderr, `unknown command "chek"`) || !strings.Contains(stderr, "check") {
		t.Errorf("unknown command: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "check", acme, "--fial-on", "high")
	if code != exitUsage || !strings.Contains(stderr, "unknown flag: --fial-on") || !strings.Contains(stderr, "rolecall check --help") {
		t.Errorf("unknown flag: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "check", acme, "--timeout", "90")
	if code != exitUsage || !strings.Contains(stderr, "--timeout") {
		t.Errorf("a timeout without a unit: exit %d, stderr %q", code, stderr)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(b))
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCheckFormatsAndColour(t *testing.T) {
	for _, tc := range []struct {
		format, want string
	}{
		{"sarif", `"version": "2.1.0"`},
		{"junit", "<testsuites"},
		{"github", "::warning file=../../examples/registers/acme.yaml,line="},
		{"oscal", `"assessment-results"`},
	} {
		t.Run(tc.format, func(t *testing.T) {
			code, out, stderr := runCLI(t, "check", acme, "--as-of", "2026-11-27", "--format", tc.format)
			if code != exitFindings || !strings.Contains(out, tc.want) {
				t.Errorf("exit %d; output lacks %q; stderr %s", code, tc.want, stderr)
			}
		})
	}
	env := func(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }
	const esc = "\x1b["
	for _, tc := range []struct {
		name   string
		std    streams
		args   []string
		colour bool
	}{
		{"terminal", streams{outTTY: true, env: env(nil)}, nil, true},
		{"terminal with NO_COLOR", streams{outTTY: true, env: env(map[string]string{"NO_COLOR": "1"})}, nil, false},
		{"dumb terminal", streams{outTTY: true, env: env(map[string]string{"TERM": "dumb"})}, nil, false},
		{"pipe", streams{env: env(nil)}, nil, false},
		{"pipe with --color always", streams{env: env(nil)}, []string{"--color", "always"}, true},
		{"terminal with --color never", streams{outTTY: true, env: env(nil)}, []string{"--color", "never"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"check", minimal, "--as-of", "2026-11-27"}, tc.args...)
			code, out, stderr := runCLIWith(t, tc.std, args...)
			if code != exitFindings {
				t.Fatalf("exit %d; stderr %s", code, stderr)
			}
			if got := strings.Contains(out, esc); got != tc.colour {
				t.Errorf("coloured = %v, want %v", got, tc.colour)
			}
		})
	}
	if code, _, stderr := runCLI(t, "check", minimal, "--color", "sometimes"); code != exitUsage || !strings.Contains(stderr, `--color "sometimes" is not one of auto, always, never`) {
		t.Errorf("bad --color: exit %d, stderr %q", code, stderr)
	}
}

func TestWho(t *testing.T) {
	tcs := []struct {
		name string
		args []string
		code int
		out  string // a line the output must hold
		err  string // what standard error must hold
	}{
		{"accountable for a process", []string{"--accountable", "access_review"}, exitOK,
			`  accountable for activity act-access-review-crm "Quarterly access review of Salesforce": role sales-director "Sales Director"`, ""},
		{"incident", []string{"--incident"}, exitOK, "incident", ""},
		{"decision with scope", []string{"--decision", "approve_supplier", "--scope", "personal data"}, exitOK, "approve_supplier", ""},
		{"person as JSON", []string{"--person", "rachel-adams", "--format", "json"}, exitOK, `"rachel-adams"`, ""},
		{"no question", nil, exitUsage, "", "who: invalid question"},
		{"two questions", []string{"--incident", "--role", "ceo"}, exitUsage, "", "who: invalid question"},
		{"unknown person", []string{"--person", "nobody"}, exitUsage, "", "nobody"},
		{"level without decision", []string{"--level", "high"}, exitUsage, "", "--level, --owner and --scope go with --decision"},
		{"bad format", []string{"--incident", "--format", "xml"}, exitUsage, "", `--format "xml" is not one of text, json`},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"who", acme, "--as-of", "2026-11-27"}, tc.args...)
			code, out, stderr := runCLI(t, args...)
			if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(stderr, tc.err) {
				t.Errorf("exit %d (want %d)\nstdout lacks %q or stderr lacks %q:\nstdout:\n%s\nstderr:\n%s", code, tc.code, tc.out, tc.err, out, stderr)
			}
		})
	}
}

func TestDiff(t *testing.T) {
	if code, out, stderr := runCLI(t, "diff", acme, acme); code != exitOK || stderr != "" {
		t.Errorf("a register against itself: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	code, out, stderr := runCLI(t, "diff", "../../raci/diff/testdata/base.yaml", "../../raci/diff/testdata/acme-edited.yaml", "--format", "json")
	if code != exitFindings {
		t.Fatalf("changed registers: exit %d, want 1; stderr %s", code, stderr)
	}
	var d struct {
		Changed bool             `json:"changed"`
		Changes []map[string]any `json:"changes"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil || !d.Changed || len(d.Changes) == 0 {
		t.Errorf("JSON diff: %v, changed %v, %d changes", err, d.Changed, len(d.Changes))
	}
	data, err := os.ReadFile(acme)
	if err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLIWith(t, streams{in: strings.NewReader(string(data))}, "diff", "-", acme); code != exitOK {
		t.Errorf("diff - FILE: exit %d; stderr %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "diff", acme, "testdata/nope.yaml"); code != exitUsage || !strings.Contains(stderr, "nope.yaml") {
		t.Errorf("missing file: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, "diff", acme, acme, "--format", "html"); code != exitUsage || !strings.Contains(stderr, "not one of text, json, markdown") {
		t.Errorf("bad format: exit %d, stderr %q", code, stderr)
	}
}

func TestReport(t *testing.T) {
	dir := t.TempDir()
	html := filepath.Join(dir, "acme.html")
	code, _, stderr := runCLI(t, "report", acme, "--as-of", "2026-11-27", "-o", html)
	if code != exitOK {
		t.Fatalf("exit %d; stderr %s", code, stderr)
	}
	b, err := os.ReadFile(html)
	if err != nil || !strings.HasPrefix(string(b), "<!DOCTYPE html>") || !strings.Contains(string(b), "Acme Analytics Ltd") {
		t.Errorf("the HTML pack: %v, starts %.40q", err, b)
	}
	code, out, _ := runCLI(t, "report", acme, "--as-of", "2026-11-27", "--format", "markdown")
	if code != exitOK || !strings.Contains(out, "```mermaid") {
		t.Errorf("the Markdown pack: exit %d, no Mermaid chart", code)
	}
	if code, _, stderr := runCLI(t, "report", acme, "--format", "pdf"); code != exitUsage || !strings.Contains(stderr, `--format "pdf" is not one of html, markdown`) {
		t.Errorf("bad format: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, "report", acme, "-o", acme); code != exitUsage || !strings.Contains(stderr, "is an input of this command") {
		t.Errorf("-o over the register: exit %d, stderr %q", code, stderr)
	}
}

func TestMatrixAndImport(t *testing.T) {
	dir := t.TempDir()
	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			file := filepath.Join(dir, "acme."+format)
			if code, _, stderr := runCLI(t, "matrix", acme, "--format", format, "-o", file); code != exitOK {
				t.Fatalf("matrix: exit %d; stderr %s", code, stderr)
			}
			reg := filepath.Join(dir, "imported-"+format+".yaml")
			if code, _, stderr := runCLI(t, "import", file, "-o", reg); code != exitOK {
				t.Fatalf("import: exit %d; stderr %s", code, stderr)
			}
			if code, _, stderr := runCLI(t, "validate", reg); code != exitOK {
				t.Errorf("the imported register does not validate: %s", stderr)
			}
		})
	}
	if code, _, stderr := runCLIWith(t, streams{outTTY: true}, "matrix", acme, "--format", "xlsx"); code != exitUsage || !strings.Contains(stderr, "binary workbook") {
		t.Errorf("xlsx to a terminal: exit %d, stderr %q", code, stderr)
	}
	code, out, _ := runCLI(t, "matrix", minimal)
	if code != exitOK || !strings.Contains(out, "| ID | Activity | Process | Frequency |") {
		t.Errorf("markdown matrix: exit %d\n%s", code, out)
	}

	// --into changes the RACI of an existing register and prints the change.
	reg := filepath.Join(dir, "register.yaml")
	copyFile(t, acme, reg)
	sheetFile := filepath.Join(dir, "edited.csv")
	if code, _, _ := runCLI(t, "matrix", reg, "--format", "csv", "-o", sheetFile); code != exitOK {
		t.Fatal("matrix for --into failed")
	}
	b, err := os.ReadFile(sheetFile)
	if err != nil {
		t.Fatal(err)
	}
	const before, after = "act-joiners,Provision accounts for joiners and movers,user_provisioning,on_event,,,,I,,,,,,,R,A,C", "act-joiners,Provision accounts for joiners and movers,user_provisioning,on_event,,,,I,,,,,,R,R,A,C"
	if !strings.Contains(string(b), before) {
		t.Fatalf("the CSV matrix of acme lacks the row the test edits:\n%s", b)
	}
	writeFile(t, sheetFile, strings.Replace(string(b), before, after, 1))
	code, out, stderr := runCLI(t, "import", sheetFile, "--into", reg)
	if code != exitOK || !strings.Contains(out, `activity act-joiners "Provision accounts for joiners and movers": raci.responsible: added it-manager`) {
		t.Fatalf("import --into: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, stderr)
	}
	updated, err := os.ReadFile(reg)
	if err != nil {
		t.Fatal(err)
	}
	orig, err := os.ReadFile(acme)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(string(orig), "      responsible: [sysadmin]\n      accountable: [hr-manager]", "      responsible: [sysadmin, it-manager]\n      accountable: [hr-manager]", 1); string(updated) != want {
		t.Errorf("import --into changed more than the one RACI line")
	}

	bad := filepath.Join(dir, "bad.csv")
	writeFile(t, bad, "Activity,Owner [ceo]\nReview access,X\n")
	if code, _, stderr := runCLI(t, "import", bad); code != exitUsage || !strings.Contains(stderr, `B2: "X" is not one of R, A, C, I`) {
		t.Errorf("a bad cell: exit %d, stderr %q", code, stderr)
	}
}

func TestBundleSigningAndMask(t *testing.T) {
	dir := t.TempDir()
	entries := func(path string) []string {
		t.Helper()
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		gz, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		tr := tar.NewReader(gz)
		for {
			h, err := tr.Next()
			if err == io.EOF {
				return names
			}
			if err != nil {
				t.Fatal(err)
			}
			names = append(names, h.Name)
		}
	}
	signed := filepath.Join(dir, "signed.tar.gz")
	if code, _, stderr := runCLI(t, "bundle", "-o", signed, "--signing-key", "../../examples/fleet/example-signing-key.pem"); code != exitOK {
		t.Fatalf("signed bundle: exit %d; stderr %s", code, stderr)
	}
	names := entries(signed)
	for _, want := range []string{"/.signatures.json", "/system/log/mask.rego"} {
		if !slices.Contains(names, want) {
			t.Errorf("the signed bundle lacks %s: %v", want, names)
		}
	}
	plain := filepath.Join(dir, "plain.tar.gz")
	if code, _, stderr := runCLI(t, "bundle", "-o", plain, "--no-log-mask"); code != exitOK {
		t.Fatalf("bundle --no-log-mask: exit %d; stderr %s", code, stderr)
	}
	for _, name := range entries(plain) {
		if strings.Contains(name, "mask") || strings.Contains(name, "signatures") {
			t.Errorf("the unsigned bundle without mask holds %s", name)
		}
	}
	for _, tc := range []struct {
		args []string
		err  string
	}{
		{[]string{"--key-id", "k1"}, "--signing-alg and --key-id go with --signing-key"},
		{[]string{"--signing-key", "../../README.md"}, "invalid bundle signing key"},
		{[]string{"--signing-key", "../../examples/fleet/example-signing-key.pem", "-o", "../../examples/fleet/example-signing-key.pem"}, "is an input of this command"},
	} {
		args := append([]string{"bundle", "-o", filepath.Join(dir, "x.tar.gz")}, tc.args...)
		if code, _, stderr := runCLI(t, args...); code != exitUsage || !strings.Contains(stderr, tc.err) {
			t.Errorf("bundle %v: exit %d, stderr lacks %q: %s", tc.args, code, tc.err, stderr)
		}
	}
}

func TestLimitFlags(t *testing.T) {
	for s, want := range map[string]int64{"0": 0, "1024": 1024, "2GiB": 2 << 30, "512 MiB": 512 << 20, "1kb": 1 << 10, "3B": 3} {
		if got, err := parseSize(s); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", s, got, err, want)
		}
	}
	for _, bad := range []string{"", "lots", "-1", "1.5GiB", "99999999999TiB"} {
		if _, err := parseSize(bad); err == nil {
			t.Errorf("parseSize(%q) accepted", bad)
		}
	}
	code, _, stderr := runCLI(t, "check", acme, "--as-of", "2026-11-27", "--max-findings", "5")
	if code != exitUsage || !strings.Contains(stderr, "more than the limit of 5") || !strings.Contains(stderr, "--max-findings and --memory-limit raise") {
		t.Errorf("--max-findings 5 on acme's 17 findings: exit %d, stderr %q", code, stderr)
	}
	if code, _, _ := runCLI(t, "check", acme, "--as-of", "2026-11-27", "--max-findings", "100", "--memory-limit", "8GiB"); code != exitFindings {
		t.Errorf("generous limits: exit %d, want 1", code)
	}
	if code, _, stderr := runCLI(t, "check", acme, "--memory-limit", "lots"); code != exitUsage || !strings.Contains(stderr, `--memory-limit: "lots" is not a size`) {
		t.Errorf("bad --memory-limit: exit %d, stderr %q", code, stderr)
	}
}

func TestOnlyNamesTheRulesEvaluated(t *testing.T) {
	code, out, stderr := runCLI(t, "check", acme, "--as-of", "2026-11-27", "--only", "A52-ASSET-001")
	if code != exitFindings {
		t.Fatalf("exit %d; stderr %s", code, stderr)
	}
	first, _, _ := strings.Cut(out, "\n")
	if want := "Configuration: no configuration file; only A52-ASSET-001 (48 rules disabled); rule catalogue 2."; first != want {
		t.Errorf("configuration line\n got %q\nwant %q", first, want)
	}
	if strings.Contains(out, "A52-REF-001") || !strings.Contains(out, "asset:miro") {
		t.Errorf("--only A52-ASSET-001 reported other rules or missed its finding:\n%s", out)
	}
}
