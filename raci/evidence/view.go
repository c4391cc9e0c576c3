package evidence

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// view is everything a template shows, computed once from the pack: the
// templates only lay it out. Every list is in a fixed order (the register's
// order, or sorted), so the same pack always gives the same document.
type view struct {
	Title  string
	Org    string
	AsOf   string
	Source string

	Counts []sevCount
	Open   int
	Waived int

	Chart       findingsChart
	Gov         governance
	RACI        raciMatrix
	Heat        heatMap
	Assets      []assetRow
	Risks       []riskRow
	Authorities []authorityRow
	Delegations []delegationRow
	People      []personRow
	Conflicts   []conflictRow
	Approval    approval
	Groups      []findingGroup
	Exceptions  []exceptionRow
	Rules       []ruleRow
	Mapped      bool
}

// sevCount is the number of open findings of one severity.
type sevCount struct {
	Severity string
	N        int
}

// roleRef is a role as the pack names it: its name and id, and the people who
// hold it. Defined is false for an id the register does not define.
type roleRef struct {
	ID      string
	Name    string
	Kind    string
	Defined bool
	Holders []personRef
}

// personRef is a person as the pack names them. Status is empty for an active
// person and the status otherwise ("leaver", "on_leave").
type personRef struct {
	ID      string
	Name    string
	Defined bool
	Status  string
}

// HolderNames lists the holders' names for a table cell, each with its status
// when it is not active.
func (r roleRef) HolderNames() string {
	var names []string
	for _, p := range r.Holders {
		names = append(names, p.Label())
	}
	return strings.Join(names, ", ")
}

// Label is the person's name, with their status when they are not active, or
// the id marked undefined.
func (p personRef) Label() string {
	if !p.Defined {
		return p.ID + " (not defined)"
	}
	if p.Status != "" {
		return p.Name + " (" + strings.ReplaceAll(p.Status, "_", " ") + ")"
	}
	return p.Name
}

// refs resolves the register's ids for the pack.
type refs struct {
	x *raci.Index
}

func (r refs) role(id string) roleRef {
	ref := roleRef{ID: id, Name: id}
	if role := r.x.Role(id); role != nil {
		ref.Name, ref.Kind, ref.Defined = role.Name, string(role.Kind), true
	}
	for _, pid := range r.x.HoldersOf(id) {
		ref.Holders = append(ref.Holders, r.person(pid))
	}
	return ref
}

func (r refs) person(id string) personRef {
	ref := personRef{ID: id, Name: id}
	if p := r.x.Person(id); p != nil {
		ref.Name, ref.Defined = p.Name, true
		if s := p.StatusOrDefault(); s != raci.StatusActive {
			ref.Status = string(s)
		}
	}
	return ref
}

func (r refs) roles(ids []string) []roleRef {
	out := make([]roleRef, 0, len(ids))
	for _, id := range ids {
		out = append(out, r.role(id))
	}
	return out
}

// date formats an optional date, "" when absent.
func date(d *raci.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}

// before reports whether the optional date d is before asOf.
func before(d *raci.Date, asOf raci.Date) bool {
	return d != nil && d.Time().Before(asOf.Time())
}

// yesNo shows an optional flag.
func yesNo(b *bool) string {
	switch {
	case b == nil:
		return ""
	case *b:
		return "yes"
	}
	return "no"
}

func buildView(pack Pack, cfg config) *view {
	reg, rep := pack.Register, pack.Report
	x := reg.Index()
	r := refs{x: x}
	v := &view{
		Title:  "Evidence pack: " + reg.Organisation.Name,
		Org:    reg.Organisation.Name,
		AsOf:   rep.AsOf.String(),
		Source: rep.Source,
		Mapped: len(cfg.mappings) > 0,
	}
	for _, s := range engine.Severities() {
		v.Counts = append(v.Counts, sevCount{Severity: string(s), N: rep.Summary.BySeverity[s]})
	}
	for _, f := range rep.Findings {
		if f.Waived != "" {
			v.Waived++
		} else {
			v.Open++
		}
	}
	custom := map[string]bool{}
	for _, rule := range pack.Rules {
		custom[rule.ID] = rule.Custom
	}
	v.Chart = buildChart(rep.Findings, custom)
	v.Gov = buildGovernance(reg, r, rep.Findings)
	v.RACI = buildRACI(reg, r)
	v.Heat = buildHeat(reg, r)
	v.Assets = buildAssets(reg, r)
	v.Risks = buildRisks(reg, r, rep.AsOf)
	v.Authorities = buildAuthorities(reg, r)
	v.Delegations = buildDelegations(reg, r, rep.AsOf)
	v.People = buildPeople(reg, r, rep.AsOf)
	v.Conflicts = buildConflicts(reg, r)
	v.Approval = buildApproval(reg, r)
	v.Groups = buildGroups(rep.Findings)
	v.Exceptions = buildExceptions(reg, r, rep.Findings)
	v.Rules = buildRules(pack.Rules, cfg.mappings, rep.Findings)
	return v
}

// raciMatrix is the RACI of every activity: one column per role that any
// activity names, in the register's order of roles (undefined ids last).
type raciMatrix struct {
	Roles []roleRef
	Rows  []raciRow
}

type raciRow struct {
	ID            string
	Name          string
	Process       string
	Frequency     string
	LastPerformed string
	SignedBy      personRef
	SignedOn      string
	Cells         []raciCell
}

// raciCell is one role's letters for one activity, in R, A, C, I order ("R/A").
type raciCell struct {
	Role    string
	Letters string
}

// letters lists, for each role id, the letters the RACI gives it.
func letters(raci *raci.RACI) map[string][]string {
	out := map[string][]string{}
	if raci == nil {
		return out
	}
	for _, l := range []struct {
		letter string
		ids    []string
	}{{"R", raci.Responsible}, {"A", raci.Accountable}, {"C", raci.Consulted}, {"I", raci.Informed}} {
		for _, id := range l.ids {
			if !slices.Contains(out[id], l.letter) {
				out[id] = append(out[id], l.letter)
			}
		}
	}
	return out
}

// raciRoles returns the ids of the roles any activity's RACI names: defined
// roles in the register's order, then undefined ids sorted.
func raciRoles(reg *raci.Register) []string {
	named := map[string]bool{}
	for _, a := range reg.Activities {
		for id := range letters(a.RACI) {
			named[id] = true
		}
	}
	var ids []string
	for _, role := range reg.Roles {
		if named[role.ID] {
			ids = append(ids, role.ID)
			delete(named, role.ID)
		}
	}
	var rest []string
	for id := range named {
		rest = append(rest, id)
	}
	slices.Sort(rest)
	return append(ids, rest...)
}

func buildRACI(reg *raci.Register, r refs) raciMatrix {
	ids := raciRoles(reg)
	m := raciMatrix{Roles: r.roles(ids)}
	for _, a := range reg.Activities {
		row := raciRow{
			ID: a.ID, Name: a.Name, Process: string(a.Process), Frequency: string(a.Frequency),
			LastPerformed: date(a.LastPerformed),
		}
		if a.SignedOff != nil {
			row.SignedBy, row.SignedOn = r.person(a.SignedOff.By), a.SignedOff.Date.String()
		}
		ls := letters(a.RACI)
		for _, id := range ids {
			row.Cells = append(row.Cells, raciCell{Role: id, Letters: strings.Join(ls[id], "/")})
		}
		m.Rows = append(m.Rows, row)
	}
	return m
}

// heatMap counts, for each role and each business function, the activities
// that make it responsible, accountable, consulted or informed, and the A and
// R letters together: the work and the answering for it.
type heatMap struct {
	Roles     []heatRow
	Functions []heatRow
	// TotalAR is the number of A and R letters in the register.
	TotalAR int
	// Top is the function that carries the most A and R letters, when any
	// activity has one.
	Top *heatRow
}

// heatRow is one role's (or function's) counts. Cells are R, A, C and I; AR is
// A and R together, and Share its part of all A and R letters. The Level of
// each cell is 0 for none up to 5 for the most any row has in that column.
type heatRow struct {
	Label    string
	ID       string
	Function string
	Cells    [4]heatCell
	AR       heatCell
	Share    string
}

type heatCell struct {
	N     int
	Level int
	// Blocks is the length of the cell's bar in Markdown: N, scaled down to
	// barBlocks at most.
	Blocks int
}

// Bar draws the cell's count as a row of blocks, for Markdown.
func (c heatCell) Bar() string { return strings.Repeat("█", c.Blocks) }

// barBlocks is the longest bar Markdown draws.
const barBlocks = 20

// blocks scales n of at most most to a bar of at most barBlocks blocks; a
// count above zero always shows at least one block.
func blocks(n, most int) int {
	if most <= barBlocks || n == 0 {
		return n
	}
	return max(1, (n*barBlocks+most/2)/most)
}

func buildHeat(reg *raci.Register, r refs) heatMap {
	var h heatMap
	counts := map[string]*[4]int{}
	for _, a := range reg.Activities {
		for id, ls := range letters(a.RACI) {
			if counts[id] == nil {
				counts[id] = new([4]int)
			}
			for _, l := range ls {
				counts[id][strings.Index("RACI", l)]++
			}
		}
	}
	byFunc := map[string]*[4]int{}
	var funcs []string
	for _, id := range raciRoles(reg) {
		fn := "(undefined role)"
		if role := r.x.Role(id); role != nil {
			fn = string(role.Function)
		}
		c := counts[id]
		h.Roles = append(h.Roles, heatRowOf(r.role(id).Name, id, fn, *c))
		if byFunc[fn] == nil {
			byFunc[fn] = new([4]int)
			funcs = append(funcs, fn)
		}
		for i := range c {
			byFunc[fn][i] += c[i]
		}
		h.TotalAR += c[0] + c[1]
	}
	for _, fn := range funcs {
		h.Functions = append(h.Functions, heatRowOf(fn, fn, fn, *byFunc[fn]))
	}
	for _, rows := range [][]heatRow{h.Roles, h.Functions} {
		// The rows that carry the most A and R first, then the most A.
		slices.SortStableFunc(rows, func(a, b heatRow) int {
			if a.AR.N != b.AR.N {
				return b.AR.N - a.AR.N
			}
			return b.Cells[1].N - a.Cells[1].N
		})
		for i := range rows {
			rows[i].Share = percent(rows[i].AR.N, h.TotalAR)
		}
		setLevels(rows)
	}
	if len(h.Functions) > 0 && h.Functions[0].AR.N > 0 {
		top := h.Functions[0]
		h.Top = &top
	}
	return h
}

func heatRowOf(label, id, fn string, c [4]int) heatRow {
	row := heatRow{Label: label, ID: id, Function: fn, AR: heatCell{N: c[0] + c[1]}}
	for i := range row.Cells {
		row.Cells[i].N = c[i]
	}
	return row
}

// percent is n of total as a whole percentage.
func percent(n, total int) string {
	if total == 0 {
		return "0%"
	}
	return strconv.Itoa((n*100+total/2)/total) + "%"
}

// setLevels sets each cell's level and bar from its column's largest count.
func setLevels(rows []heatRow) {
	cells := []func(*heatRow) *heatCell{
		func(r *heatRow) *heatCell { return &r.AR },
	}
	for col := range 4 {
		cells = append(cells, func(r *heatRow) *heatCell { return &r.Cells[col] })
	}
	for _, cell := range cells {
		most := 0
		for i := range rows {
			most = max(most, cell(&rows[i]).N)
		}
		for i := range rows {
			if c := cell(&rows[i]); c.N > 0 {
				c.Level = (c.N*5 + most - 1) / most
				c.Blocks = blocks(c.N, most)
			}
		}
	}
}

type assetRow struct {
	ID             string
	Name           string
	Type           string
	Classification string
	PersonalData   string
	Owner          *roleRef
	Custodian      *roleRef
}

func optionalRole(r refs, id string) *roleRef {
	if id == "" {
		return nil
	}
	ref := r.role(id)
	return &ref
}

func buildAssets(reg *raci.Register, r refs) []assetRow {
	var out []assetRow
	for _, a := range reg.Assets {
		out = append(out, assetRow{
			ID: a.ID, Name: a.Name, Type: string(a.Type), Classification: string(a.Classification),
			PersonalData: yesNo(a.PersonalData), Owner: optionalRole(r, a.Owner), Custodian: optionalRole(r, a.Custodian),
		})
	}
	return out
}

type riskRow struct {
	ID         string
	Title      string
	Owner      *roleRef
	Residual   string
	Treatment  string
	Acceptance *acceptanceRow
}

type acceptanceRow struct {
	By        personRef
	Date      string
	ExpiresOn string
	Expired   bool
	Residual  string
	Rationale string
}

func buildRisks(reg *raci.Register, r refs, asOf raci.Date) []riskRow {
	var out []riskRow
	for _, k := range reg.Risks {
		row := riskRow{ID: k.ID, Title: k.Title, Owner: optionalRole(r, k.Owner), Residual: string(k.Residual), Treatment: string(k.Treatment)}
		if a := k.Acceptance; a != nil {
			row.Acceptance = &acceptanceRow{
				By: r.person(a.By), Date: a.Date.String(), ExpiresOn: date(a.ExpiresOn),
				Expired: before(a.ExpiresOn, asOf), Residual: string(a.Residual), Rationale: a.Rationale,
			}
		}
		out = append(out, row)
	}
	return out
}

type authorityRow struct {
	ID           string
	Decision     string
	Approver     roleRef
	Scope        string
	Assets       string
	MaxRiskLevel string
}

// assetNames lists assets by name (the id for an undefined one).
func assetNames(x *raci.Index, ids []string) string {
	var names []string
	for _, id := range ids {
		if a := x.Asset(id); a != nil {
			names = append(names, a.Name)
		} else {
			names = append(names, id+" (not defined)")
		}
	}
	return strings.Join(names, "; ")
}

func buildAuthorities(reg *raci.Register, r refs) []authorityRow {
	var out []authorityRow
	for _, a := range reg.Authorities {
		assets := "all"
		if len(a.Assets) > 0 {
			assets = assetNames(r.x, a.Assets)
		}
		out = append(out, authorityRow{
			ID: a.ID, Decision: string(a.Decision), Approver: r.role(a.Approver), Scope: a.Scope,
			Assets: assets, MaxRiskLevel: string(a.MaxRiskLevel),
		})
	}
	return out
}

type delegationRow struct {
	ID        string
	Activity  string
	From      roleRef
	To        roleRef
	Scope     string
	StartsOn  string
	ExpiresOn string
	Expired   bool
	Reviewed  *personRef
	ReviewOn  string
}

func buildDelegations(reg *raci.Register, r refs, asOf raci.Date) []delegationRow {
	var out []delegationRow
	for _, d := range reg.Delegations {
		row := delegationRow{
			ID: d.ID, Activity: d.Activity, From: r.role(d.From), To: r.role(d.To), Scope: string(d.Scope),
			StartsOn: date(d.StartsOn), ExpiresOn: date(d.ExpiresOn), Expired: before(d.ExpiresOn, asOf),
		}
		if row.Scope == "" {
			row.Scope = string(raci.DelegationResponsible)
		}
		if a := r.x.Activity(d.Activity); a != nil {
			row.Activity = a.Name + " (" + a.ID + ")"
		}
		if d.Review != nil {
			p := r.person(d.Review.By)
			row.Reviewed, row.ReviewOn = &p, d.Review.Date.String()
		}
		out = append(out, row)
	}
	return out
}

type personRow struct {
	Person         personRef
	Employment     string
	Roles          []heldRole
	JobDescription string
	Policy         string
	Induction      string
	Awareness      string
	Competences    []competenceRow
}

// heldRole is a role a person holds, and the team it comes through ("" when
// held directly).
type heldRole struct {
	Name string
	ID   string
	Team string
}

type competenceRow struct {
	ID         string
	AchievedOn string
	ExpiresOn  string
	Expired    bool
	Evidence   string
}

func buildPeople(reg *raci.Register, r refs, asOf raci.Date) []personRow {
	teamsOf := map[string][]*raci.Team{}
	for i := range reg.Teams {
		for _, m := range reg.Teams[i].Members {
			teamsOf[m] = append(teamsOf[m], &reg.Teams[i])
		}
	}
	rank := make(map[string]int, len(reg.Roles))
	for i, role := range reg.Roles {
		rank[role.ID] = i
	}
	var out []personRow
	for _, p := range reg.People {
		row := personRow{Person: r.person(p.ID), Employment: string(p.Employment), JobDescription: yesNo(p.JobDescriptionHasSecurityDuties)}
		if row.Employment == "" {
			row.Employment = string(raci.EmploymentEmployee)
		}
		for _, rid := range r.x.RolesOf(p.ID) {
			h := heldRole{ID: rid, Name: r.role(rid).Name}
			if !slices.Contains(p.Roles, rid) {
				for _, t := range teamsOf[p.ID] {
					if slices.Contains(t.Roles, rid) {
						h.Team = t.Name
						break
					}
				}
			}
			row.Roles = append(row.Roles, h)
		}
		// The register's order of roles; undefined ids, which RolesOf sorts,
		// after them.
		slices.SortStableFunc(row.Roles, func(a, b heldRole) int {
			ra, oka := rank[a.ID]
			rb, okb := rank[b.ID]
			switch {
			case oka && okb:
				return ra - rb
			case oka:
				return -1
			case okb:
				return 1
			}
			return 0
		})
		if a := p.Acknowledgements; a != nil {
			row.Policy, row.Induction, row.Awareness = date(a.Policy), date(a.Induction), date(a.AwarenessTraining)
		}
		for _, c := range p.Competences {
			row.Competences = append(row.Competences, competenceRow{
				ID: c.ID, AchievedOn: c.AchievedOn.String(), ExpiresOn: date(c.ExpiresOn),
				Expired: before(c.ExpiresOn, asOf), Evidence: c.Evidence,
			})
		}
		out = append(out, row)
	}
	return out
}

type conflictRow struct {
	ID     string
	Roles  []roleRef
	Reason string
	// Both are the people who hold every role of the conflict.
	Both []personRef
}

func buildConflicts(reg *raci.Register, r refs) []conflictRow {
	var out []conflictRow
	for _, c := range reg.Segregation {
		row := conflictRow{ID: c.ID, Roles: r.roles(c.Roles), Reason: c.Reason}
		if len(c.Roles) > 0 {
			for _, pid := range r.x.HoldersOf(c.Roles[0]) {
				all := true
				for _, rid := range c.Roles[1:] {
					all = all && r.x.Holds(pid, rid)
				}
				if all {
					row.Both = append(row.Both, r.person(pid))
				}
			}
		}
		out = append(out, row)
	}
	return out
}

// approval is who approved the register and the policy, and when they were
// last reviewed.
type approval struct {
	RegisterBy *personRef
	RegisterOn string
	ReviewedOn string
	Policy     *policyRow
}

type policyRow struct {
	ID                    string
	Title                 string
	ApprovedBy            *personRef
	ApprovedOn            string
	ReviewedOn            string
	OverallResponsibility *roleRef
}

func optionalPerson(r refs, id string) *personRef {
	if id == "" {
		return nil
	}
	ref := r.person(id)
	return &ref
}

func buildApproval(reg *raci.Register, r refs) approval {
	o := reg.Organisation
	a := approval{RegisterBy: optionalPerson(r, o.ApprovedBy), RegisterOn: date(o.ApprovedOn), ReviewedOn: date(o.ReviewedOn)}
	if p := reg.Policy; p != nil {
		a.Policy = &policyRow{
			ID: p.ID, Title: p.Title, ApprovedBy: optionalPerson(r, p.ApprovedBy), ApprovedOn: date(p.ApprovedOn),
			ReviewedOn: date(p.ReviewedOn), OverallResponsibility: optionalRole(r, p.OverallResponsibility),
		}
	}
	return a
}

// findingGroup is the open findings of one severity, by rule.
type findingGroup struct {
	Severity string
	N        int
	Rules    []ruleFindings
}

type ruleFindings struct {
	Rule        string
	Title       string
	Control     string
	Remediation string
	Findings    []findingRow
}

type findingRow struct {
	Rule    string
	Subject string
	Line    int
	Message string
}

func rowOf(f engine.Finding) findingRow {
	return findingRow{Rule: f.Rule, Subject: f.Subject, Line: f.Line, Message: f.Message}
}

// buildGroups groups the unwaived findings, which the report already sorts by
// severity and rule.
func buildGroups(findings []engine.Finding) []findingGroup {
	var out []findingGroup
	for _, s := range engine.Severities() {
		g := findingGroup{Severity: string(s)}
		for _, f := range findings {
			if f.Waived != "" || f.Severity != s {
				continue
			}
			if len(g.Rules) == 0 || g.Rules[len(g.Rules)-1].Rule != f.Rule {
				g.Rules = append(g.Rules, ruleFindings{Rule: f.Rule, Title: f.Title, Control: f.Control, Remediation: f.Remediation})
			}
			last := &g.Rules[len(g.Rules)-1]
			last.Findings = append(last.Findings, rowOf(f))
			g.N++
		}
		if g.N > 0 {
			out = append(out, g)
		}
	}
	return out
}

type exceptionRow struct {
	ID         string
	Rule       string
	Subject    string
	Reason     string
	ApprovedBy personRef
	ExpiresOn  string
	// Waives are the findings the exception waives; an exception that waives
	// none is not applied, and Problems says why (the findings about it).
	Waives   []findingRow
	Problems []findingRow
}

func buildExceptions(reg *raci.Register, r refs, findings []engine.Finding) []exceptionRow {
	var out []exceptionRow
	for _, e := range reg.Exceptions {
		row := exceptionRow{
			ID: e.ID, Rule: e.Rule, Subject: e.Subject, Reason: e.Reason,
			ApprovedBy: r.person(e.ApprovedBy), ExpiresOn: e.ExpiresOn.String(),
		}
		for _, f := range findings {
			switch {
			case f.Waived == e.ID:
				row.Waives = append(row.Waives, rowOf(f))
			case f.Subject == "exception:"+e.ID:
				row.Problems = append(row.Problems, rowOf(f))
			}
		}
		out = append(out, row)
	}
	return out
}

type ruleRow struct {
	ID       string
	Title    string
	Severity string
	ISO27001 string
	ISO27002 string
	SOC2     string
	NISTCSF  string
	SP80053  string
	Open     int
	Custom   bool
	Disabled bool
}

func buildRules(rules []engine.Rule, m Mappings, findings []engine.Finding) []ruleRow {
	open := map[string]int{}
	for _, f := range findings {
		if f.Waived == "" {
			open[f.Rule]++
		}
	}
	sorted := slices.Clone(rules)
	slices.SortFunc(sorted, func(a, b engine.Rule) int { return strings.Compare(a.ID, b.ID) })
	var out []ruleRow
	for _, rule := range sorted {
		mp := m[rule.ID]
		out = append(out, ruleRow{
			ID: rule.ID, Title: rule.Title, Severity: string(rule.Severity), ISO27001: rule.Control,
			ISO27002: iso27002(rule.Control), SOC2: strings.Join(mp.SOC2, ", "), NISTCSF: strings.Join(mp.NISTCSF, ", "),
			SP80053: strings.Join(mp.SP80053, ", "), Open: open[rule.ID], Custom: rule.Custom, Disabled: rule.Disabled,
		})
	}
	return out
}

// plural writes n and the noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
