package engine_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

const goodRule = `# METADATA
# title: Everyone has an e-mail address
# custom:
#   id: ORG-001
#   severity: low
package rolecall.custom.email

import data.rolecall.lib

finding contains {"subject": sprintf("person:%s", [p.id]), "message": "no e-mail", "path": lib.ptr(["people", i])} if {
	some i, p in lib.people_list
	not p.email
}
`

// TestCustomizationFailures checks that each way of getting customisation wrong
// is an error naming what is wrong and where.
func TestCustomizationFailures(t *testing.T) {
	tcs := []struct {
		name     string
		files    fstest.MapFS
		opts     []engine.Option
		sentinel error
		want     []string // substrings the message must hold
	}{
		{
			name:     "missing METADATA",
			files:    fstest.MapFS{"norule.rego": {Data: []byte("package rolecall.custom.norule\n\nfinding contains {\"subject\": \"organisation\", \"message\": \"x\"}\n")}},
			sentinel: engine.ErrRules,
			want:     []string{"norule.rego:1:", "package rolecall.custom.norule", "no METADATA block with title, custom.id and custom.severity"},
		},
		{
			name:     "METADATA without severity",
			files:    fstest.MapFS{"partial.rego": {Data: []byte("# METADATA\n# title: Partial\n# custom:\n#   id: ORG-9\npackage rolecall.custom.partial\n\nfinding contains {\"subject\": \"organisation\", \"message\": \"x\"}\n")}},
			sentinel: engine.ErrRules,
			want:     []string{"partial.rego:1:", "METADATA lacks custom.severity"},
		},
		{
			name:     "id clash with a bundled rule",
			files:    fstest.MapFS{"clash.rego": {Data: []byte(strings.Replace(goodRule, "ORG-001", "A52-ASSET-001", 1))}},
			sentinel: engine.ErrRules,
			want:     []string{"clash.rego:1: rule id A52-ASSET-001 of package rolecall.custom.email is already used by package rolecall.rules.asset_001"},
		},
		{
			name: "id clash between organisation rules",
			files: fstest.MapFS{
				"a.rego": {Data: []byte(goodRule)},
				"b.rego": {Data: []byte(strings.Replace(goodRule, "custom.email", "custom.email2", 1))},
			},
			sentinel: engine.ErrRules,
			want:     []string{"rule id ORG-001", "already used by package rolecall.custom.email"},
		},
		{
			name:     "forbidden builtin",
			files:    fstest.MapFS{"net.rego": {Data: []byte(strings.Replace(goodRule, "not p.email", "not p.email\n\thttp.send({\"method\": \"get\", \"url\": \"http://example.org\"})", 1))}},
			sentinel: engine.ErrRules,
			want:     []string{"net.rego:13: uses http.send, which rolecall's sandbox forbids"},
		},
		{
			name:     "clock builtin",
			files:    fstest.MapFS{"clock.rego": {Data: []byte(strings.Replace(goodRule, "not p.email", "not p.email\n\ttime.now_ns() > 0", 1))}},
			sentinel: engine.ErrRules,
			want:     []string{"clock.rego:13: uses time.now_ns"},
		},
		{
			name:     "compile error",
			files:    fstest.MapFS{"broken.rego": {Data: []byte(strings.Replace(goodRule, "not p.email", "not p.email\n\tundefined_function(p)", 1))}},
			sentinel: engine.ErrRules,
			want:     []string{"broken.rego:13:", "undefined function undefined_function"},
		},
		{
			name:     "syntax error",
			files:    fstest.MapFS{"syntax.rego": {Data: []byte("package rolecall.custom.syntax\n\nfinding contains f if {\n")}},
			sentinel: engine.ErrRules,
			want:     []string{"syntax.rego:"},
		},
		{
			name:     "package outside rolecall.custom",
			files:    fstest.MapFS{"wrong.rego": {Data: []byte(strings.Replace(goodRule, "rolecall.custom.email", "acme.email", 1))}},
			sentinel: engine.ErrRules,
			want:     []string{"wrong.rego:6: package acme.email: organisation rules are packages rolecall.custom.NAME"},
		},
		{
			name:     "unknown parameter",
			opts:     []engine.Option{engine.WithParams(map[string]any{"review_intervall_days": 90})},
			sentinel: engine.ErrInvalidConfig,
			want:     []string{`unknown parameter "review_intervall_days" (did you mean "review_interval_days"?): expected one of`},
		},
		{
			name:     "parameter of the wrong type",
			opts:     []engine.Option{engine.WithParams(map[string]any{"review_interval_days": "yearly"})},
			sentinel: engine.ErrInvalidConfig,
			want:     []string{`parameter "review_interval_days": expected a number, found a string`},
		},
		{
			name:     "parameter outside its values",
			opts:     []engine.Option{engine.WithParams(map[string]any{"it_functions": []any{"it", "itt"}})},
			sentinel: engine.ErrInvalidConfig,
			want:     []string{`parameter "it_functions[1]": "itt" is not one of executive`},
		},
		{
			name:     "disable unknown rule",
			opts:     []engine.Option{engine.WithDisabled("A52-NOPE-001")},
			sentinel: engine.ErrInvalidConfig,
			want:     []string{`cannot disable unknown rule "A52-NOPE-001"`},
		},
		{
			name:     "bad severity",
			opts:     []engine.Option{engine.WithSeverity("A52-ASSET-001", "severe")},
			sentinel: engine.ErrInvalidConfig,
			want:     []string{`severity "severe" for rule A52-ASSET-001 is not one of critical, high, medium, low, info`},
		},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			opts := tc.opts
			if tc.files != nil {
				opts = append(opts, engine.WithRules(tc.files))
			}
			_, err := engine.New(context.Background(), opts...)
			if err == nil {
				t.Fatal("New succeeded, want an error")
			}
			if !errors.Is(err, tc.sentinel) {
				t.Errorf("error %v does not wrap %v", err, tc.sentinel)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q:\n%v", w, err)
				}
			}
		})
	}
}

func TestBadConfigValues(t *testing.T) {
	tcs := []struct {
		name, src string
		want      string
	}{
		{"unknown key", "params: {}\ndisabel: [A52-COMM-003]\n", `line 2, col 1, /disabel: unknown key "disabel" (did you mean "disable"?)`},
		{"bad severity", "severity:\n  A52-ASSET-002: urgent\n", `line 2, col 18, /severity/A52-ASSET-002: "urgent" is not one of critical, high, medium, low, info`},
		{"bad fail_on", "fail_on: sometimes\n", `line 1, col 10, /fail_on: "sometimes" is not one of critical, high, medium, low, info, none`},
		{"rules not a list", "rules: custom\n", `line 1, col 8, /rules: expected a list, found a string`},
		{"bad timeout", "timeout: soon\n", `line 1, col 10, /timeout: "soon" is not a duration: expected a Go duration such as 30s, 2m or 1m30s`},
		{"yaml syntax", "params: [\n", `YAML syntax error`},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			_, err := engine.ParseConfig([]byte(tc.src), "rolecall.yaml")
			if err == nil {
				t.Fatal("ParseConfig succeeded")
			}
			if !errors.Is(err, engine.ErrInvalidConfig) {
				t.Errorf("%v does not wrap ErrInvalidConfig", err)
			}
			var le *raci.LoadError
			if !errors.As(err, &le) {
				t.Errorf("%v is not a *LoadError", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error lacks %q:\n%v", tc.want, err)
			}
		})
	}
}

func TestConfigParamsReachRules(t *testing.T) {
	cfg, err := engine.ParseConfig([]byte("params:\n  awareness_interval_days: 1\ndisable: [A52-COMM-001]\nseverity: {A52-COMM-002: critical}\n"), "rolecall.yaml")
	if err != nil {
		t.Fatal(err)
	}
	eng := newEngine(t, engine.WithConfig(cfg))
	reg, err := raci.LoadBytes([]byte(`version: 1
organisation: {name: X}
roles: []
people:
  - {id: p1, name: P, acknowledgements: {awareness_training: 2026-11-25, induction: 2026-01-05}}
`))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eng.Evaluate(context.Background(), reg, raci.MustDate("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	var comm []string
	for _, f := range rep.Findings {
		if strings.HasPrefix(f.Rule, "A52-COMM-00") {
			comm = append(comm, f.Rule+" "+string(f.Severity))
		}
	}
	if strings.Join(comm, ",") != "A52-COMM-002 critical" {
		t.Errorf("COMM findings %v, want only A52-COMM-002 at critical (interval 1 day, COMM-001 disabled)", comm)
	}
}

func TestEvaluationTimeout(t *testing.T) {
	slow := fstest.MapFS{"slow.rego": {Data: []byte(`# METADATA
# title: Slow
# custom:
#   id: ORG-SLOW
#   severity: info
package rolecall.custom.slow

finding contains {"subject": "organisation", "message": sprintf("%d", [n])} if {
	n := count([1 |
		some a in numbers.range(1, 3000)
		some b in numbers.range(1, 3000)
		a != b
	])
}
`)}}
	_, err := engine.New(context.Background(), engine.WithRules(slow))
	if err == nil || !strings.Contains(err.Error(), "slow.rego:10: uses numbers.range") {
		t.Fatalf("numbers.range should be refused by the sandbox, got %v", err)
	}
	loop := fstest.MapFS{"loop.rego": {Data: []byte(`# METADATA
# title: Slow
# custom:
#   id: ORG-SLOW
#   severity: info
package rolecall.custom.loop

_big := [x | some x in split(concat("", [s | some _ in split(concat(",", split(input.register.organisation.name, "")), ","); s := input.register.organisation.name]), "")]

finding contains {"subject": "organisation", "message": sprintf("%d", [n])} if {
	n := count({[a, b, c] | some a in _big; some b in _big; some c in _big})
}
`)}}
	eng := newEngine(t, engine.WithRules(loop), engine.WithTimeout(200*time.Millisecond))
	reg, err := raci.LoadBytes([]byte("version: 1\norganisation: {name: " + strings.Repeat("abcdefghij", 12) + "}\nroles: []\npeople: []\n"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = eng.Evaluate(context.Background(), reg, raci.MustDate("2026-11-27"))
	if err == nil {
		t.Fatal("evaluation finished; want it stopped by the timeout")
	}
	if !errors.Is(err, engine.ErrEvaluation) || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v should wrap ErrEvaluation and context.DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("stopped after %v, want soon after the 200ms deadline", d)
	}
}

func TestConfigErrorsNameTheLine(t *testing.T) {
	tcs := []struct{ src, want string }{
		{"params:\n  review_interval_days: 90\n  review_intervall_days: 30\n", `rolecall.yaml:3:3: unknown parameter "review_intervall_days" (did you mean "review_interval_days"?)`},
		{"params:\n  awareness_interval_days: soon\n", `rolecall.yaml:2:3: parameter "awareness_interval_days": expected a number, found a string`},
		{"disable:\n  - A52-COMM-003\n  - A52-NOPE-001\n", `rolecall.yaml:3:5: cannot disable unknown rule "A52-NOPE-001"`},
		{"severity:\n  A52-NOPE-001: high\n", `rolecall.yaml:2:3: cannot set the severity of unknown rule "A52-NOPE-001"`},
	}
	for _, tc := range tcs {
		cfg, err := engine.ParseConfig([]byte(tc.src), "rolecall.yaml")
		if err != nil {
			t.Fatal(err)
		}
		_, err = engine.New(context.Background(), engine.WithConfig(cfg))
		if err == nil || !errors.Is(err, engine.ErrInvalidConfig) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("config %q: error %v, want it to contain %q", tc.src, err, tc.want)
		}
	}
}
