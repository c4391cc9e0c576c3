package engine

import (
	"math"
	"os"
	"runtime/debug"
)

// GCTuning is a setting of the Go garbage collector for a process that checks
// registers and exits, such as the rolecall command. With Go's defaults
// (GOGC=100, no memory limit) the collector runs often while the rules compile
// and the register loads, when the heap is still small, and lets the heap grow to
// twice the live data on a large register. A GCTuning collects less often while
// the heap is small (Percent) and holds it under a soft limit that grows with the
// register (MemoryLimit): on a 10,000-person register it saves about a fifth of
// the CPU time, and it keeps a 100,000-person check (51 MB of JSON) under 1 GiB
// (PERFORMANCE.md has the measurements).
//
// It changes settings of the whole process, so a service that evaluates many
// registers at once should not use it: GOGC and GOMEMLIMIT tune such a service.
type GCTuning struct {
	// Percent is the value for debug.SetGCPercent: how much the heap grows
	// before the next collection, in percent of the live heap.
	Percent int
	// MemoryLimit is the value for debug.SetMemoryLimit, in bytes: a soft limit
	// on the memory of the Go runtime that makes the collector run more often as
	// the heap nears it. It is not a hard limit: the evaluation's own memory
	// budget (WithMemoryLimit) is.
	MemoryLimit int64
}

const (
	// gcPercent is GCTuning.Percent: collections four times rarer than
	// GOGC=100 while the heap is small.
	gcPercent = 400
	// gcBytesFactor is the soft memory limit per byte of register: a JSON
	// register of 100,000 people (about 51 MB) peaks at about 1.5 GiB without a
	// limit and under 1 GiB with one of 20 times its size.
	gcBytesFactor = 20
	// gcMinLimit is the smallest soft limit: below it the live heap of the
	// compiled rules and a small register would make the collector run
	// constantly.
	gcMinLimit = 256 << 20
)

// GCTuningFor returns the GCTuning for checking registers of registerBytes bytes
// in all: a GC percent of 400, and a soft memory limit of 20 times the register's
// size, at least 256 MiB and at most the default evaluation memory budget
// (DefaultMemoryLimit).
func GCTuningFor(registerBytes int64) GCTuning {
	limit := int64(gcMinLimit)
	if registerBytes > 0 && registerBytes < math.MaxInt64/gcBytesFactor {
		limit = max(limit, registerBytes*gcBytesFactor)
	}
	if budget := DefaultMemoryLimit(); budget > 0 {
		limit = min(limit, budget)
	}
	return GCTuning{Percent: gcPercent, MemoryLimit: limit}
}

// Apply sets the process's GC percent and memory limit to t, except those the
// user chose through the GOGC and GOMEMLIMIT environment variables, which it
// leaves alone, and those t leaves zero. It fixes DefaultMemoryLimit first, so that engines created
// afterwards keep the evaluation budget they would have had: the soft limit
// never becomes a hard one. restore puts back the previous settings.
func (t GCTuning) Apply() (restore func()) {
	_ = DefaultMemoryLimit()
	prevPercent, prevLimit := -2, int64(-1)
	if os.Getenv("GOGC") == "" && t.Percent != 0 {
		prevPercent = debug.SetGCPercent(t.Percent)
	}
	if os.Getenv("GOMEMLIMIT") == "" && t.MemoryLimit > 0 {
		prevLimit = debug.SetMemoryLimit(t.MemoryLimit)
	}
	return func() {
		if prevPercent != -2 {
			debug.SetGCPercent(prevPercent)
		}
		if prevLimit >= 0 {
			debug.SetMemoryLimit(prevLimit)
		}
	}
}
