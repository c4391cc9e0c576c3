package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/rolecall/rolecall/internal/atomicfile"
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

// checkOutput refuses an -o path that is a format's name, an existing
// directory or special file, or one of the files the command reads (so that a
// report never replaces its register, configuration or rules).
func checkOutput(path string, inputs []string) error {
	if path == "" {
		return nil
	}
	if slices.Contains(reservedOutputNames(), strings.ToLower(path)) {
		return usagef("-o %s names a file, not a format: use --format %s, or -o ./%s to write a file of that name", path, strings.ToLower(path), path)
	}
	if st, err := os.Lstat(path); err == nil {
		switch {
		case st.IsDir():
			return usagef("-o %s is a directory; name the file to write", path)
		case st.Mode()&fs.ModeSymlink != 0:
			return usagef("-o %s is a symbolic link; rolecall does not replace links (name the file it points to)", path)
		case !st.Mode().IsRegular():
			return usagef("-o %s is not a regular file; rolecall writes only regular files", path)
		}
	}
	for _, in := range inputs {
		if in != "" && in != stdinName && sameFile(path, in) {
			return usagef("refusing to overwrite the input %s with the output", in)
		}
	}
	return nil
}

// sameFile reports whether two paths name the same file: the same existing
// file, or the same absolute path.
func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	aa, _ := filepath.Abs(a)
	bb, _ := filepath.Abs(b)
	return aa == bb
}

// ruleFiles lists the .rego files under the given directories, so that -o can
// refuse to replace one of them.
func ruleFiles(dirs []string) []string {
	var out []string
	for _, d := range dirs {
		_ = filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() && strings.HasSuffix(p, ".rego") {
				out = append(out, p)
			}
			return nil
		})
	}
	return out
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

// lstat is os.Lstat, named for what init asks: does the path exist.
func lstat(path string) (fs.FileInfo, error) { return os.Lstat(path) }
