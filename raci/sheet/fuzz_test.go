package sheet

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
)

// FuzzReadCSV holds, for any text, that ReadCSV either returns an *Error with
// located problems, or a matrix that NewRegister writes as a register that
// loads with the matrix's activities, and that Update with the same matrix
// leaves that register byte for byte as it is.
func FuzzReadCSV(f *testing.F) {
	for _, seed := range []string{
		"ID,Activity,Process,Frequency,CEO,CISO\na1,Joiners,user_provisioning,on_event,A,R\n",
		"\ufeffTitle;;\n;;\nActivity;CEO [ceo];IT\nPhase 1;;\nJoiners;A/R;C\nLeavers;R,A;\n",
		"sep=;\nActivity;A;B\nX;r + c;Informed\n",
		"#,Phase,Activity,Notes,CEO\n1,Access,Joiners,ask HR,A\n2,,Leavers,,A\n",
		"Activity,CEO,\nJoiners,X,stray\n",
		"Activity,\"a\"\"b\",[x],—\n\"multi\nline\",A,R,I\n",
	} {
		f.Add(seed)
	}
	if b, err := os.ReadFile(filepath.Join(exampleDir, "raci.csv")); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, data string) {
		m, err := ReadCSV(bytes.NewReader([]byte(data)), WithLimits(Limits{MaxBytes: 1 << 16, MaxCells: 5000}))
		if err != nil {
			var se *Error
			if !errors.As(err, &se) || len(se.Problems) == 0 {
				t.Fatalf("ReadCSV error %v is not an *Error with problems", err)
			}
			for _, p := range se.Problems {
				if p.Message == "" {
					t.Fatalf("a problem without a message: %#v", p)
				}
			}
			return
		}
		out, err := NewRegister(m)
		if err != nil {
			t.Fatalf("NewRegister: %v", err)
		}
		reg, err := raci.LoadBytes(out)
		if err != nil {
			t.Fatalf("the imported register does not load: %v\n%s", err, out)
		}
		if diff := cmp.Diff(matrixView(m.Activities()), matrixView(reg.Activities)); diff != "" {
			t.Fatalf("the register's activities differ from the matrix's (-matrix +register):\n%s", diff)
		}
		again, err := Update(out, m)
		if err != nil {
			t.Fatalf("Update with the same matrix: %v", err)
		}
		if !bytes.Equal(again, out) {
			t.Fatalf("Update with the same matrix changed the register:\n%s", cmp.Diff(string(out), string(again)))
		}
	})
}

// FuzzReadXLSX holds that ReadXLSX never panics and answers any bytes with a
// matrix or an *Error.
func FuzzReadXLSX(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join(exampleDir, "raci.xlsx")); err == nil {
		f.Add(b)
	}
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("Activity,CEO\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ReadXLSX(bytes.NewReader(data), WithLimits(Limits{MaxBytes: 1 << 20, MaxUnzippedBytes: 4 << 20, MaxCells: 5000}))
		if err != nil {
			var se *Error
			if !errors.As(err, &se) || len(se.Problems) == 0 {
				t.Fatalf("ReadXLSX error %v is not an *Error with problems", err)
			}
			return
		}
		if m == nil || len(m.Columns) == 0 {
			t.Fatalf("ReadXLSX returned %v without an error", m)
		}
	})
}
