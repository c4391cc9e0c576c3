// Package synth generates deterministic synthetic registers shaped like a large
// organisation, for benchmarks and tests. It is not public API.
//
// For n people a register has n/50 roles, n/25 teams of about 12 members, n/5
// assets, n/50 activities (every process but one covered), n/100 authorities, n/50
// delegations, n/10 risks, 20 segregation conflicts and n/500 exceptions (with
// small floors, and one forced gap per rule, so that tiny registers still exercise
// every rule).
//
// It uses the register format's revision-2 keys as a large organisation's export
// would. The organisation handles personal data at scale (dpo_required). Almost
// every role reports_to a role of its function, up to the executives. The
// critical roles (the ISMS manager and the CISO, deputies of each other, and the
// incident managers and business continuity leads, about one general role in 4.5)
// each have one named holder and a deputy, and every role of a kind that needs
// competence lists competences. About one person in 500 is an internal auditor.
// Asset owner roles (about one role in 12) own the assets; each is accountable
// for a quarterly access review of the sensitive assets it owns (about n/600
// reviews, plus one by IT of those without a business owner). Management reviews
// (accountable: the chief executive) and internal audits are among the
// activities, every periodic process has a schedule, and every accepted,
// mitigated or transferred risk has an acceptance of its residual level: by the
// owner up to medium, by senior management above.
//
// About 3% of the entities of each kind carry a gap for each rule about that
// kind, so that every bundled rule has findings when the register is evaluated as
// of AsOf. People: no policy, awareness or induction record, no role at all, a
// job description without security duties, a missing or expired competence (3%
// each); a future-dated record (1%); leavers (2%, half of them keep their roles);
// both roles of a segregation conflict (0.25%). Roles: no duties, no holder, no
// reporting line, a critical role without an active deputy, a kind that needs
// competence without competences. Assets: no owner, IT owning a business asset, a
// sensitive asset that no access review covers or that IT reviews instead of its
// owner. Activities: accountability, responsibility, schedule, performance and
// sign-off gaps. Delegations: accountability, nothing to delegate, no review or
// a review by the delegate, expired, cycles, a delegate that segregation keeps
// apart from the activity's doers. Risks: no owner, a security owner, an
// acceptance missing, expired, stale or by someone not entitled. Exceptions: not
// applied, or waiving a finding that is gone. A few references (0.2% of people's
// and assets', 1% of teams' and authorities') name undefined ids. Register-wide
// gaps make the global rules fire: no data protection officer although one is
// required; a register and a policy approved by the ISMS manager and not reviewed
// for over a year; a policy that names no overall responsibility; a missing
// process and decision authority; operations accountable for most activities; a
// CISO who reports to the head of IT, so that the ISMS manager's reporting line
// does not reach top management within two steps; an ISMS manager who is also an
// internal auditor. Each person rule fires for a few percent of people, not for
// most of them: about 25 findings per 100 people in all.
//
// Adversarial builds the other kind of register: small, valid, and shaped to
// make one rule as expensive as the input limits allow (long delegation
// chains, teams that all hold everyone, huge lists of undefined roles), for
// the engine's complexity guard.
//
// WithProfile(Heavy) makes every person look like a full HR export: each has an
// e-mail address and three or four competence records (the competences their
// roles require, padded with others), about 1.6 times the bytes per person of
// the default profile, with the same entity counts and the same gaps.
//
// The same n, seed and profile always give the same register, byte for byte, and
// the time to generate it grows linearly with n. It is test and benchmark support: library
// packages must never import it.
package synth

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

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
	// criticalKinds are the general kinds that are critical (A52-ROLE-004) and
	// need competences (A52-ROLE-005): roles of these kinds have one named holder.
	criticalKinds = map[raci.RoleKind]bool{"incident_manager": true, "business_continuity_lead": true}
	businessFuncs = []raci.BusinessFunc{"hr", "finance", "operations", "legal", "sales", "facilities", "engineering", "business"}
	// heads are the fixed roles the first general role of a function reports to
	// (the chief executive for the others).
	heads      = map[raci.BusinessFunc]string{"finance": "cfo", "security": "ciso", "it": "it-admin"}
	assetTypes = []raci.AssetType{"saas", "cloud_service", "system", "application", "dataset", "shared_drive", "device", "network", "physical", "other"}
	classes    = []raci.Classification{"public", "internal", "confidential", "restricted"}
	// otherProcesses are the processes of the activities that are not access
	// reviews: with access_review they cover every process but
	// physical_security_check, which is the register's A52-PROC-001 gap.
	otherProcesses = []raci.Process{"user_provisioning", "user_deprovisioning", "vulnerability_management",
		"patch_management", "incident_management", "logging_monitoring", "backup_verification", "change_control",
		"supplier_due_diligence", "risk_assessment", "awareness_training", "internal_audit", "management_review", "other"}
	// processFrequencies are the frequencies an activity of each process is
	// given; those of the periodic processes (periodicProcesses) are all periodic.
	processFrequencies = map[raci.Process][]raci.Frequency{
		"user_provisioning":        {"on_event", "daily"},
		"user_deprovisioning":      {"on_event", "daily"},
		"access_review":            {"quarterly", "quarterly", "semiannual"},
		"vulnerability_management": {"weekly", "monthly"},
		"patch_management":         {"weekly", "monthly"},
		"incident_management":      {"on_event"},
		"logging_monitoring":       {"daily", "weekly"},
		"backup_verification":      {"weekly", "monthly", "quarterly"},
		"change_control":           {"on_event", "weekly"},
		"supplier_due_diligence":   {"annual", "on_event"},
		"risk_assessment":          {"quarterly", "semiannual", "annual"},
		"awareness_training":       {"annual"},
		"internal_audit":           {"annual", "semiannual"},
		"management_review":        {"annual", "semiannual"},
		"other":                    {"daily", "weekly", "monthly", "quarterly", "semiannual", "annual", "on_event"},
	}
	// periodicProcesses are the processes that must run on a schedule
	// (A52-PROC-007).
	periodicProcesses = map[raci.Process]bool{"access_review": true, "vulnerability_management": true,
		"patch_management": true, "logging_monitoring": true, "backup_verification": true, "risk_assessment": true,
		"awareness_training": true, "physical_security_check": true, "internal_audit": true, "management_review": true}
	periodDays = map[raci.Frequency]int{"daily": 1, "weekly": 7, "monthly": 31, "quarterly": 92, "semiannual": 183, "annual": 366}
	levels     = []raci.RiskLevel{"low", "medium", "high", "critical"}
	// ruleIDs are the rules exceptions waive findings of, in turn.
	ruleIDs = []string{"A52-ROLE-003", "A52-COMM-001", "A52-COMM-002", "A52-ASSET-002", "A52-RISK-002", "A52-SOD-001",
		"A52-ROLE-004", "A52-ACC-002"}
	// compIDs are the competences roles require, in the order people's records
	// list them.
	compIDs = []string{"comp-0", "comp-1", "comp-2", "comp-3", "comp-4", "comp-5", "comp-6", "comp-7", "comp-8", "comp-9",
		"iso27001-lead-implementer", "cissp", "iso27001-lead-auditor"}
)

// Fixed people: p0 holds ceo, p1 cfo, p2 isms, p3 ciso, p4 it-admin; p8, p508,
// p1008, ... hold internal-audit.
const (
	ceoHolder  = "p0"
	cfoHolder  = "p1"
	ismsHolder = "p2"
	cisoHolder = "p3"
)

// isAuditor reports whether person i is one of the internal auditors.
func isAuditor(i int) bool { return i >= 5 && i%500 == 8 }

type gen struct {
	r    *rand.Rand
	n    int
	reg  *raci.Register
	asOf raci.Date

	general   []string            // non-critical general role ids that get holders
	critical  []string            // critical general role ids that get one named holder
	unheld    map[string]bool     // roles deliberately left without holders (A52-ROLE-002)
	byFunc    map[string][]string // allocatable general role ids by function
	itRoles   []string
	owners    []string            // asset owner roles: they own every asset with a business owner
	comps     map[string][]string // competences required by each role
	holders   map[string][]string // role id -> person ids holding it (direct or team)
	heldBy    map[string][]string // person id -> role ids held (direct or team)
	roleIdx   map[string]int
	personIdx map[string]int
	activeIdx []int // indexes of active people
	assetIDs  []string
	conflicts []raci.Conflict
	partners  map[string][]string // role id -> the roles a conflict keeps apart from it
	teamRoles []string            // the general roles teams hold: those in no conflict
	// riskApprovers are the approver roles of the accept_risk authorities.
	riskApprovers map[string]bool
	planted       map[string][]string // rule id -> subjects of planted findings, for exceptions to waive
	profile       Profile
}

// Profile selects how much each person carries.
type Profile string

const (
	// Standard is the default profile: a quarter of the people have an e-mail
	// address, and people have competence records only for the competences
	// their roles require (about 0.66 records per person).
	Standard Profile = "standard"
	// Heavy gives every person an e-mail address and three or four competence
	// records, like a full HR export: about 510 bytes of JSON per person
	// against 320 for Standard.
	Heavy Profile = "heavy"
)

// Profiles lists the profiles, Standard first.
func Profiles() []Profile { return []Profile{Standard, Heavy} }

// An Option changes what Generate makes.
type Option func(*gen)

// WithProfile selects the profile (Standard when not given). An unknown profile
// is treated as Standard; ParseProfile checks a profile name.
func WithProfile(p Profile) Option { return func(g *gen) { g.profile = p } }

// ParseProfile returns the profile named s, or an error naming the profiles.
func ParseProfile(s string) (Profile, error) {
	for _, p := range Profiles() {
		if string(p) == s {
			return p, nil
		}
	}
	return "", fmt.Errorf("profile %q is not %q or %q", s, Standard, Heavy)
}

// Generate returns a register of n people (n >= 1) made from seed.
func Generate(n int, seed int64, opts ...Option) *raci.Register {
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
		heldBy:    map[string][]string{},
		roleIdx:   map[string]int{},
		personIdx: map[string]int{},
		planted:   map[string][]string{},
		profile:   Standard,
	}
	for _, o := range opts {
		o(g)
	}
	g.reg = &raci.Register{Version: 1}
	g.roles()
	g.defineConflicts()
	g.people()
	g.teams()
	g.deputies()
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

// JSON returns Generate(n, seed, opts...) as compact JSON.
func JSON(n int, seed int64, opts ...Option) []byte {
	b, err := json.Marshal(Generate(n, seed, opts...))
	if err != nil {
		panic(err)
	}
	return b
}

// YAML returns Generate(n, seed, opts...) as YAML.
func YAML(n int, seed int64, opts ...Option) []byte {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(Generate(n, seed, opts...)); err != nil {
		panic(err)
	}
	_ = enc.Close()
	return buf.Bytes()
}

// Limits returns loader limits large enough for a register of n people of
// either profile.
func Limits(n int) raci.Limits {
	l := raci.DefaultLimits()
	if b := int64(n) * 1200; b > l.MaxBytes {
		l.MaxBytes = b
	}
	if v := n * 120; v > l.MaxValues {
		l.MaxValues = v
	}
	return l
}

func (g *gen) gap() bool { return g.r.Float64() < gapRate }

// forced reports whether item i of count is the one that carries a gap whatever
// the dice say, so that short lists still have one.
func forced(i, count int) bool { return i == count/2 }

// A forcer is forced for gaps that only some items can carry: the first item at
// or after position at that asks (call due only for items that can carry the
// gap) carries it whatever the dice say.
type forcer struct {
	at   int
	done bool
}

func forceFrom(at int) *forcer { return &forcer{at: at} }

func (f *forcer) due(i int) bool {
	if f.done || i < f.at {
		return false
	}
	f.done = true
	return true
}

func (g *gen) pick(ids []string) string { return ids[g.r.IntN(len(ids))] }

func (g *gen) daysAgo(lo, hi int) *raci.Date {
	d := g.asOf.AddDays(-(lo + g.r.IntN(hi-lo+1)))
	return &d
}

// future returns a date after AsOf: a record of something done that is dated
// in the future (A52-DATE-001).
func (g *gen) future() *raci.Date { return g.daysAgo(-60, -1) }

func ptr[T any](v T) *T { return &v }

func atLeast(v, floor int) int { return max(v, floor) }

func (g *gen) plant(rule, subject string) { g.planted[rule] = append(g.planted[rule], subject) }

func (g *gen) addHolder(rid, pid string) {
	g.holders[rid] = append(g.holders[rid], pid)
	g.heldBy[pid] = append(g.heldBy[pid], rid)
}

func (g *gen) randomActive() int { return g.activeIdx[g.r.IntN(len(g.activeIdx))] }

func (g *gen) roles() {
	fixed := []raci.Role{
		{ID: "ceo", Name: "Chief Executive", Kind: "senior_management", Function: "executive"},
		{ID: "cfo", Name: "Chief Financial Officer", Kind: "senior_management", Function: "finance", ReportsTo: "ceo"},
		{ID: "isms", Name: "ISMS Manager", Kind: "isms_manager", Function: "security", ReportsTo: "ciso",
			Competences: []string{"iso27001-lead-implementer"}},
		// The CISO reports to the head of IT, who reports to the CFO: the ISMS
		// manager is three steps from top management (A52-GOV-001).
		{ID: "ciso", Name: "Chief Information Security Officer", Kind: "ciso", Function: "security", ReportsTo: "it-admin",
			Competences: []string{"cissp"}},
		{ID: "it-admin", Name: "Head of IT", Kind: "system_administrator", Function: "it", ReportsTo: "cfo"},
		{ID: "internal-audit", Name: "Internal Auditor", Kind: "internal_auditor", Function: "other", ReportsTo: "ceo",
			Competences: []string{"iso27001-lead-auditor"}},
	}
	for i := range fixed {
		fixed[i].Duties = []string{"Leads " + fixed[i].Name + " duties"}
		if c := fixed[i].Competences; c != nil {
			g.comps[fixed[i].ID] = c
		}
	}
	// No data protection officer although one is required: the register's
	// A52-ROLE-001 gap.
	total := atLeast(g.n/50, 20)
	count := total - len(fixed)
	// Asset owners are limited so that their access reviews leave room for an
	// activity of every other process.
	maxOwners := total - len(otherProcesses) - 1
	nCritical := 0
	for i := range count {
		if criticalKinds[generalKinds[i%len(generalKinds)]] {
			nCritical++
		}
	}
	roles := fixed
	// byFuncAll lists every general role by function, held or not: the roles the
	// next ones of the function report to.
	byFuncAll := map[raci.BusinessFunc][]string{}
	for i, j := 0, 0; i < count; i++ {
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
		} else {
			g.plant("A52-ROLE-003", "role:"+id)
		}
		critical := criticalKinds[role.Kind]
		if i%3 == 0 || critical {
			c := []string{fmt.Sprintf("comp-%d", i%10)}
			if i%6 == 0 {
				c = append(c, fmt.Sprintf("comp-%d", (i+3)%10))
			}
			if critical && (g.gap() || forced(j, nCritical)) {
				c = nil // A kind that needs competence without any (A52-ROLE-005).
			}
			if c != nil {
				role.Competences = c
				g.comps[id] = c
			}
		}
		if critical {
			j++
		}
		// The first role of a function reports to an executive, the others to one
		// of the first quarter of the function's roles; a few report to no one.
		if peers := byFuncAll[role.Function]; len(peers) > 0 {
			role.ReportsTo = peers[g.r.IntN(1+len(peers)/4)]
		} else if head, ok := heads[role.Function]; ok {
			role.ReportsTo = head
		} else {
			role.ReportsTo = "ceo"
		}
		if g.gap() {
			role.ReportsTo = ""
		}
		byFuncAll[role.Function] = append(byFuncAll[role.Function], id)
		if g.gap() || forced(i+1, count) {
			g.unheld[id] = true
		} else {
			if critical {
				g.critical = append(g.critical, id)
			} else {
				g.general = append(g.general, id)
			}
			g.byFunc[string(role.Function)] = append(g.byFunc[string(role.Function)], id)
			switch {
			case role.Function == "it":
				g.itRoles = append(g.itRoles, id)
			case role.Kind == "asset_owner" && role.Function != "security" && len(g.owners) < maxOwners:
				g.owners = append(g.owners, id)
			}
		}
		roles = append(roles, role)
	}
	g.itRoles = append(g.itRoles, "it-admin")
	if len(g.owners) == 0 {
		g.owners = []string{g.businessRole()}
	}
	for i, role := range roles {
		g.roleIdx[role.ID] = i
	}
	g.reg.Roles = roles
}

func (g *gen) people() {
	people := make([]raci.Person, g.n)
	// Each forced person gap falls on the first person from a quarter of the way
	// in who can carry it (a non-leaver; an active person for PEOPLE-002), one
	// person per gap.
	var (
		roleless    = forceFrom(g.n / 4)   // A52-PEOPLE-002
		noDuties    = forceFrom(g.n/4 + 1) // A52-COMM-003
		noPolicy    = forceFrom(g.n/4 + 2) // A52-COMM-001
		untrained   = forceFrom(g.n/4 + 3) // A52-COMM-002
		noInduction = forceFrom(g.n/4 + 4) // A52-COMM-004
	)
	// The policy was approved 700 days before AsOf (and reviewed 400 days before).
	ack := func(i int, eligible bool) (a *raci.Acknowledgements, policyGap, awarenessGap bool) {
		a = &raci.Acknowledgements{Policy: g.daysAgo(10, 690), Induction: g.daysAgo(400, 3000), AwarenessTraining: g.daysAgo(5, 360)}
		switch x := g.r.Float64(); {
		case x < gapRate/2 || (eligible && noPolicy.due(i)):
			a.Policy, policyGap = nil, true
		case x < gapRate:
			a.Policy, policyGap = g.daysAgo(710, 1500), true
		}
		switch x := g.r.Float64(); {
		case x < gapRate/2 || (eligible && untrained.due(i)):
			a.AwarenessTraining, awarenessGap = nil, true
		case x < gapRate:
			a.AwarenessTraining, awarenessGap = g.daysAgo(370, 900), true
		}
		if g.gap() || (eligible && noInduction.due(i)) {
			a.Induction = nil // A52-COMM-004.
		}
		if g.r.Float64() < gapRate/3 {
			// A record dated in the future (A52-DATE-001).
			switch g.r.IntN(3) {
			case 0:
				a.Policy, policyGap = g.future(), false
			case 1:
				a.Induction = g.future()
			default:
				a.AwarenessTraining, awarenessGap = g.future(), false
			}
		}
		return a, policyGap, awarenessGap
	}
	for i := range people {
		id := fmt.Sprintf("p%d", i)
		p := raci.Person{ID: id, Name: fmt.Sprintf("Person %d", i)}
		if i%4 == 0 || g.profile == Heavy {
			p.Email = id + "@example.org"
		}
		if i%10 == 7 {
			p.Employment = "contractor"
		}
		// The person half-way down is a leaver who still holds roles (A52-PEOPLE-001).
		keepsRoles := forced(i, g.n) && i >= 5 && !isAuditor(i)
		switch x := g.r.Float64(); {
		case i < 5 || isAuditor(i):
		case x < 0.02 || keepsRoles:
			p.Status = "leaver"
		case x < 0.04:
			p.Status = "on_leave"
		}
		sodSlot := i%40 == 13
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
			case isAuditor(i):
				p.Roles = []string{"internal-audit"}
			case p.Status == "leaver" && x < 0.5 && !keepsRoles:
				// A leaver whose roles were removed.
			case (x < gapRate && !keepsRoles) || (p.Status == "" && !sodSlot && roleless.due(i)):
				// No role: teams are made of people with roles (A52-PEOPLE-002).
			case x < 0.85:
				p.Roles = []string{g.pick(g.general)}
			default:
				// Two roles that segregation does not keep apart.
				a, b := g.pick(g.general), g.pick(g.general)
				for k := 0; k < 10 && g.clashes(b, []string{a}); k++ {
					b = g.pick(g.general)
				}
				p.Roles = []string{a}
				if b != a && !g.clashes(b, p.Roles) {
					p.Roles = append(p.Roles, b)
				}
			}
			if sodSlot && (i == 13 || g.r.Float64() < 0.1) {
				// Both roles of a segregation conflict (A52-SOD-001).
				p.Roles = slices.Clone(g.conflicts[g.r.IntN(19)].Roles)
				if p.Status != "leaver" {
					g.plant("A52-SOD-001", "person:"+id)
				}
			}
			if g.r.Float64() < 0.002 {
				// A reference to a role that does not exist (A52-REF-001).
				p.Roles = append(p.Roles, fmt.Sprintf("role-ghost-%d", i))
			}
		}
		nonLeaver := i >= 5 && p.Status != "leaver"
		if !(g.gap() || (nonLeaver && g.holdsNonStaff(p.Roles) && noDuties.due(i))) {
			p.JobDescriptionHasSecurityDuties = ptr(true)
		} else if g.r.IntN(2) == 0 {
			p.JobDescriptionHasSecurityDuties = ptr(false) // A52-COMM-003 if they hold a role.
		}
		var policyGap, awarenessGap bool
		p.Acknowledgements, policyGap, awarenessGap = ack(i, nonLeaver)
		if p.Status != "leaver" {
			if policyGap {
				g.plant("A52-COMM-001", "person:"+id)
			}
			if awarenessGap {
				g.plant("A52-COMM-002", "person:"+id)
			}
		}
		if i%50 == 0 {
			p.Attributes = raci.Attributes{"cost_centre": fmt.Sprintf("cc-%d", i%97)}
		}
		people[i] = p
		g.personIdx[id] = i
		if p.Status == "" {
			g.activeIdx = append(g.activeIdx, i)
		}
	}
	if len(g.activeIdx) == 0 {
		g.activeIdx = []int{0}
	}
	// Each critical general role has one named holder: an active person with
	// roles, who holds it beside them.
	for _, rid := range g.critical {
		for range 20 {
			if i := g.randomActive(); i >= 5 && !isAuditor(i) && len(people[i].Roles) > 0 {
				people[i].Roles = append(people[i].Roles, rid)
				break
			}
		}
	}
	for i := range people {
		for _, rid := range people[i].Roles {
			g.addHolder(rid, people[i].ID)
		}
	}
	if g.n > 2 {
		// The ISMS manager is also an internal auditor (A52-SOD-002), listed after
		// the others.
		people[2].Roles = append(people[2].Roles, "internal-audit")
		g.addHolder("internal-audit", ismsHolder)
	}
	g.reg.People = people
}

// holdsNonStaff reports whether roles include a defined role of a kind other
// than staff.
func (g *gen) holdsNonStaff(roles []string) bool {
	for _, rid := range roles {
		if i, ok := g.roleIdx[rid]; ok && g.reg.Roles[i].Kind != "staff" {
			return true
		}
	}
	return false
}

func (g *gen) teams() {
	count := atLeast(g.n/25, 2)
	size := min(12, g.n)
	teams := make([]raci.Team, count)
	for i := range teams {
		t := raci.Team{ID: fmt.Sprintf("team-%d", i), Name: fmt.Sprintf("Team %d", i)}
		// Members are people with roles (after many tries, anyone).
		seen := map[string]bool{}
		for tries := 0; len(t.Members) < size; tries++ {
			j := g.r.IntN(g.n)
			pid := g.reg.People[j].ID
			if !seen[pid] && (len(g.reg.People[j].Roles) > 0 || tries > 50*size) {
				seen[pid] = true
				t.Members = append(t.Members, pid)
			}
		}
		if g.r.Float64() < gapRate/3 || forced(i, count) {
			// A member who is not defined (A52-REF-001).
			t.Members = append(t.Members, fmt.Sprintf("p-ghost-%d", i))
		}
		// A role that segregation does not keep apart from its members' roles.
		t.Roles = []string{g.pick(g.teamRoles)}
		for k := 0; k < 10 && g.teamClashes(t); k++ {
			t.Roles[0] = g.pick(g.teamRoles)
		}
		for _, pid := range t.Members {
			g.addHolder(t.Roles[0], pid)
		}
		teams[i] = t
	}
	g.reg.Teams = teams
}

func (g *gen) teamClashes(t raci.Team) bool {
	for _, pid := range t.Members {
		if g.clashes(t.Roles[0], g.heldBy[pid]) {
			return true
		}
	}
	return false
}

// deputies names a deputy for every critical role, the ISMS manager and the CISO
// standing in for each other; about 3% of the critical general roles have none,
// or only one who is not active or not defined (A52-ROLE-004).
func (g *gen) deputies() {
	if g.n > 3 {
		g.reg.Roles[g.roleIdx["isms"]].Deputies = []string{cisoHolder}
		g.reg.Roles[g.roleIdx["ciso"]].Deputies = []string{ismsHolder}
	}
	for j, rid := range g.critical {
		holders := g.holders[rid]
		if len(holders) == 0 || len(g.activeIdx) < 3 {
			continue
		}
		role := &g.reg.Roles[g.roleIdx[rid]]
		if g.gap() || forced(j+1, len(g.critical)+1) {
			g.plant("A52-ROLE-004", "role:"+rid)
			switch x := g.r.IntN(4); {
			case x == 0 || forced(j+1, len(g.critical)+1):
				// No deputy.
			case x == 1:
				// A deputy who is not active.
				if i := g.r.IntN(g.n); g.reg.People[i].Status != "" {
					role.Deputies = []string{g.reg.People[i].ID}
				}
			case x == 2:
				role.Deputies = []string{holders[0]} // The holder is their own deputy.
			default:
				role.Deputies = []string{fmt.Sprintf("p-ghost-deputy-%d", j)} // Also A52-REF-001.
			}
			continue
		}
		for range 1 + j%2 {
			for range 20 {
				if pid := g.reg.People[g.randomActive()].ID; pid != holders[0] && !slices.Contains(role.Deputies, pid) {
					role.Deputies = append(role.Deputies, pid)
					break
				}
			}
		}
	}
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
	lacking := forceFrom(g.n / 4)
	heavy := g.profile == Heavy
	for i := range g.reg.People {
		if len(need[i]) == 0 && !heavy {
			continue
		}
		eligible := i >= 5 && g.reg.People[i].Status != "leaver"
		var recs []raci.CompetenceRecord
		for _, c := range compIDs {
			if !need[i][c] {
				continue
			}
			rec := raci.CompetenceRecord{ID: c, AchievedOn: *g.daysAgo(30, 1500)}
			if g.r.IntN(3) == 0 {
				rec.ExpiresOn = g.daysAgo(-700, -10)
			}
			switch x := g.r.Float64(); {
			case x < gapRate/2 || (eligible && lacking.due(i)):
				continue
			case x < gapRate:
				rec.ExpiresOn = g.daysAgo(1, 20)
			}
			recs = append(recs, rec)
		}
		if heavy {
			recs = g.padCompetences(recs, need[i])
		}
		g.reg.People[i].Competences = recs
	}
}

// padCompetences adds current records of competences no role of the person
// requires until there are three or four, for the Heavy profile. The records
// keep the order of compIDs, so that the required ones come where they would.
func (g *gen) padCompetences(recs []raci.CompetenceRecord, need map[string]bool) []raci.CompetenceRecord {
	want := 3 + g.r.IntN(2)
	extra := want - len(recs)
	if extra <= 0 {
		return recs
	}
	has := map[string]bool{}
	for _, r := range recs {
		has[r.ID] = true
	}
	// Start from a random competence so that the extra ones vary by person.
	start := g.r.IntN(len(compIDs))
	for k := 0; k < len(compIDs) && extra > 0; k++ {
		c := compIDs[(start+k)%len(compIDs)]
		if has[c] || need[c] {
			continue
		}
		rec := raci.CompetenceRecord{ID: c, AchievedOn: *g.daysAgo(30, 1500)}
		if g.r.IntN(3) == 0 {
			rec.ExpiresOn = g.daysAgo(-700, -10)
		}
		recs = append(recs, rec)
		has[c] = true
		extra--
	}
	slices.SortStableFunc(recs, func(a, b raci.CompetenceRecord) int {
		return slices.Index(compIDs, a.ID) - slices.Index(compIDs, b.ID)
	})
	return recs
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
	itOwned := forceFrom(count / 4)
	for i := range assets {
		a := raci.Asset{ID: fmt.Sprintf("asset-%d", i), Name: fmt.Sprintf("Asset %d", i),
			Type: assetTypes[i%len(assetTypes)], Classification: classes[g.r.IntN(len(classes))]}
		switch x := g.r.Float64(); {
		case x < gapRate || forced(i, count):
			// No owner (A52-ASSET-001).
		case businessTypes[a.Type] && (x < 2*gapRate || itOwned.due(i)):
			a.Owner = "it-admin" // IT owns a business asset (A52-ASSET-002).
			g.plant("A52-ASSET-002", "asset:"+a.ID)
		case x < 2*gapRate+0.002:
			a.Owner = fmt.Sprintf("role-ghost-asset-%d", i) // A52-REF-001.
		default:
			a.Owner = g.pick(g.owners)
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

func sensitive(a raci.Asset) bool {
	return a.Classification == "confidential" || a.Classification == "restricted" || (a.PersonalData != nil && *a.PersonalData)
}

// review is an access review: its accountable role and the assets it covers.
type review struct {
	acc    string
	assets []string
}

// accessReviews gives each asset owner an access review of the sensitive assets
// it owns, and IT one of the sensitive assets without a business owner; about 3%
// of the sensitive assets are in no review (A52-ACC-002) and 3% in IT's instead
// of their owner's (A52-ACC-001). Owners without sensitive assets have none.
func (g *gen) accessReviews() []review {
	reviews := make([]review, len(g.owners)+1)
	of := map[string]int{}
	for j, o := range g.owners {
		reviews[j].acc = o
		of[o] = j
	}
	central := len(g.owners)
	reviews[central].acc = "it-admin"
	nSensitive := 0
	for _, a := range g.reg.Assets {
		if sensitive(a) {
			nSensitive++
		}
	}
	missing, wrong := forceFrom(nSensitive/4), forceFrom(0)
	k := 0
	for _, a := range g.reg.Assets {
		if !sensitive(a) {
			continue
		}
		j, owned := of[a.Owner]
		switch x := g.r.Float64(); {
		case x < gapRate || missing.due(k):
			g.plant("A52-ACC-002", "asset:"+a.ID)
			k++
			continue
		case owned && (x < 2*gapRate || wrong.due(k)):
			j = central
		case !owned:
			j = central
		}
		reviews[j].assets = append(reviews[j].assets, a.ID)
		k++
	}
	return slices.DeleteFunc(reviews, func(r review) bool { return len(r.assets) == 0 })
}

func (g *gen) activities() {
	count := atLeast(g.n/50, 20)
	reviews := g.accessReviews()
	nOther := count - len(reviews)
	acts := make([]raci.Activity, count)
	ops := g.byFunc["operations"]
	// The forced gaps fall among the activities that are not access reviews.
	var (
		noAcc       = forceFrom(nOther / 4)
		noResp      = forceFrom(nOther/4 + 1)
		unscheduled = forceFrom(nOther / 4)
		overdue     = forceFrom(nOther/4 + 2)
		unsigned    = forceFrom(nOther/4 + 3)
		futureSign  = forceFrom(nOther/4 + 4)
	)
	for i := range acts {
		a := raci.Activity{ID: fmt.Sprintf("act-%d", i), Name: fmt.Sprintf("Activity %d", i)}
		var acc string
		raciV := &raci.RACI{Consulted: []string{g.pick(g.general)}, Informed: []string{g.pick(g.general)}}
		if i < nOther {
			a.Process = otherProcesses[i%len(otherProcesses)]
			// Operations is accountable for nine in ten of the operational
			// activities, about 70% of all of them, more than the allowed share
			// (A52-PROC-004); senior management for the management reviews.
			switch {
			case a.Process == "management_review":
				acc = "ceo"
				raciV.Responsible = []string{"isms"}
			case a.Process == "internal_audit":
				acc = "internal-audit"
				raciV.Responsible = []string{"internal-audit"}
			case len(ops) > 0 && i%10 != 9:
				acc = g.pick(ops)
			default:
				acc = g.businessRole()
			}
			if raciV.Responsible == nil {
				raciV.Responsible = []string{g.pick(g.general)}
			}
			raciV.Accountable = []string{acc}
			switch x := g.r.Float64(); {
			case x < gapRate/2 || noAcc.due(i):
				raciV.Accountable = nil // A52-PROC-002.
			case x < gapRate:
				if other := g.businessRole(); other != acc {
					raciV.Accountable = append(raciV.Accountable, other)
				}
			}
			if g.gap() || noResp.due(i) {
				raciV.Responsible = nil // A52-PROC-003.
			}
			a.Assets = g.someAssets(1 + g.r.IntN(3))
		} else {
			// An access review: its asset owner is accountable, IT does it.
			rv := reviews[i-nOther]
			a.Process = "access_review"
			acc = rv.acc
			raciV.Accountable = []string{acc}
			raciV.Responsible = []string{g.pick(g.itRoles)}
			a.Assets = rv.assets
		}
		a.RACI = raciV
		freqs := processFrequencies[a.Process]
		a.Frequency = freqs[g.r.IntN(len(freqs))]
		if periodicProcesses[a.Process] && (g.gap() || unscheduled.due(i)) {
			// A periodic control without a schedule (A52-PROC-007).
			if g.r.IntN(2) == 0 {
				a.Frequency = "on_event"
			} else {
				a.Frequency = ""
			}
		}
		period, periodic := periodDays[a.Frequency]
		if !periodic {
			period = 180
		}
		a.LastPerformed = g.daysAgo(0, period)
		if periodic {
			switch x := g.r.Float64(); {
			case x < gapRate/2 || overdue.due(i):
				a.LastPerformed = nil // A52-PROC-005.
			case x < gapRate:
				a.LastPerformed = g.daysAgo(period+15, period+200)
			}
		}
		if a.LastPerformed != nil {
			signer, ok := g.activeHolder(acc)
			switch x := g.r.Float64(); {
			case x < gapRate/2 || unsigned.due(i):
				// Not signed off (A52-PROC-006).
			case x < gapRate || !ok:
				a.SignedOff = &raci.Signature{By: fmt.Sprintf("p%d", g.r.IntN(g.n)), Date: *a.LastPerformed}
			case x < gapRate+gapRate/3 || futureSign.due(i):
				a.SignedOff = &raci.Signature{By: signer, Date: *g.future()} // A52-DATE-001.
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

// holdsRole reports whether person pid holds role rid, directly or through a team.
func (g *gen) holdsRole(pid, rid string) bool { return slices.Contains(g.heldBy[pid], rid) }

func (g *gen) delegations() {
	count := atLeast(g.n/50, 12)
	acts := g.reg.Activities
	// clashing lists the activities a delegation can hand to a role that
	// segregation keeps apart from another doing it (A52-DELEG-006), with the
	// roles it can hand them to.
	type clashing struct {
		act      int
		partners []string
	}
	var clashes []clashing
	for j, act := range acts {
		from, doers := delegator(act)
		if from == "" {
			continue
		}
		var ps []string
		for _, d := range doers {
			for _, p := range g.partners[d] {
				if p != from && !slices.Contains(ps, p) {
					ps = append(ps, p)
				}
			}
		}
		if len(ps) > 0 {
			clashes = append(clashes, clashing{j, ps})
		}
	}
	var (
		clash      = forceFrom(count / 4)   // A52-DELEG-006
		selfReview = forceFrom(count/4 + 1) // A52-DELEG-007
		noDuty     = forceFrom(count / 2)   // A52-DELEG-002
		scope      = forceFrom(count/2 + 1) // A52-DELEG-001
		expired    = forceFrom(count/2 + 2) // A52-DELEG-004
		unreviewed = forceFrom(count/2 + 3) // A52-DELEG-003
		cycle      = forceFrom(count/2 + 4) // A52-DELEG-005
	)
	var dels []raci.Delegation
	delegates := map[string][]string{} // activity id -> the roles it is delegated to
	orphans := map[string][]string{}   // activity id -> the roles of its A52-DELEG-002 gaps
	for i := 0; len(dels) < count; i++ {
		act := acts[g.r.IntN(len(acts))]
		var partners []string
		if len(clashes) > 0 && (g.gap() || clash.due(i)) {
			c := clashes[g.r.IntN(len(clashes))]
			act, partners = acts[c.act], c.partners
		}
		from, doers := delegator(act)
		if from == "" {
			continue
		}
		// The delegate is another role, kept apart from nobody doing the activity.
		to := g.pick(g.general)
		for k := 0; k < 10 && (to == from || g.clashes(to, doers) || slices.Contains(orphans[act.ID], to)); k++ {
			to = g.pick(g.general)
		}
		if partners != nil {
			to = g.pick(partners)
		}
		d := raci.Delegation{ID: fmt.Sprintf("deleg-%d", i), Activity: act.ID, From: from, To: to,
			ExpiresOn: g.daysAgo(-400, -10)}
		noDutyGap := g.gap() || noDuty.due(i)
		if noDutyGap {
			// A role that neither does the activity nor has it delegated to it
			// (A52-DELEG-002).
			d.From = g.pick(g.general)
			for k := 0; k < 10 && (slices.Contains(doers, d.From) || d.From == d.To ||
				slices.Contains(delegates[act.ID], d.From)); k++ {
				d.From = g.pick(g.general)
			}
			orphans[act.ID] = append(orphans[act.ID], d.From)
		}
		if g.gap() || scope.due(i) {
			d.Scope = "accountable" // A52-DELEG-001.
		}
		if partners == nil && (g.gap() || expired.due(i)) {
			d.ExpiresOn = g.daysAgo(1, 100) // A52-DELEG-004.
		}
		// The review is by a holder of the delegating role who does not hold the
		// delegate role.
		reviewer, ok := "", false
		for _, pid := range g.holders[d.From] {
			if j, defined := g.personIdx[pid]; defined && g.reg.People[j].Status == "" && !g.holdsRole(pid, d.To) {
				reviewer, ok = pid, true
				break
			}
		}
		delegate, defined := g.definedHolder(d.To)
		switch {
		case defined && (g.gap() || selfReview.due(i)):
			// The delegate checked their own work (A52-DELEG-007).
			d.Review = &raci.Signature{By: delegate, Date: *g.daysAgo(1, 60)}
		case ok && !(g.gap() || unreviewed.due(i)):
			d.Review = &raci.Signature{By: reviewer, Date: *g.daysAgo(1, 60)}
		case g.r.IntN(2) == 0:
			// Reviewed by someone else (A52-DELEG-003), or not at all.
			d.Review = &raci.Signature{By: fmt.Sprintf("p%d", g.r.IntN(g.n)), Date: *g.daysAgo(1, 60)}
		}
		if d.Review != nil && g.r.Float64() < gapRate/3 {
			d.Review.Date = *g.future() // A52-DATE-001.
		}
		dels = append(dels, d)
		delegates[act.ID] = append(delegates[act.ID], d.To)
		if !noDutyGap && (g.r.Float64() < gapRate/2 || cycle.due(i)) {
			// The delegate hands the task straight back: a cycle (A52-DELEG-005).
			back := d
			back.ID = fmt.Sprintf("deleg-%d-back", i)
			back.From, back.To = d.To, d.From
			back.Scope, back.Review = "", nil
			dels = append(dels, back)
		}
	}
	g.reg.Delegations = dels
}

// definedHolder returns a defined person who holds role rid.
func (g *gen) definedHolder(rid string) (string, bool) {
	holders := g.holders[rid]
	for range min(len(holders), 10) {
		pid := g.pick(holders)
		if _, ok := g.personIdx[pid]; ok {
			return pid, true
		}
	}
	return "", false
}

// unentitled returns an active person who is probably not entitled to accept
// risk r: one who holds neither its owner role nor the approver role of an
// accept_risk authority.
func (g *gen) unentitled(r raci.Risk) string {
	var pid string
	for range 20 {
		i := g.randomActive()
		pid = g.reg.People[i].ID
		if i >= 5 && !g.holdsRole(pid, r.Owner) && !slices.ContainsFunc(g.heldBy[pid], func(rid string) bool { return g.riskApprovers[rid] }) {
			break
		}
	}
	return pid
}

// delegator returns the role that delegates the activity, its first responsible
// or else its first accountable role (none when it has neither), and the roles
// that do it.
func delegator(act raci.Activity) (string, []string) {
	doers := append(slices.Clone(act.RACI.Responsible), act.RACI.Accountable...)
	if len(doers) == 0 {
		return "", nil
	}
	return doers[0], doers
}

// acceptor returns who accepts a risk at its residual level: the risk owner up to
// medium, a senior manager with an accept_risk authority from high.
func (g *gen) acceptor(r raci.Risk) string {
	switch r.Residual {
	case "critical":
		return ceoHolder
	case "high":
		if g.r.IntN(2) == 0 {
			return cfoHolder
		}
		return ceoHolder
	}
	if r.Owner != "" {
		if pid, ok := g.activeHolder(r.Owner); ok {
			return pid
		}
	}
	return cfoHolder
}

func (g *gen) risks() {
	count := atLeast(g.n/10, 10)
	risks := make([]raci.Risk, count)
	security := []string{"isms", "ciso"}
	security = append(security, g.byFunc["security"]...)
	g.riskApprovers = map[string]bool{}
	for _, a := range g.reg.Authorities {
		if a.Decision == "accept_risk" {
			g.riskApprovers[a.Approver] = true
		}
	}
	var (
		unaccepted = forceFrom(count / 4) // A52-RISK-003
		untreated  = forceFrom(count / 4) // A52-RISK-006
		entitled   = forceFrom(count/4 + 1)
		stale      = forceFrom(count/4 + 2)
		dated      = forceFrom(count/4 + 3)
		// The forced risk without an owner is the one half-way down.
		securityOwned = forceFrom(count/2 + 1)
	)
	for i := range risks {
		r := raci.Risk{ID: fmt.Sprintf("risk-%d", i), Title: fmt.Sprintf("Risk %d", i),
			Assets: g.someAssets(1 + g.r.IntN(2)), Residual: levels[g.r.IntN(len(levels))]}
		switch x := g.r.Float64(); {
		case x < gapRate || forced(i, count):
			// No owner (A52-RISK-001).
		case x < 2*gapRate || securityOwned.due(i):
			r.Owner = g.pick(security) // A52-RISK-002.
			g.plant("A52-RISK-002", "risk:"+r.ID)
		default:
			r.Owner = g.businessRole()
		}
		switch x := g.r.Float64(); {
		case x < 0.6:
			r.Treatment = "mitigate"
		case x < 0.85:
			r.Treatment = "accept"
		case x < 0.95:
			r.Treatment = "transfer"
		default:
			r.Treatment = "avoid"
		}
		if i == count/4 {
			r.Treatment = "accept" // For the forced A52-RISK-003 gap.
		}
		if r.Treatment != "avoid" {
			// The residual risk of every treated risk is accepted.
			acc := &raci.Acceptance{By: g.acceptor(r), Date: *g.daysAgo(10, 300), ExpiresOn: g.daysAgo(-300, -1),
				Residual: r.Residual}
			missing := unaccepted
			if r.Treatment != "accept" {
				missing = untreated
			}
			rank := slices.Index(levels, r.Residual)
			switch x := g.r.Float64(); {
			case x < gapRate/2 || missing.due(i):
				acc = nil // A52-RISK-003 (accepted risks), A52-RISK-006 (treated ones).
			case x < gapRate:
				acc.ExpiresOn = g.daysAgo(1, 100) // The same.
			case x < 2*gapRate || entitled.due(i):
				acc.By = g.unentitled(r) // A52-RISK-004.
			case x < 3*gapRate || stale.due(i):
				// A52-RISK-005: the risk has grown since it was accepted, or the
				// acceptance is old (though valid for three years).
				if rank > 0 && g.r.IntN(2) == 0 {
					acc.Residual = levels[g.r.IntN(rank)]
				} else {
					acc.Date = *g.daysAgo(400, 900)
				}
			case x < 3*gapRate+gapRate/3 || dated.due(i):
				acc.Date = *g.future() // A52-DATE-001.
			}
			r.Acceptance = acc
		}
		risks[i] = r
	}
	g.reg.Risks = risks
}

// defineConflicts defines 20 distinct segregation conflicts between general
// roles; people() makes a few people hold both roles of one (A52-SOD-001). The
// conflicts keep to two thirds of the general roles (at least 7) and teams hold
// the others, so that few people hold both roles of one by chance.
func (g *gen) defineConflicts() {
	pool := g.general[:min(len(g.general), max(7, 2*len(g.general)/3))]
	conflicts := make([]raci.Conflict, 20)
	seen := map[[2]string]bool{}
	for i := range conflicts {
		a, b := g.pick(pool), g.pick(pool)
		for k := 0; b == a || (k < 20 && seen[[2]string{a, b}]); k++ {
			a, b = g.pick(pool), g.pick(pool)
		}
		seen[[2]string{a, b}], seen[[2]string{b, a}] = true, true
		conflicts[i] = raci.Conflict{ID: fmt.Sprintf("sod-%d", i), Roles: []string{a, b}, Reason: "Segregation of duties"}
	}
	g.conflicts = conflicts
	// The last conflict will name an undefined role (segregation).
	g.partners = map[string][]string{}
	for _, c := range conflicts[:len(conflicts)-1] {
		g.partners[c.Roles[0]] = append(g.partners[c.Roles[0]], c.Roles[1])
		g.partners[c.Roles[1]] = append(g.partners[c.Roles[1]], c.Roles[0])
	}
	for _, rid := range g.general {
		if !slices.ContainsFunc(conflicts, func(c raci.Conflict) bool { return slices.Contains(c.Roles, rid) }) {
			g.teamRoles = append(g.teamRoles, rid)
		}
	}
	if len(g.teamRoles) == 0 {
		g.teamRoles = g.general
	}
}

// clashes reports whether holding role rid beside roles would hold both roles of
// a segregation conflict.
func (g *gen) clashes(rid string, roles []string) bool {
	for _, p := range g.partners[rid] {
		if slices.Contains(roles, p) {
			return true
		}
	}
	return false
}

func (g *gen) segregation() {
	g.conflicts[19].Roles[1] = "role-ghost-sod" // A52-REF-001.
	g.reg.Segregation = g.conflicts
}

// waivable returns the rule and subject of a planted finding for exception i to
// waive, one that the approver (the ISMS manager) is not the subject of.
func (g *gen) waivable(i int) (string, string) {
	for t := range ruleIDs {
		rule := ruleIDs[(i+t)%len(ruleIDs)]
		subjects := g.planted[rule]
		if len(subjects) == 0 {
			continue
		}
		for range 5 {
			s := g.pick(subjects)
			if s == "person:"+ismsHolder {
				continue
			}
			if rid, ok := strings.CutPrefix(s, "role:"); ok && g.holdsRole(ismsHolder, rid) {
				continue
			}
			return rule, s
		}
	}
	return "A52-DOC-001", "organisation"
}

// exceptions waive planted findings; about 3% are not applied (A52-EXC-001) and
// 3% waive a finding that is gone: training that was since completed
// (A52-EXC-002).
func (g *gen) exceptions() {
	count := atLeast(g.n/500, 4)
	exc := make([]raci.Exception, count)
	untrained := map[string]bool{}
	for _, s := range g.planted["A52-COMM-002"] {
		untrained[s] = true
	}
	stale := forceFrom(0)
	for i := range exc {
		rule, subject := g.waivable(i)
		e := raci.Exception{ID: fmt.Sprintf("exc-%d", i), Rule: rule, Subject: subject,
			Reason: "Compensating control in place", ApprovedBy: ismsHolder, ExpiresOn: *g.daysAgo(-300, -1)}
		switch x := g.r.Float64(); {
		case x < gapRate/3 || forced(i, count):
			e.ExpiresOn = *g.daysAgo(1, 100) // Expired (A52-EXC-001).
		case x < 2*gapRate/3:
			e.Rule = "A52-NOPE-001" // Unknown rule (A52-EXC-001).
		case x < gapRate:
			e.ApprovedBy = fmt.Sprintf("p%d", g.randomActive()) // Not entitled (A52-EXC-001).
		case x < 2*gapRate || stale.due(i):
			for range 50 {
				s := fmt.Sprintf("person:p%d", g.r.IntN(g.n))
				if !untrained[s] && s != "person:"+ismsHolder {
					e.Rule, e.Subject = "A52-COMM-002", s
					break
				}
			}
		}
		exc[i] = e
	}
	g.reg.Exceptions = exc
}

// header fills the organisation and the policy with the register-wide gaps: a
// data protection officer is required (A52-ROLE-001), the register and the
// policy are approved by the ISMS manager, not senior management (A52-DOC-001,
// A52-POL-001), the last review of each is 400 days old (A52-DOC-002,
// A52-POL-003) and the policy names no overall responsibility (A52-POL-002).
func (g *gen) header() {
	g.reg.Organisation = raci.Organisation{Name: fmt.Sprintf("Synthetic %d", g.n), HandlesPersonalData: ptr(true),
		DPORequired: ptr(true), ApprovedBy: ismsHolder, ApprovedOn: g.daysAgo(500, 500), ReviewedOn: g.daysAgo(400, 400)}
	g.reg.Policy = &raci.Policy{ID: "ISP", Title: "Information security policy", ApprovedBy: ismsHolder,
		ApprovedOn: g.daysAgo(700, 700), ReviewedOn: g.daysAgo(400, 400)}
}
