package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/rolecall/rolecall/internal/atomicfile"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/output"
)

// reservedOutputNames are words that -o would otherwise take as a file name
// although the user almost certainly meant a format (kubectl and conftest use
// -o for the format). rolecall's -o is always a file; these names are refused
// so that "-o json" does not silently write a file called json.
func reservedOutputNames() []string {
	names := append(output.Names(), "yaml", "yml", "xlsx", "csv", "markdown", "md", "html", "sarif", "junit", "github", "oscal", "table", "wide")
	slices.Sort(names)
	return slices.Compact(names)
}

// checkOutput refuses an -o path that is a format's name, then whatever
// engine.CheckOutput refuses: one of the files or rule directories the command
// reads (so that a report never replaces its register, configuration or rules),
// a link, a directory or another file that is not regular.
func checkOutput(path string, inputs []string) error {
	if path == "" {
		return nil
	}
	if slices.Contains(reservedOutputNames(), strings.ToLower(path)) {
		return usagef("-o %s names a file, not a format: use --format %s, or -o ./%s to write a file of that name", path, strings.ToLower(path), path)
	}
	if err := engine.CheckOutput(path, inputs...); err != nil {
		return usagef("-o %s: %s", path, strings.TrimPrefix(err.Error(), engine.ErrOutput.Error()+": "))
	}
	return nil
}

// writeOutput writes with write to the file path (atomically, keeping an
// existing file's mode) or, when path is empty, to w.
func writeOutput(path string, w io.Writer, write func(io.Writer) error) error {
	if path == "" {
		return write(w)
	}
	if err := atomicfile.Write(path, write); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
