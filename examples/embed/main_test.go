package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/output"
)

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	eng, err := engine.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(NewHandler(eng, 1<<20))
	t.Cleanup(srv.Close)
	return srv
}

func post(t *testing.T, url, body string) (int, map[string]any) {
	t.Helper()
	resp, err := http.Post(url, "application/yaml", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, out
}

func TestCheckReportsFindings(t *testing.T) {
	srv := newServer(t)
	acme, err := os.ReadFile("../registers/acme.yaml")
	if err != nil {
		t.Fatal(err)
	}
	status, out := post(t, srv.URL+"/check?as_of=2026-11-27", string(acme))
	if status != http.StatusOK {
		t.Fatalf("status %d: %v", status, out)
	}
	var subjects []string
	for _, f := range out["findings"].([]any) {
		m := f.(map[string]any)
		if m["rule"] == "A52-ASSET-001" {
			subjects = append(subjects, m["subject"].(string))
		}
	}
	if diff := cmp.Diff([]string{"asset:miro"}, subjects); diff != "" {
		t.Errorf("A52-ASSET-001 subjects (-want +got):\n%s", diff)
	}
}

func TestCheckRejectsInvalidRegisterWithLines(t *testing.T) {
	srv := newServer(t)
	status, out := post(t, srv.URL+"/check", "version: 1\norganisation: {name: X}\nroles: []\npeople: []\nassets:\n  - {id: a, name: A, type: sas}\n")
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", status)
	}
	want := []any{map[string]any{
		"pointer": "/assets/0/type",
		"pos":     map[string]any{"line": float64(6), "column": float64(28)},
		"message": `"sas" is not one of saas, cloud_service, system, application, dataset, shared_drive, device, network, physical, other`,
	}}
	if diff := cmp.Diff(want, out["problems"]); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestCheckRefusesOversizedBody(t *testing.T) {
	srv := newServer(t)
	status, _ := post(t, srv.URL+"/check", "version: 1\n"+strings.Repeat("# padding\n", 200_000))
	if status != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413", status)
	}
}

func TestConcurrentRequestsShareOneEngine(t *testing.T) {
	srv := newServer(t)
	minimal, err := os.ReadFile("../registers/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	counts := make([]int, 16)
	for i := range counts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := http.Post(srv.URL+"/check?as_of=2026-11-27", "application/yaml", strings.NewReader(string(minimal)))
			if err != nil {
				t.Error(err)
				return
			}
			defer resp.Body.Close()
			var rep output.JSONReport
			if err := json.NewDecoder(resp.Body).Decode(&rep); err != nil {
				t.Error(err)
				return
			}
			counts[i] = len(rep.Findings)
		}()
	}
	wg.Wait()
	for i, n := range counts {
		if n != 24 {
			t.Errorf("request %d: %d findings, want 24", i, n)
		}
	}
}
