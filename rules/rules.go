// Package rules embeds rolecall's bundled Rego policies for ISO/IEC 27001:2022
// Annex A 5.2.
//
// The embedded directory is an OPA bundle as it stands: .manifest (root
// "rolecall"), the dispatcher data.rolecall.report, one package per rule under
// data.rolecall.rules with its tests beside it, shared helpers in
// data.rolecall.lib, default parameters in data.rolecall.params, default
// configuration in data.rolecall.config and the catalogue generated from the
// rules' METADATA in data.rolecall.catalogue. `opa run --server rules/` or
// `opa eval -b rules/` evaluate it unchanged.
//
// Programs evaluate the rules with package engine; this package only holds
// them. It must never import the engine or the register package.
package rules

import (
	"embed"
	"io/fs"
)

//go:embed .manifest rolecall
var bundle embed.FS

// FS returns the bundled rules as a read-only file system rooted at the bundle
// directory (it holds .manifest and rolecall/).
func FS() fs.FS { return bundle }
