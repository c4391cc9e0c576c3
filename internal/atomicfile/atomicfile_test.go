package atomicfile_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/internal/atomicfile"
)

func TestWrite(t *testing.T) {
	boom := errors.New("boom")
	tcs := []struct {
		name     string
		existing *os.FileMode // mode of a file already at the path
		write    func(io.Writer) error
		wantErr  error
		want     string // content afterwards; "" for no file
		wantMode os.FileMode
	}{
		{name: "new file", write: say("new"), want: "new", wantMode: 0o644},
		{name: "replaced file keeps its mode", existing: ptr(os.FileMode(0o600)), write: say("new"), want: "new", wantMode: 0o600},
		{name: "failed write leaves no file", write: fail(boom), wantErr: boom},
		{name: "failed write leaves the old file", existing: ptr(os.FileMode(0o640)), write: fail(boom), wantErr: boom, want: "old", wantMode: 0o640},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "report.json")
			if tc.existing != nil {
				if err := os.WriteFile(path, []byte("old"), *tc.existing); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(path, *tc.existing); err != nil {
					t.Fatal(err)
				}
			}
			err := atomicfile.Write(path, tc.write)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("Write() error = %v, want %v", err, tc.wantErr)
			}
			b, readErr := os.ReadFile(path)
			if tc.want == "" {
				if !errors.Is(readErr, os.ErrNotExist) {
					t.Fatalf("file exists after a failed write (%v)", readErr)
				}
			} else {
				if diff := cmp.Diff(tc.want, string(b)); diff != "" {
					t.Errorf("content mismatch (-want +got):\n%s", diff)
				}
				st, err := os.Stat(path)
				if err != nil {
					t.Fatal(err)
				}
				if st.Mode().Perm() != tc.wantMode {
					t.Errorf("mode %v, want %v", st.Mode().Perm(), tc.wantMode)
				}
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			var wantNames []string
			if tc.want != "" {
				wantNames = []string{"report.json"}
			}
			if diff := cmp.Diff(wantNames, names); diff != "" {
				t.Errorf("directory holds (-want +got):\n%s", diff)
			}
		})
	}
}

func say(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := fmt.Fprint(w, s); return err }
}

func fail(err error) func(io.Writer) error {
	return func(w io.Writer) error { fmt.Fprint(w, "half"); return err }
}

func ptr[T any](v T) *T { return &v }
