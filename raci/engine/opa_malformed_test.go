package engine_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// postMalformedInputs sends the OPA server at url inputs that report cannot
// evaluate truthfully, and checks that each answer is an errors list with no
// findings, saying what is wrong.
func postMalformedInputs(t *testing.T, url string) {
	t.Helper()
	register := map[string]any{"version": 1, "organisation": map[string]any{"name": "Minimal Ltd"}, "roles": []any{}, "people": []any{}}
	for _, tc := range []struct {
		name  string
		input any
		want  []string
	}{
		{"as_of missing", map[string]any{"register": register}, []string{
			"input.as_of is missing: give the evaluation date as YYYY-MM-DD (rolecall input FILE --as-of DATE prints a complete input)",
		}},
		{"as_of not a date", map[string]any{"as_of": "2026-02-30", "register": register}, []string{
			`input.as_of is "2026-02-30", not a date: give the evaluation date as YYYY-MM-DD`,
		}},
		{"register missing", map[string]any{"as_of": "2026-11-27"}, []string{
			`input.register is missing: the input is {"as_of": "YYYY-MM-DD", "register": {...}} (rolecall input FILE prints it)`,
		}},
		{"register not wrapped", register, []string{
			"input.as_of is missing: give the evaluation date as YYYY-MM-DD (rolecall input FILE --as-of DATE prints a complete input)",
			`input.register is missing, and the input looks like a register itself: wrap it as {"as_of": "YYYY-MM-DD", "register": REGISTER} (rolecall input FILE prints it)`,
		}},
		{"register not an object", map[string]any{"as_of": "2026-11-27", "register": "acme.yaml"}, []string{
			"input.register is not an object but a string: it must be a register as rolecall input prints it",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body, err := json.Marshal(map[string]any{"input": tc.input})
			if err != nil {
				t.Fatal(err)
			}
			resp, err := http.Post(url+"/v1/data/rolecall/report", "application/json", bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var out struct {
				Result map[string]json.RawMessage `json:"result"`
			}
			if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
				t.Fatal(err)
			}
			if _, ok := out.Result["findings"]; ok {
				t.Errorf("the answer holds findings: %s", out.Result["findings"])
			}
			var got []string
			if err := json.Unmarshal(out.Result["errors"], &got); err != nil {
				t.Fatalf("the answer holds no errors list: %v (%v)", out.Result, err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}
