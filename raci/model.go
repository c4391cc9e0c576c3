package raci

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

//go:generate go run ../internal/shapegen

// Register is one organisation's documented information-security roles and
// responsibilities (register format version 1). Field names follow the format's
// snake_case keys in JSON and YAML.
//
// Optional values are pointers or omitted-when-zero fields, so that a Register
// marshals back to exactly what was written: a value given in the source is kept
// (an explicit false, an empty list), a value left out stays out. Defaults of
// absent fields are applied by the accessors (Person.StatusOrDefault, ...) and by
// the rules, never written into the model.
//
// The types of this file are the one Go description of the register's shape,
// beside the JSON Schema (schema/register.schema.json, which shape_test.go holds
// to them). The loader's reader of documents (model_gen.go) and the engine's
// Rego input (engine/input_gen.go) are generated from them by go generate
// (internal/shapegen), so adding a key takes a schema property and a field here.
// The struct tags say:
//
//   - json: the key, and with omitempty (strings, pointers) or omitzero (lists,
//     Attributes) that the key is left out when the value is empty; without
//     either, a nil list is null;
//   - yaml: the same key and the same omission (shapegen refuses a difference);
//   - ref: what a field's ids refer to (ref:"role", ref:"person", ref:"asset",
//     ref:"activity", ref:"competence", ref:"rule"). It documents the reference
//     and lets the engine's input share one term between equal ids, as it does
//     for enumerations and dates; ref:"KIND,unshared" converts each id on its
//     own, for ids that seldom repeat (a team's members: each person is in
//     about one team), where sharing costs more than it saves.
type Register struct {
	Version      int          `json:"version" yaml:"version"`
	Organisation Organisation `json:"organisation" yaml:"organisation"`
	Policy       *Policy      `json:"policy,omitempty" yaml:"policy,omitempty"`
	Roles        []Role       `json:"roles" yaml:"roles"`
	People       []Person     `json:"people" yaml:"people"`
	Teams        []Team       `json:"teams,omitzero" yaml:"teams,omitempty"`
	Assets       []Asset      `json:"assets,omitzero" yaml:"assets,omitempty"`
	Activities   []Activity   `json:"activities,omitzero" yaml:"activities,omitempty"`
	Authorities  []Authority  `json:"authorities,omitzero" yaml:"authorities,omitempty"`
	Delegations  []Delegation `json:"delegations,omitzero" yaml:"delegations,omitempty"`
	Risks        []Risk       `json:"risks,omitzero" yaml:"risks,omitempty"`
	Segregation  []Conflict   `json:"segregation,omitzero" yaml:"segregation,omitempty"`
	Exceptions   []Exception  `json:"exceptions,omitzero" yaml:"exceptions,omitempty"`

	// source is where the register was loaded from, for line numbers; nil when the
	// register was built in code.
	source *source
}

// Attributes is free-form, organisation-specific data that every entity may
// carry for custom rules. Values are JSON values: numbers are json.Number, so the
// digits written are kept (a YAML number in a form JSON lacks, such as 0x10 or
// 1_000, becomes its decimal value).
type Attributes map[string]any

// Organisation describes the organisation and the approval of the register.
type Organisation struct {
	Name string `json:"name" yaml:"name"`
	// HandlesPersonalData (default false) says the organisation processes
	// personal data.
	HandlesPersonalData *bool `json:"handles_personal_data,omitempty" yaml:"handles_personal_data,omitempty"`
	// DPORequired (default false; revision 2) says a data protection officer is
	// mandatory for the organisation (e.g. GDPR Art. 37): a
	// data_protection_officer role is then required.
	DPORequired *bool `json:"dpo_required,omitempty" yaml:"dpo_required,omitempty"`
	// ApprovedBy is the person id of the senior manager who approved the register.
	ApprovedBy string `json:"approved_by,omitempty" yaml:"approved_by,omitempty" ref:"person"`
	ApprovedOn *Date  `json:"approved_on,omitempty" yaml:"approved_on,omitempty"`
	// ReviewedOn is the date of the last review of the register.
	ReviewedOn *Date      `json:"reviewed_on,omitempty" yaml:"reviewed_on,omitempty"`
	Attributes Attributes `json:"attributes,omitzero" yaml:"attributes,omitempty"`
}

// Policy is the information security policy the register implements (Annex A 5.1).
type Policy struct {
	ID         string `json:"id" yaml:"id"`
	Title      string `json:"title" yaml:"title"`
	ApprovedBy string `json:"approved_by,omitempty" yaml:"approved_by,omitempty" ref:"person"`
	ApprovedOn *Date  `json:"approved_on,omitempty" yaml:"approved_on,omitempty"`
	// OverallResponsibility is the role id responsible for information security overall.
	OverallResponsibility string `json:"overall_responsibility,omitempty" yaml:"overall_responsibility,omitempty" ref:"role"`
	// ReviewedOn is the date of the policy's last review (revision 2).
	ReviewedOn *Date      `json:"reviewed_on,omitempty" yaml:"reviewed_on,omitempty"`
	Attributes Attributes `json:"attributes,omitzero" yaml:"attributes,omitempty"`
}

// Role is an information-security role the organisation needs.
type Role struct {
	ID       string       `json:"id" yaml:"id"`
	Name     string       `json:"name" yaml:"name"`
	Kind     RoleKind     `json:"kind" yaml:"kind"`
	Function BusinessFunc `json:"function" yaml:"function"`
	// Duties is what the role is responsible for.
	Duties []string `json:"duties,omitzero" yaml:"duties,omitempty"`
	// Competences lists competence ids every holder must have and keep current.
	Competences []string `json:"competences,omitzero" yaml:"competences,omitempty" ref:"competence"`
	// ReportsTo is the role id this role answers to (revision 2): the
	// governance chart and the security lead's reporting line.
	ReportsTo string `json:"reports_to,omitempty" yaml:"reports_to,omitempty" ref:"role"`
	// Deputies are the person ids who stand in when the holder is absent
	// (revision 2).
	Deputies   []string   `json:"deputies,omitzero" yaml:"deputies,omitempty" ref:"person"`
	Attributes Attributes `json:"attributes,omitzero" yaml:"attributes,omitempty"`
}

// Person is a member of staff or a contractor.
type Person struct {
	ID         string     `json:"id" yaml:"id"`
	Name       string     `json:"name" yaml:"name"`
	Email      string     `json:"email,omitempty" yaml:"email,omitempty"`
	Employment Employment `json:"employment,omitempty" yaml:"employment,omitempty"`
	Status     Status     `json:"status,omitempty" yaml:"status,omitempty"`
	// Roles are the role ids held directly.
	Roles                           []string           `json:"roles,omitzero" yaml:"roles,omitempty" ref:"role"`
	JobDescriptionHasSecurityDuties *bool              `json:"job_description_has_security_duties,omitempty" yaml:"job_description_has_security_duties,omitempty"`
	Acknowledgements                *Acknowledgements  `json:"acknowledgements,omitempty" yaml:"acknowledgements,omitempty"`
	Competences                     []CompetenceRecord `json:"competences,omitzero" yaml:"competences,omitempty"`
	Attributes                      Attributes         `json:"attributes,omitzero" yaml:"attributes,omitempty"`
}

// StatusOrDefault returns the person's status, StatusActive when absent.
func (p *Person) StatusOrDefault() Status {
	if p.Status == "" {
		return StatusActive
	}
	return p.Status
}

// Acknowledgements records what a person signed or completed, and when.
type Acknowledgements struct {
	// Policy is when the person signed the policy.
	Policy    *Date `json:"policy,omitempty" yaml:"policy,omitempty"`
	Induction *Date `json:"induction,omitempty" yaml:"induction,omitempty"`
	// AwarenessTraining is when the person last completed awareness training.
	AwarenessTraining *Date `json:"awareness_training,omitempty" yaml:"awareness_training,omitempty"`
}

// CompetenceRecord records a competence a person achieved.
type CompetenceRecord struct {
	ID         string `json:"id" yaml:"id" ref:"competence"`
	AchievedOn Date   `json:"achieved_on" yaml:"achieved_on"`
	ExpiresOn  *Date  `json:"expires_on,omitempty" yaml:"expires_on,omitempty"`
	Evidence   string `json:"evidence,omitempty" yaml:"evidence,omitempty"`
}

// Team is a group of people that holds roles together: every member holds the
// team's roles.
type Team struct {
	ID         string     `json:"id" yaml:"id"`
	Name       string     `json:"name" yaml:"name"`
	Members    []string   `json:"members,omitzero" yaml:"members,omitempty" ref:"person,unshared"`
	Roles      []string   `json:"roles,omitzero" yaml:"roles,omitempty" ref:"role"`
	Attributes Attributes `json:"attributes,omitzero" yaml:"attributes,omitempty"`
}

// Asset is an information or other associated asset (Annex A 5.9).
type Asset struct {
	ID   string    `json:"id" yaml:"id"`
	Name string    `json:"name" yaml:"name"`
	Type AssetType `json:"type" yaml:"type"`
	// Owner is the role id accountable for the asset's protection.
	Owner string `json:"owner,omitempty" yaml:"owner,omitempty" ref:"role"`
	// Custodian is the role id that runs the asset day to day.
	Custodian      string         `json:"custodian,omitempty" yaml:"custodian,omitempty" ref:"role"`
	Classification Classification `json:"classification,omitempty" yaml:"classification,omitempty"`
	PersonalData   *bool          `json:"personal_data,omitempty" yaml:"personal_data,omitempty"`
	Attributes     Attributes     `json:"attributes,omitzero" yaml:"attributes,omitempty"`
}

// Activity is a security process with its RACI.
type Activity struct {
	ID      string  `json:"id" yaml:"id"`
	Name    string  `json:"name" yaml:"name"`
	Process Process `json:"process" yaml:"process"`
	RACI    *RACI   `json:"raci,omitempty" yaml:"raci,omitempty"`
	// Assets are the asset ids the activity covers.
	Assets        []string  `json:"assets,omitzero" yaml:"assets,omitempty" ref:"asset"`
	Frequency     Frequency `json:"frequency,omitempty" yaml:"frequency,omitempty"`
	LastPerformed *Date     `json:"last_performed,omitempty" yaml:"last_performed,omitempty"`
	// SignedOff is the accountable owner's review of the result.
	SignedOff  *Signature `json:"signed_off,omitempty" yaml:"signed_off,omitempty"`
	Attributes Attributes `json:"attributes,omitzero" yaml:"attributes,omitempty"`
}

// RACI lists the role ids responsible, accountable, consulted and informed.
type RACI struct {
	Responsible []string `json:"responsible,omitzero" yaml:"responsible,omitempty" ref:"role"`
	Accountable []string `json:"accountable,omitzero" yaml:"accountable,omitempty" ref:"role"`
	Consulted   []string `json:"consulted,omitzero" yaml:"consulted,omitempty" ref:"role"`
	Informed    []string `json:"informed,omitzero" yaml:"informed,omitempty" ref:"role"`
}

// Signature is evidence of who signed something, and when.
type Signature struct {
	// By is a person id.
	By   string `json:"by" yaml:"by" ref:"person"`
	Date Date   `json:"date" yaml:"date"`
}

// Authority is an authorisation level: which role may take which decision.
type Authority struct {
	ID       string   `json:"id" yaml:"id"`
	Decision Decision `json:"decision" yaml:"decision"`
	// Approver is the role id that may take the decision.
	Approver string `json:"approver" yaml:"approver" ref:"role"`
	Scope    string `json:"scope,omitempty" yaml:"scope,omitempty"`
	// Assets limits the authority to these asset ids; empty means all.
	Assets []string `json:"assets,omitzero" yaml:"assets,omitempty" ref:"asset"`
	// MaxRiskLevel is, for accept_risk, the highest residual level the approver may accept.
	MaxRiskLevel RiskLevel  `json:"max_risk_level,omitempty" yaml:"max_risk_level,omitempty"`
	Attributes   Attributes `json:"attributes,omitzero" yaml:"attributes,omitempty"`
}

// Delegation hands an activity's task from one role to another; accountability
// stays with the delegator.
type Delegation struct {
	ID       string `json:"id" yaml:"id"`
	Activity string `json:"activity" yaml:"activity" ref:"activity"`
	From     string `json:"from" yaml:"from" ref:"role"`
	To       string `json:"to" yaml:"to" ref:"role"`
	// Scope is DelegationResponsible when absent.
	Scope     DelegationScope `json:"scope,omitempty" yaml:"scope,omitempty"`
	StartsOn  *Date           `json:"starts_on,omitempty" yaml:"starts_on,omitempty"`
	ExpiresOn *Date           `json:"expires_on,omitempty" yaml:"expires_on,omitempty"`
	// Review is the delegator's check that the task was done.
	Review     *Signature `json:"review,omitempty" yaml:"review,omitempty"`
	Attributes Attributes `json:"attributes,omitzero" yaml:"attributes,omitempty"`
}

// Risk is a risk and its owner (clause 6.1).
type Risk struct {
	ID         string      `json:"id" yaml:"id"`
	Title      string      `json:"title" yaml:"title"`
	Owner      string      `json:"owner,omitempty" yaml:"owner,omitempty" ref:"role"`
	Assets     []string    `json:"assets,omitzero" yaml:"assets,omitempty" ref:"asset"`
	Residual   RiskLevel   `json:"residual,omitempty" yaml:"residual,omitempty"`
	Treatment  Treatment   `json:"treatment,omitempty" yaml:"treatment,omitempty"`
	Acceptance *Acceptance `json:"acceptance,omitempty" yaml:"acceptance,omitempty"`
	Attributes Attributes  `json:"attributes,omitzero" yaml:"attributes,omitempty"`
}

// Acceptance records who accepted a residual risk.
type Acceptance struct {
	By        string `json:"by" yaml:"by" ref:"person"`
	Date      Date   `json:"date" yaml:"date"`
	ExpiresOn *Date  `json:"expires_on,omitempty" yaml:"expires_on,omitempty"`
	Rationale string `json:"rationale,omitempty" yaml:"rationale,omitempty"`
	// Residual is the residual level the acceptor accepted (revision 2), so that
	// a risk that has grown since can be told apart.
	Residual RiskLevel `json:"residual,omitempty" yaml:"residual,omitempty"`
}

// Conflict is a pair of roles no single person may hold (segregation of duties, A.5.3).
type Conflict struct {
	ID         string     `json:"id" yaml:"id"`
	Roles      []string   `json:"roles" yaml:"roles" ref:"role"`
	Reason     string     `json:"reason,omitempty" yaml:"reason,omitempty"`
	Attributes Attributes `json:"attributes,omitzero" yaml:"attributes,omitempty"`
}

// Exception is an approved, expiring waiver of the findings of one rule for one
// subject.
type Exception struct {
	ID         string     `json:"id" yaml:"id"`
	Rule       string     `json:"rule" yaml:"rule" ref:"rule"`
	Subject    string     `json:"subject" yaml:"subject"`
	Reason     string     `json:"reason" yaml:"reason"`
	ApprovedBy string     `json:"approved_by" yaml:"approved_by" ref:"person"`
	ExpiresOn  Date       `json:"expires_on" yaml:"expires_on"`
	Attributes Attributes `json:"attributes,omitzero" yaml:"attributes,omitempty"`
}

// MarshalYAML writes the register as YAML with exactly the content of its JSON
// form, so that YAML → Register → YAML → Register changes nothing: an empty
// list written in the source stays an empty list (the yaml struct tags alone
// would drop it), and numbers in attributes stay numbers with their digits.
func (r Register) MarshalYAML() (any, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	return yamlNodeOf(dec)
}

// literalBreaks reports whether go.yaml.in/yaml/v3 would write s as a literal
// block (|) that it cannot read back: a string of several lines that starts
// with white space ("\n  indented", "\tx\ny") is written with an indentation
// indicator the parser then rejects. Such strings are written double-quoted.
func literalBreaks(s string) bool {
	if !strings.ContainsAny(s, "\n\r") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// yamlNodeOf reads the next JSON value of dec as a YAML node, keeping the order
// of keys. Strings are tagged !!str, so that the encoder quotes those that would
// read back as something else and escapes characters YAML cannot hold raw (it
// is not given JSON text to parse: YAML refuses raw DEL and C1 controls, which
// JSON allows); numbers are tagged !!int or !!float, which the encoder writes
// explicitly when YAML would not resolve them so (1e400).
func yamlNodeOf(dec *json.Decoder) (*yaml.Node, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch v := tok.(type) {
	case json.Delim:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		if v == '[' {
			n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
		}
		for dec.More() {
			if n.Kind == yaml.MappingNode {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, _ := k.(string)
				n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key})
			}
			c, err := yamlNodeOf(dec)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, c)
		}
		if _, err := dec.Token(); err != nil { // the closing ] or }
			return nil, err
		}
		return n, nil
	case string:
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
		if literalBreaks(v) {
			n.Style = yaml.DoubleQuotedStyle
		}
		return n, nil
	case json.Number:
		tag := "!!int"
		if strings.ContainsAny(string(v), ".eE") {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: string(v)}, nil
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v)}, nil
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
	}
	return nil, fmt.Errorf("rolecall: unexpected JSON token %v", tok)
}
