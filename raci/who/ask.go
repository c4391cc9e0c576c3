package who

import (
	"fmt"
	"strings"
)

// Question is one question as a command line asks it: exactly one of RACI,
// Incident, Asset, Risk, Decision, Role and Person is set.
type Question struct {
	// RACI is an activity id or a process; Relations are the relations asked
	// (all four when empty). See Querier.RACI.
	RACI      string
	Relations []Relation
	// Incident asks who to tell about an incident. See Querier.Incident.
	Incident bool
	// Asset asks who owns the asset. See Querier.Asset.
	Asset string
	// Risk asks who owns the risk and who accepted it. See Querier.Risk.
	Risk string
	// Decision asks who may take the decision. See Querier.MayDecide.
	Decision *DecisionQuery
	// Role asks who holds the role and who stands in. See Querier.Role.
	Role string
	// Person asks what the person is responsible for. See Querier.Person.
	Person string
}

// Ask answers the question with the Querier method it names. A question that
// sets none or more than one of its parts is an error wrapping ErrInvalid that
// names the parts found.
func (q *Querier) Ask(qn Question) (*Answer, error) {
	var set []string
	for _, p := range []struct {
		name string
		on   bool
	}{
		{"raci", qn.RACI != ""}, {"incident", qn.Incident}, {"asset", qn.Asset != ""}, {"risk", qn.Risk != ""},
		{"decision", qn.Decision != nil}, {"role", qn.Role != ""}, {"person", qn.Person != ""},
	} {
		if p.on {
			set = append(set, p.name)
		}
	}
	if len(set) != 1 {
		return nil, fmt.Errorf("%w: expected exactly one question (raci, incident, asset, risk, decision, role or person), found %d: %s",
			ErrInvalid, len(set), strings.Join(set, ", "))
	}
	if len(qn.Relations) > 0 && qn.RACI == "" {
		return nil, fmt.Errorf("%w: relations %v are asked about an activity or process, and the question names none", ErrInvalid, qn.Relations)
	}
	switch set[0] {
	case "raci":
		return q.RACI(qn.RACI, qn.Relations...)
	case "incident":
		return q.Incident()
	case "asset":
		return q.Asset(qn.Asset)
	case "risk":
		return q.Risk(qn.Risk)
	case "decision":
		return q.MayDecide(*qn.Decision)
	case "role":
		return q.Role(qn.Role)
	}
	return q.Person(qn.Person)
}
