package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRun(t *testing.T) {
	t.Parallel()
	missing := filepath.Join("testdata", "missing.yaml")
	tcs := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{
			name:     "valid register: a summary",
			args:     []string{"testdata/valid.yaml"},
			wantCode: 0,
			wantStdout: "testdata/valid.yaml: Acme Ltd, register format version 1\n" +
				"3 roles, 3 people, 1 teams, 1 assets, 0 activities, 0 risks\n" +
				"  ciso (ciso): alice\n" +
				"  sysadmin (system_administrator): bob\n" +
				"  dpo (data_protection_officer): carol\n" +
				"not allocated to an active person: dpo\n",
		},
		{
			name:     "broken YAML register: every problem, one per line",
			args:     []string{"testdata/broken.yaml"},
			wantCode: 1,
			wantStdout: `testdata/broken.yaml: line 8, col 11, /roles/0/kind: "chief" is not one of senior_management, isms_manager, ciso, asset_owner, process_owner, risk_owner, data_protection_officer, incident_manager, business_continuity_lead, supplier_manager, system_administrator, internal_auditor, staff, other` + "\n" +
				"testdata/broken.yaml: line 13, col 12, /people/0/roles: items 0 and 1 are the same: a list of ids holds no id twice\n" +
				`testdata/broken.yaml: line 18, col 5, /assets/0/ownr: unknown key "ownr" (did you mean "owner"?): expected one of attributes, classification, custodian, id, name, owner, personal_data, type` + "\n",
		},
		{
			name:       "broken JSON register: the syntax error",
			args:       []string{"testdata/broken.json"},
			wantCode:   1,
			wantStdout: "testdata/broken.json: line 5, col 16, (document): JSON syntax error: expected a quoted key\n",
		},
		{
			name:       "missing file",
			args:       []string{missing},
			wantCode:   1,
			wantStdout: missing + ": (document): cannot read the file: open " + missing + ": no such file or directory\n",
		},
		{
			name:       "no argument",
			args:       nil,
			wantCode:   2,
			wantStderr: "usage: consumer REGISTER (.yaml, .yml or .json)\n",
		},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			code := run(tc.args, &stdout, &stderr)
			got := struct {
				Code           int
				Stdout, Stderr string
			}{code, stdout.String(), stderr.String()}
			want := got
			want.Code, want.Stdout, want.Stderr = tc.wantCode, tc.wantStdout, tc.wantStderr
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("run(%q) mismatch (-want +got):\n%s", tc.args, diff)
			}
		})
	}
}

// TestRunSharedExample runs the example on the repository's minimal register,
// when there is one.
func TestRunSharedExample(t *testing.T) {
	t.Parallel()
	path := filepath.Join("..", "registers", "minimal.yaml")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s is not there yet", path)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{path}, &stdout, &stderr); code != 0 {
		t.Fatalf("run(%q) = %d, want 0; output:\n%s%s", path, code, stdout.String(), stderr.String())
	}
	if want := path + ": "; !strings.HasPrefix(stdout.String(), want) {
		t.Errorf("run(%q) printed %q, want a summary starting %q", path, stdout.String(), want)
	}
}
