package who

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rolecall/rolecall/raci"
)

// Relation is how a role stands to the subject of a duty.
type Relation string

// The relations of a Duty.
const (
	// Responsible, Accountable, Consulted and Informed are an activity's RACI.
	// A role an unexpired delegation hands the activity's task to is
	// Responsible, with the delegation in Duty.Via.
	Responsible Relation = "responsible"
	Accountable Relation = "accountable"
	Consulted   Relation = "consulted"
	Informed    Relation = "informed"
	// Owner is an asset's or a risk's owner role.
	Owner Relation = "owner"
	// Custodian is the role that runs an asset day to day.
	Custodian Relation = "custodian"
	// Approver is the role an authority names: its holders may take the decision.
	Approver Relation = "approver"
	// OverallResponsibility is the policy's role responsible for information
	// security overall.
	OverallResponsibility Relation = "overall_responsibility"
	// Holder is the role itself: its holders and deputies (Querier.Role).
	Holder Relation = "holder"
)

// Availability says whether someone can act for a role today.
type Availability string

// The availabilities of a role, from best to worst.
const (
	// Available: at least one active person holds the role.
	Available Availability = "available"
	// DeputyOnly: no active person holds the role, but an active deputy stands in.
	DeputyOnly Availability = "deputy_only"
	// Unavailable: the role is held only by people on leave, leavers or ids that
	// name no person, and no active deputy stands in.
	Unavailable Availability = "unavailable"
	// Vacant: nobody holds the role and no active deputy stands in.
	Vacant Availability = "vacant"
)

// CanAct reports whether someone can act for the role today (a holder or a
// deputy).
func (a Availability) CanAct() bool { return a == Available || a == DeputyOnly }

// Person is a person an answer names: a holder of a role, a deputy, an
// acceptor or someone entitled to decide.
type Person struct {
	// ID is the person id as the register writes it.
	ID string `json:"person"`
	// Name is the person's name; empty when the id names no person.
	Name string `json:"name,omitempty"`
	// Defined is false when the id names no person of the register (a team
	// member or signer that is not defined).
	Defined bool `json:"defined"`
	// Status is the person's status (active when not written); empty when the
	// person is not defined.
	Status raci.Status `json:"status,omitempty"`
	// Direct is true when the person lists the role in their own roles.
	Direct bool `json:"direct,omitempty"`
	// Teams are the ids of the teams through which the person holds the role.
	Teams []string `json:"teams,omitempty"`
	// CanAct is true for a defined person whose status is active.
	CanAct bool `json:"can_act"`
}

// Duty is one role's part in something: its relation to a subject, and who
// holds the role today.
type Duty struct {
	Relation Relation `json:"relation"`
	// Subject is the entity concerned, KIND:ID (activity:ID, asset:ID, risk:ID,
	// authority:ID, role:ID) or policy.
	Subject string `json:"subject"`
	// SubjectName is the subject's name or title, when it has one.
	SubjectName string `json:"subject_name,omitempty"`
	// Role is the role id; RoleName its name, empty when the role is not defined.
	Role        string `json:"role"`
	RoleName    string `json:"role_name,omitempty"`
	RoleDefined bool   `json:"role_defined"`
	// Via is the delegation (delegation:ID) that gives the role the duty, when
	// one does.
	Via string `json:"via,omitempty"`
	// Holders are the people who hold the role, directly or through teams,
	// sorted by id.
	Holders []Person `json:"holders"`
	// Deputies are the people who stand in for the role's holders, in the
	// register's order.
	Deputies []Person `json:"deputies,omitempty"`
	// Availability says whether a holder or a deputy can act today.
	Availability Availability `json:"availability"`
}

// Answer is the answer to one question. Duties is always set; Decision, Risk
// and Person are set by the questions they belong to.
type Answer struct {
	// Question restates the question in words.
	Question string `json:"question"`
	// AsOf is the date the answer holds on.
	AsOf raci.Date `json:"as_of"`
	// Duties are the roles concerned, with their holders.
	Duties []Duty `json:"duties"`
	// Decision details the answer of MayDecide.
	Decision *DecisionAnswer `json:"decision,omitempty"`
	// Risk details the answer of Risk.
	Risk *RiskAnswer `json:"risk,omitempty"`
	// Person details the answer of Person.
	Person *PersonAnswer `json:"person,omitempty"`
	// NobodyCanAct is true when nobody the answer names can act today: for
	// MayDecide, no entitled person is active; for Person, the person is not
	// active; otherwise no duty's role has an active holder or deputy (or there
	// is no duty at all).
	NobodyCanAct bool `json:"nobody_can_act"`
}

// Option configures a Querier.
type Option func(*config) error

type config struct {
	ownerUpTo  raci.RiskLevel
	seniorFrom raci.RiskLevel
}

// WithOwnerMayAcceptUpTo sets the highest residual level a risk's owner may
// accept through ownership alone (rule parameter owner_may_accept_up_to,
// default medium).
func WithOwnerMayAcceptUpTo(level raci.RiskLevel) Option {
	return func(c *config) error {
		if rank(level) < 0 {
			return fmt.Errorf("%w: owner_may_accept_up_to is %q: expected one of %s", ErrInvalid, level, levelList)
		}
		c.ownerUpTo = level
		return nil
	}
}

// WithSeniorAcceptanceFrom sets the lowest residual level whose acceptor must
// also hold a senior_management role (rule parameter senior_acceptance_from,
// default high).
func WithSeniorAcceptanceFrom(level raci.RiskLevel) Option {
	return func(c *config) error {
		if rank(level) < 0 {
			return fmt.Errorf("%w: senior_acceptance_from is %q: expected one of %s", ErrInvalid, level, levelList)
		}
		c.seniorFrom = level
		return nil
	}
}

// WithParams reads owner_may_accept_up_to and senior_acceptance_from from rule
// parameters as rolecall.yaml writes them (engine.Config.Params or
// engine.Engine.Params), so that answers use the organisation's values. Other
// parameters are ignored; a value that is not a risk level is an error
// wrapping ErrInvalid.
func WithParams(params map[string]any) Option {
	return func(c *config) error {
		for name, set := range map[string]func(raci.RiskLevel) Option{
			"owner_may_accept_up_to": WithOwnerMayAcceptUpTo,
			"senior_acceptance_from": WithSeniorAcceptanceFrom,
		} {
			v, ok := params[name]
			if !ok {
				continue
			}
			s, ok := v.(string)
			if !ok {
				return fmt.Errorf("%w: parameter %s is %v (%T): expected one of %s", ErrInvalid, name, v, v, levelList)
			}
			if err := set(raci.RiskLevel(s))(c); err != nil {
				return err
			}
		}
		return nil
	}
}

// Querier answers questions about one register as of one date. It is a
// snapshot: build a new one after changing the register. A Querier is safe for
// concurrent use.
type Querier struct {
	reg  *raci.Register
	x    *raci.Index
	asOf raci.Date
	cfg  config
	// direct[role] lists the people who list the role (sorted, unique);
	// viaTeam[role][person] the teams through which they hold it.
	direct  map[string][]string
	viaTeam map[string]map[string][]string
}

// New returns a Querier for reg as of the date asOf. The options set the
// acceptance parameters; an invalid one is an error wrapping ErrInvalid.
func New(reg *raci.Register, asOf raci.Date, opts ...Option) (*Querier, error) {
	if reg == nil {
		return nil, fmt.Errorf("%w: no register", ErrInvalid)
	}
	q := &Querier{reg: reg, x: reg.Index(), asOf: asOf, cfg: config{ownerUpTo: raci.RiskMedium, seniorFrom: raci.RiskHigh},
		direct: map[string][]string{}, viaTeam: map[string]map[string][]string{}}
	for _, o := range opts {
		if err := o(&q.cfg); err != nil {
			return nil, err
		}
	}
	for _, p := range reg.People {
		for _, rid := range p.Roles {
			if !slices.Contains(q.direct[rid], p.ID) {
				q.direct[rid] = append(q.direct[rid], p.ID)
			}
		}
	}
	for rid := range q.direct {
		slices.Sort(q.direct[rid])
	}
	for _, t := range reg.Teams {
		for _, rid := range t.Roles {
			for _, m := range t.Members {
				if q.viaTeam[rid] == nil {
					q.viaTeam[rid] = map[string][]string{}
				}
				if !slices.Contains(q.viaTeam[rid][m], t.ID) {
					q.viaTeam[rid][m] = append(q.viaTeam[rid][m], t.ID)
				}
			}
		}
	}
	return q, nil
}

// AsOf returns the date the Querier's answers hold on.
func (q *Querier) AsOf() raci.Date { return q.asOf }

// person describes the person id, without a role.
func (q *Querier) person(id string) Person {
	p := Person{ID: id}
	if d := q.x.Person(id); d != nil {
		p.Name, p.Defined, p.Status = d.Name, true, d.StatusOrDefault()
		p.CanAct = p.Status == raci.StatusActive
	}
	return p
}

// holders lists the holders of the role, sorted by id, with how they hold it.
func (q *Querier) holders(roleID string) []Person {
	out := []Person{}
	for _, pid := range q.x.HoldersOf(roleID) {
		p := q.person(pid)
		p.Direct = slices.Contains(q.direct[roleID], pid)
		p.Teams = slices.Clone(q.viaTeam[roleID][pid])
		out = append(out, p)
	}
	return out
}

// duty builds the duty of the role, with its holders, deputies and
// availability.
func (q *Querier) duty(rel Relation, subject, subjectName, roleID, via string) Duty {
	d := Duty{Relation: rel, Subject: subject, SubjectName: subjectName, Role: roleID, Via: via, Holders: q.holders(roleID)}
	if r := q.x.Role(roleID); r != nil {
		d.RoleName, d.RoleDefined = r.Name, true
		for _, pid := range r.Deputies {
			d.Deputies = append(d.Deputies, q.person(pid))
		}
	}
	d.Availability = availability(d.Holders, d.Deputies)
	return d
}

func availability(holders, deputies []Person) Availability {
	if slices.ContainsFunc(holders, func(p Person) bool { return p.CanAct }) {
		return Available
	}
	if slices.ContainsFunc(deputies, func(p Person) bool { return p.CanAct }) {
		return DeputyOnly
	}
	if len(holders) > 0 {
		return Unavailable
	}
	return Vacant
}

// nobodyCanAct is true when no duty can act (or there is none).
func nobodyCanAct(duties []Duty) bool {
	return !slices.ContainsFunc(duties, func(d Duty) bool { return d.Availability.CanAct() })
}

// inEffect reports whether the delegation hands its task on at the Querier's
// date: it has started (no starts_on, or on or before the date) and has not
// expired (no expires_on, or on or after the date).
func (q *Querier) inEffect(d *raci.Delegation) bool {
	if d.StartsOn != nil && d.StartsOn.Time().After(q.asOf.Time()) {
		return false
	}
	return d.ExpiresOn == nil || !d.ExpiresOn.Time().Before(q.asOf.Time())
}

// Risk levels in order; rank is a level's position, -1 for anything else.
var levels = []raci.RiskLevel{raci.RiskLow, raci.RiskMedium, raci.RiskHigh, raci.RiskCritical}

const levelList = "low, medium, high, critical"

func rank(l raci.RiskLevel) int { return slices.Index(levels, l) }

// ids lists the ids of a register's entities for an error message.
func ids[T any](list []T, id func(*T) string) string {
	out := make([]string, 0, len(list))
	for i := range list {
		out = append(out, id(&list[i]))
	}
	if len(out) == 0 {
		return "none"
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}
