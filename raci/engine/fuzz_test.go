package engine_test

// Fuzz targets for the configuration parser and the engine. Each asserts
// properties, not only the absence of panics. Seeds live in f.Add calls and in
// testdata/fuzz/<Name>/.
//
//	go test ./raci/engine -run '^$' -fuzz '^FuzzEvaluate$' -fuzztime 50000x -fuzzminimizetime 200x -timeout 0 -parallel 1
//
// (Go 1.26: give -fuzztime as a count; one -fuzz target per go test run.)

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/rolecall/rolecall/internal/testkit"

	"github.com/rolecall/rolecall/internal/randreg"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

func FuzzParseConfig(f *testing.F) {
	for _, s := range []string{
		"",
		"params: {review_interval_days: 180, it_functions: [it, engineering]}\ndisable: [A52-DOC-002]\nseverity: {A52-ASSET-001: critical}\nrules: [policy/rules]\nfail_on: medium\ntimeout: 30s\n",
		"timeout: 0s\n",
		"timeout: 99999999999999999999m\n",
		"timeout: 1500ms\n",
		"severity: {X: bogus}\n",
		"disable: [a, a]\n",
		"rules: ['']\n",
		"params: {x: 1.0, y: 1e400, z: [1, {a: null}]}\n",
		"unknown: 1\n",
		"params: &p {a: 1}\nseverity: *p\n",
		"[]",
	} {
		f.Add([]byte(s), false)
	}
	f.Add([]byte(`{"params": {"max_accountable_share": 0.4}, "fail_on": "none", "timeout": "2m"}`), true)
	f.Add([]byte(`{"timeout": 30}`), true)
	f.Fuzz(func(t *testing.T, data []byte, asJSON bool) {
		name := "rolecall.yaml"
		if asJSON {
			name = "conf/rolecall.json"
		}
		cfg, err := engine.ParseConfig(data, name)
		if err != nil {
			if !errors.Is(err, engine.ErrInvalidConfig) {
				t.Fatalf("error does not wrap ErrInvalidConfig: %v", err)
			}
			var le *raci.LoadError
			if !errors.As(err, &le) || len(le.Problems) == 0 {
				t.Fatalf("config error without a *LoadError and its problems: %v", err)
			}
			for _, p := range le.Problems {
				if strings.TrimSpace(p.Message) == "" {
					t.Fatalf("problem without a message: %#v", p)
				}
			}
			return
		}
		for _, d := range cfg.RuleDirs() {
			if d == "" {
				t.Fatalf("empty rule directory from %q", data)
			}
		}
		if cfg.Timeout < 0 {
			t.Fatalf("negative timeout %v", cfg.Timeout)
		}
		for id, s := range cfg.Severity {
			if s.Rank() < 0 {
				t.Fatalf("severity %q of %s accepted", s, id)
			}
		}
		// Written back as JSON, the configuration reads to the same value.
		m := map[string]any{}
		if cfg.Params != nil {
			m["params"] = cfg.Params
		}
		if cfg.Disable != nil {
			m["disable"] = cfg.Disable
		}
		if cfg.Severity != nil {
			m["severity"] = cfg.Severity
		}
		if cfg.Rules != nil {
			m["rules"] = cfg.Rules
		}
		if cfg.FailOn != "" {
			m["fail_on"] = cfg.FailOn
		}
		if cfg.Timeout > 0 {
			m["timeout"] = fmt.Sprintf("%dms", cfg.Timeout.Milliseconds())
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("a parsed configuration does not marshal: %v", err)
		}
		again, err := engine.ParseConfig(b, filepath.Join(filepath.Dir(name), "again.json"))
		if err != nil {
			t.Fatalf("the JSON form of a parsed configuration does not parse: %v\n%s", err, b)
		}
		if diff := cmp.Diff(cfg, again, cmpopts.IgnoreUnexported(engine.Config{})); diff != "" {
			t.Fatalf("configuration changed through JSON (-first +again):\n%s", diff)
		}
	})
}

// ---- FuzzEvaluate ----

var fuzzEngine = sync.OnceValues(func() (*engine.Engine, error) { return engine.New(context.Background()) })

// subjectRE is the shape of a finding's subject (register-format.md).
var subjectRE = regexp.MustCompile(`^(organisation|policy|(role|person|team|asset|activity|authority|delegation|risk|segregation|exception):\S+|(role-kind|process|decision|function):[a-z_]+)$`)

// checkReport asserts what every report of reg (loaded from js) must satisfy.
func checkReport(t *testing.T, eng *engine.Engine, rep *engine.Report, reg *raci.Register, js []byte, asOf raci.Date) {
	t.Helper()
	if _, err := json.Marshal(rep); err != nil {
		t.Fatalf("report does not marshal: %v", err)
	}
	if rep.AsOf != asOf {
		t.Fatalf("report as of %s, asked %s", rep.AsOf, asOf)
	}
	known := map[string]bool{}
	for _, r := range eng.Rules() {
		known[r.ID] = true
	}
	excs := map[string]bool{}
	for _, e := range reg.Exceptions {
		excs[e.ID] = true
	}
	doc := testkit.DecodeGeneric(t, js)
	waived := 0
	for _, f := range rep.Findings {
		switch {
		case !known[f.Rule]:
			t.Errorf("finding of unknown rule: %+v", f)
		case f.Severity.Rank() < 0:
			t.Errorf("finding with bad severity: %+v", f)
		case !subjectRE.MatchString(f.Subject):
			t.Errorf("finding with a malformed subject: %+v", f)
		case strings.TrimSpace(f.Message) == "" || f.Title == "" || f.Remediation == "" || f.Control == "":
			t.Errorf("finding without message, title, control or remediation: %+v", f)
		case f.Waived != "" && !excs[f.Waived]:
			t.Errorf("finding waived by an exception that does not exist: %+v", f)
		}
		if f.Path != "" {
			if _, ok := testkit.ResolvePointer(doc, f.Path); !ok {
				t.Errorf("finding path %q does not resolve in the register: %+v\n%s", f.Path, f, js)
			}
			if f.Line <= 0 {
				t.Errorf("finding with a path but no line: %+v", f)
			}
		}
		if f.Waived != "" {
			waived++
		}
	}
	if rep.Summary.Total != len(rep.Findings) || rep.Summary.Waived != waived {
		t.Errorf("summary %+v does not count %d findings, %d waived", rep.Summary, len(rep.Findings), waived)
	}
	sorted := slices.Clone(rep.Findings)
	engine.SortFindings(sorted)
	if diff := cmp.Diff(sorted, rep.Findings); diff != "" {
		t.Errorf("findings not in report order:\n%s", diff)
	}
}

// FuzzEvaluate builds a valid register from the fuzz bytes with ids from small
// pools (so that references collide, dangle and form cycles), evaluates it as of
// a date from the bytes and checks the report.
func FuzzEvaluate(f *testing.F) {
	f.Add([]byte{})
	f.Add(bytes.Repeat([]byte{1}, 400))
	f.Add(bytes.Repeat([]byte{255}, 400))
	f.Add(bytes.Repeat([]byte{1, 0}, 300))
	f.Add(bytes.Repeat([]byte{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9}, 40))
	f.Add(bytes.Repeat([]byte{7, 1, 1, 2, 250, 3}, 100))
	eng, err := fuzzEngine()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &randreg.ByteChooser{Data: data}
		b := randreg.New(c)
		built := b.Register()
		asOf := b.Date()
		js, err := json.Marshal(built)
		if err != nil {
			t.Fatal(err)
		}
		reg, err := raci.LoadBytes(js, raci.WithFormat(raci.FormatJSON), raci.WithSourceName("fuzz.json"))
		if err != nil {
			t.Fatalf("the builder made an invalid register: %v\n%s", err, js)
		}
		if diff := cmp.Diff(built, reg, ignoreSource); diff != "" {
			t.Fatalf("built and loaded registers differ:\n%s", diff)
		}
		rep, err := eng.Evaluate(context.Background(), reg, asOf)
		if err != nil {
			t.Fatalf("Evaluate: %v\n%s", err, js)
		}
		checkReport(t, eng, rep, reg, js, asOf)
		after, _ := json.Marshal(reg)
		if !bytes.Equal(js, after) {
			t.Fatalf("Evaluate changed the register:\n%s\n%s", js, after)
		}
	})
}

// ignoreSource compares registers without where they were loaded from.
var ignoreSource = cmpopts.IgnoreUnexported(raci.Register{})
