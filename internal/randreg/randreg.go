// Package randreg builds valid registers from a stream of decisions, for
// property tests (rapid) and fuzz targets (bytes): ids collide, references
// dangle, delegations form cycles, dates sit on both sides of every interval
// the rules use, and names hold awkward text. It is test support: programs
// must never import it.
package randreg

import (
	"encoding/json"
	"slices"

	"pgregory.net/rapid"

	"github.com/rolecall/rolecall/raci"
)

// Chooser supplies the builder's decisions: intn returns a number in [0, n).
type Chooser interface{ Intn(n int) int }

// ByteChooser draws decisions from fuzz bytes; once they run out every
// decision is 0, which makes the smallest register.
type ByteChooser struct {
	// Data are the fuzz bytes.
	Data []byte
	// Pos is the number of bytes used so far.
	Pos int
}

// Intn returns the next decision in [0, n).
func (c *ByteChooser) Intn(n int) int {
	if n <= 1 || c.Pos >= len(c.Data) {
		return 0
	}
	v := int(c.Data[c.Pos])
	c.Pos++
	if n > 256 && c.Pos < len(c.Data) {
		v = v<<8 | int(c.Data[c.Pos])
		c.Pos++
	}
	return v % n
}

// RapidChooser draws decisions from rapid, which shrinks them on failure.
type RapidChooser struct{ T *rapid.T }

// Intn draws a decision in [0, n).
func (c RapidChooser) Intn(n int) int {
	if n <= 1 {
		return 0
	}
	return rapid.IntRange(0, n-1).Draw(c.T, "c")
}

// Id pools. Entities take their ids from a pool and references pick from the
// pool plus one id nobody defines, so that references collide, dangle and (for
// delegations) form cycles. Some ids hold / and ~ to exercise JSON pointers.
var (
	poolRoles       = []string{"ceo", "ciso", "it-admin", "hr/lead", "ops~1", "dpo"}
	poolPeople      = []string{"alice", "bob", "carol", "dan", "eve/x"}
	poolTeams       = []string{"sec-team", "it~team"}
	poolAssets      = []string{"crm", "hr-db", "laptops", "s3/bucket"}
	poolActivities  = []string{"prov", "review", "backup", "ir", "patch", "vuln"}
	poolAuthorities = []string{"au1", "au2", "au3"}
	poolDelegations = []string{"d1", "d2", "d3"}
	poolRisks       = []string{"k1", "k2", "k3"}
	poolConflicts   = []string{"s1", "s2"}
	poolExceptions  = []string{"e1", "e2"}
	poolCompetences = []string{"cissp", "gdpr"}
	poolRuleIDs     = []string{"A52-ASSET-001", "A52-ROLE-002", "A52-COMM-001", "A52-SOD-001", "A52-REF-001", "A52-NOPE-001", "A52-EXC-001", "A52-EXC-002", "A52-ROLE-004", "A52-ACC-002"}
	poolNames       = []string{"x", "Chief Information Security Officer", "Zoë – ✓ 🚀", "  padded  ", "line\nbreak", "yes", "2026-01-01", "007", "del\x7f c1\u0080 ls\u2028 bom\ufeff"}
	ghost           = "ghost"

	roleKinds   = []string{"senior_management", "isms_manager", "ciso", "asset_owner", "process_owner", "risk_owner", "data_protection_officer", "incident_manager", "business_continuity_lead", "supplier_manager", "system_administrator", "internal_auditor", "staff", "other"}
	functions   = []string{"executive", "security", "it", "hr", "finance", "operations", "legal", "sales", "facilities", "engineering", "business", "other"}
	assetTypes  = []string{"saas", "cloud_service", "system", "application", "dataset", "shared_drive", "device", "network", "physical", "other"}
	classes     = []string{"public", "internal", "confidential", "restricted"}
	processes   = []string{"user_provisioning", "user_deprovisioning", "access_review", "vulnerability_management", "patch_management", "incident_management", "logging_monitoring", "backup_verification", "change_control", "supplier_due_diligence", "risk_assessment", "awareness_training", "physical_security_check", "internal_audit", "management_review", "other"}
	frequencies = []string{"daily", "weekly", "monthly", "quarterly", "semiannual", "annual", "on_event"}
	decisions   = []string{"grant_access", "approve_exception", "approve_supplier", "accept_risk", "approve_change", "other"}
	riskLevels  = []string{"low", "medium", "high", "critical"}
	treatments  = []string{"mitigate", "accept", "transfer", "avoid"}
	// dayOffsets place dates around the base date, on both sides of every
	// interval the rules use (365-day reviews, 14-day grace, quarters).
	// For each frequency's period P (daily 1, weekly 7, monthly 31, quarterly
	// 92, semiannual 183, annual 365) with the 14-day grace, P+13, P+14 and P+15
	// days before sit on both sides of "overdue".
	dayOffsets = []int{-800, -400, -380, -379, -378, -366, -365, -364, -200, -198, -197, -196, -107, -106, -105, -93, -92, -46, -45, -44,
		-31, -30, -22, -21, -20, -16, -15, -14, -13, -8, -1, 0, 1, 30, 365}
	baseDate = raci.MustDate("2026-06-30")
)

// Builder makes valid registers from a Chooser's decisions.
type Builder struct{ c Chooser }

// New returns a Builder drawing its decisions from c.
func New(c Chooser) *Builder { return &Builder{c: c} }

func (b *Builder) flip() bool               { return b.c.Intn(2) == 1 }
func (b *Builder) pick(xs []string) string  { return xs[b.c.Intn(len(xs))] }
func (b *Builder) ref(pool []string) string { return b.pick(append(pool[:len(pool):len(pool)], ghost)) }

// Date returns a date around the base date, on either side of the rules' intervals.
func (b *Builder) Date() raci.Date { return baseDate.AddDays(dayOffsets[b.c.Intn(len(dayOffsets))]) }

func (b *Builder) datePtr() *raci.Date {
	if !b.flip() {
		return nil
	}
	d := b.Date()
	return &d
}

func (b *Builder) boolPtr() *bool {
	if !b.flip() {
		return nil
	}
	v := b.flip()
	return &v
}

func (b *Builder) opt(xs []string) string {
	if !b.flip() {
		return ""
	}
	return b.pick(xs)
}

// ids returns a subset of pool (and sometimes the ghost id), without repeats:
// nil (absent), empty (written as []) or some ids.
func (b *Builder) ids(pool []string) []string {
	switch b.c.Intn(4) {
	case 0:
		return nil
	case 1:
		return []string{}
	}
	out := []string{}
	for _, id := range append(pool[:len(pool):len(pool)], ghost) {
		if b.c.Intn(3) == 0 {
			out = append(out, id)
		}
	}
	return out
}

// defined returns the pool ids that exist as entities.
func (b *Builder) defined(pool []string) []string {
	var out []string
	for _, id := range pool {
		if b.flip() {
			out = append(out, id)
		}
	}
	return out
}

func (b *Builder) attrs() raci.Attributes {
	switch b.c.Intn(4) {
	case 0, 1:
		return nil
	case 2:
		return raci.Attributes{}
	}
	return raci.Attributes{
		"tier":   json.Number(b.pick([]string{"1", "2.50", "-0", "1e3", "123456789012345678901234567890"})),
		"tags":   []any{"a", b.pick(poolNames)},
		"flag":   b.flip(),
		"nested": map[string]any{"k": nil, "<<": "merge?", "on": json.Number("0")},
	}
}

func (b *Builder) signature() *raci.Signature {
	if !b.flip() {
		return nil
	}
	return &raci.Signature{By: b.ref(poolPeople), Date: b.Date()}
}

// register builds a register. Lists are in pool order; tests shuffle them.
// Register returns a valid register.
func (b *Builder) Register() *raci.Register {
	r := &raci.Register{Version: 1, Roles: []raci.Role{}, People: []raci.Person{}}
	r.Organisation = raci.Organisation{Name: b.pick(poolNames), HandlesPersonalData: b.boolPtr(), DPORequired: b.boolPtr(), ApprovedBy: b.opt(append(poolPeople, ghost)),
		ApprovedOn: b.datePtr(), ReviewedOn: b.datePtr(), Attributes: b.attrs()}
	if b.flip() {
		r.Policy = &raci.Policy{ID: "pol-1", Title: b.pick(poolNames), ApprovedBy: b.opt(append(poolPeople, ghost)), ApprovedOn: b.datePtr(),
			OverallResponsibility: b.opt(append(poolRoles, ghost)), ReviewedOn: b.datePtr(), Attributes: b.attrs()}
	}
	for _, id := range b.defined(poolRoles) {
		role := raci.Role{ID: id, Name: b.pick(poolNames), Kind: raci.RoleKind(b.pick(roleKinds)), Function: raci.BusinessFunc(b.pick(functions)),
			Competences: b.ids(poolCompetences), ReportsTo: b.opt(append(poolRoles, ghost)), Deputies: b.ids(poolPeople), Attributes: b.attrs()}
		switch b.c.Intn(3) {
		case 1:
			role.Duties = []string{}
		case 2:
			role.Duties = []string{"Own the ISMS", b.pick(poolNames)}
		}
		r.Roles = append(r.Roles, role)
	}
	for _, id := range b.defined(poolPeople) {
		p := raci.Person{ID: id, Name: b.pick(poolNames), Email: b.opt([]string{"a@example.com", "x"}),
			Employment: raci.Employment(b.opt([]string{"employee", "contractor"})), Status: raci.Status(b.opt([]string{"active", "leaver", "on_leave"})),
			Roles: b.ids(poolRoles), JobDescriptionHasSecurityDuties: b.boolPtr(), Attributes: b.attrs()}
		if b.flip() {
			p.Acknowledgements = &raci.Acknowledgements{Policy: b.datePtr(), Induction: b.datePtr(), AwarenessTraining: b.datePtr()}
		}
		for _, cid := range b.ids(poolCompetences) {
			p.Competences = append(p.Competences, raci.CompetenceRecord{ID: cid, AchievedOn: b.Date(), ExpiresOn: b.datePtr(), Evidence: b.opt([]string{"cert.pdf"})})
		}
		r.People = append(r.People, p)
	}
	for _, id := range b.defined(poolTeams) {
		r.Teams = append(r.Teams, raci.Team{ID: id, Name: b.pick(poolNames), Members: b.ids(poolPeople), Roles: b.ids(poolRoles), Attributes: b.attrs()})
	}
	for _, id := range b.defined(poolAssets) {
		r.Assets = append(r.Assets, raci.Asset{ID: id, Name: b.pick(poolNames), Type: raci.AssetType(b.pick(assetTypes)),
			Owner: b.opt(append(poolRoles, ghost)), Custodian: b.opt(append(poolRoles, ghost)), Classification: raci.Classification(b.opt(classes)),
			PersonalData: b.boolPtr(), Attributes: b.attrs()})
	}
	for _, id := range b.defined(poolActivities) {
		a := raci.Activity{ID: id, Name: b.pick(poolNames), Process: raci.Process(b.pick(processes)), Assets: b.ids(poolAssets),
			Frequency: raci.Frequency(b.opt(frequencies)), LastPerformed: b.datePtr(), SignedOff: b.signature(), Attributes: b.attrs()}
		if b.flip() {
			a.RACI = &raci.RACI{Responsible: b.ids(poolRoles), Accountable: b.ids(poolRoles), Consulted: b.ids(poolRoles), Informed: b.ids(poolRoles)}
			if b.flip() {
				// most activities have one accountable role
				a.RACI.Accountable = []string{b.ref(poolRoles)}
			}
		}
		r.Activities = append(r.Activities, a)
	}
	for _, id := range b.defined(poolAuthorities) {
		// approve_exception and accept_risk more often: they decide waivers and acceptances
		decision := b.pick(append(decisions[:len(decisions):len(decisions)], "approve_exception", "approve_exception", "accept_risk"))
		r.Authorities = append(r.Authorities, raci.Authority{ID: id, Decision: raci.Decision(decision), Approver: b.ref(poolRoles),
			Scope: b.opt([]string{"suppliers that host personal data"}), Assets: b.ids(poolAssets), MaxRiskLevel: raci.RiskLevel(b.opt(riskLevels)), Attributes: b.attrs()})
	}
	// Sometimes a person holds a role that may approve exceptions, so that
	// exceptions they approve apply.
	var excApprover string
	if b.flip() {
		for _, p := range r.People {
			if len(p.Roles) > 0 && p.Roles[0] != ghost {
				r.Authorities = append(r.Authorities, raci.Authority{ID: "au-exc", Decision: "approve_exception", Approver: p.Roles[0]})
				excApprover = p.ID
				break
			}
		}
	}
	for _, id := range b.defined(poolDelegations) {
		r.Delegations = append(r.Delegations, raci.Delegation{ID: id, Activity: b.ref(poolActivities), From: b.ref(poolRoles), To: b.ref(poolRoles),
			Scope: raci.DelegationScope(b.opt([]string{"responsible", "accountable"})), StartsOn: b.datePtr(), ExpiresOn: b.datePtr(),
			Review: b.signature(), Attributes: b.attrs()})
	}
	for _, id := range b.defined(poolRisks) {
		k := raci.Risk{ID: id, Title: b.pick(poolNames), Owner: b.opt(append(poolRoles, ghost)), Assets: b.ids(poolAssets),
			Residual: raci.RiskLevel(b.opt(riskLevels)), Treatment: raci.Treatment(b.opt(treatments)), Attributes: b.attrs()}
		if b.flip() {
			k.Acceptance = &raci.Acceptance{By: b.ref(poolPeople), Date: b.Date(), ExpiresOn: b.datePtr(), Rationale: b.opt([]string{"cheaper"}),
				Residual: raci.RiskLevel(b.opt(riskLevels))}
		}
		r.Risks = append(r.Risks, k)
	}
	for _, id := range b.defined(poolConflicts) {
		pool := append(poolRoles[:len(poolRoles):len(poolRoles)], ghost)
		i := b.c.Intn(len(pool))
		j := (i + 1 + b.c.Intn(len(pool)-1)) % len(pool)
		r.Segregation = append(r.Segregation, raci.Conflict{ID: id, Roles: []string{pool[i], pool[j]}, Reason: b.opt([]string{"maker and checker"}), Attributes: b.attrs()})
	}
	subjects := []string{"organisation", "policy", "role-kind:data_protection_officer", "process:access_review", "decision:accept_risk", "function:it",
		"role-kind:internal_auditor", "process:management_review", "asset:" + ghost, "role-kind:boss", "exception:e1", "authority:au1"}
	for _, p := range [][2]any{{"role", poolRoles}, {"person", poolPeople}, {"asset", poolAssets}, {"activity", poolActivities}, {"risk", poolRisks}, {"team", poolTeams}, {"delegation", poolDelegations}, {"segregation", poolConflicts}} {
		for _, id := range p[1].([]string) {
			subjects = append(subjects, p[0].(string)+":"+id)
		}
	}
	// pairs of a rule and a subject it often reports, so that exceptions apply
	likely := [][2]string{{"A52-ROLE-002", "role:"}, {"A52-ROLE-003", "role:"}, {"A52-COMM-001", "person:"}, {"A52-COMM-002", "person:"}, {"A52-ASSET-001", "asset:"}, {"A52-PROC-003", "activity:"}}
	likelyPool := map[string][]string{"role:": poolRoles, "person:": poolPeople, "asset:": poolAssets, "activity:": poolActivities}
	for _, id := range b.defined(poolExceptions) {
		e := raci.Exception{ID: id, Rule: b.pick(poolRuleIDs), Subject: b.pick(subjects), Reason: "compensating control",
			ApprovedBy: b.ref(poolPeople), ExpiresOn: b.Date(), Attributes: b.attrs()}
		if b.flip() {
			l := likely[b.c.Intn(len(likely))]
			e.Rule, e.Subject = l[0], l[1]+b.pick(likelyPool[l[1]])
			if excApprover != "" {
				e.ApprovedBy = excApprover
				// valid after every evaluation date the tests draw, so it applies
				e.ExpiresOn = baseDate.AddDays(400)
			}
		}
		r.Exceptions = append(r.Exceptions, e)
	}
	b.shapes(r, excApprover)
	// Optional lists with no entities are absent or written as [].
	if b.flip() {
		for _, l := range []any{&r.Teams, &r.Assets, &r.Activities, &r.Authorities, &r.Delegations, &r.Risks, &r.Segregation, &r.Exceptions} {
			switch l := l.(type) {
			case *[]raci.Team:
				emptyList(l)
			case *[]raci.Asset:
				emptyList(l)
			case *[]raci.Activity:
				emptyList(l)
			case *[]raci.Authority:
				emptyList(l)
			case *[]raci.Delegation:
				emptyList(l)
			case *[]raci.Risk:
				emptyList(l)
			case *[]raci.Conflict:
				emptyList(l)
			case *[]raci.Exception:
				emptyList(l)
			}
		}
	}
	return r
}

func emptyList[T any](l *[]T) {
	if *l == nil {
		*l = []T{}
	}
}

// shapes rewrites parts of r, each with a probability of one in four, into the
// situations that independent random choices almost never produce but rules
// exist for: a business asset owned by IT (A52-ASSET-002), one role accountable
// for everything (A52-PROC-004), the ISMS manager auditing the ISMS
// (A52-SOD-002), an access review not accountable to the owner (A52-ACC-001), a
// delegation across a segregation conflict (A52-DELEG-006) and a delegation
// cycle of three steps (A52-DELEG-005); and, when excApprover may approve
// exceptions, an exception that waives a finding the register surely has.
// Every id it uses is defined, so the register stays valid.
func (b *Builder) shapes(r *raci.Register, excApprover string) {
	roleAt := func(i int) *raci.Role { return &r.Roles[i%len(r.Roles)] }
	if len(r.Roles) >= 2 && len(r.Assets) > 0 && b.c.Intn(4) == 0 {
		owner := roleAt(b.c.Intn(len(r.Roles)))
		owner.Function = "it"
		a := &r.Assets[b.c.Intn(len(r.Assets))]
		a.Type = raci.AssetType(b.pick([]string{"saas", "dataset", "application", "shared_drive"}))
		a.Owner = owner.ID
	}
	if len(r.Roles) > 0 && len(r.Activities) >= 4 && b.c.Intn(4) == 0 {
		boss := roleAt(b.c.Intn(len(r.Roles))).ID
		for i := range r.Activities {
			if r.Activities[i].RACI == nil {
				r.Activities[i].RACI = &raci.RACI{}
			}
			r.Activities[i].RACI.Accountable = []string{boss}
		}
	}
	if len(r.Roles) >= 2 && len(r.People) > 0 && b.c.Intn(4) == 0 {
		i := b.c.Intn(len(r.Roles))
		manager, auditor := roleAt(i), roleAt(i+1)
		manager.Kind = raci.RoleKind(b.pick([]string{"isms_manager", "ciso"}))
		auditor.Kind = "internal_auditor"
		p := &r.People[b.c.Intn(len(r.People))]
		p.Roles = p.Roles[:len(p.Roles):len(p.Roles)]
		for _, id := range []string{manager.ID, auditor.ID} {
			if !slices.Contains(p.Roles, id) {
				p.Roles = append(p.Roles, id)
			}
		}
		p.Status = raci.Status(b.opt([]string{"active", "on_leave"}))
	}
	if len(r.Roles) >= 2 && len(r.Assets) > 0 && len(r.Activities) > 0 && b.c.Intn(4) == 0 {
		i := b.c.Intn(len(r.Roles))
		a := &r.Assets[b.c.Intn(len(r.Assets))]
		a.Owner = roleAt(i).ID
		act := &r.Activities[b.c.Intn(len(r.Activities))]
		act.Process = "access_review"
		act.Assets = []string{a.ID}
		act.RACI = &raci.RACI{Responsible: []string{roleAt(i + 1).ID}, Accountable: []string{roleAt(i + 1).ID}}
	}
	if len(r.Roles) >= 3 && len(r.Activities) > 0 && b.c.Intn(4) == 0 {
		i := b.c.Intn(len(r.Roles))
		doer, partner, from := roleAt(i).ID, roleAt(i+1).ID, roleAt(i+2).ID
		act := &r.Activities[b.c.Intn(len(r.Activities))]
		act.RACI = &raci.RACI{Responsible: []string{doer}, Accountable: []string{from}}
		r.Segregation = append(r.Segregation, raci.Conflict{ID: "s-deleg", Roles: []string{doer, partner}, Reason: "maker and checker"})
		r.Delegations = append(r.Delegations, raci.Delegation{ID: "d-sod", Activity: act.ID, From: from, To: partner, Scope: "responsible"})
	}
	if len(r.Roles) >= 3 && len(r.Activities) > 0 && b.c.Intn(4) == 0 {
		i := b.c.Intn(len(r.Roles))
		act := r.Activities[b.c.Intn(len(r.Activities))].ID
		for step := range 3 {
			r.Delegations = append(r.Delegations, raci.Delegation{ID: "d-cycle-" + string(rune('a'+step)), Activity: act,
				From: roleAt(i + step).ID, To: roleAt(i + step + 1).ID, Review: b.signature()})
			if step == 2 {
				// close the cycle on the first role
				r.Delegations[len(r.Delegations)-1].To = roleAt(i).ID
			}
		}
	}
	if excApprover != "" && b.flip() {
		for _, role := range r.Roles {
			if len(role.Duties) == 0 {
				// A52-ROLE-003 reports this role; the exception waives it.
				r.Exceptions = append(r.Exceptions, raci.Exception{ID: "e-waive", Rule: "A52-ROLE-003", Subject: "role:" + role.ID,
					Reason: "duties being written", ApprovedBy: excApprover, ExpiresOn: baseDate.AddDays(400)})
				break
			}
		}
	}
}
