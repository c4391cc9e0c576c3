package engine_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/golden")

// goldenDate is the fixed evaluation date of the golden tests.
var goldenDate = raci.MustDate("2026-11-27")

// TestExampleRegistersGolden checks that every register in examples/registers
// gives its expected findings (every field) as of goldenDate. Regenerate with
// go test ./raci/engine -run TestExampleRegistersGolden -update, and review the diff.
func TestExampleRegistersGolden(t *testing.T) {
	eng := newEngine(t)
	paths, err := filepath.Glob("../../examples/registers/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no example registers: %v", err)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			// The golden files name the register as a test in raci/ reaches it.
			reg, err := raci.LoadFile(path, raci.WithSourceName(filepath.Join("..", "examples", "registers", filepath.Base(path))))
			if err != nil {
				t.Fatal(err)
			}
			rep, err := eng.Evaluate(context.Background(), reg, goldenDate)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(rep, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			var w, g engine.Report
			if err := json.Unmarshal(want, &w); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(got, &g); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(w, g, cmp.AllowUnexported(engine.Report{})); diff != "" {
				t.Errorf("%s findings mismatch (-want +got):\n%s", path, diff)
			}
		})
	}
}
