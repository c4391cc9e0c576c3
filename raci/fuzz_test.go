package raci_test

// Fuzz targets for the loader (YAML and JSON) and the schema-error
// formatting. Each asserts properties, not only the absence of panics. Seeds live in f.Add calls and in testdata/fuzz/<Name>/.
//
//	go test ./raci -run '^$' -fuzz '^FuzzLoadYAML$' -fuzztime 50000x -parallel 1
//
// (Go 1.26: give -fuzztime as a count; one -fuzz target per go test run.)

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/rolecall/rolecall/internal/testkit"

	"github.com/rolecall/rolecall/internal/randreg"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"go.yaml.in/yaml/v3"

	"github.com/rolecall/rolecall/raci"
)

// ignoreSource compares registers without where they were loaded from.
var ignoreSource = cmpopts.IgnoreUnexported(raci.Register{})

// ---- seeds ----

// hostileYAML are small hostile or edge-case YAML documents.
var hostileYAML = []string{
	"",
	"~",
	"[]",
	"version: 1\n",
	"version: 1.0\norganisation: {name: x}\nroles: []\npeople: []\n",
	"version: 1\norganisation: {name: x}\nroles: []\npeople: []\n---\nversion: 1\n",
	"version: 1\norganisation: &o {name: x}\nroles: []\npeople: []\nteams: []\npolicy: *o\n",
	"version: 1\norganisation: {name: x, <<: {a: 1}}\nroles: []\npeople: []\n",
	"version: !custom 1\norganisation: {name: x}\nroles: []\npeople: []\n",
	"version: 1\norganisation: {name: x}\nroles: []\npeople: []\nversion: 1\n",
	"version: 1\norganisation: {name: x, attributes: {n: 0x1F, o: 0o17, f: .5, i: -.inf}}\nroles: []\npeople: []\n",
	"version: 1\norganisation: {name: x, approved_on: 2026-02-30}\nroles: [{id: a b, name: ' ', kind: ciso, function: it}]\npeople: []\n",
	"version: 1\norganisation: {name: x}\nroles: []\npeople: [{id: p, name: P, on: yes, ownr: r}]\n",
	"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
	strings.Repeat("[", 100) + strings.Repeat("]", 100),
	"\ufeffversion: 1\norganisation: {name: x}\nroles: []\npeople: []\n",
	"{version: 1, organisation: {name: x}, roles: [], people: [], \"\": 1}",
	"? [a]\n: b\n",
	"version: 1\norganisation:\n  name: |\n    multi\n    line\nroles: []\npeople: []\n",
}

// hostileJSON are small hostile or edge-case JSON documents.
var hostileJSON = []string{
	"",
	"null",
	"{}",
	`{"version": 1, "organisation": {"name": "x"}, "roles": [], "people": []}`,
	`{"version": 1.0, "organisation": {"name": "x"}, "roles": [], "people": []}`,
	`{"version": 1e0, "organisation": {"name": "x"}, "roles": [], "people": []}`,
	`{"version": 1, "version": 1}`,
	`{"version": 1, "organisation": {"name": "x", "attributes": {"big": 1e400, "s": "\ud83d\ude80\u0000"}}, "roles": [], "people": []}`,
	"{\"version\": 1, \"organisation\": {\"name\": \"del \x7f, c1 \u0080, \\u007f\"}, \"roles\": [], \"people\": []}",
	`{"version": 1, "organisation": {"name": "x"}, "roles": [{"id": "r", "name": "R", "kind": "ciso", "function": "it"}, {"id": "r", "name": "R", "kind": "ciso", "function": "it"}], "people": []}`,
	"\xef\xbb\xbf{\"version\": 1, \"organisation\": {\"name\": \"x\"}, \"roles\": [], \"people\": []}",
	"{\"a\": \"\xff\"}",
	`{"a": "\x"}`,
	`{"a": 01}`,
	`{"a": -}`,
	`{"a": 1.}`,
	`{"a": 1e}`,
	`[1, 2,]`,
	`{"a" 1}`,
	`"\`,
	strings.Repeat("[", 100) + strings.Repeat("]", 100),
	strings.Repeat(`{"a":`, 70) + "1" + strings.Repeat("}", 70),
}

// jsonOf converts a YAML register to JSON through the loader, for seeds.
func jsonOf(tb testing.TB, src []byte) []byte {
	tb.Helper()
	reg, err := raci.LoadBytes(src)
	if err != nil {
		tb.Fatal(err)
	}
	b, err := json.MarshalIndent(reg, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// ---- shared assertions ----

// checkLoadError asserts what every loader error must satisfy: it is a
// *LoadError wrapping ErrInvalidRegister, with at least one problem, every
// problem has a message, and its text lists every message.
func checkLoadError(t *testing.T, err error, src []byte) *raci.LoadError {
	t.Helper()
	var le *raci.LoadError
	if !errors.As(err, &le) {
		t.Fatalf("error %T is not a *raci.LoadError: %v", err, err)
	}
	if !errors.Is(err, raci.ErrInvalidRegister) {
		t.Fatalf("error does not wrap ErrInvalidRegister: %v", err)
	}
	if len(le.Problems) == 0 {
		t.Fatalf("LoadError without problems: %v", err)
	}
	text := err.Error()
	for _, p := range le.Problems {
		if strings.TrimSpace(p.Message) == "" {
			t.Fatalf("problem without a message: %#v\ninput: %q", p, src)
		}
		if p.Pos.Line < 0 || p.Pos.Column < 0 || p.Pos.Line > maxLines(src) {
			t.Fatalf("problem %#v has a position outside the %d-line input %q", p, maxLines(src), src)
		}
		if !strings.Contains(text, p.Message) {
			t.Fatalf("error text %q lacks the message %q", text, p.Message)
		}
	}
	if errors.Is(err, raci.ErrLimit) {
		var lim *raci.LimitError
		if !errors.As(err, &lim) || lim.Limit == "" || lim.Max <= 0 || lim.Found <= lim.Max {
			t.Fatalf("limit error without a *LimitError naming the limit: %#v", lim)
		}
	}
	return le
}

// maxLines bounds the number of lines of src as YAML counts them (CR, LF,
// NEL, LS and PS all break lines).
func maxLines(src []byte) int {
	text := string(src)
	if len(src) >= 2 && (src[0] == 0xfe && src[1] == 0xff || src[0] == 0xff && src[1] == 0xfe) {
		// YAML in UTF-16 (with its byte order mark): count the decoded text.
		units := make([]uint16, 0, len(src)/2)
		for i := 2; i+1 < len(src); i += 2 {
			if src[0] == 0xfe {
				units = append(units, uint16(src[i])<<8|uint16(src[i+1]))
			} else {
				units = append(units, uint16(src[i+1])<<8|uint16(src[i]))
			}
		}
		text = string(utf16.Decode(units))
	}
	n := 1
	for _, r := range text {
		switch r {
		case '\n', '\r', '\u0085', '\u2028', '\u2029':
			n++
		}
	}
	return n
}

// checkProblemsLocated asserts that every problem of a document decoded from
// bytes has a pointer that exists in doc (or names a key of an object in it),
// a line, and a message.
func checkProblemsLocated(t *testing.T, le *raci.LoadError, doc any, src []byte) {
	t.Helper()
	for _, p := range le.Problems {
		if p.Pos.Line <= 0 {
			t.Errorf("problem without a line: %s\ninput:\n%s", p, src)
		}
		if !pointerExists(doc, p.Pointer) {
			t.Errorf("problem pointer %q neither exists in the document nor names a key of an object in it: %s\ninput:\n%s", p.Pointer, p, src)
		}
	}
}

// checkReloads asserts that a loaded register re-marshals (JSON and YAML) to
// documents that load to an equal register, and that its JSON form is a
// fixed point.
func checkReloads(t *testing.T, reg *raci.Register) {
	t.Helper()
	js, err := json.Marshal(reg)
	if err != nil {
		t.Fatalf("json.Marshal of a loaded register: %v", err)
	}
	again, err := raci.LoadBytes(js, raci.WithFormat(raci.FormatJSON))
	if err != nil {
		t.Fatalf("the JSON form of a loaded register does not load: %v\n%s", err, js)
	}
	if diff := cmp.Diff(reg, again, ignoreSource); diff != "" {
		t.Fatalf("register changed through JSON (-loaded +reloaded):\n%s\n%s", diff, js)
	}
	ys, err := yaml.Marshal(reg)
	if err != nil {
		t.Fatalf("yaml.Marshal of a loaded register: %v", err)
	}
	again, err = raci.LoadBytes(ys, raci.WithFormat(raci.FormatYAML))
	if err != nil {
		t.Fatalf("the YAML form of a loaded register does not load: %v\n%s", err, ys)
	}
	if diff := cmp.Diff(reg, again, ignoreSource); diff != "" {
		t.Fatalf("register changed through YAML (-loaded +reloaded):\n%s\n%s", diff, ys)
	}
	js2, _ := json.Marshal(again)
	if !bytes.Equal(js, js2) {
		t.Fatalf("JSON form is not a fixed point:\n%s\n%s", js, js2)
	}
}

// ---- JSON pointers ----

// pointerExists reports whether ptr resolves in doc, or names a (missing or
// unknown) key of an object that does.
func pointerExists(doc any, ptr string) bool {
	if _, ok := testkit.ResolvePointer(doc, ptr); ok {
		return true
	}
	i := strings.LastIndex(ptr, "/")
	if i < 0 {
		return false
	}
	parent, ok := testkit.ResolvePointer(doc, ptr[:i])
	if !ok {
		return false
	}
	_, isObj := parent.(map[string]any)
	return isObj
}

// hasDuplicateKeys reports whether a valid JSON document repeats a key in an
// object (encoding/json accepts that; the loader refuses it).
func hasDuplicateKeys(b []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(b))
	type frame struct {
		obj    bool
		keys   map[string]bool
		expKey bool
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.obj && top.expKey {
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:len(stack)-1]
				if len(stack) > 0 && stack[len(stack)-1].obj {
					stack[len(stack)-1].expKey = true
				}
				continue
			}
			k := tok.(string)
			if top.keys[k] {
				return true
			}
			top.keys[k] = true
			top.expKey = false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{obj: true, keys: map[string]bool{}, expKey: true})
			continue
		case json.Delim('['):
			stack = append(stack, &frame{})
			continue
		case json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 && stack[len(stack)-1].obj {
			stack[len(stack)-1].expKey = true
		}
	}
}

// ---- FuzzLoadYAML ----

func FuzzLoadYAML(f *testing.F) {
	for _, src := range testkit.ExampleRegisters(f, "..") {
		f.Add(src)
	}
	for _, s := range hostileYAML {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		reg, err := raci.LoadBytes(data, raci.WithFormat(raci.FormatYAML))
		if err != nil {
			le := checkLoadError(t, err, data)
			for _, p := range le.Problems {
				if p.Pos.Line <= 0 {
					t.Fatalf("problem without a line: %s\ninput: %q", p, data)
				}
			}
			return
		}
		checkReloads(t, reg)
	})
}

// ---- FuzzLoadJSON ----

func FuzzLoadJSON(f *testing.F) {
	for _, src := range testkit.ExampleRegisters(f, "..") {
		f.Add(jsonOf(f, src))
	}
	for _, s := range hostileJSON {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		reg, err := raci.LoadBytes(data, raci.WithFormat(raci.FormatJSON))
		body := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		strict := json.Valid(body) && utf8.Valid(body) && !hasDuplicateKeys(body)
		if err != nil {
			le := checkLoadError(t, err, data)
			for _, p := range le.Problems {
				if p.Pos.Line <= 0 {
					t.Fatalf("problem without a line: %s\ninput: %q", p, data)
				}
			}
			if strict {
				for _, p := range le.Problems {
					if strings.Contains(p.Message, "JSON syntax error") {
						t.Fatalf("valid JSON refused as a syntax error: %s\ninput: %q", p, data)
					}
				}
				if !errors.Is(err, raci.ErrLimit) {
					checkProblemsLocated(t, le, testkit.DecodeGeneric(t, body), data)
				}
			}
			return
		}
		if !json.Valid(body) {
			t.Fatalf("invalid JSON accepted: %q", data)
		}
		if !strict {
			t.Fatalf("JSON with invalid UTF-8 or a duplicate key accepted: %q", data)
		}
		// The model keeps what was written: its JSON form is the input, value
		// for value (version may be written 1.0 or 1e0).
		out, err := json.Marshal(reg)
		if err != nil {
			t.Fatal(err)
		}
		in := testkit.DecodeGeneric(t, body).(map[string]any)
		in["version"] = json.Number("1")
		if diff := cmp.Diff(in, testkit.DecodeGeneric(t, out)); diff != "" {
			t.Fatalf("the model's JSON differs from the input (-input +model):\n%s", diff)
		}
		checkReloads(t, reg)
	})
}

// ---- FuzzSchemaErrors ----

// replacementValues are the values a mutation may put in place of another.
var replacementValues = []any{
	"", " ", "two words", "x", "2026-02-30", "2026-1-1", "20260101", "🚀", "on", "~", "a/b",
	json.Number("0"), json.Number("1"), json.Number("1.0"), json.Number("-1"), json.Number("1e400"), json.Number("0.5"),
	true, false, nil, []any{}, []any{"x", "x"}, []any{"x", json.Number("2")}, map[string]any{}, map[string]any{"id": "x"},
}

var unknownKeys = []string{"ownr", "on", "yes", "x/y", "a~b", "", "ID", "<<"}

// docPaths lists every JSON pointer in doc, in a deterministic order.
func docPaths(doc any, prefix string, out *[]string) {
	*out = append(*out, prefix)
	switch v := doc.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			docPaths(v[k], prefix+"/"+strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1"), out)
		}
	case []any:
		for i, item := range v {
			docPaths(item, prefix+"/"+strconv.Itoa(i), out)
		}
	}
}

// setPointer replaces the value at ptr (which must exist) and returns the new
// document; del removes it instead (from an object or a list).
func setPointer(doc any, ptr string, val any, del bool) any {
	if ptr == "" {
		return val
	}
	i := strings.LastIndex(ptr, "/")
	parent, _ := testkit.ResolvePointer(doc, ptr[:i])
	tok := strings.ReplaceAll(strings.ReplaceAll(ptr[i+1:], "~1", "/"), "~0", "~")
	switch p := parent.(type) {
	case map[string]any:
		if del {
			delete(p, tok)
		} else {
			p[tok] = val
		}
	case []any:
		n, _ := strconv.Atoi(tok)
		if del {
			return setPointer(doc, ptr[:i], append(p[:n:n], p[n+1:]...), false)
		}
		p[n] = val
	}
	return doc
}

// yamlValue turns plain JSON values into values yaml.Marshal writes faithfully
// (numbers as numbers).
func yamlValue(v any) any {
	switch v := v.(type) {
	case json.Number:
		tag := "!!int"
		if strings.ContainsAny(string(v), ".eE") {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: string(v)}
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = yamlValue(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = yamlValue(x)
		}
		return out
	}
	return v
}

// FuzzSchemaErrors builds a valid register from the fuzz bytes, mutates a few
// of its values (wrong types, bad enums and dates, blank names, unknown and
// missing keys, duplicate ids), writes it as JSON or YAML and loads it. Every
// problem must be located: a pointer that exists in the document (or names a
// key of an object in it), a line, and a message.
func FuzzSchemaErrors(f *testing.F) {
	f.Add([]byte{}, "")
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, "x y")
	f.Add(bytes.Repeat([]byte{1}, 200), "\xff")
	f.Add(bytes.Repeat([]byte{3, 1, 4, 1, 5, 9, 2, 6}, 40), "2026-13-01")
	f.Add(bytes.Repeat([]byte{255, 7, 0, 19}, 60), "<<")
	// The smallest register with version written 1.0, as JSON and as YAML:
	// once a regression (a problem without a line or pointer).
	zeros := &randreg.ByteChooser{Data: make([]byte, 4096)}
	randreg.New(zeros).Register()
	for _, format := range []byte{0, 1} {
		f.Add(append(make([]byte, zeros.Pos), 0, 5, 0, 13, format), "")
	}
	f.Fuzz(func(t *testing.T, data []byte, s string) {
		c := &randreg.ByteChooser{Data: data}
		b := randreg.New(c)
		reg := b.Register()
		js, err := json.Marshal(reg)
		if err != nil {
			t.Fatal(err)
		}
		doc := testkit.DecodeGeneric(t, js)
		for n := 1 + c.Intn(3); n > 0; n-- {
			var paths []string
			docPaths(doc, "", &paths)
			ptr := paths[c.Intn(len(paths))]
			switch op := c.Intn(6); op {
			case 0, 1:
				val := replacementValues[c.Intn(len(replacementValues))]
				if m, ok := val.(map[string]any); ok {
					val = cloneMap(m)
				}
				if l, ok := val.([]any); ok {
					val = append([]any(nil), l...)
				}
				doc = setPointer(doc, ptr, val, false)
			case 2:
				doc = setPointer(doc, ptr, s, false)
			case 3:
				if ptr != "" {
					doc = setPointer(doc, ptr, nil, true)
				}
			case 4:
				if v, _ := testkit.ResolvePointer(doc, ptr); v != nil {
					if m, ok := v.(map[string]any); ok {
						m[unknownKeys[c.Intn(len(unknownKeys))]] = s
					}
				}
			case 5:
				// duplicate the first entity of a list
				if l, ok := testkit.ResolvePointer(doc, ptr); ok {
					if list, ok := l.([]any); ok && len(list) > 0 {
						doc = setPointer(doc, ptr, append(list, list[0]), false)
					}
				}
			}
		}
		var src []byte
		format := raci.FormatJSON
		if c.Intn(2) == 1 {
			format = raci.FormatYAML
			src, err = yaml.Marshal(yamlValue(doc))
		} else {
			src, err = json.MarshalIndent(doc, "", "  ")
		}
		if err != nil {
			t.Fatal(err)
		}
		// The document as the loader sees it: invalid UTF-8 in s is replaced
		// in JSON, so take the written form back.
		if format == raci.FormatJSON {
			doc = testkit.DecodeGeneric(t, src)
		}
		loaded, err := raci.LoadBytes(src, raci.WithFormat(format))
		if err != nil {
			le := checkLoadError(t, err, src)
			checkProblemsLocated(t, le, doc, src)
			return
		}
		checkReloads(t, loaded)
	})
}

func cloneMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// ---- FuzzParseConfig ----
