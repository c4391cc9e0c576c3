package engine

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ErrLimit is wrapped by errors about an evaluation that went past one of the
// engine's limits: the memory budget (WithMemoryLimit) or the number of
// findings (WithMaxFindings). errors.As reaches an *EvalLimitError naming the
// limit. Such errors wrap ErrEvaluation too.
var ErrLimit = errors.New("evaluation limit exceeded")

// EvalLimitError says which limit of the engine an evaluation went past.
type EvalLimitError struct {
	// Limit is "memory" (bytes of Go heap) or "findings".
	Limit string
	// Max is the limit; Got is what the evaluation reached when it was stopped
	// (a lower bound when it was cancelled).
	Max, Got int64
}

// Error says which limit was exceeded, by how much, and what to do.
func (e *EvalLimitError) Error() string {
	switch e.Limit {
	case "memory":
		return fmt.Sprintf("%v: the evaluation was stopped when the heap reached %d MiB, past the memory limit of %d MiB (WithMemoryLimit, --memory-limit)", ErrLimit, e.Got>>20, e.Max>>20)
	case "findings":
		return fmt.Sprintf("%v: the rules found %d findings, more than the limit of %d (WithMaxFindings); no report is given, because a truncated one would pass registers it has not fully checked", ErrLimit, e.Got, e.Max)
	}
	return fmt.Sprintf("%v: %s: %d, more than %d", ErrLimit, e.Limit, e.Got, e.Max)
}

// Unwrap returns ErrEvaluation and ErrLimit.
func (e *EvalLimitError) Unwrap() []error { return []error{ErrEvaluation, ErrLimit} }

// DefaultMaxFindings is the most findings an evaluation reports before it
// fails with ErrLimit: ten times what a synthetic register of 100,000 people
// gives.
const DefaultMaxFindings = 250_000

// Bounds on what a rule's finding may hold. A finding whose subject or message
// is not a string, or is longer than these, is dropped; a path that is not a
// string or is longer than MaxPathBytes is dropped from its finding.
const (
	MaxSubjectBytes = 1 << 10
	MaxMessageBytes = 16 << 10
	MaxPathBytes    = 1 << 10
)

// MaxTimeout is the longest evaluation timeout a configuration or WithTimeout
// may set: a longer one is an error wrapping ErrInvalidConfig.
const MaxTimeout = 10 * time.Minute

// WithMemoryLimit cancels an evaluation, with an error wrapping ErrLimit and
// ErrEvaluation, when the Go heap of the process grows past bytes while it
// runs. The heap is sampled every millisecond or so, so that a rule that
// doubles a string is stopped near the limit, not at twice it. Go does not
// account memory per goroutine: evaluations running at the same time, and the
// rest of the program, count towards the same heap. Zero or less disables
// the limit. The default is DefaultMemoryLimit().
func WithMemoryLimit(bytes int64) Option {
	return func(c *engineConfig) error {
		c.memoryLimit = max(bytes, 0)
		return nil
	}
}

// WithMaxFindings sets the most findings an evaluation may report (default
// DefaultMaxFindings); more is an error wrapping ErrLimit and ErrEvaluation.
// Zero or less means no limit.
func WithMaxFindings(n int) Option {
	return func(c *engineConfig) error {
		c.maxFindings = max(n, 0)
		return nil
	}
}

// DefaultMemoryLimit is the memory budget of an engine without
// WithMemoryLimit: the Go memory limit (GOMEMLIMIT, debug.SetMemoryLimit) when
// one is set, otherwise half of the machine's memory (or of the cgroup's
// limit when lower), and 4 GiB where neither can be read.
func DefaultMemoryLimit() int64 { return defaultMemoryLimit() }

var defaultMemoryLimit = sync.OnceValue(func() int64 {
	if l := debug.SetMemoryLimit(-1); l > 0 && l < math.MaxInt64 {
		return l
	}
	total := int64(0)
	if f, err := os.Open("/proc/meminfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) >= 2 && fields[0] == "MemTotal:" {
				if kb, err := strconv.ParseInt(fields[1], 10, 64); err == nil {
					total = kb << 10
				}
			}
		}
		_ = f.Close()
	}
	for _, p := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		if b, err := os.ReadFile(p); err == nil {
			if v, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && v > 0 && (total == 0 || v < total) {
				total = v
			}
		}
	}
	if total <= 0 {
		return 4 << 30
	}
	return total / 2
})

// heapBytes reads the bytes of heap objects (live and not yet swept) without
// stopping the world.
func heapBytes(sample []metrics.Sample) int64 {
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(min(sample[0].Value.Uint64(), math.MaxInt64))
}

// watchMemory returns a context cancelled with an *EvalLimitError as its
// cause when the heap grows past limit, and a function that stops the watch.
// With limit <= 0 it returns ctx unchanged.
func watchMemory(ctx context.Context, limit int64) (context.Context, func()) {
	if limit <= 0 {
		return ctx, func() {}
	}
	ctx, cancel := context.WithCancelCause(ctx)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			if h := heapBytes(sample); h > limit {
				cancel(&EvalLimitError{Limit: "memory", Max: limit, Got: h})
				return
			}
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}()
	return ctx, func() {
		close(done)
		wg.Wait()
		cancel(nil)
	}
}

// trustedString returns v when it is a string of at most maxBytes bytes.
func trustedString(v any, maxBytes int) (string, bool) {
	s, ok := v.(string)
	if !ok || len(s) > maxBytes {
		return "", false
	}
	return s, true
}
