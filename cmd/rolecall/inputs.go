package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/rolecall/rolecall/raci"
)

// stdinName is the argument that means standard input, and stdinSource the
// name findings and problems give it.
const (
	stdinName   = "-"
	stdinSource = "<stdin>"
)

// registerExts are the file extensions a directory argument picks up.
var registerExts = []string{".yaml", ".yml", ".json"}

// source is one register to read: a file, or standard input.
type source struct {
	path  string // the file's path; "-" for standard input
	input bool   // named on the command line (not found in a directory)
}

// name is what messages call the source.
func (s source) name() string {
	if s.path == stdinName {
		return stdinSource
	}
	return s.path
}

// expandSources turns FILE arguments into registers to read: a file is itself,
// a directory is every .yaml, .yml and .json file directly inside it (sorted,
// skipping hidden files and rolecall.yaml, the configuration's conventional
// name), and - is standard input, at most once.
func expandSources(args []string) ([]source, error) {
	var out []source
	stdin := false
	for _, arg := range args {
		if arg == stdinName {
			if stdin {
				return nil, usagef("- (standard input) is named twice")
			}
			stdin = true
			out = append(out, source{path: stdinName, input: true})
			continue
		}
		st, err := os.Stat(arg)
		if err != nil || !st.IsDir() {
			// Loading reports a missing or unreadable file with its name.
			out = append(out, source{path: arg, input: true})
			continue
		}
		entries, err := os.ReadDir(arg)
		if err != nil {
			return nil, err
		}
		found := 0
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || strings.HasPrefix(name, ".") || name == "rolecall.yaml" || !slices.Contains(registerExts, strings.ToLower(filepath.Ext(name))) {
				continue
			}
			out = append(out, source{path: filepath.Join(arg, name)})
			found++
		}
		if found == 0 {
			return nil, fmt.Errorf("%s: the directory holds no .yaml, .yml or .json register", arg)
		}
	}
	return out, nil
}

// limitFlags adds the input-limit flags to fs.
func limitFlags(fs *pflag.FlagSet) *raci.Limits {
	def := raci.DefaultLimits()
	l := &raci.Limits{}
	fs.Int64Var(&l.MaxBytes, "max-bytes", def.MaxBytes, "largest register accepted, in bytes")
	fs.IntVar(&l.MaxEntities, "max-entities", def.MaxEntities, "largest number of entities accepted")
	fs.IntVar(&l.MaxDepth, "max-depth", def.MaxDepth, "deepest nesting accepted")
	return l
}

// loadSource reads one register with the given limits. Standard input is read
// through the same size limit as a file; its format is JSON when its first
// non-blank byte is '{', else YAML.
func loadSource(s source, stdin io.Reader, lim raci.Limits) (*raci.Register, error) {
	if s.path != stdinName {
		return raci.LoadFile(s.path, raci.WithLimits(lim))
	}
	data, err := io.ReadAll(io.LimitReader(stdin, lim.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", stdinSource, err)
	}
	format := raci.FormatYAML
	if t := bytes.TrimLeft(data, " \t\r\n\ufeff"); len(t) > 0 && t[0] == '{' {
		format = raci.FormatJSON
	}
	return raci.LoadBytes(data, raci.WithLimits(lim), raci.WithFormat(format), raci.WithSourceName(stdinSource))
}

// printLoadError prints a loading error, one FILE:LINE:COL: POINTER: message
// line per problem (the form editors and terminals open), or the error as it
// is when it is not a *raci.LoadError.
func printLoadError(w io.Writer, err error) {
	var le *raci.LoadError
	if !errors.As(err, &le) || len(le.Problems) == 0 {
		fmt.Fprintln(w, err)
		return
	}
	for _, p := range le.Problems {
		ptr := p.Pointer
		if ptr == "" {
			ptr = "(document)"
		}
		fmt.Fprintf(w, "%s: %s: %s\n", location(le.Source, p.Pos), ptr, p.Message)
	}
	if len(le.Problems) > 1 {
		fmt.Fprintf(w, "%s: %d problems\n", le.Source, len(le.Problems))
	}
}

// sourceBytes is the size of the registers to read: the files' sizes, and the
// size limit for standard input, whose size is not known before it is read.
func sourceBytes(sources []source, maxBytes int64) int64 {
	var n int64
	for _, s := range sources {
		if s.path == stdinName {
			n += maxBytes
			continue
		}
		if st, err := os.Stat(s.path); err == nil {
			n += st.Size()
		}
	}
	return n
}
