package raci_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/internal/synth"
	"github.com/rolecall/rolecall/raci"
)

// TestValidationInPartsFindsTheSameProblems checks that a large register,
// validated in parts on several CPUs, gives exactly the problems (pointers,
// positions, messages) of validating it whole.
func TestValidationInPartsFindsTheSameProblems(t *testing.T) {
	t.Parallel()
	src := string(synth.YAML(1500, 5))
	// Break entities in every part of the lists, and the top level.
	for _, r := range []struct{ old, new string }{
		{"  - id: p10\n", "  - id: p10\n    colour: blue\n"},
		{"  - id: p1400\n", "  - id: p1400\n    status: gone\n"},
		{"  - id: asset-250\n", "  - id: asset-250\n    ownr: x\n"},
		{"  - id: risk-149\n", "  - id: risk-149\n    severity: huge\n"},
		{"  - id: team-59\n", "  - id: team-59\n    kind: x\n"},
		{"version: 1\n", "version: 2\n"},
	} {
		if !strings.Contains(src, r.old) {
			t.Fatalf("the synthetic register has no %q", r.old)
		}
		src = strings.Replace(src, r.old, r.new, 1)
	}
	doc, err := raci.DecodeDocument([]byte(src), raci.FormatYAML)
	if err != nil {
		t.Fatal(err)
	}
	whole := raci.SchemaProblems(doc, 1)
	if len(whole) < 6 {
		t.Fatalf("expected at least 6 problems, got %d: %v", len(whole), whole)
	}
	for _, parts := range []int{2, 3, 7} {
		if diff := cmp.Diff(whole, raci.SchemaProblems(doc, parts)); diff != "" {
			t.Errorf("%d parts: problems differ from the whole (-whole +parts):\n%s", parts, diff)
		}
	}
}
