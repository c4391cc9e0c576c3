package schema_test

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/schema"
)

// TestEveryPropertyIsDescribed holds both schemas to what editors show on hover:
// every entry of every "properties" object, at any depth, and every definition
// in "$defs" has a non-empty description, and examples, where given, are a list.
func TestEveryPropertyIsDescribed(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		src  []byte
		// least is a floor on the number of properties and definitions walked,
		// so that a walk that meets nothing cannot pass.
		least int
	}{
		{name: "register.schema.json", src: schema.RegisterJSON, least: 100},
		{name: "config.schema.json", src: schema.ConfigJSON, least: 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var doc any
			if err := json.Unmarshal(tc.src, &doc); err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			got := describe(doc)
			if len(got.walked) < tc.least {
				t.Errorf("%s: the walk met %d properties and definitions, expected at least %d", tc.name, len(got.walked), tc.least)
			}
			for _, ptr := range got.undescribed {
				t.Errorf("%s#%s has no description: say what it means, its default, and for a reference what it must name", tc.name, ptr)
			}
			for _, ptr := range got.badExamples {
				t.Errorf("%s#%s: examples must be a list of values", tc.name, ptr)
			}
		})
	}
}

// TestDescribeFindsEveryGap checks the walk itself on small schemas: it reaches
// properties nested in definitions, lists and other properties, and names each
// one that lacks a description by its JSON pointer.
func TestDescribeFindsEveryGap(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name            string
		schema          string
		wantUndescribed []string
		wantBadExamples []string
	}{
		{
			name:   "all described",
			schema: `{"properties": {"a": {"type": "string", "description": "A."}}}`,
		},
		{
			name:            "top-level property",
			schema:          `{"properties": {"a": {"type": "string"}, "b": {"description": "B."}}}`,
			wantUndescribed: []string{"/properties/a"},
		},
		{
			name:            "blank description",
			schema:          `{"properties": {"a": {"description": "  "}}}`,
			wantUndescribed: []string{"/properties/a"},
		},
		{
			name:            "description that is not a string",
			schema:          `{"properties": {"a": {"description": 1}}}`,
			wantUndescribed: []string{"/properties/a"},
		},
		{
			name: "definition and its nested properties",
			schema: `{"$defs": {"thing": {"type": "object", "properties": {
				"x": {"description": "X."},
				"y": {"type": "object", "properties": {"z": {}}}
			}}}}`,
			wantUndescribed: []string{"/$defs/thing", "/$defs/thing/properties/y", "/$defs/thing/properties/y/properties/z"},
		},
		{
			name: "properties inside list items",
			schema: `{"properties": {"list": {"description": "L.", "type": "array",
				"items": {"type": "object", "properties": {"k": {}}}}}}`,
			wantUndescribed: []string{"/properties/list/items/properties/k"},
		},
		{
			name:            "a property named properties",
			schema:          `{"properties": {"properties": {"type": "object", "properties": {"inner": {"description": "I."}}}}}`,
			wantUndescribed: []string{"/properties/properties"},
		},
		{
			name:            "pointer escaping",
			schema:          `{"properties": {"a/b": {}, "c~d": {}}}`,
			wantUndescribed: []string{"/properties/a~1b", "/properties/c~0d"},
		},
		{
			name:            "examples that are not a list",
			schema:          `{"properties": {"a": {"description": "A.", "examples": "x"}, "b": {"description": "B.", "examples": ["x"]}}}`,
			wantBadExamples: []string{"/properties/a"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var doc any
			if err := json.Unmarshal([]byte(tc.schema), &doc); err != nil {
				t.Fatal(err)
			}
			got := describe(doc)
			if diff := cmp.Diff(tc.wantUndescribed, got.undescribed); diff != "" {
				t.Errorf("undescribed (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantBadExamples, got.badExamples); diff != "" {
				t.Errorf("bad examples (-want +got):\n%s", diff)
			}
		})
	}
}

// walkResult lists, by JSON pointer and sorted, the properties and definitions
// met, those without a description and those whose examples are not a list.
type walkResult struct {
	walked, undescribed, badExamples []string
}

// describe walks a schema document and checks every entry of every
// "properties" and "$defs" object, at any depth (inside definitions, list
// items, additionalProperties and other properties alike).
func describe(doc any) walkResult {
	var r walkResult
	var walk func(node any, ptr string)
	walk = func(node any, ptr string) {
		switch n := node.(type) {
		case map[string]any:
			for key, child := range n {
				at := ptr + "/" + escape(key)
				entries, ok := child.(map[string]any)
				if (key == "properties" || key == "$defs") && ok {
					for name, entry := range entries {
						p := at + "/" + escape(name)
						r.walked = append(r.walked, p)
						s, _ := entry.(map[string]any)
						if d, _ := s["description"].(string); strings.TrimSpace(d) == "" {
							r.undescribed = append(r.undescribed, p)
						}
						if ex, has := s["examples"]; has {
							if _, isList := ex.([]any); !isList {
								r.badExamples = append(r.badExamples, p)
							}
						}
						walk(entry, p)
					}
					continue
				}
				walk(child, at)
			}
		case []any:
			for i, child := range n {
				walk(child, ptr+"/"+strconv.Itoa(i))
			}
		}
	}
	walk(doc, "")
	for _, list := range []*[]string{&r.walked, &r.undescribed, &r.badExamples} {
		slices.Sort(*list)
	}
	return r
}

// escape escapes a JSON pointer token.
func escape(tok string) string {
	return strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1")
}
