package diff_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"

	"github.com/rolecall/rolecall/internal/randreg"
	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/diff"
)

// normal is a register with its entity lists keyed by id and its defaults
// written out, so that go-cmp (with the list order of strings ignored) finds
// only differences of content.
type normal struct {
	Organisation raci.Organisation
	Policy       raci.Policy
	Roles        map[string]raci.Role
	People       map[string]raci.Person
	Teams        map[string]raci.Team
	Assets       map[string]raci.Asset
	Activities   map[string]raci.Activity
	Authorities  map[string]raci.Authority
	Delegations  map[string]raci.Delegation
	Risks        map[string]raci.Risk
	Segregation  map[string]raci.Conflict
	Exceptions   map[string]raci.Exception
}

func keyed[T any](l []T, id func(T) string, fix func(*T)) map[string]T {
	m := make(map[string]T, len(l))
	for _, v := range l {
		if fix != nil {
			fix(&v)
		}
		m[id(v)] = v
	}
	return m
}

func normalise(r *raci.Register) normal {
	n := normal{Organisation: r.Organisation}
	if r.Policy != nil {
		n.Policy = *r.Policy
	}
	n.Roles = keyed(r.Roles, func(v raci.Role) string { return v.ID }, nil)
	n.People = keyed(r.People, func(v raci.Person) string { return v.ID }, func(p *raci.Person) { p.Status = p.StatusOrDefault() })
	n.Teams = keyed(r.Teams, func(v raci.Team) string { return v.ID }, nil)
	n.Assets = keyed(r.Assets, func(v raci.Asset) string { return v.ID }, nil)
	n.Activities = keyed(r.Activities, func(v raci.Activity) string { return v.ID }, func(a *raci.Activity) {
		if a.RACI == nil {
			a.RACI = &raci.RACI{}
		}
	})
	n.Authorities = keyed(r.Authorities, func(v raci.Authority) string { return v.ID }, nil)
	n.Delegations = keyed(r.Delegations, func(v raci.Delegation) string { return v.ID }, func(d *raci.Delegation) {
		if d.Scope == "" {
			d.Scope = raci.DelegationResponsible
		}
	})
	n.Risks = keyed(r.Risks, func(v raci.Risk) string { return v.ID }, func(k *raci.Risk) {
		if k.Acceptance == nil {
			k.Acceptance = &raci.Acceptance{}
		}
	})
	n.Segregation = keyed(r.Segregation, func(v raci.Conflict) string { return v.ID }, nil)
	n.Exceptions = keyed(r.Exceptions, func(v raci.Exception) string { return v.ID }, nil)
	return n
}

// difference is where go-cmp found two registers to differ: the section
// (a field of normal), the entity id, and the field path inside the entity
// ("" when the whole entity is on one side only).
type difference struct{ section, id, field string }

var dateType = reflect.TypeFor[raci.Date]()

// recorder is a cmp.Reporter that records the differences.
type recorder struct {
	path  cmp.Path
	diffs []difference
}

func (r *recorder) PushStep(ps cmp.PathStep) { r.path = append(r.path, ps) }
func (r *recorder) PopStep()                 { r.path = r.path[:len(r.path)-1] }
func (r *recorder) Report(rs cmp.Result) {
	if rs.Equal() {
		return
	}
	var d difference
	var fields []string
	for _, step := range r.path[1:] {
		switch s := step.(type) {
		case cmp.StructField:
			if d.section == "" {
				d.section = s.Name()
				continue
			}
			fields = append(fields, s.Name())
			if t := s.Type(); t == dateType || t == reflect.PointerTo(dateType) {
				goto done // a date is one value
			}
		case cmp.MapIndex:
			if d.id == "" && len(fields) == 0 {
				d.id = s.Key().String()
				continue
			}
			goto done
		case cmp.SliceIndex, cmp.Transform:
			goto done
		}
	}
done:
	d.field = strings.Join(fields, ".")
	r.diffs = append(r.diffs, d)
}

// explanation says which changes explain a difference: one of the kinds, on
// the entity, with the field when one is given.
type explanation struct {
	kinds []diff.Kind
	field string
}

var explained = map[string]explanation{
	"Policy.OverallResponsibility": {[]diff.Kind{diff.PolicyResponsibilityChanged}, "overall_responsibility"},

	"Roles":             {[]diff.Kind{diff.RoleAdded, diff.RoleRemoved}, ""},
	"Roles.Name":        {[]diff.Kind{diff.RoleChanged}, "name"},
	"Roles.Kind":        {[]diff.Kind{diff.RoleChanged}, "kind"},
	"Roles.Function":    {[]diff.Kind{diff.RoleChanged}, "function"},
	"Roles.Duties":      {[]diff.Kind{diff.RoleChanged}, "duties"},
	"Roles.Competences": {[]diff.Kind{diff.RoleChanged}, "competences"},
	"Roles.ReportsTo":   {[]diff.Kind{diff.ReportsToChanged}, "reports_to"},
	"Roles.Deputies":    {[]diff.Kind{diff.DeputiesChanged}, "deputies"},

	"People":        {[]diff.Kind{diff.PersonAdded, diff.PersonRemoved}, ""},
	"People.Status": {[]diff.Kind{diff.PersonStatusChanged}, "status"},
	"People.Roles":  {[]diff.Kind{diff.RoleGained, diff.RoleLost}, ""},

	"Teams":         {[]diff.Kind{diff.TeamAdded, diff.TeamRemoved}, ""},
	"Teams.Members": {[]diff.Kind{diff.TeamChanged}, "members"},
	"Teams.Roles":   {[]diff.Kind{diff.TeamChanged}, "roles"},

	"Assets":           {[]diff.Kind{diff.AssetAdded, diff.AssetRemoved}, ""},
	"Assets.Owner":     {[]diff.Kind{diff.AssetOwnerChanged}, "owner"},
	"Assets.Custodian": {[]diff.Kind{diff.AssetCustodianChanged}, "custodian"},

	"Activities":                  {[]diff.Kind{diff.ActivityAdded, diff.ActivityRemoved}, ""},
	"Activities.Process":          {[]diff.Kind{diff.ActivityChanged}, "process"},
	"Activities.Assets":           {[]diff.Kind{diff.ActivityChanged}, "assets"},
	"Activities.RACI.Responsible": {[]diff.Kind{diff.RACIChanged}, "raci.responsible"},
	"Activities.RACI.Accountable": {[]diff.Kind{diff.RACIChanged}, "raci.accountable"},
	"Activities.RACI.Consulted":   {[]diff.Kind{diff.RACIChanged}, "raci.consulted"},
	"Activities.RACI.Informed":    {[]diff.Kind{diff.RACIChanged}, "raci.informed"},

	"Authorities":              {[]diff.Kind{diff.AuthorityAdded, diff.AuthorityRemoved}, ""},
	"Authorities.Decision":     {[]diff.Kind{diff.AuthorityChanged}, "decision"},
	"Authorities.Approver":     {[]diff.Kind{diff.AuthorityChanged}, "approver"},
	"Authorities.Scope":        {[]diff.Kind{diff.AuthorityChanged}, "scope"},
	"Authorities.Assets":       {[]diff.Kind{diff.AuthorityChanged}, "assets"},
	"Authorities.MaxRiskLevel": {[]diff.Kind{diff.AuthorityChanged}, "max_risk_level"},

	"Delegations":           {[]diff.Kind{diff.DelegationAdded, diff.DelegationRemoved}, ""},
	"Delegations.Activity":  {[]diff.Kind{diff.DelegationChanged}, "activity"},
	"Delegations.From":      {[]diff.Kind{diff.DelegationChanged}, "from"},
	"Delegations.To":        {[]diff.Kind{diff.DelegationChanged}, "to"},
	"Delegations.Scope":     {[]diff.Kind{diff.DelegationChanged}, "scope"},
	"Delegations.StartsOn":  {[]diff.Kind{diff.DelegationChanged}, "starts_on"},
	"Delegations.ExpiresOn": {[]diff.Kind{diff.DelegationChanged}, "expires_on"},

	"Risks":                      {[]diff.Kind{diff.RiskAdded, diff.RiskRemoved}, ""},
	"Risks.Owner":                {[]diff.Kind{diff.RiskOwnerChanged}, "owner"},
	"Risks.Acceptance.By":        {[]diff.Kind{diff.RiskAcceptanceChanged}, "acceptance.by"},
	"Risks.Acceptance.Date":      {[]diff.Kind{diff.RiskAcceptanceChanged}, "acceptance.date"},
	"Risks.Acceptance.Residual":  {[]diff.Kind{diff.RiskAcceptanceChanged}, "acceptance.residual"},
	"Risks.Acceptance.ExpiresOn": {[]diff.Kind{diff.RiskAcceptanceChanged}, "acceptance.expires_on"},

	"Segregation":       {[]diff.Kind{diff.SegregationAdded, diff.SegregationRemoved}, ""},
	"Segregation.Roles": {[]diff.Kind{diff.SegregationChanged}, "roles"},
}

// notResponsibilities are the fields (and everything under them) that say
// nothing about who is responsible for what; docs/who-and-diff.md lists them
// for users.
var notResponsibilities = []string{
	"Organisation",
	"Policy.ID", "Policy.Title", "Policy.ApprovedBy", "Policy.ApprovedOn", "Policy.ReviewedOn", "Policy.Attributes",
	"Roles.Attributes",
	"People.Name", "People.Email", "People.Employment", "People.JobDescriptionHasSecurityDuties",
	"People.Acknowledgements", "People.Competences", "People.Attributes",
	"Teams.Name", "Teams.Attributes",
	"Assets.Name", "Assets.Type", "Assets.Classification", "Assets.PersonalData", "Assets.Attributes",
	"Activities.Name", "Activities.Frequency", "Activities.LastPerformed", "Activities.SignedOff", "Activities.Attributes",
	"Authorities.Attributes",
	"Delegations.Review", "Delegations.Attributes",
	"Risks.Title", "Risks.Assets", "Risks.Residual", "Risks.Treatment", "Risks.Acceptance.Rationale", "Risks.Attributes",
	"Segregation.Reason", "Segregation.Attributes",
	"Exceptions",
}

var subjectKinds = map[string]string{"Roles": "role:", "People": "person:", "Teams": "team:", "Assets": "asset:",
	"Activities": "activity:", "Authorities": "authority:", "Delegations": "delegation:", "Risks": "risk:", "Segregation": "segregation:"}

// unexplained returns the differences between old and new that are neither
// explained by a change of d nor a field of notResponsibilities.
func unexplained(old, new *raci.Register, d *diff.Diff) []difference {
	rec := &recorder{}
	cmp.Equal(normalise(old), normalise(new), cmpopts.SortSlices(func(a, b string) bool { return a < b }), cmpopts.EquateEmpty(), cmp.Reporter(rec))
	var out []difference
	for _, df := range rec.diffs {
		key := df.section
		if df.field != "" {
			key += "." + df.field
		}
		if slices.ContainsFunc(notResponsibilities, func(p string) bool { return key == p || strings.HasPrefix(key, p+".") }) {
			continue
		}
		e, ok := explained[key]
		subject := subjectKinds[df.section] + df.id
		if df.section == "Policy" {
			subject = "policy"
		}
		if !ok || !slices.ContainsFunc(d.Changes, func(c diff.Change) bool {
			return slices.Contains(e.kinds, c.Kind) && c.Subject == subject && (e.field == "" || c.Field == e.field)
		}) {
			out = append(out, df)
		}
	}
	return out
}

func shuffle[T any](t *rapid.T, label string, l []T) {
	for i := len(l) - 1; i > 0; i-- {
		j := rapid.IntRange(0, i).Draw(t, label)
		l[i], l[j] = l[j], l[i]
	}
}

// reorder returns a copy of r with every list of entities and of ids in
// another order.
func reorder(t *rapid.T, r *raci.Register) *raci.Register {
	out := clone(t, r)
	shuffle(t, "roles", out.Roles)
	shuffle(t, "people", out.People)
	shuffle(t, "teams", out.Teams)
	shuffle(t, "assets", out.Assets)
	shuffle(t, "activities", out.Activities)
	shuffle(t, "authorities", out.Authorities)
	shuffle(t, "delegations", out.Delegations)
	shuffle(t, "risks", out.Risks)
	shuffle(t, "segregation", out.Segregation)
	for i := range out.People {
		shuffle(t, "person roles", out.People[i].Roles)
	}
	for i := range out.Teams {
		shuffle(t, "members", out.Teams[i].Members)
		shuffle(t, "team roles", out.Teams[i].Roles)
	}
	for i := range out.Roles {
		shuffle(t, "deputies", out.Roles[i].Deputies)
	}
	for i := range out.Activities {
		if a := out.Activities[i].RACI; a != nil {
			shuffle(t, "raci", a.Responsible)
			shuffle(t, "raci", a.Accountable)
		}
	}
	for i := range out.Segregation {
		shuffle(t, "conflict", out.Segregation[i].Roles)
	}
	return out
}

// mix returns a copy of a in which each section is, by rapid's choice, a's or
// b's: registers that differ in some sections and agree in others.
func mix(t *rapid.T, a, b *raci.Register) *raci.Register {
	out := clone(t, a)
	take := func(label string) bool { return rapid.Bool().Draw(t, label) }
	if take("organisation") {
		out.Organisation = b.Organisation
	}
	if take("policy") {
		out.Policy = b.Policy
	}
	if take("roles") {
		out.Roles = b.Roles
	}
	if take("people") {
		out.People = b.People
	}
	if take("teams") {
		out.Teams = b.Teams
	}
	if take("assets") {
		out.Assets = b.Assets
	}
	if take("activities") {
		out.Activities = b.Activities
	}
	if take("authorities") {
		out.Authorities = b.Authorities
	}
	if take("delegations") {
		out.Delegations = b.Delegations
	}
	if take("risks") {
		out.Risks = b.Risks
	}
	if take("segregation") {
		out.Segregation = b.Segregation
	}
	if take("exceptions") {
		out.Exceptions = b.Exceptions
	}
	return clone(t, out)
}

// TestEveryDifferenceIsExplained: for generated registers old and new (new
// mixes old's sections with another register's, in another order), every
// difference go-cmp finds between them is explained by a change of the diff,
// or is a field listed in notResponsibilities; a register and a reordered
// copy of it give no change.
func TestEveryDifferenceIsExplained(t *testing.T) {
	var changed int
	rapid.Check(t, func(t *rapid.T) {
		old := randreg.New(randreg.RapidChooser{T: t}).Register()
		other := randreg.New(randreg.RapidChooser{T: t}).Register()
		new := reorder(t, mix(t, old, other))
		d := diff.Compare(old, new)
		if u := unexplained(old, new, d); len(u) > 0 {
			t.Fatalf("differences no change explains: %+v\nchanges: %+v", u, d.Changes)
		}
		if d.Changed() {
			changed++
		}
		if same := diff.Compare(old, reorder(t, old)); same.Changed() {
			t.Fatalf("a reordered copy gives changes: %+v", same.Changes)
		}
	})
	if changed == 0 {
		t.Error("no generated pair of registers differed in responsibilities: the property was never tried")
	}
}

// The recorder must see differences at all, or the property holds vacuously.
func TestRecorderFindsDifferences(t *testing.T) {
	base := load(t, "testdata/base.yaml")
	edited := clone(t, base)
	edited.Roles[1].Deputies = []string{"ivy"}
	edited.People[0].Email = "ann@example.com"
	got := unexplained(base, edited, &diff.Diff{})
	want := []difference{{section: "Roles", id: "ciso", field: "Deputies"}}
	if d := cmp.Diff(want, got, cmp.AllowUnexported(difference{})); d != "" {
		t.Errorf("unexplained() with no changes (-want +got):\n%s", d)
	}
	if got := unexplained(base, edited, diff.Compare(base, edited)); len(got) > 0 {
		t.Errorf("unexplained() with the diff's changes = %+v, want none", got)
	}
}
