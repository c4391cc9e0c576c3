// Package document reads YAML and JSON documents into plain JSON values with the
// source position of every value, and maps JSON Schema validation errors to
// located, readable problems. The register loader (package raci) and the
// configuration loader (package engine) share it, so that both report
// problems the same way: JSON pointer, line, column and what was expected.
//
// Decoding is bounded (Limits): a hostile document fails fast with a
// *LimitError. Duplicate keys, custom YAML tags, merge keys and several YAML
// documents in one file are refused with their line, and so is a number too
// large or small to evaluate. ReadRegular and OpenRegular read the files
// rolecall is given: opened once, checked to be regular files, read through a
// size cap.
//
// This package must never import the engine or any OPA package: the register
// package, which must stay free of OPA, depends on it.
package document
