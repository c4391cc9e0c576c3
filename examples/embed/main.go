// Command embed is a small internal service built only on rolecall's public
// API, the way a platform team embeds it: POST a register (YAML or JSON) to
// /check and get the report back in the JSON format of rolecall check
// --format json.
//
//	go run ./examples/embed -addr 127.0.0.1:8080
//	curl --data-binary @examples/registers/acme.yaml 'http://127.0.0.1:8080/check?as_of=2026-11-27'
//
// One engine is compiled at start-up and shared by every request: evaluation is
// safe for concurrent use. Invalid registers get 422 with every problem and its
// line; a request over the size limit gets 413.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"log"
	"net/http"
	"time"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/output"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()
	eng, err := engine.New(context.Background(), engine.WithTimeout(20*time.Second))
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{Addr: *addr, Handler: NewHandler(eng, 8<<20), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("rolecall check service on http://%s/check", *addr)
	log.Fatal(srv.ListenAndServe())
}

// NewHandler serves POST /check with eng; bodies larger than maxBytes are
// refused.
func NewHandler(eng *engine.Engine, maxBytes int64) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /check", func(w http.ResponseWriter, r *http.Request) {
		asOf := raci.Today()
		if s := r.URL.Query().Get("as_of"); s != "" {
			d, err := raci.ParseDate(s)
			if err != nil {
				writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
				return
			}
			asOf = d
		}
		reg, err := raci.Load(r.Body, raci.WithLimits(raci.Limits{MaxBytes: maxBytes}), raci.WithSourceName("request body"))
		if err != nil {
			var le *raci.LoadError
			status := http.StatusUnprocessableEntity
			if errors.Is(err, raci.ErrLimit) {
				status = http.StatusRequestEntityTooLarge
			}
			if errors.As(err, &le) {
				writeJSON(w, status, map[string]any{"error": "invalid register", "problems": le.Problems})
				return
			}
			writeJSON(w, status, map[string]string{"error": err.Error()})
			return
		}
		rep, err := eng.Evaluate(r.Context(), reg, asOf)
		if err != nil {
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		if err := (output.JSON{}).Format(w, output.Run{Reports: []*engine.Report{rep}}); err != nil {
			log.Printf("check: writing the report: %v", err)
		}
	})
	return mux
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
