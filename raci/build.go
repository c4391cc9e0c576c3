package raci

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// modelOf builds the typed model from a schema-valid document (plain JSON values:
// maps, slices, strings, json.Number, bools, nil). It gives exactly what
// encoding/json gives for the document marshalled and decoded into a Register
// (build_test.go compares the two), without the round trip, which cost more than
// a third of loading a large register: null or an absent key leaves the zero value,
// an empty list stays an empty (non-nil) list, attributes keep their values
// (json.Number included). Values of the wrong type cannot pass the schema; they
// are reported as an error all the same.
func modelOf(doc any) (*Register, error) {
	m := &modelReader{}
	reg := m.register(m.object(doc, ""))
	if m.err != nil {
		return nil, m.err
	}
	return &reg, nil
}

// modelReader reads typed values out of a document and keeps the first error.
// Its reader of each model type (register, role, ...) is generated from
// model.go into model_gen.go; the helpers here read the values of one key.
type modelReader struct{ err error }

func (m *modelReader) fail(key string, want string, v any) {
	if m.err == nil {
		m.err = fmt.Errorf("building the model: %s is a %T, not %s", key, v, want)
	}
}

func (m *modelReader) object(v any, key string) map[string]any {
	switch v := v.(type) {
	case nil:
		return nil
	case map[string]any:
		return v
	}
	m.fail(key, "an object", v)
	return nil
}

func (m *modelReader) str(o map[string]any, key string) string {
	switch v := o[key].(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		m.fail(key, "a string", v)
		return ""
	}
}

func (m *modelReader) integer(o map[string]any, key string) int {
	switch v := o[key].(type) {
	case nil:
		return 0
	case json.Number:
		i, err := strconv.Atoi(string(v))
		if err != nil {
			m.fail(key, "an integer", v)
		}
		return i
	default:
		m.fail(key, "an integer", v)
		return 0
	}
}

func (m *modelReader) boolPtr(o map[string]any, key string) *bool {
	switch v := o[key].(type) {
	case nil:
		return nil
	case bool:
		return &v
	default:
		m.fail(key, "a boolean", v)
		return nil
	}
}

func (m *modelReader) date(o map[string]any, key string) Date {
	s, ok := o[key].(string)
	if !ok {
		m.fail(key, "a date", o[key])
		return Date{}
	}
	d, err := ParseDate(s)
	if err != nil && m.err == nil {
		m.err = fmt.Errorf("building the model: %w", err)
	}
	return d
}

func (m *modelReader) datePtr(o map[string]any, key string) *Date {
	if o[key] == nil {
		return nil
	}
	d := m.date(o, key)
	return &d
}

func (m *modelReader) strs(o map[string]any, key string) []string {
	switch v := o[key].(type) {
	case nil:
		return nil
	case []any:
		out := make([]string, len(v))
		for i, e := range v {
			s, ok := e.(string)
			if !ok {
				m.fail(key, "a list of strings", v)
			}
			out[i] = s
		}
		return out
	default:
		m.fail(key, "a list", v)
		return nil
	}
}

func (m *modelReader) attrs(o map[string]any, key string) Attributes {
	switch v := o[key].(type) {
	case nil:
		return nil
	case map[string]any:
		// The document is the loader's own and is dropped after this: its values
		// are kept as they are.
		return Attributes(v)
	default:
		m.fail(key, "an object", v)
		return nil
	}
}

// entities reads a list of entities; nil when the key is absent or null.
func entities[T any](m *modelReader, o map[string]any, key string, f func(*modelReader, map[string]any) T) []T {
	switch v := o[key].(type) {
	case nil:
		return nil
	case []any:
		out := make([]T, len(v))
		for i, e := range v {
			if obj := m.object(e, key); obj != nil {
				out[i] = f(m, obj)
			}
		}
		return out
	default:
		m.fail(key, "a list", v)
		return nil
	}
}
