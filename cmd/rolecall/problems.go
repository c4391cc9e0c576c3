package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// printProblems prints an error about the configuration or the Rego rules as
// one FILE:LINE:COL: message line per problem, the form editors and
// terminals jump to, then a count; it reports whether err was such an error.
// A problem without a file (an option given on the command line, such as
// --only) is printed after name, the command's path.
func printProblems(w io.Writer, name string, err error) bool {
	type line struct {
		text   string
		inFile bool
	}
	var lines []line
	var what string
	var ce *engine.ConfigError
	var re *engine.RulesError
	var le *raci.LoadError
	switch {
	case errors.As(err, &ce) && len(ce.Problems) > 0:
		what = "invalid configuration"
		for _, p := range ce.Problems {
			lines = append(lines, line{p.String(), p.File != ""})
		}
	case errors.As(err, &re) && len(re.Problems) > 0:
		what = "invalid rules"
		for _, p := range re.Problems {
			lines = append(lines, line{p.Located(), p.File != ""})
		}
	case errors.Is(err, engine.ErrInvalidConfig) && errors.As(err, &le) && len(le.Problems) > 0:
		what = "invalid configuration"
		for _, p := range le.Problems {
			lines = append(lines, line{location(le.Source, p.Pos) + ": " + p.Message, true})
		}
	default:
		return false
	}
	for _, l := range lines {
		if !l.inFile {
			l.text = name + ": " + l.text
		}
		fmt.Fprintln(w, l.text)
	}
	fmt.Fprintf(w, "%s: %s: %d %s\n", name, what, len(lines), plural(len(lines), "problem", "problems"))
	return true
}
