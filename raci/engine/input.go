package engine

import (
	"bytes"
	"encoding/json"
	"math"
	"unicode/utf8"

	"github.com/rolecall/rolecall/raci"

	"github.com/open-policy-agent/opa/v1/ast"
)

// The conversion of each model type into its Rego object (registerValue, role,
// person, ...) and the terms of the keys are generated from raci/model.go into
// input_gen.go by go generate ./raci; the helpers below convert the value of one
// field, with the omission rule of its json tag.

// objItem is one key and value of an object under construction.
type objItem = [2]*ast.Term

// key is the term of an object key (input_gen.go holds one per key).
func key(s string) *ast.Term { return ast.StringTerm(s) }

func object(items []objItem) ast.Value { return ast.NewObject(items...) }

// inputBuilder remembers the first error (an attribute JSON cannot hold). It
// shares one term between the equal values of the fields that repeat across a
// register (dates, enumerations, and ids in fields tagged ref): fewer
// allocations to build the input, and fewer objects for the garbage collector to
// scan while the rules run. Terms are never modified, so sharing is safe (OPA
// shares interned terms the same way).
type inputBuilder struct {
	err   error
	terms map[string]*ast.Term
	dates map[raci.Date]*ast.Term
}

func newInputBuilder() *inputBuilder {
	return &inputBuilder{terms: map[string]*ast.Term{}, dates: map[raci.Date]*ast.Term{}}
}

// str is a JSON string: json.Marshal replaces invalid UTF-8, so such a string
// takes the slow path to come out the same.
func str(s string) *ast.Term {
	if !utf8.ValidString(s) {
		b, _ := json.Marshal(s)
		var out string
		_ = json.Unmarshal(b, &out)
		s = out
	}
	return ast.StringTerm(s)
}

// shared is str for the values of fields that repeat across a register.
func (b *inputBuilder) shared(s string) *ast.Term {
	if t, ok := b.terms[s]; ok {
		return t
	}
	t := str(s)
	b.terms[s] = t
	return t
}

func (b *inputBuilder) date(d raci.Date) *ast.Term {
	if t, ok := b.dates[d]; ok {
		return t
	}
	t := ast.StringTerm(d.String())
	b.dates[d] = t
	return t
}

// list converts a slice; a nil slice is null unless omitted by the caller.
func list[T any](xs []T, nullIfNil bool, f func(*T) *ast.Term) *ast.Term {
	if xs == nil && nullIfNil {
		return ast.NullTerm()
	}
	terms := make([]*ast.Term, len(xs))
	for i := range xs {
		terms[i] = f(&xs[i])
	}
	return ast.ArrayTerm(terms...)
}

// appendList adds a list field tagged omitzero: left out when nil, [] when empty.
func appendList[T any](items []objItem, k *ast.Term, xs []T, f func(*T) *ast.Term) []objItem {
	if xs == nil {
		return items
	}
	return append(items, objItem{k, list(xs, false, f)})
}

// ids is a list of references, shared.
func (b *inputBuilder) ids(xs []string) *ast.Term {
	terms := make([]*ast.Term, len(xs))
	for i, s := range xs {
		terms[i] = b.shared(s)
	}
	return ast.ArrayTerm(terms...)
}

func strs(xs []string) *ast.Term {
	terms := make([]*ast.Term, len(xs))
	for i, s := range xs {
		terms[i] = str(s)
	}
	return ast.ArrayTerm(terms...)
}

// The helpers below append a field with the tag's omission rule.

func optStr(items []objItem, k *ast.Term, s string) []objItem { // omitempty
	if s == "" {
		return items
	}
	return append(items, objItem{k, str(s)})
}

func optStrs(items []objItem, k *ast.Term, xs []string) []objItem { // omitzero
	if xs == nil {
		return items
	}
	return append(items, objItem{k, strs(xs)})
}

func (b *inputBuilder) optShared(items []objItem, k *ast.Term, s string) []objItem { // omitempty
	if s == "" {
		return items
	}
	return append(items, objItem{k, b.shared(s)})
}

func (b *inputBuilder) optIDs(items []objItem, k *ast.Term, xs []string) []objItem { // omitzero
	if xs == nil {
		return items
	}
	return append(items, objItem{k, b.ids(xs)})
}

func (b *inputBuilder) optDate(items []objItem, k *ast.Term, d *raci.Date) []objItem { // omitempty pointer
	if d == nil {
		return items
	}
	return append(items, objItem{k, b.date(*d)})
}

func optBool(items []objItem, k *ast.Term, v *bool) []objItem { // omitempty pointer
	if v == nil {
		return items
	}
	return append(items, objItem{k, ast.BooleanTerm(*v)})
}

func (b *inputBuilder) attrs(items []objItem, k *ast.Term, a raci.Attributes) []objItem { // omitzero
	if a == nil {
		return items
	}
	return append(items, objItem{k, b.attrValue(map[string]any(a))})
}

// attrValue converts a free-form attribute value. Plain JSON values (what the
// loader produces) are converted directly; anything else goes through
// encoding/json, so that it comes out as json.Marshal writes it.
func (b *inputBuilder) attrValue(v any) *ast.Term {
	if plainJSON(v) {
		if val, err := ast.InterfaceToValue(v); err == nil {
			return ast.NewTerm(val)
		}
	}
	raw, err := json.Marshal(v)
	if err == nil {
		var val ast.Value
		if val, err = ast.ValueFromReader(bytes.NewReader(raw)); err == nil {
			return ast.NewTerm(val)
		}
	}
	if b.err == nil {
		b.err = err
	}
	return ast.NullTerm()
}

// plainJSON reports whether v is made only of values that ast.InterfaceToValue
// converts exactly as encoding/json would write them.
func plainJSON(v any) bool {
	switch v := v.(type) {
	case nil, bool, json.Number:
		return true
	case string:
		return utf8.ValidString(v)
	case float64:
		return !math.IsNaN(v) && !math.IsInf(v, 0) && v == math.Trunc(v) && math.Abs(v) < 1<<53
	case int, int64:
		return true
	case []any:
		for _, e := range v {
			if !plainJSON(e) {
				return false
			}
		}
		return true
	case map[string]any:
		for k, e := range v {
			if !utf8.ValidString(k) || !plainJSON(e) {
				return false
			}
		}
		return true
	}
	return false
}
