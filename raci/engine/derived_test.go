package engine

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/rolecall/rolecall/internal/synth"
	"github.com/rolecall/rolecall/raci"
)

func TestDelegationsOnCycle(t *testing.T) {
	t.Parallel()
	d := func(activity, from, to string) raci.Delegation {
		return raci.Delegation{Activity: activity, From: from, To: to}
	}
	for _, tc := range []struct {
		name string
		ds   []raci.Delegation
		want []int
	}{
		{"none", nil, nil},
		{"self", []raci.Delegation{d("a", "r1", "r1")}, []int{0}},
		{"chain", []raci.Delegation{d("a", "r1", "r2"), d("a", "r2", "r3")}, nil},
		{"cycle with tail", []raci.Delegation{d("a", "r0", "r1"), d("a", "r1", "r2"), d("a", "r2", "r3"), d("a", "r3", "r1"), d("a", "r3", "r4")}, []int{1, 2, 3}},
		{"across activities", []raci.Delegation{d("a", "r1", "r2"), d("b", "r2", "r1")}, nil},
		{"parallel", []raci.Delegation{d("a", "r1", "r2"), d("a", "r1", "r2"), d("a", "r2", "r1")}, []int{0, 1, 2}},
		{"two cycles joined one way", []raci.Delegation{d("a", "r1", "r2"), d("a", "r2", "r1"), d("a", "r2", "r3"), d("a", "r3", "r4"), d("a", "r4", "r3")}, []int{0, 1, 3, 4}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tc.want, delegationsOnCycle(tc.ds)); diff != "" {
				t.Errorf("delegationsOnCycle() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDelegationsOnCycleMatchesReachability compares the strongly connected
// components pass with the definition the Rego fallback uses (a delegation from
// -> to is on a cycle when from is reachable from to) on random graphs.
func TestDelegationsOnCycleMatchesReachability(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		roles, edges := 1+r.IntN(8), r.IntN(14)
		var ds []raci.Delegation
		for range edges {
			ds = append(ds, raci.Delegation{Activity: fmt.Sprintf("a%d", r.IntN(2)), From: fmt.Sprintf("r%d", r.IntN(roles)), To: fmt.Sprintf("r%d", r.IntN(roles))})
		}
		var want []int
		for i, x := range ds {
			if reachable(ds, x.Activity, x.To, x.From) {
				want = append(want, i)
			}
		}
		if diff := cmp.Diff(want, delegationsOnCycle(ds)); diff != "" {
			t.Fatalf("trial %d, delegations %+v: mismatch (-reachability +scc):\n%s", trial, ds, diff)
		}
	}
}

// reachable reports whether role target is reachable from role from along the
// delegations of activity; a role reaches itself.
func reachable(ds []raci.Delegation, activity, from, target string) bool {
	seen := map[string]bool{from: true}
	queue := []string{from}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		if v == target {
			return true
		}
		for _, d := range ds {
			if d.Activity == activity && d.From == v && !seen[d.To] {
				seen[d.To] = true
				queue = append(queue, d.To)
			}
		}
	}
	return false
}

// TestDelegationChainOfAnyLength runs the pass on a closed chain of 200,000
// delegations: no recursion, so no stack to overflow, and every delegation is
// on the cycle.
func TestDelegationChainOfAnyLength(t *testing.T) {
	t.Parallel()
	const n = 200_000
	ds := make([]raci.Delegation, n)
	for i := range ds {
		ds[i] = raci.Delegation{Activity: "a", From: fmt.Sprintf("r%d", i), To: fmt.Sprintf("r%d", (i+1)%n)}
	}
	if got := len(delegationsOnCycle(ds)); got != n {
		t.Errorf("delegations on the cycle: got %d, want %d", got, n)
	}
}

// TestDerivedCyclesMatchTheRegoFallback evaluates A52-DELEG-005 on registers
// with delegation cycles twice: with input.derived (what the engine sends) and
// without it (what a plain OPA sent only the register computes in Rego). The
// findings must be the same.
func TestDerivedCyclesMatchTheRegoFallback(t *testing.T) {
	ctx := context.Background()
	e, err := New(ctx, WithDisabled())
	if err != nil {
		t.Fatal(err)
	}
	q, err := PrepareQuery(ctx, e, "data.rolecall.rules.deleg_005.finding")
	if err != nil {
		t.Fatal(err)
	}
	chain, err := synth.Adversarial(synth.ShapeDelegationChain, 60)
	if err != nil {
		t.Fatal(err)
	}
	regs := []*raci.Register{synth.Generate(2000, 1), synth.Generate(2000, 7), chain}
	for i, reg := range regs {
		in, err := inputValue(reg, synth.AsOf)
		if err != nil {
			t.Fatal(err)
		}
		obj := in.(ast.Object)
		without := ast.NewObject([2]*ast.Term{ast.StringTerm("as_of"), obj.Get(ast.StringTerm("as_of"))}, [2]*ast.Term{ast.StringTerm("register"), obj.Get(ast.StringTerm("register"))})
		got, err := q.pq.Eval(ctx, rego.EvalParsedInput(in))
		if err != nil {
			t.Fatal(err)
		}
		want, err := q.pq.Eval(ctx, rego.EvalParsedInput(without))
		if err != nil {
			t.Fatal(err)
		}
		g, w := got[0].Expressions[0].Value, want[0].Expressions[0].Value
		if diff := cmp.Diff(w, g); diff != "" {
			t.Errorf("register %d: findings with input.derived differ from the Rego fallback (-fallback +derived):\n%s", i, diff)
		}
		if n := len(g.([]any)); n == 0 {
			t.Errorf("register %d: no delegation on a cycle: the comparison proves nothing", i)
		}
	}
}
