package engine_test

// Benchmarks of compiling, evaluating and the whole check on synthetic
// registers shaped like a large organisation (internal/synth), at 1,000 and
// 10,000 people, and at 100,000 when ROLECALL_BENCH_LARGE=1 is set.
// PERFORMANCE.md has the figures and the commands:
//
//	go test ./raci/engine -run '^$' -bench . -benchmem
//	ROLECALL_BENCH_LARGE=1 go test ./raci/engine -run '^$' -bench . -benchmem -timeout 60m

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/rolecall/rolecall/internal/synth"
	"github.com/rolecall/rolecall/internal/testkit"
	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// fixtures are the synthetic registers benchmarked, made once per size.
var fixtures testkit.Fixtures

func fixtureOf(b *testing.B, n int) *testkit.Fixture { return fixtures.Get(b, n) }

var formats = []raci.Format{raci.FormatYAML, raci.FormatJSON}

// BenchmarkNew times compiling the bundled rules.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := engine.New(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInputValue times turning the model into the Rego input (part of Evaluate).
func BenchmarkInputValue(b *testing.B) {
	for _, n := range testkit.BenchSizes() {
		b.Run(testkit.SizeName(n), func(b *testing.B) {
			reg := fixtureOf(b, n).Reg
			b.ReportAllocs()
			for b.Loop() {
				if _, err := engine.InputValue(reg, synth.AsOf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEvaluate times Evaluate on a loaded register: the input, every rule,
// the report.
func BenchmarkEvaluate(b *testing.B) {
	eng := newEngine(b)
	for _, n := range testkit.BenchSizes() {
		b.Run(testkit.SizeName(n), func(b *testing.B) {
			reg := fixtureOf(b, n).Reg
			b.ReportAllocs()
			for b.Loop() {
				if _, err := eng.Evaluate(context.Background(), reg, synth.AsOf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEvaluateExamples times Evaluate on the small example registers.
func BenchmarkEvaluateExamples(b *testing.B) {
	eng := newEngine(b)
	files, _ := filepath.Glob("../../examples/registers/*.yaml")
	if len(files) == 0 {
		b.Fatal("no example registers")
	}
	for _, path := range files {
		reg, err := raci.LoadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(path), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := eng.Evaluate(context.Background(), reg, synth.AsOf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPipeline times what `rolecall check --format json` does: compile the
// rules, read and validate the register file, evaluate, write the JSON report.
func BenchmarkPipeline(b *testing.B) {
	for _, format := range formats {
		for _, n := range testkit.BenchSizes() {
			b.Run(fmt.Sprintf("%s/%s", format, testkit.SizeName(n)), func(b *testing.B) {
				path := filepath.Join(b.TempDir(), "register."+string(format))
				if err := os.WriteFile(path, fixtureOf(b, n).Bytes(format), 0o600); err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				for b.Loop() {
					ctx := context.Background()
					eng, err := engine.New(ctx)
					if err != nil {
						b.Fatal(err)
					}
					reg, err := raci.LoadFile(path, raci.WithLimits(synth.Limits(n)))
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
}

// BenchmarkRule times each bundled rule alone (its finding set, with the shared
// indexes of rules/rolecall/lib it uses) on a 10,000-person register (and
// 100,000 with ROLECALL_BENCH_LARGE=1), so that the next slow rule is easy to find.
func BenchmarkRule(b *testing.B) {
	ctx := context.Background()
	eng := newEngine(b)
	queries, err := engine.RuleQueries(ctx, eng)
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range testkit.BenchSizes()[1:] {
		for _, q := range queries {
			b.Run(fmt.Sprintf("%s/%s", q.Name, testkit.SizeName(n)), func(b *testing.B) {
				input, err := engine.InputValue(fixtureOf(b, n).Reg, synth.AsOf)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				for b.Loop() {
					if _, err := q.Eval(ctx, input); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkAdversarial evaluates the adversarial shapes of internal/synth (long
// delegation chains, wide teams, huge RACI lists) at ROLECALL_BENCH_SHAPE_N
// entities (default 10,000), reporting the bytes allocated per evaluation:
//
//	go test ./raci/engine -run '^$' -bench Adversarial -benchmem -benchtime 1x
func BenchmarkAdversarial(b *testing.B) {
	n := 10_000
	if s := os.Getenv("ROLECALL_BENCH_SHAPE_N"); s != "" {
		if _, err := fmt.Sscan(s, &n); err != nil {
			b.Fatalf("ROLECALL_BENCH_SHAPE_N=%q: %v", s, err)
		}
	}
	eng, err := engine.New(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	for _, shape := range synth.Shapes() {
		b.Run(string(shape), func(b *testing.B) {
			reg, err := synth.Adversarial(shape, n)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := eng.Evaluate(context.Background(), reg, synth.AsOf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
