package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	muts, err := parse(strings.NewReader(`# header

name: one
file: a.rego
from: x < y
to:   x <= y
test: ./rules/ -run TestRego

name: two
file: b.go
from: >
to:   >=
test: ./raci/
`), "list")
	if err != nil {
		t.Fatal(err)
	}
	want := []mutation{
		{name: "one", file: "a.rego", from: "x < y", to: "x <= y", test: []string{"./rules/", "-run", "TestRego"}, line: 3},
		{name: "two", file: "b.go", from: ">", to: ">=", test: []string{"./raci/"}, line: 9},
	}
	if diff := cmp.Diff(want, muts, cmp.AllowUnexported(mutation{})); diff != "" {
		t.Errorf("parse (-want +got):\n%s", diff)
	}
	for _, tc := range []struct{ in, err string }{
		{"name: x\nfile: f\n", "list:1: an entry needs name, file, from, to and test"},
		{"name: x\nwhat: y\n", `list:2: unknown key "what"`},
		{"just text\n", `list:1: "just text" is not KEY: VALUE`},
	} {
		if _, err := parse(strings.NewReader(tc.in), "list"); err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("parse(%q) = %v, want an error containing %q", tc.in, err, tc.err)
		}
	}
}

// TestApplyRefusesAmbiguousOrMissingText checks that a mutation whose text is
// not in its file exactly once is reported stale, without running tests or
// changing the file.
func TestApplyRefusesAmbiguousOrMissingText(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.rego")
	if err := os.WriteFile(path, []byte("a < b\na < b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, from := range []string{"a < b", "c > d"} {
		verdict, detail := apply(dir, mutation{name: "m", file: "f.rego", from: from, to: "x", test: []string{"./nothing"}})
		if verdict != "stale" || !strings.Contains(detail, "want once") {
			t.Errorf("apply(%q) = %s, %s; want stale", from, verdict, detail)
		}
	}
	if b, _ := os.ReadFile(path); string(b) != "a < b\na < b\n" {
		t.Errorf("the file was changed: %q", b)
	}
}

// TestListIsCurrent checks that every mutation of the list still finds its
// text exactly once, so that the list cannot go stale unnoticed.
func TestListIsCurrent(t *testing.T) {
	f, err := os.Open("mutations.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	muts, err := parse(f, "mutations.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(muts) < 30 {
		t.Fatalf("the list holds %d mutations; it should cover every boundary of the rules and loaders", len(muts))
	}
	for _, m := range muts {
		b, err := os.ReadFile(filepath.Join("..", "..", m.file))
		if err != nil {
			t.Errorf("%s: %v", m.name, err)
			continue
		}
		if n := strings.Count(string(b), m.from); n != 1 {
			t.Errorf("%s: %s holds %q %d times, want once: update internal/mutation/mutations.txt", m.name, m.file, m.from, n)
		}
	}
}
