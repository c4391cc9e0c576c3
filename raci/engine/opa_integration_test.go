package engine_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// TestOPAServerGivesTheSameFindings builds rolecall's bundle (bundled rules, and
// with the example organisation's configuration and rules), serves it with an
// unmodified OPA (`opa run --server`) on a loopback port, sends every example
// and conformance register to POST /v1/data/rolecall/report, and compares the
// findings with the engine's (EXC-002's second phase included). It needs the opa binary: .ci/run builds it from the OPA module in
// go.mod (go build -o ... github.com/open-policy-agent/opa) and sets
// ROLECALL_OPA_BIN.
func TestOPAServerGivesTheSameFindings(t *testing.T) {
	opa := os.Getenv("ROLECALL_OPA_BIN")
	if opa == "" {
		t.Skip("set ROLECALL_OPA_BIN to an opa binary (go build -o /tmp/opa github.com/open-policy-agent/opa) to run the OPA server integration test")
	}
	cfg, err := engine.LoadConfig("../../examples/custom-rules/rolecall.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		opts []engine.Option
	}{
		{"bundled", nil},
		{"organisation", []engine.Option{engine.WithConfig(cfg)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			eng := newEngine(t, tc.opts...)
			path := filepath.Join(t.TempDir(), "rolecall.tar.gz")
			if err := eng.WriteBundleFile(path); err != nil {
				t.Fatal(err)
			}
			url := startOPA(t, opa, path)
			regs, _ := filepath.Glob("../../examples/registers/*.yaml")
			if len(regs) == 0 {
				t.Fatal("no example registers")
			}
			vectors, _ := filepath.Glob(filepath.Join(conformanceDir(t), "*.json"))
			for _, v := range vectors {
				if !strings.HasSuffix(v, ".expected.json") {
					regs = append(regs, v)
				}
			}
			custom := 0
			for _, file := range regs {
				reg, err := raci.LoadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				rep, err := eng.Evaluate(context.Background(), reg, goldenDate)
				if err != nil {
					t.Fatal(err)
				}
				got := queryOPA(t, url, reg)
				want := append([]engine.Finding{}, rep.Findings...)
				for i := range want {
					want[i].File, want[i].Line, want[i].Column = "", 0, 0
					if want[i].Rule[:4] == "ACME" {
						custom++
					}
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%s: OPA server findings differ from the engine's (-engine +opa):\n%s", file, diff)
				}
			}
			if tc.name == "bundled" {
				postMalformedInputs(t, url)
			}
			if tc.name == "organisation" && custom == 0 {
				t.Error("no organisation finding came back: the organisation rules are not in the bundle")
			}
		})
	}
}

func startOPA(t *testing.T, opa, bundlePath string) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, opa, "run", "--server", "--addr", addr, "--log-level", "error", "--disable-telemetry", bundlePath)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
	})
	url := "http://" + addr
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(url + "/health?bundles")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return url
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("opa did not become healthy at %s: %v\n%s", url, err, stderr.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func queryOPA(t *testing.T, url string, reg *raci.Register) []engine.Finding {
	t.Helper()
	plain, err := engine.Input(reg, goldenDate)
	if err != nil {
		t.Fatal(err)
	}
	body, err := json.Marshal(map[string]any{"input": plain})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post(url+"/v1/data/rolecall/report", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Result struct {
			Findings []engine.Finding `json:"findings"`
		} `json:"result"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	engine.SortFindings(out.Result.Findings)
	if out.Result.Findings == nil {
		out.Result.Findings = []engine.Finding{}
	}
	return out.Result.Findings
}
