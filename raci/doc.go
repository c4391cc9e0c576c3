// Package raci is the register: the typed model of an organisation's
// information-security roles and responsibilities (ISO/IEC 27001:2022 Annex A
// 5.2), its loader and its queries.
//
// A register (format version 1) lists the roles the organisation needs, the
// people and teams who hold them, the assets and their owners, the security
// activities with their RACI, the authorisation levels, delegations, risks,
// segregation-of-duties conflicts and approved exceptions. The JSON Schema in
// package schema (schema/register.schema.json) encodes the format.
//
// LoadFile, Load and LoadBytes read a register from YAML or JSON into the typed
// model, validating it against the embedded JSON Schema; every problem comes
// back in one *LoadError with its JSON pointer, line and column. Register.Index
// answers who holds which role. Dates are calendar dates (Date); the evaluation
// date of a check is always an input, never the wall clock.
//
// The package only reads registers and never writes to a file it reads. To
// check a register against the rules, use package engine
// (github.com/rolecall/rolecall/raci/engine).
//
// Package raci must never import the engine, OPA or anything that links them:
// a program that only reads, writes or queries registers stays small, and an
// OPA upgrade cannot break it (TestRegisterPackageLinksNoOPA holds this).
package raci
