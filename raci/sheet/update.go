package sheet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/rolecall/rolecall/raci"
)

// Update writes the RACI of the matrix into register, the text of an existing
// register in YAML, and returns the new text. The register must load
// (raci.LoadBytes); the result loads too.
//
// Columns are matched to the register's roles: a header "Name [id]" names the
// role with that id; another header names the role whose id or name it equals,
// ignoring case and spacing. A header that matches two roles, or none while its
// slug is the id of a role with another name, is a problem. Rows are matched to
// activities by the ID column, or else by name in the same way.
//
// For each matched activity, the letters of the sheet's columns replace the
// activity's letters for those roles; letters for roles the sheet has no column
// for are kept. Activities and roles the sheet introduces are appended to their
// lists, with "# TODO" comments where the sheet cannot say what a register
// needs (a new role's kind and function are other). Nothing else changes: the
// bytes outside the RACI mappings that change and the items appended are the
// register's own, comments included. Comments inside a RACI mapping that
// changes are not kept.
//
// Every problem is reported at once in one *Error, with the matrix's cells.
// Update does not write files; to show what changed, compare the registers
// loaded from register and from the result.
func Update(register []byte, m *Matrix) ([]byte, error) {
	reg, err := raci.LoadBytes(register, raci.WithFormat(raci.FormatYAML), raci.WithSourceName("the register"))
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(register, &doc); err != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, &Error{Source: m.Source, Problems: []Problem{{Message: "the register is not a YAML mapping: Update edits registers written in YAML"}}}
	}
	top := doc.Content[0]
	if top.Style&yaml.FlowStyle != 0 {
		return nil, &Error{Source: m.Source, Problems: []Problem{{Message: "the register is written as one flow mapping (JSON): Update edits registers written in block YAML"}}}
	}
	var ps problems
	ids, newRoles := resolveColumns(m, reg, &ps)
	plan := resolveRows(m, reg, ids, &ps)
	if len(ps) > 0 {
		return nil, &Error{Source: m.Source, Problems: ps}
	}

	t := newText(register)
	var edits []edit
	actSeq := valueOf(top, "activities")
	for i, a := range reg.Activities {
		p, ok := plan.update[i]
		if !ok || raciEqual(a.RACI, p) {
			continue
		}
		edits = append(edits, t.raciEdit(actSeq.Content[i], p))
	}
	if len(newRoles) > 0 {
		items := make([]item, len(newRoles))
		for i, c := range newRoles {
			items[i] = item{
				{key: "id", value: c.ID},
				{key: "name", value: c.Name},
				{key: "kind", value: string(raci.KindOther), comment: "TODO: the kind of role"},
				{key: "function", value: string(raci.FuncOther), comment: "TODO: the business function; and the role's duties"},
			}
		}
		edits = append(edits, t.appendItems(top, "roles", items))
	}
	if len(plan.added) > 0 {
		items := make([]item, len(plan.added))
		for i, a := range plan.added {
			it := item{{key: "id", value: a.ID}, {key: "name", value: a.Name}, {key: "process", value: string(a.Process)}}
			if a.noProcess {
				it[2].comment = "TODO: the security process (the sheet has none)"
			}
			if a.RACI != nil {
				it = append(it, field{key: "raci", raci: a.RACI})
			}
			if a.Frequency != "" {
				it = append(it, field{key: "frequency", value: string(a.Frequency)})
			}
			items[i] = it
		}
		edits = append(edits, t.appendItems(top, "activities", items))
	}
	out := t.apply(edits)
	if _, err := raci.LoadBytes(out, raci.WithFormat(raci.FormatYAML), raci.WithSourceName("the updated register")); err != nil {
		return nil, fmt.Errorf("rolecall: the updated register does not load, which is a bug of package sheet: %w", err)
	}
	return out, nil
}

// resolveColumns gives each column the id of the register's role it names
// ("" when it cannot), and lists the columns that introduce new roles.
func resolveColumns(m *Matrix, reg *raci.Register, ps *problems) ([]string, []Column) {
	// byName indexes the roles by normalised id and name, in register
	// order: a header matches a role by either.
	byID := map[string]bool{}
	byName := map[string][]int{}
	for j, r := range reg.Roles {
		byID[r.ID] = true
		byName[normalise(r.Name)] = append(byName[normalise(r.Name)], j)
		if k := strings.ToLower(r.ID); k != normalise(r.Name) {
			byName[k] = append(byName[k], j)
		}
	}
	for k, js := range byName {
		slices.Sort(js)
		byName[k] = slices.Compact(js)
	}
	ids := make([]string, len(m.Columns))
	var added []Column
	used := map[string]Cell{}
	for i, c := range m.Columns {
		id := ""
		switch {
		case c.Explicit:
			id = c.ID
			if !byID[id] {
				added = append(added, c)
			}
		default:
			var cands []string
			for _, j := range byName[normalise(c.Name)] {
				if !slices.Contains(cands, reg.Roles[j].ID) {
					cands = append(cands, reg.Roles[j].ID)
				}
			}
			switch {
			case len(cands) == 1:
				id = cands[0]
			case len(cands) > 1:
				ps.add(c.Cell, "%q matches the roles %s by id or name: write the id in brackets, as in %q", c.Name, strings.Join(cands, " and "), c.Name+" ["+cands[0]+"]")
			case c.ID != "" && byID[c.ID]:
				ps.add(c.Cell, "%q names no role of the register, and its id %s is the id of role %q: write the id in brackets to mean that role (%q), or another id for a new role", c.Name, c.ID, reg.Index().Role(c.ID).Name, c.Name+" ["+c.ID+"]")
			case c.ID != "":
				id = c.ID
				added = append(added, c)
			}
		}
		if id == "" {
			continue
		}
		if prev, dup := used[id]; dup {
			ps.add(c.Cell, "the column names role %s, as the column at %s does: keep one column per role", id, prev)
			continue
		}
		used[id] = c.Cell
		ids[i] = id
	}
	return ids, added
}

// rowPlan is what Update does with the matrix's rows: the new RACI of
// existing activities (by index), and the activities to append.
type rowPlan struct {
	update map[int]*raci.RACI
	added  []newActivity
}

type newActivity struct {
	raci.Activity
	noProcess bool
}

func resolveRows(m *Matrix, reg *raci.Register, ids []string, ps *problems) rowPlan {
	plan := rowPlan{update: map[int]*raci.RACI{}}
	index := map[string]int{}
	byName := map[string][]int{}
	for i, a := range reg.Activities {
		index[a.ID] = i
		byName[normalise(a.Name)] = append(byName[normalise(a.Name)], i)
	}
	inSheet := map[string]bool{}
	for _, id := range ids {
		if id != "" {
			inSheet[id] = true
		}
	}
	used := map[int]Cell{}
	for _, row := range m.Rows {
		i, found := -1, false
		if row.Explicit {
			i, found = index[row.ID]
		} else {
			cands := byName[normalise(row.Name)]
			switch {
			case len(cands) == 1:
				i, found = cands[0], true
			case len(cands) > 1:
				var names []string
				for _, j := range cands {
					names = append(names, reg.Activities[j].ID)
				}
				ps.add(row.Cell, "%q is the name of the activities %s: give the row the activity's id in an ID column", row.Name, strings.Join(names, " and "))
				continue
			default:
				if j, clash := index[row.ID]; clash {
					ps.add(row.Cell, "%q names no activity of the register, and its id %s is the id of activity %q: give the row an id in an ID column", row.Name, row.ID, reg.Activities[j].Name)
					continue
				}
			}
		}
		if !found {
			a := raci.Activity{ID: row.ID, Name: row.Name, Process: row.Process, Frequency: row.Frequency, RACI: raciOf(row.Letters, ids)}
			na := newActivity{Activity: a, noProcess: a.Process == ""}
			if na.noProcess {
				na.Process = raci.ProcOther
			}
			index[a.ID] = -1
			plan.added = append(plan.added, na)
			continue
		}
		if i < 0 {
			continue
		}
		if prev, dup := used[i]; dup {
			ps.add(row.Cell, "the row is activity %s, as the row at %s is: keep one row per activity", reg.Activities[i].ID, prev)
			continue
		}
		used[i] = row.Cell
		plan.update[i] = mergeRACI(reg.Activities[i].RACI, row.Letters, ids, inSheet)
	}
	return plan
}

// mergeRACI keeps the letters of roles the sheet has no column for, in their
// order, drops those the sheet clears and appends those it adds, in column
// order.
func mergeRACI(old *raci.RACI, letters []Letters, ids []string, inSheet map[string]bool) *raci.RACI {
	if old == nil {
		old = &raci.RACI{}
	}
	has := map[string]Letters{}
	for i, id := range ids {
		if id != "" {
			has[id] |= letters[i]
		}
	}
	merge := func(list []string, l Letters) []string {
		var out []string
		for _, id := range list {
			if !inSheet[id] || has[id]&l != 0 {
				out = append(out, id)
			}
		}
		for i, id := range ids {
			if id != "" && letters[i]&l != 0 && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
		return out
	}
	return &raci.RACI{
		Responsible: merge(old.Responsible, Responsible),
		Accountable: merge(old.Accountable, Accountable),
		Consulted:   merge(old.Consulted, Consulted),
		Informed:    merge(old.Informed, Informed),
	}
}

// raciEqual compares the lists of two RACIs; no RACI equals an empty one.
func raciEqual(a, b *raci.RACI) bool {
	if a == nil {
		a = &raci.RACI{}
	}
	if b == nil {
		b = &raci.RACI{}
	}
	return slices.Equal(a.Responsible, b.Responsible) && slices.Equal(a.Accountable, b.Accountable) &&
		slices.Equal(a.Consulted, b.Consulted) && slices.Equal(a.Informed, b.Informed)
}

func valueOf(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func keyOf(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return nil
}

// edit replaces the bytes [start, end) with text.
type edit struct {
	start, end int
	text       string
}

// text is a register's source with its line offsets.
type text struct {
	src   []byte
	lines []int // byte offset of the start of each line
	nl    string
}

func newText(src []byte) *text {
	t := &text{src: src, lines: []int{0}, nl: "\n"}
	for i, b := range src {
		if b == '\n' {
			t.lines = append(t.lines, i+1)
		}
	}
	if bytes.Contains(src, []byte("\r\n")) {
		t.nl = "\r\n"
	}
	return t
}

// offset turns a node's 1-based line and column (in characters) into a byte
// offset.
func (t *text) offset(line, col int) int {
	off := t.lines[line-1]
	for i := 1; i < col && off < len(t.src); i++ {
		_, w := utf8.DecodeRune(t.src[off:])
		off += w
	}
	return off
}

// lineEnd is the offset of the end of the line holding off, before its line
// break.
func (t *text) lineEnd(off int) int {
	e := bytes.IndexByte(t.src[off:], '\n')
	if e < 0 {
		return len(t.src)
	}
	e += off
	if e > 0 && t.src[e-1] == '\r' {
		e--
	}
	return e
}

// line returns the text of 1-based line n without its line break.
func (t *text) line(n int) string {
	if n < 1 || n > len(t.lines) {
		return ""
	}
	return string(t.src[t.lines[n-1]:t.lineEnd(t.lines[n-1])])
}

func indentOf(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// blockEnd is the end of a block that starts on line first and continues on
// the lines indented by more than indent spaces: the end of its last line
// that is neither blank nor only a comment.
func (t *text) blockEnd(first, indent int) int {
	last := first
	for n := first + 1; n <= len(t.lines); n++ {
		s := t.line(n)
		trimmed := strings.TrimSpace(s)
		if trimmed == "" {
			continue
		}
		if indentOf(s) <= indent {
			break
		}
		if !strings.HasPrefix(trimmed, "#") {
			last = n
		}
	}
	return t.lineEnd(t.lines[last-1])
}

// flowEnd is the offset just after the flow collection that opens at off,
// skipping quoted scalars and comments.
func (t *text) flowEnd(off int) int {
	depth := 0
	prev := byte(' ')
	for i := off; i < len(t.src); i++ {
		c := t.src[i]
		switch {
		case c == '#' && (prev == ' ' || prev == '\t' || prev == '\n'):
			i = t.lineEnd(i) - 1
			c = '\n'
		case (c == '"' || c == '\'') && strings.IndexByte("[{,: \t\n", prev) >= 0:
			for i++; i < len(t.src); i++ {
				if c == '"' && t.src[i] == '\\' {
					i++
					continue
				}
				if t.src[i] == c {
					if c == '\'' && i+1 < len(t.src) && t.src[i+1] == '\'' {
						i++
						continue
					}
					break
				}
			}
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
		prev = c
	}
	return len(t.src)
}

// nodeEnd is the end of a node that starts a block or flow value in a
// collection whose keys or items sit at column col.
func (t *text) nodeEnd(n *yaml.Node, indent int) int {
	if n.Kind != yaml.ScalarNode && n.Style&yaml.FlowStyle != 0 {
		return t.flowEnd(t.offset(n.Line, n.Column))
	}
	return t.blockEnd(n.Line, indent)
}

// raciEdit replaces the raci of an activity node with x, or adds it.
func (t *text) raciEdit(act *yaml.Node, x *raci.RACI) edit {
	key, val := keyOf(act, "raci"), valueOf(act, "raci")
	if act.Style&yaml.FlowStyle != 0 {
		if val != nil {
			start := t.offset(val.Line, val.Column)
			return edit{start, t.nodeEnd(val, 0), flowRACI(x)}
		}
		end := t.flowEnd(t.offset(act.Line, act.Column)) - 1
		for end > 0 && (t.src[end-1] == ' ' || t.src[end-1] == '\n' || t.src[end-1] == '\r') {
			end--
		}
		return edit{end, end, ", raci: " + flowRACI(x)}
	}
	if val != nil && val.Kind == yaml.MappingNode && val.Style&yaml.FlowStyle != 0 {
		start := t.offset(val.Line, val.Column)
		return edit{start, t.flowEnd(start), flowRACI(x)}
	}
	if key != nil {
		indent := key.Column - 1
		start := t.offset(key.Line, key.Column)
		child := indent + 2
		if val != nil && val.Kind == yaml.MappingNode && len(val.Content) > 0 && val.Line > key.Line {
			child = val.Column - 1
		}
		return edit{start, t.blockEnd(key.Line, indent), "raci:" + t.blockRACI(x, child)}
	}
	// No raci yet: add it after the last key of the activity.
	last := act.Content[len(act.Content)-2]
	indent := last.Column - 1
	end := t.blockEnd(last.Line, indent)
	return edit{end, end, t.nl + strings.Repeat(" ", indent) + "raci:" + t.blockRACI(x, indent+2)}
}

func raciLists(x *raci.RACI) []field {
	var out []field
	for _, l := range []struct {
		key string
		ids []string
	}{{"responsible", x.Responsible}, {"accountable", x.Accountable}, {"consulted", x.Consulted}, {"informed", x.Informed}} {
		if len(l.ids) > 0 {
			out = append(out, field{key: l.key, list: l.ids})
		}
	}
	return out
}

func flowRACI(x *raci.RACI) string {
	var parts []string
	for _, f := range raciLists(x) {
		parts = append(parts, f.key+": "+flowList(f.list))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// blockRACI renders the RACI's lists as the lines of a block mapping
// indented by indent spaces, each starting with a line break; " {}" when it
// has none.
func (t *text) blockRACI(x *raci.RACI, indent int) string {
	lists := raciLists(x)
	if len(lists) == 0 {
		return " {}"
	}
	var b strings.Builder
	for _, f := range lists {
		b.WriteString(t.nl + strings.Repeat(" ", indent) + f.key + ": " + flowList(f.list))
	}
	return b.String()
}

func flowList(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = scalar(id)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// scalar writes s as a YAML scalar that reads back as the string s in block
// and flow context: plain when it is made of letters, digits, spaces and
// -_./()&' (and reads as a string), double-quoted otherwise.
func scalar(s string) string {
	plain := s != "" && s == strings.TrimSpace(s) && !strings.ContainsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(" -_./()&'", r))
	}) && (unicode.IsLetter(rune(s[0])) || unicode.IsDigit(rune(s[0])) || s[0] >= utf8.RuneSelf)
	if plain {
		var v any
		if err := yaml.Unmarshal([]byte("["+s+"]"), &v); err == nil {
			if l, ok := v.([]any); ok && len(l) == 1 && l[0] == s {
				return s
			}
		}
	}
	b, _ := json.Marshal(s)
	return string(b)
}

// field is one key of an item Update appends: a scalar value, a list of ids
// or a RACI, with an optional line comment.
type field struct {
	key, value, comment string
	list                []string
	raci                *raci.RACI
}

type item []field

// flow renders the item as a flow mapping, and its comments as one line
// comment ("" when it has none).
func (it item) flow() (string, string) {
	var parts, comments []string
	for _, f := range it {
		switch {
		case f.raci != nil:
			parts = append(parts, f.key+": "+flowRACI(f.raci))
		default:
			parts = append(parts, f.key+": "+scalar(f.value))
		}
		if f.comment != "" {
			comments = append(comments, f.key+": "+f.comment)
		}
	}
	comment := ""
	if len(comments) > 0 {
		comment = " # " + strings.Join(comments, "; ")
	}
	return "{" + strings.Join(parts, ", ") + "}", comment
}

// block renders the item's keys as block lines, the first without indent.
func (t *text) block(it item, indent int) string {
	var b strings.Builder
	for i, f := range it {
		if i > 0 {
			b.WriteString(t.nl + strings.Repeat(" ", indent))
		}
		b.WriteString(f.key + ":")
		switch {
		case f.raci != nil:
			b.WriteString(t.blockRACI(f.raci, indent+2))
		default:
			b.WriteString(" " + scalar(f.value))
		}
		if f.comment != "" {
			b.WriteString(" # " + f.comment)
		}
	}
	return b.String()
}

// appendItems appends items to the top-level list key, in the style of its
// last item, or adds the key at the end of the register.
func (t *text) appendItems(top *yaml.Node, key string, items []item) edit {
	seq := valueOf(top, key)
	if seq == nil {
		end := len(t.src)
		prefix := ""
		if end > 0 && t.src[end-1] != '\n' {
			prefix = t.nl
		}
		var b strings.Builder
		b.WriteString(prefix + key + ":")
		for _, it := range items {
			b.WriteString(t.nl + "  - " + t.block(it, 4))
		}
		return edit{end, end, b.String() + t.nl}
	}
	if seq.Style&yaml.FlowStyle != 0 {
		end := t.flowEnd(t.offset(seq.Line, seq.Column)) - 1
		parts := make([]string, len(items))
		for i, it := range items {
			parts[i], _ = it.flow()
		}
		sep := ""
		if len(seq.Content) > 0 {
			sep = ", "
		}
		return edit{end, end, sep + strings.Join(parts, ", ")}
	}
	last := seq.Content[len(seq.Content)-1]
	start := t.offset(last.Line, last.Column)
	dash := bytes.LastIndexByte(t.src[t.lines[last.Line-1]:start], '-')
	dashIndent := max(dash, 0)
	end := t.nodeEnd(last, last.Column-2)
	gap := ""
	if len(seq.Content) > 1 {
		prev := seq.Content[len(seq.Content)-2]
		if strings.TrimSpace(t.line(last.Line-1)) == "" && last.Line-1 > prev.Line {
			gap = t.nl
		}
	}
	var b strings.Builder
	for _, it := range items {
		b.WriteString(t.nl + gap + strings.Repeat(" ", dashIndent) + "- ")
		if last.Style&yaml.FlowStyle != 0 {
			f, comment := it.flow()
			b.WriteString(f + comment)
			continue
		}
		b.WriteString(t.block(it, last.Column-1))
	}
	return edit{end, end, b.String()}
}

// apply makes the edits, which do not overlap, from the last to the first.
// Insertions at the same offset land in the order of edits (a RACI added to
// the last activity before the activities appended after it).
func (t *text) apply(edits []edit) []byte {
	order := make([]int, len(edits))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if edits[a].start != edits[b].start {
			return edits[b].start - edits[a].start
		}
		return b - a
	})
	out := slices.Clone(t.src)
	for _, i := range order {
		e := edits[i]
		out = slices.Concat(out[:e.start], []byte(e.text), out[e.end:])
	}
	return out
}
