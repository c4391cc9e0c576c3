package evidence_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/evidence"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/ from the current output")

// acmeDate is the fixed evaluation date of the golden packs.
const acmeDate = "2026-11-27"

// acmePath is the example register, relative to this package's directory; the
// packs name it so, as the command line would when run from the repository root.
const acmePath = "../../examples/registers/acme.yaml"

var (
	acmeOnce sync.Once
	acmePack evidence.Pack
	acmeErr  error
)

// acme returns the pack of examples/registers/acme.yaml as of acmeDate, with
// the bundled rules: evaluated once for all the tests of the package.
func acme(t testing.TB) evidence.Pack {
	t.Helper()
	acmeOnce.Do(func() {
		reg, err := raci.LoadFile(acmePath, raci.WithSourceName("examples/registers/acme.yaml"))
		if err != nil {
			acmeErr = err
			return
		}
		eng, err := engine.New(context.Background())
		if err != nil {
			acmeErr = err
			return
		}
		rep, err := eng.Evaluate(context.Background(), reg, raci.MustDate(acmeDate))
		if err != nil {
			acmeErr = err
			return
		}
		acmePack = evidence.Pack{Register: reg, Report: rep, Rules: eng.Rules()}
	})
	if acmeErr != nil {
		t.Fatalf("evaluating %s: %v", acmePath, acmeErr)
	}
	return acmePack
}

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./raci/evidence/ -update to write it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s\nIf the change is intended, run go test ./raci/evidence/ -update and read the new file.", path, diff)
	}
}

// TestGolden writes the pack of acme.yaml in every format and compares it with
// the golden file, byte for byte.
func TestGolden(t *testing.T) {
	pack := acme(t)
	for _, tc := range []struct {
		format string
		file   string
	}{
		{"html", "acme.html"},
		{"markdown", "acme.md"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := evidence.Write(&buf, tc.format, pack); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.file, buf.Bytes())
		})
	}
}
