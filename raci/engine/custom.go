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
			if !m.Package.Path.HasPrefix(customRoot) || len(m.Package.Path) == len(customRoot) {
				problems = append(problems, ruleset.At(name, m.Package.Location, "package %s: organisation rules are packages rolecall.custom.NAME, where NAME is one or more identifiers (acme_custodian, acme.hr.leavers)", strings.TrimPrefix(m.Package.Path.String(), "data.")))
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
	for _, meta := range metas {
		if shim := nestedShim(meta.Package); shim != nil {
			mods["custom:"+nestedShimDir+"/"+ruleset.CatalogueKey(meta.Package)+".rego"] = shim
		}
	}
	return metas, declared, nil
}

// nestedShimDir is where the modules of nestedShim sit among the engine's
// modules (and in a bundle, under rolecall/custom/).
const nestedShimDir = "rolecall-nested"

// nestedShim returns, for a nested organisation package such as
// rolecall.custom.acme.hr, the module the dispatcher reads its findings
// through: package rolecall.custom["acme.hr"] with finding :=
// data.rolecall.custom.acme.hr.finding. The dispatcher (report.rego) looks up
// data.rolecall.custom[key].finding for each catalogue key, one level deep; a
// key holding a dot can name no package of the organisation's own, since their
// segments are identifiers. It returns nil for a package one level deep.
func nestedShim(pkg string) *ast.Module {
	key := ruleset.CatalogueKey(pkg)
	if !strings.Contains(key, ".") {
		return nil
	}
	src := fmt.Sprintf("package rolecall.custom[%q]\n\nfinding := data.%s.finding\n", key, pkg)
	m, err := ast.ParseModuleWithOpts(nestedShimDir+"/"+key+".rego", src, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		// The key is made of identifiers and dots: the source always parses.
		return nil
	}
	return m
}

// showJSON renders a parameter value as JSON for messages.
func showJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// forbiddenCalls lists every builtin m names (called, bound with `with`, or
// referred to) that the sandbox refuses, and every time zone that is not UTC.
func forbiddenCalls(file string, m *ast.Module) ruleset.Problems {
	return ruleset.BuiltinProblems(file, m)
}
