package evidence

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// areaNames names the areas of the bundled rules, by the middle part of their
// ids (A52-ASSET-001 is in area ASSET).
var areaNames = map[string]string{
	"ACC":    "Access reviews",
	"ASSET":  "Asset ownership",
	"AUTH":   "Authorisation levels",
	"COMM":   "Awareness and acknowledgements",
	"COMP":   "Competence",
	"DATE":   "Record dates",
	"DELEG":  "Delegations",
	"DOC":    "Register approval and review",
	"EXC":    "Exceptions",
	"GOV":    "Governance and reporting lines",
	"PEOPLE": "People and leavers",
	"POL":    "Policy",
	"PROC":   "Processes and RACI",
	"REF":    "References",
	"RISK":   "Risk ownership and acceptance",
	"ROLE":   "Roles",
	"SOD":    "Segregation of duties",
}

// area returns the area of a rule: its name for a bundled rule, "Organisation
// rules" for a custom one and "Other rules" for an id of another shape.
func area(ruleID string, custom bool) string {
	if custom {
		return "Organisation rules"
	}
	parts := strings.Split(ruleID, "-")
	if len(parts) == 3 {
		if name, ok := areaNames[parts[1]]; ok {
			return name
		}
	}
	return "Other rules"
}

// findingsChart is a horizontal stacked bar chart of the open findings: one
// bar per area, one segment per severity.
type findingsChart struct {
	Severities []string
	Areas      []areaBar
	Width      int
	Height     int
	// LabelX is where the areas' names end.
	LabelX int
	// LegendY is where the legend's row starts.
	LegendY int
	Legend  []legendItem
}

type areaBar struct {
	Name     string
	Counts   []int
	Total    int
	Y        int
	TextY    int
	Segments []segment
	EndX     string
	// Blocks is the length of the area's bar in Markdown.
	Blocks int
}

type segment struct {
	X        string
	Y        int
	W        string
	Severity string
	Title    string
}

type legendItem struct {
	X        int
	TextX    int
	Severity string
}

// Geometry of the findings chart, in SVG user units (CSS pixels).
const (
	chartLabelW = 230
	chartBarW   = 400
	chartRowH   = 26
	chartBarH   = 18
)

func buildChart(findings []engine.Finding, custom map[string]bool) findingsChart {
	sevs := engine.Severities()
	c := findingsChart{}
	for _, s := range sevs {
		c.Severities = append(c.Severities, string(s))
	}
	byArea := map[string]*areaBar{}
	for _, f := range findings {
		if f.Waived != "" {
			continue
		}
		name := area(f.Rule, custom[f.Rule])
		b := byArea[name]
		if b == nil {
			b = &areaBar{Name: name, Counts: make([]int, len(sevs))}
			byArea[name] = b
		}
		if i := f.Severity.Rank(); i >= 0 && i < len(sevs) {
			b.Counts[i]++
			b.Total++
		}
	}
	for _, b := range byArea {
		c.Areas = append(c.Areas, *b)
	}
	// The areas with the most severe findings first, then the most findings.
	slices.SortFunc(c.Areas, func(a, b areaBar) int {
		if d := slices.Compare(b.Counts, a.Counts); d != 0 {
			return d
		}
		return strings.Compare(a.Name, b.Name)
	})
	most := 0
	for _, b := range c.Areas {
		most = max(most, b.Total)
	}
	for i := range c.Areas {
		b := &c.Areas[i]
		b.Y = 8 + i*chartRowH
		b.TextY = b.Y + chartBarH - 4
		x := float64(chartLabelW)
		for j, n := range b.Counts {
			if n == 0 {
				continue
			}
			w := float64(n) / float64(most) * chartBarW
			b.Segments = append(b.Segments, segment{
				X: num(x), Y: b.Y, W: num(w), Severity: c.Severities[j],
				Title: fmt.Sprintf("%s: %s", b.Name, plural(n, c.Severities[j]+" finding")),
			})
			x += w
		}
		b.EndX = num(x + 6)
		b.Blocks = blocks(b.Total, most)
	}
	c.LegendY = 8 + len(c.Areas)*chartRowH + 6
	for i, s := range c.Severities {
		c.Legend = append(c.Legend, legendItem{X: chartLabelW + i*90, TextX: chartLabelW + i*90 + 18, Severity: s})
	}
	c.LabelX = chartLabelW - 8
	c.Width = chartLabelW + chartBarW + 50
	c.Height = c.LegendY + 24
	return c
}

// num formats a coordinate with at most one decimal.
func num(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	return strings.TrimSuffix(s, ".0")
}

// governance is the chart of the roles' reporting lines, left to right from
// the top of each line, and the security leads' lines to top management.
type governance struct {
	Nodes  []govNode
	Edges  []govEdge
	Width  int
	Height int
	Leads  []leadLine
	// Outside are the roles in no reporting line: they neither report to a
	// role nor have a role reporting to them.
	Outside []roleRef
	// Loops are the reports_to links the chart leaves out because they close a
	// loop.
	Loops []string
	// Mermaid is the chart as Mermaid flowchart lines, for Markdown.
	Mermaid []string
}

type govNode struct {
	Role    roleRef
	X, Y    int
	Holders string
	// Lead marks a security lead, Line a role on a lead's line to top
	// management and Top the senior_management role the line reaches.
	Lead, Line, Top bool
	// NameText and HolderText are the name and holders cut to fit the box.
	NameText, HolderText string
}

type govEdge struct {
	From, To string
	Path     string
	// Lead names the security leads whose line to top management takes this
	// edge, space-separated; empty for other edges.
	Lead  string
	Title string
}

// leadLine is the reporting line of a role of kind isms_manager or ciso, as
// far as it goes: to the first senior_management role, or until it stops.
type leadLine struct {
	Lead    roleRef
	Steps   []roleRef
	Reaches bool
	// Outcome says how the line ends, in words.
	Outcome string
	// Findings are the open findings about the lead (A52-GOV-001 among them).
	Findings []findingRow
}

// Geometry of the governance chart.
const (
	govBoxW   = 230
	govBoxH   = 58
	govColGap = 60
	govRowGap = 14
	govMargin = 10
	// govChars is how many characters of a name fit in a box.
	govChars = 34
)

// cut shortens s to n characters, marking the cut with an ellipsis.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func buildGovernance(reg *raci.Register, r refs, findings []engine.Finding) governance {
	var g governance
	x := r.x
	parentOf := func(role *raci.Role) string {
		if role.ReportsTo == "" || role.ReportsTo == role.ID || x.Role(role.ReportsTo) == nil {
			return ""
		}
		return role.ReportsTo
	}
	in := map[string]bool{}
	for i := range reg.Roles {
		role := &reg.Roles[i]
		if p := parentOf(role); p != "" {
			in[role.ID], in[p] = true, true
		}
		if role.ReportsTo == role.ID {
			g.Loops = append(g.Loops, fmt.Sprintf("%s reports to itself", role.Name))
		}
		switch role.Kind {
		case raci.KindISMSManager, raci.KindCISO, raci.KindSeniorManagement:
			in[role.ID] = true
		}
	}
	children := map[string][]string{}
	for i := range reg.Roles {
		role := &reg.Roles[i]
		if p := parentOf(role); p != "" && in[role.ID] {
			children[p] = append(children[p], role.ID)
		}
	}

	// Lay the roles out as a tree: each role one column right of the role it
	// reports to, leaves one row each, a role level with the middle of its
	// children. A role in a loop is laid out once, from the first of the loop's
	// roles in the register's order, and the link closing the loop is left out.
	type pos struct{ depth, y int }
	at := map[string]pos{}
	parent := map[string]string{}
	var order []string
	rows, maxDepth := 0, 0
	var place func(id string, depth int) int
	place = func(id string, depth int) int {
		at[id] = pos{depth: depth}
		order = append(order, id)
		maxDepth = max(maxDepth, depth)
		var ys []int
		for _, c := range children[id] {
			if _, done := at[c]; done {
				continue
			}
			parent[c] = id
			ys = append(ys, place(c, depth+1))
		}
		y := rows * (govBoxH + govRowGap)
		if len(ys) > 0 {
			y = (ys[0] + ys[len(ys)-1]) / 2
		} else {
			rows++
		}
		at[id] = pos{depth: depth, y: y}
		return y
	}
	for i := range reg.Roles {
		role := &reg.Roles[i]
		if in[role.ID] && parentOf(role) == "" {
			place(role.ID, 0)
		}
	}
	// What is left hangs off a loop: walk up from it to a role on the loop,
	// and lay the loop out from there.
	for i := range reg.Roles {
		role := &reg.Roles[i]
		if _, done := at[role.ID]; !in[role.ID] || done {
			continue
		}
		seen := map[string]bool{}
		cur := role
		for !seen[cur.ID] {
			seen[cur.ID] = true
			next := x.Role(parentOf(cur))
			if next == nil {
				// Only a loop leaves a role unplaced, so the walk never ends
				// here; were it to, the role is laid out as a top.
				break
			}
			cur = next
		}
		place(cur.ID, 0)
		if up := x.Role(parentOf(cur)); up != nil {
			g.Loops = append(g.Loops, fmt.Sprintf("%s reports to %s, which closes a loop", cur.Name, up.Name))
		}
	}

	// The security leads' lines.
	lineEdges := map[[2]string][]string{}
	onLine, top, lead := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for i := range reg.Roles {
		role := &reg.Roles[i]
		if role.Kind != raci.KindISMSManager && role.Kind != raci.KindCISO {
			continue
		}
		lead[role.ID] = true
		l := leadLine{Lead: r.role(role.ID)}
		seen := map[string]bool{role.ID: true}
		cur := role
		for {
			next := cur.ReportsTo
			if next == "" {
				l.Outcome = fmt.Sprintf("It stops at %s, which reports to no role.", cur.Name)
				break
			}
			nr := x.Role(next)
			if nr == nil {
				l.Outcome = fmt.Sprintf("It stops at %s, which reports to %s, a role the register does not define.", cur.Name, next)
				break
			}
			if seen[next] {
				l.Outcome = fmt.Sprintf("It loops: %s reports to %s, which is already on the line.", cur.Name, nr.Name)
				break
			}
			seen[next] = true
			lineEdges[[2]string{cur.ID, next}] = append(lineEdges[[2]string{cur.ID, next}], role.ID)
			onLine[cur.ID], onLine[next] = true, true
			l.Steps = append(l.Steps, r.role(next))
			cur = nr
			if nr.Kind == raci.KindSeniorManagement {
				l.Reaches = true
				top[next] = true
				l.Outcome = fmt.Sprintf("It reaches top management (%s, senior management) in %s.", nr.Name, plural(len(l.Steps), "step"))
				break
			}
		}
		for _, f := range findings {
			if f.Waived == "" && f.Subject == "role:"+role.ID {
				l.Findings = append(l.Findings, rowOf(f))
			}
		}
		g.Leads = append(g.Leads, l)
	}

	colW := govBoxW + govColGap
	for _, id := range order {
		p := at[id]
		ref := r.role(id)
		n := govNode{
			Role: ref, X: govMargin + p.depth*colW, Y: govMargin + p.y,
			Lead: lead[id], Line: onLine[id], Top: top[id],
			NameText: cut(ref.Name, govChars),
		}
		n.Holders = ref.HolderNames()
		n.HolderText = cut(n.Holders, govChars+4)
		if n.Holders == "" {
			n.HolderText = "no holder"
		}
		g.Nodes = append(g.Nodes, n)
		pid, ok := parent[id]
		if !ok {
			continue
		}
		pp := at[pid]
		x1, y1 := govMargin+pp.depth*colW+govBoxW, govMargin+pp.y+govBoxH/2
		x2, y2 := govMargin+p.depth*colW, govMargin+p.y+govBoxH/2
		mid := x1 + govColGap/2
		e := govEdge{
			From: id, To: pid,
			Path:  fmt.Sprintf("M%d %d H%d V%d H%d", x1, y1, mid, y2, x2),
			Lead:  strings.Join(lineEdges[[2]string{id, pid}], " "),
			Title: fmt.Sprintf("%s reports to %s", ref.Name, x.Role(pid).Name),
		}
		g.Edges = append(g.Edges, e)
	}
	// Lead edges last, so that they are drawn over the others.
	slices.SortStableFunc(g.Edges, func(a, b govEdge) int {
		switch {
		case a.Lead == "" && b.Lead != "":
			return -1
		case a.Lead != "" && b.Lead == "":
			return 1
		}
		return 0
	})
	g.Width = 2*govMargin + (maxDepth+1)*colW - govColGap
	g.Height = 2*govMargin + rows*(govBoxH+govRowGap) - govRowGap
	if len(order) == 0 {
		g.Width, g.Height = 0, 0
	}
	for i := range reg.Roles {
		if !in[reg.Roles[i].ID] {
			g.Outside = append(g.Outside, r.role(reg.Roles[i].ID))
		}
	}
	g.Mermaid = mermaid(g)
	return g
}

// mermaid writes the governance chart as a Mermaid flowchart: an arrow from
// each role to the role it reports to, top management at the top, the
// security leads' lines thick and labelled.
func mermaid(g governance) []string {
	lines := []string{"flowchart BT"}
	ids := map[string]string{}
	for i, n := range g.Nodes {
		ids[n.Role.ID] = fmt.Sprintf("r%d", i)
		label := mermaidText(n.Role.Name) + "<br/>" + mermaidText(strings.ReplaceAll(n.Role.Kind, "_", " "))
		if n.Holders != "" {
			label += "<br/>" + mermaidText(n.Holders)
		} else {
			label += "<br/>no holder"
		}
		lines = append(lines, fmt.Sprintf("  %s[\"%s\"]", ids[n.Role.ID], label))
	}
	var leadLinks []string
	for i, e := range g.Edges {
		if e.Lead != "" {
			lines = append(lines, fmt.Sprintf("  %s ==>|\"security lead's line\"| %s", ids[e.From], ids[e.To]))
			leadLinks = append(leadLinks, fmt.Sprint(i))
		} else {
			lines = append(lines, fmt.Sprintf("  %s --> %s", ids[e.From], ids[e.To]))
		}
	}
	var leads, tops []string
	for _, n := range g.Nodes {
		switch {
		case n.Lead:
			leads = append(leads, ids[n.Role.ID])
		case n.Top:
			tops = append(tops, ids[n.Role.ID])
		}
	}
	lines = append(lines, "  classDef lead fill:#fde8e8,stroke:#a61b1b,stroke-width:3px", "  classDef top fill:#e8effd,stroke:#1b3fa6,stroke-width:3px")
	if len(leads) > 0 {
		lines = append(lines, "  class "+strings.Join(leads, ",")+" lead")
	}
	if len(tops) > 0 {
		lines = append(lines, "  class "+strings.Join(tops, ",")+" top")
	}
	if len(leadLinks) > 0 {
		lines = append(lines, "  linkStyle "+strings.Join(leadLinks, ",")+" stroke:#a61b1b,stroke-width:4px")
	}
	return lines
}

// mermaidText escapes text for a quoted Mermaid label: quotes, angle brackets
// and the # of Mermaid's own entities become entity codes.
func mermaidText(s string) string {
	return strings.NewReplacer("#", "#35;", `"`, "#quot;", "<", "#lt;", ">", "#gt;", "\n", " ").Replace(s)
}
