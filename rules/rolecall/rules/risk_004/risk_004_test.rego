package rolecall.rules.risk_004_test

import data.rolecall.rules.risk_004

_roles := [
	{"id": "ceo", "name": "CEO", "kind": "senior_management", "function": "executive"},
	{"id": "fin-lead", "name": "Finance lead", "kind": "risk_owner", "function": "finance"},
	{"id": "it-lead", "name": "IT lead", "kind": "process_owner", "function": "it"},
	{"id": "ciso", "name": "CISO", "kind": "ciso", "function": "security"},
]

_people := [
	{"id": "p-ceo", "name": "Cleo", "roles": ["ceo"]},
	{"id": "p-fin", "name": "Finn", "roles": ["fin-lead"]},
	{"id": "p-it", "name": "Ivy", "roles": ["it-lead"]},
	{"id": "p-sec", "name": "Sam", "roles": ["ciso"]},
	{"id": "p-fin-ceo", "name": "Fay", "roles": ["fin-lead", "ceo"]},
	{"id": "p-it-ceo", "name": "Ian", "roles": ["it-lead", "ceo"]},
	{"id": "p-team", "name": "Tess"},
	{"id": "p-left", "name": "Lee", "status": "leaver", "roles": ["fin-lead"]},
]

_teams := [{"id": "t-it", "name": "IT leads", "members": ["p-team"], "roles": ["it-lead"]}]

# it-lead may accept up to the given level, for the given assets.
_it_authority(max, assets) := {"id": "auth-it", "decision": "accept_risk", "approver": "it-lead", "max_risk_level": max, "assets": assets}

_risk(residual, by) := {
	"id": "r1", "title": "Legacy VPN", "owner": "fin-lead", "assets": ["vpn", "crm"],
	"residual": residual, "treatment": "accept", "acceptance": {"by": by, "date": "2026-01-01"},
}

_input(risk, authorities) := {"as_of": "2026-11-27", "register": {
	"roles": _roles, "people": _people, "teams": _teams,
	"authorities": authorities, "risks": [{"id": "r0", "title": "Other", "owner": "fin-lead"}, risk],
}}

test_acceptor_without_entitlement_fires if {
	risk_004.finding == {{
		"subject": "risk:r1",
		"message": "Risk r1 \"Legacy VPN\" (residual low) was accepted by p-sec \"Sam\", who is not entitled to accept it: have it accepted by a person an accept_risk authority or the risk's ownership entitles, and by senior management from high.",
		"path": "/risks/1/acceptance/by",
	}} with input as _input(_risk("low", "p-sec"), [])
}

# Clause 2: the owner, up to owner_may_accept_up_to (medium).
test_owner_may_accept_exactly_up_to_the_limit if {
	count(risk_004.finding) == 0 with input as _input(_risk("medium", "p-fin"), [])
	count(risk_004.finding) == 0 with input as _input(_risk("low", "p-fin"), [])
}

test_owner_may_not_accept_above_the_limit_even_as_senior if {
	count(risk_004.finding) == 1 with input as _input(_risk("high", "p-fin-ceo"), [])
	count(risk_004.finding) == 0 with input as _input(_risk("high", "p-fin-ceo"), [])
		with data.rolecall.params.owner_may_accept_up_to as "high"
}

test_owner_limit_parameter_applies if {
	count(risk_004.finding) == 1 with input as _input(_risk("medium", "p-fin"), [])
		with data.rolecall.params.owner_may_accept_up_to as "low"
}

test_owner_who_left_still_holds_the_role_as_signer if {
	count(risk_004.finding) == 0 with input as _input(_risk("medium", "p-left"), [])
}

test_risk_without_owner_is_not_accepted_through_ownership if {
	count(risk_004.finding) == 1 with input as _input(object.remove(_risk("low", "p-fin"), ["owner"]), [])
}

# Clause 1: an accept_risk authority, level compared with max_risk_level.
test_authority_exactly_at_its_max_level_entitles if {
	count(risk_004.finding) == 0 with input as _input(_risk("medium", "p-it"), [_it_authority("medium", [])])
}

test_authority_below_the_level_does_not_entitle if {
	# senior_acceptance_from critical isolates the max_risk_level comparison.
	count(risk_004.finding) == 1 with input as _input(_risk("high", "p-it"), [_it_authority("medium", [])])
		with data.rolecall.params.senior_acceptance_from as "critical"
	count(risk_004.finding) == 0 with input as _input(_risk("high", "p-it"), [_it_authority("high", [])])
		with data.rolecall.params.senior_acceptance_from as "critical"
}

test_authority_without_max_level_covers_every_level if {
	count(risk_004.finding) == 0 with input as _input(_risk("critical", "p-it-ceo"), [object.remove(_it_authority("low", []), ["max_risk_level"])])
}

test_authority_of_another_decision_does_not_entitle if {
	count(risk_004.finding) == 1 with input as _input(_risk("low", "p-it"), [object.union(_it_authority("critical", []), {"decision": "approve_exception"})])
}

test_authority_held_through_a_team_entitles if {
	count(risk_004.finding) == 0 with input as _input(_risk("medium", "p-team"), [_it_authority("medium", [])])
}

test_authority_limited_to_assets_needs_a_shared_asset if {
	count(risk_004.finding) == 0 with input as _input(_risk("low", "p-it"), [_it_authority("medium", ["crm", "erp"])])
	count(risk_004.finding) == 1 with input as _input(_risk("low", "p-it"), [_it_authority("medium", ["erp"])])
	count(risk_004.finding) == 1 with input as _input(object.remove(_risk("low", "p-it"), ["assets"]), [_it_authority("medium", ["erp"])])
}

# In either case, from senior_acceptance_from (high) the acceptor must hold senior_management.
test_level_exactly_at_senior_threshold_needs_senior_management if {
	risk_004.finding == {{
		"subject": "risk:r1",
		"message": "Risk r1 \"Legacy VPN\" (residual high) was accepted by p-it \"Ivy\", who is not entitled to accept it: have it accepted by a person an accept_risk authority or the risk's ownership entitles, and by senior management from high.",
		"path": "/risks/1/acceptance/by",
	}} with input as _input(_risk("high", "p-it"), [_it_authority("critical", [])])
	count(risk_004.finding) == 0 with input as _input(_risk("high", "p-it-ceo"), [_it_authority("critical", [])])
}

test_level_below_senior_threshold_needs_no_senior_management if {
	count(risk_004.finding) == 0 with input as _input(_risk("medium", "p-it"), [_it_authority("critical", [])])
}

test_senior_management_alone_does_not_entitle if {
	count(risk_004.finding) == 1 with input as _input(_risk("low", "p-ceo"), [])
}

test_absent_residual_counts_as_high if {
	risk_004.finding == {{
		"subject": "risk:r1",
		"message": "Risk r1 \"Legacy VPN\" (residual high) was accepted by p-fin \"Finn\", who is not entitled to accept it: have it accepted by a person an accept_risk authority or the risk's ownership entitles, and by senior management from high.",
		"path": "/risks/1/acceptance/by",
	}} with input as _input(object.remove(_risk("low", "p-fin"), ["residual"]), [])
	count(risk_004.finding) == 1 with input as _input(object.remove(_risk("low", "p-it-ceo"), ["residual"]), [_it_authority("medium", [])])
	count(risk_004.finding) == 0 with input as _input(object.remove(_risk("low", "p-it-ceo"), ["residual"]), [_it_authority("high", [])])
}

test_acceptance_whatever_the_treatment_is_checked if {
	count(risk_004.finding) == 1 with input as _input(object.union(_risk("low", "p-sec"), {"treatment": "mitigate"}), [])
}

test_undefined_acceptor_is_not_entitled if {
	risk_004.finding == {{
		"subject": "risk:r1",
		"message": "Risk r1 \"Legacy VPN\" (residual low) was accepted by ghost, who is not entitled to accept it: have it accepted by a person an accept_risk authority or the risk's ownership entitles, and by senior management from high.",
		"path": "/risks/1/acceptance/by",
	}} with input as _input(_risk("low", "ghost"), [])
}

test_risk_without_acceptance_does_not_fire if {
	count(risk_004.finding) == 0 with input as _input(object.remove(_risk("critical", "p-sec"), ["acceptance"]), [])
}
