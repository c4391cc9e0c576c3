package engine_test

import (
	"context"
	"runtime"
	"testing"

	"github.com/rolecall/rolecall/internal/synth"
)

// TestAdversarialShapesGrowLinearly evaluates each adversarial shape of
// internal/synth (a delegation chain closed into one cycle, an open chain,
// teams that all hold everyone, an activity naming thousands of undefined
// roles, many bare people) at n and 4n and checks that the bytes allocated grow
// at most 6 times: linear growth gives about 4, a rule that keeps a set per
// entity of a chain (A52-DELEG-005 before it read input.derived) gives 16.
// Bytes allocated, unlike time, do not depend on how busy the machine is.
func TestAdversarialShapesGrowLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates registers of up to 4,000 entities per shape; skipped with -short")
	}
	const small, large, maxRatio = 1_000, 4_000, 6.0
	eng := newEngine(t)
	allocated := func(t *testing.T, shape synth.Shape, n int) uint64 {
		reg, err := synth.Adversarial(shape, n)
		if err != nil {
			t.Fatal(err)
		}
		// A first run warms the engine's caches so that both sizes are measured alike.
		if _, err := eng.Evaluate(context.Background(), reg, synth.AsOf); err != nil {
			t.Fatal(err)
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if _, err := eng.Evaluate(context.Background(), reg, synth.AsOf); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	for _, shape := range synth.Shapes() {
		t.Run(string(shape), func(t *testing.T) {
			a, b := allocated(t, shape, small), allocated(t, shape, large)
			ratio := float64(b) / float64(a)
			t.Logf("%s: %d entities %d bytes, %d entities %d bytes: ratio %.2f", shape, small, a, large, b, ratio)
			if ratio > maxRatio {
				t.Errorf("%s: evaluating %d entities allocated %.1f times as much as %d (%d vs %d bytes), more than %.0f: some rule is no longer linear on this shape",
					shape, large, ratio, small, b, a, maxRatio)
			}
		})
	}
}
