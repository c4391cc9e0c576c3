package diff_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/diff"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func load(t testing.TB, path string) *raci.Register {
	t.Helper()
	reg, err := raci.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// clone copies a register through its JSON form, so that editing the copy
// leaves the original alone.
func clone(t interface {
	Helper()
	Fatal(...any)
	Fatalf(string, ...any)
}, r *raci.Register) *raci.Register {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	out, err := raci.LoadBytes(b, raci.WithFormat(raci.FormatJSON))
	if err != nil {
		t.Fatalf("edited register does not load: %v", err)
	}
	return out
}

func datePtr(s string) *raci.Date {
	d := raci.MustDate(s)
	return &d
}

// TestCompare changes one thing of testdata/base.yaml per case and compares
// the exact changes.
func TestCompare(t *testing.T) {
	tcs := []struct {
		name string
		edit func(r *raci.Register)
		want []diff.Change
	}{
		{"identical", func(r *raci.Register) {}, []diff.Change{}},
		{"lists reordered, absent lists written empty", func(r *raci.Register) {
			slices.Reverse(r.Roles)
			slices.Reverse(r.People)
			r.People[0].Roles = []string{}
			r.Activities[0].RACI.Responsible, r.Activities[0].RACI.Consulted = []string{"ciso"}, []string{}
			r.Segregation[0].Roles = []string{"it-lead", "ciso"}
			r.Roles[1].Deputies = []string{"dan"}
		}, []diff.Change{}},
		{"non-responsibility fields", func(r *raci.Register) {
			r.Organisation.Name = "Renamed Ltd"
			r.Organisation.ApprovedOn = datePtr("2026-06-01")
			r.People[0].Name, r.People[0].Email = "Annie", "annie@example.com"
			r.Assets[0].Classification = raci.ClassRestricted
			r.Activities[0].Frequency, r.Activities[0].LastPerformed = raci.FreqOnEvent, datePtr("2026-03-01")
			r.Risks[0].Acceptance.Rationale = "cheaper"
			r.Roles[0].Attributes = raci.Attributes{"cost_centre": "100"}
		}, []diff.Change{}},
		{"role added and removed", func(r *raci.Register) {
			r.Roles = append(r.Roles[:2], raci.Role{ID: "dpo", Name: "DPO", Kind: raci.KindDataProtectionOfficer, Function: raci.FuncLegal})
		}, []diff.Change{
			{Kind: diff.RoleAdded, Subject: "role:dpo", Name: "DPO"},
			{Kind: diff.RoleRemoved, Subject: "role:it-lead", Name: "IT lead"},
		}},
		{"role changed", func(r *raci.Register) {
			r.Roles[1].Kind, r.Roles[1].Duties = raci.KindISMSManager, []string{"Run the ISMS", "Report to the board"}
		}, []diff.Change{
			{Kind: diff.RoleChanged, Subject: "role:ciso", Name: "CISO", Field: "kind", Old: "ciso", New: "isms_manager"},
			{Kind: diff.RoleChanged, Subject: "role:ciso", Name: "CISO", Field: "duties", Added: []string{"Report to the board"}},
		}},
		{"reporting line and deputies", func(r *raci.Register) {
			r.Roles[1].ReportsTo, r.Roles[1].Deputies = "", []string{"ivy"}
		}, []diff.Change{
			{Kind: diff.ReportsToChanged, Subject: "role:ciso", Name: "CISO", Field: "reports_to", Old: "ceo"},
			{Kind: diff.DeputiesChanged, Subject: "role:ciso", Name: "CISO", Field: "deputies", Added: []string{"ivy"}, Removed: []string{"dan"}},
		}},
		{"person gains and loses roles directly", func(r *raci.Register) {
			r.People[1].Roles = nil
			r.People[2].Roles = []string{"ciso"}
		}, []diff.Change{
			{Kind: diff.RoleGained, Subject: "person:dan", Name: "Dan", Role: "ciso", Via: "direct"},
			{Kind: diff.RoleLost, Subject: "person:fay", Name: "Fay", Role: "ciso", Via: "direct"},
		}},
		{"person gains a role through a team", func(r *raci.Register) {
			r.Teams[0].Members = []string{"ivy", "dan"}
		}, []diff.Change{
			{Kind: diff.RoleGained, Subject: "person:dan", Name: "Dan", Role: "it-lead", Via: "team:ops"},
			{Kind: diff.TeamChanged, Subject: "team:ops", Name: "Operations", Field: "members", Added: []string{"dan"}},
		}},
		{"team removed", func(r *raci.Register) {
			r.Teams = nil
		}, []diff.Change{
			{Kind: diff.RoleLost, Subject: "person:ivy", Name: "Ivy", Role: "it-lead", Via: "team:ops"},
			{Kind: diff.TeamRemoved, Subject: "team:ops", Name: "Operations"},
		}},
		{"person leaves and a person joins", func(r *raci.Register) {
			r.People[1].Status = raci.StatusLeaver
			r.People = append(r.People, raci.Person{ID: "kim", Name: "Kim", Roles: []string{"it-lead"}})
		}, []diff.Change{
			{Kind: diff.PersonStatusChanged, Subject: "person:fay", Name: "Fay", Field: "status", Old: "active", New: "leaver"},
			{Kind: diff.PersonAdded, Subject: "person:kim", Name: "Kim"},
			{Kind: diff.RoleGained, Subject: "person:kim", Name: "Kim", Role: "it-lead", Via: "direct"},
		}},
		{"writing the default status is no change", func(r *raci.Register) {
			r.People[0].Status = raci.StatusActive
		}, []diff.Change{}},
		{"asset owner removed, custodian changed, new asset without owner", func(r *raci.Register) {
			r.Assets[0].Owner, r.Assets[0].Custodian = "", "ciso"
			r.Assets = append(r.Assets, raci.Asset{ID: "wiki", Name: "Wiki", Type: raci.AssetSaaS})
		}, []diff.Change{
			{Kind: diff.AssetOwnerChanged, Subject: "asset:crm", Name: "CRM", Field: "owner", Old: "ceo"},
			{Kind: diff.AssetUnowned, Subject: "asset:crm", Name: "CRM"},
			{Kind: diff.AssetCustodianChanged, Subject: "asset:crm", Name: "CRM", Field: "custodian", Old: "it-lead", New: "ciso"},
			{Kind: diff.AssetAdded, Subject: "asset:wiki", Name: "Wiki"},
			{Kind: diff.AssetUnowned, Subject: "asset:wiki", Name: "Wiki"},
		}},
		{"RACI changed", func(r *raci.Register) {
			r.Activities[0].RACI.Accountable = []string{"ciso"}
			r.Activities[0].RACI.Consulted = []string{"it-lead"}
			r.Activities[0].RACI.Informed = nil
		}, []diff.Change{
			{Kind: diff.RACIChanged, Subject: "activity:ir", Name: "Incident response", Field: "raci.accountable", Added: []string{"ciso"}, Removed: []string{"ceo"}},
			{Kind: diff.RACIChanged, Subject: "activity:ir", Name: "Incident response", Field: "raci.consulted", Added: []string{"it-lead"}},
			{Kind: diff.RACIChanged, Subject: "activity:ir", Name: "Incident response", Field: "raci.informed", Removed: []string{"it-lead"}},
		}},
		{"activity without RACI, its process, a new activity", func(r *raci.Register) {
			r.Activities[0].RACI, r.Activities[0].Process = nil, raci.ProcOther
			r.Activities = append(r.Activities, raci.Activity{ID: "review", Name: "Access review", Process: raci.ProcAccessReview})
		}, []diff.Change{
			{Kind: diff.ActivityChanged, Subject: "activity:ir", Name: "Incident response", Field: "process", Old: "incident_management", New: "other"},
			{Kind: diff.RACIChanged, Subject: "activity:ir", Name: "Incident response", Field: "raci.responsible", Removed: []string{"ciso"}},
			{Kind: diff.RACIChanged, Subject: "activity:ir", Name: "Incident response", Field: "raci.accountable", Removed: []string{"ceo"}},
			{Kind: diff.RACIChanged, Subject: "activity:ir", Name: "Incident response", Field: "raci.informed", Removed: []string{"it-lead"}},
			{Kind: diff.ActivityAdded, Subject: "activity:review", Name: "Access review"},
		}},
		{"activity added with its RACI, activity removed", func(r *raci.Register) {
			r.Activities = []raci.Activity{{ID: "review", Name: "Access review", Process: raci.ProcAccessReview,
				RACI: &raci.RACI{Responsible: []string{"it-lead"}, Accountable: []string{"ceo"}}}}
		}, []diff.Change{
			{Kind: diff.ActivityRemoved, Subject: "activity:ir", Name: "Incident response"},
			{Kind: diff.RACIChanged, Subject: "activity:ir", Name: "Incident response", Field: "raci.responsible", Removed: []string{"ciso"}},
			{Kind: diff.RACIChanged, Subject: "activity:ir", Name: "Incident response", Field: "raci.accountable", Removed: []string{"ceo"}},
			{Kind: diff.RACIChanged, Subject: "activity:ir", Name: "Incident response", Field: "raci.informed", Removed: []string{"it-lead"}},
			{Kind: diff.ActivityAdded, Subject: "activity:review", Name: "Access review"},
			{Kind: diff.RACIChanged, Subject: "activity:review", Name: "Access review", Field: "raci.responsible", Added: []string{"it-lead"}},
			{Kind: diff.RACIChanged, Subject: "activity:review", Name: "Access review", Field: "raci.accountable", Added: []string{"ceo"}},
		}},
		{"asset and risk added with owners, removed with owners", func(r *raci.Register) {
			r.Assets = []raci.Asset{{ID: "erp", Name: "ERP", Type: raci.AssetSaaS, Owner: "ceo"}}
			r.Risks = []raci.Risk{{ID: "k2", Title: "Fraud", Owner: "ceo"}}
		}, []diff.Change{
			{Kind: diff.AssetRemoved, Subject: "asset:crm", Name: "CRM", Field: "owner", Old: "ceo"},
			{Kind: diff.AssetAdded, Subject: "asset:erp", Name: "ERP", Field: "owner", New: "ceo"},
			{Kind: diff.RiskRemoved, Subject: "risk:k1", Name: "Phishing", Field: "owner", Old: "ciso"},
			{Kind: diff.RiskAdded, Subject: "risk:k2", Name: "Fraud", Field: "owner", New: "ceo"},
		}},
		{"authority changed and added", func(r *raci.Register) {
			r.Authorities[0].MaxRiskLevel, r.Authorities[0].Assets = raci.RiskCritical, []string{"crm"}
			r.Authorities = append(r.Authorities, raci.Authority{ID: "au-exc", Decision: raci.DecisionApproveException, Approver: "ciso"})
		}, []diff.Change{
			{Kind: diff.AuthorityAdded, Subject: "authority:au-exc"},
			{Kind: diff.AuthorityChanged, Subject: "authority:au-risk", Field: "assets", Added: []string{"crm"}},
			{Kind: diff.AuthorityChanged, Subject: "authority:au-risk", Field: "max_risk_level", Old: "high", New: "critical"},
		}},
		{"delegation changed; its review is no responsibility", func(r *raci.Register) {
			r.Delegations[0].To, r.Delegations[0].ExpiresOn = "ceo", datePtr("2026-12-31")
			r.Delegations[0].Review = &raci.Signature{By: "fay", Date: raci.MustDate("2026-05-01")}
			r.Delegations[0].Scope = raci.DelegationResponsible
		}, []diff.Change{
			{Kind: diff.DelegationChanged, Subject: "delegation:dlg", Field: "to", Old: "it-lead", New: "ceo"},
			{Kind: diff.DelegationChanged, Subject: "delegation:dlg", Field: "expires_on", Old: "2027-01-01", New: "2026-12-31"},
		}},
		{"delegation removed", func(r *raci.Register) { r.Delegations = []raci.Delegation{} }, []diff.Change{
			{Kind: diff.DelegationRemoved, Subject: "delegation:dlg"},
		}},
		{"risk owner and acceptance changed, new risk without owner", func(r *raci.Register) {
			r.Risks[0].Owner = "ceo"
			r.Risks[0].Acceptance = &raci.Acceptance{By: "ann", Date: raci.MustDate("2026-02-01"), Residual: raci.RiskMedium}
			r.Risks = append(r.Risks, raci.Risk{ID: "k2", Title: "Ransomware"})
		}, []diff.Change{
			{Kind: diff.RiskOwnerChanged, Subject: "risk:k1", Name: "Phishing", Field: "owner", Old: "ciso", New: "ceo"},
			{Kind: diff.RiskAcceptanceChanged, Subject: "risk:k1", Name: "Phishing", Field: "acceptance.by", Old: "fay", New: "ann"},
			{Kind: diff.RiskAcceptanceChanged, Subject: "risk:k1", Name: "Phishing", Field: "acceptance.residual", New: "medium"},
			{Kind: diff.RiskAcceptanceChanged, Subject: "risk:k1", Name: "Phishing", Field: "acceptance.expires_on", Old: "2027-02-01"},
			{Kind: diff.RiskAdded, Subject: "risk:k2", Name: "Ransomware"},
			{Kind: diff.RiskUnowned, Subject: "risk:k2", Name: "Ransomware"},
		}},
		{"risk owner removed, acceptance withdrawn", func(r *raci.Register) {
			r.Risks[0].Owner, r.Risks[0].Acceptance = "", nil
		}, []diff.Change{
			{Kind: diff.RiskOwnerChanged, Subject: "risk:k1", Name: "Phishing", Field: "owner", Old: "ciso"},
			{Kind: diff.RiskUnowned, Subject: "risk:k1", Name: "Phishing"},
			{Kind: diff.RiskAcceptanceChanged, Subject: "risk:k1", Name: "Phishing", Field: "acceptance.by", Old: "fay"},
			{Kind: diff.RiskAcceptanceChanged, Subject: "risk:k1", Name: "Phishing", Field: "acceptance.date", Old: "2026-02-01"},
			{Kind: diff.RiskAcceptanceChanged, Subject: "risk:k1", Name: "Phishing", Field: "acceptance.expires_on", Old: "2027-02-01"},
		}},
		{"segregation changed and added", func(r *raci.Register) {
			r.Segregation[0].Roles = []string{"ciso", "ceo"}
			r.Segregation = append(r.Segregation, raci.Conflict{ID: "sod2", Roles: []string{"ceo", "it-lead"}})
		}, []diff.Change{
			{Kind: diff.SegregationChanged, Subject: "segregation:sod", Field: "roles", Added: []string{"ceo"}, Removed: []string{"it-lead"}},
			{Kind: diff.SegregationAdded, Subject: "segregation:sod2"},
		}},
		{"policy's overall responsibility", func(r *raci.Register) { r.Policy.OverallResponsibility = "ceo" }, []diff.Change{
			{Kind: diff.PolicyResponsibilityChanged, Subject: "policy", Name: "Security policy", Field: "overall_responsibility", Old: "ciso", New: "ceo"},
		}},
	}
	base := load(t, "testdata/base.yaml")
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			edited := clone(t, base)
			tc.edit(edited)
			d := diff.Compare(base, edited)
			if diff := cmp.Diff(tc.want, d.Changes); diff != "" {
				t.Errorf("Compare() changes mismatch (-want +got):\n%s", diff)
			}
			if d.Changed() != (len(tc.want) > 0) {
				t.Errorf("Changed() = %v with %d changes", d.Changed(), len(tc.want))
			}
		})
	}
}

// TestNeedsReapproval holds that a change of responsibilities needs
// re-approval exactly when the new register keeps the old approval date.
func TestNeedsReapproval(t *testing.T) {
	base := load(t, "testdata/base.yaml")
	tcs := []struct {
		name       string
		edit       func(r *raci.Register)
		changed    bool
		reapproval bool
	}{
		{"no change, same date", func(r *raci.Register) {}, false, false},
		{"change, same date", func(r *raci.Register) { r.Policy.OverallResponsibility = "ceo" }, true, true},
		{"change, approved again", func(r *raci.Register) {
			r.Policy.OverallResponsibility = "ceo"
			r.Organisation.ApprovedOn = datePtr("2026-11-01")
		}, true, false},
		{"change, approval removed", func(r *raci.Register) {
			r.Policy.OverallResponsibility = "ceo"
			r.Organisation.ApprovedOn = nil
		}, true, false},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			edited := clone(t, base)
			tc.edit(edited)
			d := diff.Compare(base, edited)
			if d.Changed() != tc.changed || d.NeedsReapproval != tc.reapproval {
				t.Errorf("Changed() = %v, NeedsReapproval = %v; want %v, %v", d.Changed(), d.NeedsReapproval, tc.changed, tc.reapproval)
			}
		})
	}
}

// TestRendering compares the text, JSON and Markdown of a diff of the example
// register acme.yaml against an edited copy with golden files (-update
// rewrites them), and of an empty diff.
func TestRendering(t *testing.T) {
	old := load(t, "../../examples/registers/acme.yaml")
	edited := load(t, "testdata/acme-edited.yaml")
	for _, tc := range []struct {
		name string
		d    *diff.Diff
	}{{"acme", diff.Compare(old, edited)}, {"empty", diff.Compare(old, old)}} {
		for _, f := range []struct {
			ext   string
			write func(*diff.Diff, *bytes.Buffer) error
		}{
			{"txt", func(d *diff.Diff, b *bytes.Buffer) error { return d.WriteText(b) }},
			{"json", func(d *diff.Diff, b *bytes.Buffer) error { return d.WriteJSON(b) }},
			{"md", func(d *diff.Diff, b *bytes.Buffer) error { return d.WriteMarkdown(b) }},
		} {
			t.Run(tc.name+"."+f.ext, func(t *testing.T) {
				var b bytes.Buffer
				if err := f.write(tc.d, &b); err != nil {
					t.Fatal(err)
				}
				golden(t, filepath.Join("testdata", tc.name+"."+f.ext+".golden"), b.Bytes())
			})
		}
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// TestMessage holds the sentence each shape of change prints.
func TestMessage(t *testing.T) {
	tcs := []struct {
		c    diff.Change
		want string
	}{
		{diff.Change{Kind: diff.RoleAdded, Subject: "role:dpo", Name: "DPO"}, `role dpo "DPO" added`},
		{diff.Change{Kind: diff.AssetAdded, Subject: "asset:erp", Name: "ERP", Field: "owner", New: "ceo"}, `asset erp "ERP" added (owner ceo)`},
		{diff.Change{Kind: diff.RiskRemoved, Subject: "risk:k1", Name: "Phishing", Field: "owner", Old: "ciso"}, `risk k1 "Phishing" removed (owner ciso)`},
		{diff.Change{Kind: diff.RiskUnowned, Subject: "risk:k2", Name: "Fraud"}, `risk k2 "Fraud" has no owner`},
		{diff.Change{Kind: diff.RoleGained, Subject: "person:dan", Name: "Dan", Role: "it-lead", Via: "team:ops"}, `person dan "Dan" gained role it-lead (through team ops)`},
		{diff.Change{Kind: diff.RoleLost, Subject: "person:ghost", Role: "ciso", Via: "direct"}, `person ghost lost role ciso (directly)`},
		{diff.Change{Kind: diff.ReportsToChanged, Subject: "role:ciso", Name: "CISO", Field: "reports_to", Old: "ceo"}, `role ciso "CISO": reports_to changed from ceo to (none)`},
		{diff.Change{Kind: diff.SegregationChanged, Subject: "segregation:sod", Field: "roles", Added: []string{"ceo"}}, `segregation sod: roles: added ceo`},
		{diff.Change{Kind: diff.PolicyResponsibilityChanged, Subject: "policy", Name: "Policy\nv2", Field: "overall_responsibility", Old: "ciso", New: "ceo"},
			`policy "Policy\nv2": overall_responsibility changed from ciso to ceo`},
	}
	for _, tc := range tcs {
		if got := tc.c.Message(); got != tc.want {
			t.Errorf("Message() of %+v = %q, want %q", tc.c, got, tc.want)
		}
	}
}

// TestCompareNil holds that a nil register counts as an empty one.
func TestCompareNil(t *testing.T) {
	if d := diff.Compare(nil, nil); d.Changed() || d.Changes == nil {
		t.Errorf("Compare(nil, nil) = %+v, want no change and an empty list", d)
	}
	base := load(t, "testdata/base.yaml")
	d := diff.Compare(nil, base)
	var kinds []diff.Kind
	for _, c := range d.Changes {
		if !slices.Contains(kinds, c.Kind) {
			kinds = append(kinds, c.Kind)
		}
	}
	want := []diff.Kind{diff.PolicyResponsibilityChanged, diff.RoleAdded, diff.PersonAdded, diff.RoleGained, diff.TeamAdded,
		diff.AssetAdded, diff.ActivityAdded, diff.RACIChanged, diff.AuthorityAdded, diff.DelegationAdded, diff.RiskAdded, diff.SegregationAdded}
	if diff := cmp.Diff(want, kinds); diff != "" {
		t.Errorf("Compare(nil, base) kinds (-want +got):\n%s", diff)
	}
	if d.NeedsReapproval {
		t.Error("Compare(nil, base) needs re-approval, but nil has no approval date to keep")
	}
}
