package engine

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/rolecall/rolecall/internal/ruleset"
)

// customRoot is where organisation rule packages live: rolecall.custom.NAME.
var customRoot = ast.MustParseRef("data.rolecall.custom")

// loadCustomRules parses the organisation rules of every fsys into mods (keyed by
// a name unique across file systems) and returns their catalogue and the
// parameters they declare (custom.params in their METADATA, with defaults).
func loadCustomRules(fsyss []fs.FS, mods map[string]*ast.Module) ([]ruleset.Meta, map[string]any, error) {
	if len(fsyss) == 0 {
		return nil, map[string]any{}, nil
	}
	custom := map[string]*ast.Module{}
	var problems ruleset.Problems
	for _, fsys := range fsyss {
		parsed, ps := ruleset.ParseFiles(fsys, ".", ruleset.IsRuleFile, func(p string) string { return displayName(fsys, p) })
		problems = append(problems, ps...)
		names := slices.Sorted(maps.Keys(parsed))
		for _, name := range names {
			m := parsed[name]
			if !m.Package.Path.HasPrefix(customRoot) || len(m.Package.Path) != len(customRoot)+1 {
				problems = append(problems, ruleset.At(name, m.Package.Location, "package %s: organisation rules are packages rolecall.custom.NAME", strings.TrimPrefix(m.Package.Path.String(), "data.")))
				continue
			}
			problems = append(problems, forbiddenCalls(name, m)...)
			if _, dup := custom[name]; dup {
				name = fmt.Sprintf("%s#%d", name, len(custom))
			}
			custom[name] = m
		}
	}
	if len(problems) > 0 {
		return nil, nil, rulesError(problems)
	}
	metas, err := ruleset.CatalogueOf(custom, customRoot)
	if err != nil {
		return nil, nil, rulesError(err)
	}
	declared := map[string]any{}
	declaredIn := map[string]string{}
	for _, f := range slices.Sorted(maps.Keys(custom)) {
		m := custom[f]
		for _, a := range m.Annotations {
			if a.Scope != "package" {
				continue
			}
			ps, ok := a.Custom["params"]
			if !ok {
				continue
			}
			obj, ok := ps.(map[string]any)
			if !ok {
				problems = append(problems, ruleset.At(f, a.Location, "custom.params must be a mapping of parameter names to default values"))
				continue
			}
			for _, k := range slices.Sorted(maps.Keys(obj)) {
				v := normalise(obj[k])
				if prev, seen := declaredIn[k]; seen && !reflect.DeepEqual(declared[k], v) {
					problems = append(problems, ruleset.At(f, a.Location, "parameter %q has the default %s here and %s in %s: give it one default", k, showJSON(v), showJSON(declared[k]), prev))
					continue
				}
				declared[k], declaredIn[k] = v, f
			}
		}
		mods["custom:"+f] = m
	}
	if len(problems) > 0 {
		return nil, nil, rulesError(problems)
	}
	return metas, declared, nil
}

// showJSON renders a parameter value as JSON for messages.
func showJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// forbiddenCalls lists every call in m to a builtin the sandbox forbids.
func forbiddenCalls(file string, m *ast.Module) ruleset.Problems {
	var out ruleset.Problems
	report := func(op ast.Ref, loc *ast.Location) {
		name := op.String()
		if ForbiddenBuiltin(name) {
			out = append(out, ruleset.At(file, loc, "uses %s, which rolecall's sandbox forbids (rules may not reach the network, files, environment, clock or randomness, nor call uninterruptible amplifiers)", name))
		}
	}
	ast.WalkExprs(m, func(e *ast.Expr) bool {
		if e.IsCall() {
			report(e.Operator(), e.Location)
		}
		return false
	})
	ast.WalkTerms(m, func(t *ast.Term) bool {
		if c, ok := t.Value.(ast.Call); ok && len(c) > 0 {
			if r, ok := c[0].Value.(ast.Ref); ok {
				report(r, t.Location)
			}
		}
		return false
	})
	return out
}
