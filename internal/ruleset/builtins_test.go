package ruleset_test

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/rolecall/rolecall/internal/ruleset"
	"github.com/rolecall/rolecall/rules"
)

var update = flag.Bool("update", false, "rewrite the builtin audit table in docs/builtins.md")

// TestEveryBuiltinIsClassified fails when this OPA version has a builtin the
// audit does not classify (an OPA upgrade added one: audit it and add a row to
// builtinAudit), or when the audit names a builtin OPA no longer has.
func TestEveryBuiltinIsClassified(t *testing.T) {
	t.Parallel()
	var have []string
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		have = append(have, b.Name)
		if _, ok := ruleset.AuditOf(b.Name); !ok {
			t.Errorf("builtin %s of this OPA version is not classified: audit what it reaches and costs, and add it to builtinAudit in internal/ruleset/builtins.go", b.Name)
		}
	}
	slices.Sort(have)
	for _, name := range ruleset.AuditedBuiltins() {
		if _, found := slices.BinarySearch(have, name); !found {
			t.Errorf("the audit classifies %s, which this OPA version does not have: remove it", name)
		}
	}
}

// TestSandboxCapabilitiesAreTheAllowedBuiltins checks the capabilities the
// rules compile against: exactly the builtins the audit allows, no network.
func TestSandboxCapabilitiesAreTheAllowedBuiltins(t *testing.T) {
	t.Parallel()
	caps := ruleset.SandboxCapabilities()
	var got, want []string
	for _, b := range caps.Builtins {
		got = append(got, b.Name)
	}
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		if a, _ := ruleset.AuditOf(b.Name); a.Verdict != ruleset.Refused {
			want = append(want, b.Name)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SandboxCapabilities() builtins mismatch (-want +got):\n%s", diff)
	}
	if len(caps.AllowNet) != 0 || caps.AllowNet == nil {
		t.Errorf("AllowNet = %#v, want an empty, non-nil list (no host)", caps.AllowNet)
	}
	for _, name := range []string{"http.send", "net.lookup_ip_addr", "strings.render_template", "time.now_ns", "rand.intn", "uuid.rfc4122", "opa.runtime", "io.jwt.decode_verify", "json.patch", "numbers.range", "glob.match", "yaml.unmarshal", "made.up_builtin"} {
		if !ruleset.ForbiddenBuiltin(name) {
			t.Errorf("ForbiddenBuiltin(%q) = false, want true", name)
		}
	}
}

const auditBegin, auditEnd = "<!-- BEGIN BUILTIN AUDIT -->\n", "<!-- END BUILTIN AUDIT -->"

// TestAuditTableIsCurrent compares the table in docs/builtins.md with the
// audit, exactly; go test ./internal/ruleset -run TestAuditTableIsCurrent -update
// rewrites it.
func TestAuditTableIsCurrent(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "builtins.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	i, j := strings.Index(doc, auditBegin), strings.Index(doc, auditEnd)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the markers %q and %q", path, strings.TrimSpace(auditBegin), auditEnd)
	}
	want := ruleset.AuditTable()
	got := doc[i+len(auditBegin) : j]
	if *update {
		if err := os.WriteFile(path, []byte(doc[:i+len(auditBegin)]+want+doc[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s is stale (-audit +doc); rerun with -update:\n%s", path, diff)
	}
}

// TestBundledRulesPassTheSandbox checks the bundled rules and their tests
// against the same walk as organisation rules.
func TestBundledRulesPassTheSandbox(t *testing.T) {
	t.Parallel()
	mods, err := ruleset.ParseDir(rules.FS(), "rolecall")
	if err != nil {
		t.Fatal(err)
	}
	for name, m := range mods {
		if ps := ruleset.BuiltinProblems(name, m); len(ps) > 0 {
			t.Errorf("%s: %v", name, ps)
		}
	}
}

func TestBuiltinProblems(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, body string
		want       []string
	}{
		{"allowed call", `x := count([1])`, nil},
		{"refused call", `x := http.send({})`, []string{"3: uses http.send"}},
		{"with target bound to a refused builtin", "f(x) := x\ny if {\n\tf(1) with f as http.send\n}", []string{"5: uses http.send"}},
		{"with replacing a builtin", "y if {\n\tcount([1]) with count as net.lookup_ip_addr\n}", []string{"4: uses net.lookup_ip_addr"}},
		{"bare reference", `y := [strings.render_template]`, []string{"3: uses strings.render_template"}},
		{"unknown to the audit is refused", `y := time.now_ns()`, []string{"3: uses time.now_ns"}},
		{"time zone UTC", `y := time.date([0, "UTC"])`, nil},
		{"time zone Local", `y := time.date([0, "Local"])`, []string{`3: time.date is given the time zone "Local"`}},
		{"time zone named", `y := time.format([0, "Europe/London", "2006"])`, []string{`3: time.format is given the time zone "Europe/London"`}},
		{"time without zone", `y := time.weekday(0)`, []string{"3: time.weekday needs its time written as [ns, \"UTC\"]"}},
		{"time zone in a variable", "z := [0, \"Local\"]\ny := time.clock(z)", []string{"4: time.clock needs its time written"}},
		{"time.diff both zones", `y := time.diff([0, "UTC"], [0, "Local"])`, []string{`3: time.diff is given the time zone "Local"`}},
		{"parse layout literal", `y := time.parse_ns("2006-01-02", "2026-01-01")`, nil},
		{"parse layout with zone abbreviation", `y := time.parse_ns("2006-01-02 MST", "2026-01-01 CET")`, []string{"3: time.parse_ns needs a literal layout"}},
		{"parse layout in a variable", "l := \"2006\"\ny := time.parse_ns(l, \"2026\")", []string{"4: time.parse_ns needs a literal layout"}},
		{"data ref named like a builtin", `y := data.http.send`, nil},
		{"UTC-only builtin replaced with with", "f(x) := 1\ny if {\n\ttime.date([0, \"UTC\"]) with time.date as f\n}", nil},
		{"UTC-only builtin bound with with", "f(x) := 1\ny if {\n\tf([0, \"Local\"]) with f as time.date\n}", []string{"5: time.date may not be bound with `with`"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			src := "package p\n\n" + tc.body + "\n"
			m, err := ast.ParseModuleWithOpts("p.rego", src, ast.ParserOptions{RegoVersion: ast.RegoV1})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range ruleset.BuiltinProblems("p.rego", m) {
				got = append(got, p.String())
			}
			if len(got) != len(tc.want) {
				t.Fatalf("BuiltinProblems() = %q, want %d problems starting %q", got, len(tc.want), tc.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], "p.rego:"+tc.want[i]) {
					t.Errorf("problem %d = %q, want it to start with %q", i, got[i], "p.rego:"+tc.want[i])
				}
			}
		})
	}
}
