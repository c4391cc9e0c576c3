package engine

import (
	"errors"
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

// String renders the problem as "file:line: message".
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
