package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Limits bounds what the readers accept, so that a hostile or broken
// spreadsheet fails fast with a *LimitError instead of exhausting memory or
// time. A RACI matrix has tens of rows and columns; the defaults leave room for
// a thousand times that.
type Limits struct {
	// MaxBytes is the largest file accepted, in bytes (default 16 MiB).
	MaxBytes int64
	// MaxUnzippedBytes is the most a workbook's zip archive may expand to, all
	// entries together, in bytes (default 64 MiB), as their sizes declare;
	// an entry that decompresses to more than it declares is refused.
	MaxUnzippedBytes int64
	// MaxEntries is the largest number of entries in a workbook's zip archive
	// (default 10,000).
	MaxEntries int
	// MaxRows is the last row number a sheet may use (default 10,000).
	MaxRows int
	// MaxColumns is the last column number a sheet may use (default 1,000).
	MaxColumns int
	// MaxCells is the largest number of non-empty cells in a sheet (default
	// 100,000).
	MaxCells int
}

// DefaultLimits returns the limits the readers apply unless told otherwise.
func DefaultLimits() Limits {
	return Limits{MaxBytes: 16 << 20, MaxUnzippedBytes: 64 << 20, MaxEntries: 10_000, MaxRows: 10_000, MaxColumns: 1_000, MaxCells: 100_000}
}

// Option configures ReadFile, ReadCSV and ReadXLSX.
type Option func(*config)

type config struct {
	sheet  string
	name   string
	limits Limits
}

// WithSheet reads the workbook's sheet of that name. Without it, ReadXLSX reads
// the first sheet, in the workbook's order, that has a header row. CSV files
// have one sheet and ignore it.
func WithSheet(name string) Option { return func(c *config) { c.sheet = name } }

// WithSourceName names the input in errors (ReadFile uses the path).
func WithSourceName(name string) Option { return func(c *config) { c.name = name } }

// WithLimits replaces the default limits. Zero fields keep their default.
func WithLimits(l Limits) Option {
	return func(c *config) {
		d := DefaultLimits()
		if l.MaxBytes > 0 {
			d.MaxBytes = l.MaxBytes
		}
		if l.MaxUnzippedBytes > 0 {
			d.MaxUnzippedBytes = l.MaxUnzippedBytes
		}
		if l.MaxEntries > 0 {
			d.MaxEntries = l.MaxEntries
		}
		if l.MaxRows > 0 {
			d.MaxRows = l.MaxRows
		}
		if l.MaxColumns > 0 {
			d.MaxColumns = l.MaxColumns
		}
		if l.MaxCells > 0 {
			d.MaxCells = l.MaxCells
		}
		c.limits = d
	}
}

func newConfig(opts []Option) *config {
	c := &config{limits: DefaultLimits(), name: "<input>"}
	for _, o := range opts {
		o(c)
	}
	return c
}

// ReadFile reads the RACI matrix of a CSV file (extension .csv) or an XLSX
// workbook (.xlsx, .xlsm); see ReadCSV and ReadXLSX. The file is only read.
func ReadFile(path string, opts ...Option) (*Matrix, error) {
	opts = append([]Option{WithSourceName(path)}, opts...)
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".csv" && ext != ".xlsx" && ext != ".xlsm" {
		return nil, &Error{Source: path, Problems: []Problem{{Message: fmt.Sprintf("cannot tell the spreadsheet's format from the extension %q: expected .csv or .xlsx", ext)}}}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Source: path, Problems: []Problem{{Message: fmt.Sprintf("cannot read the file: %v", err)}}, Err: err}
	}
	defer f.Close()
	if ext == ".csv" {
		return ReadCSV(f, opts...)
	}
	return ReadXLSX(f, opts...)
}

// ReadCSV reads a RACI matrix from CSV text (UTF-8, with or without a byte
// order mark). The delimiter is the one of ",", ";" and tab that gives the
// header row the most cells; a first line "sep=;" (as some spreadsheet programs
// write) names it explicitly. Problems are located in A1 notation, counting
// records as rows, as a spreadsheet program shows the file.
func ReadCSV(r io.Reader, opts ...Option) (*Matrix, error) {
	cfg := newConfig(opts)
	data, err := readAllLimited(r, cfg)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return nil, &Error{Source: cfg.name, Problems: []Problem{{Message: "the file is not UTF-8 text: save the CSV file as UTF-8"}}}
	}
	delims := []rune{',', ';', '\t'}
	if line, rest, ok := bytes.Cut(data, []byte("\n")); ok || len(line) > 0 {
		l := strings.TrimSuffix(string(line), "\r")
		if strings.HasPrefix(strings.ToLower(l), "sep=") && utf8.RuneCountInString(l) == 5 {
			d, _ := utf8.DecodeLastRuneInString(l)
			delims, data = []rune{d}, rest
		}
	}
	var best *grid
	bestCells := -2 // below headerCells' -1 for no header, so that a grid is always chosen
	var firstErr error
	for _, d := range delims {
		g, err := csvGrid(data, d, cfg.limits)
		var le *LimitError
		if errors.As(err, &le) {
			// The limits bound the file, whatever splits its cells.
			return nil, csvError(cfg.name, err)
		}
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if n := g.headerCells(); n > bestCells {
			best, bestCells = g, n
		}
	}
	if best == nil {
		return nil, csvError(cfg.name, firstErr)
	}
	return parseGrid(cfg.name, best)
}

func csvError(name string, err error) error {
	var le *LimitError
	if errors.As(err, &le) {
		return &Error{Source: name, Problems: []Problem{{Message: le.Error()}}, Err: le}
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{Source: name, Problems: []Problem{{Message: fmt.Sprintf("line %d, column %d: %v: expected CSV text, with quotes doubled inside quoted cells", pe.Line, pe.Column, pe.Err)}}, Err: err}
	}
	return &Error{Source: name, Problems: []Problem{{Message: err.Error()}}, Err: err}
}

func csvGrid(data []byte, delim rune, lim Limits) (*grid, error) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	g := &grid{}
	cells := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		row := len(g.rows) + 1
		if row > lim.MaxRows && !allBlank(rec) {
			return nil, &LimitError{Limit: "rows", Max: int64(lim.MaxRows), Found: int64(row)}
		}
		for i, v := range rec {
			if strings.TrimSpace(v) == "" {
				continue
			}
			if i+1 > lim.MaxColumns {
				return nil, &LimitError{Limit: "columns", Max: int64(lim.MaxColumns), Found: int64(i + 1)}
			}
			cells++
			if cells > lim.MaxCells {
				return nil, &LimitError{Limit: "cells", Max: int64(lim.MaxCells), Found: int64(cells)}
			}
		}
		g.rows = append(g.rows, rec)
	}
	return g, nil
}

func readAllLimited(r io.Reader, cfg *config) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, cfg.limits.MaxBytes+1))
	if err != nil {
		return nil, &Error{Source: cfg.name, Problems: []Problem{{Message: fmt.Sprintf("cannot read the input: %v", err)}}, Err: err}
	}
	if int64(len(data)) > cfg.limits.MaxBytes {
		le := &LimitError{Limit: "bytes", Max: cfg.limits.MaxBytes, Found: int64(len(data))}
		return nil, &Error{Source: cfg.name, Problems: []Problem{{Message: le.Error()}}, Err: le}
	}
	return data, nil
}

// ReadXLSX reads a RACI matrix from an XLSX workbook: the sheet WithSheet
// names, or else the first sheet with a header row. Before the workbook is
// opened, the zip archive's entries are counted and their sizes checked
// against the limits, so that a zip bomb is refused before anything is
// decompressed (an entry that decompresses to more than it declares fails as
// soon as it does). Cell values are
// read as the workbook displays them; a merged range's value is in its
// top-left cell.
func ReadXLSX(r io.Reader, opts ...Option) (m *Matrix, err error) {
	cfg := newConfig(opts)
	defer func() {
		// A malformed workbook must not bring the program down, whatever the
		// XLSX reader does with it.
		if p := recover(); p != nil {
			m, err = nil, &Error{Source: cfg.name, Problems: []Problem{{Message: fmt.Sprintf("the workbook is malformed: the XLSX reader failed (%v)", p)}}}
		}
	}()
	data, err := readAllLimited(r, cfg)
	if err != nil {
		return nil, err
	}
	fail := func(err error, format string, args ...any) error {
		return &Error{Source: cfg.name, Problems: []Problem{{Message: fmt.Sprintf(format, args...)}}, Err: err}
	}
	if err := checkZip(data, cfg.limits); err != nil {
		var le *LimitError
		if errors.As(err, &le) {
			return nil, fail(le, "%s: refused before opening the workbook", le.Error())
		}
		return nil, fail(err, "not an XLSX workbook (%v): expected a zip archive as Excel, LibreOffice or Google Sheets save it", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    cfg.limits.MaxUnzippedBytes,
		UnzipXMLSizeLimit: cfg.limits.MaxUnzippedBytes,
	})
	if err != nil {
		return nil, fail(err, "cannot open the workbook: %v", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if cfg.sheet != "" {
		found := false
		for _, s := range sheets {
			found = found || s == cfg.sheet
		}
		if !found {
			return nil, fail(nil, "the workbook has no sheet %q: expected one of %s", cfg.sheet, quoteList(sheets))
		}
		sheets = []string{cfg.sheet}
	}
	for _, name := range sheets {
		g, err := xlsxGrid(f, name, cfg.limits)
		if err != nil {
			var le *LimitError
			if errors.As(err, &le) {
				return nil, &Error{Source: cfg.name, Problems: []Problem{{Cell: Cell{Sheet: name}, Message: le.Error()}}, Err: le}
			}
			return nil, fail(err, "cannot read sheet %q: %v", name, err)
		}
		if cfg.sheet != "" || g.headerRow() >= 0 {
			return parseGrid(cfg.name, g)
		}
	}
	return nil, fail(nil, "no sheet has a header row: expected a row with an %q cell above the activities (sheets: %s)", "Activity", quoteList(f.GetSheetList()))
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// checkZip refuses an archive with too many entries, or whose entries declare
// more than the limit together, before excelize reads it, and then an entry
// that is corrupt. An entry cannot decompress to more than it declares:
// archive/zip fails it with zip.ErrFormat as soon as it exceeds.
func checkZip(data []byte, lim Limits) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	if len(zr.File) > lim.MaxEntries {
		return &LimitError{Limit: "entries", Max: int64(lim.MaxEntries), Found: int64(len(zr.File))}
	}
	var declared uint64
	for _, zf := range zr.File {
		declared += zf.UncompressedSize64
		if declared > uint64(lim.MaxUnzippedBytes) {
			return &LimitError{Limit: "unzipped bytes", Max: lim.MaxUnzippedBytes, Found: int64(min(declared, 1<<62))}
		}
	}
	// Within the declared total, decompress every entry once: excelize
	// ignores the error of an entry that is corrupt or longer than it
	// declares, and would read a truncated part.
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err == nil {
			_, err = io.Copy(io.Discard, rc)
			rc.Close()
		}
		if err != nil {
			return fmt.Errorf("entry %s: %w", zf.Name, err)
		}
	}
	return nil
}

// xlsxGrid reads a sheet's cells row by row, refusing it as soon as it
// exceeds a limit.
func xlsxGrid(f *excelize.File, sheet string, lim Limits) (*grid, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	g := &grid{sheet: sheet}
	cells, n, blank := 0, 0, 0
	for rows.Next() {
		n++
		cols, err := rows.Columns()
		if err != nil {
			return nil, err
		}
		if allBlank(cols) {
			// Blank rows count only when a row with content follows, so
			// that formatted but empty rows at the end cost nothing.
			blank++
			continue
		}
		if n > lim.MaxRows {
			return nil, &LimitError{Limit: "rows", Max: int64(lim.MaxRows), Found: int64(n)}
		}
		for i, v := range cols {
			if strings.TrimSpace(v) == "" {
				continue
			}
			if i+1 > lim.MaxColumns {
				return nil, &LimitError{Limit: "columns", Max: int64(lim.MaxColumns), Found: int64(i + 1)}
			}
			cells++
			if cells > lim.MaxCells {
				return nil, &LimitError{Limit: "cells", Max: int64(lim.MaxCells), Found: int64(cells)}
			}
		}
		g.rows = append(g.rows, make([][]string, blank)...)
		g.rows = append(g.rows, cols)
		blank = 0
	}
	if err := rows.Error(); err != nil {
		return nil, err
	}
	return g, nil
}

func allBlank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
