package engine_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// TestFleetLoad measures, for docs/fleet.md, one unmodified OPA server
// evaluating acme.yaml over loopback (POST /v1/data/rolecall/report from a
// bounded load generator: ROLECALL_FLEET_LOAD_REQUESTS requests, 400 by
// default, from ROLECALL_FLEET_LOAD_CONCURRENCY clients, 4 by default) beside
// the in-process engine doing the same evaluations with Evaluate. It prints
// requests (evaluations) per second and latency percentiles, and checks every
// answer has the engine's number of findings; it asserts nothing about speed.
// It runs only when ROLECALL_FLEET_LOAD=1 and ROLECALL_OPA_BIN are set:
//
//	ROLECALL_FLEET_LOAD=1 ROLECALL_OPA_BIN=/tmp/opa go test -count=1 -run '^TestFleetLoad$' -v ./raci/engine/
func TestFleetLoad(t *testing.T) {
	if os.Getenv("ROLECALL_FLEET_LOAD") != "1" {
		t.Skip("set ROLECALL_FLEET_LOAD=1 (and ROLECALL_OPA_BIN) to measure an OPA server against the engine")
	}
	opa := fleetOPABinary(t)
	requests := envInt(t, "ROLECALL_FLEET_LOAD_REQUESTS", 400)
	clients := envInt(t, "ROLECALL_FLEET_LOAD_CONCURRENCY", 4)
	const budget = 5 * time.Minute

	eng := newEngine(t)
	reg, err := raci.LoadFile("../../examples/registers/acme.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := len(engineFindings(t, eng, reg))
	input, err := engine.Input(reg, goldenDate)
	if err != nil {
		t.Fatal(err)
	}
	body, err := json.Marshal(map[string]any{"input": input})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "rolecall.tar.gz")
	if err := eng.WriteBundleFile(path); err != nil {
		t.Fatal(err)
	}
	url := startOPA(t, opa, path) + "/v1/data/rolecall/report"
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	t.Cleanup(client.CloseIdleConnections)

	post := func() error {
		resp, err := client.Post(url, "application/json", bytes.NewReader(body))
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		var out struct {
			Result struct {
				Findings []json.RawMessage `json:"findings"`
			} `json:"result"`
		}
		if err := json.NewDecoder(io.LimitReader(resp.Body, 64<<20)).Decode(&out); err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK || len(out.Result.Findings) != want {
			return fmt.Errorf("status %d with %d findings, want 200 with %d", resp.StatusCode, len(out.Result.Findings), want)
		}
		return nil
	}
	evaluate := func() error {
		rep, err := eng.Evaluate(context.Background(), reg, goldenDate)
		if err != nil {
			return err
		}
		if len(rep.Findings) != want {
			return fmt.Errorf("%d findings, want %d", len(rep.Findings), want)
		}
		return nil
	}
	// Warm both up (connections, the OPA's first evaluation) before measuring.
	for range 20 {
		if err := post(); err != nil {
			t.Fatal(err)
		}
		if err := evaluate(); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("acme.yaml (%d people, %d findings), %d requests from %d clients, %d CPUs, GOMAXPROCS %d", len(reg.People), want, requests, clients, runtime.NumCPU(), runtime.GOMAXPROCS(0))
	for _, m := range []struct {
		name string
		call func() error
	}{
		{"OPA server, POST /v1/data/rolecall/report over loopback", post},
		{"in-process engine, Evaluate", evaluate},
	} {
		r := runLoad(t, m.call, requests, clients, budget)
		t.Logf("%s: %d done in %.1fs: %.1f per second; latency p50 %s, p95 %s, p99 %s",
			m.name, r.done, r.elapsed.Seconds(), float64(r.done)/r.elapsed.Seconds(),
			r.percentile(50), r.percentile(95), r.percentile(99))
	}
}

// loadResult is what runLoad measured.
type loadResult struct {
	done      int
	elapsed   time.Duration
	latencies []time.Duration
}

func (r loadResult) percentile(p int) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	i := (len(r.latencies)*p + 99) / 100
	return r.latencies[min(max(i-1, 0), len(r.latencies)-1)].Round(100 * time.Microsecond)
}

// runLoad calls call n times from clients goroutines, stopping early when
// budget has passed, and fails the test on the first error.
func runLoad(t *testing.T, call func() error, n, clients int, budget time.Duration) loadResult {
	t.Helper()
	var next atomic.Int64
	var mu sync.Mutex
	var lat []time.Duration
	var firstErr error
	deadline := time.Now().Add(budget)
	start := time.Now()
	var wg sync.WaitGroup
	for range clients {
		wg.Go(func() {
			for next.Add(1) <= int64(n) && time.Now().Before(deadline) {
				t0 := time.Now()
				err := call()
				d := time.Since(t0)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				lat = append(lat, d)
				mu.Unlock()
				if err != nil {
					return
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	if firstErr != nil {
		t.Fatal(firstErr)
	}
	slices.Sort(lat)
	return loadResult{done: len(lat), elapsed: elapsed, latencies: lat}
}

func envInt(t *testing.T, name string, def int) int {
	t.Helper()
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a positive whole number", name, s)
	}
	return n
}
