package sheet

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"

	"github.com/rolecall/rolecall/internal/randreg"
	"github.com/rolecall/rolecall/raci"
)

// TestRoundTripProperty round-trips random registers (awkward names, role
// ids with / and ~, RACIs naming undefined roles) through CSV and XLSX: the
// activities and roles read back are the register's, except that a cell's
// surrounding white space is not kept.
func TestRoundTripProperty(t *testing.T) {
	t.Parallel()
	trim := cmp.Transformer("TrimSpace", strings.TrimSpace)
	sortLists := cmpopts.SortSlices(func(a, b string) bool { return a < b })
	rapid.Check(t, func(rt *rapid.T) {
		reg := randreg.New(randreg.RapidChooser{T: rt}).Register()
		if len(reg.Activities) == 0 || len(roleColumns(reg)) == 0 {
			return
		}
		for _, f := range []Format{FormatCSV, FormatXLSX} {
			var buf bytes.Buffer
			if err := Write(&buf, reg, f); err != nil {
				rt.Fatalf("Write(%s): %v", f, err)
			}
			var m *Matrix
			var err error
			if f == FormatCSV {
				m, err = ReadCSV(&buf)
			} else {
				m, err = ReadXLSX(&buf)
			}
			if err != nil {
				rt.Fatalf("reading back %s: %v", f, err)
			}
			if diff := cmp.Diff(matrixView(reg.Activities), matrixView(m.Activities()), trim, sortLists, cmpopts.EquateEmpty()); diff != "" {
				rt.Fatalf("%s: activities mismatch (-register +read back):\n%s", f, diff)
			}
			var want, got []string
			for _, c := range roleColumns(reg) {
				want = append(want, c.id+"="+strings.TrimSpace(c.name))
			}
			for _, c := range m.Columns {
				name := c.Name
				if name == c.ID && !hasRole(reg, c.ID) {
					name = ""
				}
				got = append(got, c.ID+"="+name)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				rt.Fatalf("%s: columns mismatch (-register +read back):\n%s", f, diff)
			}
			out, err := NewRegister(m)
			if err != nil {
				rt.Fatalf("NewRegister: %v", err)
			}
			if _, err := raci.LoadBytes(out); err != nil {
				rt.Fatalf("the imported register does not load: %v\n%s", err, out)
			}
		}
	})
}

func hasRole(reg *raci.Register, id string) bool {
	for _, r := range reg.Roles {
		if r.ID == id {
			return true
		}
	}
	return false
}
