package engine_test

// Benchmarks of an embedding service's view of the engine: one engine shared by
// every goroutine, evaluating a small register over and over. PERFORMANCE.md has
// the figures:
//
//	go test ./raci/engine -run '^$' -bench 'Throughput|NewFresh' -count 6

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/rolecall/rolecall/internal/synth"
	"github.com/rolecall/rolecall/internal/testkit"
	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// acmeAsOf is the date examples/registers/acme.yaml is written for (README.md's
// example and the evidence pack's golden files): evaluated earlier, its dates
// would be in the future and A52-DATE-001 would report 39 of them.
var acmeAsOf = raci.MustDate("2026-11-27")

// BenchmarkThroughput evaluates examples/registers/acme.yaml as of acmeAsOf with
// one shared engine from GOMAXPROCS goroutines at once (b.RunParallel) and
// reports evaluations per second of the whole process (evals/s), the figure a
// service that checks many registers sees. Run it with -cpu 1,2 to see how it
// scales.
func BenchmarkThroughput(b *testing.B) {
	eng := newEngine(b)
	reg, err := raci.LoadFile("../../examples/registers/acme.yaml")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := eng.Evaluate(ctx, reg, acmeAsOf); err != nil {
				b.Error(err)
				return
			}
		}
	})
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(b.N)/s, "evals/s")
	}
}

// BenchmarkNewFresh times engine.New in a fresh process, as `rolecall check`
// pays it: each iteration runs this test binary again with
// ROLECALL_BENCH_NEW_CHILD=1, so that the parse of the bundled rules (done once
// per process) is counted, and reports the child's own measure of New (new-ms)
// beside the whole child process (ns/op, which includes starting the binary).
func BenchmarkNewFresh(b *testing.B) {
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	var total float64
	for b.Loop() {
		cmd := exec.Command(exe, "-test.run", "^TestNewFreshChild$", "-test.v")
		cmd.Env = append(os.Environ(), "ROLECALL_BENCH_NEW_CHILD=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("child: %v\n%s", err, out)
		}
		ms, ok := childNewMillis(string(out))
		if !ok {
			b.Fatalf("the child did not report New's time:\n%s", out)
		}
		total += ms
	}
	b.ReportMetric(total/float64(b.N), "new-ms")
}

// TestNewFreshChild is BenchmarkNewFresh's child process: with
// ROLECALL_BENCH_NEW_CHILD=1 it runs engine.New once, as the first thing this
// process evaluates, checks that it succeeds and prints how long it took. It is
// skipped otherwise.
func TestNewFreshChild(t *testing.T) {
	if os.Getenv("ROLECALL_BENCH_NEW_CHILD") != "1" {
		t.Skip("the child process of BenchmarkNewFresh")
	}
	start := time.Now().UnixNano()
	eng, err := engine.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Now().UnixNano() - start
	if len(eng.Rules()) == 0 {
		t.Fatal("engine.New gave an engine without rules")
	}
	t.Logf("new-ms: %.3f", float64(elapsed)/1e6)
}

// childNewMillis reads the "new-ms: X" line TestNewFreshChild logs.
func childNewMillis(out string) (float64, bool) {
	_, rest, ok := strings.Cut(out, "new-ms: ")
	if !ok {
		return 0, false
	}
	field, _, _ := strings.Cut(rest, "\n")
	var ms float64
	if _, err := fmt.Sscan(strings.TrimSpace(field), &ms); err != nil {
		return 0, false
	}
	return ms, true
}

// BenchmarkHeavy times, on registers of synth's Heavy profile (every person with
// an e-mail and three or four competence records), loading the JSON
// (load), Evaluate on the loaded register (evaluate), and both plus writing the
// JSON report with an engine already compiled (check), at 1,000 and 10,000
// people (and 100,000 with ROLECALL_BENCH_LARGE=1).
func BenchmarkHeavy(b *testing.B) {
	ctx := context.Background()
	eng := newEngine(b)
	for _, n := range testkit.BenchSizes() {
		js := synth.JSON(n, 1, synth.WithProfile(synth.Heavy))
		lim := raci.WithLimits(synth.Limits(n))
		b.Run("load/"+testkit.SizeName(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(js)))
			for b.Loop() {
				if _, err := raci.LoadBytes(js, lim); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("evaluate/"+testkit.SizeName(n), func(b *testing.B) {
			reg, err := raci.LoadBytes(js, lim)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := eng.Evaluate(ctx, reg, synth.AsOf); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("check/"+testkit.SizeName(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				reg, err := raci.LoadBytes(js, lim)
				if err != nil {
					b.Fatal(err)
				}
				rep, err := eng.Evaluate(ctx, reg, synth.AsOf)
				if err != nil {
					b.Fatal(err)
				}
				if err := json.NewEncoder(io.Discard).Encode(rep); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
