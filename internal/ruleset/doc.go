// Package ruleset reads Rego rule sets the way rolecall compiles them: it
// parses rule files (one walker for bundled rules, organisation rules and their
// tests), reads each rule's catalogue entry from its METADATA, knows the
// severities and the sandbox's audit of every OPA builtin (an allowlist: what a
// rule may call, and why the rest is refused), and reports problems as
// structured, located Problems.
//
// It is the OPA-facing half of the engine: package engine and the catalogue
// generator use it. It must never import package engine or cmd, and only the
// engine may expose what it builds to users (in rolecall's own types).
package ruleset
