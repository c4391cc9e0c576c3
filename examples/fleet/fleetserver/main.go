// Command fleetserver is the two servers the OPAs of examples/fleet talk to,
// small enough to read, for trying the runbook on one machine: a bundle server
// that serves the files of a directory with an ETag (OPA downloads a bundle
// only when its ETag changed), and a collector that prints one line for each
// decision log and each change of an OPA's bundle status.
//
//	go run ./examples/fleet/fleetserver -dir /tmp/fleet/bundles
//
// In production the bundle server is any HTTP server, CDN or object store, and
// decision logs go to the organisation's log pipeline; nothing here is
// specific to rolecall but the lines it prints.
package main

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// maxUpload bounds one decision-log or status upload the collector reads.
const maxUpload = 32 << 20

func main() {
	bundlesAddr := flag.String("bundles-addr", "127.0.0.1:8282", "listen address of the bundle server (services.bundle-server.url)")
	collectorAddr := flag.String("collector-addr", "127.0.0.1:8283", "listen address of the collector (services.collector.url)")
	dir := flag.String("dir", "bundles", "directory served under /bundles/")
	flag.Parse()
	errs := make(chan error, 2)
	for _, s := range []*http.Server{
		{Addr: *bundlesAddr, Handler: bundleHandler(*dir), ReadHeaderTimeout: 10 * time.Second},
		{Addr: *collectorAddr, Handler: collectorHandler(os.Stdout), ReadHeaderTimeout: 10 * time.Second},
	} {
		go func() { errs <- s.ListenAndServe() }()
	}
	log.Printf("serving %s at http://%s/bundles/, collecting at http://%s", *dir, *bundlesAddr, *collectorAddr)
	log.Fatal(<-errs)
}

// bundleHandler serves GET /bundles/NAME from dir with a strong ETag (the
// file's SHA-256), answering 304 Not Modified when the request's
// If-None-Match names it. A bundle replaced by a rename (rolecall bundle -o
// writes that way) is served whole, old or new, never half.
func bundleHandler(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, "/bundles/")
		if r.Method != http.MethodGet || !ok || name == "" || path.Clean("/"+name) != "/"+name {
			http.NotFound(w, r)
			return
		}
		body, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if errors.Is(err, os.ErrNotExist) {
			http.NotFound(w, r)
			return
		} else if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		sum := sha256.Sum256(body)
		etag := `"` + hex.EncodeToString(sum[:]) + `"`
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/gzip")
		_, _ = w.Write(body)
	})
}

// decision is the part of an OPA decision log event the collector prints.
type decision struct {
	DecisionID string         `json:"decision_id"`
	Path       string         `json:"path"`
	Timestamp  time.Time      `json:"timestamp"`
	Labels     map[string]any `json:"labels"`
	Bundles    map[string]struct {
		Revision string `json:"revision"`
	} `json:"bundles"`
	Result json.RawMessage `json:"result"`
	Masked []string        `json:"masked"`
	Erased []string        `json:"erased"`
}

// status is the part of an OPA status report the collector prints.
type status struct {
	Labels  map[string]any `json:"labels"`
	Bundles map[string]struct {
		ActiveRevision string `json:"active_revision"`
		Code           string `json:"code"`
		Message        string `json:"message"`
	} `json:"bundles"`
}

// collectorHandler receives POST /logs (gzip'd JSON arrays of decisions) and
// POST /status (an OPA's status, JSON) and prints one line per decision and
// per change of an OPA's bundle status to out:
//
//	decision OPA-ID rolecall@REVISION rolecall/report 17 findings masked [/input /result]
//	status OPA-ID rolecall active REVISION
//	status OPA-ID rolecall active REVISION, refused a download: bundle_error MESSAGE
func collectorHandler(out io.Writer) http.Handler {
	var mu sync.Mutex
	last := map[string]string{}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || (r.URL.Path != "/logs" && r.URL.Path != "/status") {
			http.NotFound(w, r)
			return
		}
		var body io.Reader = io.LimitReader(r.Body, maxUpload)
		if r.Header.Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(body)
			if err != nil {
				http.Error(w, "expected a gzip body: "+err.Error(), http.StatusBadRequest)
				return
			}
			body = io.LimitReader(zr, maxUpload)
		}
		mu.Lock()
		defer mu.Unlock()
		if r.URL.Path == "/logs" {
			var ds []decision
			if err := json.NewDecoder(body).Decode(&ds); err != nil {
				http.Error(w, "expected a JSON array of decisions: "+err.Error(), http.StatusBadRequest)
				return
			}
			for _, d := range ds {
				fmt.Fprintf(out, "decision %v %s %s %s masked %v erased %v\n", d.Labels["id"], revisions(d), d.Path, summary(d.Result), d.Masked, d.Erased)
			}
			return
		}
		var s status
		if err := json.NewDecoder(body).Decode(&s); err != nil {
			http.Error(w, "expected a JSON status: "+err.Error(), http.StatusBadRequest)
			return
		}
		for name, b := range s.Bundles {
			line := fmt.Sprintf("status %v %s active %s", s.Labels["id"], name, b.ActiveRevision)
			if b.Code != "" {
				line += fmt.Sprintf(", refused a download: %s %s", b.Code, b.Message)
			}
			key := fmt.Sprint(s.Labels["id"], "/", name)
			if last[key] != line {
				last[key] = line
				fmt.Fprintln(out, line)
			}
		}
	})
}

// revisions names the bundles a decision was made with, NAME@REVISION.
func revisions(d decision) string {
	var parts []string
	for name, b := range d.Bundles {
		parts = append(parts, name+"@"+b.Revision)
	}
	slices.Sort(parts)
	return strings.Join(parts, ",")
}

// summary says what a logged result holds: the number of findings of a
// report, its errors, or that there is none (erased).
func summary(result json.RawMessage) string {
	var r struct {
		Findings *[]json.RawMessage `json:"findings"`
		Errors   []string           `json:"errors"`
	}
	switch {
	case len(result) == 0:
		return "no result"
	case json.Unmarshal(result, &r) != nil:
		return "a result"
	case r.Findings != nil:
		return fmt.Sprintf("%d findings", len(*r.Findings))
	case r.Errors != nil:
		return fmt.Sprintf("errors %q", r.Errors)
	}
	return "a result"
}
