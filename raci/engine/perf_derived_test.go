package engine

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/rolecall/rolecall/internal/synth"
	"github.com/rolecall/rolecall/raci"
)

// datesRegister is a small register whose competence records sit on every
// boundary of "current" as of 2026-06-30: achieved that day and the day after,
// expiring the day before, that day and the day after, never expiring; and
// people who list undefined roles, no roles, or the same role twice.
func datesRegister() (*raci.Register, raci.Date) {
	asOf := raci.MustDate("2026-06-30")
	d := func(s string) raci.Date { return raci.MustDate(s) }
	dp := func(s string) *raci.Date { v := d(s); return &v }
	rec := func(id, achieved string, expires *raci.Date) raci.CompetenceRecord {
		return raci.CompetenceRecord{ID: id, AchievedOn: d(achieved), ExpiresOn: expires}
	}
	reg := &raci.Register{
		Version: 1,
		Roles: []raci.Role{
			{ID: "ciso", Name: "CISO", Kind: "ciso", Competences: []string{"c1", "c2"}},
			{ID: "ops", Name: "Ops", Kind: "staff", Competences: []string{"c3"}},
		},
		People: []raci.Person{
			{ID: "a", Name: "A", Roles: []string{"ciso"}, Competences: []raci.CompetenceRecord{
				rec("c1", "2026-06-30", nil), rec("c2", "2020-01-01", dp("2026-06-29"))}},
			{ID: "b", Name: "B", Roles: []string{"ciso", "ops", "ciso"}, Competences: []raci.CompetenceRecord{
				rec("c1", "2026-07-01", nil), rec("c2", "2020-01-01", dp("2026-06-30")), rec("c3", "2020-01-01", dp("2026-07-01"))}},
			{ID: "c", Name: "C", Roles: []string{"ghost"}, Competences: []raci.CompetenceRecord{rec("c9", "2020-01-01", nil)}},
			{ID: "d", Name: "D"},
			{ID: "e", Name: "E", Roles: []string{"ops"}, Status: "leaver"},
		},
	}
	return reg, asOf
}

// TestDerivedIndexesMatchTheRegoFallback holds the indexes the engine hands the
// rules as input.derived (direct_holders, current_competences) equal to what the
// rules compute in Rego without them, as a plain OPA sent only the register
// does, and the findings of every rule equal with and without input.derived.
func TestDerivedIndexesMatchTheRegoFallback(t *testing.T) {
	ctx := context.Background()
	e, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	query := func(q string) RuleQuery {
		t.Helper()
		rq, err := PrepareQuery(ctx, e, q)
		if err != nil {
			t.Fatal(err)
		}
		return rq
	}
	holders, holdersInRego := query("data.rolecall.lib.direct_holders"), query("data.rolecall.lib._direct_holders_in_rego")
	positions, positionsInRego := query("data.rolecall.lib.person_index"), query("data.rolecall.lib._person_index_in_rego")
	recorded, recordedInRego := query("data.rolecall.rules.comp_001._recorded"), query("data.rolecall.rules.comp_001._recorded_in_rego")
	byRule := query(engineQuery)
	value := func(q RuleQuery, in ast.Value) any {
		t.Helper()
		rs, err := q.pq.Eval(ctx, rego.EvalParsedInput(in))
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) == 0 {
			return nil
		}
		return rs[0].Expressions[0].Value
	}

	edge, edgeAsOf := datesRegister()
	for _, tc := range []struct {
		name string
		reg  *raci.Register
		asOf raci.Date
	}{
		{"edge dates", edge, edgeAsOf},
		{"standard 2000", synth.Generate(2000, 1), synth.AsOf},
		{"heavy 2000", synth.Generate(2000, 3, synth.WithProfile(synth.Heavy)), synth.AsOf},
		{"heavy 500 a year later", synth.Generate(500, 9, synth.WithProfile(synth.Heavy)), synth.AsOf.AddDays(365)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in, err := inputValue(tc.reg, tc.asOf)
			if err != nil {
				t.Fatal(err)
			}
			obj := in.(ast.Object)
			without := ast.NewObject([2]*ast.Term{ast.StringTerm("as_of"), obj.Get(ast.StringTerm("as_of"))},
				[2]*ast.Term{ast.StringTerm("register"), obj.Get(ast.StringTerm("register"))})

			// direct_holders: the same object either way.
			got, want := value(holders, in), value(holdersInRego, without)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("direct_holders from input.derived differs from Rego's (-rego +derived):\n%s", diff)
			}
			if m, _ := want.(map[string]any); len(m) == 0 {
				t.Fatalf("Rego's direct_holders is empty: the comparison proves nothing")
			}

			// person_index: the same object either way.
			got, want = value(positions, in), value(positionsInRego, without)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("person_index from input.derived differs from Rego's (-rego +derived):\n%s", diff)
			}
			if m, _ := want.(map[string]any); len(m) != len(tc.reg.People) {
				t.Errorf("Rego's person_index has %d people, want %d", len(m), len(tc.reg.People))
			}

			// current_competences: Rego builds only the competences some role
			// requires, the only keys COMP-001 reads; the derived index must agree
			// on each of them.
			gotRec, _ := value(recorded, in).(map[string]any)
			wantRec, _ := value(recordedInRego, without).(map[string]any)
			if len(wantRec) == 0 {
				t.Fatalf("Rego's index of current records is empty: the comparison proves nothing")
			}
			for c, w := range wantRec {
				if diff := cmp.Diff(w, gotRec[c]); diff != "" {
					t.Errorf("people with a current record of %s (-rego +derived):\n%s", c, diff)
				}
			}

			// Every rule's findings, and the waivers, are the same either way.
			g, w := value(byRule, in), value(byRule, without)
			if diff := cmp.Diff(w, g); diff != "" {
				t.Errorf("findings with input.derived differ from the Rego fallback (-fallback +derived):\n%s", diff)
			}
			rules, _ := w.(map[string]any)["rules"].(map[string]any)
			if comp, _ := rules["A52-COMP-001"].([]any); len(comp) == 0 {
				t.Errorf("no A52-COMP-001 finding: the comparison of current records proves little")
			}
		})
	}
}

// TestDerivedPersonIndexLeftOutOnDuplicateIDs checks that input.derived has no
// person_index when two people share an id, so that the rules build it in Rego
// and meet the conflict a plain OPA meets, and has one otherwise.
func TestDerivedPersonIndexLeftOutOnDuplicateIDs(t *testing.T) {
	for _, tc := range []struct {
		name string
		ids  []string
		want bool
	}{
		{"unique", []string{"a", "b", "c"}, true},
		{"duplicate", []string{"a", "b", "a"}, false},
		{"none", nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reg := &raci.Register{Version: 1}
			for _, id := range tc.ids {
				reg.People = append(reg.People, raci.Person{ID: id, Name: id})
			}
			derived := derivedValue(reg, synth.AsOf).(ast.Object)
			if got := derived.Get(ast.StringTerm("person_index")) != nil; got != tc.want {
				t.Errorf("person_index present: got %v, want %v (derived: %v)", got, tc.want, derived)
			}
		})
	}
}

// TestEdgeDatesFindings pins A52-COMP-001 on the boundary register: a record
// achieved after the evaluation date or expired the day before is not current;
// one that expires on the evaluation date still is.
func TestEdgeDatesFindings(t *testing.T) {
	ctx := context.Background()
	e, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	reg, asOf := datesRegister()
	rep, err := e.Evaluate(ctx, reg, asOf)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Findings {
		if f.Rule == "A52-COMP-001" {
			got = append(got, f.Subject+" "+f.Message)
		}
	}
	want := []string{
		"person:a Person a \"A\" holds ciso, which requires competence c2, but has no current record of it: record it achieved and not expired, or hand the role to someone who has it.",
		"person:b Person b \"B\" holds ciso, which requires competence c1, but has no current record of it: record it achieved and not expired, or hand the role to someone who has it.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("A52-COMP-001 findings (-want +got):\n%s", diff)
	}
}
