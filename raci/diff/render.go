package diff

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Message describes the change in one sentence without a final full stop,
// e.g. `role ciso "CISO": deputies: added dan; removed eve`.
func (c Change) Message() string {
	subject := strings.Replace(c.Subject, ":", " ", 1)
	if c.Name != "" {
		subject += fmt.Sprintf(" %q", c.Name)
	}
	switch c.Kind {
	case RoleGained, RoleLost:
		verb := "gained"
		if c.Kind == RoleLost {
			verb = "lost"
		}
		how := "directly"
		if t, ok := strings.CutPrefix(c.Via, "team:"); ok {
			how = "through team " + t
		}
		return fmt.Sprintf("%s %s role %s (%s)", subject, verb, c.Role, how)
	case AssetUnowned, RiskUnowned:
		return subject + " has no owner"
	}
	if _, action, _ := strings.Cut(string(c.Kind), "_"); action == "added" || action == "removed" {
		if c.Field != "" {
			return fmt.Sprintf("%s %s (%s %s)", subject, action, c.Field, c.New+c.Old)
		}
		return subject + " " + action
	}
	if c.Added != nil || c.Removed != nil {
		var parts []string
		if len(c.Added) > 0 {
			parts = append(parts, "added "+strings.Join(c.Added, ", "))
		}
		if len(c.Removed) > 0 {
			parts = append(parts, "removed "+strings.Join(c.Removed, ", "))
		}
		return fmt.Sprintf("%s: %s: %s", subject, c.Field, strings.Join(parts, "; "))
	}
	return fmt.Sprintf("%s: %s changed from %s to %s", subject, c.Field, orNone(c.Old), orNone(c.New))
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// reapproval is the sentence that says the change needs re-approval.
func (d *Diff) reapproval() string {
	return fmt.Sprintf("The responsibilities changed but organisation.approved_on is still %s: have senior management approve the changed register and record the new date in approved_on.", d.ApprovedOn)
}

// WriteText writes the diff for a person to read: one line per change, then
// whether the change needs re-approval; "No change of responsibilities." when
// there is none.
func (d *Diff) WriteText(w io.Writer) error {
	var b strings.Builder
	if !d.Changed() {
		b.WriteString("No change of responsibilities.\n")
	}
	for _, c := range d.Changes {
		fmt.Fprintf(&b, "%s\n", c.Message())
	}
	if d.Changed() {
		noun := "changes"
		if len(d.Changes) == 1 {
			noun = "change"
		}
		fmt.Fprintf(&b, "\n%d %s of responsibilities.\n", len(d.Changes), noun)
	}
	if d.NeedsReapproval {
		fmt.Fprintf(&b, "%s\n", d.reapproval())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the diff as one indented JSON object: changed (whether
// responsibilities changed), needs_reapproval, approved_on when the new
// register has it, and changes, each with the snake_case fields of Change and
// its message.
func (d *Diff) WriteJSON(w io.Writer) error {
	type change struct {
		Change
		Message string `json:"message"`
	}
	out := struct {
		Changed bool `json:"changed"`
		*Diff
		Changes []change `json:"changes"`
	}{Changed: d.Changed(), Diff: d, Changes: []change{}}
	for _, c := range d.Changes {
		out.Changes = append(out.Changes, change{c, c.Message()})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// WriteMarkdown writes the diff as a Markdown section for a pull request or a
// review record: a heading, the re-approval warning when it applies, and a
// table of the changes (kind, subject, change).
func (d *Diff) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("## Changes of responsibilities\n\n")
	if !d.Changed() {
		b.WriteString("No change of responsibilities.\n")
	}
	if d.NeedsReapproval {
		fmt.Fprintf(&b, "> **Needs re-approval.** %s\n\n", d.reapproval())
	}
	if d.Changed() {
		b.WriteString("| kind | subject | change |\n|---|---|---|\n")
		for _, c := range d.Changes {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", c.Kind, cell(c.Subject), cell(c.Message()))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cell escapes text for a Markdown table cell: pipes, and line breaks that
// would end the row.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ").Replace(s)
}
