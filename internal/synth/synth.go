// Package synth generates deterministic synthetic registers shaped like a large
// organisation, for benchmarks and tests. It is not public API.
//
// For n people a register has n/50 roles, n/25 teams of about 12 members, n/5
// assets, n/50 activities (every process but one covered), n/100 authorities, n/50
// delegations, n/10 risks, 20 segregation conflicts and n/500 exceptions (with
// small floors so that tiny registers still exercise every rule). About 3% of
// every kind of entity carries a gap, so that every bundled rule has findings when
// the register is evaluated as of AsOf; a few register-wide gaps (no data
// protection officer, an unapproved register and policy, a missing process and a
// missing decision authority) make the global rules fire too.
//
// The same n and seed always give the same register, byte for byte. It is
// test and benchmark support: library packages must never import it.
package synth

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/rolecall/rolecall/raci"
)

// AsOf is the evaluation date the generated registers are meant for: every date
// in them is placed relative to it.
var AsOf = raci.MustDate("2026-06-30")

// gapRate is the share of entities of each kind that carry a gap.
const gapRate = 0.03

var (
	// The kinds and functions general roles cycle through. Security kinds are
	// kept for the fixed roles so that risk ownership gaps stay deliberate.
	generalKinds = []raci.RoleKind{"asset_owner", "process_owner", "risk_owner", "incident_manager",
		"business_continuity_lead", "supplier_manager", "system_administrator", "staff", "other"}
	businessFuncs = []raci.BusinessFunc{"hr", "finance", "operations", "legal", "sales", "facilities", "engineering", "business"}
	assetTypes    = []raci.AssetType{"saas", "cloud_service", "system", "application", "dataset", "shared_drive", "device", "network", "physical", "other"}
	classes       = []raci.Classification{"public", "internal", "confidential", "restricted"}
	// processes covers every process but physical_security_check, which is the
	// register's A52-PROC-001 gap.
	processes = []raci.Process{"user_provisioning", "user_deprovisioning", "access_review", "vulnerability_management",
		"patch_management", "incident_management", "logging_monitoring", "backup_verification", "change_control",
		"supplier_due_diligence", "risk_assessment", "awareness_training", "other"}
	frequencies = []raci.Frequency{"daily", "weekly", "monthly", "quarterly", "semiannual", "annual", "on_event"}
	periodDays  = map[raci.Frequency]int{"daily": 1, "weekly": 7, "monthly": 31, "quarterly": 92, "semiannual": 183, "annual": 366}
	levels      = []raci.RiskLevel{"low", "medium", "high", "critical"}
	ruleIDs     = []string{"A52-ROLE-003", "A52-COMM-001", "A52-COMM-002", "A52-ASSET-002", "A52-RISK-002", "A52-SOD-001"}
)

// Fixed people: p0 holds ceo, p1 cfo, p2 isms, p3 ciso, p4 it-admin.
const (
	ceoHolder  = "p0"
	cfoHolder  = "p1"
	ismsHolder = "p2"
)

type gen struct {
	r    *rand.Rand
	n    int
	reg  *raci.Register
	asOf raci.Date

	general   []string            // general role ids that get holders
	unheld    map[string]bool     // roles deliberately left without holders (A52-ROLE-002)
	byFunc    map[string][]string // allocatable general role ids by function
	itRoles   []string
	comps     map[string][]string // competences required by each role
	holders   map[string][]string // role id -> person ids holding it (direct or team)
	personIdx map[string]int
	activeIdx []int // indexes of active people
	assetIDs  []string
	conflicts []raci.Conflict
}

// Generate returns a register of n people (n >= 1) made from seed.
func Generate(n int, seed int64) *raci.Register {
	if n < 1 {
		n = 1
	}
	g := &gen{
		r:         rand.New(rand.NewPCG(uint64(seed), 0x5eed_0f_1a52)),
		n:         n,
		asOf:      AsOf,
		unheld:    map[string]bool{},
		byFunc:    map[string][]string{},
		comps:     map[string][]string{},
		holders:   map[string][]string{},
		personIdx: map[string]int{},
	}
	g.reg = &raci.Register{Version: 1}
	g.roles()
	g.defineConflicts()
	g.people()
	g.teams()
	g.competences()
	g.assets()
	g.activities()
	g.authorities()
	g.delegations()
	g.risks()
	g.segregation()
	g.exceptions()
	g.header()
	return g.reg
}

// JSON returns Generate(n, seed) as compact JSON.
func JSON(n int, seed int64) []byte {
	b, err := json.Marshal(Generate(n, seed))
	if err != nil {
		panic(err)
	}
	return b
}

// YAML returns Generate(n, seed) as YAML.
func YAML(n int, seed int64) []byte {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(Generate(n, seed)); err != nil {
		panic(err)
	}
	_ = enc.Close()
	return buf.Bytes()
}

// Limits returns loader limits large enough for a register of n people (the
// default 32 MiB size limit is below a 100,000-person YAML register).
func Limits(n int) raci.Limits {
	l := raci.DefaultLimits()
	if b := int64(n) * 1200; b > l.MaxBytes {
		l.MaxBytes = b
	}
	if v := n * 80; v > l.MaxValues {
		l.MaxValues = v
	}
	return l
}

func (g *gen) gap() bool { return g.r.Float64() < gapRate }

// forced reports whether item i of count is the one that carries a gap whatever
// the dice say, so that short lists still have one.
func forced(i, count int) bool { return i == count/2 }

func (g *gen) pick(ids []string) string { return ids[g.r.IntN(len(ids))] }

func (g *gen) daysAgo(lo, hi int) *raci.Date {
	d := g.asOf.AddDays(-(lo + g.r.IntN(hi-lo+1)))
	return &d
}

func ptr[T any](v T) *T { return &v }

func atLeast(v, floor int) int { return max(v, floor) }

func (g *gen) roles() {
	fixed := []raci.Role{
		{ID: "ceo", Name: "Chief Executive", Kind: "senior_management", Function: "executive"},
		{ID: "cfo", Name: "Chief Financial Officer", Kind: "senior_management", Function: "finance"},
		{ID: "isms", Name: "ISMS Manager", Kind: "isms_manager", Function: "security"},
		{ID: "ciso", Name: "Chief Information Security Officer", Kind: "ciso", Function: "security"},
		{ID: "it-admin", Name: "IT Administrator", Kind: "system_administrator", Function: "it"},
	}
	for i := range fixed {
		fixed[i].Duties = []string{"Leads " + fixed[i].Name + " duties"}
	}
	// No data protection officer although the organisation handles personal data:
	// the register's A52-ROLE-001 gap.
	count := atLeast(g.n/50, 20) - len(fixed)
	roles := fixed
	for i := range count {
		id := fmt.Sprintf("role-%d", i)
		role := raci.Role{ID: id, Name: fmt.Sprintf("Role %d", i), Kind: generalKinds[i%len(generalKinds)]}
		// Every fifth general role is an IT role; one in five of the rest is a
		// security role of a business kind (A52-RISK-002 gaps can pick them).
		switch {
		case i%5 == 1:
			role.Function = "it"
		case i%25 == 3:
			role.Function = "security"
		default:
			role.Function = businessFuncs[(i/2)%len(businessFuncs)]
		}
		if !(g.gap() || forced(i, count)) {
			role.Duties = []string{fmt.Sprintf("Duty %d.1", i), fmt.Sprintf("Duty %d.2", i)}
		}
		if i%3 == 0 {
			c := []string{fmt.Sprintf("comp-%d", i%10)}
			if i%6 == 0 {
				c = append(c, fmt.Sprintf("comp-%d", (i+3)%10))
			}
			role.Competences = c
			g.comps[id] = c
		}
		if g.gap() || forced(i+1, count) {
			g.unheld[id] = true
		} else {
			g.general = append(g.general, id)
			g.byFunc[string(role.Function)] = append(g.byFunc[string(role.Function)], id)
			if role.Function == "it" {
				g.itRoles = append(g.itRoles, id)
			}
		}
		roles = append(roles, role)
	}
	g.itRoles = append(g.itRoles, "it-admin")
	g.reg.Roles = roles
}

func (g *gen) people() {
	people := make([]raci.Person, g.n)
	ack := func() *raci.Acknowledgements {
		// The policy was approved 200 days before AsOf.
		a := &raci.Acknowledgements{Policy: g.daysAgo(10, 190), Induction: g.daysAgo(400, 3000), AwarenessTraining: g.daysAgo(5, 360)}
		switch x := g.r.Float64(); {
		case x < gapRate/2:
			a.Policy = nil
		case x < gapRate:
			a.Policy = g.daysAgo(210, 900)
		}
		switch x := g.r.Float64(); {
		case x < gapRate/2:
			a.AwarenessTraining = nil
		case x < gapRate:
			a.AwarenessTraining = g.daysAgo(370, 900)
		}
		return a
	}
	for i := range people {
		id := fmt.Sprintf("p%d", i)
		p := raci.Person{ID: id, Name: fmt.Sprintf("Person %d", i)}
		if i%4 == 0 {
			p.Email = id + "@example.org"
		}
		if i%10 == 7 {
			p.Employment = "contractor"
		}
		switch x := g.r.Float64(); {
		case i < 5:
		case x < 0.02:
			p.Status = "leaver"
		case x < 0.04:
			p.Status = "on_leave"
		}
		switch i {
		case 0:
			p.Roles = []string{"ceo"}
		case 1:
			p.Roles = []string{"cfo"}
		case 2:
			p.Roles = []string{"isms"}
		case 3:
			p.Roles = []string{"ciso"}
		case 4:
			p.Roles = []string{"it-admin"}
		default:
			switch x := g.r.Float64(); {
			case p.Status == "leaver" && x < 0.5:
				// A leaver whose roles were removed.
			case x < 0.05:
			case x < 0.85:
				p.Roles = []string{g.pick(g.general)}
			default:
				a, b := g.pick(g.general), g.pick(g.general)
				p.Roles = []string{a}
				if b != a {
					p.Roles = append(p.Roles, b)
				}
			}
			if i%40 == 13 && (i == 13 || g.r.Float64() < 0.1) {
				// Both roles of a segregation conflict (A52-SOD-001).
				p.Roles = slices.Clone(g.conflicts[g.r.IntN(19)].Roles)
			}
			if g.r.Float64() < 0.002 {
				// A reference to a role that does not exist (A52-REF-001).
				p.Roles = append(p.Roles, fmt.Sprintf("role-ghost-%d", i))
			}
		}
		if !g.gap() {
			p.JobDescriptionHasSecurityDuties = ptr(true)
		} else if g.r.IntN(2) == 0 {
			p.JobDescriptionHasSecurityDuties = ptr(false)
		}
		p.Acknowledgements = ack()
		if i%50 == 0 {
			p.Attributes = raci.Attributes{"cost_centre": fmt.Sprintf("cc-%d", i%97)}
		}
		people[i] = p
		g.personIdx[id] = i
		if p.Status == "" {
			g.activeIdx = append(g.activeIdx, i)
		}
		for _, rid := range p.Roles {
			g.holders[rid] = append(g.holders[rid], id)
		}
	}
	if len(g.activeIdx) == 0 {
		g.activeIdx = []int{0}
	}
	g.reg.People = people
}

func (g *gen) teams() {
	count := atLeast(g.n/25, 2)
	size := min(12, g.n)
	teams := make([]raci.Team, count)
	for i := range teams {
		t := raci.Team{ID: fmt.Sprintf("team-%d", i), Name: fmt.Sprintf("Team %d", i)}
		seen := map[string]bool{}
		for len(t.Members) < size {
			pid := fmt.Sprintf("p%d", g.r.IntN(g.n))
			if !seen[pid] {
				seen[pid] = true
				t.Members = append(t.Members, pid)
			}
		}
		if g.r.Float64() < gapRate/3 || forced(i, count) {
			// A member who is not defined (A52-REF-001).
			t.Members = append(t.Members, fmt.Sprintf("p-ghost-%d", i))
		}
		t.Roles = []string{g.pick(g.general)}
		g.holders[t.Roles[0]] = append(g.holders[t.Roles[0]], t.Members...)
		teams[i] = t
	}
	g.reg.Teams = teams
}

// competences gives every person a record of each competence their roles (direct
// or through teams) require; about 3% lack one or hold an expired one (A52-COMP-001).
func (g *gen) competences() {
	need := make([]map[string]bool, g.n)
	for rid, cs := range g.comps {
		for _, pid := range g.holders[rid] {
			i, ok := g.personIdx[pid]
			if !ok {
				continue
			}
			if need[i] == nil {
				need[i] = map[string]bool{}
			}
			for _, c := range cs {
				need[i][c] = true
			}
		}
	}
	for i := range g.reg.People {
		if len(need[i]) == 0 {
			continue
		}
		var recs []raci.CompetenceRecord
		for k := range 10 {
			c := fmt.Sprintf("comp-%d", k)
			if !need[i][c] {
				continue
			}
			rec := raci.CompetenceRecord{ID: c, AchievedOn: *g.daysAgo(30, 1500)}
			if g.r.IntN(3) == 0 {
				rec.ExpiresOn = g.daysAgo(-700, -10)
			}
			switch x := g.r.Float64(); {
			case x < gapRate/2:
				continue
			case x < gapRate:
				rec.ExpiresOn = g.daysAgo(1, 20)
			}
			recs = append(recs, rec)
		}
		g.reg.People[i].Competences = recs
	}
}

var businessTypes = map[raci.AssetType]bool{"saas": true, "dataset": true, "application": true, "shared_drive": true}

func (g *gen) businessRole() string {
	for {
		f := businessFuncs[g.r.IntN(len(businessFuncs))]
		if ids := g.byFunc[string(f)]; len(ids) > 0 {
			return g.pick(ids)
		}
	}
}

func (g *gen) assets() {
	count := atLeast(g.n/5, 10)
	assets := make([]raci.Asset, count)
	for i := range assets {
		a := raci.Asset{ID: fmt.Sprintf("asset-%d", i), Name: fmt.Sprintf("Asset %d", i),
			Type: assetTypes[i%len(assetTypes)], Classification: classes[g.r.IntN(len(classes))]}
		switch x := g.r.Float64(); {
		case x < gapRate || forced(i, count):
			// No owner (A52-ASSET-001).
		case businessTypes[a.Type] && (x < 2*gapRate || forced(i+1, count)):
			a.Owner = g.pick(g.itRoles) // IT owns a business asset (A52-ASSET-002).
		case x < 2*gapRate+0.002:
			a.Owner = fmt.Sprintf("role-ghost-asset-%d", i) // A52-REF-001.
		default:
			a.Owner = g.businessRole()
		}
		a.Custodian = g.pick(g.itRoles)
		if a.Type == "dataset" || a.Type == "saas" {
			a.PersonalData = ptr(i%3 == 0)
		}
		assets[i] = a
		g.assetIDs = append(g.assetIDs, a.ID)
	}
	g.reg.Assets = assets
}

func (g *gen) someAssets(k int) []string {
	var out []string
	for range k {
		id := g.pick(g.assetIDs)
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func (g *gen) activeHolder(rid string) (string, bool) {
	for _, pid := range g.holders[rid] {
		if i, ok := g.personIdx[pid]; ok && g.reg.People[i].Status == "" {
			return pid, true
		}
	}
	return "", false
}

func (g *gen) activities() {
	count := atLeast(g.n/50, len(processes)+1)
	acts := make([]raci.Activity, count)
	ops := g.byFunc["operations"]
	for i := range acts {
		a := raci.Activity{ID: fmt.Sprintf("act-%d", i), Name: fmt.Sprintf("Activity %d", i),
			Process: processes[i%len(processes)], Frequency: frequencies[i%len(frequencies)]}
		// Operations is accountable for about 60% of the activities, more than the
		// allowed share (A52-PROC-004); the other activities spread over the rest.
		var acc string
		if len(ops) > 0 && g.r.Float64() < 0.6 {
			acc = g.pick(ops)
		} else {
			acc = g.businessRole()
		}
		raciV := &raci.RACI{Accountable: []string{acc}, Consulted: []string{g.pick(g.general)}, Informed: []string{g.pick(g.general)}}
		switch x := g.r.Float64(); {
		case x < gapRate/2 || forced(i, count):
			raciV.Accountable = nil // A52-PROC-002.
		case x < gapRate:
			if other := g.businessRole(); other != acc {
				raciV.Accountable = append(raciV.Accountable, other)
			}
		}
		if !(g.gap() || forced(i+1, count)) {
			resp := g.pick(g.general)
			raciV.Responsible = []string{resp}
		}
		a.RACI = raciV
		a.Assets = g.someAssets(1 + g.r.IntN(3))
		period, periodic := periodDays[a.Frequency]
		if !periodic {
			period = 180
		}
		a.LastPerformed = g.daysAgo(0, period)
		switch x := g.r.Float64(); {
		case periodic && (x < gapRate/2 || forced(i+2, count)):
			a.LastPerformed = nil // A52-PROC-005.
		case periodic && x < gapRate:
			a.LastPerformed = g.daysAgo(period+15, period+200)
		}
		if a.LastPerformed != nil {
			signer, ok := g.activeHolder(acc)
			switch x := g.r.Float64(); {
			case x < gapRate/2 || forced(i+3, count):
				// Not signed off (A52-PROC-006).
			case x < gapRate || !ok:
				a.SignedOff = &raci.Signature{By: fmt.Sprintf("p%d", g.r.IntN(g.n)), Date: *a.LastPerformed}
			default:
				a.SignedOff = &raci.Signature{By: signer, Date: *a.LastPerformed}
			}
		}
		acts[i] = a
	}
	g.reg.Activities = acts
}

func (g *gen) authorities() {
	count := atLeast(g.n/100, 6)
	// No approve_supplier authority: the register's A52-AUTH-001 gap.
	auths := []raci.Authority{
		{ID: "auth-0", Decision: "accept_risk", Approver: "ceo"},
		{ID: "auth-1", Decision: "approve_exception", Approver: "isms"},
		{ID: "auth-2", Decision: "grant_access", Approver: "it-admin"},
		{ID: "auth-3", Decision: "accept_risk", Approver: "cfo", MaxRiskLevel: "high"},
	}
	decisions := []raci.Decision{"grant_access", "accept_risk", "approve_change", "other"}
	for i := len(auths); i < count; i++ {
		a := raci.Authority{ID: fmt.Sprintf("auth-%d", i), Decision: decisions[i%len(decisions)], Approver: g.businessRole()}
		if a.Decision == "accept_risk" {
			a.MaxRiskLevel = levels[g.r.IntN(2)]
			a.Assets = g.someAssets(3)
		}
		if g.r.Float64() < 0.01 {
			a.Assets = append(a.Assets, fmt.Sprintf("asset-ghost-%d", i)) // A52-REF-001.
		}
		auths = append(auths, a)
	}
	g.reg.Authorities = auths
}

func (g *gen) delegations() {
	count := atLeast(g.n/50, 12)
	acts := g.reg.Activities
	var dels []raci.Delegation
	for i := 0; len(dels) < count; i++ {
		act := acts[g.r.IntN(len(acts))]
		var from string
		switch {
		case len(act.RACI.Responsible) > 0:
			from = act.RACI.Responsible[0]
		case len(act.RACI.Accountable) > 0:
			from = act.RACI.Accountable[0]
		default:
			continue
		}
		d := raci.Delegation{ID: fmt.Sprintf("deleg-%d", i), Activity: act.ID, From: from, To: g.pick(g.general),
			ExpiresOn: g.daysAgo(-400, -10)}
		if g.gap() || forced(i, count) {
			d.From = g.pick(g.general) // Probably nothing to delegate (A52-DELEG-002).
		}
		if g.gap() || forced(i+1, count) {
			d.Scope = "accountable" // A52-DELEG-001.
		}
		if g.gap() || forced(i+2, count) {
			d.ExpiresOn = g.daysAgo(1, 100) // A52-DELEG-004.
		}
		if reviewer, ok := g.activeHolder(d.From); ok && !(g.gap() || forced(i+3, count)) {
			d.Review = &raci.Signature{By: reviewer, Date: *g.daysAgo(1, 60)}
		} else if g.r.IntN(2) == 0 {
			d.Review = &raci.Signature{By: fmt.Sprintf("p%d", g.r.IntN(g.n)), Date: *g.daysAgo(1, 60)}
		}
		dels = append(dels, d)
		if g.r.Float64() < gapRate/2 || forced(i+4, count) {
			// The delegate hands the task straight back: a cycle (A52-DELEG-005).
			back := d
			back.ID = fmt.Sprintf("deleg-%d-back", i)
			back.From, back.To = d.To, d.From
			back.Scope = ""
			dels = append(dels, back)
		}
	}
	g.reg.Delegations = dels
}

func (g *gen) risks() {
	count := atLeast(g.n/10, 10)
	risks := make([]raci.Risk, count)
	security := []string{"isms", "ciso"}
	security = append(security, g.byFunc["security"]...)
	for i := range risks {
		r := raci.Risk{ID: fmt.Sprintf("risk-%d", i), Title: fmt.Sprintf("Risk %d", i),
			Assets: g.someAssets(1 + g.r.IntN(2)), Residual: levels[g.r.IntN(len(levels))], Treatment: "mitigate"}
		switch x := g.r.Float64(); {
		case x < gapRate || forced(i, count):
			// No owner (A52-RISK-001).
		case x < 2*gapRate || forced(i+1, count):
			r.Owner = g.pick(security) // A52-RISK-002.
		default:
			r.Owner = g.businessRole()
		}
		if g.r.IntN(4) == 0 {
			r.Treatment = "accept"
			acc := &raci.Acceptance{By: ceoHolder, Date: *g.daysAgo(10, 300), ExpiresOn: g.daysAgo(-300, -1)}
			if r.Residual != "critical" && g.r.IntN(2) == 0 {
				acc.By = cfoHolder
			}
			switch x := g.r.Float64(); {
			case x < gapRate/2 || forced(i+2, count):
				acc = nil // A52-RISK-003.
			case x < gapRate:
				acc.ExpiresOn = g.daysAgo(1, 100) // A52-RISK-003.
			case x < 2*gapRate || forced(i+3, count):
				acc.By = fmt.Sprintf("p%d", g.activeIdx[g.r.IntN(len(g.activeIdx))]) // A52-RISK-004.
			}
			r.Acceptance = acc
		}
		risks[i] = r
	}
	g.reg.Risks = risks
}

// conflicts defines 20 segregation conflicts between general roles; people()
// makes a few people hold both roles of one (A52-SOD-001).
func (g *gen) defineConflicts() {
	conflicts := make([]raci.Conflict, 20)
	for i := range conflicts {
		a := g.pick(g.general)
		b := g.pick(g.general)
		for b == a {
			b = g.pick(g.general)
		}
		conflicts[i] = raci.Conflict{ID: fmt.Sprintf("sod-%d", i), Roles: []string{a, b}, Reason: "Segregation of duties"}
	}
	g.conflicts = conflicts
}

func (g *gen) segregation() {
	g.conflicts[19].Roles[1] = "role-ghost-sod" // A52-REF-001.
	g.reg.Segregation = g.conflicts
}

func (g *gen) exceptions() {
	count := atLeast(g.n/500, 4)
	exc := make([]raci.Exception, count)
	for i := range exc {
		e := raci.Exception{ID: fmt.Sprintf("exc-%d", i), Rule: ruleIDs[i%len(ruleIDs)],
			Subject: fmt.Sprintf("person:p%d", g.r.IntN(g.n)), Reason: "Compensating control in place",
			ApprovedBy: ismsHolder, ExpiresOn: *g.daysAgo(-300, -1)}
		switch x := g.r.Float64(); {
		case x < gapRate/3 || forced(i, count):
			e.ExpiresOn = *g.daysAgo(1, 100) // Expired (A52-EXC-001).
		case x < 2*gapRate/3:
			e.Rule = "A52-NOPE-001" // Unknown rule (A52-EXC-001).
		case x < gapRate:
			e.ApprovedBy = fmt.Sprintf("p%d", g.activeIdx[g.r.IntN(len(g.activeIdx))]) // Not entitled (A52-EXC-001).
		}
		exc[i] = e
	}
	g.reg.Exceptions = exc
}

// header fills the organisation and the policy with the register-wide gaps: the
// register and the policy are approved by the ISMS manager, not senior management
// (A52-DOC-001, A52-POL-001), the last review is 400 days old (A52-DOC-002) and the
// policy names no overall responsibility (A52-POL-002).
func (g *gen) header() {
	g.reg.Organisation = raci.Organisation{Name: fmt.Sprintf("Synthetic %d", g.n), HandlesPersonalData: ptr(true),
		ApprovedBy: ismsHolder, ApprovedOn: g.daysAgo(500, 500), ReviewedOn: g.daysAgo(400, 400)}
	g.reg.Policy = &raci.Policy{ID: "ISP", Title: "Information security policy", ApprovedBy: ismsHolder, ApprovedOn: g.daysAgo(200, 200)}
}
