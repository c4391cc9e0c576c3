package sheet

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/rolecall/rolecall/raci"
)

var update = flag.Bool("update", false, "rewrite the golden files and examples/spreadsheets from the code")

// The example RACI workbook of examples/spreadsheets, as an organisation
// keeps one: a merged title, a subtitle, a legend, a blank row, the header
// (role names without ids, a Ref and a Notes column), phase banners merged
// across the table, letters in several spellings, and empty cells at the end
// of rows.
var (
	exampleDir   = filepath.Join("..", "..", "examples", "spreadsheets")
	exampleTitle = [][]string{
		{"Northwind Logistics Ltd: information security RACI matrix"},
		{"ISO/IEC 27001:2022 A.5.2. Owner: Head of IT & Security. Version 2.1, reviewed September 2026"},
		{"Legend:", "R", "Responsible: does the work", "A", "Accountable: signs it off (one per activity)", "C", "Consulted: asked before", "I", "Informed: told after"},
		{},
	}
	exampleHeader = []string{"Ref", "Activity", "Process", "Frequency",
		"Managing Director", "Head of IT & Security", "IT Support", "HR Manager", "Finance Director",
		"Operations Manager", "Data Protection Officer", "Internal Auditor", "Notes"}
	exampleBody = [][]string{
		{"1. Identity and access"},
		{"IA-01", "Set up accounts for joiners and movers", "User provisioning", "On event", "", "A", "R", "C", "", "", "", "", "HR raises the request in the service desk"},
		{"IA-02", "Remove access from leavers on their last day", "User deprovisioning", "On event", "", "A", "R", "R", "", "I"},
		{"IA-03", "Review who can reach customer and payroll data", "Access review", "Quarterly", "I", "A/R", "R", "C", "C", "", "C"},
		{"2. Operations"},
		{"OP-01", "Scan for vulnerabilities and track fixes", "Vulnerability management", "Monthly", "", "A", "R"},
		{"OP-02", "Patch servers, laptops and network kit", "Patch management", "Monthly", "", "A", "R", "", "", "I"},
		{"OP-03", "Handle security incidents", "Incident management", "On event", "I", "A/R", "R", "", "", "C", "C", "", "DPO decides on ICO notification"},
		{"OP-04", "Watch the logs and alerts", "Logging monitoring", "Weekly", "", "A", "R"},
		{"OP-05", "Test restores from backup", "Backup verification", "Monthly", "", "A", "R", "", "", "I"},
		{"OP-06", "Approve and record changes to production", "Change control", "On event", "", "A", "R", "", "", "C"},
		{"OP-07", "Check the warehouse and office doors and CCTV", "Physical security check", "Semiannual", "", "C", "", "", "", "R,A"},
		{"3. Suppliers, risk and people"},
		{"SR-01", "Assess new suppliers before contract", "Supplier due diligence", "On event", "", "C", "", "", "A", "R", "C"},
		{"SR-02", "Assess information security risks", "Risk assessment", "Annual", "A", "R", "", "", "C", "C", "C"},
		{"SR-03", "Run the awareness training", "Awareness training", "Annual", "I", "A", "", "R"},
		{"4. Assurance"},
		{"AS-01", "Audit the ISMS", "Internal audit", "Annual", "A", "C", "", "", "", "", "", "R"},
		{"AS-02", "Review the ISMS with the board", "Management review", "Annual", "A", "R", "", "", "C", "C", "C", "I"},
	}
)

// exampleWorkbook writes the example RACI workbook.
func exampleWorkbook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sh = "RACI"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", sh))
	last := ColumnName(len(exampleHeader))
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}})
	must(err)
	banner, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E78"}}})
	must(err)
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	must(err)
	row := 1
	for _, r := range exampleTitle {
		if len(r) > 0 {
			must(f.SetSheetRow(sh, cellName(1, row), &r))
		}
		row++
	}
	must(f.MergeCell(sh, "A1", last+"1"))
	must(f.MergeCell(sh, "A2", last+"2"))
	must(f.SetCellStyle(sh, "A1", "A1", title))
	must(f.SetSheetRow(sh, cellName(1, row), &exampleHeader))
	must(f.SetCellStyle(sh, cellName(1, row), cellName(len(exampleHeader), row), header))
	must(f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: row, TopLeftCell: cellName(1, row+1), ActivePane: "bottomLeft"}))
	row++
	for _, r := range exampleBody {
		must(f.SetSheetRow(sh, cellName(1, row), &r))
		if len(r) == 1 {
			must(f.MergeCell(sh, cellName(1, row), cellName(len(exampleHeader), row)))
			must(f.SetCellStyle(sh, cellName(1, row), cellName(1, row), banner))
		}
		row++
	}
	must(f.SetColWidth(sh, "A", "A", 8))
	must(f.SetColWidth(sh, "B", "B", 48))
	must(f.SetColWidth(sh, "C", "D", 24))
	must(f.SetColWidth(sh, "E", ColumnName(len(exampleHeader)-1), 14))
	must(f.SetColWidth(sh, last, last, 40))
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// exampleCSV writes the workbook's CSV twin as a spreadsheet program in a
// continental locale saves it: a byte order mark, ";" between cells, every
// row as wide as the table.
func exampleCSV(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.Comma = ';'
	w.UseCRLF = true
	width := len(exampleHeader)
	for _, rows := range [][][]string{exampleTitle, {exampleHeader}, exampleBody} {
		for _, r := range rows {
			full := make([]string, width)
			copy(full, r)
			if err := w.Write(full); err != nil {
				t.Fatal(err)
			}
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestExampleSpreadsheets holds examples/spreadsheets to the code above (go
// test -update rewrites them), and holds that both files import to the same
// register, one that loads, as testdata/example-import.golden.yaml shows.
func TestExampleSpreadsheets(t *testing.T) {
	files := map[string][]byte{"raci.xlsx": exampleWorkbook(t), "raci.csv": exampleCSV(t)}
	for name, want := range files {
		path := filepath.Join(exampleDir, name)
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test -update writes it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not what the generator writes: run go test ./raci/sheet/ -update and review it", path)
		}
	}

	imported := map[string]*raci.Register{}
	for _, name := range []string{"raci.xlsx", "raci.csv"} {
		m, err := ReadFile(filepath.Join(exampleDir, name), WithSourceName(name))
		if err != nil {
			t.Fatalf("ReadFile(%s): %v", name, err)
		}
		out, err := NewRegister(m)
		if err != nil {
			t.Fatalf("NewRegister(%s): %v", name, err)
		}
		reg, err := raci.LoadBytes(out)
		if err != nil {
			t.Fatalf("the register imported from %s does not load: %v\n%s", name, err, out)
		}
		imported[name] = reg
		if name == "raci.xlsx" {
			golden(t, "example-import.golden.yaml", out)
		}
	}
	x, c := imported["raci.xlsx"], imported["raci.csv"]
	if len(x.Activities) != len(exampleBody)-4 || len(x.Roles) != len(exampleHeader)-5 {
		t.Errorf("the workbook imported to %d activities and %d roles, want %d and %d", len(x.Activities), len(x.Roles), len(exampleBody)-4, len(exampleHeader)-5)
	}
	if diff := cmp.Diff(x.Activities, c.Activities); diff != "" {
		t.Errorf("activities of raci.xlsx and raci.csv differ (-xlsx +csv):\n%s", diff)
	}
	if diff := cmp.Diff(x.Roles, c.Roles); diff != "" {
		t.Errorf("roles of raci.xlsx and raci.csv differ (-xlsx +csv):\n%s", diff)
	}
}

// golden compares got with testdata/name exactly, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}
