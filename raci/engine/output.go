package engine

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/rolecall/rolecall/internal/ruleset"
)

// ErrOutput is wrapped by CheckOutput's errors: an output path that would
// replace something rolecall must not replace.
var ErrOutput = errors.New("refused output file")

// CheckOutput says whether a command may write its output (a report, a
// bundle) to out, given the paths of everything it read: register files, the
// configuration (read implicitly or named), and rule directories or files. It
// refuses, with an error wrapping ErrOutput:
//
//   - out naming a file that was read, in any spelling (a link to it, ../x, a
//     hard link): the output would replace its own input;
//   - out naming a .rego file inside a rule directory that was read: the next
//     run would load the output as a rule;
//   - out that is a symbolic link: replacing the link would not write where it
//     points, and following it could write anywhere;
//   - out that exists and is not a regular file (a FIFO, a device such as
//     /dev/stdout, a directory): an atomic rename would replace it with a
//     regular file.
//
// A path that does not exist yet is accepted when its directory exists.
func CheckOutput(out string, inputs ...string) error {
	if out == "" {
		return fmt.Errorf("%w: no output path", ErrOutput)
	}
	if st, err := os.Lstat(out); err == nil {
		switch {
		case st.Mode()&fs.ModeSymlink != 0:
			return fmt.Errorf("%w: %s is a symbolic link: write to the file it leads to, or to a new path", ErrOutput, out)
		case !st.Mode().IsRegular():
			return fmt.Errorf("%w: %s is not a regular file: rolecall writes its output to a new or regular file only", ErrOutput, out)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w: %s: %v", ErrOutput, out, err)
	}
	outAbs := resolvedPath(out)
	outSt, outErr := os.Stat(out)
	for _, in := range inputs {
		if in == "" || in == "-" {
			continue
		}
		inSt, err := os.Stat(in)
		if err != nil {
			if resolvedPath(in) == outAbs {
				return fmt.Errorf("%w: %s is an input of this command (%s)", ErrOutput, out, in)
			}
			continue
		}
		if inSt.IsDir() {
			if strings.HasSuffix(out, ".rego") && within(resolvedPath(in), outAbs) {
				return fmt.Errorf("%w: %s would be a Rego file in the rules directory %s, loaded as a rule by the next run", ErrOutput, out, in)
			}
			continue
		}
		if (outErr == nil && os.SameFile(inSt, outSt)) || resolvedPath(in) == outAbs {
			return fmt.Errorf("%w: %s is an input of this command (%s): choose another output path", ErrOutput, out, in)
		}
	}
	return nil
}

// resolvedPath is p made absolute, with the links of its directory resolved
// (the file itself may not exist yet).
func resolvedPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	dir, base := filepath.Split(abs)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	full := filepath.Join(dir, base)
	if real, err := filepath.EvalSymlinks(full); err == nil {
		return real
	}
	return full
}

// within reports whether p lies in dir.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// InputFiles returns the paths on disk of the files the engine read to build
// itself: the configuration files given to WithConfig and the Rego files (rules
// and tests) of its rule directories, for CheckOutput. Rules given as an fs.FS
// (WithRules) have no path and are not listed.
func (e *Engine) InputFiles() []string {
	out := slices.Clone(e.configFiles)
	for _, fsys := range e.customFS {
		d, ok := fsys.(ruleDir)
		if !ok {
			continue
		}
		out = append(out, d.dir)
		_ = fs.WalkDir(d, ".", func(p string, de fs.DirEntry, err error) error {
			if err == nil && !de.IsDir() && (ruleset.IsRuleFile(p) || ruleset.IsTestFile(p)) {
				out = append(out, filepath.Join(d.dir, filepath.FromSlash(p)))
			}
			return nil
		})
	}
	return out
}

// File returns the path of the configuration file, as given to LoadConfig or
// ParseConfig.
func (c *Config) File() string { return c.name }
