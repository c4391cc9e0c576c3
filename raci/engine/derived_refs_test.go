package engine_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// typoRegister mistypes a role, a person, an asset and an activity, and names
// one id that is like nothing defined.
const typoRegister = `version: 1
organisation: {name: Acme, approved_by: ada-lovelac}
roles:
  - {id: incident-manager, name: Incident manager, kind: incident_manager, function: security}
people:
  - {id: ada-lovelace, name: Ada, roles: [incident-mgr, zzzzzzzz]}
assets:
  - {id: crm, name: CRM, type: saas, owner: incident-manager}
activities:
  - id: triage
    name: Triage
    process: incident_management
    assets: [crn]
    raci: {accountable: [incident-manager], responsible: [incident-manager]}
delegations:
  - {id: d1, activity: triag, from: incident-manager, to: incident-manager}
`

// TestReferenceSuggestions checks that A52-REF-001 suggests the nearest
// defined id of the right kind, computed in Go and passed as
// input.derived.nearest_ids, and suggests nothing for an id like no other.
func TestReferenceSuggestions(t *testing.T) {
	reg, err := raci.LoadBytes([]byte(typoRegister))
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(context.Background(), engine.WithOnly("A52-REF-001"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eng.Evaluate(context.Background(), reg, goldenDate)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, f.Message)
	}
	want := []string{
		`Activity triage "Triage" refers in assets to asset crn, which is not defined (did you mean crm?): define the asset or correct the reference.`,
		`Delegation d1 refers in activity to activity triag, which is not defined (did you mean triage?): define the activity or correct the reference.`,
		`Organisation "Acme" refers in approved_by to person ada-lovelac, which is not defined (did you mean ada-lovelace?): define the person or correct the reference.`,
		`Person ada-lovelace "Ada" refers in roles to role incident-mgr, which is not defined (did you mean incident-manager?): define the role or correct the reference.`,
		`Person ada-lovelace "Ada" refers in roles to role zzzzzzzz, which is not defined: define the role or correct the reference.`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("A52-REF-001 messages (-want +got):\n%s", diff)
	}

	in, err := engine.Input(reg, goldenDate)
	if err != nil {
		t.Fatal(err)
	}
	derived, _ := in["derived"].(map[string]any)
	wantIDs := map[string]any{
		"activity": map[string]any{"triag": "triage"},
		"asset":    map[string]any{"crn": "crm"},
		"person":   map[string]any{"ada-lovelac": "ada-lovelace"},
		"role":     map[string]any{"incident-mgr": "incident-manager"},
	}
	if diff := cmp.Diff(wantIDs, derived["nearest_ids"]); diff != "" {
		t.Errorf("input.derived.nearest_ids (-want +got):\n%s", diff)
	}
}
