package sheet

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// workbook builds a workbook with the sheets given, in order, each a list of
// rows; merges lists ranges to merge per sheet.
func workbook(t *testing.T, sheets []string, rows map[string][][]string, merges map[string][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range rows[name] {
			if err := f.SetSheetRow(name, cellName(1, r+1), &row); err != nil {
				t.Fatal(err)
			}
		}
		for _, m := range merges[name] {
			from, to, _ := strings.Cut(m, ":")
			if err := f.MergeCell(name, from, to); err != nil {
				t.Fatal(err)
			}
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestReadXLSX reads workbooks with the furniture of real ones: a cover
// sheet, a merged title and phase banners.
func TestReadXLSX(t *testing.T) {
	t.Parallel()
	book := workbook(t, []string{"Cover", "RACI 2026"}, map[string][][]string{
		"Cover": {{"Acme RACI"}, {"Owner: ISMS manager"}},
		"RACI 2026": {
			{"Acme Ltd: RACI matrix"},
			{},
			{"Activity", "Process", "CEO", "CISO", "IT"},
			{"Identity and access"},
			{"Joiners", "user_provisioning", "A", "C", "R", "", ""},
			{"Operations"},
			{"Backups", "backup_verification", "", "A", "R"},
		},
	}, map[string][]string{"RACI 2026": {"A1:E1", "A4:E4", "A6:E6"}})

	m, err := ReadXLSX(bytes.NewReader(book))
	if err != nil {
		t.Fatalf("ReadXLSX: %v", err)
	}
	want := summary{
		Columns: []string{"ceo=CEO", "ciso=CISO", "it=IT"},
		Rows: []string{
			"joiners|Joiners|user_provisioning||Identity and access|A|C|R",
			"backups|Backups|backup_verification||Operations||A|R",
		},
		Notes: []string{"'RACI 2026'!A1 Acme Ltd: RACI matrix"},
	}
	if diff := cmp.Diff(want, summarise(m)); diff != "" {
		t.Errorf("ReadXLSX() mismatch (-want +got):\n%s", diff)
	}
	if m.Sheet != "RACI 2026" || m.Header != 3 {
		t.Errorf("read sheet %q with header row %d, want sheet %q and row 3", m.Sheet, m.Header, "RACI 2026")
	}

	tcs := []struct {
		name string
		book []byte
		opts []Option
		want string
	}{
		{
			name: "every problem at its cell",
			book: workbook(t, []string{"Sheet1"}, map[string][][]string{"Sheet1": {
				{"Activity", "CEO", "CISO"},
				{"Joiners", "A", "X"},
				{"Leavers", "Yes", "R"},
			}}, nil),
			want: "book.xlsx: 2 problems:\n  Sheet1!C2: \"X\" is not one of R, A, C, I\n  Sheet1!B3: \"Yes\" is not one of R, A, C, I",
		},
		{
			name: "an unknown sheet",
			book: book,
			opts: []Option{WithSheet("Matrix")},
			want: `book.xlsx: the workbook has no sheet "Matrix": expected one of "Cover", "RACI 2026"`,
		},
		{
			name: "the sheet named has no header",
			book: book,
			opts: []Option{WithSheet("Cover")},
			want: `book.xlsx: Cover: no header row: expected a row with an "Activity" cell (the column of the activities' names) above the activities, beside the role columns`,
		},
		{
			name: "no sheet has a header",
			book: workbook(t, []string{"Sheet1"}, map[string][][]string{"Sheet1": {{"Task list"}}}, nil),
			want: `book.xlsx: no sheet has a header row: expected a row with an "Activity" cell above the activities (sheets: "Sheet1")`,
		},
		{
			name: "not a workbook",
			book: []byte("Activity,CEO\nJoiners,A\n"),
			want: "book.xlsx: not an XLSX workbook (zip: not a valid zip file): expected a zip archive as Excel, LibreOffice or Google Sheets save it",
		},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := ReadXLSX(bytes.NewReader(tc.book), append([]Option{WithSourceName("book.xlsx")}, tc.opts...)...)
			if err == nil {
				t.Fatal("ReadXLSX succeeded, want an error")
			}
			if diff := cmp.Diff(tc.want, err.Error()); diff != "" {
				t.Errorf("ReadXLSX() error mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
