package engine_test

import (
	"fmt"
	"os"
	"runtime/debug"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci/engine"
)

func TestGCTuningFor(t *testing.T) {
	t.Parallel()
	budget := engine.DefaultMemoryLimit()
	if budget < 2<<30 {
		t.Skipf("the default evaluation budget (%d bytes) is below 2 GiB: the limits below would be capped", budget)
	}
	for _, tc := range []struct {
		name  string
		bytes int64
		want  engine.GCTuning
	}{
		{"nothing", 0, engine.GCTuning{Percent: 400, MemoryLimit: 256 << 20}},
		{"negative", -5, engine.GCTuning{Percent: 400, MemoryLimit: 256 << 20}},
		{"small register: the floor", 5_000_000, engine.GCTuning{Percent: 400, MemoryLimit: 256 << 20}},
		{"100,000 people: 20 times", 51_130_312, engine.GCTuning{Percent: 400, MemoryLimit: 1_022_606_240}},
		{"huge: the evaluation budget", 1 << 40, engine.GCTuning{Percent: 400, MemoryLimit: budget}},
		{"overflowing: the floor", 1 << 62, engine.GCTuning{Percent: 400, MemoryLimit: 256 << 20}},
	} {
		if diff := cmp.Diff(tc.want, engine.GCTuningFor(tc.bytes)); diff != "" {
			t.Errorf("%s: GCTuningFor(%d) (-want +got):\n%s", tc.name, tc.bytes, diff)
		}
	}
}

// TestGCTuningApply sets the process's GC settings and restores them; the
// evaluation budget stays what it was. Not parallel: it changes the process.
func TestGCTuningApply(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set: Apply leaves them alone by design")
	}
	budget := engine.DefaultMemoryLimit()
	beforePercent := debug.SetGCPercent(-1)
	debug.SetGCPercent(beforePercent)
	beforeLimit := debug.SetMemoryLimit(-1)

	restore := engine.GCTuning{Percent: 321, MemoryLimit: 300 << 20}.Apply()
	gotPercent := debug.SetGCPercent(-1)
	debug.SetGCPercent(gotPercent)
	gotLimit := debug.SetMemoryLimit(-1)
	restore()

	afterPercent := debug.SetGCPercent(-1)
	debug.SetGCPercent(afterPercent)
	afterLimit := debug.SetMemoryLimit(-1)
	got := []int64{int64(gotPercent), gotLimit, int64(afterPercent), afterLimit, engine.DefaultMemoryLimit()}
	want := []int64{321, 300 << 20, int64(beforePercent), beforeLimit, budget}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("[percent, limit while applied, percent, limit after restore, evaluation budget] (-want +got):\n%s", diff)
	}
}

// A command that checks one register and exits tunes the garbage collector
// for the register's size before it compiles the rules and loads the register.
func ExampleGCTuningFor() {
	tuning := engine.GCTuningFor(10_000_000) // a 10 MB register
	restore := tuning.Apply()
	defer restore()
	fmt.Printf("GC percent %d, soft memory limit %d MiB\n", tuning.Percent, tuning.MemoryLimit>>20)
	// Output: GC percent 400, soft memory limit 256 MiB
}
