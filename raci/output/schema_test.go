package output_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/output"
)

// The official schemas, copied into testdata so that the tests run on a clean
// clone: SARIF 2.1.0 (OASIS) and the OSCAL 1.1.3 complete schema.
const (
	sarifSchema = "sarif-schema-2.1.0.json"
	oscalSchema = "oscal_complete_schema-1.1.3.json"
)

// compiledSchemas compiles each schema once per test binary.
var compiledSchemas = sync.OnceValues(func() (map[string]*jsonschema.Schema, error) {
	out := map[string]*jsonschema.Schema{}
	for _, name := range []string{sarifSchema, oscalSchema} {
		c := jsonschema.NewCompiler()
		// Formats (date-time, uri, uri-reference, email) are checked too, not
		// only annotated.
		c.AssertFormat()
		// OSCAL's patterns use \p{L} and \p{N}, which Go's regexp reads as the
		// schema means; a pattern Go cannot compile fails the compilation here
		// rather than passing unchecked.
		c.UseRegexpEngine(goRegexp)
		f, err := os.Open(filepath.Join("testdata", "schemas", name))
		if err != nil {
			return nil, err
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if err := c.AddResource(name, doc); err != nil {
			return nil, err
		}
		s, err := c.Compile(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out[name] = s
	}
	return out, nil
})

// goRegexp compiles a schema pattern with Go's regexp package.
func goRegexp(s string) (jsonschema.Regexp, error) {
	re, err := regexp.Compile(s)
	if err != nil {
		return nil, err
	}
	return re, nil
}

// validate checks doc against the named schema.
func validate(t *testing.T, schema string, doc []byte) {
	t.Helper()
	schemas, err := compiledSchemas()
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := schemas[schema].Validate(v); err != nil {
		t.Errorf("does not validate against %s:\n%v", schema, err)
	}
}

// schemaRuns are runs every format must turn into a valid document: the golden
// run, the zero run, a run without registers or rules, and runs whose
// registers carry hostile or unusual text.
func schemaRuns(t *testing.T) map[string]output.Run {
	t.Helper()
	golden, err := acmeRun()
	if err != nil {
		t.Fatal(err)
	}
	hostile := engine.Finding{Rule: "ORG-\x1b[31mX", Severity: engine.SeverityCritical, Control: "Clause 5.3 ", Title: " \n",
		Subject: "role:a b\nc", Message: "  line one\r\nline two ", Path: "/roles/0", Remediation: "", File: "dir with space/reg #1.yaml", Line: 3, Column: 1}
	noLine := engine.Finding{Rule: "A52-DOC-001", Severity: engine.SeverityInfo, Control: "", Title: "T", Subject: "organisation", Message: "M.", File: "/abs/path/reg.yaml", Waived: "exc-1"}
	reg := &raci.Register{
		Organisation: raci.Organisation{Name: "  "},
		Roles:        []raci.Role{{ID: "1st role", Name: ""}, {ID: "ok"}},
		People:       []raci.Person{{ID: "p", Name: " ", Email: "not an email", Roles: []string{"1st role"}}, {ID: "q", Name: "Q", Email: "q@example.com", Roles: []string{"ok"}}},
		Exceptions:   []raci.Exception{{ID: "exc-1", Reason: "  \n"}},
	}
	return map[string]output.Run{
		"golden": golden,
		"zero":   {},
		"bare":   {Reports: []*engine.Report{several()}, FailOn: engine.SeverityHigh},
		"hostile": {
			Reports:    []*engine.Report{report("dir with space/reg #1.yaml", hostile, noLine), nil},
			Registers:  []*raci.Register{reg},
			FailOn:     " High ",
			Settings:   engine.Settings{ConfigFile: " ", Disabled: []string{"A52-X"}, RuleDirs: []string{"rules dir/"}},
			Frameworks: map[string]map[string][]string{"A52-DOC-001": {"NIST CSF 2.0": {"GV.RR-02"}, " ": {""}}},
		},
	}
}

// TestSARIFValidates holds the SARIF format to the SARIF 2.1.0 schema.
func TestSARIFValidates(t *testing.T) {
	for name, run := range schemaRuns(t) {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := (output.SARIF{}).Format(&b, run); err != nil {
				t.Fatal(err)
			}
			validate(t, sarifSchema, b.Bytes())
		})
	}
}

// TestOSCALValidates holds the OSCAL format to the OSCAL 1.1.3 schema.
func TestOSCALValidates(t *testing.T) {
	for name, run := range schemaRuns(t) {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := (output.OSCAL{}).Format(&b, run); err != nil {
				t.Fatal(err)
			}
			validate(t, oscalSchema, b.Bytes())
		})
	}
}

// TestSchemasRejectWhatTheyShould makes sure the validation can fail: a SARIF
// log without its version and an OSCAL document with a random-looking but
// malformed UUID are refused.
func TestSchemasRejectWhatTheyShould(t *testing.T) {
	schemas, err := compiledSchemas()
	if err != nil {
		t.Fatal(err)
	}
	run, err := acmeRun()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		schema string
		f      output.Formatter
		spoil  func(map[string]any)
	}{
		{sarifSchema, output.SARIF{}, func(doc map[string]any) { delete(doc, "version") }},
		{sarifSchema, output.SARIF{}, func(doc map[string]any) {
			doc["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)["level"] = "fatal"
		}},
		{oscalSchema, output.OSCAL{}, func(doc map[string]any) {
			doc["assessment-results"].(map[string]any)["uuid"] = "not-a-uuid"
		}},
		{oscalSchema, output.OSCAL{}, func(doc map[string]any) {
			doc["assessment-results"].(map[string]any)["metadata"].(map[string]any)["last-modified"] = "2026-11-27"
		}},
	} {
		var b bytes.Buffer
		if err := tc.f.Format(&b, run); err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		tc.spoil(doc)
		spoilt, _ := json.Marshal(doc)
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(spoilt))
		if err != nil {
			t.Fatal(err)
		}
		if err := schemas[tc.schema].Validate(v); err == nil {
			t.Errorf("%s accepted a spoilt document", tc.schema)
		}
	}
}

// typeName names a formatter's type, to tell formats apart.
func typeName(f output.Formatter) string { return strings.TrimPrefix(fmt.Sprintf("%T", f), "output.") }
