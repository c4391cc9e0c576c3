// Package raci loads and checks an organisation's information-security roles
// and responsibilities register against ISO/IEC 27001:2022 Annex A control 5.2.
//
// A register (format version 1, see register-format.md) lists the roles the
// organisation needs, the people and teams who hold them, the assets and their
// owners, the security activities with their RACI, the authorisation levels,
// delegations, risks, segregation-of-duties conflicts and approved exceptions.
//
// LoadFile, Load and LoadBytes read a register from YAML or JSON into the typed
// model, validating it against the embedded JSON Schema; every problem comes back
// in one *LoadError with its JSON pointer, line and column. NewEngine compiles the
// bundled Rego rules once; Engine.Evaluate checks a register as of a date and
// returns a Report of findings. Engines are safe for concurrent use.
//
// The package never writes to a register it reads and never consults the wall
// clock inside a rule: the evaluation date is an input (AsOf).
package raci
