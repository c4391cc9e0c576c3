// Package testkit holds helpers that the test packages of the register, the
// engine and the command share: the example registers, JSON decoding that keeps
// numbers, and JSON pointer resolution. It is test support: programs must never
// import it.
package testkit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rolecall/rolecall/internal/synth"
	"github.com/rolecall/rolecall/raci"
)

// ExampleRegisters returns the bundled example registers and the rich test
// register (raci/testdata/rich.yaml), as YAML; root is the path of the
// repository's root from the test's directory.
func ExampleRegisters(tb testing.TB, root string) map[string][]byte {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(root, "examples", "registers", "*.yaml"))
	paths = append(paths, filepath.Join(root, "raci", "testdata", "rich.yaml"))
	out := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out[filepath.Base(p)] = b
	}
	if len(out) < 3 {
		tb.Fatalf("expected the example registers, found %d files", len(out))
	}
	return out
}

// ResolvePointer returns the value at the RFC 6901 pointer ptr in doc (plain
// JSON values as encoding/json decodes them).
func ResolvePointer(doc any, ptr string) (any, bool) {
	if ptr == "" {
		return doc, true
	}
	if !strings.HasPrefix(ptr, "/") {
		return nil, false
	}
	cur := doc
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch v := cur.(type) {
		case map[string]any:
			next, ok := v[tok]
			if !ok {
				return nil, false
			}
			cur = next
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(v) || strconv.Itoa(i) != tok {
				return nil, false
			}
			cur = v[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

// DecodeGeneric decodes JSON into plain values, numbers as json.Number.
func DecodeGeneric(tb testing.TB, b []byte) any {
	tb.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		tb.Fatalf("decoding %s: %v", b, err)
	}
	return v
}

// BenchSizes are the register sizes (people) the benchmarks measure: 1,000
// and 10,000, and 100,000 when ROLECALL_BENCH_LARGE is set.
func BenchSizes() []int {
	sizes := []int{1_000, 10_000}
	if os.Getenv("ROLECALL_BENCH_LARGE") != "" {
		sizes = append(sizes, 100_000)
	}
	return sizes
}

// SizeName names a benchmark of n people.
func SizeName(n int) string { return fmt.Sprintf("n=%d", n) }

// Fixture is a synthetic register (internal/synth, seed 1) in every form the
// benchmarks start from.
type Fixture struct {
	N          int
	JSON, YAML []byte
	Reg        *raci.Register
}

// Bytes returns the fixture's source in the given format.
func (f *Fixture) Bytes(format raci.Format) []byte {
	if format == raci.FormatJSON {
		return f.JSON
	}
	return f.YAML
}

// Fixtures makes each size's Fixture once; the zero value is ready to use
// and safe for concurrent use.
type Fixtures struct {
	mu sync.Mutex
	m  map[int]*Fixture
}

// Get returns the fixture of n people, making it on first use.
func (fs *Fixtures) Get(tb testing.TB, n int) *Fixture {
	tb.Helper()
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if f, ok := fs.m[n]; ok {
		return f
	}
	f := &Fixture{N: n, JSON: synth.JSON(n, 1), YAML: synth.YAML(n, 1)}
	reg, err := raci.LoadBytes(f.JSON, raci.WithLimits(synth.Limits(n)))
	if err != nil {
		tb.Fatal(err)
	}
	f.Reg = reg
	if fs.m == nil {
		fs.m = map[int]*Fixture{}
	}
	fs.m[n] = f
	return f
}
