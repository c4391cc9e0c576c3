package raci_test

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/schema"
)

// TestSchemaMatchesModel holds the register schema and the Go model together:
// walking both from the top, every schema property has a Go field with its key
// and every field a property, a required property is never omitted when empty,
// the JSON types agree, and each enumeration of the schema lists exactly the
// constants of the field's Go type.
func TestSchemaMatchesModel(t *testing.T) {
	t.Parallel()
	var root map[string]any
	if err := json.Unmarshal(schema.RegisterJSON, &root); err != nil {
		t.Fatal(err)
	}
	defs, _ := root["$defs"].(map[string]any)
	w := &shapeWalker{t: t, defs: defs, consts: enumConstants(t), seen: map[string]bool{}}
	w.object("", root, reflect.TypeFor[raci.Register]())
	if len(w.seen) < 10 {
		t.Errorf("the walk met only %d object types, expected every type of the model", len(w.seen))
	}
}

type shapeWalker struct {
	t      *testing.T
	defs   map[string]any
	consts map[string][]string // string constants of the package by type name
	seen   map[string]bool     // object paths walked, for the sanity check
}

// resolve follows $ref to the definition it names.
func (w *shapeWalker) resolve(path string, s map[string]any) map[string]any {
	for i := 0; s != nil && i < 10; i++ {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		name, ok := strings.CutPrefix(ref, "#/$defs/")
		def, _ := w.defs[name].(map[string]any)
		if !ok || def == nil {
			w.t.Errorf("%s: $ref %q names no definition", path, ref)
			return nil
		}
		s = def
	}
	return s
}

// jsonField is an exported field of a model struct with its json tag.
type jsonField struct {
	f    reflect.StructField
	omit bool
}

func jsonFields(typ reflect.Type) map[string]jsonField {
	out := map[string]jsonField{}
	for f := range typ.Fields() {
		tag, ok := f.Tag.Lookup("json")
		if !f.IsExported() || !ok {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		opt := strings.Split(opts, ",")
		out[name] = jsonField{f: f, omit: slices.Contains(opt, "omitempty") || slices.Contains(opt, "omitzero")}
	}
	return out
}

// object compares an object schema with a struct type, property by field.
func (w *shapeWalker) object(path string, s map[string]any, typ reflect.Type) {
	w.seen[path] = true
	if s["type"] != "object" {
		w.t.Errorf("%s: the schema's type is %v, the Go type %s is a struct (an object)", or(path), s["type"], typ)
		return
	}
	props, _ := s["properties"].(map[string]any)
	required := map[string]bool{}
	if req, ok := s["required"].([]any); ok {
		for _, r := range req {
			name, _ := r.(string)
			required[name] = true
		}
	}
	fields := jsonFields(typ)
	for _, name := range sortedKeys(props) {
		f, ok := fields[name]
		if !ok {
			w.t.Errorf("%s/%s: the schema's property has no field with json key %q in %s", path, name, name, typ)
			continue
		}
		if required[name] && f.omit {
			w.t.Errorf("%s/%s: the schema requires the property, but %s.%s is tagged omitempty or omitzero", path, name, typ.Name(), f.f.Name)
		}
		prop, _ := props[name].(map[string]any)
		w.value(path+"/"+name, w.resolve(path+"/"+name, prop), f.f.Type)
	}
	for _, name := range sortedKeys(fields) {
		if _, ok := props[name]; !ok {
			w.t.Errorf("%s/%s: %s.%s has no property %q in the schema", path, name, typ.Name(), fields[name].f.Name, name)
		}
	}
	for name := range required {
		if _, ok := props[name]; !ok {
			w.t.Errorf("%s: the schema requires %q, which it does not describe", or(path), name)
		}
	}
}

var (
	dateType  = reflect.TypeFor[raci.Date]()
	attrsType = reflect.TypeFor[raci.Attributes]()
)

// value compares the schema of one value with its Go type.
func (w *shapeWalker) value(path string, s map[string]any, typ reflect.Type) {
	if s == nil {
		return
	}
	if typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	want := ""
	switch {
	case typ == dateType:
		want = "string"
		if s["format"] != "date" {
			w.t.Errorf("%s: %s is a date, the schema's format is %v", path, typ, s["format"])
		}
	case typ == attrsType:
		want = "object"
	case typ.Kind() == reflect.Struct:
		w.object(path, s, typ)
		return
	case typ.Kind() == reflect.Slice:
		want = "array"
		items, _ := s["items"].(map[string]any)
		if items == nil {
			w.t.Errorf("%s: the schema's list has no items", path)
		} else {
			w.value(path+"/items", w.resolve(path+"/items", items), typ.Elem())
		}
	case typ.Kind() == reflect.String:
		want = "string"
		w.enum(path, s, typ)
	case typ.Kind() == reflect.Int:
		want = "integer"
	case typ.Kind() == reflect.Bool:
		want = "boolean"
	default:
		w.t.Errorf("%s: the Go type %s has no JSON type this test knows", path, typ)
		return
	}
	if s["type"] != want {
		w.t.Errorf("%s: the schema's type is %v, the Go type %s is %s", path, s["type"], typ, want)
	}
}

// enum compares a schema's enumeration with the constants of a string type.
func (w *shapeWalker) enum(path string, s map[string]any, typ reflect.Type) {
	list, hasEnum := s["enum"].([]any)
	isEnum := typ.PkgPath() == reflect.TypeFor[raci.Register]().PkgPath()
	switch {
	case !hasEnum && !isEnum:
		return
	case hasEnum && !isEnum:
		w.t.Errorf("%s: the schema enumerates the values, the Go field is a plain %s: give it a type with constants in raci/enums.go", path, typ)
		return
	case !hasEnum && isEnum:
		w.t.Errorf("%s: the Go type %s is an enumeration, the schema's property has no enum", path, typ)
		return
	}
	var schemaValues []string
	for _, v := range list {
		s, _ := v.(string)
		schemaValues = append(schemaValues, s)
	}
	goValues := w.consts[typ.Name()]
	if len(goValues) == 0 {
		w.t.Errorf("%s: the Go type %s has no constants", path, typ)
		return
	}
	for _, v := range schemaValues {
		if !slices.Contains(goValues, v) {
			w.t.Errorf("%s: the schema's value %q is no constant of the Go type %s", path, v, typ)
		}
	}
	for _, v := range goValues {
		if !slices.Contains(schemaValues, v) {
			w.t.Errorf("%s: the constant %q of the Go type %s is not in the schema's enum", path, v, typ)
		}
	}
}

// enumConstants parses the package's files and returns its string constants
// by their declared type.
func enumConstants(t *testing.T) map[string][]string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				typ, ok := vs.Type.(*ast.Ident)
				if !ok {
					continue
				}
				for _, v := range vs.Values {
					lit, ok := v.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						continue
					}
					s, err := strconv.Unquote(lit.Value)
					if err != nil {
						t.Fatal(err)
					}
					out[typ.Name] = append(out[typ.Name], s)
				}
			}
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// or names the top of the document in messages.
func or(path string) string {
	if path == "" {
		return "the register"
	}
	return path
}
