// Package engine checks registers against rolecall's bundled Rego rules for
// ISO/IEC 27001:2022 Annex A 5.2, and against an organisation's own rules.
//
// New compiles the rules once, with the organisation's options (parameters,
// disabled rules, severity overrides, rule directories, a rolecall.yaml loaded
// with LoadConfig); Engine.Evaluate then checks a *raci.Register as of a date
// and returns a Report of findings, each naming the rule, the entity, the
// register's line and what to do. An Engine is safe for concurrent use.
//
// Organisation rules and their tests run in a sandbox (ForbiddenBuiltin): an
// allowlist of the builtins rolecall's audit found pure and bounded by their
// arguments, and UTC as the only time zone, so the same register, date and
// configuration always give the same findings. Evaluations are bounded in time
// (WithTimeout), heap (WithMemoryLimit) and findings (WithMaxFindings), and no
// value a rule returns is trusted: a finding whose subject or message is not a
// string of bounded length is dropped. Every file the engine reads is opened
// once, checked to be a regular file and read through a size cap; CheckOutput
// tells a command whether an output path would replace one of its inputs. Engine.WriteBundle writes the
// same rules and configuration as an OPA bundle that an unmodified OPA server
// evaluates identically (its input is Input), and RunTests runs the rules' Rego
// tests like `opa test`.
//
// OPA is an implementation detail: no OPA type appears in this package's API.
// The package must never import cmd/rolecall or the output formats; it imports
// the register package raci, never the other way round.
package engine
