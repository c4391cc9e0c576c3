package raci

import "sort"

// Index is a snapshot of a Register's lookups, built once by Register.Index in
// time linear in the register. It does not follow later changes to the Register;
// build a new one after changing it. An Index is safe for concurrent reads.
type Index struct {
	reg         *Register
	roles       map[string]*Role
	people      map[string]*Person
	teams       map[string]*Team
	assets      map[string]*Asset
	activities  map[string]*Activity
	authorities map[string]*Authority
	delegations map[string]*Delegation
	risks       map[string]*Risk
	heldBy      map[string][]string // person id -> sorted role ids
	holders     map[string][]string // role id -> sorted person ids
}

// Index builds the register's lookups. Holding follows the register format: a
// person holds a role listed in their roles or in the roles of a team they are a
// member of; undefined role ids count.
func (r *Register) Index() *Index {
	x := &Index{
		reg:         r,
		roles:       make(map[string]*Role, len(r.Roles)),
		people:      make(map[string]*Person, len(r.People)),
		teams:       make(map[string]*Team, len(r.Teams)),
		assets:      make(map[string]*Asset, len(r.Assets)),
		activities:  make(map[string]*Activity, len(r.Activities)),
		authorities: make(map[string]*Authority, len(r.Authorities)),
		delegations: make(map[string]*Delegation, len(r.Delegations)),
		risks:       make(map[string]*Risk, len(r.Risks)),
	}
	for i := range r.Roles {
		x.roles[r.Roles[i].ID] = &r.Roles[i]
	}
	for i := range r.People {
		x.people[r.People[i].ID] = &r.People[i]
	}
	for i := range r.Teams {
		x.teams[r.Teams[i].ID] = &r.Teams[i]
	}
	for i := range r.Assets {
		x.assets[r.Assets[i].ID] = &r.Assets[i]
	}
	for i := range r.Activities {
		x.activities[r.Activities[i].ID] = &r.Activities[i]
	}
	for i := range r.Authorities {
		x.authorities[r.Authorities[i].ID] = &r.Authorities[i]
	}
	for i := range r.Delegations {
		x.delegations[r.Delegations[i].ID] = &r.Delegations[i]
	}
	for i := range r.Risks {
		x.risks[r.Risks[i].ID] = &r.Risks[i]
	}
	held := map[string]map[string]bool{}
	add := func(pid, rid string) {
		if held[pid] == nil {
			held[pid] = map[string]bool{}
		}
		held[pid][rid] = true
	}
	for _, p := range r.People {
		for _, rid := range p.Roles {
			add(p.ID, rid)
		}
	}
	for _, t := range r.Teams {
		for _, m := range t.Members {
			for _, rid := range t.Roles {
				add(m, rid)
			}
		}
	}
	x.heldBy = make(map[string][]string, len(held))
	x.holders = map[string][]string{}
	for pid, rids := range held {
		for rid := range rids {
			x.heldBy[pid] = append(x.heldBy[pid], rid)
			x.holders[rid] = append(x.holders[rid], pid)
		}
		sort.Strings(x.heldBy[pid])
	}
	for rid := range x.holders {
		sort.Strings(x.holders[rid])
	}
	return x
}

// Role returns the role with the id, or nil.
func (x *Index) Role(id string) *Role { return x.roles[id] }

// Person returns the person with the id, or nil.
func (x *Index) Person(id string) *Person { return x.people[id] }

// Team returns the team with the id, or nil.
func (x *Index) Team(id string) *Team { return x.teams[id] }

// Asset returns the asset with the id, or nil.
func (x *Index) Asset(id string) *Asset { return x.assets[id] }

// Activity returns the activity with the id, or nil.
func (x *Index) Activity(id string) *Activity { return x.activities[id] }

// Authority returns the authority with the id, or nil.
func (x *Index) Authority(id string) *Authority { return x.authorities[id] }

// Delegation returns the delegation with the id, or nil.
func (x *Index) Delegation(id string) *Delegation { return x.delegations[id] }

// Risk returns the risk with the id, or nil.
func (x *Index) Risk(id string) *Risk { return x.risks[id] }

// HoldersOf returns the sorted ids of the people (whatever their status) who
// hold the role, directly or through a team. Ids listed as team members count even
// when no such person is defined.
func (x *Index) HoldersOf(roleID string) []string { return append([]string(nil), x.holders[roleID]...) }

// RolesOf returns the sorted role ids the person holds, directly or through a
// team, defined or not.
func (x *Index) RolesOf(personID string) []string {
	return append([]string(nil), x.heldBy[personID]...)
}

// Holds reports whether the person holds the role.
func (x *Index) Holds(personID, roleID string) bool {
	i := sort.SearchStrings(x.heldBy[personID], roleID)
	return i < len(x.heldBy[personID]) && x.heldBy[personID][i] == roleID
}

// Allocated reports whether at least one defined person with status active holds
// the role.
func (x *Index) Allocated(roleID string) bool {
	for _, pid := range x.holders[roleID] {
		if p := x.people[pid]; p != nil && p.StatusOrDefault() == StatusActive {
			return true
		}
	}
	return false
}
