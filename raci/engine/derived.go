package engine

import (
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/rolecall/rolecall/raci"
)

// The derived facts are computed in Go, once per evaluation, for the rules whose
// Rego form would cost more than linear memory or time on inputs inside the
// limits. They travel in the input as input.derived; each rule that reads one
// falls back to computing it in Rego when it is absent (a plain OPA sent only
// {"as_of", "register"}), with the same findings.

// derivedValue returns input.derived for reg evaluated as of asOf:
//
//	{"delegations_on_cycle": [i, ...],
//	 "person_index": {person_id: i, ...},
//	 "direct_holders": {role_id: {person_id: true, ...}, ...},
//	 "current_competences": {competence_id: {person_id: true, ...}, ...},
//	 "nearest_ids": ...}
//
// delegations_on_cycle lists, in increasing order, the index in the register's
// delegations of every delegation that lies on a cycle of the delegations of
// its activity (A52-DELEG-005).
//
// person_index is rules/rolecall/lib's index of each person's position in the
// register's people. It is left out when two people share an id, so that the
// rules build it themselves and fail on the conflict as a plain OPA does.
//
// direct_holders is rules/rolecall/lib's index of the people who list each role
// in their own roles (undefined role ids included), built in one pass in Go
// instead of one comprehension element per person and role.
//
// nearest_ids gives the defined id nearest to each mistyped reference
// (A52-REF-001; derived_refs.go).
//
// current_competences groups, by competence id, the people with a record of it
// achieved on or before asOf and not expired (expires_on absent or not before
// asOf): the index A52-COMP-001 subtracts from the people who need each
// competence. The dates are compared as the YYYY-MM-DD strings the rules
// compare.
func derivedValue(reg *raci.Register, asOf raci.Date) ast.Value {
	onCycle := delegationsOnCycle(reg.Delegations)
	terms := make([]*ast.Term, len(onCycle))
	for i, d := range onCycle {
		terms[i] = ast.IntNumberTerm(d)
	}
	idx := personIndexes(reg.People, asOf)
	facts := [][2]*ast.Term{
		{ast.StringTerm("delegations_on_cycle"), ast.ArrayTerm(terms...)},
		{ast.StringTerm("direct_holders"), ast.NewTerm(idx.holders)},
		{ast.StringTerm("current_competences"), ast.NewTerm(idx.current)},
		nearestIDs(reg), // derived_refs.go
	}
	if idx.positions != nil {
		facts = append(facts, [2]*ast.Term{ast.StringTerm("person_index"), ast.NewTerm(idx.positions)})
	}
	return ast.NewObject(facts...)
}

// peopleFacts are the derived facts about people (see derivedValue).
type peopleFacts struct {
	// positions is person_index, nil when two people share an id.
	positions        ast.Object
	holders, current ast.Object
}

// personIndexes builds person_index, direct_holders and current_competences
// (see derivedValue) in one pass over people. Each person's id term is made
// once and shared by every index that holds it.
func personIndexes(people []raci.Person, asOf raci.Date) peopleFacts {
	positions := make([][2]*ast.Term, len(people))
	seen := make(map[string]bool, len(people))
	unique := true
	byRole := newGroups()
	byCompetence := newGroups()
	today := asOf.String()
	// Dates repeat across people: format each once.
	dates := map[raci.Date]string{}
	format := func(d raci.Date) string {
		s, ok := dates[d]
		if !ok {
			s = d.String()
			dates[d] = s
		}
		return s
	}
	for i := range people {
		p := &people[i]
		id := ast.StringTerm(p.ID)
		positions[i] = [2]*ast.Term{id, ast.IntNumberTerm(i)}
		if seen[p.ID] {
			unique = false
		}
		seen[p.ID] = true
		for _, rid := range p.Roles {
			byRole.add(rid, id)
		}
		for j := range p.Competences {
			rec := &p.Competences[j]
			if format(rec.AchievedOn) > today {
				continue
			}
			if rec.ExpiresOn != nil && format(*rec.ExpiresOn) < today {
				continue
			}
			byCompetence.add(rec.ID, id)
		}
	}
	facts := peopleFacts{holders: byRole.object(), current: byCompetence.object()}
	if unique {
		facts.positions = ast.NewObject(positions...)
	}
	return facts
}

// groups collects sets of terms by key, in the order keys first appear. A set
// is an object whose values are all true, as object.union_n builds them in Rego.
type groups struct {
	keys []string
	sets map[string]ast.Object
	true *ast.Term
}

func newGroups() *groups { return &groups{sets: map[string]ast.Object{}, true: ast.BooleanTerm(true)} }

func (g *groups) add(key string, member *ast.Term) {
	set, ok := g.sets[key]
	if !ok {
		set = ast.NewObject()
		g.sets[key] = set
		g.keys = append(g.keys, key)
	}
	set.Insert(member, g.true)
}

// object returns {key: {member: true, ...}, ...}.
func (g *groups) object() ast.Object {
	pairs := make([][2]*ast.Term, len(g.keys))
	for i, k := range g.keys {
		pairs[i] = [2]*ast.Term{ast.StringTerm(k), ast.NewTerm(g.sets[k])}
	}
	return ast.NewObject(pairs...)
}

// delegationsOnCycle returns the indices of the delegations that lie on a cycle:
// those whose from and to are in one strongly connected component of the graph
// with a node per (activity, role) and an edge per delegation. It runs Tarjan's
// algorithm without recursion, so time and memory are linear in the number of
// delegations and a chain of any length cannot overflow the stack.
func delegationsOnCycle(ds []raci.Delegation) []int {
	type node struct{ activity, role string }
	ids := map[node]int{}
	nodeOf := func(n node) int {
		if id, ok := ids[n]; ok {
			return id
		}
		ids[n] = len(ids)
		return len(ids) - 1
	}
	from := make([]int, len(ds))
	to := make([]int, len(ds))
	for i, d := range ds {
		from[i] = nodeOf(node{d.Activity, d.From})
		to[i] = nodeOf(node{d.Activity, d.To})
	}
	n := len(ids)
	// Adjacency in compressed form: the successors of v are
	// succ[start[v]:start[v+1]].
	start := make([]int, n+1)
	for _, f := range from {
		start[f+1]++
	}
	for v := range n {
		start[v+1] += start[v]
	}
	succ := make([]int, len(ds))
	fill := append([]int(nil), start[:n]...)
	for i, f := range from {
		succ[fill[f]] = to[i]
		fill[f]++
	}

	const unvisited = -1
	index := make([]int, n)
	low := make([]int, n)
	onStack := make([]bool, n)
	comp := make([]int, n)
	for v := range index {
		index[v] = unvisited
	}
	var stack []int
	type frame struct{ v, next int }
	var calls []frame
	counter, comps := 0, 0
	for root := range n {
		if index[root] != unvisited {
			continue
		}
		calls = append(calls, frame{v: root, next: start[root]})
		index[root], low[root] = counter, counter
		counter++
		stack = append(stack, root)
		onStack[root] = true
		for len(calls) > 0 {
			top := &calls[len(calls)-1]
			v := top.v
			if top.next < start[v+1] {
				w := succ[top.next]
				top.next++
				switch {
				case index[w] == unvisited:
					index[w], low[w] = counter, counter
					counter++
					stack = append(stack, w)
					onStack[w] = true
					calls = append(calls, frame{v: w, next: start[w]})
				case onStack[w]:
					low[v] = min(low[v], index[w])
				}
				continue
			}
			// Every successor of v is done: v closes a component when it is its root.
			if low[v] == index[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = comps
					if w == v {
						break
					}
				}
				comps++
			}
			calls = calls[:len(calls)-1]
			if len(calls) > 0 {
				parent := calls[len(calls)-1].v
				low[parent] = min(low[parent], low[v])
			}
		}
	}
	var out []int
	for i := range ds {
		if comp[from[i]] == comp[to[i]] {
			out = append(out, i)
		}
	}
	return out
}
