package refcheck

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
)

func TestFind(t *testing.T) {
	reg, err := raci.LoadBytes([]byte(`version: 1
organisation: {name: Typo Ltd}
roles:
  - {id: incident-manager, name: Incident Manager, kind: incident_manager, function: security, reports_to: ceo}
  - {id: it-admin, name: IT Admin, kind: system_administrator, function: it}
people:
  - {id: pat, name: Pat, roles: [incident-mgr, it-admin]}
assets:
  - {id: crm, name: CRM, type: saas, owner: it-admn, custodian: it-admin}
activities:
  - id: act
    name: Act
    process: incident_management
    raci: {responsible: [incident-manager], accountable: [zzz-unrelated-role]}
    assets: [crm, cmr]
delegations:
  - {id: d1, activity: nope, from: it-admin, to: incident-manager}
`))
	if err != nil {
		t.Fatal(err)
	}
	got := Find(reg)
	want := []Dangling{
		{Pointer: "/roles/0/reports_to", Kind: "role", ID: "ceo"},
		{Pointer: "/people/0/roles/0", Kind: "role", ID: "incident-mgr", Suggestion: "incident-manager"},
		{Pointer: "/assets/0/owner", Kind: "role", ID: "it-admn", Suggestion: "it-admin"},
		{Pointer: "/activities/0/raci/accountable/0", Kind: "role", ID: "zzz-unrelated-role"},
		{Pointer: "/activities/0/assets/1", Kind: "asset", ID: "cmr", Suggestion: "crm"},
		{Pointer: "/delegations/0/activity", Kind: "activity", ID: "nope"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Find (-want +got):\n%s", diff)
	}
	if msg := got[1].Message(); msg != `role "incident-mgr" is not defined (did you mean "incident-manager"?)` {
		t.Errorf("Message = %q", msg)
	}
	if msg := got[0].Message(); msg != `role "ceo" is not defined` {
		t.Errorf("Message = %q", msg)
	}
}

func TestFindOnExamplesIsEmpty(t *testing.T) {
	reg, err := raci.LoadFile("../../docs/getting-started/company.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got := Find(reg); len(got) != 0 {
		t.Errorf("the getting-started register has dangling references: %+v", got)
	}
	if got := Find(nil); got != nil {
		t.Errorf("Find(nil) = %v", got)
	}
}

func TestNearest(t *testing.T) {
	ids := []string{"incident-manager", "it-admin", "ceo"}
	for id, want := range map[string]string{
		"incident-mgr": "incident-manager",
		"IT-Admin":     "it-admin",
		"cto":          "ceo",
		"":             "",
		"finance":      "",
	} {
		if got := Nearest(id, ids); got != want {
			t.Errorf("Nearest(%q) = %q, want %q", id, got, want)
		}
	}
	if got := Nearest("x", nil); got != "" {
		t.Errorf("nearest among none = %q", got)
	}
}
