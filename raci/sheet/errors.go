package sheet

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrInvalidSheet is wrapped by every *Error: the spreadsheet could not be read
// as a RACI matrix, or the matrix does not fit the register it is written into.
var ErrInvalidSheet = errors.New("invalid RACI sheet")

// ErrLimit is wrapped by every *LimitError: the spreadsheet exceeds a limit.
var ErrLimit = errors.New("spreadsheet limit exceeded")

// Cell locates a cell of a sheet: 1-based Row and Col, and the Sheet's name in
// a workbook ("" for a CSV file). Row 0 means the sheet as a whole, Col 0 the
// row as a whole.
type Cell struct {
	Sheet string `json:"sheet,omitempty"`
	Row   int    `json:"row"`
	Col   int    `json:"col"`
}

// String renders the cell in A1 notation: "Sheet1!D7" in a workbook ('My
// sheet'!D7 when the name needs quoting), "D7" in a CSV file, "7" for a whole
// row and the sheet's name alone for a whole sheet.
func (c Cell) String() string {
	var ref string
	switch {
	case c.Row > 0 && c.Col > 0:
		ref = ColumnName(c.Col) + strconv.Itoa(c.Row)
	case c.Row > 0:
		ref = strconv.Itoa(c.Row)
	}
	if c.Sheet == "" {
		return ref
	}
	name := c.Sheet
	if strings.ContainsFunc(name, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '.')
	}) {
		name = "'" + strings.ReplaceAll(name, "'", "''") + "'"
	}
	if ref == "" {
		return name
	}
	return name + "!" + ref
}

// ColumnName returns the spreadsheet name of the 1-based column n: 1 is A, 27
// is AA. It returns "" for n < 1.
func ColumnName(n int) string {
	var b []byte
	for n > 0 {
		n--
		b = append([]byte{byte('A' + n%26)}, b...)
		n /= 26
	}
	return string(b)
}

// Problem is one thing wrong with a sheet, at its cell.
type Problem struct {
	// Cell is where the problem is; the zero Cell when it concerns the whole
	// file.
	Cell Cell `json:"cell"`
	// Message says what was expected and what was found.
	Message string `json:"message"`
}

// String renders the problem as `Sheet1!D7: "X" is not one of R, A, C, I`.
func (p Problem) String() string {
	if c := p.Cell.String(); c != "" {
		return c + ": " + p.Message
	}
	return p.Message
}

// Error reports every problem found in one spreadsheet. errors.Is(err,
// ErrInvalidSheet) holds for it.
type Error struct {
	// Source names the file ("<input>" for a reader).
	Source string
	// Problems lists every problem, by row and then column.
	Problems []Problem
	// Err is the underlying error, when there is one (a *LimitError, or the
	// error of the CSV or zip reader).
	Err error
}

// Error lists the problems, one per line after the first.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Source)
	if len(e.Problems) == 1 {
		b.WriteString(": ")
		b.WriteString(e.Problems[0].String())
		return b.String()
	}
	fmt.Fprintf(&b, ": %d problems:", len(e.Problems))
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns ErrInvalidSheet and the underlying error.
func (e *Error) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrInvalidSheet, e.Err}
	}
	return []error{ErrInvalidSheet}
}

// LimitError says that a spreadsheet exceeded one of its Limits. It is wrapped
// in the *Error of the file concerned; errors.Is(err, ErrLimit) holds.
type LimitError struct {
	// Limit names the limit: "bytes", "unzipped bytes", "entries", "rows",
	// "columns" or "cells".
	Limit string
	// Max is the limit and Found what was found (at least).
	Max, Found int64
}

// Error says which limit was exceeded and by how much.
func (e *LimitError) Error() string {
	return fmt.Sprintf("the spreadsheet has more %s than the limit of %d (found at least %d)", e.Limit, e.Max, e.Found)
}

// Unwrap returns ErrLimit.
func (e *LimitError) Unwrap() error { return ErrLimit }

// problems collects problems in the order they are found.
type problems []Problem

func (ps *problems) add(c Cell, format string, args ...any) {
	*ps = append(*ps, Problem{Cell: c, Message: fmt.Sprintf(format, args...)})
}
