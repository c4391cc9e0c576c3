package diff_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/diff"
)

// TestCompareFilesFromAPipe reads the old register from a pipe named
// /dev/fd/N, as a shell's process substitution passes
// <(git show HEAD~1:register.yaml), and the new one from a file.
func TestCompareFilesFromAPipe(t *testing.T) {
	if _, err := os.Stat("/dev/fd"); err != nil {
		t.Skip("no /dev/fd on this system:", err)
	}
	data, err := os.ReadFile("testdata/base.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	go func() {
		w.Write(data)
		w.Close()
	}()
	edited := strings.Replace(string(data), "deputies: [dan]", "deputies: [ivy]", 1)
	newPath := filepath.Join(t.TempDir(), "register.yaml")
	if err := os.WriteFile(newPath, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := diff.CompareFiles(fmt.Sprintf("/dev/fd/%d", r.Fd()), newPath)
	if err != nil {
		t.Fatal(err)
	}
	want := []diff.Change{{Kind: diff.DeputiesChanged, Subject: "role:ciso", Name: "CISO", Field: "deputies", Added: []string{"ivy"}, Removed: []string{"dan"}}}
	if diff := cmp.Diff(want, d.Changes); diff != "" {
		t.Errorf("CompareFiles() changes mismatch (-want +got):\n%s", diff)
	}
}

// TestCompareFilesErrors holds that a register that does not load is an
// error naming which one, with the loader's problems.
func TestCompareFilesErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("version: 1\norganisation: {name: X}\nroles: []\npeople: []\nasets: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"old missing", "testdata/nope.yaml", "testdata/base.yaml", "old register: "},
		{"new invalid", "testdata/base.yaml", bad, `new register: `},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := diff.CompareFiles(tc.old, tc.new)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) || d != nil {
				t.Fatalf("CompareFiles() = %v, %v; want an error starting %q", d, err, tc.want)
			}
			var le *raci.LoadError
			if tc.name == "new invalid" && (!errors.As(err, &le) || !strings.Contains(err.Error(), `unknown key "asets"`)) {
				t.Errorf("error %v does not wrap the loader's *raci.LoadError naming the unknown key", err)
			}
		})
	}
}
