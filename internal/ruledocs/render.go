package ruledocs

import (
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/rolecall/rolecall/internal/ruleset"
)

// repoLink returns a Markdown link, relative to docs/rules/, to a file of the
// bundled rules (named as in rules.FS()), or the name in code for an
// organisation's file.
func repoLink(r Rule, file string) string {
	if r.Custom {
		return "`" + file + "`"
	}
	p := path.Join("rules", file)
	return fmt.Sprintf("[%s](../../%s)", p, p)
}

// renderPage renders the Markdown page of r with its examples.
func renderPage(r Rule, ex Examples) []byte {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	p("# %s: %s\n\n", r.ID, r.Title)
	control := "none given"
	switch {
	case r.Control != "" && !r.Custom:
		control = "ISO/IEC 27001:2022 " + r.Control
	case r.Control != "":
		control = r.Control
	}
	p("| | |\n|---|---|\n")
	p("| Severity | %s (the default) |\n", r.Severity)
	p("| Control | %s |\n", control)
	kind := "bundled"
	if r.Custom {
		kind = "organisation"
	}
	p("| Rule | `%s` (%s), in %s |\n", r.Package, kind, repoLink(r, r.File))
	if r.TestFile != "" {
		p("| Tests | %s |\n", repoLink(r, r.TestFile))
	}

	p("\n## What it checks\n\n%s\n", paragraph(firstNonEmpty(r.Description, r.Title)))

	p("\n## Why an auditor cares\n\n")
	switch {
	case len(r.Resources) > 0:
		p("The rule reads the register as evidence for:\n\n")
		for _, res := range r.Resources {
			if res.Description != "" {
				p("- %s\n", res.Description)
			} else {
				p("- <%s>\n", res.Ref)
			}
		}
		p("\n")
	case r.Control != "":
		p("The rule reads the register as evidence for %s.\n\n", control)
	}
	p("An auditor assessing the ISMS reads the register for this evidence. Each finding marks a gap they can ask about: fix it, or record an approved exception that says why it stands and until when.\n")

	p("\n## Severity\n\n")
	failsByDefault := ruleset.SeverityRank(r.Severity) <= ruleset.SeverityRank("low")
	p("**%s** by default. `rolecall check` exits 1 when an unwaived finding is at or above `--fail-on` (`low` unless `fail_on` in rolecall.yaml says otherwise), so ", r.Severity)
	if failsByDefault {
		p("with the defaults this rule's findings fail the run.")
	} else {
		p("with the defaults this rule's findings are reported but do not fail the run.")
	}
	p(" Your organisation may give the rule another severity in rolecall.yaml: see [Disable it or change its severity](#disable-it-or-change-its-severity).\n")

	p("\n## What to do\n\n%s\n", paragraph(firstNonEmpty(r.Remediation, "Correct the register so that the rule no longer finds the problem.")))

	if len(r.Params) > 0 {
		p("\n## Parameters\n\nThe rule reads these parameters. Set them under `params` in rolecall.yaml to change them for your organisation.\n\n")
		p("| parameter | default |\n|---|---|\n")
		for _, prm := range r.Params {
			p("| `%s` | `%s` |\n", prm.Name, jsonText(prm.Default))
		}
	}

	p("\n## A register that fails\n\n")
	if e := ex.Failing; e != nil {
		p("%s.%s\n\n```yaml\n%s```\n\n", exampleIntro(r, e), excerptNote(e.Register), registerYAML(e.Register))
		if len(e.Findings) == 1 {
			p("%s reports one finding:\n\n", r.ID)
		} else {
			p("%s reports %d findings:\n\n", r.ID, len(e.Findings))
		}
		for _, f := range e.Findings {
			where := ""
			if f.Path != "" {
				where = fmt.Sprintf(" at `%s`", f.Path)
			}
			p("- `%s`%s: %s\n", f.Subject, where, escape(f.Message))
		}
	} else {
		p("None of the rule's tests gives a register that fails it.\n")
	}

	p("\n## A register that passes\n\n")
	if e := ex.Passing; e != nil {
		p("%s: %s reports nothing on it.%s\n\n```yaml\n%s```\n", exampleIntro(r, e), r.ID, excerptNote(e.Register), registerYAML(e.Register))
	} else {
		p("None of the rule's tests gives a register that passes it.\n")
	}

	p("\n## Waive a finding\n\n")
	if exceptionRule(r.ID) {
		p("Exceptions cannot waive this rule's findings: an exception for A52-EXC-001 or A52-EXC-002 is not applied, and A52-EXC-001 reports it. Correct or remove the exception the finding names, or disable the rule.\n")
	} else {
		subject, asOf := "KIND:ID", ""
		if ex.Failing != nil && len(ex.Failing.Findings) > 0 {
			subject, asOf = ex.Failing.Findings[0].Subject, ex.Failing.AsOf
		}
		p("To accept a finding for a time instead of fixing it, add an exception to the register's `exceptions` list. It names the rule and the finding's subject, says why, who approved it and when it expires. For the finding `%s` above:\n\n", subject)
		p("```yaml\nexceptions:\n  - id: exc-1\n    rule: %s\n    subject: %s\n    reason: Why the finding is accepted for now, and what compensates for it\n    approved_by: jo-bloggs          # the id of the person who approved it\n    expires_on: %s\n```\n\n", r.ID, subject, sixMonthsAfter(asOf))
		p("The exception waives the finding only while it is applied: it has not expired (on its `expires_on` day it still applies), it names a rule that exists, its approver holds a role that approves an `approve_exception` authority and is not its subject (nor holds the role that is its subject), and its subject names something in the register. Otherwise A52-EXC-001 reports the exception and it waives nothing. A waived finding is still reported, with `waived` set to the exception's id, and does not fail the run; an applied exception that matches no finding is reported by A52-EXC-002. Every field of an exception is described in [the register format](../register-format.md#exception).\n")
	}

	p("\n## Disable it or change its severity\n\n")
	p("Both are set in your organisation's rolecall.yaml, which `rolecall check` reads from the working directory or from `--config FILE`. To stop evaluating the rule:\n\n")
	p("```yaml\ndisable: [%s]\n```\n\n", r.ID)
	p("To report its findings at another severity (critical, high, medium, low or info):\n\n")
	p("```yaml\nseverity:\n  %s: %s\n```\n\n", r.ID, otherSeverity(r.Severity))
	if !exceptionRule(r.ID) {
		p("An exception for a disabled rule matches no finding, so A52-EXC-002 reports it.\n")
	}
	return []byte(b.String())
}

// exceptionRule reports whether id is one of the rules about exceptions, whose
// findings no exception waives.
func exceptionRule(id string) bool { return id == "A52-EXC-001" || id == "A52-EXC-002" }

// excerptNote says that an example's register is an excerpt when it lacks
// keys every register has.
func excerptNote(reg map[string]any) string {
	var missing []string
	for _, k := range []string{"version", "organisation", "roles", "people"} {
		if _, ok := reg[k]; !ok {
			missing = append(missing, "`"+k+"`")
		}
	}
	switch len(missing) {
	case 0:
		return ""
	case 1:
		return " It is an excerpt: a complete register also has " + missing[0] + "."
	}
	return " It is an excerpt: a complete register also has " + strings.Join(missing[:len(missing)-1], ", ") + " and " + missing[len(missing)-1] + "."
}

// exampleIntro says where an example comes from and how it was evaluated.
func exampleIntro(r Rule, e *Example) string {
	var b strings.Builder
	fmt.Fprintf(&b, "From the test `%s` in %s, checked as of %s", e.Test, repoLink(r, e.File), e.AsOf)
	if len(e.Params) > 0 {
		var set []string
		for _, prm := range sortedKeys(e.Params) {
			set = append(set, fmt.Sprintf("`%s` set to `%s`", prm, jsonText(e.Params[prm])))
		}
		fmt.Fprintf(&b, " with the parameter%s %s", plural(len(set)), strings.Join(set, " and "))
	}
	return b.String()
}

// renderIndex renders docs/rules/README.md: one line per rule.
func renderIndex(rs []Rule) []byte {
	var b strings.Builder
	b.WriteString("# Rule reference\n\n")
	b.WriteString("One page per bundled rule: what it checks, why an auditor cares, what to do, a register that fails it and one that passes it (both taken from the rule's tests), and how to waive, disable or re-grade it. `rolecall explain RULE` prints the same page.\n\n")
	b.WriteString("| id | severity | control | title |\n|---|---|---|---|\n")
	for _, r := range rs {
		if r.Custom {
			continue
		}
		fmt.Fprintf(&b, "| [%s](%s.md) | %s | %s | %s |\n", r.ID, r.ID, r.Severity, r.Control, cell(r.Title))
	}
	return []byte(b.String())
}

// paragraph trims s and drops the indentation METADATA text may carry.
func paragraph(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.Join(lines, "\n")
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

// escape keeps a finding's message from being read as Markdown.
func escape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "<", `\<`, "[", `\[`, "]", `\]`)
	return r.Replace(s)
}

func cell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(strings.TrimSpace(s), "|", `\|`), "\n", " ")
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// otherSeverity returns a severity other than s, for the example.
func otherSeverity(s string) string {
	if s == "medium" {
		return "high"
	}
	return "medium"
}

// sixMonthsAfter returns the date six months after asOf (YYYY-MM-DD), or a
// fixed date when asOf is not a date.
func sixMonthsAfter(asOf string) string {
	d, err := time.Parse(time.DateOnly, asOf)
	if err != nil {
		return "2027-06-30"
	}
	return d.AddDate(0, 6, 0).Format(time.DateOnly)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
