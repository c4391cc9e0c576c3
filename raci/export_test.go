package raci

import (
	"bytes"
	"encoding/json"

	"github.com/rolecall/rolecall/internal/document"
)

// The hooks below let the tests and benchmarks in package raci_test reach the
// stages of loading; they are compiled into tests only.

// DecodedDoc is a decoded document, before schema validation.
type DecodedDoc struct {
	doc  any
	tree *document.Tree
}

// DecodeDocument is the first stage of Load: syntax, limits, positions.
func DecodeDocument(data []byte, f Format) (*DecodedDoc, error) {
	doc, tree, err := document.Decode(data, document.Format(f), document.Limits{MaxBytes: 1 << 40, MaxDepth: 64, MaxValues: 1 << 40, MaxAliasExpansion: 10_000})
	if err != nil {
		return nil, err
	}
	return &DecodedDoc{doc: doc, tree: tree}, nil
}

// ValidateDocument is the second stage of Load: the schema and duplicate ids. It
// returns the number of problems found.
func ValidateDocument(d *DecodedDoc) int {
	problems, err := schemaProblems(d.doc, d.tree)
	if err != nil {
		panic(err)
	}
	return len(problems) + len(duplicateIDs(d.doc, d.tree))
}

// SchemaProblems validates a decoded document against the register schema in
// the given number of parts (see document.SchemaProblemsInParts).
func SchemaProblems(d *DecodedDoc, parts int) []Problem {
	s, err := registerSchema()
	if err != nil {
		panic(err)
	}
	return problemsOf(document.SchemaProblemsInParts(s, d.doc, d.tree, entityLists, parts))
}

// BuildRegister is the last stage of Load: the typed model.
func BuildRegister(d *DecodedDoc) (*Register, error) { return buildRegister(d.doc) }

// BuildRegisterJSON is what buildRegister did before modelOf: the document
// marshalled to JSON and decoded into a Register. build_test.go compares them.
func BuildRegisterJSON(d *DecodedDoc) (*Register, error) {
	if _, err := buildRegister(d.doc); err != nil { // normalises the version
		return nil, err
	}
	b, err := json.Marshal(d.doc)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var reg Register
	if err := dec.Decode(&reg); err != nil {
		return nil, err
	}
	return &reg, nil
}
