package ruledocs

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// docsDir is where the bundled rules' pages are committed.
const docsDir = "../../docs/rules"

// bundled loads the bundled rules once for the tests that share them.
var bundled = sync.OnceValues(func() (*Set, error) { return Load() })

func loadBundled(t *testing.T) *Set {
	t.Helper()
	s, err := bundled()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestPagesAreCurrent regenerates the pages in memory and compares them with
// docs/rules/: a rule, a test or the generator changed without regenerating
// them.
func TestPagesAreCurrent(t *testing.T) {
	want, err := Generate(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	entries, err := os.ReadDir(docsDir)
	if err != nil {
		t.Fatalf("%v; generate the pages with go generate ./internal/ruledocs", err)
	}
	for _, e := range entries {
		if e.IsDir() || filepath.Ext(e.Name()) != ".md" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(docsDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		got[e.Name()] = b
	}
	asText := func(m map[string][]byte) map[string]string {
		out := make(map[string]string, len(m))
		for k, v := range m {
			out[k] = string(v)
		}
		return out
	}
	if diff := cmp.Diff(asText(want), asText(got)); diff != "" {
		t.Errorf("docs/rules is stale; regenerate it with go generate ./internal/ruledocs (-want +got):\n%s", diff)
	}
}

// fallbacks lists the examples whose test's name does not follow the
// convention (fires / does_not_fire / passes), so that the fallback chose
// them. Renaming such a test removes its entry; a new rule whose tests do not
// follow the convention fails here until it is listed or its tests renamed.
var fallbacks = []string{
	"A52-COMM-001 passing",
	"A52-DELEG-002 passing",
	"A52-DELEG-004 passing",
	"A52-DELEG-005 failing",
	"A52-EXC-001 passing",
	"A52-REF-001 failing",
	"A52-ROLE-001 passing",
	"A52-ROLE-002 passing",
	"A52-ROLE-004 passing",
}

// TestEveryPageHasBothExamples checks that every bundled rule's tests give a
// register that fails it and one that passes it, that the page shows both, and
// which examples came from the fallback.
func TestEveryPageHasBothExamples(t *testing.T) {
	s := loadBundled(t)
	ctx := context.Background()
	var gotFallbacks []string
	for _, r := range s.Rules() {
		t.Run(r.ID, func(t *testing.T) {
			ex, err := s.Examples(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if ex.Failing == nil {
				t.Errorf("no test of %s gives a register on which the rule fires; name such a test ..._fires", r.TestFile)
			} else if len(ex.Failing.Findings) == 0 {
				t.Errorf("the failing example %s has no finding", ex.Failing.Test)
			}
			if ex.Passing == nil {
				t.Errorf("no test of %s gives a register on which the rule does not fire; name such a test ..._does_not_fire", r.TestFile)
			} else if len(ex.Passing.Findings) != 0 {
				t.Errorf("the passing example %s has findings: %v", ex.Passing.Test, ex.Passing.Findings)
			}
			for kind, e := range map[string]*Example{"failing": ex.Failing, "passing": ex.Passing} {
				if e != nil && !e.ByConvention {
					gotFallbacks = append(gotFallbacks, r.ID+" "+kind)
				}
			}
			page, err := s.Page(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, section := range []string{"## A register that fails\n\nFrom the test ", "## A register that passes\n\nFrom the test "} {
				i := strings.Index(string(page), section)
				if i < 0 || !strings.Contains(string(page[i:]), "```yaml\n") {
					t.Errorf("the page lacks %q with its register", strings.SplitN(section, "\n", 2)[0])
				}
			}
		})
	}
	slices.Sort(gotFallbacks)
	if diff := cmp.Diff(fallbacks, gotFallbacks); diff != "" {
		t.Errorf("examples chosen by the fallback changed; update fallbacks (-want +got):\n%s", diff)
	}
}

func TestClaimOf(t *testing.T) {
	tcs := []struct {
		name string
		want claim
	}{
		{"test_asset_without_owner_fires", saysFires},
		{"test_unreviewed_sensitive_assets_fire", saysFires},
		{"test_empty_deputies_fires_at_the_field", saysFires},
		{"test_asset_with_owner_does_not_fire", saysPasses},
		{"test_current_records_do_not_fire", saysPasses},
		{"test_role_listing_a_competence_passes", saysPasses},
		{"test_separate_people_pass", saysPasses},
		{"test_leaver_is_not_checked_on_leave_is", saysNothing},
		{"test_firewall_owner_is_it", saysNothing},
		{"test_passes_through_a_team", saysNothing},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			if got := claimOf(tc.name); got != tc.want {
				t.Errorf("claimOf(%q) = %d, want %d", tc.name, got, tc.want)
			}
		})
	}
}

func TestRegisterYAML(t *testing.T) {
	tcs := []struct {
		name string
		reg  map[string]any
		want string
	}{
		{
			name: "keys in the format's order, id and name first, unknown keys last",
			reg: map[string]any{
				"people":       []any{map[string]any{"roles": []any{"ceo"}, "name": "Ann", "id": "p1", "zeta": "z", "alpha": "a"}},
				"organisation": map[string]any{"name": "Acme"},
			},
			want: "organisation:\n  name: Acme\npeople:\n  - id: p1\n    name: Ann\n    roles: [ceo]\n    alpha: a\n    zeta: z\n",
		},
		{
			name: "dates plain, strings that read as other types quoted",
			reg:  map[string]any{"policy": map[string]any{"id": "true", "title": "123", "approved_on": "2026-11-27", "approved_by": "null"}},
			want: "policy:\n  id: \"true\"\n  title: \"123\"\n  approved_by: \"null\"\n  approved_on: 2026-11-27\n",
		},
		{
			name: "nested objects in lists, empty lists, attributes in alphabetical order",
			reg: map[string]any{"roles": []any{map[string]any{
				"id": "r1", "deputies": []any{},
				"attributes": map[string]any{"b": true, "a": 1.5},
			}}},
			want: "roles:\n  - id: r1\n    deputies: []\n    attributes:\n      a: 1.5\n      b: true\n",
		},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, registerYAML(tc.reg)); diff != "" {
				t.Errorf("registerYAML (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParamsRead checks the parameters found in a few rules against what their
// METADATA descriptions say they read.
func TestParamsRead(t *testing.T) {
	s := loadBundled(t)
	tcs := []struct {
		id   string
		want []string
	}{
		{"A52-ASSET-001", nil},
		{"A52-ASSET-002", []string{"business_asset_types", "it_functions"}},
		{"A52-PROC-004", []string{"max_accountable_share", "min_activities_for_concentration"}},
		{"A52-GOV-001", []string{"max_reporting_steps"}},
	}
	for _, tc := range tcs {
		t.Run(tc.id, func(t *testing.T) {
			r, ok := s.Rule(tc.id)
			if !ok {
				t.Fatalf("no rule %s", tc.id)
			}
			var got []string
			for _, p := range r.Params {
				got = append(got, p.Name)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("params (-want +got):\n%s", diff)
			}
		})
	}
}

// TestOrganisationRules documents the example organisation rules, with
// examples from their own tests.
func TestOrganisationRules(t *testing.T) {
	s, err := Load(Dir{FS: os.DirFS("../../examples/custom-rules/rules"), Name: "examples/custom-rules/rules"})
	if err != nil {
		t.Fatal(err)
	}
	var custom []Rule
	for _, r := range s.Rules() {
		if r.Custom {
			custom = append(custom, r)
		}
	}
	if len(custom) == 0 {
		t.Fatal("no organisation rule loaded")
	}
	for _, r := range custom {
		t.Run(r.ID, func(t *testing.T) {
			ex, err := s.Examples(context.Background(), r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if ex.Failing == nil || ex.Passing == nil {
				t.Errorf("examples: failing %v, passing %v", ex.Failing, ex.Passing)
			}
			page, err := s.Page(context.Background(), r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(page), "(organisation), in `examples/custom-rules/rules/") {
				t.Errorf("the page does not name the rule's file:\n%s", page)
			}
		})
	}
}
