package engine_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/rolecall/rolecall/internal/ruleset"
	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// FuzzOrganisationRule evaluates organisation rules made of calls to the
// builtins the sandbox allows, with arguments drawn from constants, the input
// and earlier results. It asserts that every rule either fails to compile with
// ErrRules or evaluates without crashing, returns within the deadline plus one
// second, and leaves the heap below twice the memory budget (the budget stops
// an evaluation near it):
//
//	go test ./raci/engine -run '^$' -fuzz '^FuzzOrganisationRule$' -fuzztime 500x -fuzzminimizetime 20x -timeout 0 -parallel 1
func FuzzOrganisationRule(f *testing.F) {
	for _, seed := range [][]byte{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
		[]byte("concat concat concat concat concat"),
		[]byte("\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4\xf3\xf2\xf1\xf0"),
		[]byte("sprintf replace strings.replace_n json.unmarshal walk"),
	} {
		f.Add(seed)
	}
	allowed := allowedBuiltins()
	reg := fuzzRuleRegister(f)
	const timeout, budget = 2 * time.Second, 512 << 20
	f.Fuzz(func(t *testing.T, data []byte) {
		body := randomRuleBody(data, allowed)
		eng, err := engine.New(context.Background(), engine.WithRules(orgRule(body)), engine.WithTimeout(timeout), engine.WithMemoryLimit(budget))
		if err != nil {
			if !errors.Is(err, engine.ErrRules) {
				t.Fatalf("New: an error not wrapping ErrRules: %v\nrule:%s", err, body)
			}
			return
		}
		runtime.GC()
		start := time.Now()
		_, err = eng.Evaluate(context.Background(), reg, raci.MustDate("2026-11-27"))
		if elapsed := time.Since(start); elapsed > timeout+time.Second {
			t.Fatalf("evaluation took %v, more than the %v timeout plus 1 s\nrule:%s", elapsed, timeout, body)
		}
		if err != nil && !errors.Is(err, engine.ErrEvaluation) {
			t.Fatalf("Evaluate: an error not wrapping ErrEvaluation: %v\nrule:%s", err, body)
		}
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		metrics.Read(sample)
		if h := sample[0].Value.Uint64(); h > 2*budget {
			t.Fatalf("the heap holds %d MiB after the evaluation, more than twice the %d MiB budget\nrule:%s", h>>20, budget>>20, body)
		}
	})
}

// allowedBuiltins lists the builtins the sandbox allows that a rule can call
// by name (not the operators), with their number of arguments.
func allowedBuiltins() []struct {
	name  string
	arity int
} {
	var out []struct {
		name  string
		arity int
	}
	for _, name := range ruleset.AuditedBuiltins() {
		b, ok := ast.BuiltinMap[name]
		if !ok || engine.ForbiddenBuiltin(name) || b.Infix != "" || strings.HasPrefix(name, "internal.") || name == "print" || b.Decl == nil {
			continue
		}
		out = append(out, struct {
			name  string
			arity int
		}{name, len(b.Decl.FuncArgs().Args)})
	}
	return out
}

// randomRuleBody builds, from data, up to eight assignments _vK := f(args)
// of allowed builtins and a finding whose message shows the last one.
func randomRuleBody(data []byte, allowed []struct {
	name  string
	arity int
}) string {
	next := func() int {
		if len(data) == 0 {
			return 0
		}
		b := int(data[0])
		data = data[1:]
		return b
	}
	atoms := []string{`"a"`, `"a-b c"`, `"%v"`, `""`, `0`, `1`, `-1`, `2.5`, `1000000`, `[1, 2, 3]`, `["x", "y"]`, `{"k": "v"}`, `{"a", "b"}`, `true`, `null`,
		`input.register.people`, `input.register.roles`, `input.as_of`, `"[[[[1]]]]"`, `"2006-01-02"`, `"{\"a\": [1, {\"b\": 2}]}"`}
	var b strings.Builder
	vars := 0
	for i := 0; i < 8 && len(data) > 0; i++ {
		bi := allowed[next()%len(allowed)]
		args := make([]string, bi.arity)
		for j := range args {
			k := next()
			if vars > 0 && k%3 == 0 {
				args[j] = fmt.Sprintf("_v%d", k%vars)
			} else {
				args[j] = atoms[k%len(atoms)]
			}
		}
		fmt.Fprintf(&b, "\n_v%d := %s(%s)\n", vars, bi.name, strings.Join(args, ", "))
		vars++
	}
	if vars == 0 {
		return "\nfinding contains {\"subject\": \"organisation\", \"message\": \"none\"} if false\n"
	}
	fmt.Fprintf(&b, "\nfinding contains {\"subject\": \"organisation\", \"message\": sprintf(\"%%v\", [_v%d])}\n", vars-1)
	return b.String()
}

func fuzzRuleRegister(f *testing.F) *raci.Register {
	f.Helper()
	reg, err := raci.LoadBytes([]byte("version: 1\norganisation: {name: X}\nroles: [{id: r, name: R, kind: ciso, function: security}]\npeople:\n  - {id: p1, name: A, roles: [r]}\n  - {id: p2, name: B}\n"))
	if err != nil {
		f.Fatal(err)
	}
	return reg
}
