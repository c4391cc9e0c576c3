package sheet

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/rolecall/rolecall/raci"
)

// Matrix is a RACI matrix read from a spreadsheet: role columns, activity
// rows and the letters where they cross, each with the cell it came from.
type Matrix struct {
	// Source names the file the matrix was read from.
	Source string
	// Sheet is the workbook sheet read ("" for a CSV file).
	Sheet string
	// Header is the header row: the first row with an "Activity" cell.
	Header int
	// Columns are the role columns, left to right.
	Columns []Column
	// Rows are the activity rows, top to bottom.
	Rows []Row
	// Notes is the text of the sheet that is not part of the matrix: title and
	// legend rows above the header, rows below the last activity, and the
	// headers of columns that are not read.
	Notes []Note
}

// Column is a role column of the matrix.
type Column struct {
	// Cell is the header cell.
	Cell Cell
	// Name is the role's name: the header's text without an "[id]" suffix.
	Name string
	// ID is the role's id: the one written in brackets after the name ("Chief
	// Executive [ceo]"), or else the name's slug ("chief-executive").
	ID string
	// Explicit says the id was written in brackets.
	Explicit bool
}

// Row is an activity row of the matrix.
type Row struct {
	// Cell is the activity's name cell.
	Cell Cell
	// ID is the activity's id: the ID column's value, or else the name's slug.
	ID string
	// Explicit says the id came from the ID column.
	Explicit bool
	// Name is the activity's name.
	Name string
	// Process is the Process column's value, "" when the sheet has none.
	Process raci.Process
	// Frequency is the Frequency column's value, "" when the sheet has none.
	Frequency raci.Frequency
	// Phase is the text of the phase row above the activity, or of its Phase
	// column ("" when there is neither).
	Phase string
	// Note is the text of the row's Notes column ("" when there is none).
	Note string
	// Letters holds the row's letters for each column of Matrix.Columns, at
	// the same index.
	Letters []Letters
}

// Note is text of the sheet that is not part of the matrix.
type Note struct {
	// Cell is where the text is.
	Cell Cell
	// Text is the cell's text, or a column header with why the column is
	// not read.
	Text string
}

// Letters is the set of RACI letters of one cell.
type Letters uint8

// The four letters of a RACI cell.
const (
	Responsible Letters = 1 << iota
	Accountable
	Consulted
	Informed
)

// String writes the letters in the order R, A, C, I separated by "/", as in
// "R/A"; "" for none.
func (l Letters) String() string {
	var parts []string
	for i, s := range []string{"R", "A", "C", "I"} {
		if l&(1<<i) != 0 {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "/")
}

// Activities returns the matrix's activities with their RACI, in row order:
// each role list in column order, a row without letters without a RACI. The
// process is raci.ProcOther when the sheet gives none.
func (m *Matrix) Activities() []raci.Activity {
	out := make([]raci.Activity, 0, len(m.Rows))
	for _, r := range m.Rows {
		a := raci.Activity{ID: r.ID, Name: r.Name, Process: r.Process, Frequency: r.Frequency}
		if a.Process == "" {
			a.Process = raci.ProcOther
		}
		ids := make([]string, len(m.Columns))
		for i, c := range m.Columns {
			ids[i] = c.ID
		}
		a.RACI = raciOf(r.Letters, ids)
		out = append(out, a)
	}
	return out
}

// raciOf lists the ids of each letter in column order; nil when no cell has a
// letter.
func raciOf(letters []Letters, ids []string) *raci.RACI {
	var x raci.RACI
	any := false
	for i, l := range letters {
		if l == 0 || ids[i] == "" {
			continue
		}
		any = true
		if l&Responsible != 0 {
			x.Responsible = append(x.Responsible, ids[i])
		}
		if l&Accountable != 0 {
			x.Accountable = append(x.Accountable, ids[i])
		}
		if l&Consulted != 0 {
			x.Consulted = append(x.Consulted, ids[i])
		}
		if l&Informed != 0 {
			x.Informed = append(x.Informed, ids[i])
		}
	}
	if !any {
		return nil
	}
	return &x
}

// grid is the text of one sheet: rows[i][j] is the cell of row i+1, column j+1.
type grid struct {
	sheet string
	rows  [][]string
}

func (g *grid) at(r, c int) string {
	if r < 0 || r >= len(g.rows) || c < 0 || c >= len(g.rows[r]) {
		return ""
	}
	return strings.TrimSpace(g.rows[r][c])
}

// The header texts of the columns that are not roles, compared after
// normalise.
var (
	activityHeaders  = []string{"activity", "activities", "activity name", "task", "tasks"}
	idHeaders        = []string{"id", "activity id", "ref", "reference"}
	processHeaders   = []string{"process", "security process"}
	frequencyHeaders = []string{"frequency", "how often"}
	phaseHeaders     = []string{"phase", "stage"}
	notesHeaders     = []string{"notes", "note", "comments", "comment", "remarks"}
)

// normalise lowercases s, collapses white space and drops a trailing colon
// or asterisk, so that "Activity:" and " ACTIVITY " name the same column.
func normalise(s string) string {
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	return strings.TrimRight(s, ":* ")
}

// headerRow returns the 0-based index of the first row with an activity
// header cell, -1 when there is none.
func (g *grid) headerRow() int {
	for i, row := range g.rows {
		for _, c := range row {
			if slices.Contains(activityHeaders, normalise(c)) {
				return i
			}
		}
	}
	return -1
}

// headerCells counts the non-empty cells of the header row, -1 without one:
// how well a CSV delimiter splits the file.
func (g *grid) headerCells() int {
	h := g.headerRow()
	if h < 0 {
		return -1
	}
	n := 0
	for _, c := range g.rows[h] {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

var bracketID = regexp.MustCompile(`(?s)^(.*?)\s*\[([^\[\]]*)\]$`)

// layout is where the header row puts each kind of column (0-based, -1 when
// absent).
type layout struct {
	activity, id, process, frequency, phase, notes int
	roles                                          []int
	known                                          map[int]bool
}

// parseGrid reads the matrix of a sheet, collecting every problem.
func parseGrid(source string, g *grid) (*Matrix, error) {
	m := &Matrix{Source: source, Sheet: g.sheet}
	var ps problems
	cell := func(r, c int) Cell { return Cell{Sheet: g.sheet, Row: r + 1, Col: c + 1} }
	h := g.headerRow()
	if h < 0 {
		ps.add(Cell{Sheet: g.sheet}, "no header row: expected a row with an %q cell (the column of the activities' names) above the activities, beside the role columns", "Activity")
		return nil, &Error{Source: source, Problems: ps}
	}
	m.Header = h + 1
	for r := 0; r < h; r++ {
		for c := range g.rows[r] {
			if t := g.at(r, c); t != "" {
				m.Notes = append(m.Notes, Note{Cell: cell(r, c), Text: t})
			}
		}
	}

	lay := layout{activity: -1, id: -1, process: -1, frequency: -1, phase: -1, notes: -1, known: map[int]bool{}}
	claim := func(slot *int, c int, what string) {
		lay.known[c] = true
		if *slot >= 0 {
			ps.add(cell(h, c), "a second %s column: %s is one already; keep one", what, cell(h, *slot))
			return
		}
		*slot = c
	}
	for c := range g.rows[h] {
		switch t := normalise(g.at(h, c)); {
		case t == "":
		case slices.Contains(activityHeaders, t):
			claim(&lay.activity, c, "activity")
		case slices.Contains(idHeaders, t):
			claim(&lay.id, c, "ID")
		case slices.Contains(processHeaders, t):
			claim(&lay.process, c, "process")
		case slices.Contains(frequencyHeaders, t):
			claim(&lay.frequency, c, "frequency")
		case slices.Contains(phaseHeaders, t):
			claim(&lay.phase, c, "phase")
		case slices.Contains(notesHeaders, t):
			claim(&lay.notes, c, "notes")
		}
	}
	for c := range g.rows[h] {
		t := g.at(h, c)
		if t == "" || lay.known[c] {
			continue
		}
		if c < lay.activity {
			m.Notes = append(m.Notes, Note{Cell: cell(h, c), Text: t + " (column not imported: role columns are right of the Activity column)"})
			lay.known[c] = true
			continue
		}
		lay.roles = append(lay.roles, c)
		m.Columns = append(m.Columns, parseColumn(t, cell(h, c), &ps))
	}
	firstColumn := map[string]Cell{}
	for _, col := range m.Columns {
		if col.ID == "" {
			continue
		}
		if prev, dup := firstColumn[col.ID]; dup {
			ps.add(col.Cell, "role %q has the id %s, as the column at %s has: write a different id in brackets, as in %q", col.Name, col.ID, prev, col.Name+" [other-id]")
			continue
		}
		firstColumn[col.ID] = col.Cell
	}
	roleCol := map[int]int{}
	for i, c := range lay.roles {
		roleCol[c] = i
	}

	// Rows with exactly one non-empty cell outside the role columns and no
	// letters are phase rows (banners) between activities, notes below them.
	type pending struct {
		cell Cell
		text string
	}
	var texts []pending
	phase := ""
	firstRow := map[string]Cell{}
	for r := h + 1; r < len(g.rows); r++ {
		var filled []int
		for c := range g.rows[r] {
			if g.at(r, c) != "" {
				filled = append(filled, c)
			}
		}
		if len(filled) == 0 {
			continue
		}
		if len(filled) == 1 {
			if _, isRole := roleCol[filled[0]]; !isRole && filled[0] != lay.process && filled[0] != lay.frequency {
				texts = append(texts, pending{cell(r, filled[0]), g.at(r, filled[0])})
				continue
			}
		}
		// The last text row above an activity is its phase; any before it
		// are notes.
		for i, t := range texts {
			if i == len(texts)-1 {
				phase = t.text
				continue
			}
			m.Notes = append(m.Notes, Note{Cell: t.cell, Text: t.text})
		}
		texts = nil

		row := Row{Cell: cell(r, lay.activity), Name: g.at(r, lay.activity), Letters: make([]Letters, len(lay.roles))}
		if row.Name == "" {
			ps.add(row.Cell, "the row has cells but no activity name: expected the activity's name in column %s", ColumnName(lay.activity+1))
		}
		if lay.phase >= 0 {
			if p := g.at(r, lay.phase); p != "" {
				phase = p
			}
		}
		row.Phase = phase
		if lay.notes >= 0 {
			row.Note = g.at(r, lay.notes)
		}
		for _, c := range filled {
			v := g.at(r, c)
			if i, ok := roleCol[c]; ok {
				l, msg := parseLetters(v)
				if msg != "" {
					ps.add(cell(r, c), "%s", msg)
				}
				row.Letters[i] = l
				continue
			}
			if c > lay.activity && !lay.known[c] && g.at(h, c) == "" {
				ps.add(cell(r, c), "%q is in a column without a header (%s is empty): give the column a role's name, or clear the cell", v, cell(h, c))
			}
		}
		if lay.id >= 0 && g.at(r, lay.id) != "" {
			row.ID, row.Explicit = g.at(r, lay.id), true
			if strings.ContainsFunc(row.ID, unicode.IsSpace) {
				ps.add(cell(r, lay.id), "activity id %q contains white space: expected an id such as %s", row.ID, Slug(row.ID))
			}
		} else if row.Name != "" {
			row.ID = Slug(row.Name)
			if row.ID == "" {
				ps.add(row.Cell, "cannot make an id of the activity name %q: give the activity an id in an ID column", row.Name)
			}
		}
		if row.ID != "" {
			if prev, dup := firstRow[row.ID]; dup {
				where := row.Cell
				if row.Explicit {
					where = cell(r, lay.id)
				}
				ps.add(where, "activity id %s is already the id of the activity at %s: ids are unique; give one of them another id in an ID column", row.ID, prev)
			} else {
				firstRow[row.ID] = row.Cell
			}
		}
		if lay.process >= 0 {
			if v := g.at(r, lay.process); v != "" {
				p, ok := parseEnum(v, processes, nil)
				if !ok {
					ps.add(cell(r, lay.process), "%q is not a security process: expected one of %s", v, strings.Join(processes, ", "))
				}
				row.Process = raci.Process(p)
			}
		}
		if lay.frequency >= 0 {
			if v := g.at(r, lay.frequency); v != "" {
				f, ok := parseEnum(v, frequencies, frequencySynonyms)
				if !ok {
					ps.add(cell(r, lay.frequency), "%q is not a frequency: expected one of %s", v, strings.Join(frequencies, ", "))
				}
				row.Frequency = raci.Frequency(f)
			}
		}
		m.Rows = append(m.Rows, row)
	}
	for _, t := range texts {
		m.Notes = append(m.Notes, Note{Cell: t.cell, Text: t.text})
	}
	slices.SortStableFunc(m.Notes, func(a, b Note) int { return cellOrder(a.Cell, b.Cell) })
	if len(m.Columns) == 0 {
		ps.add(cell(h, lay.activity), "the header row has no role columns: expected role names (or ids) in the cells right of the %s column", ColumnName(lay.activity+1))
	}
	if len(ps) > 0 {
		slices.SortStableFunc(ps, func(a, b Problem) int { return cellOrder(a.Cell, b.Cell) })
		return nil, &Error{Source: source, Problems: ps}
	}
	return m, nil
}

// parseColumn reads a role header: "Name [id]" or a name alone.
func parseColumn(text string, at Cell, ps *problems) Column {
	col := Column{Cell: at, Name: text}
	if sub := bracketID.FindStringSubmatch(text); sub != nil {
		col.Name, col.ID, col.Explicit = strings.TrimSpace(sub[1]), strings.TrimSpace(sub[2]), true
		if col.ID == "" || strings.ContainsFunc(col.ID, unicode.IsSpace) {
			ps.add(at, "%q in brackets is not a role id: expected an id without white space, as in %q", sub[2], "Chief Executive [ceo]")
			col.ID = ""
		}
		if col.Name == "" {
			col.Name = col.ID
		}
		return col
	}
	col.ID = Slug(text)
	if col.ID == "" {
		ps.add(at, "cannot make a role id of %q: write the id in brackets after the name, as in %q", text, text+" [id]")
	}
	return col
}

// parseLetters reads a RACI cell: letters R, A, C, I (either case) or the
// words they stand for, separated by "/", ",", ";", "+", "&" or spaces. Blank,
// "-", "–" and "—" mean none. It returns a message for anything else.
func parseLetters(v string) (Letters, string) {
	switch v {
	case "", "-", "–", "—":
		return 0, ""
	}
	tokens := strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune("/,;+&", r) || unicode.IsSpace(r) })
	var l Letters
	var bad []string
	for _, t := range tokens {
		switch strings.ToLower(t) {
		case "r", "responsible":
			l |= Responsible
		case "a", "accountable":
			l |= Accountable
		case "c", "consulted":
			l |= Consulted
		case "i", "informed":
			l |= Informed
		default:
			bad = append(bad, t)
		}
	}
	if len(bad) == 0 {
		return l, ""
	}
	hint := ""
	if len(bad) == 1 && len(bad[0]) > 1 && strings.Trim(strings.ToUpper(bad[0]), "RACI") == "" {
		hint = fmt.Sprintf(" (separate letters with \"/\", as in %q)", strings.Join(strings.Split(strings.ToUpper(bad[0]), ""), "/"))
	}
	what := fmt.Sprintf("%q", bad[0])
	if len(tokens) > 1 {
		what = fmt.Sprintf("%q in %q", bad[0], v)
	}
	return l, fmt.Sprintf("%s is not one of R, A, C, I%s", what, hint)
}

var (
	processes = []string{
		string(raci.ProcUserProvisioning), string(raci.ProcUserDeprovisioning), string(raci.ProcAccessReview),
		string(raci.ProcVulnerabilityMgmt), string(raci.ProcPatchMgmt), string(raci.ProcIncidentMgmt),
		string(raci.ProcLoggingMonitoring), string(raci.ProcBackupVerification), string(raci.ProcChangeControl),
		string(raci.ProcSupplierDueDiligence), string(raci.ProcRiskAssessment), string(raci.ProcAwarenessTraining),
		string(raci.ProcPhysicalSecurityCheck), string(raci.ProcInternalAudit), string(raci.ProcManagementReview),
		string(raci.ProcOther),
	}
	frequencies = []string{
		string(raci.FreqDaily), string(raci.FreqWeekly), string(raci.FreqMonthly), string(raci.FreqQuarterly),
		string(raci.FreqSemiannual), string(raci.FreqAnnual), string(raci.FreqOnEvent),
	}
	frequencySynonyms = map[string]string{
		"annually": "annual", "yearly": "annual", "semi_annual": "semiannual", "semi_annually": "semiannual",
		"half_yearly": "semiannual", "on_demand": "on_event", "as_needed": "on_event", "ad_hoc": "on_event",
		"event_driven": "on_event",
	}
)

// parseEnum reads v as one of values, written in any case with spaces or
// hyphens for underscores ("Access review" is access_review), or as one of
// the synonyms.
func parseEnum(v string, values []string, synonyms map[string]string) (string, bool) {
	k := strings.Join(strings.FieldsFunc(strings.ToLower(v), func(r rune) bool { return r == '-' || r == '_' || unicode.IsSpace(r) }), "_")
	if s, ok := synonyms[k]; ok {
		k = s
	}
	if slices.Contains(values, k) {
		return k, true
	}
	return v, false
}

// Slug makes an id of a name: lowercase letters and digits, each run of
// anything else one hyphen, none at either end ("Chief Information Security
// Officer" is chief-information-security-officer, "IT & Ops" is it-ops).
// Letters outside ASCII are kept. It returns "" when the name has no letter or
// digit.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}

// cellOrder orders cells by row, then column.
func cellOrder(a, b Cell) int {
	if a.Row != b.Row {
		return a.Row - b.Row
	}
	return a.Col - b.Col
}
