package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/diff"
	"github.com/rolecall/rolecall/raci/sheet"
)

func newMatrixCmd(std streams) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "matrix FILE [flags]",
		Short: "Write the RACI matrix as XLSX, CSV or Markdown",
		Long: `Writes the register's activities × roles RACI matrix, with each activity's
process and frequency. XLSX adds sheets for people × roles, asset owners and risk
owners, with a frozen header row, fitted columns, cells coloured by letter and a
legend. docs/spreadsheets.md describes the layout; rolecall import reads it back.

XLSX is binary: give -o, or redirect standard output to a file.`,
		Example: `  rolecall matrix examples/registers/acme.yaml
  rolecall matrix register.yaml --format xlsx -o raci.xlsx`,
		Args: cobra.ExactArgs(1),
	}
	cmd.Flags().StringVar(&format, "format", "markdown", "the matrix's format: "+formatList())
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the matrix to this file instead of standard output")
	lim := limitFlags(cmd.Flags())
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		f := sheet.Format(format)
		if !slices.Contains(sheet.Formats(), f) {
			return usagef("--format %q is not one of %s", format, formatList())
		}
		if f == sheet.FormatXLSX && out == "" && std.outTTY {
			return usagef("--format xlsx writes a binary workbook: give -o FILE.xlsx or redirect standard output")
		}
		if err := checkOutput(out, args); err != nil {
			return err
		}
		sources, err := expandSources(args)
		if err != nil {
			return err
		}
		if len(sources) != 1 {
			return usagef("%s holds %d registers; name one file", args[0], len(sources))
		}
		reg, err := loadSource(sources[0], std.in, *lim)
		if err != nil {
			printLoadError(std.err, err)
			return exitError{exitUsage}
		}
		return writeOutput(out, std.out, func(w io.Writer) error { return sheet.Write(w, reg, f) })
	}
	return cmd
}

func formatList() string {
	var names []string
	for _, f := range sheet.Formats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

func newImportCmd(std streams) *cobra.Command {
	var sheetName, out, into string
	cmd := &cobra.Command{
		Use:   "import FILE.csv|FILE.xlsx [flags]",
		Short: "Read a RACI matrix from a spreadsheet into a register",
		Long: `Reads an activities × roles RACI grid (a header row of role names or ids, one
activity per row, cells R, A, C, I or combinations such as A/R or R,A) from CSV
or XLSX. Title and legend rows, merged banners, phase rows, a byte order mark and
';' as the CSV delimiter are understood; every problem is reported at once with
its cell, and nothing is guessed.

Without --into it writes a new register that validates, with comments marking
what a spreadsheet cannot say (people, owners, approval). With --into REGISTER
it updates the RACI of an existing YAML register, keeping every other byte, and
prints the change in responsibilities; the register is rewritten in place unless
-o names another file. docs/spreadsheets.md describes the rules.

Exit 0 when imported, 2 when the sheet has problems.`,
		Example: `  rolecall import examples/spreadsheets/raci.xlsx -o register.yaml
  rolecall import raci.csv --into register.yaml`,
		Args: cobra.ExactArgs(1),
	}
	cmd.Flags().StringVar(&sheetName, "sheet", "", "the worksheet to read (default: the one named RACI, else the first)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the register to this file (default: standard output, or the --into register)")
	cmd.Flags().StringVar(&into, "into", "", "update the RACI of this existing YAML register instead of writing a new one")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		dest := out
		if into != "" && dest == "" {
			dest = into
		}
		// --into may be its own output; the spreadsheet may not.
		if err := checkOutput(dest, args); err != nil {
			return err
		}
		var opts []sheet.Option
		if sheetName != "" {
			opts = append(opts, sheet.WithSheet(sheetName))
		}
		m, err := sheet.ReadFile(args[0], opts...)
		if err != nil {
			return printSheetError(std.err, err)
		}
		if into == "" {
			doc, err := sheet.NewRegister(m)
			if err != nil {
				return err
			}
			return writeOutput(dest, std.out, func(w io.Writer) error { _, err := w.Write(doc); return err })
		}
		orig, err := os.ReadFile(into)
		if err != nil {
			return err
		}
		updated, err := sheet.Update(orig, m)
		if err != nil {
			return printSheetError(std.err, err)
		}
		before, err := raci.LoadBytes(orig, raci.WithSourceName(into))
		if err != nil {
			printLoadError(std.err, err)
			return exitError{exitUsage}
		}
		after, err := raci.LoadBytes(updated, raci.WithSourceName(into))
		if err != nil {
			printLoadError(std.err, err)
			return exitError{exitUsage}
		}
		if bytes.Equal(orig, updated) && dest == into {
			fmt.Fprintf(std.err, "%s: the RACI already matches %s; nothing written\n", into, args[0])
		} else {
			if err := writeOutput(dest, nil, func(w io.Writer) error { _, err := w.Write(updated); return err }); err != nil {
				return err
			}
			fmt.Fprintf(std.err, "%s: RACI updated from %s\n", dest, args[0])
		}
		return diff.Compare(before, after).WriteText(std.out)
	}
	return cmd
}

// printSheetError prints a spreadsheet's problems one per line, CELL: message,
// and ends the command with exit code 2.
func printSheetError(w io.Writer, err error) error {
	var se *sheet.Error
	if !errors.As(err, &se) || len(se.Problems) == 0 {
		return err
	}
	for _, p := range se.Problems {
		fmt.Fprintf(w, "%s: %s\n", se.Source, p)
	}
	return exitError{exitUsage}
}
