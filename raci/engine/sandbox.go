package engine

import "github.com/rolecall/rolecall/internal/ruleset"

// ForbiddenBuiltin reports whether rolecall's sandbox refuses the named Rego
// builtin in organisation rules and their tests. The sandbox is an allowlist:
// only the builtins that rolecall's audit of this OPA version found pure and
// bounded by their arguments are allowed (docs/builtins.md has the audit), and
// any builtin the audit does not know, such as one a newer OPA adds, is
// refused. Refused are, among others, everything that reaches the network,
// files, the environment, the clock or randomness, parses keys or
// certificates, or amplifies work without a way to interrupt it. Rules are
// deterministic by construction: the same register, date and parameters give
// the same findings.
func ForbiddenBuiltin(name string) bool { return ruleset.ForbiddenBuiltin(name) }
