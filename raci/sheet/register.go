package sheet

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/rolecall/rolecall/raci"
)

// PlaceholderOrganisation is the organisation name of a register NewRegister
// writes: a sheet does not say whose it is.
const PlaceholderOrganisation = "Unnamed organisation"

// NewRegister writes the matrix as a new register (YAML) that loads: its roles
// (one per column, with the column's id and name), its activities (one per
// row, with id, name, process, RACI and frequency) and empty people. What a
// register needs and the sheet cannot say is marked with "# TODO" comments:
// the organisation's name and approval, each role's kind, function and duties
// (written as other until you say), each activity's process when the sheet
// has no Process column (other), the people who hold the roles, the policy,
// assets and authorities. Phase rows become comments above their first
// activity, and the Notes column's text a comment above its activity; text of the sheet that is not part of the matrix is listed in the
// register's first comment, so that nothing is dropped unseen.
//
// The output is deterministic: the same matrix gives the same bytes.
func NewRegister(m *Matrix) ([]byte, error) {
	top := mapping()
	top.HeadComment = headComment(m)
	org := mapping()
	add(org, "name", str(PlaceholderOrganisation))
	org.Content[1].LineComment = "TODO: your organisation's name"
	org.Content[0].HeadComment = "TODO: approved_by and approved_on once senior management approves this register (A52-DOC-001)"
	add(top, "version", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: "1"})
	add(top, "organisation", org)

	roles := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, c := range m.Columns {
		r := mapping()
		add(r, "id", str(c.ID))
		add(r, "name", str(c.Name))
		add(r, "kind", str(string(raci.KindOther)))
		r.Content[len(r.Content)-1].LineComment = "TODO: the kind of role (senior_management, isms_manager, ciso, process_owner, ...)"
		add(r, "function", str(string(raci.FuncOther)))
		r.Content[len(r.Content)-1].LineComment = "TODO: the business function (executive, security, it, hr, operations, ...)"
		roles.Content = append(roles.Content, r)
	}
	add(top, "roles", roles)
	top.Content[len(top.Content)-2].HeadComment = "The roles are the sheet's columns. TODO: each role's duties (A52-ROLE-003), and reports_to\nfor the security lead (A52-GOV-001)."
	if len(roles.Content) == 0 {
		roles.Style = yaml.FlowStyle
	}

	people := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
	add(top, "people", people)
	top.Content[len(top.Content)-2].HeadComment = "TODO: the people and the roles they hold (A52-ROLE-002 reports every role that nobody\nholds), the policy, the assets and their owners, and the authorities."

	acts := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	phase := ""
	for i, a := range m.Activities() {
		row := m.Rows[i]
		n := activityNode(a, row.Process == "")
		var head []string
		if row.Phase != "" && row.Phase != phase {
			head = append(head, "Phase: "+commentText(row.Phase))
		}
		if row.Note != "" {
			head = append(head, "Note: "+commentText(row.Note))
		}
		n.HeadComment = strings.Join(head, "\n")
		phase = row.Phase
		acts.Content = append(acts.Content, n)
	}
	if len(acts.Content) > 0 {
		add(top, "activities", acts)
		top.Content[len(top.Content)-2].HeadComment = "The activities are the sheet's rows. TODO: last_performed and signed_off for each run\nof a periodic activity (A52-PROC-005, A52-PROC-006)."
	}

	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{top}}); err != nil {
		return nil, fmt.Errorf("rolecall: writing the imported register: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("rolecall: writing the imported register: %w", err)
	}
	return buf.Bytes(), nil
}

func headComment(m *Matrix) string {
	from := commentText(m.Source)
	if m.Sheet != "" {
		from += fmt.Sprintf(" (sheet %s)", commentText(strconv.Quote(m.Sheet)))
	}
	lines := []string{
		"Imported by rolecall from " + from + ".",
		"The sheet gave the roles, the activities and their RACI; what a register needs",
		"besides is marked TODO.",
	}
	if len(m.Notes) > 0 {
		lines = append(lines, "", "Text of the sheet that is not part of the matrix, by row:")
		for i := 0; i < len(m.Notes); {
			j, texts := i, []string{}
			for ; j < len(m.Notes) && m.Notes[j].Cell.Row == m.Notes[i].Cell.Row; j++ {
				texts = append(texts, commentText(m.Notes[j].Text))
			}
			lines = append(lines, fmt.Sprintf("  %s: %s", commentText(m.Notes[i].Cell.String()), strings.Join(texts, " | ")))
			i = j
		}
	}
	return strings.Join(lines, "\n")
}

// commentText makes text of the sheet fit on one comment line: white space
// collapsed, and characters YAML does not allow raw escaped as in Go ("\x00").
func commentText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsPrint(r) && r != ' ' }) {
		q := strconv.Quote(s)
		return q[1 : len(q)-1]
	}
	return s
}

func activityNode(a raci.Activity, noProcess bool) *yaml.Node {
	n := mapping()
	add(n, "id", str(a.ID))
	add(n, "name", str(a.Name))
	add(n, "process", str(string(a.Process)))
	if noProcess {
		n.Content[len(n.Content)-1].LineComment = "TODO: the security process (the sheet has none)"
	}
	if a.RACI != nil {
		add(n, "raci", raciNode(a.RACI))
	}
	if a.Frequency != "" {
		add(n, "frequency", str(string(a.Frequency)))
	}
	return n
}

func raciNode(x *raci.RACI) *yaml.Node {
	n := mapping()
	for _, l := range []struct {
		key string
		ids []string
	}{{"responsible", x.Responsible}, {"accountable", x.Accountable}, {"consulted", x.Consulted}, {"informed", x.Informed}} {
		if len(l.ids) == 0 {
			continue
		}
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		for _, id := range l.ids {
			seq.Content = append(seq.Content, str(id))
		}
		add(n, l.key, seq)
	}
	if len(n.Content) == 0 {
		n.Style = yaml.FlowStyle
	}
	return n
}

func mapping() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"} }

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func add(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, str(key), v)
}
