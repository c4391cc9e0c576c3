package output

import (
	"cmp"
	"crypto/sha1"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// modulePath is rolecall's Go module, to find its version in build information.
const modulePath = "github.com/rolecall/rolecall"

// informationURI is rolecall's home page, and ruleDocsURI the directory of the
// bundled rules' pages, for the links SARIF and OSCAL carry.
const (
	informationURI = "https://github.com/rolecall/rolecall"
	ruleDocsURI    = informationURI + "/blob/main/docs/rules/"
)

// BuildVersion returns the version of rolecall compiled into the running
// program, as the Go tool recorded it (e.g. v1.4.0 for a program built by go
// install from a tagged module), or "" when the build did not record one (a
// development build, or a binary built without module information). A command
// passes it as Run.ToolVersion.
func BuildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	version := ""
	if info.Main.Path == modulePath {
		version = info.Main.Version
	}
	for _, dep := range info.Deps {
		if dep.Path == modulePath {
			version = dep.Version
		}
	}
	if version == "(devel)" {
		return ""
	}
	return version
}

// Verdict is whether a run, or one register of it, passes its threshold.
type Verdict string

// The verdicts.
const (
	// VerdictPass: no unwaived finding at or above the threshold.
	VerdictPass Verdict = "pass"
	// VerdictFail: an unwaived finding at or above the threshold.
	VerdictFail Verdict = "fail"
)

// Verdict returns the run's verdict: fail when an unwaived finding of any
// report is at or above FailOn, pass otherwise (always pass when FailOn is
// empty). It returns an error when FailOn is not a severity.
func (run Run) Verdict() (Verdict, error) {
	threshold, fails, err := run.threshold()
	if err != nil {
		return "", err
	}
	for _, r := range run.Reports {
		if fails && r != nil && r.Failed(threshold) {
			return VerdictFail, nil
		}
	}
	return VerdictPass, nil
}

// failOnShown is the threshold as formats show it: as written, or "none" when
// the run never fails.
func (run Run) failOnShown() string {
	if _, fails, err := run.threshold(); err != nil || !fails {
		return "none"
	}
	return string(run.FailOn)
}

// register returns the register of the i-th report, nil when the run does not
// have it.
func (run Run) register(i int) *raci.Register {
	if i < 0 || i >= len(run.Registers) {
		return nil
	}
	return run.Registers[i]
}

// reports returns the run's reports without nil entries, each with its
// register.
func (run Run) reports() []reportOf {
	var out []reportOf
	for i, r := range run.Reports {
		if r != nil {
			out = append(out, reportOf{r, run.register(i)})
		}
	}
	return out
}

// reportOf is a report and, when known, the register it is about.
type reportOf struct {
	*engine.Report
	reg *raci.Register
}

// exceptionReason returns the reason of the exception id in the register, ""
// when the register or the exception is unknown.
func (r reportOf) exceptionReason(id string) string {
	if r.reg == nil {
		return ""
	}
	for _, e := range r.reg.Exceptions {
		if e.ID == id {
			return e.Reason
		}
	}
	return ""
}

// file returns the file a finding is in: its own, else the report's source.
func (r reportOf) file(f engine.Finding) string {
	if f.File != "" {
		return f.File
	}
	return r.Source
}

// catalogue returns the rules the formats that list rules list: run.Rules, or
// when that is empty the rules of the findings, built from what the findings
// say of them. The result is sorted by id.
func (run Run) catalogue() []engine.Rule {
	if len(run.Rules) > 0 {
		rules := slices.Clone(run.Rules)
		slices.SortStableFunc(rules, func(a, b engine.Rule) int { return cmp.Compare(a.ID, b.ID) })
		return rules
	}
	seen := map[string]bool{}
	var rules []engine.Rule
	for _, r := range run.Reports {
		if r == nil {
			continue
		}
		for _, f := range r.Findings {
			if seen[f.Rule] {
				continue
			}
			seen[f.Rule] = true
			rules = append(rules, engine.Rule{ID: f.Rule, Title: f.Title, Severity: f.Severity, DefaultSeverity: f.Severity, Control: f.Control, Remediation: f.Remediation})
		}
	}
	slices.SortFunc(rules, func(a, b engine.Rule) int { return cmp.Compare(a.ID, b.ID) })
	return rules
}

// frameworks returns the framework mappings of a rule as sorted
// "FRAMEWORK: CONTROL" pairs.
func (run Run) frameworks(ruleID string) []mapping {
	var out []mapping
	for fw, ids := range run.Frameworks[ruleID] {
		for _, id := range ids {
			out = append(out, mapping{fw, id})
		}
	}
	slices.SortFunc(out, func(a, b mapping) int {
		return cmp.Or(cmp.Compare(a.framework, b.framework), cmp.Compare(a.control, b.control))
	})
	return out
}

// mapping is one control of another framework that a rule evidences.
type mapping struct{ framework, control string }

// ruleDocs returns the address of a bundled rule's documentation page, "" for
// an organisation rule (whose pages rolecall explain prints, but which have no
// address).
func ruleDocs(r engine.Rule) string {
	if r.Custom || !strings.HasPrefix(r.ID, "A52-") {
		return ""
	}
	return ruleDocsURI + url.PathEscape(r.ID) + ".md"
}

// fileURI returns the URI reference of a register file for formats that
// locate findings by URI: a relative path stays relative (with forward
// slashes), so that code scanning resolves it against the repository; an
// absolute path becomes a file: URI.
func fileURI(name string) string {
	p := filepath.ToSlash(name)
	if filepath.IsAbs(name) || strings.HasPrefix(p, "/") {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // a Windows drive path, C:/x
		}
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}

// urlNamespace is the URL namespace of RFC 9562 (appendix A). rolecall's own
// namespace is the UUID v5 of its home page in it.
func urlNamespace() [16]byte {
	return [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
}

// uuidV5 returns the name-based (SHA-1) UUID of name in namespace ns, RFC 9562
// section 5.5: the same name always gives the same UUID, so documents that
// carry UUIDs are reproducible.
func uuidV5(ns [16]byte, name string) [16]byte {
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return u
}

// uuidOf returns the UUID v5 of the parts joined, in rolecall's namespace, as
// a string.
func uuidOf(parts ...string) string {
	u := uuidV5(uuidV5(urlNamespace(), informationURI), strings.Join(parts, "\x00"))
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}
