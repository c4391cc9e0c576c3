package ruledocs

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/types"

	"github.com/rolecall/rolecall/internal/ruleset"
	"github.com/rolecall/rolecall/rules"
)

// captureName is the builtin that instrumented tests call on every value of a
// `with` modifier: ruledocs.capture(site, target, value) records the value the
// expression numbered site gives to target, and returns it unchanged.
const captureName = "ruledocs.capture"

var captureDecl = &rego.Function{
	Name: captureName,
	Decl: types.NewFunction(types.Args(types.N, types.S, types.A), types.A),
}

// event is one value a test gave to a with target.
type event struct {
	site   int
	target string
	value  ast.Value
}

// group is what one evaluation of a test expression replaced: the input and
// the data, by with target.
type group map[string]ast.Value

// evaluator runs instrumented tests and evaluates rules on their inputs.
type evaluator struct {
	compiler *ast.Compiler
	store    storage.Store
	params   map[string]any
	tests    map[string]*ast.Module // instrumented, by rule package

	mu   sync.Mutex
	runs map[string][]group // by test query
}

// newEvaluator compiles mods with the test modules of testOf instrumented, and
// a store holding the parameters and the catalogue.
func newEvaluator(mods map[string]*ast.Module, testOf map[string]*ast.Module, params map[string]any, bundled, custom []ruleset.Meta) (*evaluator, error) {
	ev := &evaluator{params: params, tests: map[string]*ast.Module{}, runs: map[string][]group{}}
	instrumented := map[*ast.Module]string{}
	for pkg, m := range testOf {
		instrumented[m] = pkg
	}
	compiled := make(map[string]*ast.Module, len(mods))
	sites := 0
	for _, name := range slices.Sorted(maps.Keys(mods)) {
		m := mods[name]
		pkg, ok := instrumented[m]
		if !ok {
			compiled[name] = m
			continue
		}
		c := m.Copy()
		instrument(c, &sites)
		compiled[name] = c
		ev.tests[pkg] = c
	}
	caps := ast.CapabilitiesForThisVersion()
	caps.Builtins = append(caps.Builtins, &ast.Builtin{Name: captureName, Decl: captureDecl.Decl})
	c := ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1).WithCapabilities(caps)
	c.Compile(compiled)
	if c.Failed() {
		return nil, fmt.Errorf("compiling the rules with their tests: %w", c.Errors)
	}
	ev.compiler = c

	data := map[string]any{"rolecall": map[string]any{
		"params":    params,
		"config":    map[string]any{"disabled": []any{}, "severity": map[string]any{}},
		"catalogue": map[string]any{"rules": ruleset.CatalogueData(bundled), "custom": ruleset.CatalogueData(custom)},
	}}
	// The store holds plain JSON values only.
	b, err := json.Marshal(data)
	if err != nil {
		return nil, err
	}
	var plain map[string]any
	if err := json.Unmarshal(b, &plain); err != nil {
		return nil, err
	}
	ev.store = inmem.NewFromObject(plain)
	return ev, nil
}

// instrument wraps the value of every with modifier of an expression that
// replaces the input in a call of the capture builtin; sites numbers the
// expressions.
func instrument(m *ast.Module, sites *int) {
	ast.WalkExprs(m, func(e *ast.Expr) bool {
		if !slices.ContainsFunc(e.With, func(w *ast.With) bool { return target(w) == "input" }) {
			return false
		}
		id := *sites
		*sites++
		for _, w := range e.With {
			w.Value = ast.CallTerm(ast.RefTerm(ast.VarTerm("ruledocs"), ast.StringTerm("capture")), ast.IntNumberTerm(id), ast.StringTerm(target(w)), w.Value)
		}
		return false
	})
}

// target names what a with modifier replaces: "input" for the whole input,
// otherwise the reference as written (data.rolecall.params.NAME).
func target(w *ast.With) string {
	switch v := w.Target.Value.(type) {
	case ast.Ref:
		if v.Equal(ast.InputRootRef) {
			return "input"
		}
		return v.String()
	case ast.Var:
		return string(v)
	}
	return w.Target.String()
}

// run runs one test and returns what each evaluation of its expressions with
// `with input as` replaced, in order, each once. A test that fails or errors
// still gives what it evaluated before.
func (ev *evaluator) run(ctx context.Context, query string) []group {
	ev.mu.Lock()
	if gs, ok := ev.runs[query]; ok {
		ev.mu.Unlock()
		return gs
	}
	ev.mu.Unlock()
	var (
		mu     sync.Mutex
		events []event
	)
	record := func(_ rego.BuiltinContext, site, tgt, value *ast.Term) (*ast.Term, error) {
		n, _ := site.Value.(ast.Number).Int()
		s, _ := tgt.Value.(ast.String)
		mu.Lock()
		events = append(events, event{site: n, target: string(s), value: value.Value})
		mu.Unlock()
		return value, nil
	}
	// The test's verdict does not matter, only the inputs it built.
	_, _ = rego.New(
		rego.Compiler(ev.compiler),
		rego.Store(ev.store),
		rego.Query(query),
		rego.Function3(captureDecl, record),
	).Eval(ctx)

	// An expression's with values are evaluated one after the other, just
	// before it: consecutive events of one site form a group until a target
	// repeats.
	var out []group
	var cur group
	curSite := -1
	flush := func() {
		if cur == nil || cur["input"] == nil {
			return
		}
		if !slices.ContainsFunc(out, func(g group) bool { return sameGroup(g, cur) }) {
			out = append(out, cur)
		}
	}
	for _, e := range events {
		if _, repeated := cur[e.target]; e.site != curSite || repeated {
			flush()
			cur, curSite = group{}, e.site
		}
		cur[e.target] = e.value
	}
	flush()
	ev.mu.Lock()
	ev.runs[query] = out
	ev.mu.Unlock()
	return out
}

func sameGroup(a, b group) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || v.Compare(w) != 0 {
			return false
		}
	}
	return true
}

// paramsOf returns the parameters a group sets to something other than their
// default (with data.rolecall.params.NAME, or with data.rolecall.params as an
// object, read as overrides of the names it gives), and whether it replaces
// any other data.
func (ev *evaluator) paramsOf(g group) (map[string]any, bool) {
	params := map[string]any{}
	other := false
	set := func(name string, v ast.Value) {
		plain, err := ast.JSON(v)
		if err != nil {
			other = true
			return
		}
		if d, ok := ev.params[name]; ok && sameJSON(d, plain) {
			return
		}
		params[name] = plain
	}
	for tgt, v := range g {
		if tgt == "input" {
			continue
		}
		ref, err := ast.ParseRef(tgt)
		if err != nil || !ref.HasPrefix(paramsRoot) || len(ref) > len(paramsRoot)+1 {
			other = true
			continue
		}
		if len(ref) == len(paramsRoot) {
			obj, ok := v.(ast.Object)
			if !ok {
				other = true
				continue
			}
			obj.Foreach(func(k, val *ast.Term) {
				if s, ok := k.Value.(ast.String); ok {
					set(string(s), val.Value)
				}
			})
			continue
		}
		if s, ok := ref[len(paramsRoot)].Value.(ast.String); ok {
			set(string(s), v)
		} else {
			other = true
		}
	}
	return params, other
}

func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}

// findings evaluates the rule with the given id on input as the engine does
// (data.rolecall.by_rule), with the default parameters but for params, and
// returns them sorted by path, subject and message.
func (ev *evaluator) findings(ctx context.Context, id string, input ast.Value, params map[string]any) ([]Finding, error) {
	var q strings.Builder
	fmt.Fprintf(&q, "x := data.rolecall.by_rule.rules[%v]", ast.StringTerm(id))
	for _, name := range slices.Sorted(maps.Keys(params)) {
		v, err := ast.InterfaceToValue(params[name])
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&q, " with %v as %v", paramsRoot.Append(ast.StringTerm(name)), v)
	}
	rs, err := rego.New(
		rego.Compiler(ev.compiler),
		rego.Store(ev.store),
		rego.Query(q.String()),
		rego.ParsedInput(input),
		rego.Function3(captureDecl, func(_ rego.BuiltinContext, _, _, v *ast.Term) (*ast.Term, error) { return v, nil }),
	).Eval(ctx)
	if err != nil {
		return nil, err
	}
	var out []Finding
	for _, r := range rs {
		set, _ := r.Bindings["x"].([]any)
		for _, f := range set {
			obj, _ := f.(map[string]any)
			subject, _ := obj["subject"].(string)
			message, _ := obj["message"].(string)
			path, _ := obj["path"].(string)
			out = append(out, Finding{Subject: subject, Message: message, Path: path})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		return a.Message < b.Message
	})
	return out, nil
}

// candidate is one input of one test, with what the rule reports on it.
type candidate struct {
	test     string
	line     int
	order    int // position among the candidates of the rule's tests
	says     claim
	params   map[string]any
	other    bool // the test also replaced data other than parameters
	asOf     string
	register map[string]any
	findings []Finding
}

// rank orders candidates: those evaluated with the default parameters and
// no other data replaced first, then those that replaced other data (which the
// example leaves out), then those that set parameters (which the example
// states).
func (c candidate) rank() int {
	switch {
	case len(c.params) > 0:
		return 2
	case c.other:
		return 1
	}
	return 0
}

// examples chooses the failing and passing examples of r from its tests.
func (ev *evaluator) examples(ctx context.Context, r Rule) (Examples, error) {
	test := ev.tests[r.Package]
	if test == nil {
		return Examples{}, nil
	}
	pkg := strings.TrimPrefix(test.Package.Path.String(), "data.")
	var cands []candidate
	seen := map[string]bool{}
	for _, rule := range test.Rules {
		name := rule.Head.Name.String()
		if !strings.HasPrefix(name, "test_") || seen[name] {
			continue
		}
		seen[name] = true
		for _, g := range ev.run(ctx, "data."+pkg+"."+name) {
			asOf, register, ok := splitInput(g["input"])
			if !ok {
				continue
			}
			params, other := ev.paramsOf(g)
			fs, err := ev.findings(ctx, r.ID, g["input"], params)
			if err != nil {
				return Examples{}, fmt.Errorf("evaluating an input of %s: %w", name, err)
			}
			cands = append(cands, candidate{
				test: name, line: rule.Location.Row, order: len(cands), says: claimOf(name),
				params: params, other: other, asOf: asOf, register: register, findings: fs,
			})
		}
	}
	example := func(c candidate, byConvention bool) *Example {
		return &Example{
			Test: c.test, File: test.Package.Location.File, Line: c.line, ByConvention: byConvention,
			AsOf: c.asOf, Params: c.params, Register: c.register, Findings: c.findings,
		}
	}
	// choose returns the best candidate that passes ok among those whose test's
	// name says want and, failing that, among those whose name says nothing,
	// where fewer findings come first when fewest is set.
	choose := func(want claim, ok func(candidate) bool, fewest bool) *Example {
		for _, says := range []claim{want, saysNothing} {
			var best *candidate
			for i := range cands {
				c := &cands[i]
				if c.says != says || !ok(*c) {
					continue
				}
				if best == nil || better(*c, *best, fewest && says == saysNothing) {
					best = c
				}
			}
			if best != nil {
				return example(*best, says == want)
			}
		}
		return nil
	}
	return Examples{
		Failing: choose(saysFires, func(c candidate) bool { return len(c.findings) > 0 }, true),
		Passing: choose(saysPasses, func(c candidate) bool { return len(c.findings) == 0 && len(c.register) > 0 }, false),
	}, nil
}

// better reports whether c is a better example than b: a lower rank, then
// (when fewest is set) fewer findings, then the earlier in the file.
func better(c, b candidate, fewest bool) bool {
	if c.rank() != b.rank() {
		return c.rank() < b.rank()
	}
	if fewest && len(c.findings) != len(b.findings) {
		return len(c.findings) < len(b.findings)
	}
	return c.order < b.order
}

// splitInput returns the evaluation date and the register of a rule's input
// {"as_of": DATE, "register": {...}}.
func splitInput(v ast.Value) (string, map[string]any, bool) {
	obj, ok := v.(ast.Object)
	if !ok {
		return "", nil, false
	}
	asOf, reg := obj.Get(ast.StringTerm("as_of")), obj.Get(ast.StringTerm("register"))
	if asOf == nil || reg == nil {
		return "", nil, false
	}
	date, ok := asOf.Value.(ast.String)
	if !ok {
		return "", nil, false
	}
	plain, err := ast.JSON(reg.Value)
	if err != nil {
		return "", nil, false
	}
	register, ok := plain.(map[string]any)
	return string(date), register, ok
}

// claim is what a test's name says about the rule.
type claim int

const (
	saysNothing claim = iota
	saysFires
	saysPasses
)

// claimOf reads a test's name: a word "fire" or "fires" says it fires, unless
// "not" comes before it ("does_not_fire"), which says it does not; a name
// ending in "pass" or "passes" says it does not fire.
func claimOf(name string) claim {
	words := strings.Split(strings.TrimPrefix(name, "test_"), "_")
	for i, w := range words {
		if w == "fire" || w == "fires" {
			if i > 0 && words[i-1] == "not" {
				return saysPasses
			}
			return saysFires
		}
	}
	if last := words[len(words)-1]; last == "pass" || last == "passes" {
		return saysPasses
	}
	return saysNothing
}

// defaultParams reads the bundled rules' default parameters.
func defaultParams() (map[string]any, error) {
	b, err := fs.ReadFile(rules.FS(), "rolecall/params/data.json")
	if err != nil {
		return nil, err
	}
	var params map[string]any
	if err := json.Unmarshal(b, &params); err != nil {
		return nil, fmt.Errorf("rolecall/params/data.json: %w", err)
	}
	return params, nil
}
