package engine

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/rolecall/rolecall/internal/ruleset"
)

// explainFailures runs the failing tests of results again, alone and traced,
// and sets each one's Failure to the expression that failed and the values of
// its variables, as `opa test --var-values` shows them: what the rule produced
// next to what the test expected. Tracing is slow, so the passing tests are
// not run again. A test that passes when run again (it depends on timing) or
// whose trace holds no failed expression keeps an empty Failure.
func explainFailures(ctx context.Context, store storage.Store, mods map[string]*ast.Module, eng *Engine, results []TestResult) {
	var names []string
	for _, r := range results {
		if r.Fail && r.Err == "" {
			names = append(names, regexp.QuoteMeta("data."+r.Package+"."+r.Name))
		}
	}
	if len(names) == 0 {
		return
	}
	txn, err := store.NewTransaction(ctx)
	if err != nil {
		return
	}
	defer store.Abort(ctx, txn)
	compiler := ast.NewCompiler().
		WithCapabilities(ruleset.SandboxCapabilities()).
		WithEnablePrintStatements(true).
		WithDefaultRegoVersion(ast.RegoV1)
	ch, err := tester.NewRunner().
		SetCompiler(compiler).
		SetStore(store).
		SetModules(mods).
		SetDefaultRegoVersion(ast.RegoV1).
		RaiseBuiltinErrors(true).
		EnableTracing(true).
		Filter("^("+strings.Join(names, "|")+")$").
		SetTimeout(eng.timeout).
		RunTests(ctx, txn)
	if err != nil {
		return
	}
	failures := map[string]string{}
	for r := range ch {
		if r.Fail {
			failures[strings.TrimPrefix(r.Package, "data.")+"."+r.Name] = describeFailure(r.Trace)
		}
	}
	for i, r := range results {
		if f, ok := failures[r.Package+"."+r.Name]; ok {
			results[i].Failure = f
		}
	}
}

// maxFailureBytes bounds the description of one failure: a value the size of
// a register is cut, not printed whole.
const maxFailureBytes = 16 << 10

// describeFailure renders the last expression of the test's own query that
// failed, with the values of its variables, from a trace.
func describeFailure(trace []*topdown.Event) string {
	for _, e := range slices.Backward(trace) {
		if e.Op != topdown.FailOp || e.Location == nil || e.QueryID == 0 {
			continue
		}
		if expr, ok := e.Node.(*ast.Expr); ok {
			if _, every := expr.Terms.(*ast.Every); every {
				// The failing expression inside the every body says more.
				continue
			}
		}
		var b bytes.Buffer
		fmt.Fprintf(&b, "%s:%d:\n", strings.TrimPrefix(strings.TrimPrefix(e.Location.File, "custom-test:"), "custom:"), e.Location.Row)
		if err := topdown.PrettyEvent(&b, e, topdown.PrettyEventOpts{PrettyVars: true}); err != nil {
			return ""
		}
		s := b.String()
		if len(s) > maxFailureBytes {
			s = s[:maxFailureBytes] + "\n[rolecall: the rest of the values is left out]\n"
		}
		return s
	}
	return ""
}
