package document

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadRegular(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	small := filepath.Join(dir, "small.yaml")
	if err := os.WriteFile(small, []byte("12345"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(small, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	for _, tc := range []struct {
		name, path string
		max        int64
		want       string
		is         error
	}{
		{"regular file", small, 5, "12345", nil},
		{"link to a regular file", link, 5, "12345", nil},
		{"over the cap", small, 4, "", ErrTooLarge},
		{"directory", dir, 5, "", ErrNotRegular},
		{"device", "/dev/zero", 5, "", ErrNotRegular},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := ReadRegular(tc.path, tc.max)
			if tc.is == nil {
				if err != nil || string(got) != tc.want {
					t.Errorf("ReadRegular(%s, %d) = %q, %v; want %q", tc.path, tc.max, got, err, tc.want)
				}
				return
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("ReadRegular(%s, %d) error = %v, want one wrapping %v", tc.path, tc.max, err, tc.is)
			}
		})
	}
}

func TestNumberRangeProblem(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		number, want string
	}{
		{"1", ""},
		{"1e308", ""},
		{"1e400", ""},
		{"-2.5E-300", ""},
		{"1" + strings.Repeat("0", 1000), ""},
		{"0e999999999", ""},
		{"0e99999999999999999999", "too large"},
		{"1e100000", "too large"},
		{"-1e100000", "too large"},
		{"1e-100000", "too small"},
		{"1e99999999999999999999", "too large"},
	} {
		if got := numberRangeProblem(tc.number); (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("numberRangeProblem(%.30s) = %q, want %q", tc.number, got, tc.want)
		}
	}
}
