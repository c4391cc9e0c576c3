// Package sheet moves a register's RACI matrix in and out of spreadsheets.
//
// Out: WriteCSV, WriteMarkdown and WriteXLSX (or Write with a Format) render
// the activities × roles grid of a register, with each activity's process and
// frequency; the XLSX workbook adds sheets for people × roles, asset owners
// and risk owners, a legend, a frozen header row and cells coloured by letter.
//
// In: ReadFile, ReadCSV and ReadXLSX read an activities × roles grid, as
// people keep it in a spreadsheet (title and legend rows above the header,
// merged banners, phase rows, a UTF-8 byte order mark, ";" as the CSV
// delimiter), into a Matrix. Every problem comes back at once in one *Error,
// each with its cell in A1 notation (Sheet1!D7 in a workbook, D7 in a CSV
// file). NewRegister turns a Matrix into a new register that loads, with
// "# TODO" comments for what a register needs and a sheet lacks; Update writes
// a Matrix's RACI into an existing YAML register and keeps every byte it does
// not change.
//
// Workbooks are untrusted input: ReadXLSX checks the sizes of the zip archive's
// entries (declared and actual) before excelize sees them, and refuses sheets
// with more rows, columns or cells than its Limits allow.
//
// Package sheet must never import the engine (raci/engine) or OPA: converting a
// spreadsheet does not evaluate rules, and a program that only converts stays
// small (TestSheetPackageLinksNoOPA holds this).
package sheet
