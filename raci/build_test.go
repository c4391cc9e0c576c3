package raci_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/rolecall/rolecall/internal/synth"
	"github.com/rolecall/rolecall/raci"
)

// TestModelMatchesJSONDecoding checks that the loader's model is exactly what
// encoding/json gives for the document, on every kind of register at hand.
func TestModelMatchesJSONDecoding(t *testing.T) {
	t.Parallel()
	type src struct {
		name   string
		data   []byte
		format raci.Format
	}
	var srcs []src
	for _, pattern := range []string{"../examples/registers/*.yaml", "testdata/*.yaml", "testdata/*.json", "../../shared/conformance/synthetic-*[0-9].json"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			format := raci.FormatYAML
			if filepath.Ext(f) == ".json" {
				format = raci.FormatJSON
			}
			srcs = append(srcs, src{f, b, format})
		}
	}
	srcs = append(srcs, src{"synth-json", synth.JSON(500, 3), raci.FormatJSON}, src{"synth-yaml", synth.YAML(500, 4), raci.FormatYAML},
		src{"empty lists and nulls", []byte(`{"version": 1.0, "organisation": {"name": "A", "attributes": {}}, "policy": null, "roles": [], "people": [{"id": "p", "name": "P", "roles": [], "competences": [], "attributes": {"n": 1.50, "l": [1, {"x": null}]}}], "teams": []}`), raci.FormatJSON})
	for _, s := range srcs {
		t.Run(filepath.Base(s.name), func(t *testing.T) {
			doc, err := raci.DecodeDocument(s.data, s.format)
			if err != nil {
				t.Fatal(err)
			}
			want, err := raci.BuildRegisterJSON(doc)
			if err != nil {
				t.Fatal(err)
			}
			got, err := raci.BuildRegister(doc)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got, cmpopts.IgnoreUnexported(raci.Register{})); diff != "" {
				t.Errorf("model mismatch (-json +direct):\n%s", diff)
			}
		})
	}
}
