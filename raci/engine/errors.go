package engine

import (
	"errors"
	"fmt"
	"strings"

	"github.com/rolecall/rolecall/internal/ruleset"
)

// ErrInvalidConfig is wrapped by errors about a rolecall.yaml configuration or an
// engine option (unknown parameter, wrong type, bad severity, unknown rule id).
var ErrInvalidConfig = errors.New("invalid configuration")

// ErrRules is wrapped by errors about Rego rules: organisation rules that lack
// METADATA, clash with another rule's id, use a forbidden builtin or do not
// compile. errors.As reaches a *RulesError listing each problem with its place.
var ErrRules = errors.New("invalid rules")

// ErrEvaluation is wrapped by errors that happen while evaluating the rules, such as
// an exceeded deadline.
var ErrEvaluation = errors.New("evaluation failed")

// ErrSigningKey is wrapped by the error of a bundle write whose signing key,
// algorithm or key id cannot sign a bundle an OPA would verify.
var ErrSigningKey = errors.New("invalid bundle signing key")

// RuleProblem is one thing wrong with a Rego file of the rules: where, and what.
type RuleProblem struct {
	// File names the Rego file as the user gave it (a path under a rules
	// directory), or is empty when the problem has no file.
	File string `json:"file,omitempty"`
	// Line and Column locate the problem in File (zero when not known).
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
	// Message says what is wrong and what was expected.
	Message string `json:"message"`
}

// String renders the problem as "file:line: message", the form of
// RulesError.Error; Located adds the column.
func (p RuleProblem) String() string {
	return ruleset.Problem{File: p.File, Line: p.Line, Column: p.Column, Message: p.Message}.String()
}

// RulesError lists every problem found in the Rego rules (bundled or the
// organisation's) or their tests, sorted by file and line. errors.Is(err,
// ErrRules) holds for it.
type RulesError struct {
	Problems []RuleProblem
}

// Error is "invalid rules: " and every problem, separated by "; ".
func (e *RulesError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.String()
	}
	return ErrRules.Error() + ": " + strings.Join(parts, "; ")
}

// Unwrap returns ErrRules.
func (e *RulesError) Unwrap() error { return ErrRules }

// rulesError turns the problems of package ruleset (or any error about rules)
// into a *RulesError.
func rulesError(err error) *RulesError {
	ps := ruleset.ProblemsOf(err)
	ps.Sort()
	out := &RulesError{Problems: make([]RuleProblem, len(ps))}
	for i, p := range ps {
		out.Problems[i] = RuleProblem{File: p.File, Line: p.Line, Column: p.Column, Message: p.Message}
	}
	return out
}

// Located renders the problem as "file:line:col: message", the form editors
// and terminals jump to; the column, or the line and column, are left out
// when unknown.
func (p RuleProblem) Located() string {
	return locatedString(p.File, p.Line, p.Column, p.Message)
}

// ConfigProblem is one mistake in the configuration: in a rolecall.yaml (File
// names it) or in an option given in code (File is empty).
type ConfigProblem struct {
	// File names the configuration file as it was given to LoadConfig or
	// ParseConfig, or is empty for an option such as WithDisabled.
	File string `json:"file,omitempty"`
	// Pointer is the JSON pointer of the value concerned in File, such as
	// /disable/2 or /params/review_interval_days.
	Pointer string `json:"pointer,omitempty"`
	// Line and Column locate the value in File (zero when not known).
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
	// Message says what was found and what was expected, with the nearest
	// known name when a rule id or parameter name looks mistyped.
	Message string `json:"message"`
}

// String renders the problem as "file:line:col: message" (or the message
// alone for an option given in code).
func (p ConfigProblem) String() string {
	return locatedString(p.File, p.Line, p.Column, p.Message)
}

// ConfigError lists every problem of the configuration that New found, in one
// pass: the mistakes ParseConfig found in the files (unknown keys, values of
// the wrong kind, a timeout that is not a duration), rule ids that name no rule
// (disable, severity, WithOnly) and parameters that are unknown or of the
// wrong type. Problems are in the order of the files and of their lines.
// errors.Is(err, ErrInvalidConfig) holds for it.
type ConfigError struct {
	Problems []ConfigProblem
}

// Error is "invalid configuration: " and every problem, separated by "; ".
func (e *ConfigError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.String()
	}
	return ErrInvalidConfig.Error() + ": " + strings.Join(parts, "; ")
}

// Unwrap returns ErrInvalidConfig.
func (e *ConfigError) Unwrap() error { return ErrInvalidConfig }

// locatedString renders "file:line:col: message", leaving out what is unknown.
func locatedString(file string, line, col int, msg string) string {
	switch {
	case file != "" && line > 0 && col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", file, line, col, msg)
	case file != "" && line > 0:
		return fmt.Sprintf("%s:%d: %s", file, line, msg)
	case file != "":
		return file + ": " + msg
	}
	return msg
}
