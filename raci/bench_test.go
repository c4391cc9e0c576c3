package raci_test

// Benchmarks of loading on synthetic registers shaped like a large
// organisation (internal/synth), at 1,000 and 10,000 people, and at 100,000 when
// ROLECALL_BENCH_LARGE=1 is set. PERFORMANCE.md has the figures and the commands:
//
//	go test ./raci -run '^$' -bench . -benchmem

import (
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/rolecall/rolecall/internal/synth"
	"github.com/rolecall/rolecall/raci"
)

const benchSeed = 1

// benchSizes are the register sizes (people) benchmarked.
func benchSizes() []int {
	sizes := []int{1_000, 10_000}
	if os.Getenv("ROLECALL_BENCH_LARGE") != "" {
		sizes = append(sizes, 100_000)
	}
	return sizes
}

// fixture is a synthetic register in every form the benchmarks start from.
type fixture struct {
	n          int
	json, yaml []byte
	reg        *raci.Register
}

var (
	fixturesMu sync.Mutex
	fixtures   = map[int]*fixture{}
)

func fixtureOf(b *testing.B, n int) *fixture {
	b.Helper()
	fixturesMu.Lock()
	defer fixturesMu.Unlock()
	if f, ok := fixtures[n]; ok {
		return f
	}
	f := &fixture{n: n, json: synth.JSON(n, benchSeed), yaml: synth.YAML(n, benchSeed)}
	reg, err := raci.LoadBytes(f.json, raci.WithLimits(synth.Limits(n)))
	if err != nil {
		b.Fatal(err)
	}
	f.reg = reg
	fixtures[n] = f
	return f
}

func (f *fixture) bytes(format raci.Format) []byte {
	if format == raci.FormatJSON {
		return f.json
	}
	return f.yaml
}

var formats = []raci.Format{raci.FormatYAML, raci.FormatJSON}

func sizeName(n int) string { return fmt.Sprintf("n=%d", n) }

// BenchmarkLoad times LoadBytes: decoding, schema validation, duplicate ids and
// the typed model.
func BenchmarkLoad(b *testing.B) {
	for _, format := range formats {
		for _, n := range benchSizes() {
			b.Run(fmt.Sprintf("%s/%s", format, sizeName(n)), func(b *testing.B) {
				f := fixtureOf(b, n)
				data := f.bytes(format)
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := raci.LoadBytes(data, raci.WithFormat(format), raci.WithLimits(synth.Limits(n))); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkLoadStages splits Load into decoding, validation and building the model.
func BenchmarkLoadStages(b *testing.B) {
	for _, n := range benchSizes() {
		for _, format := range formats {
			b.Run(fmt.Sprintf("decode/%s/%s", format, sizeName(n)), func(b *testing.B) {
				data := fixtureOf(b, n).bytes(format)
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := raci.DecodeDocument(data, format); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		b.Run("validate/"+sizeName(n), func(b *testing.B) {
			doc, err := raci.DecodeDocument(fixtureOf(b, n).json, raci.FormatJSON)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if p := raci.ValidateDocument(doc); p != 0 {
					b.Fatalf("%d problems", p)
				}
			}
		})
		b.Run("build/"+sizeName(n), func(b *testing.B) {
			doc, err := raci.DecodeDocument(fixtureOf(b, n).json, raci.FormatJSON)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := raci.BuildRegister(doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
