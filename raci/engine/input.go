package engine

import (
	"bytes"
	"encoding/json"
	"math"
	"unicode/utf8"

	"github.com/rolecall/rolecall/raci"

	"github.com/open-policy-agent/opa/v1/ast"
)

// registerValue returns the register as the Rego value json.Marshal(reg) would
// give, built directly from the model. Marshalling a large register to JSON and
// parsing it back cost more than a third of an evaluation; this walk allocates
// only the terms. The result must stay exactly what the JSON round trip gives
// (input_test.go compares the two): the same keys left out when empty
// (omitempty, omitzero), null for a nil list that is not omitted, dates as
// YYYY-MM-DD strings.
func registerValue(reg *raci.Register) (ast.Value, error) {
	b := &inputBuilder{terms: map[string]*ast.Term{}, dates: map[raci.Date]*ast.Term{}}
	items := []objItem{
		{kVersion, ast.IntNumberTerm(reg.Version)},
		{kOrganisation, b.organisation(&reg.Organisation)},
	}
	if reg.Policy != nil {
		items = append(items, objItem{kPolicy, b.policy(reg.Policy)})
	}
	items = append(items,
		objItem{kRoles, list(reg.Roles, true, b.role)},
		objItem{kPeople, list(reg.People, true, b.person)},
	)
	items = appendList(items, kTeams, reg.Teams, b.team)
	items = appendList(items, kAssets, reg.Assets, b.asset)
	items = appendList(items, kActivities, reg.Activities, b.activity)
	items = appendList(items, kAuthorities, reg.Authorities, b.authority)
	items = appendList(items, kDelegations, reg.Delegations, b.delegation)
	items = appendList(items, kRisks, reg.Risks, b.risk)
	items = appendList(items, kSegregation, reg.Segregation, b.conflict)
	items = appendList(items, kExceptions, reg.Exceptions, b.exception)
	if b.err != nil {
		return nil, b.err
	}
	return object(items), nil
}

// objItem is one key and value of an object under construction.
type objItem = [2]*ast.Term

var (
	kVersion, kOrganisation, kPolicy, kRoles, kPeople = key("version"), key("organisation"), key("policy"), key("roles"), key("people")
	kTeams, kAssets, kActivities, kAuthorities        = key("teams"), key("assets"), key("activities"), key("authorities")
	kDelegations, kRisks, kSegregation, kExceptions   = key("delegations"), key("risks"), key("segregation"), key("exceptions")
	kID, kName, kTitle, kAttributes                   = key("id"), key("name"), key("title"), key("attributes")
	kHandlesPersonalData, kApprovedBy, kApprovedOn    = key("handles_personal_data"), key("approved_by"), key("approved_on")
	kReviewedOn, kOverallResponsibility               = key("reviewed_on"), key("overall_responsibility")
	kKind, kFunction, kDuties, kCompetences           = key("kind"), key("function"), key("duties"), key("competences")
	kEmail, kEmployment, kStatus, kJobDescription     = key("email"), key("employment"), key("status"), key("job_description_has_security_duties")
	kAcknowledgements, kInduction, kAwareness         = key("acknowledgements"), key("induction"), key("awareness_training")
	kAchievedOn, kExpiresOn, kEvidence, kMembers      = key("achieved_on"), key("expires_on"), key("evidence"), key("members")
	kType, kOwner, kCustodian, kClassification        = key("type"), key("owner"), key("custodian"), key("classification")
	kPersonalData, kProcess, kRACI, kFrequency        = key("personal_data"), key("process"), key("raci"), key("frequency")
	kLastPerformed, kSignedOff, kResponsible          = key("last_performed"), key("signed_off"), key("responsible")
	kAccountable, kConsulted, kInformed, kBy, kDate   = key("accountable"), key("consulted"), key("informed"), key("by"), key("date")
	kDecision, kApprover, kScope, kMaxRiskLevel       = key("decision"), key("approver"), key("scope"), key("max_risk_level")
	kActivity, kFrom, kTo, kStartsOn, kReview         = key("activity"), key("from"), key("to"), key("starts_on"), key("review")
	kResidual, kTreatment, kAcceptance, kRationale    = key("residual"), key("treatment"), key("acceptance"), key("rationale")
	kReason, kRule, kSubject                          = key("reason"), key("rule"), key("subject")
)

func key(s string) *ast.Term { return ast.StringTerm(s) }

func object(items []objItem) ast.Value { return ast.NewObject(items...) }

// inputBuilder remembers the first error (an attribute JSON cannot hold). It
// shares one term between the equal values of the fields that repeat across a
// register (dates, enumerations, references to roles and people): fewer
// allocations to build the input, and fewer objects for the garbage collector to
// scan while the rules run. Terms are never modified, so sharing is safe (OPA
// shares interned terms the same way).
type inputBuilder struct {
	err   error
	terms map[string]*ast.Term
	dates map[raci.Date]*ast.Term
}

// str is a JSON string: json.Marshal replaces invalid UTF-8, so such a string
// takes the slow path to come out the same.
func str(s string) *ast.Term {
	if !utf8.ValidString(s) {
		b, _ := json.Marshal(s)
		var out string
		_ = json.Unmarshal(b, &out)
		s = out
	}
	return ast.StringTerm(s)
}

// shared is str for the values of fields that repeat across a register.
func (b *inputBuilder) shared(s string) *ast.Term {
	if t, ok := b.terms[s]; ok {
		return t
	}
	t := str(s)
	b.terms[s] = t
	return t
}

func (b *inputBuilder) date(d raci.Date) *ast.Term {
	if t, ok := b.dates[d]; ok {
		return t
	}
	t := ast.StringTerm(d.String())
	b.dates[d] = t
	return t
}

// list converts a slice; a nil slice is null unless omitted by the caller.
func list[T any](xs []T, nullIfNil bool, f func(*T) *ast.Term) *ast.Term {
	if xs == nil && nullIfNil {
		return ast.NullTerm()
	}
	terms := make([]*ast.Term, len(xs))
	for i := range xs {
		terms[i] = f(&xs[i])
	}
	return ast.ArrayTerm(terms...)
}

// appendList adds a list field tagged omitzero: left out when nil, [] when empty.
func appendList[T any](items []objItem, k *ast.Term, xs []T, f func(*T) *ast.Term) []objItem {
	if xs == nil {
		return items
	}
	return append(items, objItem{k, list(xs, false, f)})
}

// ids is a list of references, shared.
func (b *inputBuilder) ids(xs []string) *ast.Term {
	terms := make([]*ast.Term, len(xs))
	for i, s := range xs {
		terms[i] = b.shared(s)
	}
	return ast.ArrayTerm(terms...)
}

func strs(xs []string) *ast.Term {
	terms := make([]*ast.Term, len(xs))
	for i, s := range xs {
		terms[i] = str(s)
	}
	return ast.ArrayTerm(terms...)
}

// The helpers below append a field with the tag's omission rule.

func optStr(items []objItem, k *ast.Term, s string) []objItem { // omitempty
	if s == "" {
		return items
	}
	return append(items, objItem{k, str(s)})
}

func optStrs(items []objItem, k *ast.Term, xs []string) []objItem { // omitzero
	if xs == nil {
		return items
	}
	return append(items, objItem{k, strs(xs)})
}

func (b *inputBuilder) optShared(items []objItem, k *ast.Term, s string) []objItem { // omitempty
	if s == "" {
		return items
	}
	return append(items, objItem{k, b.shared(s)})
}

func (b *inputBuilder) optIDs(items []objItem, k *ast.Term, xs []string) []objItem { // omitzero
	if xs == nil {
		return items
	}
	return append(items, objItem{k, b.ids(xs)})
}

func (b *inputBuilder) optDate(items []objItem, k *ast.Term, d *raci.Date) []objItem { // omitempty pointer
	if d == nil {
		return items
	}
	return append(items, objItem{k, b.date(*d)})
}

func optBool(items []objItem, k *ast.Term, v *bool) []objItem { // omitempty pointer
	if v == nil {
		return items
	}
	return append(items, objItem{k, ast.BooleanTerm(*v)})
}

func (b *inputBuilder) attrs(items []objItem, a raci.Attributes) []objItem { // omitzero
	if a == nil {
		return items
	}
	return append(items, objItem{kAttributes, b.attrValue(map[string]any(a))})
}

// attrValue converts a free-form attribute value. Plain JSON values (what the
// loader produces) are converted directly; anything else goes through
// encoding/json, as the whole register used to.
func (b *inputBuilder) attrValue(v any) *ast.Term {
	if plainJSON(v) {
		if val, err := ast.InterfaceToValue(v); err == nil {
			return ast.NewTerm(val)
		}
	}
	raw, err := json.Marshal(v)
	if err == nil {
		var val ast.Value
		if val, err = ast.ValueFromReader(bytes.NewReader(raw)); err == nil {
			return ast.NewTerm(val)
		}
	}
	if b.err == nil {
		b.err = err
	}
	return ast.NullTerm()
}

// plainJSON reports whether v is made only of values that ast.InterfaceToValue
// converts exactly as encoding/json would write them.
func plainJSON(v any) bool {
	switch v := v.(type) {
	case nil, bool, json.Number:
		return true
	case string:
		return utf8.ValidString(v)
	case float64:
		return !math.IsNaN(v) && !math.IsInf(v, 0) && v == math.Trunc(v) && math.Abs(v) < 1<<53
	case int, int64:
		return true
	case []any:
		for _, e := range v {
			if !plainJSON(e) {
				return false
			}
		}
		return true
	case map[string]any:
		for k, e := range v {
			if !utf8.ValidString(k) || !plainJSON(e) {
				return false
			}
		}
		return true
	}
	return false
}

func (b *inputBuilder) organisation(o *raci.Organisation) *ast.Term {
	items := make([]objItem, 0, 6)
	items = append(items, objItem{kName, str(o.Name)})
	items = optBool(items, kHandlesPersonalData, o.HandlesPersonalData)
	items = b.optShared(items, kApprovedBy, o.ApprovedBy)
	items = b.optDate(items, kApprovedOn, o.ApprovedOn)
	items = b.optDate(items, kReviewedOn, o.ReviewedOn)
	items = b.attrs(items, o.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) policy(p *raci.Policy) *ast.Term {
	items := make([]objItem, 0, 6)
	items = append(items, objItem{kID, str(p.ID)}, objItem{kTitle, str(p.Title)})
	items = b.optShared(items, kApprovedBy, p.ApprovedBy)
	items = b.optDate(items, kApprovedOn, p.ApprovedOn)
	items = b.optShared(items, kOverallResponsibility, p.OverallResponsibility)
	items = b.attrs(items, p.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) role(r *raci.Role) *ast.Term {
	items := make([]objItem, 0, 7)
	items = append(items, objItem{kID, str(r.ID)}, objItem{kName, str(r.Name)},
		objItem{kKind, b.shared(string(r.Kind))}, objItem{kFunction, b.shared(string(r.Function))})
	items = optStrs(items, kDuties, r.Duties)
	items = b.optIDs(items, kCompetences, r.Competences)
	items = b.attrs(items, r.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) person(p *raci.Person) *ast.Term {
	items := make([]objItem, 0, 10)
	items = append(items, objItem{kID, str(p.ID)}, objItem{kName, str(p.Name)})
	items = optStr(items, kEmail, p.Email)
	items = b.optShared(items, kEmployment, string(p.Employment))
	items = b.optShared(items, kStatus, string(p.Status))
	items = b.optIDs(items, kRoles, p.Roles)
	items = optBool(items, kJobDescription, p.JobDescriptionHasSecurityDuties)
	if a := p.Acknowledgements; a != nil {
		ack := make([]objItem, 0, 3)
		ack = b.optDate(ack, kPolicy, a.Policy)
		ack = b.optDate(ack, kInduction, a.Induction)
		ack = b.optDate(ack, kAwareness, a.AwarenessTraining)
		items = append(items, objItem{kAcknowledgements, ast.NewTerm(object(ack))})
	}
	if p.Competences != nil {
		items = append(items, objItem{kCompetences, list(p.Competences, false, b.competenceRecord)})
	}
	items = b.attrs(items, p.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) competenceRecord(c *raci.CompetenceRecord) *ast.Term {
	items := make([]objItem, 0, 4)
	items = append(items, objItem{kID, b.shared(c.ID)}, objItem{kAchievedOn, b.date(c.AchievedOn)})
	items = b.optDate(items, kExpiresOn, c.ExpiresOn)
	items = optStr(items, kEvidence, c.Evidence)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) team(t *raci.Team) *ast.Term {
	items := make([]objItem, 0, 5)
	items = append(items, objItem{kID, str(t.ID)}, objItem{kName, str(t.Name)})
	items = optStrs(items, kMembers, t.Members)
	items = b.optIDs(items, kRoles, t.Roles)
	items = b.attrs(items, t.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) asset(a *raci.Asset) *ast.Term {
	items := make([]objItem, 0, 8)
	items = append(items, objItem{kID, str(a.ID)}, objItem{kName, str(a.Name)}, objItem{kType, b.shared(string(a.Type))})
	items = b.optShared(items, kOwner, a.Owner)
	items = b.optShared(items, kCustodian, a.Custodian)
	items = b.optShared(items, kClassification, string(a.Classification))
	items = optBool(items, kPersonalData, a.PersonalData)
	items = b.attrs(items, a.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) signature(s *raci.Signature) *ast.Term {
	return ast.NewTerm(object([]objItem{{kBy, b.shared(s.By)}, {kDate, b.date(s.Date)}}))
}

func (b *inputBuilder) activity(a *raci.Activity) *ast.Term {
	items := make([]objItem, 0, 9)
	items = append(items, objItem{kID, str(a.ID)}, objItem{kName, str(a.Name)}, objItem{kProcess, b.shared(string(a.Process))})
	if r := a.RACI; r != nil {
		raci := make([]objItem, 0, 4)
		raci = b.optIDs(raci, kResponsible, r.Responsible)
		raci = b.optIDs(raci, kAccountable, r.Accountable)
		raci = b.optIDs(raci, kConsulted, r.Consulted)
		raci = b.optIDs(raci, kInformed, r.Informed)
		items = append(items, objItem{kRACI, ast.NewTerm(object(raci))})
	}
	items = b.optIDs(items, kAssets, a.Assets)
	items = b.optShared(items, kFrequency, string(a.Frequency))
	items = b.optDate(items, kLastPerformed, a.LastPerformed)
	if a.SignedOff != nil {
		items = append(items, objItem{kSignedOff, b.signature(a.SignedOff)})
	}
	items = b.attrs(items, a.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) authority(a *raci.Authority) *ast.Term {
	items := make([]objItem, 0, 7)
	items = append(items, objItem{kID, str(a.ID)}, objItem{kDecision, b.shared(string(a.Decision))}, objItem{kApprover, b.shared(a.Approver)})
	items = optStr(items, kScope, a.Scope)
	items = b.optIDs(items, kAssets, a.Assets)
	items = b.optShared(items, kMaxRiskLevel, string(a.MaxRiskLevel))
	items = b.attrs(items, a.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) delegation(d *raci.Delegation) *ast.Term {
	items := make([]objItem, 0, 9)
	items = append(items, objItem{kID, str(d.ID)}, objItem{kActivity, b.shared(d.Activity)}, objItem{kFrom, b.shared(d.From)}, objItem{kTo, b.shared(d.To)})
	items = b.optShared(items, kScope, string(d.Scope))
	items = b.optDate(items, kStartsOn, d.StartsOn)
	items = b.optDate(items, kExpiresOn, d.ExpiresOn)
	if d.Review != nil {
		items = append(items, objItem{kReview, b.signature(d.Review)})
	}
	items = b.attrs(items, d.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) risk(r *raci.Risk) *ast.Term {
	items := make([]objItem, 0, 8)
	items = append(items, objItem{kID, str(r.ID)}, objItem{kTitle, str(r.Title)})
	items = b.optShared(items, kOwner, r.Owner)
	items = b.optIDs(items, kAssets, r.Assets)
	items = b.optShared(items, kResidual, string(r.Residual))
	items = b.optShared(items, kTreatment, string(r.Treatment))
	if a := r.Acceptance; a != nil {
		acc := make([]objItem, 0, 4)
		acc = append(acc, objItem{kBy, b.shared(a.By)}, objItem{kDate, b.date(a.Date)})
		acc = b.optDate(acc, kExpiresOn, a.ExpiresOn)
		acc = optStr(acc, kRationale, a.Rationale)
		items = append(items, objItem{kAcceptance, ast.NewTerm(object(acc))})
	}
	items = b.attrs(items, r.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) conflict(c *raci.Conflict) *ast.Term {
	items := make([]objItem, 0, 4)
	items = append(items, objItem{kID, str(c.ID)})
	if c.Roles == nil {
		items = append(items, objItem{kRoles, ast.NullTerm()})
	} else {
		items = append(items, objItem{kRoles, b.ids(c.Roles)})
	}
	items = optStr(items, kReason, c.Reason)
	items = b.attrs(items, c.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) exception(e *raci.Exception) *ast.Term {
	items := make([]objItem, 0, 7)
	items = append(items, objItem{kID, str(e.ID)}, objItem{kRule, b.shared(e.Rule)}, objItem{kSubject, str(e.Subject)},
		objItem{kReason, str(e.Reason)}, objItem{kApprovedBy, b.shared(e.ApprovedBy)}, objItem{kExpiresOn, b.date(e.ExpiresOn)})
	items = b.attrs(items, e.Attributes)
	return ast.NewTerm(object(items))
}
