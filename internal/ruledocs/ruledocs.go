// Package ruledocs writes one documentation page per rule: what the rule
// checks, why an auditor cares, its control and severity, what to do, a register
// excerpt that fails it and one that passes it, and how to waive, disable or
// re-grade it. Pages are generated from the rules' METADATA (read with package
// ruleset) and from the rules' own tests; a test fails when the committed
// pages differ from what the rules and tests give today.
//
// The bundled rules' pages are committed in docs/rules/ (one <RULE-ID>.md each
// and README.md, the index); regenerate them from the repository root with
//
//	go generate ./internal/ruledocs
//
// and `rolecall explain RULE` prints the same page.
//
// # Examples from the tests
//
// A rule's tests are the _test.rego module whose package is the rule's package
// followed by _test (rolecall.rules.asset_001_test). Every expression of that
// module with `with input as X`, in a test or in a helper function a test
// calls, is instrumented so that running a test records each input it builds
// and the parameters the same expression sets (with data.rolecall.params...).
// Each recorded input is then evaluated as the engine evaluates it
// (data.rolecall.by_rule, with the default parameters but for those the test
// set), so an example always shows what the rule really reports:
//
//   - the failing example is an input on which the rule reports at least one
//     finding, from a test whose name says it fires (a word "fire" or "fires"
//     not preceded by "not");
//   - the passing example is a non-empty register on which the rule reports
//     nothing, from a test whose name says it does not fire ("does_not_fire",
//     "do_not_fire", or a name ending in "pass" or "passes").
//
// Among those, inputs evaluated with the default parameters and no other data
// replaced come first, then those whose expression also replaced other data
// (a stub catalogue, say: the example is evaluated without it), then those that
// set parameters (the page states them); ties go to the earlier in the file.
// When no test's name qualifies, the fallback takes the tests whose names say
// neither, in the same order, preferring for the failing example the input with
// the fewest findings; Example.ByConvention is then false.
package ruledocs

//go:generate go run ./cmd/genruledocs -dir ../../docs/rules

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/rolecall/rolecall/internal/ruleset"
	"github.com/rolecall/rolecall/internal/textdist"
	"github.com/rolecall/rolecall/rules"
)

// Rule is a rule's documentation: its catalogue entry, where it comes from and
// what it reads.
type Rule struct {
	ruleset.Meta
	// Custom is true for an organisation rule (package rolecall.custom.NAME).
	Custom bool
	// Resources are the related_resources of the rule's METADATA.
	Resources []Resource
	// Params are the parameters the rule's package reads, with their defaults.
	Params []Param
	// TestFile is the file of the rule's tests ("" when it has none).
	TestFile string
}

// Resource is one entry of a rule's related_resources.
type Resource struct {
	Description string
	Ref         string
}

// Param is a parameter a rule reads (data.rolecall.params.NAME) and its default.
type Param struct {
	Name    string
	Default any
}

// Example is a register taken from one of a rule's tests and what the rule
// reports on it.
type Example struct {
	// Test is the test's name and File, Line its location.
	Test string
	File string
	Line int
	// ByConvention is false when no test's name qualified and the fallback
	// chose this one.
	ByConvention bool
	// AsOf is the evaluation date of the test's input.
	AsOf string
	// Params are the parameters the test set to other values than their
	// defaults, by name; the findings are those with these values.
	Params map[string]any
	// Register is the register part of the test's input, as plain JSON values.
	Register map[string]any
	// Findings are the rule's findings on Register at AsOf.
	Findings []Finding
}

// Finding is one finding of a rule on an example.
type Finding struct {
	Subject string
	Message string
	Path    string
}

// Examples are the two examples of a rule's page; either may be nil when the
// rule's tests give none.
type Examples struct {
	Failing *Example
	Passing *Example
}

// Dir is a directory of organisation rules and their tests.
type Dir struct {
	// FS holds the .rego files (rules and _test.rego files).
	FS fs.FS
	// Name is how the directory is named in pages, e.g. the path the user gave.
	Name string
}

// Set is the documentation of the bundled rules and, optionally, an
// organisation's rules. It compiles the rules with their instrumented tests
// once; a rule's examples are computed the first time they are asked for.
// A Set is safe for concurrent use.
type Set struct {
	rules []Rule
	byID  map[string]int
	ev    *evaluator

	mu       sync.Mutex
	examples map[string]Examples
}

var (
	bundledRoot = ast.MustParseRef("data.rolecall.rules")
	customRoot  = ast.MustParseRef("data.rolecall.custom")
	paramsRoot  = ast.MustParseRef("data.rolecall.params")
)

// Load reads the bundled rules, their tests and their default parameters, and
// the rules of each organisation directory. The organisation's rules should
// have been checked by engine.New (METADATA, sandbox, unique ids); files that
// do not parse or lack METADATA come back as ruleset.Problems.
func Load(org ...Dir) (*Set, error) {
	mods, err := ruleset.ParseDir(rules.FS(), "rolecall")
	if err != nil {
		return nil, err
	}
	bundled, err := ruleset.CatalogueOf(mods, bundledRoot)
	if err != nil {
		return nil, err
	}
	params, err := defaultParams()
	if err != nil {
		return nil, err
	}
	customMods := map[string]*ast.Module{}
	for _, d := range org {
		name := func(p string) string { return pathJoin(d.Name, p) }
		parsed, problems := ruleset.ParseFiles(d.FS, ".", func(string) bool { return true }, name)
		if len(problems) > 0 {
			return nil, problems
		}
		for f, m := range parsed {
			// Keyed apart from the bundled files, whose paths may be the same.
			customMods["custom:"+f] = m
		}
	}
	custom, err := ruleset.CatalogueOf(customMods, customRoot)
	if err != nil {
		return nil, err
	}
	for _, f := range slices.Sorted(maps.Keys(customMods)) {
		for k, v := range customParams(customMods[f]) {
			if _, ok := params[k]; !ok {
				params[k] = v
			}
		}
	}
	maps.Copy(mods, customMods)

	s := &Set{byID: map[string]int{}, examples: map[string]Examples{}}
	testOf := testModules(mods)
	for _, group := range []struct {
		metas  []ruleset.Meta
		custom bool
	}{{bundled, false}, {custom, true}} {
		for _, m := range group.metas {
			if _, dup := s.byID[m.ID]; dup {
				return nil, fmt.Errorf("rule id %s is used twice", m.ID)
			}
			r := Rule{Meta: m, Custom: group.custom}
			if mod := ruleModule(mods, m); mod != nil {
				r.Resources = resources(mod)
				r.Params = paramsRead(mod, params)
			}
			if t := testOf[m.Package]; t != nil {
				r.TestFile = t.Package.Location.File
			}
			s.byID[m.ID] = len(s.rules)
			s.rules = append(s.rules, r)
		}
	}
	sort.SliceStable(s.rules, func(i, j int) bool { return s.rules[i].ID < s.rules[j].ID })
	for i, r := range s.rules {
		s.byID[r.ID] = i
	}
	s.ev, err = newEvaluator(mods, testOf, params, bundled, custom)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Rules returns the rules, sorted by id.
func (s *Set) Rules() []Rule { return slices.Clone(s.rules) }

// Rule returns the rule with the given id.
func (s *Set) Rule(id string) (Rule, bool) {
	i, ok := s.byID[id]
	if !ok {
		return Rule{}, false
	}
	return s.rules[i], true
}

// Examples returns the failing and passing examples of the rule with the
// given id, taken from its tests.
func (s *Set) Examples(ctx context.Context, id string) (Examples, error) {
	r, ok := s.Rule(id)
	if !ok {
		return Examples{}, fmt.Errorf("no rule %s", id)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if ex, ok := s.examples[id]; ok {
		return ex, nil
	}
	ex, err := s.ev.examples(ctx, r)
	if err != nil {
		return Examples{}, fmt.Errorf("%s: %w", id, err)
	}
	s.examples[id] = ex
	return ex, nil
}

// Page returns the Markdown page of the rule with the given id.
func (s *Set) Page(ctx context.Context, id string) ([]byte, error) {
	r, ok := s.Rule(id)
	if !ok {
		return nil, fmt.Errorf("no rule %s", id)
	}
	ex, err := s.Examples(ctx, id)
	if err != nil {
		return nil, err
	}
	return renderPage(r, ex), nil
}

// GeneratedHeader opens every file Generate writes.
const GeneratedHeader = "<!-- Generated by `go generate ./internal/ruledocs` from the rules' METADATA and tests. Do not edit. -->\n\n"

// IndexFile is the name of the index among the files Generate returns.
const IndexFile = "README.md"

// Generate returns the documentation of the bundled rules as files of
// docs/rules: <RULE-ID>.md for each rule and IndexFile, each opening with
// GeneratedHeader.
func Generate(ctx context.Context) (map[string][]byte, error) {
	s, err := Load()
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{IndexFile: append([]byte(GeneratedHeader), renderIndex(s.rules)...)}
	for _, r := range s.rules {
		page, err := s.Page(ctx, r.ID)
		if err != nil {
			return nil, err
		}
		out[r.ID+".md"] = append([]byte(GeneratedHeader), page...)
	}
	return out, nil
}

// ruleModule returns the rule file's module of m.
func ruleModule(mods map[string]*ast.Module, m ruleset.Meta) *ast.Module {
	for f, mod := range mods {
		if ruleset.IsRuleFile(f) && strings.TrimPrefix(mod.Package.Path.String(), "data.") == m.Package && mod.Package.Location != nil && mod.Package.Location.File == m.File {
			return mod
		}
	}
	return nil
}

// testModules maps each rule package to its test module: the _test.rego file
// whose package is the rule's package followed by _test.
func testModules(mods map[string]*ast.Module) map[string]*ast.Module {
	out := map[string]*ast.Module{}
	for _, f := range slices.Sorted(maps.Keys(mods)) {
		m := mods[f]
		if !ruleset.IsTestFile(f) {
			continue
		}
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		if rule, ok := strings.CutSuffix(pkg, "_test"); ok {
			if _, seen := out[rule]; !seen {
				out[rule] = m
			}
		}
	}
	return out
}

// resources returns the related_resources of the package annotation of mod.
func resources(mod *ast.Module) []Resource {
	var out []Resource
	for _, a := range mod.Annotations {
		if a.Scope != "package" {
			continue
		}
		for _, r := range a.RelatedResources {
			out = append(out, Resource{Description: strings.TrimSpace(r.Description), Ref: r.Ref.String()})
		}
	}
	return out
}

// customParams returns the parameters an organisation rule declares in its
// METADATA (custom.params) with their defaults.
func customParams(mod *ast.Module) map[string]any {
	out := map[string]any{}
	for _, a := range mod.Annotations {
		if a.Scope != "package" {
			continue
		}
		if ps, ok := a.Custom["params"].(map[string]any); ok {
			maps.Copy(out, ps)
		}
	}
	return out
}

// paramsRead returns the parameters mod reads, directly
// (data.rolecall.params.NAME) or through the library's lib.params.NAME, with
// their defaults, sorted by name.
func paramsRead(mod *ast.Module, defaults map[string]any) []Param {
	imports := map[ast.Var]ast.Ref{}
	for _, imp := range mod.Imports {
		ref, ok := imp.Path.Value.(ast.Ref)
		if !ok {
			continue
		}
		name := imp.Alias
		if name == "" {
			last := ref[len(ref)-1].Value
			if s, ok := last.(ast.String); ok {
				name = ast.Var(s)
			} else if v, ok := last.(ast.Var); ok {
				name = v
			}
		}
		imports[name] = ref
	}
	libParams := ast.MustParseRef("data.rolecall.lib.params")
	seen := map[string]bool{}
	ast.WalkRefs(mod, func(ref ast.Ref) bool {
		full := ref
		if v, ok := ref[0].Value.(ast.Var); ok && v != ast.DefaultRootDocument.Value {
			base, ok := imports[v]
			if !ok {
				return false
			}
			full = base.Concat(ref[1:])
		}
		for _, root := range []ast.Ref{paramsRoot, libParams} {
			if len(full) > len(root) && full.HasPrefix(root) {
				if s, ok := full[len(root)].Value.(ast.String); ok {
					seen[string(s)] = true
				}
			}
		}
		return false
	})
	var out []Param
	for _, name := range slices.Sorted(maps.Keys(seen)) {
		if d, ok := defaults[name]; ok {
			out = append(out, Param{Name: name, Default: d})
		}
	}
	return out
}

func pathJoin(dir, p string) string {
	if dir == "" || p == "." {
		return p
	}
	return strings.TrimSuffix(dir, "/") + "/" + p
}

// Lookup returns the id of the rule named id, compared without regard to case.
func (s *Set) Lookup(id string) (string, bool) {
	if _, ok := s.byID[id]; ok {
		return id, true
	}
	for _, r := range s.rules {
		if strings.EqualFold(r.ID, id) {
			return r.ID, true
		}
	}
	return "", false
}

// Nearest returns the rule id closest to id (by edit distance, without regard
// to case, also against the id without its prefix such as "A52-"), for a
// "did you mean" suggestion; "" when there are no rules.
func (s *Set) Nearest(id string) string {
	want := strings.ToUpper(id)
	best, bestD := "", -1
	for _, r := range s.rules {
		d := textdist.Levenshtein(want, strings.ToUpper(r.ID))
		if _, short, ok := strings.Cut(r.ID, "-"); ok {
			d = min(d, textdist.Levenshtein(want, strings.ToUpper(short)))
		}
		if bestD < 0 || d < bestD {
			best, bestD = r.ID, d
		}
	}
	return best
}
