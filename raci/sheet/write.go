package sheet

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/rolecall/rolecall/raci"
)

// Format is a matrix output format.
type Format string

// The formats Write writes.
const (
	FormatCSV      Format = "csv"
	FormatXLSX     Format = "xlsx"
	FormatMarkdown Format = "markdown"
)

// Formats lists the formats Write writes, for help texts and flag checks.
func Formats() []Format { return []Format{FormatCSV, FormatMarkdown, FormatXLSX} }

// Write writes the RACI matrix of reg to w in the format f; see WriteCSV,
// WriteMarkdown and WriteXLSX. An unknown format is an error naming the known
// ones.
func Write(w io.Writer, reg *raci.Register, f Format) error {
	switch f {
	case FormatCSV:
		return WriteCSV(w, reg)
	case FormatMarkdown:
		return WriteMarkdown(w, reg)
	case FormatXLSX:
		return WriteXLSX(w, reg)
	}
	names := make([]string, 0, 3)
	for _, k := range Formats() {
		names = append(names, string(k))
	}
	return fmt.Errorf("unknown matrix format %q: expected one of %s", f, strings.Join(names, ", "))
}

// grid columns before the role columns, in every format.
var leadHeaders = []string{"ID", "Activity", "Process", "Frequency"}

// roleColumn is a column of an output matrix: a defined role, or a role id
// that an activity's RACI names and no role defines (so that no letter of
// the register is lost).
type roleColumn struct {
	id, name string
}

// header is the column's header in CSV and XLSX: "Name [id]", which ReadCSV
// and ReadXLSX read back to the same id.
func (c roleColumn) header() string {
	if c.name == "" {
		return "[" + c.id + "]"
	}
	return c.name + " [" + c.id + "]"
}

func roleColumns(reg *raci.Register) []roleColumn {
	var cols []roleColumn
	seen := map[string]bool{}
	for _, r := range reg.Roles {
		if !seen[r.ID] {
			seen[r.ID] = true
			cols = append(cols, roleColumn{id: r.ID, name: r.Name})
		}
	}
	for _, a := range reg.Activities {
		if a.RACI == nil {
			continue
		}
		for _, list := range [][]string{a.RACI.Responsible, a.RACI.Accountable, a.RACI.Consulted, a.RACI.Informed} {
			for _, id := range list {
				if !seen[id] {
					seen[id] = true
					cols = append(cols, roleColumn{id: id})
				}
			}
		}
	}
	return cols
}

// lettersOf returns the letters of role id in a RACI.
func lettersOf(x *raci.RACI, id string) Letters {
	if x == nil {
		return 0
	}
	var l Letters
	if slices.Contains(x.Responsible, id) {
		l |= Responsible
	}
	if slices.Contains(x.Accountable, id) {
		l |= Accountable
	}
	if slices.Contains(x.Consulted, id) {
		l |= Consulted
	}
	if slices.Contains(x.Informed, id) {
		l |= Informed
	}
	return l
}

// matrixRows is the activities × roles grid of reg as text: the header row
// then one row per activity.
func matrixRows(reg *raci.Register, cols []roleColumn, header func(roleColumn) string) [][]string {
	rows := make([][]string, 0, len(reg.Activities)+1)
	h := slices.Clone(leadHeaders)
	for _, c := range cols {
		h = append(h, header(c))
	}
	rows = append(rows, h)
	for _, a := range reg.Activities {
		row := []string{a.ID, a.Name, string(a.Process), string(a.Frequency)}
		for _, c := range cols {
			row = append(row, lettersOf(a.RACI, c.id).String())
		}
		rows = append(rows, row)
	}
	return rows
}

// WriteCSV writes the activities × roles matrix of reg as CSV (comma
// delimited, UTF-8 without a byte order mark): a header row "ID, Activity,
// Process, Frequency" and one column per role headed "Name [id]", then one
// row per activity with letters such as "R/A". Roles that no RACI names have
// a column too; role ids a RACI names and no role defines get a column headed
// "[id]". ReadCSV reads it back to the same activities and RACI.
func WriteCSV(w io.Writer, reg *raci.Register) error {
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(matrixRows(reg, roleColumns(reg), roleColumn.header)); err != nil {
		return fmt.Errorf("writing the CSV matrix: %w", err)
	}
	return nil
}

// WriteMarkdown writes the activities × roles matrix of reg as a Markdown
// table headed by role ids, followed by the legend and the roles' names.
func WriteMarkdown(w io.Writer, reg *raci.Register) error {
	cols := roleColumns(reg)
	rows := matrixRows(reg, cols, func(c roleColumn) string { return c.id })
	var b strings.Builder
	for i, row := range rows {
		b.WriteString("|")
		for j, cell := range row {
			if i == 0 && j >= len(leadHeaders) {
				cell = "`" + cell + "`"
			}
			b.WriteString(" " + markdownCell(cell) + " |")
		}
		b.WriteString("\n")
		if i == 0 {
			b.WriteString("|")
			for j := range row {
				if j < len(leadHeaders) {
					b.WriteString("---|")
				} else {
					b.WriteString(":-:|")
				}
			}
			b.WriteString("\n")
		}
	}
	b.WriteString("\n" + legendText + "\n")
	if len(cols) > 0 {
		b.WriteString("\nRoles:\n\n")
		for _, c := range cols {
			name := c.name
			if name == "" {
				name = "(not defined in the register)"
			}
			fmt.Fprintf(&b, "- `%s`: %s\n", c.id, markdownCell(name))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

const legendText = "R responsible: does the work. A accountable: answers for the result (exactly one per activity). C consulted: asked before. I informed: told after."

// markdownCell escapes what would break a table cell.
func markdownCell(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.Join(strings.Fields(s), " ")
}
