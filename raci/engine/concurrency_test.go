package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/rolecall/rolecall/internal/testkit"

	"github.com/rolecall/rolecall/internal/randreg"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// TestConcurrentEvaluate shares one engine between 32 goroutines, each
// evaluating a different register (the example registers and generated ones,
// at different dates) several times; every report must equal the one a
// sequential evaluation gave. Run under -race it also checks that Evaluate
// shares no mutable state between calls.
func TestConcurrentEvaluate(t *testing.T) {
	t.Parallel()
	const goroutines = 32
	const rounds = 3
	eng := newEngine(t)

	type job struct {
		name string
		reg  *raci.Register
		asOf raci.Date
	}
	var jobs []job
	for name, src := range testkit.ExampleRegisters(t, "../..") {
		reg, err := raci.LoadBytes(src, raci.WithSourceName(name))
		if err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, job{name, reg, goldenDate})
	}
	for i := 0; len(jobs) < goroutines; i++ {
		seed := make([]byte, 600)
		for j := range seed {
			seed[j] = byte((i*131 + j*17 + j*j*i) % 251)
		}
		b := randreg.New(&randreg.ByteChooser{Data: seed})
		built := b.Register()
		data, err := json.Marshal(built)
		if err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("generated-%d.json", i)
		reg, err := raci.LoadBytes(data, raci.WithSourceName(name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		jobs = append(jobs, job{name, reg, b.Date()})
	}

	want := make([]*engine.Report, len(jobs))
	for i, j := range jobs {
		rep, err := eng.Evaluate(context.Background(), j.reg, j.asOf)
		if err != nil {
			t.Fatalf("%s: %v", j.name, err)
		}
		want[i] = rep
	}

	// Goroutine i evaluates register i first, then walks through others, so
	// that evaluations of different registers overlap.
	pick := func(i, r int) int { return (i + r*7) % len(jobs) }
	got := make([][]*engine.Report, len(jobs))
	errs := make([][]error, len(jobs))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range jobs {
		got[i] = make([]*engine.Report, rounds)
		errs[i] = make([]error, rounds)
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for r := 0; r < rounds; r++ {
				j := jobs[pick(i, r)]
				got[i][r], errs[i][r] = eng.Evaluate(context.Background(), j.reg, j.asOf)
			}
		}()
	}
	close(start)
	wg.Wait()
	for i := range jobs {
		for r := 0; r < rounds; r++ {
			k := pick(i, r)
			if errs[i][r] != nil {
				t.Errorf("goroutine %d, %s: %v", i, jobs[k].name, errs[i][r])
				continue
			}
			if diff := cmp.Diff(want[k], got[i][r]); diff != "" {
				t.Errorf("goroutine %d: %s evaluated concurrently differs (-sequential +concurrent):\n%s", i, jobs[k].name, diff)
			}
		}
	}
}

// TestConcurrentLoad loads the same document from 16 goroutines: the loader
// and its compiled schema are safe for concurrent use.
func TestConcurrentLoad(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("../../examples/registers/acme.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := raci.LoadBytes(src)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	results := make([]*raci.Register, 16)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], _ = raci.LoadBytes(src)
		}()
	}
	wg.Wait()
	for i, got := range results {
		if diff := cmp.Diff(want, got, ignoreSource); diff != "" {
			t.Errorf("load %d differs:\n%s", i, diff)
		}
	}
}
