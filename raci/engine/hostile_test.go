package engine_test

// Hostile organisation rules and hostile inputs: what the engine and the loader
// do with rules that loop, reach for forbidden builtins or print without end,
// and with documents built to exhaust memory or time.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// orgRule returns an organisation rule file hostile.rego with METADATA and the
// given body after the package line (the body starts on line 7).
func orgRule(body string) fstest.MapFS {
	src := "# METADATA\n# title: Hostile\n# custom:\n#   id: ORG-HOSTILE-001\n#   severity: low\npackage rolecall.custom.hostile\n" + body
	return fstest.MapFS{"hostile.rego": {Data: []byte(src)}}
}

// smallRegister is a valid register with a few people.
func smallRegister(t *testing.T) *raci.Register {
	t.Helper()
	reg, err := raci.LoadBytes([]byte("version: 1\norganisation: {name: X}\nroles: [{id: r, name: R, kind: ciso, function: security}]\npeople:\n  - {id: p1, name: A, roles: [r]}\n  - {id: p2, name: B}\n"))
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// expensiveLoop has a million-element list (a 999,999-digit string split into
// characters: numbers.range is forbidden) and iterates over its cube.
const expensiveLoop = `
_chars := split(sprintf("%0999999d", [0]), "")

finding contains {"subject": "organisation", "message": sprintf("%d triples", [n])} if {
	n := count([1 | some a in _chars; some b in _chars; some c in _chars; a == b; b == c])
}
`

// TestHostileRuleLoopStoppedByDeadline: a rule that would run for days is
// stopped by WithTimeout, or by the context's deadline, with an error wrapping
// ErrEvaluation and context.DeadlineExceeded, soon after the deadline.
func TestHostileRuleLoopStoppedByDeadline(t *testing.T) {
	reg := smallRegister(t)
	const limit = 300 * time.Millisecond
	const bound = 10 * time.Second // generous: -race on a loaded 2-core machine took 5.6 s

	t.Run("WithTimeout", func(t *testing.T) {
		eng := newEngine(t, engine.WithRules(orgRule(expensiveLoop)), engine.WithTimeout(limit))
		start := time.Now()
		_, err := eng.Evaluate(context.Background(), reg, goldenDate)
		elapsed := time.Since(start)
		checkDeadlineError(t, err, elapsed, bound)
	})
	t.Run("context deadline", func(t *testing.T) {
		eng := newEngine(t, engine.WithRules(orgRule(expensiveLoop)), engine.WithTimeout(0))
		ctx, cancel := context.WithTimeout(context.Background(), limit)
		defer cancel()
		start := time.Now()
		_, err := eng.Evaluate(ctx, reg, goldenDate)
		elapsed := time.Since(start)
		checkDeadlineError(t, err, elapsed, bound)
	})
	t.Run("cancel", func(t *testing.T) {
		eng := newEngine(t, engine.WithRules(orgRule(expensiveLoop)), engine.WithTimeout(0))
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(limit, cancel)
		start := time.Now()
		_, err := eng.Evaluate(ctx, reg, goldenDate)
		if elapsed := time.Since(start); elapsed > bound {
			t.Errorf("cancelled evaluation returned after %v", elapsed)
		}
		if !errors.Is(err, engine.ErrEvaluation) || !errors.Is(err, context.Canceled) {
			t.Errorf("expected ErrEvaluation wrapping context.Canceled, got %v", err)
		}
	})
}

func checkDeadlineError(t *testing.T, err error, elapsed, bound time.Duration) {
	t.Helper()
	if err == nil {
		t.Fatalf("the expensive rule finished in %v: no deadline applied", elapsed)
	}
	if !errors.Is(err, engine.ErrEvaluation) || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("expected an error wrapping ErrEvaluation and context.DeadlineExceeded, got %v", err)
	}
	if elapsed > bound {
		t.Errorf("evaluation stopped after %v, more than %v", elapsed, bound)
	}
	t.Logf("stopped after %v: %v", elapsed, err)
}

// TestHostileRuleForbiddenBuiltins: a rule calling a builtin that reaches the
// network, the clock, randomness or the runtime, or an uninterruptible
// amplifier, is refused by New with an error naming the builtin and the
// file and line of the call, wherever the call hides.
func TestHostileRuleForbiddenBuiltins(t *testing.T) {
	cases := []struct {
		builtin string
		body    string // the call is on line 8
	}{
		{"http.send", "\nx := http.send({\"method\": \"GET\", \"url\": \"http://169.254.169.254/\"})\n"},
		{"time.now_ns", "\nx := time.now_ns()\n"},
		{"rand.intn", "\nx := rand.intn(\"k\", 10)\n"},
		{"opa.runtime", "\nx := opa.runtime()\n"},
		{"net.lookup_ip_addr", "\nx := net.lookup_ip_addr(\"example.com\")\n"},
		{"bits.lsh", "\nx := bits.lsh(1, 1000000000)\n"},
		{"numbers.range", "\nx := numbers.range(1, 1000000000)\n"},
		{"uuid.rfc4122", "\nx := uuid.rfc4122(\"k\")\n"},
		{"trace", "\nx if trace(\"hi\")\n"},
		{"io.jwt.decode_verify", "\nx := io.jwt.decode_verify(\"a.b.c\", {})\n"},
		{"rego.parse_module", "\nx := rego.parse_module(\"f\", \"package p\")\n"},
		// the same builtin hidden in a function, a comprehension, an
		// argument, an else branch and an every body
		{"time.now_ns", "\nf(y) := y + time.now_ns()\n"},
		{"time.now_ns", "\nx := [t | some i in [1, 2]; t := time.now_ns()]\n"},
		{"time.now_ns", "\nx := count([time.now_ns()])\n"},
		{"time.now_ns", "\nx := 1 if false\nelse := time.now_ns()\n"},
		{"rand.intn", "\nx if every i in [1] { rand.intn(\"k\", i) > 0 }\n"},
	}
	for _, tc := range cases {
		t.Run(tc.builtin, func(t *testing.T) {
			_, err := engine.New(context.Background(), engine.WithRules(orgRule(tc.body)))
			if err == nil {
				t.Fatalf("a rule calling %s was accepted", tc.builtin)
			}
			if !errors.Is(err, engine.ErrRules) {
				t.Errorf("error does not wrap ErrRules: %v", err)
			}
			line := 8
			if strings.HasPrefix(tc.body, "\nx := 1 if false\nelse") {
				line = 9
			}
			for _, want := range []string{tc.builtin, fmt.Sprintf("hostile.rego:%d", line)} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error does not name %q: %v", want, err)
				}
			}
		})
	}
}

// TestHostileRuleStructure: rules that try to step outside their package,
// recurse, or override the bundled helpers are refused.
func TestHostileRuleStructure(t *testing.T) {
	notCustom := "organisation rules are packages rolecall.custom.NAME"
	cases := []struct {
		name string
		fsys fstest.MapFS
		want string // what the error must say: the reason, not just any refusal
	}{
		{"recursion", orgRule("\nf(x) := g(x)\n\ng(x) := f(x)\n\nfinding contains {\"subject\": \"organisation\", \"message\": \"m\"} if f(1)\n"),
			"hostile.rego:8: rule data.rolecall.custom.hostile.f is recursive"},
		{"package rolecall.lib", fstest.MapFS{"lib.rego": {Data: []byte("# METADATA\n# title: Evil\n# custom:\n#   id: ORG-EVIL-001\n#   severity: low\npackage rolecall.lib\n\nroles := {}\n")}},
			"lib.rego:6: package rolecall.lib: " + notCustom},
		{"package rolecall.rules", fstest.MapFS{"asset.rego": {Data: []byte("# METADATA\n# title: Evil\n# custom:\n#   id: ORG-EVIL-001\n#   severity: low\npackage rolecall.rules.asset_001\n\nfinding := set()\n")}},
			"asset.rego:6: package rolecall.rules.asset_001: " + notCustom},
		{"package rolecall", fstest.MapFS{"report.rego": {Data: []byte("# METADATA\n# title: Evil\n# custom:\n#   id: ORG-EVIL-001\n#   severity: low\npackage rolecall\n\nreport := {\"findings\": []}\n")}},
			"report.rego:6: package rolecall: " + notCustom},
		{"rule id of a bundled rule", fstest.MapFS{"dup.rego": {Data: []byte("# METADATA\n# title: Dup\n# custom:\n#   id: A52-ASSET-001\n#   severity: low\npackage rolecall.custom.dup\n\nfinding contains {\"subject\": \"organisation\", \"message\": \"m\"} if false\n")}},
			"dup.rego:1: rule id A52-ASSET-001 of package rolecall.custom.dup is already used by package rolecall.rules.asset_001"},
		{"no METADATA", fstest.MapFS{"bare.rego": {Data: []byte("package rolecall.custom.bare\n\nfinding contains {\"subject\": \"organisation\", \"message\": \"m\"} if true\n")}},
			"bare.rego:1: package rolecall.custom.bare: no METADATA block with title, custom.id and custom.severity"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := engine.New(context.Background(), engine.WithRules(tc.fsys))
			if !errors.Is(err, engine.ErrRules) {
				t.Fatalf("expected an error wrapping ErrRules, got %v", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("refused for another reason:\n%v\nwant it to say:\n%s", err, tc.want)
			}
		})
	}
}

// TestHostileRuleSpoofedFields: an organisation rule that puts rule, severity,
// waived and a path that does not exist into its findings cannot pass itself
// off as a bundled rule or waive itself: the dispatcher sets rule and
// severity from METADATA and waived from the register's exceptions.
func TestHostileRuleSpoofedFields(t *testing.T) {
	eng := newEngine(t, engine.WithRules(orgRule(`
finding contains {"subject": "organisation", "message": "spoof", "rule": "A52-DOC-001", "severity": "critical", "waived": "e1", "remediation": "none", "path": "/does/not/exist"}
`)))
	rep, err := eng.Evaluate(context.Background(), smallRegister(t), goldenDate)
	if err != nil {
		t.Fatal(err)
	}
	var got *engine.Finding
	for i, f := range rep.Findings {
		if f.Message == "spoof" {
			got = &rep.Findings[i]
		}
	}
	if got == nil {
		t.Fatal("the organisation rule's finding is missing")
	}
	if got.Rule != "ORG-HOSTILE-001" || got.Severity != engine.SeverityLow || got.Waived != "" || got.Remediation != "" {
		t.Errorf("a rule spoofed its rule id, severity, waiver or remediation: %+v", *got)
	}
	// The path is the rule's own claim: passed through as written and, as it
	// names nothing in the register, located at the document's start.
	if got.Path != "/does/not/exist" || got.Line != 1 {
		t.Errorf("the nonexistent path: got path %q at line %d, want it as written at line 1", got.Path, got.Line)
	}
}

// TestHostilePrint: a rule that prints lines of a megabyte each
// neither floods the writer given to WithPrintStatements (output stops at the
// cap, with one note) nor reaches stdout or stderr without it; a nil writer is
// refused. Not parallel: it swaps os.Stdout and os.Stderr.
func TestHostilePrint(t *testing.T) {
	rule := orgRule(`
_big := sprintf("%0999999d", [0])

finding contains {"subject": "organisation", "message": "printed"} if {
	some i in [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
	print(i, _big)
}
`)
	reg := smallRegister(t)
	const limit = 4096
	t.Run("capped", func(t *testing.T) {
		var out bytes.Buffer
		eng := newEngine(t, engine.WithRules(rule), engine.WithPrintStatements(&out, limit))
		start := time.Now()
		if _, err := eng.Evaluate(context.Background(), reg, goldenDate); err != nil {
			t.Fatal(err)
		}
		if out.Len() > limit+100 {
			t.Errorf("print wrote %d bytes, more than the cap %d", out.Len(), limit)
		}
		if !strings.Contains(out.String(), "truncated") {
			t.Errorf("no truncation note in %q", out.String())
		}
		t.Logf("%d bytes captured in %v", out.Len(), time.Since(start))
	})
	t.Run("no writer", func(t *testing.T) {
		eng := newEngine(t, engine.WithRules(rule))
		leaked := captureStdio(t, func() {
			if _, err := eng.Evaluate(context.Background(), reg, goldenDate); err != nil {
				t.Error(err)
			}
		})
		if leaked != "" {
			t.Errorf("print output reached stdout/stderr: %d bytes: %.200q", len(leaked), leaked)
		}
		if _, err := engine.New(context.Background(), engine.WithRules(rule), engine.WithPrintStatements(nil, limit)); !errors.Is(err, engine.ErrInvalidConfig) {
			t.Errorf("WithPrintStatements(nil, ...): got %v, want an error wrapping ErrInvalidConfig", err)
		}
	})
}

// captureStdio runs f with os.Stdout and os.Stderr redirected and returns what
// was written to them.
func captureStdio(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = w, w
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	defer func() { os.Stdout, os.Stderr = stdout, stderr }()
	f()
	os.Stdout, os.Stderr = stdout, stderr
	w.Close()
	return <-done
}

// ---- hostile inputs: the loader's limits ----

// TestLimits: every limit of Limits gives an error wrapping ErrLimit (and
// ErrInvalidRegister) with a *LimitError naming the limit and a message that
// says which limit was crossed.
func TestLimits(t *testing.T) {
	deep := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	deepYAML := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(strings.Repeat("  ", i) + "k:\n")
		}
		return b.String()
	}
	entities := "version: 1\norganisation: {name: X}\nroles: []\npeople:\n" + strings.Repeat("  - {id: p, name: P}\n", 11)
	cases := []struct {
		name, limit, src string
		format           raci.Format
		lim              raci.Limits
		msg              string
	}{
		{"size", "size", strings.Repeat(" ", 1025), raci.FormatYAML, raci.Limits{MaxBytes: 1024}, "larger than the limit of 1024 bytes"},
		{"depth JSON", "depth", deep(65), raci.FormatJSON, raci.Limits{}, "nested more than 64 deep"},
		{"depth YAML flow", "depth", deep(65), raci.FormatYAML, raci.Limits{}, "nested more than 64 deep"},
		{"depth YAML block", "depth", deepYAML(70), raci.FormatYAML, raci.Limits{}, "nested more than 64 deep"},
		{"depth JSON 100k", "depth", deep(100_000), raci.FormatJSON, raci.Limits{}, "nested more than 64 deep"},
		{"depth YAML 100k", "depth", deep(100_000), raci.FormatYAML, raci.Limits{}, "nested more than 64 deep"},
		{"depth YAML 100k block", "depth", strings.Repeat("- ", 100_000) + "x", raci.FormatYAML, raci.Limits{}, "nested more than 64 deep"},
		{"values JSON", "values", "[" + strings.Repeat("1,", 100) + "1]", raci.FormatJSON, raci.Limits{MaxValues: 50}, "more than 50 values"},
		{"values YAML", "values", "[" + strings.Repeat("1,", 100) + "1]", raci.FormatYAML, raci.Limits{MaxValues: 50}, "more than 50 values"},
		{"entities", "entities", entities, raci.FormatYAML, raci.Limits{MaxEntities: 10}, "more than 10 entities"},
		{"aliases", "aliases", "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n", raci.FormatYAML, raci.Limits{MaxAliasExpansion: 50}, "aliases expand to more than 50 values"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := raci.LoadBytes([]byte(tc.src), raci.WithFormat(tc.format), raci.WithLimits(tc.lim))
			elapsed := time.Since(start)
			if !errors.Is(err, raci.ErrLimit) || !errors.Is(err, raci.ErrInvalidRegister) {
				t.Fatalf("expected an error wrapping ErrLimit and ErrInvalidRegister, got %v", err)
			}
			var le *raci.LimitError
			if !errors.As(err, &le) || le.Limit != tc.limit {
				t.Fatalf("expected a *LimitError for %q, got %#v", tc.limit, le)
			}
			if !strings.Contains(err.Error(), tc.msg) || !strings.Contains(err.Error(), "limit") {
				t.Errorf("message %q does not say %q", err.Error(), tc.msg)
			}
			if elapsed > time.Second {
				t.Errorf("refusing took %v", elapsed)
			}
		})
	}
	// The size limit applies to readers too, without reading past it.
	t.Run("size reader", func(t *testing.T) {
		r := &countingReader{r: io.LimitReader(zeros{}, 1<<30)}
		_, err := raci.Load(r, raci.WithLimits(raci.Limits{MaxBytes: 1 << 20}))
		if !errors.Is(err, raci.ErrLimit) {
			t.Fatalf("expected ErrLimit, got %v", err)
		}
		if r.n > 1<<20+1<<16 {
			t.Errorf("read %d bytes of a 1 GiB stream with a 1 MiB limit", r.n)
		}
	})
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// billionLaughs is the classic YAML alias bomb: ten levels of nine aliases
// expand to 9^9 (about 387 million) values.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [", i, i)
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	return b.String()
}

// TestAliasBomb: a billion-laughs document is refused with ErrLimit in
// milliseconds, as a register and as a configuration.
func TestAliasBomb(t *testing.T) {
	bomb := billionLaughs()
	for _, src := range []string{bomb, "version: 1\norganisation: {name: X}\nroles: []\npeople: []\nteams: []\n" + strings.ReplaceAll(bomb, "a0: ", "x0: ")} {
		start := time.Now()
		_, err := raci.LoadBytes([]byte(src))
		elapsed := time.Since(start)
		var le *raci.LimitError
		if !errors.Is(err, raci.ErrLimit) || !errors.As(err, &le) || le.Limit != "aliases" {
			t.Fatalf("expected an alias limit error, got %v", err)
		}
		if elapsed > time.Second {
			t.Errorf("the alias bomb took %v to refuse", elapsed)
		}
		t.Logf("refused in %v: %v", elapsed, err)
	}
	start := time.Now()
	_, err := engine.ParseConfig([]byte("params:\n"+indent(bomb)), "rolecall.yaml")
	if !errors.Is(err, engine.ErrInvalidConfig) || !errors.Is(err, raci.ErrLimit) {
		t.Errorf("configuration alias bomb: expected ErrInvalidConfig and ErrLimit, got %v", err)
	}
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("the configuration alias bomb took %v to refuse", elapsed)
	}
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n  ") + "\n"
}

// TestLongUnknownKeys: the "did you mean" suggestion for unknown keys does not
// compute edit distances against megabyte-long keys (it took 0.45 s per key:
// a 30 MB document of such keys took 14 s to refuse). Refusing eight 1 MiB
// unknown keys costs about what reading eight 1 MiB values costs.
func TestLongUnknownKeys(t *testing.T) {
	long := strings.Repeat("k", 1<<20)
	doc := func(member string) []byte {
		var b strings.Builder
		b.WriteString(`{"version": 1, "organisation": {"name": "x"}, "roles": [], "people": [`)
		for i := 0; i < 8; i++ {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `{"id": "p%d", "name": "P", %s}`, i, member)
		}
		b.WriteString("]}")
		return []byte(b.String())
	}
	timed := func(src []byte) (time.Duration, error) {
		start := time.Now()
		_, err := raci.LoadBytes(src)
		return time.Since(start), err
	}
	baseline, err := timed(doc(`"attributes": {"k": "` + long + `"}`))
	if err != nil {
		t.Fatal(err)
	}
	elapsed, err := timed(doc(`"` + long + `": 1`))
	var le *raci.LoadError
	if !errors.As(err, &le) || len(le.Problems) != 8 {
		t.Fatalf("expected 8 unknown-key problems, got %v", err)
	}
	if elapsed > 3*baseline+500*time.Millisecond {
		t.Errorf("refusing 8 MiB of unknown keys took %v; reading 8 MiB of values took %v", elapsed, baseline)
	}
	t.Logf("refused in %v (values read in %v)", elapsed, baseline)
}

// TestHostileRegoTestFile: an organisation's _test.rego files run with its
// rules (rolecall test, RunRegoTests) under the same sandbox: a test calling
// the clock, randomness or the network is refused, naming the builtin and its
// line. (They ran unsandboxed: http.send reached the network.)
func TestHostileRegoTestFile(t *testing.T) {
	fsys := orgRule("\nfinding contains {\"subject\": \"organisation\", \"message\": \"m\"} if false\n")
	fsys["hostile_test.rego"] = &fstest.MapFile{Data: []byte("package rolecall.custom.hostile_test\n\ntest_escape if {\n\ttime.now_ns() > 0\n\thttp.send({\"method\": \"GET\", \"url\": \"http://127.0.0.1:9/\", \"raise_error\": false})\n\trand.intn(\"k\", 10) >= 0\n}\n")}
	_, err := engine.RunTests(context.Background(), engine.ScopeOrganisation, engine.WithRules(fsys))
	if !errors.Is(err, engine.ErrRules) {
		t.Fatalf("expected an error wrapping ErrRules, got %v", err)
	}
	for _, want := range []string{"hostile_test.rego:4: uses time.now_ns", "hostile_test.rego:5: uses http.send", "hostile_test.rego:6: uses rand.intn"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not say %q: %v", want, err)
		}
	}
}
