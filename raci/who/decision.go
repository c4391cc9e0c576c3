package who

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/rolecall/rolecall/raci"
)

var decisions = []raci.Decision{raci.DecisionGrantAccess, raci.DecisionApproveException, raci.DecisionApproveSupplier,
	raci.DecisionAcceptRisk, raci.DecisionApproveChange, raci.DecisionOther}

// DecisionQuery is a decision to be taken: its kind and what it concerns.
type DecisionQuery struct {
	// Decision is the kind of decision (grant_access, approve_supplier, ...).
	Decision raci.Decision
	// Assets are the assets the decision concerns. An authority limited to
	// assets applies only when it lists one of them, so with no Assets only the
	// authorities without an asset limit apply.
	Assets []string
	// Level is, for accept_risk, the residual level to accept; high when empty.
	// An authority applies only when its max_risk_level is absent or at least
	// Level. Other decisions ignore it.
	Level raci.RiskLevel
	// Owner is, for accept_risk, the risk's owner role: up to the parameter
	// owner_may_accept_up_to its holders may accept the risk through ownership.
	Owner string
	// Risk is, for accept_risk, the id of a risk of the register: Assets, Level
	// and Owner are then the risk's (leave them empty), exactly as rule
	// A52-RISK-004 judges the risk's acceptance.
	Risk string
	// Scope, when set, restricts the answer to authorities whose scope is
	// unwritten or mentions every word of Scope (case-insensitive, whole
	// words): "personal data" selects an approve_supplier authority scoped to
	// "suppliers that host or process personal data" and drops one scoped to
	// "other suppliers". The rules do not read scopes; read each authority's
	// scope in the answer.
	Scope string
}

// DecisionAnswer details who may take a decision.
type DecisionAnswer struct {
	Decision raci.Decision `json:"decision"`
	Assets   []string      `json:"assets,omitempty"`
	// Level is the residual level judged, for accept_risk.
	Level raci.RiskLevel `json:"level,omitempty"`
	// Owner is the risk's owner role, for accept_risk.
	Owner string `json:"owner,omitempty"`
	Risk  string `json:"risk,omitempty"`
	Scope string `json:"scope,omitempty"`
	// OwnerMayAccept is true when, for accept_risk, the owner's holders are
	// entitled through ownership (Level is at most owner_may_accept_up_to).
	OwnerMayAccept bool `json:"owner_may_accept"`
	// SeniorRequired is true when, for accept_risk, the entitled person must
	// also hold a senior_management role (Level is at least
	// senior_acceptance_from).
	SeniorRequired bool `json:"senior_required"`
	// Authorities are every authority of the decision, each saying whether it
	// applies and, when not, why.
	Authorities []AuthorityOption `json:"authorities"`
	// People are the people entitled to take the decision, sorted by id: the
	// defined holders of an applying authority's approver role (or of the
	// owner role), whatever their status; Person.CanAct says who can act today.
	People []Entitled `json:"people"`
	// UndefinedAssets are the asset ids of the question that the register does
	// not define (a typo, or an asset of the risk that is not defined): no
	// authority limited to assets can apply through them unless it lists them too.
	UndefinedAssets []string `json:"undefined_assets,omitempty"`
	// NotSenior are the people an authority or ownership would entitle who do
	// not hold a senior_management role, when SeniorRequired.
	NotSenior []Person `json:"not_senior,omitempty"`
}

// AuthorityOption is an authority of the decision asked about.
type AuthorityOption struct {
	Authority    string         `json:"authority"`
	Approver     string         `json:"approver"`
	Scope        string         `json:"scope,omitempty"`
	Assets       []string       `json:"assets,omitempty"`
	MaxRiskLevel raci.RiskLevel `json:"max_risk_level,omitempty"`
	// Applies is true when the authority covers the decision; Reason says why
	// it does not.
	Applies bool   `json:"applies"`
	Reason  string `json:"reason,omitempty"`
}

// Entitled is a person entitled to take a decision, and through what.
type Entitled struct {
	Person
	// Via lists what entitles the person: authority:ID for an authority,
	// owner:ROLE for ownership of the risk.
	Via []string `json:"via"`
}

// Includes reports whether the person is entitled to take the decision.
func (d *DecisionAnswer) Includes(personID string) bool {
	return slices.ContainsFunc(d.People, func(e Entitled) bool { return e.ID == personID })
}

// MayDecide answers who may take the decision. An authority applies when its
// decision is the one asked, it is not limited to assets or lists one of
// q.Assets, for accept_risk its max_risk_level is absent or at least the
// level, and its scope matches q.Scope (see DecisionQuery.Scope). The holders
// of the approver role of an applying authority who are defined people are
// entitled; for accept_risk, so are the holders of the owner role up to
// owner_may_accept_up_to, and from senior_acceptance_from on only those who
// also hold a senior_management role. For a risk acceptance this is exactly
// the entitlement of rule A52-RISK-004 (which does not look at status: a
// leaver's past acceptance stays entitled, and People says who can act today).
//
// The duties of the answer are the approver roles of the applying authorities
// (and the owner role when ownership entitles), with their holders. An
// unknown decision or level, or Risk given with Assets, Level or Owner, is an
// error wrapping ErrInvalid; a Risk the register does not define, an error
// wrapping ErrNotFound.
func (q *Querier) MayDecide(dq DecisionQuery) (*Answer, error) {
	if !slices.Contains(decisions, dq.Decision) {
		return nil, fmt.Errorf("%w: decision %q: expected one of grant_access, approve_exception, approve_supplier, accept_risk, approve_change, other", ErrInvalid, dq.Decision)
	}
	var riskTitle string
	if dq.Risk != "" {
		if dq.Decision != raci.DecisionAcceptRisk || len(dq.Assets) > 0 || dq.Level != "" || dq.Owner != "" {
			return nil, fmt.Errorf("%w: a question about risk %q is an accept_risk decision that takes its assets, level and owner from the risk; found decision %s with assets %v, level %q, owner %q",
				ErrInvalid, dq.Risk, dq.Decision, dq.Assets, dq.Level, dq.Owner)
		}
		k := q.x.Risk(dq.Risk)
		if k == nil {
			return nil, fmt.Errorf("%w: no risk %q (defined: %s)", ErrNotFound, dq.Risk,
				ids(q.reg.Risks, func(k *raci.Risk) string { return k.ID }))
		}
		dq.Assets, dq.Level, dq.Owner, riskTitle = k.Assets, levelOf(k), k.Owner, k.Title
	}
	risk := dq.Decision == raci.DecisionAcceptRisk
	if risk && dq.Level == "" {
		dq.Level = raci.RiskHigh
	}
	if risk && rank(dq.Level) < 0 {
		return nil, fmt.Errorf("%w: risk level %q: expected one of %s", ErrInvalid, dq.Level, levelList)
	}
	da := &DecisionAnswer{Decision: dq.Decision, Assets: slices.Clone(dq.Assets), Risk: dq.Risk, Scope: dq.Scope,
		Authorities: []AuthorityOption{}, People: []Entitled{}}
	for _, id := range dq.Assets {
		if q.x.Asset(id) == nil && !slices.Contains(da.UndefinedAssets, id) {
			da.UndefinedAssets = append(da.UndefinedAssets, id)
		}
	}
	if risk {
		da.Level, da.Owner = dq.Level, dq.Owner
		da.OwnerMayAccept = dq.Owner != "" && rank(dq.Level) <= rank(q.cfg.ownerUpTo)
		da.SeniorRequired = rank(dq.Level) >= rank(q.cfg.seniorFrom)
	}
	ans := &Answer{Question: decisionQuestion(dq), AsOf: q.asOf, Duties: []Duty{}, Decision: da}

	via := map[string][]string{} // person id -> what entitles them
	entitle := func(roleID, why string) {
		for _, pid := range q.x.HoldersOf(roleID) {
			if q.x.Person(pid) != nil && !slices.Contains(via[pid], why) {
				via[pid] = append(via[pid], why)
			}
		}
	}
	for _, a := range q.reg.Authorities {
		if a.Decision != dq.Decision {
			continue
		}
		opt := AuthorityOption{Authority: a.ID, Approver: a.Approver, Scope: a.Scope, Assets: slices.Clone(a.Assets)}
		if risk {
			opt.MaxRiskLevel = a.MaxRiskLevel
		}
		opt.Reason = q.notApplying(a, dq)
		opt.Applies = opt.Reason == ""
		da.Authorities = append(da.Authorities, opt)
		if opt.Applies {
			ans.Duties = append(ans.Duties, q.duty(Approver, "authority:"+a.ID, string(a.Decision), a.Approver, ""))
			entitle(a.Approver, "authority:"+a.ID)
		}
	}
	if da.OwnerMayAccept {
		subject := "risk:" + dq.Risk
		if dq.Risk == "" {
			subject = "role:" + dq.Owner
		}
		ans.Duties = append(ans.Duties, q.duty(Owner, subject, riskTitle, dq.Owner, ""))
		entitle(dq.Owner, "owner:"+dq.Owner)
	}
	pids := make([]string, 0, len(via))
	for pid := range via {
		pids = append(pids, pid)
	}
	slices.Sort(pids)
	for _, pid := range pids {
		if da.SeniorRequired && !q.holdsSenior(pid) {
			da.NotSenior = append(da.NotSenior, q.person(pid))
			continue
		}
		da.People = append(da.People, Entitled{Person: q.person(pid), Via: via[pid]})
	}
	ans.NobodyCanAct = !slices.ContainsFunc(da.People, func(e Entitled) bool { return e.CanAct })
	return ans, nil
}

// notApplying says why the authority does not cover the decision, or "" when
// it does.
func (q *Querier) notApplying(a raci.Authority, dq DecisionQuery) string {
	if len(a.Assets) > 0 && !slices.ContainsFunc(a.Assets, func(id string) bool { return slices.Contains(dq.Assets, id) }) {
		if len(dq.Assets) == 0 {
			return fmt.Sprintf("limited to assets %s; the question names no asset", strings.Join(a.Assets, ", "))
		}
		return fmt.Sprintf("limited to assets %s, none of %s", strings.Join(a.Assets, ", "), strings.Join(dq.Assets, ", "))
	}
	if dq.Decision == raci.DecisionAcceptRisk && a.MaxRiskLevel != "" && rank(a.MaxRiskLevel) < rank(dq.Level) {
		return fmt.Sprintf("max_risk_level %s is below %s", a.MaxRiskLevel, dq.Level)
	}
	if want := words(dq.Scope); len(want) > 0 && a.Scope != "" {
		have := words(a.Scope)
		var missing []string
		for _, w := range want {
			if !slices.Contains(have, w) {
				missing = append(missing, w)
			}
		}
		if len(missing) > 0 {
			return fmt.Sprintf("scope %q does not mention %s", a.Scope, strings.Join(missing, ", "))
		}
	}
	return ""
}

// holdsSenior reports whether the defined person holds a defined role of kind
// senior_management, directly or through a team.
func (q *Querier) holdsSenior(pid string) bool {
	if q.x.Person(pid) == nil {
		return false
	}
	for _, rid := range q.x.RolesOf(pid) {
		if r := q.x.Role(rid); r != nil && r.Kind == raci.KindSeniorManagement {
			return true
		}
	}
	return false
}

// words splits text into lower-case words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func decisionQuestion(dq DecisionQuery) string {
	var b strings.Builder
	fmt.Fprintf(&b, "who may decide %s", dq.Decision)
	if dq.Risk != "" {
		fmt.Fprintf(&b, " for risk %s", dq.Risk)
	}
	if dq.Decision == raci.DecisionAcceptRisk {
		fmt.Fprintf(&b, " at level %s", dq.Level)
	}
	if len(dq.Assets) > 0 {
		fmt.Fprintf(&b, " on %s", strings.Join(dq.Assets, ", "))
	}
	if dq.Owner != "" && dq.Risk == "" {
		fmt.Fprintf(&b, " owned by role %s", dq.Owner)
	}
	if dq.Scope != "" {
		fmt.Fprintf(&b, " within scope %q", dq.Scope)
	}
	return b.String()
}
