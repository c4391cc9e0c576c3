package ruleset

import (
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/rolecall/rolecall/internal/document"
	"github.com/rolecall/rolecall/rules"
)

// Severities lists the finding severities from the most to the least severe.
var severities = []string{"critical", "high", "medium", "low", "info"}

// Severities returns the finding severities from the most to the least severe.
func Severities() []string { return append([]string(nil), severities...) }

// SeverityRank returns 0 for critical up to 4 for info, and -1 for an unknown
// severity.
func SeverityRank(s string) int {
	for i, v := range severities {
		if v == s {
			return i
		}
	}
	return -1
}

// Meta is one rule of the catalogue, read from its package's METADATA block.
type Meta struct {
	// ID is the stable rule id, e.g. A52-ASSET-001 (custom.id).
	ID string `json:"id"`
	// Title is a short name of what the rule finds (title).
	Title string `json:"title"`
	// Description explains the rule (description).
	Description string `json:"description,omitempty"`
	// Severity is the default severity (custom.severity).
	Severity string `json:"severity"`
	// Control is the ISO/IEC 27001:2022 control or clause the rule checks (custom.control).
	Control string `json:"control,omitempty"`
	// Remediation says what to do about a finding (custom.remediation).
	Remediation string `json:"remediation,omitempty"`
	// Package is the Rego package, e.g. rolecall.rules.asset_001.
	Package string `json:"package"`
	// File and Line locate the METADATA block.
	File string `json:"file"`
	Line int    `json:"line"`
	// References lists the related resources' URLs.
	References []string `json:"references,omitempty"`
}

// MetaFromAnnotations reads a rule's catalogue entry from its package
// annotations. It reports what is missing as a Problem naming the file and line.
func MetaFromAnnotations(pkg string, a *ast.Annotations) (Meta, error) {
	m := Meta{Package: pkg, Title: a.Title, Description: a.Description}
	if a.Location != nil {
		m.File, m.Line = a.Location.File, a.Location.Row
	}
	for _, r := range a.RelatedResources {
		if r.Ref.String() != "" {
			m.References = append(m.References, r.Ref.String())
		}
	}
	str := func(key string) string {
		v, _ := a.Custom[key].(string)
		return strings.TrimSpace(v)
	}
	m.ID, m.Severity, m.Control, m.Remediation = str("id"), str("severity"), str("control"), str("remediation")
	var missing []string
	at := Problem{File: m.File, Line: m.Line}
	if m.Title == "" {
		missing = append(missing, "title")
	}
	if m.ID == "" {
		missing = append(missing, "custom.id")
	}
	if m.Severity == "" {
		missing = append(missing, "custom.severity")
	}
	if len(missing) > 0 {
		at.Message = fmt.Sprintf("package %s: METADATA lacks %s", pkg, strings.Join(missing, ", "))
		return m, Problems{at}
	}
	for _, f := range []struct{ key, value string }{{"title", m.Title}, {"custom.id", m.ID}, {"custom.control", m.Control}, {"custom.remediation", m.Remediation}, {"description", strings.NewReplacer("\n", "", "\t", "").Replace(m.Description)}} {
		if i := strings.IndexFunc(f.value, isControl); i >= 0 {
			at.Message = fmt.Sprintf("package %s: %s holds the control character %U: METADATA reaches terminals and reports, and may hold printable text only (and line breaks in description)", pkg, f.key, []rune(f.value[i:])[0])
			return m, Problems{at}
		}
	}
	if SeverityRank(m.Severity) < 0 {
		at.Message = fmt.Sprintf("package %s: custom.severity %q is not one of %s", pkg, m.Severity, strings.Join(severities, ", "))
		return m, Problems{at}
	}
	return m, nil
}

// isControl reports whether r is a C0 or C1 control character, DEL, or a line
// or paragraph separator: characters that move a terminal's cursor or its
// lines.
func isControl(r rune) bool {
	return r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0x2028 || r == 0x2029
}

// Catalogue reads the catalogue of the bundled rules: one entry per package under
// rolecall.rules, sorted by rule id.
func Catalogue() ([]Meta, error) {
	mods, err := ParseDir(rules.FS(), "rolecall/rules")
	if err != nil {
		return nil, err
	}
	return CatalogueOf(mods, ast.MustParseRef("data.rolecall.rules"))
}

// ParseDir parses every .rego file under dir in fsys (tests included), keyed by
// file path, with annotations processed.
func ParseDir(fsys fs.FS, dir string) (map[string]*ast.Module, error) {
	mods, problems := ParseFiles(fsys, dir, func(string) bool { return true }, nil)
	if len(problems) > 0 {
		return mods, problems
	}
	return mods, nil
}

// ParseRules is ParseDir without the _test.rego files: what an engine compiles.
func ParseRules(fsys fs.FS, dir string) (map[string]*ast.Module, error) {
	mods, problems := ParseFiles(fsys, dir, IsRuleFile, nil)
	if len(problems) > 0 {
		return mods, problems
	}
	return mods, nil
}

// IsRuleFile reports whether p names a Rego rule file (not a test).
func IsRuleFile(p string) bool {
	return path.Ext(p) == ".rego" && !strings.HasSuffix(p, "_test.rego")
}

// IsTestFile reports whether p names a Rego test file.
func IsTestFile(p string) bool { return strings.HasSuffix(p, "_test.rego") }

// ParseFiles parses the .rego files under dir in fsys that keep selects, with
// annotations processed, on every CPU. Modules are keyed, and named in their
// locations, by name(path) (the path itself when name is nil). Every file
// that cannot be read or parsed is a problem; the others are returned.
func ParseFiles(fsys fs.FS, dir string, keep func(path string) bool, name func(path string) string) (map[string]*ast.Module, Problems) {
	if name == nil {
		name = func(p string) string { return p }
	}
	var paths []string
	var problems Problems
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			problems = append(problems, Problem{File: name(p), Message: err.Error()})
			return nil
		}
		if !d.IsDir() && path.Ext(p) == ".rego" && keep(p) {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		problems = append(problems, Problem{File: name(dir), Message: err.Error()})
	}
	parsed := make([]*ast.Module, len(paths))
	errs := make([]error, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				src, err := readRuleFile(fsys, paths[i])
				if err == nil {
					parsed[i], err = ast.ParseModuleWithOpts(name(paths[i]), string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
				} else {
					err = Problem{File: name(paths[i]), Message: err.Error()}.asError()
				}
				errs[i] = err
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	mods := make(map[string]*ast.Module, len(paths))
	for i, p := range paths {
		if errs[i] != nil {
			problems = append(problems, ProblemsOf(errs[i])...)
			continue
		}
		mods[name(p)] = parsed[i]
	}
	problems.Sort()
	return mods, problems
}

// MaxRuleFileBytes is the largest Rego file read; a larger one is a problem.
const MaxRuleFileBytes = 4 << 20

// readRuleFile opens the Rego file p of fsys once, checks that it is a regular
// file, and reads at most MaxRuleFileBytes of it. A file system that can open
// a file without following it out of its tree, or without blocking on a FIFO,
// says so by an OpenRegular method, which is then used.
func readRuleFile(fsys fs.FS, p string) ([]byte, error) {
	var f fs.File
	var err error
	if o, ok := fsys.(interface {
		OpenRegular(name string) (fs.File, error)
	}); ok {
		f, err = o.OpenRegular(p)
	} else {
		f, err = fsys.Open(p)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%w (%s)", document.ErrNotRegular, document.KindOf(st.Mode()))
	}
	return document.ReadAtMost(f, "the file", MaxRuleFileBytes)
}

// CatalogueOf returns the catalogue of the rule packages under root (e.g.
// data.rolecall.rules) among mods: every non-test package must carry a
// METADATA block with title, custom.id and custom.severity, and be one file (a
// second file of the package, with METADATA or without, would add findings
// under the first file's id), and ids must be unique. A package's
// path below root is one or more identifiers (rolecall.custom.acme.hr); a
// quoted segment such as ["a.b"] is refused, because the report could not
// find it. The result is sorted by id; the error is Problems.
func CatalogueOf(mods map[string]*ast.Module, root ast.Ref) ([]Meta, error) {
	byPkg := map[string]Meta{}
	firstFile := map[string]string{}
	var errs Problems
	files := make([]string, 0, len(mods))
	for f := range mods {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		m := mods[f]
		if strings.HasSuffix(f, "_test.rego") || !m.Package.Path.HasPrefix(root) {
			continue
		}
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		if len(m.Package.Path) == len(root) {
			errs = append(errs, At(f, m.Package.Location, "package %s: rule packages sit under %s, in a package of their own", pkg, strings.TrimPrefix(root.String(), "data.")))
			continue
		}
		if bad := nonIdentifier(m.Package.Path[len(root):]); bad != "" {
			errs = append(errs, At(f, m.Package.Location, "package %s: %s is not an identifier (letters, digits and _, not starting with a digit): the report finds rule packages by identifiers", pkg, bad))
			continue
		}
		var meta *Meta
		for _, a := range m.Annotations {
			if a.Scope != "package" {
				continue
			}
			got, err := MetaFromAnnotations(pkg, a)
			if err != nil {
				errs = append(errs, ProblemsOf(err)...)
				meta = &Meta{}
				continue
			}
			meta = &got
		}
		if first, seen := firstFile[pkg]; seen {
			errs = append(errs, Problem{File: f, Line: 1, Message: fmt.Sprintf("package %s is already declared in %s: a rule package is one file, so that every finding comes from the file its METADATA describes (OPA allows a package's METADATA once)", pkg, first)})
			continue
		}
		firstFile[pkg] = f
		switch {
		case meta == nil:
			errs = append(errs, Problem{File: f, Line: 1, Message: fmt.Sprintf("package %s: no METADATA block with title, custom.id and custom.severity", pkg)})
		case meta.ID != "":
			byPkg[pkg] = *meta
		}
	}
	out := make([]Meta, 0, len(byPkg))
	for _, m := range byPkg {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].ID < out[j].ID || out[i].ID == out[j].ID && out[i].Package < out[j].Package
	})
	for i := 1; i < len(out); i++ {
		if out[i].ID == out[i-1].ID {
			errs = append(errs, Problem{File: out[i].File, Line: out[i].Line, Message: fmt.Sprintf("rule id %s is already used by package %s (%s:%d)", out[i].ID, out[i-1].Package, out[i-1].File, out[i-1].Line)})
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return out, nil
}

// nonIdentifier returns the first segment of path that is not an ASCII Rego
// identifier, quoted for a message, or "" when every segment is one.
func nonIdentifier(path ast.Ref) string {
	for _, t := range path {
		s, ok := t.Value.(ast.String)
		if !ok || !isIdentifier(string(s)) {
			return t.String()
		}
	}
	return ""
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// CatalogueKey is the key of a rule package in the catalogue data: its path
// below the rule root, dotted (asset_001 for rolecall.rules.asset_001, acme.hr
// for rolecall.custom.acme.hr).
func CatalogueKey(pkg string) string {
	parts := strings.SplitN(pkg, ".", 3)
	if len(parts) < 3 {
		return pkg
	}
	return parts[2]
}

// CatalogueData returns the catalogue as the dispatcher reads it:
// {CatalogueKey(package): {id, title, severity, control, remediation}}.
func CatalogueData(metas []Meta) map[string]any {
	out := make(map[string]any, len(metas))
	for _, m := range metas {
		out[CatalogueKey(m.Package)] = map[string]any{
			"id":          m.ID,
			"title":       m.Title,
			"severity":    m.Severity,
			"control":     m.Control,
			"remediation": m.Remediation,
		}
	}
	return out
}
