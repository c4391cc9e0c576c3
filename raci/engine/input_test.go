package engine_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/rolecall/rolecall/internal/synth"
	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// jsonInput is what InputValue returned before it built the value directly: the
// register marshalled to JSON and parsed back. InputValue must give the same value.
func jsonInput(t *testing.T, reg *raci.Register, asOf raci.Date) ast.Value {
	t.Helper()
	b, err := json.Marshal(reg)
	if err != nil {
		t.Fatal(err)
	}
	v, err := ast.ValueFromReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return ast.NewObject(
		[2]*ast.Term{ast.StringTerm("as_of"), ast.StringTerm(asOf.String())},
		[2]*ast.Term{ast.StringTerm("register"), ast.NewTerm(v)},
	)
}

func checkInput(t *testing.T, reg *raci.Register) {
	t.Helper()
	asOf := raci.MustDate("2026-06-30")
	got, err := engine.InputValue(reg, asOf)
	if err != nil {
		t.Fatal(err)
	}
	// The derived facts are not part of the register; TestDelegationsOnCycle and
	// the rules' tests check them.
	obj, ok := got.(ast.Object)
	if !ok || obj.Get(ast.StringTerm("derived")) == nil {
		t.Fatalf("InputValue has no derived facts: %.200v", got)
	}
	got = ast.NewObject([2]*ast.Term{ast.StringTerm("as_of"), obj.Get(ast.StringTerm("as_of"))}, [2]*ast.Term{ast.StringTerm("register"), obj.Get(ast.StringTerm("register"))})
	want := jsonInput(t, reg, asOf)
	if got.Compare(want) != 0 {
		t.Errorf("InputValue differs from the JSON round trip:\n got: %.2000v\nwant: %.2000v", got, want)
	}
}

func TestInputValueMatchesJSON(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("../../examples/registers/*.yaml")
	more, _ := filepath.Glob("../testdata/*.yaml")
	files = append(files, more...)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			reg, err := raci.LoadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			checkInput(t, reg)
		})
	}
	for _, seed := range []int64{1, 2, 3} {
		checkInput(t, synth.Generate(300, seed))
	}
}

func TestInputValueMatchesJSONForRegistersBuiltInCode(t *testing.T) {
	t.Parallel()
	no, d := false, raci.MustDate("2026-01-02")
	tcs := []struct {
		name string
		reg  *raci.Register
	}{
		{"zero register: nil lists are null or left out", &raci.Register{}},
		{"empty lists are kept", &raci.Register{
			Version: 1, Roles: []raci.Role{}, People: []raci.Person{}, Teams: []raci.Team{}, Assets: []raci.Asset{},
			Activities: []raci.Activity{}, Authorities: []raci.Authority{}, Delegations: []raci.Delegation{},
			Risks: []raci.Risk{}, Segregation: []raci.Conflict{}, Exceptions: []raci.Exception{},
		}},
		{"every optional field", &raci.Register{
			Version:      1,
			Organisation: raci.Organisation{Name: "Acme", HandlesPersonalData: &no, ApprovedBy: "p", ApprovedOn: &d, ReviewedOn: &d, Attributes: raci.Attributes{}},
			Policy:       &raci.Policy{ID: "P", Title: "T", ApprovedBy: "p", ApprovedOn: &d, OverallResponsibility: "r", Attributes: raci.Attributes{"k": "v"}},
			Roles:        []raci.Role{{ID: "r", Name: "R", Kind: "ciso", Function: "it", Duties: []string{}, Competences: []string{"c"}}},
			People: []raci.Person{{ID: "p", Name: "P", Email: "e", Employment: "contractor", Status: "leaver", Roles: []string{},
				JobDescriptionHasSecurityDuties: &no, Acknowledgements: &raci.Acknowledgements{}, Competences: []raci.CompetenceRecord{{ID: "c", AchievedOn: d, ExpiresOn: &d, Evidence: "x"}},
				Attributes: raci.Attributes{
					"n": json.Number("1.50"), "i": 3, "f": 2.5, "big": 1e300, "s": "<&>", "bad": "\xff", "l": []any{nil, true, map[string]any{"x": []string{"y"}}},
					"struct": struct{ A int }{1},
				}}},
			Teams:       []raci.Team{{ID: "t", Name: "T"}},
			Assets:      []raci.Asset{{ID: "a", Name: "A", Type: "saas", Owner: "r", Custodian: "r", Classification: "public", PersonalData: &no}},
			Activities:  []raci.Activity{{ID: "x", Name: "X", Process: "other", RACI: &raci.RACI{Accountable: []string{}}, Assets: []string{"a"}, Frequency: "daily", LastPerformed: &d, SignedOff: &raci.Signature{By: "p", Date: d}}},
			Authorities: []raci.Authority{{ID: "au", Decision: "other", Approver: "r", Scope: "s", Assets: []string{}, MaxRiskLevel: "low"}},
			Delegations: []raci.Delegation{{ID: "d", Activity: "x", From: "r", To: "r", Scope: "accountable", StartsOn: &d, ExpiresOn: &d, Review: &raci.Signature{By: "p"}}},
			Risks:       []raci.Risk{{ID: "k", Title: "K", Owner: "r", Assets: []string{"a"}, Residual: "low", Treatment: "accept", Acceptance: &raci.Acceptance{By: "p", Date: d, ExpiresOn: &d, Rationale: "r"}}},
			Segregation: []raci.Conflict{{ID: "s"}, {ID: "s2", Roles: []string{"a", "b"}, Reason: "r"}},
			Exceptions:  []raci.Exception{{ID: "e", Rule: "A52-ROLE-001", Subject: "role:r", Reason: "r", ApprovedBy: "p", ExpiresOn: d}},
		}},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) { checkInput(t, tc.reg) })
	}
}

func TestInputValueRejectsWhatJSONCannotHold(t *testing.T) {
	t.Parallel()
	reg := &raci.Register{Roles: []raci.Role{{ID: "r", Attributes: raci.Attributes{"c": make(chan int)}}}}
	if _, err := engine.InputValue(reg, raci.MustDate("2026-01-01")); err == nil {
		t.Fatal("InputValue accepted an attribute JSON cannot hold")
	}
}
