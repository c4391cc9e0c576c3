package ruledocs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/rolecall/rolecall/raci"
)

// registerYAML renders a register (plain JSON values) as YAML, with keys in
// the order of the register format (raci.Register's fields: version,
// organisation, policy, roles, people, ...; id and name first in an entity),
// keys the format does not know after them in alphabetical order, and lists of
// plain values on one line, as registers are usually written.
func registerYAML(v map[string]any) string {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(yamlNode(v, reflect.TypeFor[raci.Register]())); err != nil {
		// Plain JSON values always encode.
		panic(err)
	}
	_ = enc.Close()
	return b.String()
}

// yamlNode returns the node of v, a plain JSON value whose Go model type is t
// (nil when unknown).
func yamlNode(v any, t reflect.Type) *yaml.Node {
	for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice) {
		t = t.Elem()
	}
	switch v := v.(type) {
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode}
		for _, k := range orderedKeys(v, t) {
			n.Content = append(n.Content, scalar(k), yamlNode(v[k], fieldType(t, k)))
		}
		return n
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode}
		flow := true
		for _, x := range v {
			switch x.(type) {
			case map[string]any, []any:
				flow = false
			}
			n.Content = append(n.Content, yamlNode(x, t))
		}
		if flow {
			n.Style = yaml.FlowStyle
		}
		return n
	case string:
		return scalar(v)
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v)}
	case json.Number:
		return &yaml.Node{Kind: yaml.ScalarNode, Value: v.String()}
	case float64:
		return &yaml.Node{Kind: yaml.ScalarNode, Value: strconv.FormatFloat(v, 'f', -1, 64)}
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	}
	return scalar(fmt.Sprint(v))
}

var dateLike = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// scalar returns the node of a string: plain when it reads back as the same
// string (a date such as 2026-11-27 included: the register keeps it as
// written), quoted otherwise.
func scalar(s string) *yaml.Node {
	if dateLike.MatchString(s) {
		return &yaml.Node{Kind: yaml.ScalarNode, Value: s}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// orderedKeys returns the keys of m: those of struct type t in field order,
// id and name first, then the others in alphabetical order.
func orderedKeys(m map[string]any, t reflect.Type) []string {
	rank := map[string]int{"id": -2, "name": -1}
	if t != nil && t.Kind() == reflect.Struct {
		for i := range t.NumField() {
			if name := jsonName(t.Field(i)); name != "" {
				if _, set := rank[name]; !set {
					rank[name] = i
				}
			}
		}
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		ra, oka := rank[a]
		rb, okb := rank[b]
		switch {
		case oka && okb:
			return ra - rb
		case oka:
			return -1
		case okb:
			return 1
		}
		return strings.Compare(a, b)
	})
	return keys
}

// fieldType returns the type of the field of struct type t whose JSON key is
// key, or nil.
func fieldType(t reflect.Type, key string) reflect.Type {
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	for i := range t.NumField() {
		if jsonName(t.Field(i)) == key {
			return t.Field(i).Type
		}
	}
	return nil
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	return name
}
