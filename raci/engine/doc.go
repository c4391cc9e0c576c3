// Package engine checks registers against rolecall's bundled Rego rules for
// ISO/IEC 27001:2022 Annex A 5.2, and against an organisation's own rules.
//
// New compiles the rules once, with the organisation's options (parameters,
// disabled rules, severity overrides, a selection of rules with WithOnly, rule
// directories, a rolecall.yaml loaded with LoadConfig); Engine.Evaluate then
// checks a *raci.Register as of a date and returns a Report of findings, each
// naming the rule, the entity, the register's line and what to do. An Engine
// is safe for concurrent use.
//
// Mistakes in the configuration come back all at once: New returns one
// *ConfigError listing every problem of the files and options (unknown keys,
// rule ids and parameters, with the nearest known name; values of the wrong
// type), each with its file, line and column. Problems of the Rego rules come
// back as one *RulesError in the same way.
//
// Organisation rules and their tests run in a sandbox (ForbiddenBuiltin): an
// allowlist of the builtins rolecall's audit found pure and bounded by their
// arguments, and UTC as the only time zone, so the same register, date and
// configuration always give the same findings. Evaluations are bounded in time
// (WithTimeout), heap (WithMemoryLimit) and findings (WithMaxFindings), and no
// value a rule returns is trusted: a finding whose subject or message is not a
// string of bounded length is dropped. Every file the engine reads is opened
// once, checked to be a regular file and read through a size cap; CheckOutput
// tells a command whether an output path would replace one of its inputs.
//
// Engine.WriteBundle (or WriteBundleFile) writes the same rules and
// configuration as an OPA bundle that an unmodified OPA server evaluates
// identically (its input is Input). Its options: WithSigningKey signs the
// bundle as `opa sign` does (a key that cannot sign is an error wrapping
// ErrSigningKey), and WithoutLogMask leaves out the system.log.mask policy
// that keeps names and free text out of the OPAs' decision logs. RunTests
// runs the rules' Rego tests like `opa test`, and shows for a failing test
// the values of the expression that failed.
//
// OPA is an implementation detail: no OPA type appears in this package's API.
// The package must never import cmd/rolecall or the output formats; it imports
// the register package raci, never the other way round.
package engine
