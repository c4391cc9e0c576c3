package engine_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// conformanceDir holds the registers and expected findings that an independent
// implementation of the catalogue produced (a copy of ../shared/conformance).
func conformanceDir(t *testing.T) string {
	t.Helper()
	for _, d := range []string{os.Getenv("ROLECALL_CONFORMANCE"), "testdata/conformance", "../../../shared/conformance"} {
		if d == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(d, "synthetic-60.json")); err == nil {
			return d
		}
	}
	t.Fatal("conformance vectors not found: set ROLECALL_CONFORMANCE or keep shared/conformance beside the repository")
	return ""
}

// TestConformance checks that the engine gives exactly the [rule, subject] pairs
// of every conformance vector, no more and no fewer.
func TestConformance(t *testing.T) {
	dir := conformanceDir(t)
	eng := newEngine(t)
	regs, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	ran := 0
	for _, path := range regs {
		if strings.HasSuffix(path, ".expected.json") {
			continue
		}
		ran++
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			var want struct {
				AsOf     string     `json:"as_of"`
				Findings [][]string `json:"findings"`
			}
			b, err := os.ReadFile(strings.TrimSuffix(path, ".json") + ".expected.json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			reg, err := raci.LoadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := eng.Evaluate(context.Background(), reg, raci.MustDate(want.AsOf))
			if err != nil {
				t.Fatal(err)
			}
			got := make([][]string, 0, len(rep.Findings))
			for _, f := range rep.Findings {
				got = append(got, []string{f.Rule, f.Subject})
			}
			sort.Slice(got, func(i, j int) bool { return got[i][0] < got[j][0] || got[i][0] == got[j][0] && got[i][1] < got[j][1] })
			sort.Slice(want.Findings, func(i, j int) bool {
				a, b := want.Findings[i], want.Findings[j]
				return a[0] < b[0] || a[0] == b[0] && a[1] < b[1]
			})
			if diff := cmp.Diff(want.Findings, got); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
	if ran == 0 {
		t.Fatal("no conformance registers found")
	}
}

func newEngine(t testing.TB, opts ...engine.Option) *engine.Engine {
	t.Helper()
	eng, err := engine.New(context.Background(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	return eng
}
