package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/rolecall/rolecall/raci"
)

// The hooks below let the tests and benchmarks in package engine_test time
// single rules and compare the engine with data.rolecall.report; they are
// compiled into tests only.

// RuleQuery evaluates one query (e.g. data.rolecall.rules.ref_001.finding) with
// the engine's modules and data, prepared once.
type RuleQuery struct {
	Name string
	pq   rego.PreparedEvalQuery
}

// RuleQueries prepares a query for the finding set of every bundled rule, and for
// the shared indexes of the library.
func RuleQueries(ctx context.Context, e *Engine) ([]RuleQuery, error) {
	var out []RuleQuery
	for _, r := range e.rules {
		if r.Custom {
			continue
		}
		q, err := PrepareQuery(ctx, e, r.Package+".finding")
		if err != nil {
			return nil, err
		}
		q.Name = r.ID
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	// The indexes of rules/rolecall/lib that several rules share: a rule's figure
	// includes those it uses.
	for _, name := range []string{"person_index", "direct_holders", "holders", "team_roles", "inactive_ids", "allocated"} {
		// count(...): the index itself is large, and converting it to Go values
		// would be timed too.
		q, err := PrepareQuery(ctx, e, "count(data.rolecall.lib."+name+")")
		if err != nil {
			return nil, err
		}
		q.Name = "lib." + name
		out = append(out, q)
	}
	return out, nil
}

// PrepareQuery prepares query (a data reference) against the engine's modules.
func PrepareQuery(ctx context.Context, e *Engine, query string) (RuleQuery, error) {
	if !strings.HasPrefix(query, "data.") && !strings.HasPrefix(query, "count(") {
		query = "data." + query
	}
	opts := []func(*rego.Rego){rego.Query(query), rego.Store(inmem.NewFromObject(e.data)), rego.SetRegoVersion(ast.RegoV1)}
	for _, m := range e.modules {
		opts = append(opts, rego.ParsedModule(m))
	}
	pq, err := rego.New(opts...).PrepareForEval(ctx)
	if err != nil {
		return RuleQuery{}, err
	}
	return RuleQuery{Name: query, pq: pq}, nil
}

// Eval evaluates the query on input and returns the size of its value (the
// number of findings of a rule).
func (q RuleQuery) Eval(ctx context.Context, input ast.Value) (int, error) {
	rs, err := q.pq.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return 0, err
	}
	if len(rs) == 0 {
		return 0, nil
	}
	switch v := rs[0].Expressions[0].Value.(type) {
	case []any:
		return len(v), nil
	case map[string]any:
		return len(v), nil
	case json.Number:
		n, err := v.Int64()
		return int(n), err
	default:
		return 0, fmt.Errorf("%s is a %T", q.Name, v)
	}
}

// PrepareReport prepares data.rolecall.report, the entrypoint a plain OPA
// evaluates, with the engine's modules and data, and returns a function that
// evaluates it and reads its findings as the engine did before it decorated
// findings in Go (with File, Line and Column from the register).
func PrepareReport(ctx context.Context, e *Engine) (func(reg *raci.Register, asOf raci.Date) ([]Finding, error), error) {
	q, err := PrepareQuery(ctx, e, "data.rolecall.report")
	if err != nil {
		return nil, err
	}
	return func(reg *raci.Register, asOf raci.Date) ([]Finding, error) {
		input, err := inputValue(reg, asOf)
		if err != nil {
			return nil, err
		}
		rs, err := q.pq.Eval(ctx, rego.EvalParsedInput(input))
		if err != nil {
			return nil, err
		}
		list, ok := rs[0].Expressions[0].Value.(map[string]any)["findings"].([]any)
		if !ok {
			return nil, fmt.Errorf("data.rolecall.report has no findings list")
		}
		out := make([]Finding, 0, len(list))
		for _, item := range list {
			m := item.(map[string]any)
			// The engine trusts no value from a rule: it drops a finding whose
			// subject or message is not a string of bounded length, and a path
			// that is not one. data.rolecall.report keeps them as they are, so
			// the comparison applies the engine's bounds here.
			if _, ok := trustedString(m["subject"], MaxSubjectBytes); !ok {
				continue
			}
			if _, ok := trustedString(m["message"], MaxMessageBytes); !ok {
				continue
			}
			if _, ok := trustedString(m["path"], MaxPathBytes); !ok {
				delete(m, "path")
			}
			str := func(k string) string { s, _ := m[k].(string); return s }
			f := Finding{
				Rule: str("rule"), Severity: Severity(str("severity")), Control: str("control"), Title: str("title"),
				Subject: str("subject"), Message: str("message"), Path: str("path"), Remediation: str("remediation"), Waived: str("waived"),
				File: reg.SourceName(),
			}
			if f.Path != "" {
				pos := reg.Position(f.Path)
				f.Line, f.Column = pos.Line, pos.Column
			}
			out = append(out, f)
		}
		SortFindings(out)
		return out, nil
	}, nil
}

// InputValue is the input as the Rego value the engine evaluates.
var InputValue = inputValue
