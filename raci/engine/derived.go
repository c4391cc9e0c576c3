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

// derivedValue returns input.derived for reg:
//
//	{"delegations_on_cycle": [i, ...]}
//
// delegations_on_cycle lists, in increasing order, the index in the register's
// delegations of every delegation that lies on a cycle of the delegations of
// its activity (A52-DELEG-005).
func derivedValue(reg *raci.Register) ast.Value {
	onCycle := delegationsOnCycle(reg.Delegations)
	terms := make([]*ast.Term, len(onCycle))
	for i, d := range onCycle {
		terms[i] = ast.IntNumberTerm(d)
	}
	return ast.NewObject([2]*ast.Term{ast.StringTerm("delegations_on_cycle"), ast.ArrayTerm(terms...)})
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
