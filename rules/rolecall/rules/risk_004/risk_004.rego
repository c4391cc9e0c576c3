# METADATA
# title: Risk accepted by someone not entitled to accept it
# description: |
#   A risk acceptance (whatever the risk's treatment) must be made by someone entitled
#   to accept the risk's residual level L (high when absent): the holder of a role
#   approving an accept_risk authority whose max_risk_level is absent or at least L
#   and whose assets are empty or share an asset with the risk, or, up to
#   owner_may_accept_up_to, the holder of the risk's owner role; and, from
#   senior_acceptance_from on, the acceptor must also hold a senior_management role.
# related_resources:
#   - description: ISO/IEC 27001:2022 clause 6.1, Actions to address risks and opportunities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-RISK-004
#   severity: high
#   control: Clause 6.1
#   remediation: Have the risk accepted by a person whom an accept_risk authority (or, for lower risks, ownership) entitles, and by senior management for high risks.
package rolecall.rules.risk_004

import data.rolecall.lib

_accept_authorities := [a | some a in lib.authority_list; a.decision == "accept_risk"]

_accept_approvers := {a.approver | some a in _accept_authorities}

# _accept_authorities_of[role id] lists the accept_risk authorities the role approves.
_accept_authorities_of := {rid: authorities |
	some rid in _accept_approvers
	authorities := [a | some a in _accept_authorities; a.approver == rid]
}

_owner_rank := lib.risk_rank[lib.params.owner_may_accept_up_to]

_senior_rank := lib.risk_rank[lib.params.senior_acceptance_from]

# _level(risk) is the residual level of an accepted risk, high when absent.
_level(risk) := object.get(risk, "residual", "high")

# _covers_level(authority, rank) is true when the authority's max_risk_level is absent
# or at least the rank.
_covers_level(authority, _) if not authority.max_risk_level

_covers_level(authority, rank) if lib.risk_rank[authority.max_risk_level] >= rank

# _covers_assets(authority, risk) is true when the authority is not limited to assets
# or shares an asset with the risk.
_covers_assets(authority, _) if count(object.get(authority, "assets", [])) == 0

_covers_assets(authority, risk) if {
	some asset in authority.assets
	asset in object.get(risk, "assets", [])
}

# _entitled_by_authority(pid, risk, rank): the person holds a role approving an
# accept_risk authority that covers the risk's level and assets.
_entitled_by_authority(pid, risk, rank) if {
	lib.person_index[pid]
	some rid in lib.roles_of(pid)
	some authority in _accept_authorities_of[rid]
	_covers_level(authority, rank)
	_covers_assets(authority, risk)
}

# _entitled_by_ownership(pid, risk, rank): the level is at most owner_may_accept_up_to
# and the person holds the risk's owner role.
_entitled_by_ownership(pid, risk, rank) if {
	rank <= _owner_rank
	lib.holds(pid, risk.owner)
}

# _senior_enough(pid, rank): below senior_acceptance_from anyone will do; from it on
# the person must hold a senior_management role.
_senior_enough(_, rank) if rank < _senior_rank

_senior_enough(pid, rank) if {
	rank >= _senior_rank
	lib.holds_senior(pid)
}

_entitled(pid, risk, rank) if {
	_entitled_by_authority(pid, risk, rank)
	_senior_enough(pid, rank)
}

_entitled(pid, risk, rank) if {
	_entitled_by_ownership(pid, risk, rank)
	_senior_enough(pid, rank)
}

finding contains {
	"subject": sprintf("risk:%s", [risk.id]),
	"message": sprintf(
		"Risk %s (residual %s) was accepted by %s, who is not entitled to accept it: have it accepted by a person an accept_risk authority or the risk's ownership entitles, and by senior management from %s.",
		[lib.risk_display(risk), level, lib.person_display(acceptor), lib.params.senior_acceptance_from],
	),
	"path": lib.ptr(["risks", i, "acceptance", "by"]),
} if {
	some i, risk in lib.risk_list
	acceptor := risk.acceptance.by
	level := _level(risk)
	not _entitled(acceptor, risk, lib.risk_rank[level])
}
