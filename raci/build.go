package raci

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// modelOf builds the typed model from a schema-valid document (plain JSON values:
// maps, slices, strings, json.Number, bools, nil). It gives exactly what
// encoding/json gives for the document marshalled and decoded into a Register
// (build_test.go compares the two), without the round trip, which cost more than
// a third of loading a large register: null or an absent key leaves the zero value,
// an empty list stays an empty (non-nil) list, attributes keep their values
// (json.Number included). Values of the wrong type cannot pass the schema; they
// are reported as an error all the same.
func modelOf(doc any) (reg *Register, err error) {
	m := &modelReader{}
	top := m.object(doc, "")
	reg = &Register{
		Version:      m.integer(top, "version"),
		Organisation: m.organisation(m.object(top["organisation"], "/organisation")),
		Roles:        entities(m, top, "roles", (*modelReader).role),
		People:       entities(m, top, "people", (*modelReader).person),
		Teams:        entities(m, top, "teams", (*modelReader).team),
		Assets:       entities(m, top, "assets", (*modelReader).asset),
		Activities:   entities(m, top, "activities", (*modelReader).activity),
		Authorities:  entities(m, top, "authorities", (*modelReader).authority),
		Delegations:  entities(m, top, "delegations", (*modelReader).delegation),
		Risks:        entities(m, top, "risks", (*modelReader).risk),
		Segregation:  entities(m, top, "segregation", (*modelReader).conflict),
		Exceptions:   entities(m, top, "exceptions", (*modelReader).exception),
	}
	if p := m.object(top["policy"], "/policy"); p != nil {
		reg.Policy = m.policy(p)
	}
	if m.err != nil {
		return nil, m.err
	}
	return reg, nil
}

// modelReader reads typed values out of a document and keeps the first error.
type modelReader struct{ err error }

func (m *modelReader) fail(key string, want string, v any) {
	if m.err == nil {
		m.err = fmt.Errorf("building the model: %s is a %T, not %s", key, v, want)
	}
}

func (m *modelReader) object(v any, key string) map[string]any {
	switch v := v.(type) {
	case nil:
		return nil
	case map[string]any:
		return v
	}
	m.fail(key, "an object", v)
	return nil
}

func (m *modelReader) str(o map[string]any, key string) string {
	switch v := o[key].(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		m.fail(key, "a string", v)
		return ""
	}
}

func (m *modelReader) integer(o map[string]any, key string) int {
	switch v := o[key].(type) {
	case nil:
		return 0
	case json.Number:
		i, err := strconv.Atoi(string(v))
		if err != nil {
			m.fail(key, "an integer", v)
		}
		return i
	default:
		m.fail(key, "an integer", v)
		return 0
	}
}

func (m *modelReader) boolPtr(o map[string]any, key string) *bool {
	switch v := o[key].(type) {
	case nil:
		return nil
	case bool:
		return &v
	default:
		m.fail(key, "a boolean", v)
		return nil
	}
}

func (m *modelReader) date(o map[string]any, key string) Date {
	s, ok := o[key].(string)
	if !ok {
		m.fail(key, "a date", o[key])
		return Date{}
	}
	d, err := ParseDate(s)
	if err != nil && m.err == nil {
		m.err = fmt.Errorf("building the model: %w", err)
	}
	return d
}

func (m *modelReader) datePtr(o map[string]any, key string) *Date {
	if o[key] == nil {
		return nil
	}
	d := m.date(o, key)
	return &d
}

func (m *modelReader) strs(o map[string]any, key string) []string {
	switch v := o[key].(type) {
	case nil:
		return nil
	case []any:
		out := make([]string, len(v))
		for i, e := range v {
			s, ok := e.(string)
			if !ok {
				m.fail(key, "a list of strings", v)
			}
			out[i] = s
		}
		return out
	default:
		m.fail(key, "a list", v)
		return nil
	}
}

func (m *modelReader) attrs(o map[string]any) Attributes {
	switch v := o["attributes"].(type) {
	case nil:
		return nil
	case map[string]any:
		// The document is the loader's own and is dropped after this: its values
		// are kept as they are.
		return Attributes(v)
	default:
		m.fail("attributes", "an object", v)
		return nil
	}
}

// entities reads a list of entities; nil when the key is absent or null.
func entities[T any](m *modelReader, o map[string]any, key string, f func(*modelReader, map[string]any) T) []T {
	switch v := o[key].(type) {
	case nil:
		return nil
	case []any:
		out := make([]T, len(v))
		for i, e := range v {
			if obj := m.object(e, key); obj != nil {
				out[i] = f(m, obj)
			}
		}
		return out
	default:
		m.fail(key, "a list", v)
		return nil
	}
}

func (m *modelReader) organisation(o map[string]any) Organisation {
	return Organisation{
		Name:                m.str(o, "name"),
		HandlesPersonalData: m.boolPtr(o, "handles_personal_data"),
		ApprovedBy:          m.str(o, "approved_by"),
		ApprovedOn:          m.datePtr(o, "approved_on"),
		ReviewedOn:          m.datePtr(o, "reviewed_on"),
		Attributes:          m.attrs(o),
	}
}

func (m *modelReader) policy(o map[string]any) *Policy {
	return &Policy{
		ID:                    m.str(o, "id"),
		Title:                 m.str(o, "title"),
		ApprovedBy:            m.str(o, "approved_by"),
		ApprovedOn:            m.datePtr(o, "approved_on"),
		OverallResponsibility: m.str(o, "overall_responsibility"),
		Attributes:            m.attrs(o),
	}
}

func (m *modelReader) role(o map[string]any) Role {
	return Role{
		ID:          m.str(o, "id"),
		Name:        m.str(o, "name"),
		Kind:        RoleKind(m.str(o, "kind")),
		Function:    BusinessFunc(m.str(o, "function")),
		Duties:      m.strs(o, "duties"),
		Competences: m.strs(o, "competences"),
		Attributes:  m.attrs(o),
	}
}

func (m *modelReader) person(o map[string]any) Person {
	p := Person{
		ID:                              m.str(o, "id"),
		Name:                            m.str(o, "name"),
		Email:                           m.str(o, "email"),
		Employment:                      Employment(m.str(o, "employment")),
		Status:                          Status(m.str(o, "status")),
		Roles:                           m.strs(o, "roles"),
		JobDescriptionHasSecurityDuties: m.boolPtr(o, "job_description_has_security_duties"),
		Competences:                     entities(m, o, "competences", (*modelReader).competenceRecord),
		Attributes:                      m.attrs(o),
	}
	if a := m.object(o["acknowledgements"], "acknowledgements"); a != nil {
		p.Acknowledgements = &Acknowledgements{
			Policy:            m.datePtr(a, "policy"),
			Induction:         m.datePtr(a, "induction"),
			AwarenessTraining: m.datePtr(a, "awareness_training"),
		}
	}
	return p
}

func (m *modelReader) competenceRecord(o map[string]any) CompetenceRecord {
	return CompetenceRecord{
		ID:         m.str(o, "id"),
		AchievedOn: m.date(o, "achieved_on"),
		ExpiresOn:  m.datePtr(o, "expires_on"),
		Evidence:   m.str(o, "evidence"),
	}
}

func (m *modelReader) team(o map[string]any) Team {
	return Team{
		ID:         m.str(o, "id"),
		Name:       m.str(o, "name"),
		Members:    m.strs(o, "members"),
		Roles:      m.strs(o, "roles"),
		Attributes: m.attrs(o),
	}
}

func (m *modelReader) asset(o map[string]any) Asset {
	return Asset{
		ID:             m.str(o, "id"),
		Name:           m.str(o, "name"),
		Type:           AssetType(m.str(o, "type")),
		Owner:          m.str(o, "owner"),
		Custodian:      m.str(o, "custodian"),
		Classification: Classification(m.str(o, "classification")),
		PersonalData:   m.boolPtr(o, "personal_data"),
		Attributes:     m.attrs(o),
	}
}

func (m *modelReader) signature(o map[string]any, key string) *Signature {
	s := m.object(o[key], key)
	if s == nil {
		return nil
	}
	return &Signature{By: m.str(s, "by"), Date: m.date(s, "date")}
}

func (m *modelReader) activity(o map[string]any) Activity {
	a := Activity{
		ID:            m.str(o, "id"),
		Name:          m.str(o, "name"),
		Process:       Process(m.str(o, "process")),
		Assets:        m.strs(o, "assets"),
		Frequency:     Frequency(m.str(o, "frequency")),
		LastPerformed: m.datePtr(o, "last_performed"),
		SignedOff:     m.signature(o, "signed_off"),
		Attributes:    m.attrs(o),
	}
	if r := m.object(o["raci"], "raci"); r != nil {
		a.RACI = &RACI{
			Responsible: m.strs(r, "responsible"),
			Accountable: m.strs(r, "accountable"),
			Consulted:   m.strs(r, "consulted"),
			Informed:    m.strs(r, "informed"),
		}
	}
	return a
}

func (m *modelReader) authority(o map[string]any) Authority {
	return Authority{
		ID:           m.str(o, "id"),
		Decision:     Decision(m.str(o, "decision")),
		Approver:     m.str(o, "approver"),
		Scope:        m.str(o, "scope"),
		Assets:       m.strs(o, "assets"),
		MaxRiskLevel: RiskLevel(m.str(o, "max_risk_level")),
		Attributes:   m.attrs(o),
	}
}

func (m *modelReader) delegation(o map[string]any) Delegation {
	return Delegation{
		ID:         m.str(o, "id"),
		Activity:   m.str(o, "activity"),
		From:       m.str(o, "from"),
		To:         m.str(o, "to"),
		Scope:      DelegationScope(m.str(o, "scope")),
		StartsOn:   m.datePtr(o, "starts_on"),
		ExpiresOn:  m.datePtr(o, "expires_on"),
		Review:     m.signature(o, "review"),
		Attributes: m.attrs(o),
	}
}

func (m *modelReader) risk(o map[string]any) Risk {
	r := Risk{
		ID:         m.str(o, "id"),
		Title:      m.str(o, "title"),
		Owner:      m.str(o, "owner"),
		Assets:     m.strs(o, "assets"),
		Residual:   RiskLevel(m.str(o, "residual")),
		Treatment:  Treatment(m.str(o, "treatment")),
		Attributes: m.attrs(o),
	}
	if a := m.object(o["acceptance"], "acceptance"); a != nil {
		r.Acceptance = &Acceptance{
			By:        m.str(a, "by"),
			Date:      m.date(a, "date"),
			ExpiresOn: m.datePtr(a, "expires_on"),
			Rationale: m.str(a, "rationale"),
		}
	}
	return r
}

func (m *modelReader) conflict(o map[string]any) Conflict {
	return Conflict{
		ID:         m.str(o, "id"),
		Roles:      m.strs(o, "roles"),
		Reason:     m.str(o, "reason"),
		Attributes: m.attrs(o),
	}
}

func (m *modelReader) exception(o map[string]any) Exception {
	return Exception{
		ID:         m.str(o, "id"),
		Rule:       m.str(o, "rule"),
		Subject:    m.str(o, "subject"),
		Reason:     m.str(o, "reason"),
		ApprovedBy: m.str(o, "approved_by"),
		ExpiresOn:  m.date(o, "expires_on"),
		Attributes: m.attrs(o),
	}
}
