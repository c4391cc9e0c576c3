package sheet

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// withEntry returns a copy of the zip archive data with the entry name
// replaced by content (added when absent).
func withEntry(t *testing.T, data []byte, name string, content []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for _, f := range zr.File {
		if f.Name == name {
			continue
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
	}
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(content); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// smallWorkbook is a valid workbook with a RACI matrix on Sheet1.
func smallWorkbook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, row := range [][]string{{"Activity", "CEO"}, {"Joiners", "A"}} {
		if err := f.SetSheetRow("Sheet1", cellName(1, i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// declaredBomb is a workbook with an entry that declares 4 GiB: the shape of
// a zip bomb, refused from the archive's directory before anything is
// decompressed.
func declaredBomb(t *testing.T) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
	if _, err := fw.Write(make([]byte, 1<<20)); err != nil {
		t.Fatal(err)
	}
	fw.Close()
	base := smallWorkbook(t)
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/media/bomb.bin", Method: zip.Deflate,
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: 4 << 30, CRC32: crc32.ChecksumIEEE(nil)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(comp.Bytes()); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// millionCells is a workbook whose sheet holds 1000 × 1000 cells.
func millionCells(t *testing.T) []byte {
	t.Helper()
	var x strings.Builder
	x.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	cols := make([]string, 1000)
	for c := range cols {
		cols[c] = `<c r="` + ColumnName(c+1)
	}
	for r := 1; r <= 1000; r++ {
		n := strconv.Itoa(r)
		x.WriteString(`<row r="` + n + `">`)
		for _, c := range cols {
			x.WriteString(c + n + `"><v>1</v></c>`)
		}
		x.WriteString(`</row>`)
	}
	x.WriteString(`</sheetData></worksheet>`)
	return withEntry(t, smallWorkbook(t), "xl/worksheets/sheet1.xml", []byte(x.String()))
}

// TestLimits holds that hostile spreadsheets are refused by the limits, with
// an error naming the limit, as soon as the limit is crossed.
func TestLimits(t *testing.T) {
	t.Parallel()
	var wideCSV strings.Builder
	wideCSV.WriteString("Activity," + strings.Repeat("R,", 1199) + "R\n")
	var millionCSV strings.Builder
	row := strings.Repeat("R,", 999) + "R\n"
	for range 1000 {
		millionCSV.WriteString(row)
	}
	tcs := []struct {
		name  string
		read  func() (*Matrix, error)
		limit string
		want  string
	}{
		{
			name: "zip bomb",
			read: func() (*Matrix, error) {
				return ReadXLSX(bytes.NewReader(declaredBomb(t)), WithSourceName("bomb.xlsx"))
			},
			limit: "unzipped bytes",
			want:  "bomb.xlsx: the spreadsheet has more unzipped bytes than the limit of 67108864 (found at least 4294",
		},
		{
			name: "a real 16 MiB of zeros under a 1 MiB limit",
			read: func() (*Matrix, error) {
				return ReadXLSX(bytes.NewReader(withEntry(t, smallWorkbook(t), "xl/media/zeros.bin", make([]byte, 16<<20))),
					WithSourceName("zeros.xlsx"), WithLimits(Limits{MaxUnzippedBytes: 1 << 20}))
			},
			limit: "unzipped bytes",
			want:  "zeros.xlsx: the spreadsheet has more unzipped bytes than the limit of 1048576",
		},
		{
			name: "a sheet of a million cells",
			read: func() (*Matrix, error) {
				return ReadXLSX(bytes.NewReader(millionCells(t)), WithSourceName("million.xlsx"))
			},
			limit: "cells",
			want:  "million.xlsx: Sheet1: the spreadsheet has more cells than the limit of 100000 (found at least 100001)",
		},
		{
			name: "a CSV file of a million cells",
			read: func() (*Matrix, error) {
				return ReadCSV(strings.NewReader(millionCSV.String()), WithSourceName("million.csv"))
			},
			limit: "cells",
			want:  "million.csv: the spreadsheet has more cells than the limit of 100000 (found at least 100001)",
		},
		{
			name: "too many columns",
			read: func() (*Matrix, error) {
				return ReadCSV(strings.NewReader(wideCSV.String()), WithSourceName("wide.csv"))
			},
			limit: "columns",
			want:  "wide.csv: the spreadsheet has more columns than the limit of 1000 (found at least 1001)",
		},
		{
			name: "too many rows",
			read: func() (*Matrix, error) {
				return ReadCSV(strings.NewReader(strings.Repeat("x\n", 11)), WithSourceName("long.csv"), WithLimits(Limits{MaxRows: 10}))
			},
			limit: "rows",
			want:  "long.csv: the spreadsheet has more rows than the limit of 10 (found at least 11)",
		},
		{
			name: "too many bytes",
			read: func() (*Matrix, error) {
				return ReadCSV(strings.NewReader(strings.Repeat("x", 101)), WithSourceName("big.csv"), WithLimits(Limits{MaxBytes: 100}))
			},
			limit: "bytes",
			want:  "big.csv: the spreadsheet has more bytes than the limit of 100 (found at least 101)",
		},
		{
			name: "too many zip entries",
			read: func() (*Matrix, error) {
				return ReadXLSX(bytes.NewReader(smallWorkbook(t)), WithSourceName("entries.xlsx"), WithLimits(Limits{MaxEntries: 3}))
			},
			limit: "entries",
			want:  "entries.xlsx: the spreadsheet has more entries than the limit of 3",
		},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := tc.read()
			if err == nil {
				t.Fatal("the spreadsheet was accepted, want a limit error")
			}
			var le *LimitError
			if !errors.As(err, &le) || !errors.Is(err, ErrLimit) || !errors.Is(err, ErrInvalidSheet) {
				t.Fatalf("error %v is not a *LimitError wrapping ErrLimit in an *Error", err)
			}
			if le.Limit != tc.limit {
				t.Errorf("limit = %q, want %q", le.Limit, tc.limit)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error = %q, want it to start with %q", err, tc.want)
			}
			// What is counted one by one is counted up to the first over
			// the limit, and no further; sizes and entries are read from the
			// zip directory, before anything is decompressed.
			if counted := le.Limit != "unzipped bytes" && le.Limit != "entries"; counted && le.Found != le.Max+1 {
				t.Errorf("the reader counted %d %s, want it to stop at %d", le.Found, le.Limit, le.Max+1)
			}
		})
	}
}

// TestLiarZipEntry holds that an entry that decompresses to more than it
// declares is refused, not read to its end.
func TestLiarZipEntry(t *testing.T) {
	t.Parallel()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
	if _, err := fw.Write(make([]byte, 8<<20)); err != nil {
		t.Fatal(err)
	}
	fw.Close()
	base := smallWorkbook(t)
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, CompressedSize64: uint64(comp.Len()), UncompressedSize64: 1024})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.Write(comp.Bytes()); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = ReadXLSX(&out, WithSourceName("liar.xlsx"))
	if err == nil || !errors.Is(err, zip.ErrFormat) {
		t.Fatalf("ReadXLSX = %v, want an error wrapping zip.ErrFormat", err)
	}
	if want := "liar.xlsx: not an XLSX workbook (entry xl/worksheets/sheet1.xml: zip: not a valid zip file): expected a zip archive as Excel, LibreOffice or Google Sheets save it"; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}
