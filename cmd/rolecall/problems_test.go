package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// mistakenConfig is a rolecall.yaml with six different mistakes, and the
// lines every command that reads it must print, in one run.
const mistakenConfig = `params:
  review_interval_days: yearly
  awarenes_interval_days: 30
disable:
  - A52-REF-01
severity:
  A52-ASSET-001: urgent
timeout: 1m30
fail-on: high
`

var mistakenConfigLines = []string{
	`rolecall.yaml:2:3: parameter "review_interval_days": expected a number, found a string`,
	`rolecall.yaml:3:3: unknown parameter "awarenes_interval_days" (did you mean "awareness_interval_days"?): expected one of acceptance_max_age_days, awareness_interval_days, business_asset_types, competence_required_kinds, critical_role_kinds, frequency_grace_days, it_functions, max_accountable_share, max_reporting_steps, min_activities_for_concentration, owner_may_accept_up_to, periodic_processes, policy_review_interval_days, required_decisions, required_processes, required_role_kinds, review_interval_days, senior_acceptance_from`,
	`rolecall.yaml:5:5: cannot disable unknown rule "A52-REF-01" (did you mean "A52-REF-001"?)`,
	`rolecall.yaml:7:18: "urgent" is not one of critical, high, medium, low, info`,
	`rolecall.yaml:8:10: "1m30" is not a duration: expected a Go duration such as 30s, 2m or 1m30s`,
	`rolecall.yaml:9:1: unknown key "fail-on" (did you mean "fail_on"?): expected one of disable, fail_on, params, rules, severity, timeout`,
}

// TestConfigProblemsPrintedAtOnce checks that each command that reads the
// configuration prints all six of its mistakes in one run, one
// FILE:LINE:COL: message line each, and exits 2.
func TestConfigProblemsPrintedAtOnce(t *testing.T) {
	reg, err := filepath.Abs(minimal)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	writeFile(t, "rolecall.yaml", mistakenConfig)
	if err := os.Mkdir("rules", 0o755); err != nil {
		t.Fatal(err)
	}
	tcs := []struct {
		cmd  string
		args []string
	}{
		{"check", []string{"check", reg}},
		{"rules", []string{"rules"}},
		{"test", []string{"test", "--bundled"}},
		{"bundle", []string{"bundle", "-o", "out.tar.gz"}},
		{"explain", []string{"explain", "A52-REF-001"}},
	}
	for _, tc := range tcs {
		t.Run(tc.cmd, func(t *testing.T) {
			code, _, stderr := runCLI(t, tc.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			want := append(append([]string{}, mistakenConfigLines...), "rolecall "+tc.cmd+": invalid configuration: 6 problems")
			if diff := cmp.Diff(want, strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRegoSyntaxErrorsHaveColumns checks that a syntax error in an
// organisation rule or test file is printed as FILE:LINE:COL: message.
func TestRegoSyntaxErrorsHaveColumns(t *testing.T) {
	reg, err := filepath.Abs(minimal)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	if err := os.Mkdir("rules", 0o755); err != nil {
		t.Fatal(err)
	}
	tcs := []struct {
		name, file, src string
		args            []string
		want            string
	}{
		{"rule", "rules/bad.rego", "package rolecall.custom.bad\n\nx := {1, 2 3}\n", []string{"check", "--rules", "rules", reg}, `rules/bad.rego:3:12: unexpected number token: expected "," or "}"`},
		{"test file", "rules/bad_test.rego", "package rolecall.custom.bad_test\n\ntest_x if {\n\t1 ==\n}\n", []string{"test", "rules"}, "rules/bad_test.rego:5:1: unexpected } token\n"},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			writeFile(t, tc.file, tc.src)
			defer os.Remove(tc.file)
			code, _, stderr := runCLI(t, tc.args...)
			if code != exitUsage || !strings.HasPrefix(stderr, tc.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d and a first line starting %q", code, stderr, exitUsage, tc.want)
			}
		})
	}
}

// TestFailingRegoTestShowsValues checks that a failing test prints the
// expression that failed with what the rule produced and what the test
// expected.
func TestFailingRegoTestShowsValues(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("rules", 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, "rules/manager.rego", `# METADATA
# title: Everyone has a manager
# custom:
#   id: ORG-MGR-001
#   severity: low
package rolecall.custom.manager

import data.rolecall.lib

finding contains {"subject": sprintf("person:%s", [p.id]), "message": "no manager"} if {
	some p in lib.register.people
	not p.manager
}
`)
	writeFile(t, "rules/manager_test.rego", `package rolecall.custom.manager_test

import data.rolecall.custom.manager

test_count if {
	count(manager.finding) == 2 with input as {"as_of": "2026-11-27", "register": {"people": [{"id": "ada"}]}}
}

test_set if {
	manager.finding == {{"subject": "person:bob", "message": "no manager"}} with input as {"as_of": "2026-11-27", "register": {"people": [{"id": "ada"}]}}
}

test_passes if {
	count(manager.finding) == 1 with input as {"as_of": "2026-11-27", "register": {"people": [{"id": "ada"}]}}
}
`)
	code, stdout, stderr := runCLI(t, "test", "rules")
	if code != exitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitFindings, stderr)
	}
	// Durations vary: drop them.
	var got []string
	for _, l := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		if i := strings.LastIndex(l, " ("); strings.HasPrefix(l, "FAIL ") && i > 0 {
			l = l[:i]
		}
		got = append(got, l)
	}
	want := []string{
		"FAIL rules/manager_test.rego:5 rolecall.custom.manager_test.test_count",
		"  failed at rules/manager_test.rego:6:",
		"  \tcount(manager.finding) == 2 with input as {\"as_of\": \"2026-11-27\", \"register\": {\"people\": [{\"id\": \"ada\"}]}}",
		"  \t|     |",
		"  \t|     {{\"message\": \"no manager\", \"subject\": \"person:ada\"}}",
		"  \t1",
		"FAIL rules/manager_test.rego:9 rolecall.custom.manager_test.test_set",
		"  failed at rules/manager_test.rego:10:",
		"  \tmanager.finding == {{\"subject\": \"person:bob\", \"message\": \"no manager\"}} with input as {\"as_of\": \"2026-11-27\", \"register\": {\"people\": [{\"id\": \"ada\"}]}}",
		"  \t      |",
		"  \t      {{\"message\": \"no manager\", \"subject\": \"person:ada\"}}",
		"1 passed, 2 failed",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stdout (-want +got):\n%s", diff)
	}
}

// TestCheckOnly checks --only: the findings of the named rules alone, and an
// unknown id refused with the nearest one.
func TestCheckOnly(t *testing.T) {
	code, stdout, stderr := runCLI(t, "check", acme, "--as-of", "2026-11-27", "--format", "json", "--only", "A52-ASSET-001", "--only", "A52-COMM-002")
	if code != exitFindings {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	rules := map[string]int{}
	for _, l := range strings.Split(stdout, "\n") {
		if r, ok := strings.CutPrefix(strings.TrimSpace(l), `"rule": "`); ok {
			rules[strings.TrimSuffix(r, `",`)]++
		}
	}
	if len(rules) != 2 || rules["A52-ASSET-001"] == 0 || rules["A52-COMM-002"] == 0 {
		t.Errorf("findings by rule %v, want A52-ASSET-001 and A52-COMM-002 only", rules)
	}
	code, _, stderr = runCLI(t, "check", acme, "--only", "A52-ASSET-01")
	want := "rolecall check: cannot select unknown rule \"A52-ASSET-01\" (did you mean \"A52-ASSET-001\"?)\nrolecall check: invalid configuration: 1 problem\n"
	if code != exitUsage || stderr != want {
		t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, exitUsage, want)
	}
}

// TestMisindentedConfigLocated checks that a mis-indented line of
// rolecall.yaml is printed where it is, with its column.
func TestMisindentedConfigLocated(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFile(t, "rolecall.yaml", "params:\n  review_interval_days: 90\ndisable:\n  - A52-COMM-003\n - A52-COMM-001\nfail_on: high\n")
	code, _, stderr := runCLI(t, "rules")
	want := "rolecall.yaml:5:2: YAML indentation error: this list item is indented by 1 space; expected 2 (the items of the list begun on line 4)\nrolecall rules: invalid configuration: 1 problem\n"
	if code != exitUsage || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit %d and:\n%s", code, stderr, exitUsage, want)
	}
}
