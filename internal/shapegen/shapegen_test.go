package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeneratedFilesAreCurrent regenerates raci/model_gen.go and
// raci/engine/input_gen.go in memory and compares them with the files on disk,
// so that go test ./... catches a model edited without go generate.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	t.Parallel()
	outs, err := generate(filepath.Join("..", "..", "raci", "model.go"))
	if err != nil {
		t.Fatalf("generating from raci/model.go: %v", err)
	}
	if len(outs) != 2 {
		t.Fatalf("generate returned %d files, expected 2", len(outs))
	}
	for _, o := range outs {
		disk, err := os.ReadFile(o.Path)
		if err != nil {
			t.Errorf("%s: %v: run go generate ./raci", o.Path, err)
			continue
		}
		if !bytes.Equal(disk, o.Src) {
			t.Errorf("%s is not what raci/model.go generates: run go generate ./raci", o.Path)
		}
	}
}

// TestGeneratorImportsNoRegister holds shapegen free of package raci (and so of
// the engine): it must run when the generated files are stale or broken.
func TestGeneratorImportsNoRegister(t *testing.T) {
	t.Parallel()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list the package's dependencies: %v", err)
	}
	out, err := exec.Command(goBin, "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	for dep := range strings.FieldsSeq(string(out)) {
		if strings.HasPrefix(dep, "github.com/rolecall/rolecall/raci") {
			t.Errorf("shapegen depends on %s", dep)
		}
	}
}

// TestGeneratorRefusesWhatItCannotMap feeds shapegen small models with a field
// it must refuse, rather than generate code that disagrees with encoding/json.
func TestGeneratorRefusesWhatItCannotMap(t *testing.T) {
	t.Parallel()
	tcs := []struct {
		name, field, want string
	}{
		{"yaml key differs", "Name string `json:\"name\" yaml:\"title\"`", `yaml key "title" differs from json key "name"`},
		{"no yaml tag, default key differs", "ApprovedBy string `json:\"approved_by,omitempty\"`", `yaml key "approvedby" differs from json key "approved_by"`},
		{"yaml tag lacks omitempty", "Name string `json:\"name,omitempty\" yaml:\"name\"`", "add omitempty to the yaml tag"},
		{"yaml tag has omitempty alone", "Name string `json:\"name\" yaml:\"name,omitempty\"`", "the yaml tag has omitempty, the json tag does not"},
		{"no json tag", "Name string `yaml:\"name\"`", "no json tag"},
		{"omitempty on a list", "Tags []string `json:\"tags,omitempty\" yaml:\"tags,omitempty\"`", "omitzero, not omitempty"},
		{"omitzero on a pointer", "On *Date `json:\"on,omitzero\" yaml:\"on,omitempty\"`", "takes omitempty, not omitzero"},
		{"omitempty on a date", "On Date `json:\"on,omitempty\" yaml:\"on,omitempty\"`", "make the field a pointer"},
		{"unsupported type", "Size float64 `json:\"size\" yaml:\"size\"`", "type float64 is not supported"},
		{"ref on a date", "On *Date `json:\"on,omitempty\" yaml:\"on,omitempty\" ref:\"role\"`", "a ref tag goes on a string or []string field"},
		{"unknown ref option", "Owner string `json:\"owner,omitempty\" yaml:\"owner,omitempty\" ref:\"role,lazy\"`", `the ref tag is ref:"KIND" or ref:"KIND,unshared", not "role,lazy"`},
		{"json string option", "Version int `json:\"version,string\" yaml:\"version\"`", `json tag option "string" is not supported`},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			model := writeModel(t, "type Register struct {\n\t"+tc.field+"\n}\n")
			_, err := generate(model)
			if err == nil {
				t.Fatalf("generate accepted the field %s", tc.field)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("generate's error %q does not say %q", err, tc.want)
			}
		})
	}
}

// TestGeneratorMapsTags checks the code generated for each kind of field of a
// small model against the helpers it must call.
func TestGeneratorMapsTags(t *testing.T) {
	t.Parallel()
	model := writeModel(t, "type Kind string\n\n"+`type Register struct {
	Version int      `+"`json:\"version\" yaml:\"version\"`"+`
	Items   []Item   `+"`json:\"items\" yaml:\"items\"`"+`
	Extra   []Item   `+"`json:\"extra,omitzero\" yaml:\"extra,omitempty\"`"+`
	Note    *Note    `+"`json:\"note,omitempty\" yaml:\"note,omitempty\"`"+`
	Ids     []string `+"`json:\"ids\" yaml:\"ids\" ref:\"item\"`"+`
	Names   []string `+"`json:\"names,omitzero\" yaml:\"names,omitempty\" ref:\"item,unshared\"`"+`
	Tags    []string `+"`json:\"tags,omitzero\" yaml:\"tags,omitempty\"`"+`
	source  string
}

type Item struct {
	ID    string     `+"`json:\"id\" yaml:\"id\"`"+`
	By    string     `+"`json:\"by\" yaml:\"by\" ref:\"person,unshared\"`"+`
	Kind  Kind       `+"`json:\"kind,omitempty\" yaml:\"kind,omitempty\"`"+`
	Owner string     `+"`json:\"owner,omitempty\" yaml:\"owner,omitempty\" ref:\"person\"`"+`
	On    Date       `+"`json:\"on\" yaml:\"on\"`"+`
	Until *Date      `+"`json:\"until,omitempty\" yaml:\"until,omitempty\"`"+`
	Flag  *bool      `+"`json:\"flag\" yaml:\"flag\"`"+`
	Attrs Attributes `+"`json:\"attributes,omitzero\" yaml:\"attributes,omitempty\"`"+`
}

type Note struct {
	By   string `+"`json:\"by\" yaml:\"by\"`"+`
	Date Date   `+"`json:\"date\" yaml:\"date\"`"+`
}
`)
	outs, err := generate(model)
	if err != nil {
		t.Fatal(err)
	}
	reader, input := string(outs[0].Src), string(outs[1].Src)
	for _, want := range []string{
		"// Code generated by shapegen; DO NOT EDIT.\n\npackage m\n",
		`var entityLists = []string{"items", "extra"}`,
		`Version: m.integer(o, "version"),`,
		`Items:   entities(m, o, "items", (*modelReader).item),`,
		`Note:    m.optNote(o, "note"),`,
		`Kind:  Kind(m.str(o, "kind")),`,
		`Until: m.datePtr(o, "until"),`,
		`Flag:  m.boolPtr(o, "flag"),`,
		`Attrs: m.attrs(o, "attributes"),`,
	} {
		if !strings.Contains(reader, want) {
			t.Errorf("model_gen.go lacks %q:\n%s", want, reader)
		}
	}
	for _, want := range []string{
		"// Code generated by shapegen; DO NOT EDIT.\n\npackage engine\n",
		`"example.com/m"`,
		`items = append(items, objItem{kVersion, ast.IntNumberTerm(v.Version)}, objItem{kItems, list(v.Items, true, b.item)})`,
		`items = appendList(items, kExtra, v.Extra, b.item)`,
		"if v.Note != nil {\n\t\titems = append(items, objItem{kNote, b.note(v.Note)})",
		"if v.Ids == nil {\n\t\titems = append(items, objItem{kIds, ast.NullTerm()})\n\t} else {\n\t\titems = append(items, objItem{kIds, b.ids(v.Ids)})",
		`items = optStrs(items, kNames, v.Names)`,
		`items = optStrs(items, kTags, v.Tags)`,
		`objItem{kBy, str(v.By)}`,
		`items = b.optShared(items, kKind, string(v.Kind))`,
		`items = b.optShared(items, kOwner, v.Owner)`,
		`objItem{kOn, b.date(v.On)}`,
		`items = b.optDate(items, kUntil, v.Until)`,
		"if v.Flag == nil {\n\t\titems = append(items, objItem{kFlag, ast.NullTerm()})\n\t} else {\n\t\titems = append(items, objItem{kFlag, ast.BooleanTerm(*v.Flag)})",
		`items = b.attrs(items, kAttributes, v.Attrs)`,
		"return ast.NewTerm(object([]objItem{\n\t\t{kBy, str(v.By)},\n\t\t{kDate, b.date(v.Date)},\n\t}))",
	} {
		if !strings.Contains(input, want) {
			t.Errorf("input_gen.go lacks %q:\n%s", want, input)
		}
	}
	if strings.Contains(input, "source") || strings.Contains(reader, "source") {
		t.Error("an unexported field was generated")
	}
}

// writeModel writes a module with a model.go of package m holding src, and
// returns the path of model.go.
func writeModel(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/m\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "model.go")
	if err := os.WriteFile(path, []byte("package m\n\n"+src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
