package raci

import (
	"sync"

	"github.com/rolecall/rolecall/internal/document"
	"github.com/rolecall/rolecall/schema"
)

// registerSchema is the compiled register schema, built once and never changed.
var registerSchema = sync.OnceValues(schema.CompileRegister)

// schemaProblems validates a decoded register against the register schema.
func schemaProblems(doc any, tree *document.Tree) ([]Problem, error) {
	s, err := registerSchema()
	if err != nil {
		return nil, err
	}
	return problemsOf(document.SchemaProblems(s, doc, tree, entityLists)), nil
}

// problemsOf converts the decoder's problems into the package's.
func problemsOf(ps []document.Problem) []Problem {
	out := make([]Problem, len(ps))
	for i, p := range ps {
		out[i] = Problem{Pointer: p.Pointer, Pos: Pos(p.Pos), Message: p.Message}
	}
	return out
}

// sortProblems sorts problems by line, column and pointer.
func sortProblems(ps []Problem) {
	dps := make([]document.Problem, len(ps))
	for i, p := range ps {
		dps[i] = document.Problem{Pointer: p.Pointer, Pos: document.Pos(p.Pos), Message: p.Message}
	}
	document.SortProblems(dps)
	copy(ps, problemsOf(dps))
}
