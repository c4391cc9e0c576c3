package engine_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// TestEvaluationDateRange checks that an evaluation date the rules cannot
// count days from is refused with a message that says why, instead of failing
// inside a time builtin, and that the years at the edges of the range work.
func TestEvaluationDateRange(t *testing.T) {
	eng := newEngine(t)
	reg := smallRegister(t)
	for _, d := range []string{"1500-01-01", "1799-12-31", "2201-01-01", "9999-12-31"} {
		_, err := eng.Evaluate(context.Background(), reg, raci.MustDate(d))
		if !errors.Is(err, engine.ErrEvaluation) || !strings.Contains(err.Error(), "outside the years 1800 to 2200") {
			t.Errorf("as of %s: got %v, want an error naming the range", d, err)
		}
	}
	for _, d := range []string{"1800-01-01", "2200-12-31", "2026-11-27"} {
		if _, err := eng.Evaluate(context.Background(), reg, raci.MustDate(d)); err != nil {
			t.Errorf("as of %s: %v", d, err)
		}
	}
}
