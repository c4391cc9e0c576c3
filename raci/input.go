package raci

import (
	"bytes"
	"encoding/json"
	"math"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
)

// registerValue returns the register as the Rego value json.Marshal(reg) would
// give, built directly from the model. Marshalling a large register to JSON and
// parsing it back cost more than a third of an evaluation; this walk allocates
// only the terms. The result must stay exactly what the JSON round trip gives
// (input_test.go compares the two): the same keys left out when empty
// (omitempty, omitzero), null for a nil list that is not omitted, dates as
// YYYY-MM-DD strings.
func registerValue(reg *Register) (ast.Value, error) {
	b := &inputBuilder{}
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

// inputBuilder remembers the first error (an attribute JSON cannot hold).
type inputBuilder struct{ err error }

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

func date(d Date) *ast.Term { return ast.StringTerm(d.String()) }

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

func optDate(items []objItem, k *ast.Term, d *Date) []objItem { // omitempty pointer
	if d == nil {
		return items
	}
	return append(items, objItem{k, date(*d)})
}

func optBool(items []objItem, k *ast.Term, v *bool) []objItem { // omitempty pointer
	if v == nil {
		return items
	}
	return append(items, objItem{k, ast.BooleanTerm(*v)})
}

func (b *inputBuilder) attrs(items []objItem, a Attributes) []objItem { // omitzero
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

func (b *inputBuilder) organisation(o *Organisation) *ast.Term {
	items := make([]objItem, 0, 6)
	items = append(items, objItem{kName, str(o.Name)})
	items = optBool(items, kHandlesPersonalData, o.HandlesPersonalData)
	items = optStr(items, kApprovedBy, o.ApprovedBy)
	items = optDate(items, kApprovedOn, o.ApprovedOn)
	items = optDate(items, kReviewedOn, o.ReviewedOn)
	items = b.attrs(items, o.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) policy(p *Policy) *ast.Term {
	items := make([]objItem, 0, 6)
	items = append(items, objItem{kID, str(p.ID)}, objItem{kTitle, str(p.Title)})
	items = optStr(items, kApprovedBy, p.ApprovedBy)
	items = optDate(items, kApprovedOn, p.ApprovedOn)
	items = optStr(items, kOverallResponsibility, p.OverallResponsibility)
	items = b.attrs(items, p.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) role(r *Role) *ast.Term {
	items := make([]objItem, 0, 7)
	items = append(items, objItem{kID, str(r.ID)}, objItem{kName, str(r.Name)},
		objItem{kKind, str(string(r.Kind))}, objItem{kFunction, str(string(r.Function))})
	items = optStrs(items, kDuties, r.Duties)
	items = optStrs(items, kCompetences, r.Competences)
	items = b.attrs(items, r.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) person(p *Person) *ast.Term {
	items := make([]objItem, 0, 10)
	items = append(items, objItem{kID, str(p.ID)}, objItem{kName, str(p.Name)})
	items = optStr(items, kEmail, p.Email)
	items = optStr(items, kEmployment, string(p.Employment))
	items = optStr(items, kStatus, string(p.Status))
	items = optStrs(items, kRoles, p.Roles)
	items = optBool(items, kJobDescription, p.JobDescriptionHasSecurityDuties)
	if a := p.Acknowledgements; a != nil {
		ack := make([]objItem, 0, 3)
		ack = optDate(ack, kPolicy, a.Policy)
		ack = optDate(ack, kInduction, a.Induction)
		ack = optDate(ack, kAwareness, a.AwarenessTraining)
		items = append(items, objItem{kAcknowledgements, ast.NewTerm(object(ack))})
	}
	if p.Competences != nil {
		items = append(items, objItem{kCompetences, list(p.Competences, false, competenceRecord)})
	}
	items = b.attrs(items, p.Attributes)
	return ast.NewTerm(object(items))
}

func competenceRecord(c *CompetenceRecord) *ast.Term {
	items := make([]objItem, 0, 4)
	items = append(items, objItem{kID, str(c.ID)}, objItem{kAchievedOn, date(c.AchievedOn)})
	items = optDate(items, kExpiresOn, c.ExpiresOn)
	items = optStr(items, kEvidence, c.Evidence)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) team(t *Team) *ast.Term {
	items := make([]objItem, 0, 5)
	items = append(items, objItem{kID, str(t.ID)}, objItem{kName, str(t.Name)})
	items = optStrs(items, kMembers, t.Members)
	items = optStrs(items, kRoles, t.Roles)
	items = b.attrs(items, t.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) asset(a *Asset) *ast.Term {
	items := make([]objItem, 0, 8)
	items = append(items, objItem{kID, str(a.ID)}, objItem{kName, str(a.Name)}, objItem{kType, str(string(a.Type))})
	items = optStr(items, kOwner, a.Owner)
	items = optStr(items, kCustodian, a.Custodian)
	items = optStr(items, kClassification, string(a.Classification))
	items = optBool(items, kPersonalData, a.PersonalData)
	items = b.attrs(items, a.Attributes)
	return ast.NewTerm(object(items))
}

func signature(s *Signature) *ast.Term {
	return ast.NewTerm(object([]objItem{{kBy, str(s.By)}, {kDate, date(s.Date)}}))
}

func (b *inputBuilder) activity(a *Activity) *ast.Term {
	items := make([]objItem, 0, 9)
	items = append(items, objItem{kID, str(a.ID)}, objItem{kName, str(a.Name)}, objItem{kProcess, str(string(a.Process))})
	if r := a.RACI; r != nil {
		raci := make([]objItem, 0, 4)
		raci = optStrs(raci, kResponsible, r.Responsible)
		raci = optStrs(raci, kAccountable, r.Accountable)
		raci = optStrs(raci, kConsulted, r.Consulted)
		raci = optStrs(raci, kInformed, r.Informed)
		items = append(items, objItem{kRACI, ast.NewTerm(object(raci))})
	}
	items = optStrs(items, kAssets, a.Assets)
	items = optStr(items, kFrequency, string(a.Frequency))
	items = optDate(items, kLastPerformed, a.LastPerformed)
	if a.SignedOff != nil {
		items = append(items, objItem{kSignedOff, signature(a.SignedOff)})
	}
	items = b.attrs(items, a.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) authority(a *Authority) *ast.Term {
	items := make([]objItem, 0, 7)
	items = append(items, objItem{kID, str(a.ID)}, objItem{kDecision, str(string(a.Decision))}, objItem{kApprover, str(a.Approver)})
	items = optStr(items, kScope, a.Scope)
	items = optStrs(items, kAssets, a.Assets)
	items = optStr(items, kMaxRiskLevel, string(a.MaxRiskLevel))
	items = b.attrs(items, a.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) delegation(d *Delegation) *ast.Term {
	items := make([]objItem, 0, 9)
	items = append(items, objItem{kID, str(d.ID)}, objItem{kActivity, str(d.Activity)}, objItem{kFrom, str(d.From)}, objItem{kTo, str(d.To)})
	items = optStr(items, kScope, string(d.Scope))
	items = optDate(items, kStartsOn, d.StartsOn)
	items = optDate(items, kExpiresOn, d.ExpiresOn)
	if d.Review != nil {
		items = append(items, objItem{kReview, signature(d.Review)})
	}
	items = b.attrs(items, d.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) risk(r *Risk) *ast.Term {
	items := make([]objItem, 0, 8)
	items = append(items, objItem{kID, str(r.ID)}, objItem{kTitle, str(r.Title)})
	items = optStr(items, kOwner, r.Owner)
	items = optStrs(items, kAssets, r.Assets)
	items = optStr(items, kResidual, string(r.Residual))
	items = optStr(items, kTreatment, string(r.Treatment))
	if a := r.Acceptance; a != nil {
		acc := make([]objItem, 0, 4)
		acc = append(acc, objItem{kBy, str(a.By)}, objItem{kDate, date(a.Date)})
		acc = optDate(acc, kExpiresOn, a.ExpiresOn)
		acc = optStr(acc, kRationale, a.Rationale)
		items = append(items, objItem{kAcceptance, ast.NewTerm(object(acc))})
	}
	items = b.attrs(items, r.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) conflict(c *Conflict) *ast.Term {
	items := make([]objItem, 0, 4)
	items = append(items, objItem{kID, str(c.ID)})
	if c.Roles == nil {
		items = append(items, objItem{kRoles, ast.NullTerm()})
	} else {
		items = append(items, objItem{kRoles, strs(c.Roles)})
	}
	items = optStr(items, kReason, c.Reason)
	items = b.attrs(items, c.Attributes)
	return ast.NewTerm(object(items))
}

func (b *inputBuilder) exception(e *Exception) *ast.Term {
	items := make([]objItem, 0, 7)
	items = append(items, objItem{kID, str(e.ID)}, objItem{kRule, str(e.Rule)}, objItem{kSubject, str(e.Subject)},
		objItem{kReason, str(e.Reason)}, objItem{kApprovedBy, str(e.ApprovedBy)}, objItem{kExpiresOn, date(e.ExpiresOn)})
	items = b.attrs(items, e.Attributes)
	return ast.NewTerm(object(items))
}
