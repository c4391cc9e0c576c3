package engine

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
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
	var errs []string
	for _, fsys := range fsyss {
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Sprintf("%s: %v", displayName(fsys, p), err))
				return nil
			}
			if d.IsDir() || path.Ext(p) != ".rego" || strings.HasSuffix(p, "_test.rego") {
				return nil
			}
			name := displayName(fsys, p)
			src, err := fs.ReadFile(fsys, p)
			if err != nil {
				errs = append(errs, fmt.Sprintf("%s: %v", name, err))
				return nil
			}
			m, err := ast.ParseModuleWithOpts(name, string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
			if err != nil {
				errs = append(errs, describeCompileError(err))
				return nil
			}
			if !m.Package.Path.HasPrefix(customRoot) || len(m.Package.Path) != len(customRoot)+1 {
				errs = append(errs, fmt.Sprintf("%s:%d: package %s: organisation rules are packages rolecall.custom.NAME", name, m.Package.Location.Row, strings.TrimPrefix(m.Package.Path.String(), "data.")))
				return nil
			}
			errs = append(errs, forbiddenCalls(name, m)...)
			if _, dup := custom[name]; dup {
				name = fmt.Sprintf("%s#%d", name, len(custom))
			}
			custom[name] = m
			return nil
		})
		if err != nil {
			errs = append(errs, err.Error())
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return nil, nil, fmt.Errorf("%w: %s", ErrRules, strings.Join(errs, "; "))
	}
	metas, err := ruleset.CatalogueOf(custom, customRoot)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: organisation rules: %v", ErrRules, err)
	}
	declared := map[string]any{}
	for f, m := range custom {
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
				return nil, nil, fmt.Errorf("%w: %s:%d: custom.params must be a mapping of parameter names to default values", ErrRules, f, a.Location.Row)
			}
			for k, v := range obj {
				declared[k] = v
			}
		}
		mods["custom:"+f] = m
	}
	return metas, declared, nil
}

// forbiddenCalls lists every call in m to a builtin the sandbox forbids, as
// "file:line: ..." messages.
func forbiddenCalls(file string, m *ast.Module) []string {
	var out []string
	report := func(op ast.Ref, loc *ast.Location) {
		name := op.String()
		if ForbiddenBuiltin(name) {
			row := 0
			if loc != nil {
				row = loc.Row
			}
			out = append(out, fmt.Sprintf("%s:%d: uses %s, which rolecall's sandbox forbids (rules may not reach the network, files, environment, clock or randomness, nor call uninterruptible amplifiers)", file, row, name))
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
