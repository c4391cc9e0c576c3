package main

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/internal/ruledocs"
)

// TestExplainPrintsTheCommittedPage checks that `rolecall explain RULE` prints
// the page committed in docs/rules/, without its generated-file header.
func TestExplainPrintsTheCommittedPage(t *testing.T) {
	for _, arg := range []string{"A52-ASSET-001", "a52-sod-002"} {
		t.Run(arg, func(t *testing.T) {
			code, out, stderr := runCLI(t, "explain", arg)
			if code != exitOK {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitOK, stderr)
			}
			file, err := os.ReadFile("../../docs/rules/" + strings.ToUpper(arg) + ".md")
			if err != nil {
				t.Fatal(err)
			}
			want := strings.TrimPrefix(string(file), ruledocs.GeneratedHeader)
			if diff := cmp.Diff(want, out); diff != "" {
				t.Errorf("explain %s differs from docs/rules (-want +got):\n%s", arg, diff)
			}
		})
	}
}

func TestExplain(t *testing.T) {
	tcs := []struct {
		name       string
		args       []string
		wantCode   int
		wantOut    string // a line the output must hold
		wantStderr string // what standard error must hold
	}{
		{
			name:     "bundled rule",
			args:     []string{"explain", "A52-DELEG-004"},
			wantCode: exitOK,
			wantOut:  "# A52-DELEG-004: Delegation expired\n",
		},
		{
			name:       "typo suggests the nearest id",
			args:       []string{"explain", "A52-ASET-001"},
			wantCode:   exitUsage,
			wantStderr: `no rule "A52-ASET-001"; did you mean A52-ASSET-001?`,
		},
		{
			name:       "id without its prefix",
			args:       []string{"explain", "sod-002"},
			wantCode:   exitUsage,
			wantStderr: "did you mean A52-SOD-002?",
		},
		{
			name:       "organisation rule without its directory",
			args:       []string{"explain", "ACME-PEOPLE-001"},
			wantCode:   exitUsage,
			wantStderr: `no rule "ACME-PEOPLE-001"`,
		},
		{
			name:     "organisation rule with --rules",
			args:     []string{"explain", "--rules", "../../examples/custom-rules/rules", "ACME-PEOPLE-001"},
			wantCode: exitOK,
			wantOut:  "| Rule | `rolecall.custom.contractor_privileged` (organisation), in `../../examples/custom-rules/rules/contractor_privileged.rego` |\n",
		},
		{
			name:     "organisation rule with --config",
			args:     []string{"explain", "--config", "../../examples/custom-rules/rolecall.yaml", "ACME-ASSET-001"},
			wantCode: exitOK,
			wantOut:  "## A register that fails\n",
		},
		{
			name:       "no rule",
			args:       []string{"explain"},
			wantCode:   exitUsage,
			wantStderr: "rolecall explain: accepts 1 arg(s), received 0\nRun 'rolecall explain --help' for usage.",
		},
		{
			name:       "two rules",
			args:       []string{"explain", "A52-ASSET-001", "A52-ASSET-002"},
			wantCode:   exitUsage,
			wantStderr: "rolecall explain: accepts 1 arg(s), received 2",
		},
		{
			name:       "missing configuration",
			args:       []string{"explain", "--config", "testdata/nope.yaml", "A52-ASSET-001"},
			wantCode:   exitUsage,
			wantStderr: "rolecall explain: ",
		},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			code, out, stderr := runCLI(t, tc.args...)
			if code != tc.wantCode {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tc.wantCode, stderr)
			}
			if !strings.Contains(out, tc.wantOut) {
				t.Errorf("standard output lacks %q:\n%s", tc.wantOut, out)
			}
			if !strings.Contains(stderr, tc.wantStderr) {
				t.Errorf("standard error lacks %q:\n%s", tc.wantStderr, stderr)
			}
			if code != exitOK && out != "" {
				t.Errorf("standard output is not empty on failure:\n%s", out)
			}
		})
	}
}
