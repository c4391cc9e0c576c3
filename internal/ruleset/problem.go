package ruleset

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Problem is one thing wrong with a Rego file: where, and what.
type Problem struct {
	File         string
	Line, Column int
	Message      string
}

// String renders the problem as "file:line: message".
func (p Problem) String() string {
	switch {
	case p.File != "" && p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	case p.File != "":
		return p.File + ": " + p.Message
	}
	return p.Message
}

// asError returns the problem as an error (Problems of one).
func (p Problem) asError() error { return Problems{p} }

// Problems is an error listing problems, sorted by file, line and column.
type Problems []Problem

func (ps Problems) Error() string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.String()
	}
	return strings.Join(parts, "; ")
}

// Sort orders the problems by file, line, column and message.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Message < b.Message
	})
}

// At returns a problem located at loc (which may be nil) in file.
func At(file string, loc *ast.Location, format string, args ...any) Problem {
	p := Problem{File: file, Message: fmt.Sprintf(format, args...)}
	if loc != nil {
		p.Line, p.Column = loc.Row, loc.Col
	}
	return p
}

// ProblemsOf returns the problems of an OPA parse or compile error, each at its
// location; any other error is one problem without a place.
func ProblemsOf(err error) Problems {
	var errs ast.Errors
	if errors.As(err, &errs) {
		out := make(Problems, 0, len(errs))
		for _, e := range errs {
			p := Problem{Message: e.Message}
			if e.Location != nil {
				p.File, p.Line, p.Column = e.Location.File, e.Location.Row, e.Location.Col
			}
			out = append(out, p)
		}
		return out
	}
	var ps Problems
	if errors.As(err, &ps) {
		return ps
	}
	return Problems{{Message: err.Error()}}
}
