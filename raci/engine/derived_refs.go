package engine

import (
	"maps"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/rolecall/rolecall/internal/refcheck"
	"github.com/rolecall/rolecall/raci"
)

// nearestIDs returns the nearest_ids member of input.derived:
//
//	{"role": {"incident-mgr": "incident-manager"}, "person": {...}, ...}
//
// For each kind of entity a reference names (role, person, asset, activity),
// it maps every undefined id the register refers to that looks like a typo to
// the defined id nearest to it (refcheck.Suggest). A52-REF-001 adds "did you
// mean" to its message from it; Rego has no edit distance, so without it (a
// plain OPA sent only the register) the message has no suggestion.
func nearestIDs(reg *raci.Register) [2]*ast.Term {
	sugg := refcheck.Suggest(reg)
	kinds := make([][2]*ast.Term, 0, len(sugg))
	for _, kind := range slices.Sorted(maps.Keys(sugg)) {
		ids := make([][2]*ast.Term, 0, len(sugg[kind]))
		for _, id := range slices.Sorted(maps.Keys(sugg[kind])) {
			ids = append(ids, [2]*ast.Term{ast.StringTerm(id), ast.StringTerm(sugg[kind][id])})
		}
		kinds = append(kinds, [2]*ast.Term{ast.StringTerm(kind), ast.NewTerm(ast.NewObject(ids...))})
	}
	return [2]*ast.Term{ast.StringTerm("nearest_ids"), ast.NewTerm(ast.NewObject(kinds...))}
}
