package sheet

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/rolecall/rolecall/raci"
)

// The sheets of the workbook WriteXLSX writes, in order.
const (
	SheetRACI        = "RACI"
	SheetPeople      = "People"
	SheetAssetOwners = "Asset owners"
	SheetRiskOwners  = "Risk owners"
)

// letterColours are the fills of RACI cells, strongest letter first: a cell
// with several letters takes the colour of the first it has.
var letterColours = []struct {
	letter Letters
	fill   string
	word   string
}{
	{Accountable, "F4B183", "Accountable: answers for the result (exactly one per activity)"},
	{Responsible, "A9D18E", "Responsible: does the work"},
	{Consulted, "FFE699", "Consulted: asked before"},
	{Informed, "9DC3E6", "Informed: told after"},
}

// RACI sheet layout: the title, the legend, a blank row, then the header.
const (
	raciTitleRow  = 1
	raciLegendRow = 2
	raciHeaderRow = 4
)

// WriteXLSX writes the RACI matrix of reg as an XLSX workbook with four
// sheets:
//
//   - RACI: a merged title row, a legend row with the four letters in their
//     colours, and the activities × roles matrix as WriteCSV writes it (role
//     columns headed "Name [id]"), its header row and the ID and Activity
//     columns frozen, cells coloured by letter (A, then R, C, I when a cell
//     has several);
//   - People: people × roles, "✓" where a person holds a role directly and
//     the team ids through which they hold it otherwise;
//   - Asset owners: each asset with its type, classification, owner and
//     custodian roles;
//   - Risk owners: each risk with its residual level, treatment and owner.
//
// Column widths fit their text. ReadXLSX reads the RACI sheet back to the
// same activities and RACI. The workbook's bytes depend only on reg.
func WriteXLSX(w io.Writer, reg *raci.Register) error {
	f := excelize.NewFile()
	defer f.Close()
	xw := &xlsxWriter{f: f}
	xw.styles()
	xw.raciSheet(reg)
	xw.peopleSheet(reg)
	xw.assetSheet(reg)
	xw.riskSheet(reg)
	if xw.err != nil {
		return fmt.Errorf("writing the XLSX matrix: %w", xw.err)
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return fmt.Errorf("writing the XLSX matrix: %w", err)
	}
	f.SetActiveSheet(0)
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("writing the XLSX matrix: %w", err)
	}
	return nil
}

// xlsxWriter keeps the first error of a sequence of excelize calls.
type xlsxWriter struct {
	f                   *excelize.File
	err                 error
	title, header, text int
	letter              map[Letters]int
	held                int
}

func (x *xlsxWriter) check(err error) {
	if x.err == nil && err != nil {
		x.err = err
	}
}

func (x *xlsxWriter) style(s *excelize.Style) int {
	id, err := x.f.NewStyle(s)
	x.check(err)
	return id
}

func border() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: "BFBFBF", Style: 1})
	}
	return b
}

func (x *xlsxWriter) styles() {
	x.title = x.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	x.header = x.style(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"},
		Border:    border(),
	})
	x.text = x.style(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: border()})
	x.letter = map[Letters]int{}
	for _, c := range letterColours {
		x.letter[c.letter] = x.style(&excelize.Style{
			Font:      &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c.fill}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"},
			Border:    border(),
		})
	}
	x.held = x.style(&excelize.Style{
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"A9D18E"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"},
		Border:    border(),
	})
}

func cellName(col, row int) string { return ColumnName(col) + fmt.Sprint(row) }

func (x *xlsxWriter) set(sheet string, col, row int, v string, style int) {
	ref := cellName(col, row)
	x.check(x.f.SetCellStr(sheet, ref, v))
	if style != 0 {
		x.check(x.f.SetCellStyle(sheet, ref, ref, style))
	}
}

// table writes rows from the header row on, sizes the columns to their text
// and freezes the header row and the first frozenCols columns. styleOf gives
// the style of a body cell.
func (x *xlsxWriter) table(sheet string, top int, rows [][]string, frozenCols int, narrow int, styleOf func(r, c int, v string) int) {
	widths := map[int]int{}
	for r, row := range rows {
		for c, v := range row {
			st := x.header
			if r > 0 {
				st = styleOf(r, c, v)
			}
			x.set(sheet, c+1, top+r, v, st)
			w := utf8.RuneCountInString(v)
			if r == 0 && c >= narrow {
				// Role headers wrap: size the column to the longest word.
				w = 0
				for _, word := range strings.Fields(v) {
					w = max(w, utf8.RuneCountInString(word))
				}
			}
			widths[c] = max(widths[c], w)
		}
	}
	for c, w := range widths {
		name := ColumnName(c + 1)
		x.check(x.f.SetColWidth(sheet, name, name, float64(min(max(w, 4), 60)+2)))
	}
	x.check(x.f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, XSplit: frozenCols, YSplit: top,
		TopLeftCell: cellName(frozenCols+1, top+1), ActivePane: "bottomRight",
	}))
}

func (x *xlsxWriter) newSheet(name string) {
	_, err := x.f.NewSheet(name)
	x.check(err)
}

func (x *xlsxWriter) raciSheet(reg *raci.Register) {
	x.newSheet(SheetRACI)
	cols := roleColumns(reg)
	rows := matrixRows(reg, cols, roleColumn.header)
	last := ColumnName(len(rows[0]))
	x.set(SheetRACI, 1, raciTitleRow, reg.Organisation.Name+": information security RACI matrix", x.title)
	x.check(x.f.MergeCell(SheetRACI, cellName(1, raciTitleRow), last+fmt.Sprint(raciTitleRow)))
	col := 1
	x.set(SheetRACI, col, raciLegendRow, "Legend:", 0)
	for _, c := range letterColours {
		col++
		x.set(SheetRACI, col, raciLegendRow, c.letter.String(), x.letter[c.letter])
		col++
		x.set(SheetRACI, col, raciLegendRow, c.word, 0)
	}
	x.table(SheetRACI, raciHeaderRow, rows, 2, len(leadHeaders), func(r, c int, v string) int {
		if c < len(leadHeaders) || v == "" {
			return x.text
		}
		l, _ := parseLetters(v)
		for _, lc := range letterColours {
			if l&lc.letter != 0 {
				return x.letter[lc.letter]
			}
		}
		return x.text
	})
}

func (x *xlsxWriter) peopleSheet(reg *raci.Register) {
	x.newSheet(SheetPeople)
	cols := roleColumns(reg)
	header := []string{"ID", "Name", "Status"}
	for _, c := range cols {
		header = append(header, c.header())
	}
	rows := [][]string{header}
	for _, p := range reg.People {
		row := []string{p.ID, p.Name, string(p.StatusOrDefault())}
		for _, c := range cols {
			var via []string
			for _, t := range reg.Teams {
				if slices.Contains(t.Members, p.ID) && slices.Contains(t.Roles, c.id) {
					via = append(via, t.ID)
				}
			}
			switch {
			case slices.Contains(p.Roles, c.id):
				row = append(row, "✓")
			case len(via) > 0:
				row = append(row, strings.Join(via, ", "))
			default:
				row = append(row, "")
			}
		}
		rows = append(rows, row)
	}
	x.table(SheetPeople, 1, rows, 2, 3, func(r, c int, v string) int {
		if c >= 3 && v != "" {
			return x.held
		}
		return x.text
	})
}

// roleLabel names a role by "Name [id]", or the id alone when no role has it.
func roleLabel(x *raci.Index, id string) string {
	if id == "" {
		return ""
	}
	if r := x.Role(id); r != nil {
		return r.Name + " [" + id + "]"
	}
	return "[" + id + "]"
}

func (x *xlsxWriter) assetSheet(reg *raci.Register) {
	x.newSheet(SheetAssetOwners)
	idx := reg.Index()
	rows := [][]string{{"ID", "Asset", "Type", "Classification", "Owner", "Custodian"}}
	for _, a := range reg.Assets {
		rows = append(rows, []string{a.ID, a.Name, string(a.Type), string(a.Classification), roleLabel(idx, a.Owner), roleLabel(idx, a.Custodian)})
	}
	x.table(SheetAssetOwners, 1, rows, 2, len(rows[0]), func(int, int, string) int { return x.text })
}

func (x *xlsxWriter) riskSheet(reg *raci.Register) {
	x.newSheet(SheetRiskOwners)
	idx := reg.Index()
	rows := [][]string{{"ID", "Risk", "Residual", "Treatment", "Owner"}}
	for _, r := range reg.Risks {
		rows = append(rows, []string{r.ID, r.Title, string(r.Residual), string(r.Treatment), roleLabel(idx, r.Owner)})
	}
	x.table(SheetRiskOwners, 1, rows, 2, len(rows[0]), func(int, int, string) int { return x.text })
}
