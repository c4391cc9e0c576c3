package sheet

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/xuri/excelize/v2"

	"github.com/rolecall/rolecall/raci"
)

var roundTripRegisters = []string{
	filepath.Join("..", "..", "examples", "registers", "acme.yaml"),
	filepath.Join("..", "..", "examples", "registers", "minimal.yaml"),
	filepath.Join("..", "..", "docs", "getting-started", "company.yaml"),
}

// activityRACI is what a matrix carries of an activity.
type activityRACI struct {
	ID, Name, Process, Frequency string
	R, A, C, I                   []string
}

func matrixView(acts []raci.Activity) []activityRACI {
	out := make([]activityRACI, 0, len(acts))
	for _, a := range acts {
		v := activityRACI{ID: a.ID, Name: a.Name, Process: string(a.Process), Frequency: string(a.Frequency)}
		if a.RACI != nil {
			v.R, v.A, v.C, v.I = a.RACI.Responsible, a.RACI.Accountable, a.RACI.Consulted, a.RACI.Informed
		}
		out = append(out, v)
	}
	return out
}

// TestRoundTrip holds that register → XLSX → register and register → CSV →
// register keep every activity's id, name, process, frequency and RACI, and
// every role's id and name, and that the imported register loads.
func TestRoundTrip(t *testing.T) {
	t.Parallel()
	formats := []struct {
		format Format
		read   func([]byte) (*Matrix, error)
	}{
		{FormatXLSX, func(b []byte) (*Matrix, error) { return ReadXLSX(bytes.NewReader(b)) }},
		{FormatCSV, func(b []byte) (*Matrix, error) { return ReadCSV(bytes.NewReader(b)) }},
	}
	for _, path := range roundTripRegisters {
		orig, err := raci.LoadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range formats {
			t.Run(filepath.Base(path)+"/"+string(f.format), func(t *testing.T) {
				t.Parallel()
				var buf bytes.Buffer
				if err := Write(&buf, orig, f.format); err != nil {
					t.Fatalf("Write: %v", err)
				}
				if len(orig.Activities) == 0 {
					// A register without activities makes a matrix without
					// rows, which ReadCSV and ReadXLSX read as the empty matrix.
					m, err := f.read(buf.Bytes())
					if len(orig.Roles) == 0 {
						if err == nil {
							t.Errorf("reading a matrix without roles succeeded, want the error that the header has no role columns")
						}
						return
					}
					if err != nil || len(m.Rows) != 0 {
						t.Fatalf("read %d rows, err %v; want none", len(m.Rows), err)
					}
					return
				}
				m, err := f.read(buf.Bytes())
				if err != nil {
					t.Fatalf("reading back: %v", err)
				}
				out, err := NewRegister(m)
				if err != nil {
					t.Fatalf("NewRegister: %v", err)
				}
				got, err := raci.LoadBytes(out)
				if err != nil {
					t.Fatalf("the imported register does not load: %v", err)
				}
				sortLists := cmpopts.SortSlices(func(a, b string) bool { return a < b })
				if diff := cmp.Diff(matrixView(orig.Activities), matrixView(got.Activities), sortLists, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("activities mismatch (-original +round trip):\n%s", diff)
				}
				var wantRoles, gotRoles []string
				for _, r := range orig.Roles {
					wantRoles = append(wantRoles, r.ID+"="+r.Name)
				}
				for _, r := range got.Roles {
					gotRoles = append(gotRoles, r.ID+"="+r.Name)
				}
				if diff := cmp.Diff(wantRoles, gotRoles); diff != "" {
					t.Errorf("roles mismatch (-original +round trip):\n%s", diff)
				}
			})
		}
	}
}

// TestRoundTripUndefinedRole holds that a RACI naming a role the register
// does not define keeps its letters through the matrix, under a column of its
// own.
func TestRoundTripUndefinedRole(t *testing.T) {
	t.Parallel()
	reg, err := raci.LoadBytes([]byte("version: 1\norganisation: {name: X}\nroles: [{id: ceo, name: CEO, kind: senior_management, function: executive}]\npeople: []\n" +
		"activities: [{id: a1, name: Joiners, process: user_provisioning, raci: {responsible: [ghost], accountable: [ceo]}}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, reg); err != nil {
		t.Fatal(err)
	}
	want := "ID,Activity,Process,Frequency,CEO [ceo],[ghost]\na1,Joiners,user_provisioning,,A,R\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("WriteCSV() mismatch (-want +got):\n%s", diff)
	}
	m, err := ReadCSV(&buf)
	if err != nil {
		t.Fatal(err)
	}
	got := m.Activities()[0].RACI
	if diff := cmp.Diff(&raci.RACI{Responsible: []string{"ghost"}, Accountable: []string{"ceo"}}, got); diff != "" {
		t.Errorf("RACI read back mismatch (-want +got):\n%s", diff)
	}
}

// TestWriteGolden compares the CSV and Markdown matrices of acme.yaml with
// their golden files (go test -update rewrites them).
func TestWriteGolden(t *testing.T) {
	reg, err := raci.LoadFile(roundTripRegisters[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		format Format
		golden string
	}{{FormatCSV, "acme.csv"}, {FormatMarkdown, "acme.md"}} {
		var buf bytes.Buffer
		if err := Write(&buf, reg, tc.format); err != nil {
			t.Fatalf("Write(%s): %v", tc.format, err)
		}
		golden(t, tc.golden, buf.Bytes())
	}
	if err := Write(&bytes.Buffer{}, reg, "pdf"); err == nil || err.Error() != `unknown matrix format "pdf": expected one of csv, markdown, xlsx` {
		t.Errorf("Write(pdf) = %v, want the unknown-format error", err)
	}
}

// TestWriteXLSX opens the workbook of acme.yaml and checks what a reader
// sees: the sheets, the frozen header, the merged title, letter colours,
// column widths and the people, asset and risk sheets.
func TestWriteXLSX(t *testing.T) {
	t.Parallel()
	reg, err := raci.LoadFile(roundTripRegisters[0])
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, reg); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if diff := cmp.Diff([]string{SheetRACI, SheetPeople, SheetAssetOwners, SheetRiskOwners}, f.GetSheetList()); diff != "" {
		t.Errorf("sheets mismatch (-want +got):\n%s", diff)
	}
	panes, err := f.GetPanes(SheetRACI)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != raciHeaderRow || panes.XSplit != 2 {
		t.Errorf("RACI panes = freeze %v, %d rows, %d columns; want the %d rows to the header and 2 columns frozen", panes.Freeze, panes.YSplit, panes.XSplit, raciHeaderRow)
	}
	merged, err := f.GetMergeCells(SheetRACI)
	if err != nil {
		t.Fatal(err)
	}
	lastCol := ColumnName(len(leadHeaders) + len(reg.Roles))
	if len(merged) != 1 || merged[0].GetStartAxis() != "A1" || merged[0].GetEndAxis() != lastCol+"1" {
		t.Errorf("merged cells = %v, want the title A1:%s1", merged, lastCol)
	}
	rows, err := f.GetRows(SheetRACI)
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[0][0]; got != "Acme Analytics Ltd: information security RACI matrix" {
		t.Errorf("title = %q", got)
	}
	// The fill of each letter cell is its strongest letter's colour.
	fills := map[string]string{}
	for _, c := range letterColours {
		fills[c.letter.String()] = c.fill
	}
	checked := map[string]bool{}
	for r := raciHeaderRow; r < len(rows); r++ {
		for c := len(leadHeaders); c < len(rows[r]); c++ {
			v := rows[r][c]
			if v == "" {
				continue
			}
			l, _ := parseLetters(v)
			strongest := ""
			for _, lc := range letterColours {
				if l&lc.letter != 0 {
					strongest = lc.letter.String()
					break
				}
			}
			id, err := f.GetCellStyle(SheetRACI, cellName(c+1, r+1))
			if err != nil {
				t.Fatal(err)
			}
			st, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			if len(st.Fill.Color) != 1 || !strings.EqualFold(st.Fill.Color[0], fills[strongest]) {
				t.Errorf("%s (%q) is filled %v, want %s", cellName(c+1, r+1), v, st.Fill.Color, fills[strongest])
			}
			checked[strongest] = true
		}
	}
	if len(checked) != 4 {
		t.Errorf("letter colours checked for %v, want all four letters", checked)
	}
	// The Activity column is as wide as its longest name, up to 60
	// characters (longer names wrap), and two characters of margin.
	longest, longestID := 0, 0
	for _, a := range reg.Activities {
		longest, longestID = max(longest, len(a.Name)), max(longestID, len(a.ID))
	}
	if w, err := f.GetColWidth(SheetRACI, "B"); err != nil || w != float64(min(longest, 60)+2) {
		t.Errorf("column B width = %v (%v), want %d", w, err, min(longest, 60)+2)
	}
	if w, err := f.GetColWidth(SheetRACI, "A"); err != nil || w != float64(longestID+2) {
		t.Errorf("column A width = %v (%v), want the longest activity id and 2", w, err)
	}

	people, err := f.GetRows(SheetPeople)
	if err != nil {
		t.Fatal(err)
	}
	if len(people) != len(reg.People)+1 {
		t.Fatalf("People has %d rows, want a header and %d people", len(people), len(reg.People))
	}
	col := slices.Index(people[0], "All Staff and Contractors [staff]")
	ceo := slices.Index(people[0], "Chief Executive Officer [ceo]")
	if col < 0 || ceo < 0 {
		t.Fatalf("People header %v lacks the staff or ceo role", people[0])
	}
	if got := people[1]; got[0] != "sarah-okafor" || got[ceo] != "✓" || got[col] != "all-staff" {
		t.Errorf("People row of sarah-okafor = %q, want ✓ for ceo (held directly) and all-staff for staff (through the team)", got)
	}
	assets, err := f.GetRows(SheetAssetOwners)
	if err != nil {
		t.Fatal(err)
	}
	if len(assets) != len(reg.Assets)+1 {
		t.Errorf("Asset owners has %d rows, want %d", len(assets), len(reg.Assets)+1)
	}
	risks, err := f.GetRows(SheetRiskOwners)
	if err != nil {
		t.Fatal(err)
	}
	if len(risks) != len(reg.Risks)+1 {
		t.Errorf("Risk owners has %d rows, want %d", len(risks), len(reg.Risks)+1)
	}
	idx := reg.Index()
	for i, a := range reg.Assets {
		if got, want := at(assets[i+1], 4), roleLabel(idx, a.Owner); got != want {
			t.Errorf("owner of asset %s = %q, want %q", a.ID, got, want)
		}
	}
}

func at(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}
