package refcheck

import (
	"maps"
	"slices"
	"sort"

	"github.com/rolecall/rolecall/raci"
)

// SuggestBudget bounds the work of Suggest: the cells of edit-distance tables
// it fills, in all, for one register. It is enough for thousands of mistyped
// ids among thousands of defined ones, and keeps a register made of nothing
// but dangling references from costing more than a fraction of a second.
const SuggestBudget = 20_000_000

// Suggest returns, for each kind of entity (role, person, asset, activity),
// the undefined ids reg refers to that look like typos, each with the defined
// id nearest to it (as Nearest chooses): suggestions[kind][id]. An id without
// a close enough defined id is absent. The ids are compared in sorted order
// within SuggestBudget; the ids left when it runs out get no suggestion, so
// the result depends on the register alone.
func Suggest(reg *raci.Register) map[string]map[string]string {
	return suggest(reg, SuggestBudget)
}

// suggest is Suggest within budget cells.
func suggest(reg *raci.Register, budget int) map[string]map[string]string {
	dangling, ids := danglingRefs(reg)
	if len(dangling) == 0 {
		return nil
	}
	wanted := map[string]map[string]bool{}
	for _, d := range dangling {
		if wanted[d.Kind] == nil {
			wanted[d.Kind] = map[string]bool{}
		}
		wanted[d.Kind][d.ID] = true
	}
	out := map[string]map[string]string{}
	for _, kind := range slices.Sorted(maps.Keys(wanted)) {
		sorted := slices.Clone(ids[kind])
		sort.Strings(sorted)
		for _, id := range slices.Sorted(maps.Keys(wanted[kind])) {
			s, ok := nearestSorted(id, sorted, &budget)
			if !ok {
				return out
			}
			if s == "" {
				continue
			}
			if out[kind] == nil {
				out[kind] = map[string]string{}
			}
			out[kind][id] = s
		}
	}
	return out
}
