package main

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// progressDelay is how long work runs before its progress is shown: quick
// runs print nothing.
const progressDelay = time.Second

// progress shows what a long command is doing on standard error, one line
// rewritten in place, when standard error is a terminal. It is silent in a
// pipe, in CI (the CI environment variable is set) and with --quiet.
type progress struct {
	w       io.Writer
	mu      sync.Mutex
	status  string
	shown   bool
	stop    chan struct{}
	stopped sync.WaitGroup
}

// newProgress starts a progress line on io.err when it is a terminal and quiet
// is false; otherwise it returns a progress that shows nothing.
func newProgress(io streams, quiet bool) *progress {
	p := &progress{}
	if quiet || !io.errTTY || io.env("CI") != "" {
		return p
	}
	p.w = io.err
	p.stop = make(chan struct{})
	p.stopped.Add(1)
	go p.loop()
	return p
}

func (p *progress) loop() {
	defer p.stopped.Done()
	timer := time.NewTimer(progressDelay)
	defer timer.Stop()
	select {
	case <-p.stop:
		return
	case <-timer.C:
	}
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	for {
		p.mu.Lock()
		fmt.Fprintf(p.w, "\r\033[K%s", p.status)
		p.shown = true
		p.mu.Unlock()
		select {
		case <-p.stop:
			return
		case <-tick.C:
		}
	}
}

// set replaces the status line.
func (p *progress) set(format string, args ...any) {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	p.status = "rolecall: " + fmt.Sprintf(format, args...)
	p.mu.Unlock()
}

// done stops the progress line and clears it, so that what follows starts on
// a clean line.
func (p *progress) done() {
	if p.w == nil {
		return
	}
	close(p.stop)
	p.stopped.Wait()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
	p.w = nil
}
