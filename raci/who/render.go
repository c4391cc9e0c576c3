package who

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteJSON writes the answer as one indented JSON object with the snake_case
// fields of Answer (docs/who-and-diff.md lists them), followed by a newline.
func (a *Answer) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(a)
}

// WriteText writes the answer for a person to read: the question, then one
// paragraph per duty naming the role, its holders (with status, and the team
// they hold it through) and deputies, and saying plainly when nobody can act
// for it today; then the details of a decision, a risk or a person.
func (a *Answer) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, as of %s:\n", capitalise(a.Question), a.AsOf)
	if a.Person != nil {
		writePerson(&b, a)
	} else {
		switch {
		case len(a.Duties) > 0 || a.Risk != nil:
		case a.Decision != nil:
			b.WriteString("\n  No authority applies to this decision.\n")
		default:
			b.WriteString("\n  No role has this duty.\n")
		}
		for _, d := range a.Duties {
			b.WriteString("\n")
			writeDuty(&b, d, true)
		}
	}
	if a.Decision != nil {
		writeDecision(&b, a.Decision)
	}
	if a.Risk != nil {
		writeRisk(&b, a.Risk)
	}
	if a.NobodyCanAct {
		if a.Person != nil {
			fmt.Fprintf(&b, "\n%s cannot act today (%s).\n", a.Person.ID, statusWord(a.Person.Person))
		} else {
			b.WriteString("\nNobody can act today.\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeDuty(b *strings.Builder, d Duty, withHolders bool) {
	if d.Relation == Holder {
		fmt.Fprintf(b, "  %s\n", named(subject(d.Subject), d.SubjectName))
	} else {
		fmt.Fprintf(b, "  %s for %s", strings.ReplaceAll(string(d.Relation), "_", " "), named(subject(d.Subject), d.SubjectName))
	}
	if d.Via != "" {
		fmt.Fprintf(b, " (through %s)", subject(d.Via))
	}
	switch {
	case d.Relation == Holder:
	case withHolders:
		fmt.Fprintf(b, ": role %s\n", roleName(d))
	default:
		b.WriteString("\n")
	}
	if !withHolders {
		return
	}
	if len(d.Holders) == 0 {
		b.WriteString("    held by nobody\n")
	} else {
		fmt.Fprintf(b, "    held by %s\n", people(d.Holders))
	}
	if len(d.Deputies) > 0 {
		fmt.Fprintf(b, "    deputies: %s\n", people(d.Deputies))
	}
	switch d.Availability {
	case DeputyOnly:
		b.WriteString("    no holder can act today; a deputy stands in\n")
	case Unavailable:
		b.WriteString("    nobody can act for this role today: its holders are on leave, have left or are not defined\n")
	case Vacant:
		b.WriteString("    nobody can act for this role today: it is vacant\n")
	}
}

func writeDecision(b *strings.Builder, d *DecisionAnswer) {
	if len(d.UndefinedAssets) > 0 {
		fmt.Fprintf(b, "\n  The register defines no asset %s.\n", strings.Join(d.UndefinedAssets, ", "))
	}
	b.WriteString("\nAuthorities:\n")
	if len(d.Authorities) == 0 {
		fmt.Fprintf(b, "  none for %s\n", d.Decision)
	}
	for _, o := range d.Authorities {
		fmt.Fprintf(b, "  %s (approver %s", o.Authority, o.Approver)
		if o.Scope != "" {
			fmt.Fprintf(b, ", scope %q", o.Scope)
		}
		if len(o.Assets) > 0 {
			fmt.Fprintf(b, ", assets %s", strings.Join(o.Assets, ", "))
		}
		if o.MaxRiskLevel != "" {
			fmt.Fprintf(b, ", up to %s", o.MaxRiskLevel)
		}
		if o.Applies {
			b.WriteString("): applies\n")
		} else {
			fmt.Fprintf(b, "): does not apply, %s\n", o.Reason)
		}
	}
	if d.Decision == "accept_risk" {
		if d.OwnerMayAccept {
			fmt.Fprintf(b, "  ownership: holders of owner role %s may accept at level %s\n", d.Owner, d.Level)
		} else if d.Owner != "" {
			fmt.Fprintf(b, "  ownership: level %s is above what owner role %s may accept alone\n", d.Level, d.Owner)
		}
		if d.SeniorRequired {
			fmt.Fprintf(b, "  at level %s the acceptor must also hold a senior_management role\n", d.Level)
		}
	}
	b.WriteString("\nEntitled:\n")
	if len(d.People) == 0 {
		b.WriteString("  nobody\n")
	}
	for _, e := range d.People {
		via := make([]string, 0, len(e.Via))
		for _, v := range e.Via {
			via = append(via, subject(v))
		}
		fmt.Fprintf(b, "  %s through %s\n", people([]Person{e.Person}), strings.Join(via, ", "))
	}
	if len(d.NotSenior) > 0 {
		fmt.Fprintf(b, "  not entitled, lacking a senior_management role: %s\n", people(d.NotSenior))
	}
}

func writeRisk(b *strings.Builder, r *RiskAnswer) {
	if r.Owner == "" {
		b.WriteString("\n  The risk has no owner.\n")
	}
	fmt.Fprintf(b, "\nRisk %s: residual %s", named(r.Risk, r.Title), r.Level)
	if r.Residual == "" {
		b.WriteString(" (not written; judged as high)")
	}
	b.WriteString("\n")
	acc := r.Acceptance
	if acc == nil {
		b.WriteString("  not accepted\n")
		return
	}
	fmt.Fprintf(b, "  accepted by %s on %s", people([]Person{acc.By}), acc.Date)
	if acc.Residual != "" {
		fmt.Fprintf(b, " at level %s", acc.Residual)
	}
	if acc.ExpiresOn != nil {
		fmt.Fprintf(b, ", until %s", acc.ExpiresOn)
	} else {
		b.WriteString(", with no expiry")
	}
	b.WriteString("\n")
	if acc.Expired {
		b.WriteString("  the acceptance has expired\n")
	}
	if acc.Entitled {
		b.WriteString("  the acceptor is entitled to accept it\n")
	} else {
		b.WriteString("  the acceptor is not entitled to accept it (A52-RISK-004)\n")
	}
}

func writePerson(b *strings.Builder, a *Answer) {
	p := a.Person
	fmt.Fprintf(b, "\n%s\n", people([]Person{p.Person}))
	if len(p.Roles) == 0 && len(p.DeputyFor) == 0 {
		b.WriteString("  holds no role and stands in for none\n")
	}
	for _, h := range p.Roles {
		fmt.Fprintf(b, "\nRole %s, held %s:\n", named(h.Role, h.RoleName), how(h.Direct, h.Teams))
		writeRoleDuties(b, a.Duties, h.Role)
	}
	for _, rid := range p.DeputyFor {
		name := ""
		for _, d := range a.Duties {
			if d.Role == rid {
				name = d.RoleName
			}
		}
		fmt.Fprintf(b, "\nRole %s, as a deputy:\n", named(rid, name))
		writeRoleDuties(b, a.Duties, rid)
	}
}

func writeRoleDuties(b *strings.Builder, duties []Duty, rid string) {
	n := 0
	for _, d := range duties {
		if d.Role == rid {
			writeDuty(b, d, false)
			n++
		}
	}
	if n == 0 {
		b.WriteString("  no duty in the register\n")
	}
}

func how(direct bool, teams []string) string {
	var parts []string
	if direct {
		parts = append(parts, "directly")
	}
	for _, t := range teams {
		parts = append(parts, "through team "+t)
	}
	return strings.Join(parts, " and ")
}

// subject writes a KIND:ID subject as "KIND ID".
func subject(s string) string { return strings.Replace(s, ":", " ", 1) }

func roleName(d Duty) string {
	if !d.RoleDefined {
		return d.Role + " (not defined)"
	}
	return named(d.Role, d.RoleName)
}

func named(id, name string) string {
	if name == "" {
		return id
	}
	return fmt.Sprintf("%s %q", id, name)
}

func people(ps []Person) string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		s := fmt.Sprintf("%s (%s", named(p.ID, p.Name), statusWord(p))
		if len(p.Teams) > 0 {
			s += ", " + how(p.Direct, p.Teams)
		}
		out = append(out, s+")")
	}
	return strings.Join(out, ", ")
}

func statusWord(p Person) string {
	switch {
	case !p.Defined:
		return "not a person of the register"
	case p.Status == "on_leave":
		return "on leave"
	}
	return string(p.Status)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
