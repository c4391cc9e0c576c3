package textdist_test

import (
	"testing"

	"github.com/rolecall/rolecall/internal/textdist"
)

func TestLevenshtein(t *testing.T) {
	tcs := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"owner", "owner", 0},
		{"ownr", "owner", 1},
		{"owner", "ownr", 1},
		{"reports_too", "reports_to", 1},
		{"kitten", "sitting", 3},
		{"", "abc", 3},
		{"A52-ASET-001", "A52-ASSET-001", 1},
	}
	for _, tc := range tcs {
		if got := textdist.Levenshtein(tc.a, tc.b); got != tc.want {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
