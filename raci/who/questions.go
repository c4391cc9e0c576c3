package who

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rolecall/rolecall/raci"
)

// processes are the process values of the register format, to tell a process
// that no activity implements from a typo.
var processes = []raci.Process{raci.ProcUserProvisioning, raci.ProcUserDeprovisioning, raci.ProcAccessReview,
	raci.ProcVulnerabilityMgmt, raci.ProcPatchMgmt, raci.ProcIncidentMgmt, raci.ProcLoggingMonitoring,
	raci.ProcBackupVerification, raci.ProcChangeControl, raci.ProcSupplierDueDiligence, raci.ProcRiskAssessment,
	raci.ProcAwarenessTraining, raci.ProcPhysicalSecurityCheck, raci.ProcInternalAudit, raci.ProcManagementReview,
	raci.ProcOther}

var raciRelations = []Relation{Responsible, Accountable, Consulted, Informed}

// RACI answers who is responsible, accountable, consulted or informed (the
// relations asked, all four when none) for an activity, or for every activity
// of a process. target is an activity id or, when no activity has that id, a
// process (access_review, incident_management, ...). Besides the roles of the
// RACI, the roles that delegations in effect at the Querier's date hand the
// task to are responsible, with the delegation in Duty.Via. Duties come in the
// register's order of activities, then relations, then the RACI's order of
// roles. A target that is neither is an error wrapping ErrNotFound; a relation
// other than the four is an error wrapping ErrInvalid.
func (q *Querier) RACI(target string, rels ...Relation) (*Answer, error) {
	if len(rels) == 0 {
		rels = raciRelations
	}
	words := make([]string, 0, len(rels))
	for _, r := range rels {
		if !slices.Contains(raciRelations, r) {
			return nil, fmt.Errorf("%w: relation %q: expected responsible, accountable, consulted or informed", ErrInvalid, r)
		}
		words = append(words, string(r))
	}
	var acts []*raci.Activity
	what := "activity " + target
	if a := q.x.Activity(target); a != nil {
		acts = []*raci.Activity{a}
	} else if slices.Contains(processes, raci.Process(target)) {
		what = "process " + target
		for i := range q.reg.Activities {
			if q.reg.Activities[i].Process == raci.Process(target) {
				acts = append(acts, &q.reg.Activities[i])
			}
		}
	} else {
		return nil, fmt.Errorf("%w: %q is neither an activity id (defined: %s) nor a process", ErrNotFound, target,
			ids(q.reg.Activities, func(a *raci.Activity) string { return a.ID }))
	}
	ans := &Answer{Question: fmt.Sprintf("who is %s for %s", orList(words), what), AsOf: q.asOf, Duties: []Duty{}}
	for _, a := range acts {
		ans.Duties = append(ans.Duties, q.activityDuties(a, rels)...)
	}
	ans.NobodyCanAct = nobodyCanAct(ans.Duties)
	return ans, nil
}

// activityDuties lists the duties of the activity for the relations.
func (q *Querier) activityDuties(a *raci.Activity, rels []Relation) []Duty {
	var out []Duty
	subject := "activity:" + a.ID
	for _, rel := range rels {
		for _, rid := range raciList(a.RACI, rel) {
			out = append(out, q.duty(rel, subject, a.Name, rid, ""))
		}
		if rel != Responsible {
			continue
		}
		for i := range q.reg.Delegations {
			d := &q.reg.Delegations[i]
			if d.Activity == a.ID && q.inEffect(d) {
				out = append(out, q.duty(Responsible, subject, a.Name, d.To, "delegation:"+d.ID))
			}
		}
	}
	return out
}

func raciList(r *raci.RACI, rel Relation) []string {
	if r == nil {
		return nil
	}
	switch rel {
	case Responsible:
		return r.Responsible
	case Accountable:
		return r.Accountable
	case Consulted:
		return r.Consulted
	case Informed:
		return r.Informed
	}
	return nil
}

// Incident answers who to tell about an incident: the responsible and
// accountable roles of every incident_management activity (and the delegates
// in effect). NobodyCanAct is true when no activity covers incident
// management or none of its roles can act today.
func (q *Querier) Incident() (*Answer, error) {
	ans, err := q.RACI(string(raci.ProcIncidentMgmt), Responsible, Accountable)
	if err != nil {
		return nil, err
	}
	ans.Question = "who to tell about an incident (incident_management: responsible or accountable)"
	return ans, nil
}

// Asset answers who owns the asset: its owner role, and its custodian role
// when it has one. An asset without an owner has no owner duty and, without a
// custodian either, NobodyCanAct. An id that names no asset is an error
// wrapping ErrNotFound.
func (q *Querier) Asset(assetID string) (*Answer, error) {
	a := q.x.Asset(assetID)
	if a == nil {
		return nil, fmt.Errorf("%w: no asset %q (defined: %s)", ErrNotFound, assetID,
			ids(q.reg.Assets, func(a *raci.Asset) string { return a.ID }))
	}
	ans := &Answer{Question: "who owns asset " + assetID, AsOf: q.asOf, Duties: []Duty{}}
	if a.Owner != "" {
		ans.Duties = append(ans.Duties, q.duty(Owner, "asset:"+a.ID, a.Name, a.Owner, ""))
	}
	if a.Custodian != "" {
		ans.Duties = append(ans.Duties, q.duty(Custodian, "asset:"+a.ID, a.Name, a.Custodian, ""))
	}
	ans.NobodyCanAct = nobodyCanAct(ans.Duties)
	return ans, nil
}

// RiskAnswer details who owns a risk and who accepted it.
type RiskAnswer struct {
	Risk  string `json:"risk"`
	Title string `json:"title"`
	// Owner is the owner role id; empty when the risk has none.
	Owner string `json:"owner,omitempty"`
	// Residual is the risk's residual level as written; Level the level its
	// acceptance is judged at (high when Residual is absent).
	Residual raci.RiskLevel `json:"residual,omitempty"`
	Level    raci.RiskLevel `json:"level"`
	// Acceptance is who accepted the risk; nil when nobody did.
	Acceptance *AcceptanceAnswer `json:"acceptance,omitempty"`
}

// AcceptanceAnswer is a risk's acceptance: who, when, at what level, until
// when, and whether it holds.
type AcceptanceAnswer struct {
	By   Person    `json:"by"`
	Date raci.Date `json:"date"`
	// Residual is the level the acceptor accepted, when recorded.
	Residual raci.RiskLevel `json:"residual,omitempty"`
	// ExpiresOn is when the acceptance lapses, when it does.
	ExpiresOn *raci.Date `json:"expires_on,omitempty"`
	// Expired is true when ExpiresOn is before the Querier's date.
	Expired bool `json:"expired"`
	// Entitled is true when the acceptor is entitled to accept the risk at its
	// level (MayDecide for the risk includes them): A52-RISK-004 does not fire.
	Entitled bool `json:"entitled"`
}

// Risk answers who owns the risk and who accepted it, at what level and until
// when. The owner role is the answer's one duty (none when the risk has no
// owner, and NobodyCanAct). An id that names no risk is an error wrapping
// ErrNotFound.
func (q *Querier) Risk(riskID string) (*Answer, error) {
	k := q.x.Risk(riskID)
	if k == nil {
		return nil, fmt.Errorf("%w: no risk %q (defined: %s)", ErrNotFound, riskID,
			ids(q.reg.Risks, func(k *raci.Risk) string { return k.ID }))
	}
	ra := &RiskAnswer{Risk: k.ID, Title: k.Title, Owner: k.Owner, Residual: k.Residual, Level: levelOf(k)}
	ans := &Answer{Question: "who owns risk " + riskID + " and who accepted it", AsOf: q.asOf, Duties: []Duty{}, Risk: ra}
	if k.Owner != "" {
		ans.Duties = append(ans.Duties, q.duty(Owner, "risk:"+k.ID, k.Title, k.Owner, ""))
	}
	if acc := k.Acceptance; acc != nil {
		dec, err := q.MayDecide(DecisionQuery{Decision: raci.DecisionAcceptRisk, Risk: k.ID})
		if err != nil {
			return nil, err
		}
		ra.Acceptance = &AcceptanceAnswer{By: q.person(acc.By), Date: acc.Date, Residual: acc.Residual, ExpiresOn: acc.ExpiresOn,
			Expired: acc.ExpiresOn != nil && acc.ExpiresOn.Time().Before(q.asOf.Time()), Entitled: dec.Decision.Includes(acc.By)}
	}
	ans.NobodyCanAct = nobodyCanAct(ans.Duties)
	return ans, nil
}

// levelOf is the level a risk's acceptance is judged at: its residual, high
// when absent.
func levelOf(k *raci.Risk) raci.RiskLevel {
	if k.Residual == "" {
		return raci.RiskHigh
	}
	return k.Residual
}

// Role answers who holds the role and who stands in for it: one duty with the
// role's holders and deputies. An id that names no role and that nobody holds
// is an error wrapping ErrNotFound.
func (q *Querier) Role(roleID string) (*Answer, error) {
	if q.x.Role(roleID) == nil && len(q.x.HoldersOf(roleID)) == 0 {
		return nil, fmt.Errorf("%w: no role %q (defined: %s)", ErrNotFound, roleID,
			ids(q.reg.Roles, func(r *raci.Role) string { return r.ID }))
	}
	d := q.duty(Holder, "role:"+roleID, "", roleID, "")
	d.SubjectName = d.RoleName
	ans := &Answer{Question: "who holds role " + roleID + " and who stands in", AsOf: q.asOf, Duties: []Duty{d}}
	ans.NobodyCanAct = nobodyCanAct(ans.Duties)
	return ans, nil
}

// PersonAnswer details the roles a person holds and stands in for.
type PersonAnswer struct {
	// Person is the person asked about (Direct and Teams are not used).
	Person
	// Roles are the roles the person holds, sorted by id, each with how: Direct
	// and Teams of the Person in each entry describe the person's own holding.
	Roles []HeldRole `json:"roles"`
	// DeputyFor are the ids of the roles that name the person as a deputy, in
	// the register's order.
	DeputyFor []string `json:"deputy_for"`
}

// HeldRole is a role a person holds, and how.
type HeldRole struct {
	Role     string `json:"role"`
	RoleName string `json:"role_name,omitempty"`
	// Direct is true when the person lists the role; Teams are the teams
	// through which they hold it.
	Direct bool     `json:"direct"`
	Teams  []string `json:"teams,omitempty"`
}

// Person answers everything the person is responsible for: through every role
// they hold (directly or through a team) and every role they are a deputy
// for, each duty of that role (activities' RACI, delegations in effect that
// hand the role a task, assets and risks it owns or keeps, authorities it
// approves, the policy's overall responsibility). Duties are grouped by role,
// the held roles first (sorted), then the deputy roles. NobodyCanAct is true
// when the person is not active today. An id that names no person and holds
// no role is an error wrapping ErrNotFound.
func (q *Querier) Person(personID string) (*Answer, error) {
	roles := q.x.RolesOf(personID)
	if q.x.Person(personID) == nil && len(roles) == 0 {
		return nil, fmt.Errorf("%w: no person %q (defined: %s)", ErrNotFound, personID,
			ids(q.reg.People, func(p *raci.Person) string { return p.ID }))
	}
	pa := &PersonAnswer{Person: q.person(personID), Roles: []HeldRole{}, DeputyFor: []string{}}
	ans := &Answer{Question: "what person " + personID + " is responsible for", AsOf: q.asOf, Duties: []Duty{}, Person: pa}
	for _, rid := range roles {
		h := HeldRole{Role: rid, Direct: slices.Contains(q.direct[rid], personID), Teams: slices.Clone(q.viaTeam[rid][personID])}
		if r := q.x.Role(rid); r != nil {
			h.RoleName = r.Name
		}
		pa.Roles = append(pa.Roles, h)
		ans.Duties = append(ans.Duties, q.roleDuties(rid)...)
	}
	for _, r := range q.reg.Roles {
		if slices.Contains(r.Deputies, personID) && !slices.Contains(roles, r.ID) {
			pa.DeputyFor = append(pa.DeputyFor, r.ID)
			ans.Duties = append(ans.Duties, q.roleDuties(r.ID)...)
		}
	}
	ans.NobodyCanAct = !pa.Person.CanAct
	return ans, nil
}

// roleDuties lists every duty of the role, in the register's order of entity
// lists: the policy, activities (with delegations), assets, risks,
// authorities.
func (q *Querier) roleDuties(rid string) []Duty {
	var out []Duty
	if p := q.reg.Policy; p != nil && p.OverallResponsibility == rid {
		out = append(out, q.duty(OverallResponsibility, "policy", p.Title, rid, ""))
	}
	for i := range q.reg.Activities {
		a := &q.reg.Activities[i]
		for _, rel := range raciRelations {
			if slices.Contains(raciList(a.RACI, rel), rid) {
				out = append(out, q.duty(rel, "activity:"+a.ID, a.Name, rid, ""))
			}
		}
	}
	for i := range q.reg.Delegations {
		d := &q.reg.Delegations[i]
		if d.To == rid && q.inEffect(d) {
			name := ""
			if a := q.x.Activity(d.Activity); a != nil {
				name = a.Name
			}
			out = append(out, q.duty(Responsible, "activity:"+d.Activity, name, rid, "delegation:"+d.ID))
		}
	}
	for _, a := range q.reg.Assets {
		if a.Owner == rid {
			out = append(out, q.duty(Owner, "asset:"+a.ID, a.Name, rid, ""))
		}
		if a.Custodian == rid {
			out = append(out, q.duty(Custodian, "asset:"+a.ID, a.Name, rid, ""))
		}
	}
	for _, k := range q.reg.Risks {
		if k.Owner == rid {
			out = append(out, q.duty(Owner, "risk:"+k.ID, k.Title, rid, ""))
		}
	}
	for _, a := range q.reg.Authorities {
		if a.Approver == rid {
			out = append(out, q.duty(Approver, "authority:"+a.ID, string(a.Decision), rid, ""))
		}
	}
	return out
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
