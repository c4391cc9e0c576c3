package raci_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
)

// TestAliasBudgetBoundary expands YAML aliases to exactly the budget (accepted)
// and to one value more (refused with the aliases limit): each alias of
// &admins expands to three values (the list and its two items).
func TestAliasBudgetBoundary(t *testing.T) {
	src := []byte("version: 1\norganisation: {name: Acme}\nroles: []\npeople:\n" +
		"  - {id: a, name: A, roles: &admins [ciso, admin]}\n" +
		"  - {id: b, name: B, roles: *admins}\n" +
		"  - {id: c, name: C, roles: *admins}\n")
	tcs := []struct {
		budget  int
		refused bool
	}{
		{budget: 6, refused: false},
		{budget: 5, refused: true},
	}
	for _, tc := range tcs {
		_, err := raci.LoadBytes(src, raci.WithLimits(raci.Limits{MaxAliasExpansion: tc.budget}))
		var le *raci.LimitError
		refused := errors.As(err, &le) && le.Limit == "aliases"
		if refused != tc.refused {
			t.Errorf("budget %d: refused = %v (error %v), want %v", tc.budget, refused, err, tc.refused)
		}
		if err != nil && !refused {
			t.Errorf("budget %d: unexpected error %v", tc.budget, err)
		}
	}
}

// TestDateFourDigitYears writes years before 1000 with four digits, so that a
// date written back reads as the same date.
func TestDateFourDigitYears(t *testing.T) {
	tcs := []struct {
		in   string
		want raci.Date
	}{
		{"0999-01-01", raci.Date{Year: 999, Month: 1, Day: 1}},
		{"0001-12-31", raci.Date{Year: 1, Month: 12, Day: 31}},
		{"2026-02-28", raci.Date{Year: 2026, Month: 2, Day: 28}},
	}
	for _, tc := range tcs {
		d, err := raci.ParseDate(tc.in)
		if err != nil {
			t.Fatalf("ParseDate(%q): %v", tc.in, err)
		}
		if diff := cmp.Diff(tc.want, d); diff != "" {
			t.Errorf("ParseDate(%q) (-want +got):\n%s", tc.in, diff)
		}
		if got := d.String(); got != tc.in {
			t.Errorf("ParseDate(%q).String() = %q", tc.in, got)
		}
		b, err := d.MarshalText()
		if err != nil || string(b) != tc.in {
			t.Errorf("MarshalText = %q, %v; want %q", b, err, tc.in)
		}
	}
}
