// Package schema holds the JSON Schema (draft 2020-12) of the rolecall register
// format, version 1, and of the rolecall.yaml configuration file, embedded in the
// binary.
//
// The register schema encodes every constraint of the register format that JSON
// Schema can express: required keys, enumerations, asserted dates, ids without
// white space, lists of ids without repeats, unknown keys rejected everywhere except
// inside attributes, exactly two distinct roles per segregation conflict. The Rego
// rules check the rest.
//
// It must never import the register, the engine or OPA: every loader depends on it.
package schema

import (
	"bytes"
	_ "embed"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// RegisterJSON is the register schema as JSON text.
//
//go:embed register.schema.json
var RegisterJSON []byte

// ConfigJSON is the rolecall.yaml configuration schema as JSON text.
//
//go:embed config.schema.json
var ConfigJSON []byte

// RegisterURL and ConfigURL are the $id of the schemas.
const (
	RegisterURL = "https://rolecall.dev/schema/register-v1.json"
	ConfigURL   = "https://rolecall.dev/schema/config-v1.json"
)

// CompileRegister compiles the register schema with format assertions on (so
// "2026-13-01" is not a date). Each call returns a new, independent schema that is
// safe for concurrent validation.
func CompileRegister() (*jsonschema.Schema, error) { return compile(RegisterURL, RegisterJSON) }

// CompileConfig compiles the configuration schema.
func CompileConfig() (*jsonschema.Schema, error) { return compile(ConfigURL, ConfigJSON) }

func compile(url string, src []byte) (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", url, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(url, doc); err != nil {
		return nil, fmt.Errorf("schema %s: %w", url, err)
	}
	return c.Compile(url)
}
