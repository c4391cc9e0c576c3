# METADATA
# title: Exception not applied
# description: |
#   An exception waives findings only while it is unexpired, names a rule that exists
#   (bundled or the organisation's own), is approved by a person holding a role that
#   approves an approve_exception authority, is not for A52-EXC-001 or A52-EXC-002
#   (an exception never hides another exception's problem), is not self-approved and
#   is about something: its subject names a defined entity or a value of the
#   register format (a typo such as asset:figmaa must not pass silently). Any other
#   exception is not applied and is reported, so that nobody relies on a waiver
#   that does not hold. An exception that simply matches no finding is not
#   reported here (A52-EXC-002 reports it).
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-EXC-001
#   severity: medium
#   control: A.5.2
#   remediation: Renew the exception, correct its rule id or subject, or have it approved by a holder of an approve_exception authority who is not its subject; otherwise remove it.
package rolecall.rules.exc_001

import data.rolecall.lib

# This package holds the one definition of which exceptions are applied: applied
# and waivers below are what the dispatcher (rules/rolecall/report.rego) waives
# findings with and what A52-EXC-002 checks against the findings.

# The exceptions that are for these rules are never applied.
_exception_rule_ids := {"A52-EXC-001", "A52-EXC-002"}

# _problems(e) lists the [field, text] of every reason why the exception is not
# applied, in the catalogue's order, field being the exception's field the reason
# is about; it is empty when the exception is applied.
_problems(e) := [problem |
	some problems in [
		[["expires_on", sprintf("expired on %s", [e.expires_on])] | lib.expired(e)],
		[["rule", text] |
			not e.rule in lib.known_rule_ids
			text := sprintf("names rule %s, which is neither a bundled rule nor one of the organisation's rules", [e.rule])
		],
		[["approved_by", text] |
			not lib.holds_any(e.approved_by, lib.exception_approver_roles)
			text := sprintf("its approver %s holds no role that approves an approve_exception authority", [lib.person_display(e.approved_by)])
		],
		[["rule", text] |
			e.rule in _exception_rule_ids
			text := sprintf("it is for rule %s, and an exception never hides another exception's problem", [e.rule])
		],
		[["approved_by", text] | text := _self_approved(e)],
		[["subject", _nothing(e.subject)] | not _about_something(e.subject)],
	]
	some problem in problems
]

# _self_approved(e) says how the exception is self-approved: its subject is
# person:P and P approved it, or its subject is role:R and a holder of R approved
# it; undefined otherwise.
_self_approved(e) := sprintf("it is self-approved: its approver %s is its subject", [lib.person_display(e.approved_by)]) if {
	e.subject == sprintf("person:%s", [e.approved_by])
} else := sprintf("it is self-approved: its approver %s holds role %s, its subject", [lib.person_display(e.approved_by), rid]) if {
	[kind, rid] := _split(e.subject)
	kind == "role"
	lib.holds(e.approved_by, rid)
}

# _not_applied[i] lists the reasons why exception i of the register is not
# applied; an applied exception has no key.
_not_applied := {i: problems |
	some i, e in lib.exception_list
	problems := _problems(e)
	count(problems) > 0
}

# applied contains the id of every exception that is applied: the exceptions this
# rule does not report.
applied contains e.id if {
	not_applied := _not_applied
	some i, e in lib.exception_list
	not not_applied[i]
}

_waiver_keys := {[e.rule, e.subject] | some e in lib.exception_list; e.id in applied}

# waivers[[rule, subject]] is the id of the applied exception that waives the
# findings of that rule about that subject (the smallest id when several do).
waivers := {key: min(ids) |
	some key in _waiver_keys
	ids := {e.id | some e in lib.exception_list; e.id in applied; [e.rule, e.subject] == key}
}

# _split(subject) is [KIND, ID] for a subject KIND:ID (split at the first colon);
# undefined for a subject without a colon or one that is not a string.
_split(subject) := [substring(subject, 0, n), substring(subject, n + 1, -1)] if {
	is_string(subject)
	n := indexof(subject, ":")
	n > 0
}

# _about_something(subject) is true when the subject can be the subject of a
# finding of this register: organisation, policy, KIND:ID naming a defined entity
# of KIND, or role-kind:, process:, decision:, function: with a value of that
# enumeration.
_about_something(subject) if subject in {"organisation", "policy"}

_about_something(subject) if {
	[kind, id] := _split(subject)
	_defines(kind, id)
}

_about_something(subject) if {
	[kind, value] := _split(subject)
	value in _enumerations[kind]
}

# _defines(kind, id) is true when the register defines an entity of that subject
# kind with that id.
_defines("role", id) if lib.roles[id]

_defines("person", id) if lib.person_index[id]

_defines("team", id) if lib.teams[id]

_defines("asset", id) if id in lib.asset_ids

_defines("activity", id) if id in lib.activity_ids

_defines("authority", id) if lib.authorities[id]

_defines("delegation", id) if lib.delegations[id]

_defines("risk", id) if lib.risks[id]

_defines("segregation", id) if {
	some c in lib.conflict_list
	c.id == id
}

_defines("exception", id) if {
	some e in lib.exception_list
	e.id == id
}

# The words for the entity kinds of subjects, for messages.
_entity_nouns := {
	"role": "role",
	"person": "person",
	"team": "team",
	"asset": "asset",
	"activity": "activity",
	"authority": "authority",
	"delegation": "delegation",
	"risk": "risk",
	"segregation": "segregation conflict",
	"exception": "exception",
}

# The enumerations of register-format.md (revision 2) that name a missing thing
# with no entity in a subject (role-kind:KIND, process:PROCESS, decision:DECISION,
# function:FUNCTION). Neither lib nor the bundled data holds them (the parameters
# hold required subsets only); they could move to lib.
_enumerations := {
	"role-kind": {
		"senior_management", "isms_manager", "ciso", "asset_owner", "process_owner",
		"risk_owner", "data_protection_officer", "incident_manager",
		"business_continuity_lead", "supplier_manager", "system_administrator",
		"internal_auditor", "staff", "other",
	},
	"process": {
		"user_provisioning", "user_deprovisioning", "access_review",
		"vulnerability_management", "patch_management", "incident_management",
		"logging_monitoring", "backup_verification", "change_control",
		"supplier_due_diligence", "risk_assessment", "awareness_training",
		"physical_security_check", "internal_audit", "management_review", "other",
	},
	"decision": {"grant_access", "approve_exception", "approve_supplier", "accept_risk", "approve_change", "other"},
	"function": {
		"executive", "security", "it", "hr", "finance", "operations", "legal", "sales",
		"facilities", "engineering", "business", "other",
	},
}

_enumeration_nouns := {"role-kind": "role kind", "process": "process", "decision": "decision", "function": "function"}

# _nothing(subject) says why a subject is about nothing.
_nothing(subject) := sprintf("its subject %s names no defined %s", [subject, _entity_nouns[kind]]) if {
	[kind, _] := _split(subject)
	_entity_nouns[kind]
} else := sprintf("its subject %s names no %s of the register format", [subject, _enumeration_nouns[kind]]) if {
	[kind, _] := _split(subject)
	_enumeration_nouns[kind]
} else := sprintf(
	"its subject %v is neither organisation, policy, KIND:ID of a defined entity nor role-kind:, process:, decision: or function: with a value of the register format",
	[subject],
)

finding contains {
	"subject": sprintf("exception:%s", [exception.id]),
	"message": sprintf(
		"Exception %s for %s on %s is not applied (%s): renew or correct it, or remove it.",
		[exception.id, exception.rule, exception.subject, concat("; ", [text | some [_, text] in problems])],
	),
	"path": lib.ptr(["exceptions", i, problems[0][0]]),
} if {
	some i, problems in _not_applied
	exception := lib.exception_list[i]
}
