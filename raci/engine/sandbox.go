package engine

import "github.com/rolecall/rolecall/internal/ruleset"

// ForbiddenBuiltin reports whether rolecall's sandbox refuses the named Rego
// builtin in bundled and organisation rules and their tests: anything that
// reaches the network, files, the environment, the clock or randomness, parses
// keys or certificates, or amplifies work without a way to interrupt it. Rules
// are deterministic by construction: the same register, date and parameters
// give the same findings.
func ForbiddenBuiltin(name string) bool { return ruleset.ForbiddenBuiltin(name) }
