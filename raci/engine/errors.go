package engine

import "errors"

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
