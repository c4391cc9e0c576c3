package refcheck

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
)

func TestSuggest(t *testing.T) {
	reg := &raci.Register{
		Roles:  []raci.Role{{ID: "incident-manager"}, {ID: "ciso"}},
		People: []raci.Person{{ID: "ada", Roles: []string{"incident-mgr", "cisco", "incident-mgr", "nothing-like-it"}}},
		Assets: []raci.Asset{{ID: "crm", Owner: "ciso"}, {ID: "wiki", Owner: "cis"}},
	}
	tcs := []struct {
		name   string
		budget int
		want   map[string]map[string]string
	}{
		{"unlimited", -1, map[string]map[string]string{"role": {"incident-mgr": "incident-manager", "cisco": "ciso", "cis": "ciso"}}},
		{"enough", SuggestBudget, map[string]map[string]string{"role": {"incident-mgr": "incident-manager", "cisco": "ciso", "cis": "ciso"}}},
		// The ids are taken in sorted order: "cis" and "cisco" fit in 60
		// cells (4×5 + 6×5 for ciso; incident-manager is too long to
		// compare), "incident-mgr" does not.
		{"budget runs out", 60, map[string]map[string]string{"role": {"cisco": "ciso", "cis": "ciso"}}},
		{"no budget", 0, map[string]map[string]string{}},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, suggest(reg, tc.budget)); diff != "" {
				t.Errorf("suggestions (-want +got):\n%s", diff)
			}
		})
	}
	if got := Suggest(&raci.Register{Roles: []raci.Role{{ID: "ciso"}}}); got != nil {
		t.Errorf("a register without dangling references: %v, want nil", got)
	}
}
