package raci_test

// Benchmarks of loading on synthetic registers shaped like a large
// organisation (internal/synth), at 1,000 and 10,000 people, and at 100,000 when
// ROLECALL_BENCH_LARGE=1 is set. PERFORMANCE.md has the figures and the commands:
//
//	go test ./raci -run '^$' -bench . -benchmem

import (
	"fmt"
	"testing"

	"github.com/rolecall/rolecall/internal/synth"
	"github.com/rolecall/rolecall/internal/testkit"
	"github.com/rolecall/rolecall/raci"
)

// fixtures are the synthetic registers benchmarked, made once per size.
var fixtures testkit.Fixtures

func fixtureOf(b *testing.B, n int) *testkit.Fixture { return fixtures.Get(b, n) }

var formats = []raci.Format{raci.FormatYAML, raci.FormatJSON}

// BenchmarkLoad times LoadBytes: decoding, schema validation, duplicate ids and
// the typed model.
func BenchmarkLoad(b *testing.B) {
	for _, format := range formats {
		for _, n := range testkit.BenchSizes() {
			b.Run(fmt.Sprintf("%s/%s", format, testkit.SizeName(n)), func(b *testing.B) {
				f := fixtureOf(b, n)
				data := f.Bytes(format)
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
	for _, n := range testkit.BenchSizes() {
		for _, format := range formats {
			b.Run(fmt.Sprintf("decode/%s/%s", format, testkit.SizeName(n)), func(b *testing.B) {
				data := fixtureOf(b, n).Bytes(format)
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := raci.DecodeDocument(data, format); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		b.Run("validate/"+testkit.SizeName(n), func(b *testing.B) {
			doc, err := raci.DecodeDocument(fixtureOf(b, n).JSON, raci.FormatJSON)
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
		b.Run("build/"+testkit.SizeName(n), func(b *testing.B) {
			doc, err := raci.DecodeDocument(fixtureOf(b, n).JSON, raci.FormatJSON)
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
