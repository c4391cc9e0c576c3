package evidence

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci/racitest"
)

// lineSummary is a security lead's line reduced to what a reader checks.
type lineSummary struct {
	Lead    string
	Steps   []string
	Reaches bool
	Outcome string
}

// chartSummary is the governance chart reduced to its structure.
type chartSummary struct {
	Lines []lineSummary
	// Edges are "from>to", with a * when the edge is on a lead's line.
	Edges   []string
	Tops    []string
	Outside []string
	Loops   []string
}

func summarise(g governance) chartSummary {
	var s chartSummary
	for _, l := range g.Leads {
		ls := lineSummary{Lead: l.Lead.ID, Reaches: l.Reaches, Outcome: l.Outcome}
		for _, st := range l.Steps {
			ls.Steps = append(ls.Steps, st.ID)
		}
		s.Lines = append(s.Lines, ls)
	}
	for _, e := range g.Edges {
		mark := ""
		if e.Lead != "" {
			mark = "*"
		}
		s.Edges = append(s.Edges, fmt.Sprintf("%s>%s%s", e.From, e.To, mark))
	}
	for _, n := range g.Nodes {
		if n.Top {
			s.Tops = append(s.Tops, n.Role.ID)
		}
	}
	for _, r := range g.Outside {
		s.Outside = append(s.Outside, r.ID)
	}
	s.Loops = g.Loops
	return s
}

// roles is a register of the given roles (YAML list items), with nobody in it.
func roles(items string) string {
	return "version: 1\norganisation: {name: Test Ltd}\npeople: []\nroles:\n" + items
}

func TestGovernance(t *testing.T) {
	t.Parallel()
	tcs := []struct {
		name  string
		roles string
		want  chartSummary
	}{
		{
			name: "line reaches top management in two steps",
			roles: `
  - {id: ceo, name: CEO, kind: senior_management, function: executive}
  - {id: cio, name: CIO, kind: other, function: it, reports_to: ceo}
  - {id: ciso, name: CISO, kind: ciso, function: security, reports_to: cio}
  - {id: dev, name: Developer, kind: other, function: engineering}
`,
			want: chartSummary{
				Lines: []lineSummary{{Lead: "ciso", Steps: []string{"cio", "ceo"}, Reaches: true,
					Outcome: "It reaches top management (CEO, senior management) in 2 steps."}},
				Edges:   []string{"cio>ceo*", "ciso>cio*"},
				Tops:    []string{"ceo"},
				Outside: []string{"dev"},
			},
		},
		{
			name: "line stops at the first senior manager",
			roles: `
  - {id: ceo, name: CEO, kind: senior_management, function: executive}
  - {id: coo, name: COO, kind: senior_management, function: operations, reports_to: ceo}
  - {id: isms, name: ISMS manager, kind: isms_manager, function: security, reports_to: coo}
`,
			want: chartSummary{
				Lines: []lineSummary{{Lead: "isms", Steps: []string{"coo"}, Reaches: true,
					Outcome: "It reaches top management (COO, senior management) in 1 step."}},
				Edges: []string{"coo>ceo", "isms>coo*"},
				Tops:  []string{"coo"},
			},
		},
		{
			name: "lead reports to no role",
			roles: `
  - {id: ceo, name: CEO, kind: senior_management, function: executive}
  - {id: isms, name: ISMS manager, kind: isms_manager, function: security}
`,
			want: chartSummary{
				Lines: []lineSummary{{Lead: "isms", Outcome: "It stops at ISMS manager, which reports to no role."}},
			},
		},
		{
			name: "line ends at a role with no reports_to",
			roles: `
  - {id: head-it, name: Head of IT, kind: other, function: it}
  - {id: isms, name: ISMS manager, kind: isms_manager, function: security, reports_to: head-it}
`,
			want: chartSummary{
				Lines: []lineSummary{{Lead: "isms", Steps: []string{"head-it"},
					Outcome: "It stops at Head of IT, which reports to no role."}},
				Edges: []string{"isms>head-it*"},
			},
		},
		{
			name: "line ends at an undefined role",
			roles: `
  - {id: isms, name: ISMS manager, kind: isms_manager, function: security, reports_to: ghost}
`,
			want: chartSummary{
				Lines: []lineSummary{{Lead: "isms",
					Outcome: "It stops at ISMS manager, which reports to ghost, a role the register does not define."}},
			},
		},
		{
			name: "line runs into a loop",
			roles: `
  - {id: isms, name: ISMS manager, kind: isms_manager, function: security, reports_to: a}
  - {id: a, name: A, kind: other, function: it, reports_to: b}
  - {id: b, name: B, kind: other, function: it, reports_to: a}
`,
			want: chartSummary{
				Lines: []lineSummary{{Lead: "isms", Steps: []string{"a", "b"},
					Outcome: "It loops: B reports to A, which is already on the line."}},
				// The chart lays the loop out from A and leaves A's link to B
				// out, so the line's step from A to B is not drawn.
				Edges: []string{"b>a", "isms>a*"},
				Loops: []string{"A reports to B, which closes a loop"},
			},
		},
		{
			name: "role reports to itself",
			roles: `
  - {id: ciso, name: CISO, kind: ciso, function: security, reports_to: ciso}
`,
			want: chartSummary{
				Lines: []lineSummary{{Lead: "ciso", Outcome: "It loops: CISO reports to CISO, which is already on the line."}},
				Loops: []string{"CISO reports to itself"},
			},
		},
		{
			name: "no security lead",
			roles: `
  - {id: ceo, name: CEO, kind: senior_management, function: executive}
  - {id: staff, name: Staff, kind: staff, function: other, reports_to: ceo}
`,
			want: chartSummary{Edges: []string{"staff>ceo"}},
		},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			reg := racitest.Register(t, roles(tc.roles))
			got := summarise(buildGovernance(reg, refs{x: reg.Index()}, nil))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("governance chart mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestGovernanceLayout checks the geometry of a small tree: each role one
// column right of the role it reports to, leaves one row each, a parent level
// with the middle of its children, and each edge from the parent's right edge
// to the child's left edge.
func TestGovernanceLayout(t *testing.T) {
	t.Parallel()
	reg := racitest.Register(t, roles(`
  - {id: ceo, name: CEO, kind: senior_management, function: executive}
  - {id: cfo, name: CFO, kind: senior_management, function: finance, reports_to: ceo}
  - {id: coo, name: COO, kind: senior_management, function: operations, reports_to: ceo}
`))
	g := buildGovernance(reg, refs{x: reg.Index()}, nil)
	type box struct{ X, Y int }
	got := map[string]box{}
	for _, n := range g.Nodes {
		got[n.Role.ID] = box{n.X, n.Y}
	}
	row := govBoxH + govRowGap
	col := govBoxW + govColGap
	want := map[string]box{
		"ceo": {govMargin, govMargin + row/2},
		"cfo": {govMargin + col, govMargin},
		"coo": {govMargin + col, govMargin + row},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("boxes mismatch (-want +got):\n%s", diff)
	}
	var paths []string
	for _, e := range g.Edges {
		paths = append(paths, e.From+": "+e.Path)
	}
	x1, mid, x2 := govMargin+govBoxW, govMargin+govBoxW+govColGap/2, govMargin+col
	wantPaths := []string{
		fmt.Sprintf("cfo: M%d %d H%d V%d H%d", x1, govMargin+row/2+govBoxH/2, mid, govMargin+govBoxH/2, x2),
		fmt.Sprintf("coo: M%d %d H%d V%d H%d", x1, govMargin+row/2+govBoxH/2, mid, govMargin+row+govBoxH/2, x2),
	}
	if diff := cmp.Diff(wantPaths, paths); diff != "" {
		t.Errorf("edges mismatch (-want +got):\n%s", diff)
	}
	if wantW, wantH := 2*govMargin+2*col-govColGap, 2*govMargin+2*row-govRowGap; g.Width != wantW || g.Height != wantH {
		t.Errorf("chart is %d×%d, want %d×%d", g.Width, g.Height, wantW, wantH)
	}
}

func TestHeat(t *testing.T) {
	t.Parallel()
	reg := racitest.Register(t, `
version: 1
organisation: {name: Test Ltd}
people: []
roles:
  - {id: it-lead, name: IT lead, kind: process_owner, function: it}
  - {id: admin, name: Admin, kind: system_administrator, function: it}
  - {id: hr, name: HR, kind: process_owner, function: hr}
activities:
  - {id: a1, name: One, process: patch_management, raci: {responsible: [admin], accountable: [it-lead]}}
  - {id: a2, name: Two, process: logging_monitoring, raci: {responsible: [admin, it-lead], accountable: [it-lead], informed: [hr]}}
  - {id: a3, name: Three, process: awareness_training, raci: {responsible: [hr], accountable: [hr], consulted: [admin]}}
`)
	h := buildHeat(reg, refs{x: reg.Index()})
	type row struct {
		ID             string
		AR, R, A, C, I int
		Share          string
		ARLevel        int
	}
	rows := func(hs []heatRow) []row {
		var out []row
		for _, r := range hs {
			out = append(out, row{r.ID, r.AR.N, r.Cells[0].N, r.Cells[1].N, r.Cells[2].N, r.Cells[3].N, r.Share, r.AR.Level})
		}
		return out
	}
	wantRoles := []row{
		{"it-lead", 3, 1, 2, 0, 0, "43%", 5},
		{"hr", 2, 1, 1, 0, 1, "29%", 4},
		{"admin", 2, 2, 0, 1, 0, "29%", 4},
	}
	if diff := cmp.Diff(wantRoles, rows(h.Roles)); diff != "" {
		t.Errorf("roles mismatch (-want +got):\n%s", diff)
	}
	wantFuncs := []row{
		{"it", 5, 3, 2, 1, 0, "71%", 5},
		{"hr", 2, 1, 1, 0, 1, "29%", 2},
	}
	if diff := cmp.Diff(wantFuncs, rows(h.Functions)); diff != "" {
		t.Errorf("functions mismatch (-want +got):\n%s", diff)
	}
	if h.TotalAR != 7 || h.Top == nil || h.Top.ID != "it" {
		t.Errorf("total %d, top %+v; want 7 and it", h.TotalAR, h.Top)
	}
}

func TestMarkdownText(t *testing.T) {
	t.Parallel()
	tcs := []struct{ in, text, code string }{
		{"plain words", "plain words", "`plain words`"},
		{"a|b", `a\|b`, "`a\\|b`"},
		{"*bold* _it_ [x](y)", `\*bold\* \_it\_ \[x\](y)`, "`*bold* _it_ [x](y)`"},
		{"<b>R&D</b>", "&lt;b&gt;R&D&lt;/b&gt;", "`<b>R&D</b>`"},
		{"back\\slash `tick`", "back\\\\slash \\`tick\\`", "`` back\\slash `tick` ``"},
		{"two\nlines", "two lines", "`two lines`"},
	}
	for _, tc := range tcs {
		if got := markdownText(tc.in); got != tc.text {
			t.Errorf("markdownText(%q) = %q, want %q", tc.in, got, tc.text)
		}
		if got := markdownCode(tc.in); got != tc.code {
			t.Errorf("markdownCode(%q) = %q, want %q", tc.in, got, tc.code)
		}
	}
}

func TestMermaidText(t *testing.T) {
	t.Parallel()
	if got, want := mermaidText(`Head of "R&D" <#1>`), "Head of #quot;R&D#quot; #lt;#35;1#gt;"; got != want {
		t.Errorf("mermaidText = %q, want %q", got, want)
	}
}

func TestISO27002(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"A.5.2": "5.2", "A.5.18": "5.18", "A.6.3": "6.3", " A.8.1 ": "8.1",
		"Clause 6.1": "", "Clause 5": "", "": "", "A.": "",
	} {
		if got := iso27002(in); got != want {
			t.Errorf("iso27002(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestArea(t *testing.T) {
	t.Parallel()
	tcs := []struct {
		rule   string
		custom bool
		want   string
	}{
		{"A52-ASSET-001", false, "Asset ownership"},
		{"A52-SOD-002", false, "Segregation of duties"},
		{"ACME-VENDOR-001", true, "Organisation rules"},
		{"A52-NEW-001", false, "Other rules"},
		{"odd", false, "Other rules"},
	}
	for _, tc := range tcs {
		if got := area(tc.rule, tc.custom); got != tc.want {
			t.Errorf("area(%q, %v) = %q, want %q", tc.rule, tc.custom, got, tc.want)
		}
	}
}

func TestBlocks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ n, most, want int }{
		{0, 5, 0}, {3, 5, 3}, {20, 20, 20}, {40, 40, 20}, {1, 400, 1}, {200, 400, 10},
	} {
		if got := blocks(tc.n, tc.most); got != tc.want {
			t.Errorf("blocks(%d, %d) = %d, want %d", tc.n, tc.most, got, tc.want)
		}
	}
}
