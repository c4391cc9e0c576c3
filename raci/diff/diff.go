package diff

import (
	"slices"
	"strings"

	"github.com/rolecall/rolecall/raci"
)

// Kind is the kind of a change.
type Kind string

// The kinds of change. A *_changed kind names the field in Change.Field.
const (
	RoleAdded   Kind = "role_added"
	RoleRemoved Kind = "role_removed"
	// RoleChanged: the role's name, kind, function, duties or competences.
	RoleChanged Kind = "role_changed"
	// ReportsToChanged: the role's reports_to (its reporting line).
	ReportsToChanged Kind = "reports_to_changed"
	// DeputiesChanged: the people who stand in for the role.
	DeputiesChanged Kind = "deputies_changed"

	PersonAdded   Kind = "person_added"
	PersonRemoved Kind = "person_removed"
	// PersonStatusChanged: active, on_leave or leaver (active when not written).
	PersonStatusChanged Kind = "person_status_changed"
	// RoleGained and RoleLost: a person holds a role they did not hold (or no
	// longer holds one), directly or through a team (Change.Via). A person who
	// keeps a role but holds it another way has lost one way and gained the other.
	RoleGained Kind = "role_gained"
	RoleLost   Kind = "role_lost"

	TeamAdded   Kind = "team_added"
	TeamRemoved Kind = "team_removed"
	// TeamChanged: the team's members or roles.
	TeamChanged Kind = "team_changed"

	AssetAdded            Kind = "asset_added"
	AssetRemoved          Kind = "asset_removed"
	AssetOwnerChanged     Kind = "asset_owner_changed"
	AssetCustodianChanged Kind = "asset_custodian_changed"
	// AssetUnowned: an asset of the new register has no owner, and it is new or
	// had one.
	AssetUnowned Kind = "asset_unowned"

	ActivityAdded   Kind = "activity_added"
	ActivityRemoved Kind = "activity_removed"
	// ActivityChanged: the activity's process or assets (what its RACI covers).
	ActivityChanged Kind = "activity_changed"
	// RACIChanged: one list of the activity's RACI (Field raci.responsible, ...).
	RACIChanged Kind = "raci_changed"

	AuthorityAdded   Kind = "authority_added"
	AuthorityRemoved Kind = "authority_removed"
	// AuthorityChanged: decision, approver, scope, assets or max_risk_level.
	AuthorityChanged Kind = "authority_changed"

	DelegationAdded   Kind = "delegation_added"
	DelegationRemoved Kind = "delegation_removed"
	// DelegationChanged: activity, from, to, scope, starts_on or expires_on.
	DelegationChanged Kind = "delegation_changed"

	RiskAdded        Kind = "risk_added"
	RiskRemoved      Kind = "risk_removed"
	RiskOwnerChanged Kind = "risk_owner_changed"
	// RiskUnowned: a risk of the new register has no owner, and it is new or
	// had one.
	RiskUnowned Kind = "risk_unowned"
	// RiskAcceptanceChanged: who accepted the risk, when, at what level, until
	// when (Field acceptance.by, acceptance.date, acceptance.residual,
	// acceptance.expires_on).
	RiskAcceptanceChanged Kind = "risk_acceptance_changed"

	SegregationAdded   Kind = "segregation_added"
	SegregationRemoved Kind = "segregation_removed"
	// SegregationChanged: the two roles of a conflict.
	SegregationChanged Kind = "segregation_changed"

	// PolicyResponsibilityChanged: the policy's overall_responsibility.
	PolicyResponsibilityChanged Kind = "policy_responsibility_changed"
)

// Change is one change of responsibilities.
type Change struct {
	Kind Kind `json:"kind"`
	// Subject is the entity changed, KIND:ID (role:ciso, person:bob, ...), or
	// policy.
	Subject string `json:"subject"`
	// Name is the entity's name or title (the new one, or the old one when the
	// entity was removed), when it has one.
	Name string `json:"name,omitempty"`
	// Field is the changed field as the register writes it (kind,
	// raci.accountable, acceptance.by), for the *_changed kinds; for an asset
	// or risk added or removed, "owner" when it has one, in New or Old.
	Field string `json:"field,omitempty"`
	// Old and New are the field's values for a single value; empty is absent.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
	// Added and Removed are the values a list gained and lost, sorted.
	Added   []string `json:"added,omitempty"`
	Removed []string `json:"removed,omitempty"`
	// Role and Via are, for RoleGained and RoleLost, the role and how it is
	// held: "direct" or team:ID.
	Role string `json:"role,omitempty"`
	Via  string `json:"via,omitempty"`
}

// Diff is the difference of responsibilities between an old and a new
// register.
type Diff struct {
	// Changes are sorted by the register's order of sections (policy, roles,
	// people, teams, assets, activities, authorities, delegations, risks,
	// segregation), then subject id, then a fixed order of kinds and fields
	// per section.
	Changes []Change `json:"changes"`
	// NeedsReapproval is true when responsibilities changed but the new
	// register keeps the old one's organisation.approved_on: the changed
	// register has not been approved.
	NeedsReapproval bool `json:"needs_reapproval"`
	// ApprovedOn is the new register's organisation.approved_on, when it has one.
	ApprovedOn *raci.Date `json:"approved_on,omitempty"`
}

// Changed reports whether responsibilities changed.
func (d *Diff) Changed() bool { return len(d.Changes) > 0 }

// Compare returns the changes of responsibilities from old to new. Entities
// are matched by id; the order of lists, the difference between an absent and
// an empty list, and every field that is not a responsibility are ignored, so
// identical or merely reordered registers give no change. Compare never
// modifies its arguments, and a nil register counts as an empty one.
func Compare(old, new *raci.Register) *Diff {
	if old == nil {
		old = &raci.Register{}
	}
	if new == nil {
		new = &raci.Register{}
	}
	c := &comparer{}
	c.policy(old.Policy, new.Policy)
	c.roles(old.Roles, new.Roles)
	c.people(old, new)
	c.teams(old.Teams, new.Teams)
	c.assets(old.Assets, new.Assets)
	c.activities(old.Activities, new.Activities)
	c.authorities(old.Authorities, new.Authorities)
	c.delegations(old.Delegations, new.Delegations)
	c.risks(old.Risks, new.Risks)
	c.segregation(old.Segregation, new.Segregation)
	d := &Diff{Changes: c.out, ApprovedOn: new.Organisation.ApprovedOn}
	if d.Changes == nil {
		d.Changes = []Change{}
	}
	o, n := old.Organisation.ApprovedOn, new.Organisation.ApprovedOn
	d.NeedsReapproval = d.Changed() && o != nil && n != nil && *o == *n
	return d
}

type comparer struct{ out []Change }

// scalar records kind when a single value changed.
func (c *comparer) scalar(kind Kind, subject, name, field, old, new string) {
	if old != new {
		c.out = append(c.out, Change{Kind: kind, Subject: subject, Name: name, Field: field, Old: old, New: new})
	}
}

// list records kind when a list, read as a set, changed.
func (c *comparer) list(kind Kind, subject, name, field string, old, new []string) {
	added, removed := setDiff(old, new)
	if len(added) > 0 || len(removed) > 0 {
		c.out = append(c.out, Change{Kind: kind, Subject: subject, Name: name, Field: field, Added: added, Removed: removed})
	}
}

func (c *comparer) add(kind Kind, subject, name string) {
	c.out = append(c.out, Change{Kind: kind, Subject: subject, Name: name})
}

// setDiff returns the sorted values in new and not in old, and in old and not
// in new.
func setDiff(old, new []string) (added, removed []string) {
	for _, v := range new {
		if !slices.Contains(old, v) && !slices.Contains(added, v) {
			added = append(added, v)
		}
	}
	for _, v := range old {
		if !slices.Contains(new, v) && !slices.Contains(removed, v) {
			removed = append(removed, v)
		}
	}
	slices.Sort(added)
	slices.Sort(removed)
	return added, removed
}

// match calls both for the entities of each id in old or new, in sorted id
// order; an entity missing from one side is nil. A duplicated id (which the
// loader refuses) counts once, its last entity.
func match[T any](old, new []T, id func(*T) string, both func(id string, o, n *T)) {
	index := func(l []T) map[string]*T {
		m := make(map[string]*T, len(l))
		for i := range l {
			m[id(&l[i])] = &l[i]
		}
		return m
	}
	om, nm := index(old), index(new)
	ids := make([]string, 0, len(om)+len(nm))
	for k := range om {
		ids = append(ids, k)
	}
	for k := range nm {
		if om[k] == nil {
			ids = append(ids, k)
		}
	}
	slices.Sort(ids)
	for _, k := range ids {
		both(k, om[k], nm[k])
	}
}

// pick returns n's name when n is not nil, else o's.
func pick[T any](o, n *T, name func(*T) string) string {
	if n != nil {
		return name(n)
	}
	return name(o)
}

func date(d *raci.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}

func (c *comparer) policy(o, n *raci.Policy) {
	var or, nr, name string
	if o != nil {
		or, name = o.OverallResponsibility, o.Title
	}
	if n != nil {
		nr, name = n.OverallResponsibility, n.Title
	}
	c.scalar(PolicyResponsibilityChanged, "policy", name, "overall_responsibility", or, nr)
}

func (c *comparer) roles(old, new []raci.Role) {
	match(old, new, func(r *raci.Role) string { return r.ID }, func(id string, o, n *raci.Role) {
		s, name := "role:"+id, pick(o, n, func(r *raci.Role) string { return r.Name })
		switch {
		case o == nil:
			c.add(RoleAdded, s, name)
		case n == nil:
			c.add(RoleRemoved, s, name)
		default:
			c.scalar(RoleChanged, s, name, "name", o.Name, n.Name)
			c.scalar(RoleChanged, s, name, "kind", string(o.Kind), string(n.Kind))
			c.scalar(RoleChanged, s, name, "function", string(o.Function), string(n.Function))
			c.list(RoleChanged, s, name, "duties", o.Duties, n.Duties)
			c.list(RoleChanged, s, name, "competences", o.Competences, n.Competences)
			c.scalar(ReportsToChanged, s, name, "reports_to", o.ReportsTo, n.ReportsTo)
			c.list(DeputiesChanged, s, name, "deputies", o.Deputies, n.Deputies)
		}
	})
}

// holding is one way a person holds a role.
type holding struct{ person, role, via string }

// holdings lists every way each person holds each role: directly ("direct")
// or through a team (team:ID). Team members that are not defined people count,
// as they do for the rules.
func holdings(r *raci.Register) map[holding]bool {
	out := map[holding]bool{}
	for _, p := range r.People {
		for _, rid := range p.Roles {
			out[holding{p.ID, rid, "direct"}] = true
		}
	}
	for _, t := range r.Teams {
		for _, m := range t.Members {
			for _, rid := range t.Roles {
				out[holding{m, rid, "team:" + t.ID}] = true
			}
		}
	}
	return out
}

func (c *comparer) people(old, new *raci.Register) {
	names := map[string]string{}
	for _, p := range old.People {
		names[p.ID] = p.Name
	}
	for _, p := range new.People {
		names[p.ID] = p.Name
	}
	oh, nh := holdings(old), holdings(new)
	byPerson := map[string][]Change{}
	for h := range nh {
		if !oh[h] {
			byPerson[h.person] = append(byPerson[h.person], Change{Kind: RoleGained, Subject: "person:" + h.person, Name: names[h.person], Role: h.role, Via: h.via})
		}
	}
	for h := range oh {
		if !nh[h] {
			byPerson[h.person] = append(byPerson[h.person], Change{Kind: RoleLost, Subject: "person:" + h.person, Name: names[h.person], Role: h.role, Via: h.via})
		}
	}
	// Every person with a change: the people of either register and the team
	// members who are not defined.
	var ids []string
	seen := map[string]bool{}
	for _, l := range [][]raci.Person{old.People, new.People} {
		for _, p := range l {
			if !seen[p.ID] {
				seen[p.ID] = true
				ids = append(ids, p.ID)
			}
		}
	}
	for pid := range byPerson {
		if !seen[pid] {
			seen[pid] = true
			ids = append(ids, pid)
		}
	}
	slices.Sort(ids)
	om, nm := personIndex(old.People), personIndex(new.People)
	for _, id := range ids {
		s, o, n := "person:"+id, om[id], nm[id]
		switch {
		case o == nil && n != nil:
			c.add(PersonAdded, s, n.Name)
		case n == nil && o != nil:
			c.add(PersonRemoved, s, o.Name)
		case o != nil && n != nil:
			c.scalar(PersonStatusChanged, s, n.Name, "status", string(o.StatusOrDefault()), string(n.StatusOrDefault()))
		}
		hs := byPerson[id]
		slices.SortFunc(hs, func(a, b Change) int {
			return strings.Compare(a.Role+"\x00"+string(a.Kind)+"\x00"+a.Via, b.Role+"\x00"+string(b.Kind)+"\x00"+b.Via)
		})
		c.out = append(c.out, hs...)
	}
}

func personIndex(l []raci.Person) map[string]*raci.Person {
	m := make(map[string]*raci.Person, len(l))
	for i := range l {
		m[l[i].ID] = &l[i]
	}
	return m
}

func (c *comparer) teams(old, new []raci.Team) {
	match(old, new, func(t *raci.Team) string { return t.ID }, func(id string, o, n *raci.Team) {
		s, name := "team:"+id, pick(o, n, func(t *raci.Team) string { return t.Name })
		switch {
		case o == nil:
			c.add(TeamAdded, s, name)
		case n == nil:
			c.add(TeamRemoved, s, name)
		default:
			c.list(TeamChanged, s, name, "members", o.Members, n.Members)
			c.list(TeamChanged, s, name, "roles", o.Roles, n.Roles)
		}
	})
}

func (c *comparer) assets(old, new []raci.Asset) {
	match(old, new, func(a *raci.Asset) string { return a.ID }, func(id string, o, n *raci.Asset) {
		s, name := "asset:"+id, pick(o, n, func(a *raci.Asset) string { return a.Name })
		switch {
		case o == nil:
			c.out = append(c.out, Change{Kind: AssetAdded, Subject: s, Name: name, Field: owner(n.Owner), New: n.Owner})
			if n.Owner == "" {
				c.add(AssetUnowned, s, name)
			}
		case n == nil:
			c.out = append(c.out, Change{Kind: AssetRemoved, Subject: s, Name: name, Field: owner(o.Owner), Old: o.Owner})
		default:
			c.scalar(AssetOwnerChanged, s, name, "owner", o.Owner, n.Owner)
			if o.Owner != "" && n.Owner == "" {
				c.add(AssetUnowned, s, name)
			}
			c.scalar(AssetCustodianChanged, s, name, "custodian", o.Custodian, n.Custodian)
		}
	})
}

var raciFields = []struct {
	field string
	get   func(*raci.RACI) []string
}{
	{"raci.responsible", func(r *raci.RACI) []string { return r.Responsible }},
	{"raci.accountable", func(r *raci.RACI) []string { return r.Accountable }},
	{"raci.consulted", func(r *raci.RACI) []string { return r.Consulted }},
	{"raci.informed", func(r *raci.RACI) []string { return r.Informed }},
}

// owner is the field of an added or removed asset or risk that names its
// owner: "owner" when it has one.
func owner(id string) string {
	if id == "" {
		return ""
	}
	return "owner"
}

func (c *comparer) activities(old, new []raci.Activity) {
	match(old, new, func(a *raci.Activity) string { return a.ID }, func(id string, o, n *raci.Activity) {
		s, name := "activity:"+id, pick(o, n, func(a *raci.Activity) string { return a.Name })
		// An added or removed activity's RACI is listed as gained or lost, so
		// that a reviewer sees who takes on (or gives up) its accountability.
		or, nr := &raci.RACI{}, &raci.RACI{}
		switch {
		case o == nil:
			c.add(ActivityAdded, s, name)
		case n == nil:
			c.add(ActivityRemoved, s, name)
		default:
			c.scalar(ActivityChanged, s, name, "process", string(o.Process), string(n.Process))
			c.list(ActivityChanged, s, name, "assets", o.Assets, n.Assets)
		}
		if o != nil && o.RACI != nil {
			or = o.RACI
		}
		if n != nil && n.RACI != nil {
			nr = n.RACI
		}
		for _, f := range raciFields {
			c.list(RACIChanged, s, name, f.field, f.get(or), f.get(nr))
		}
	})
}

func (c *comparer) authorities(old, new []raci.Authority) {
	match(old, new, func(a *raci.Authority) string { return a.ID }, func(id string, o, n *raci.Authority) {
		s := "authority:" + id
		switch {
		case o == nil:
			c.add(AuthorityAdded, s, "")
		case n == nil:
			c.add(AuthorityRemoved, s, "")
		default:
			c.scalar(AuthorityChanged, s, "", "decision", string(o.Decision), string(n.Decision))
			c.scalar(AuthorityChanged, s, "", "approver", o.Approver, n.Approver)
			c.scalar(AuthorityChanged, s, "", "scope", o.Scope, n.Scope)
			c.list(AuthorityChanged, s, "", "assets", o.Assets, n.Assets)
			c.scalar(AuthorityChanged, s, "", "max_risk_level", string(o.MaxRiskLevel), string(n.MaxRiskLevel))
		}
	})
}

func (c *comparer) delegations(old, new []raci.Delegation) {
	scope := func(d *raci.Delegation) string {
		if d.Scope == "" {
			return string(raci.DelegationResponsible)
		}
		return string(d.Scope)
	}
	match(old, new, func(d *raci.Delegation) string { return d.ID }, func(id string, o, n *raci.Delegation) {
		s := "delegation:" + id
		switch {
		case o == nil:
			c.add(DelegationAdded, s, "")
		case n == nil:
			c.add(DelegationRemoved, s, "")
		default:
			c.scalar(DelegationChanged, s, "", "activity", o.Activity, n.Activity)
			c.scalar(DelegationChanged, s, "", "from", o.From, n.From)
			c.scalar(DelegationChanged, s, "", "to", o.To, n.To)
			c.scalar(DelegationChanged, s, "", "scope", scope(o), scope(n))
			c.scalar(DelegationChanged, s, "", "starts_on", date(o.StartsOn), date(n.StartsOn))
			c.scalar(DelegationChanged, s, "", "expires_on", date(o.ExpiresOn), date(n.ExpiresOn))
		}
	})
}

func (c *comparer) risks(old, new []raci.Risk) {
	match(old, new, func(k *raci.Risk) string { return k.ID }, func(id string, o, n *raci.Risk) {
		s, name := "risk:"+id, pick(o, n, func(k *raci.Risk) string { return k.Title })
		switch {
		case o == nil:
			c.out = append(c.out, Change{Kind: RiskAdded, Subject: s, Name: name, Field: owner(n.Owner), New: n.Owner})
			if n.Owner == "" {
				c.add(RiskUnowned, s, name)
			}
		case n == nil:
			c.out = append(c.out, Change{Kind: RiskRemoved, Subject: s, Name: name, Field: owner(o.Owner), Old: o.Owner})
		default:
			c.scalar(RiskOwnerChanged, s, name, "owner", o.Owner, n.Owner)
			if o.Owner != "" && n.Owner == "" {
				c.add(RiskUnowned, s, name)
			}
			oa, na := o.Acceptance, n.Acceptance
			if oa == nil {
				oa = &raci.Acceptance{}
			}
			if na == nil {
				na = &raci.Acceptance{}
			}
			accDate := func(a *raci.Acceptance) string {
				if a.Date.IsZero() {
					return ""
				}
				return a.Date.String()
			}
			c.scalar(RiskAcceptanceChanged, s, name, "acceptance.by", oa.By, na.By)
			c.scalar(RiskAcceptanceChanged, s, name, "acceptance.date", accDate(oa), accDate(na))
			c.scalar(RiskAcceptanceChanged, s, name, "acceptance.residual", string(oa.Residual), string(na.Residual))
			c.scalar(RiskAcceptanceChanged, s, name, "acceptance.expires_on", date(oa.ExpiresOn), date(na.ExpiresOn))
		}
	})
}

func (c *comparer) segregation(old, new []raci.Conflict) {
	match(old, new, func(k *raci.Conflict) string { return k.ID }, func(id string, o, n *raci.Conflict) {
		s := "segregation:" + id
		switch {
		case o == nil:
			c.add(SegregationAdded, s, "")
		case n == nil:
			c.add(SegregationRemoved, s, "")
		default:
			c.list(SegregationChanged, s, "", "roles", o.Roles, n.Roles)
		}
	})
}
