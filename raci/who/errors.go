package who

import "errors"

// ErrNotFound is wrapped by the error of a question about an entity the
// register does not define (an activity or process, asset, risk, role or
// person). The message names the id and lists the ids that are defined.
var ErrNotFound = errors.New("who: not in the register")

// ErrInvalid is wrapped by the error of a question or an option whose value is
// not one the register format allows (a decision, a risk level, a relation).
// The message says what was expected and what was found.
var ErrInvalid = errors.New("who: invalid question")
