package raci

import (
	"errors"
	"fmt"
	"strings"

	"github.com/rolecall/rolecall/internal/document"
)

// ErrInvalidRegister is wrapped by every *LoadError: the register could not be
// read, or it is not a valid register.
var ErrInvalidRegister = errors.New("invalid register")

// ErrLimit is wrapped by every *LimitError: the input exceeds a configured limit.
var ErrLimit = document.ErrLimit

// Pos is a 1-based line and column in a source document. The zero Pos means the
// position is not known.
type Pos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Problem is one thing wrong with a register (or configuration file), located in
// its source.
type Problem struct {
	// Pointer is the JSON pointer of the value concerned ("" is the document).
	Pointer string `json:"pointer"`
	// Pos is the line and column in the source (zero when not known, e.g. for a
	// register built in code).
	Pos Pos `json:"pos"`
	// Message says what was expected and what was found.
	Message string `json:"message"`
}

// String renders the problem as "line 41, col 11, /assets/3/type: message".
func (p Problem) String() string {
	var b strings.Builder
	switch {
	case p.Pos.Line > 0 && p.Pos.Column > 0:
		fmt.Fprintf(&b, "line %d, col %d, ", p.Pos.Line, p.Pos.Column)
	case p.Pos.Line > 0:
		fmt.Fprintf(&b, "line %d, ", p.Pos.Line)
	}
	ptr := p.Pointer
	if ptr == "" {
		ptr = "(document)"
	}
	b.WriteString(ptr)
	b.WriteString(": ")
	b.WriteString(p.Message)
	return b.String()
}

// LoadError reports every problem found in one source. errors.As reaches it from
// any error the loader returns; errors.Is(err, ErrInvalidRegister) holds.
type LoadError struct {
	// Source names the file (or "<input>" for a reader or bytes).
	Source string
	// Problems lists every problem, in document order.
	Problems []Problem
	// Err is the underlying error, when there is one (for example a *LimitError).
	Err error
}

// Error lists every problem, one per line after the first.
func (e *LoadError) Error() string {
	var b strings.Builder
	b.WriteString(e.Source)
	if len(e.Problems) == 1 {
		b.WriteString(": ")
		b.WriteString(e.Problems[0].String())
		return b.String()
	}
	fmt.Fprintf(&b, ": %d problems:", len(e.Problems))
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns ErrInvalidRegister and the underlying error.
func (e *LoadError) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrInvalidRegister, e.Err}
	}
	return []error{ErrInvalidRegister}
}

// LimitError says that an input exceeded a limit of Limits. It is wrapped in the
// *LoadError of the source concerned.
type LimitError struct {
	// Limit names the limit: "size", "depth", "values", "aliases" or "entities".
	Limit string
	// Max is the configured limit and Found what was found (at least).
	Max, Found int64
	// Pos and Pointer locate where the limit was crossed, when known.
	Pos     Pos
	Pointer string
	msg     string
}

func (e *LimitError) Error() string { return e.msg }

// Unwrap returns ErrLimit.
func (e *LimitError) Unwrap() error { return ErrLimit }
