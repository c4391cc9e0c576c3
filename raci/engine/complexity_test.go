package engine_test

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/rolecall/rolecall/internal/synth"
	"github.com/rolecall/rolecall/raci"
)

// TestEvaluationGrowsLinearly guards against rules (or engine changes) whose cost
// grows faster than the register: evaluating 4,000 people must take at most 8
// times as long as 1,000 people. Linear costs give a ratio of about 4; a rule that
// scans a list once per entity of another gives 15 or more. PERFORMANCE.md has the
// absolute figures; this test only checks the shape, so it holds on a slow or busy
// machine and under -race: each size is timed as the best of several runs after a
// warm-up, which filters out interference from other processes.
func TestEvaluationGrowsLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("times evaluations of 1,000 and 4,000 people; skipped with -short")
	}
	const small, large, maxRatio = 1_000, 4_000, 8.0
	runs := 4
	if raceEnabled {
		runs = 1 // the race detector makes each run ten times slower
	}
	eng := newEngine(t)
	regs := map[int]*raci.Register{}
	for _, n := range []int{small, large} {
		reg, err := raci.LoadBytes(synth.JSON(n, 1))
		if err != nil {
			t.Fatal(err)
		}
		regs[n] = reg
	}
	best := func(n int) time.Duration {
		b := time.Duration(1<<63 - 1)
		for range runs {
			runtime.GC()
			start := time.Now()
			if _, err := eng.Evaluate(context.Background(), regs[n], synth.AsOf); err != nil {
				t.Fatal(err)
			}
			b = min(b, time.Since(start))
		}
		return b
	}
	best(small) // warm-up: compiled query caches, heap size
	// A busy machine can still make one measurement noisy: measure again (up to
	// three times) before concluding; a quadratic rule fails every attempt.
	var tSmall, tLarge time.Duration
	ratio := 0.0
	for attempt := 0; attempt < 3; attempt++ {
		tSmall, tLarge = best(small), best(large)
		ratio = float64(tLarge) / float64(tSmall)
		if ratio <= maxRatio {
			break
		}
	}
	t.Logf("evaluation: %d people %v, %d people %v: ratio %.2f (linear is about %.0f, at most %.0f allowed)",
		small, tSmall, large, tLarge, ratio, float64(large)/small, maxRatio)
	if ratio > maxRatio {
		t.Errorf("evaluating %d people took %.1f times as long as %d people (%v vs %v), more than %.0f: some rule or index is no longer linear; BenchmarkRule in bench_test.go finds which",
			large, ratio, small, tLarge, tSmall, maxRatio)
	}
}
