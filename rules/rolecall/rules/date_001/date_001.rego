# METADATA
# title: Record dated after the evaluation date
# description: |
#   A record of something done (an approval, a review, an acknowledgement, a
#   competence achieved, a run performed or signed off, a risk accepted) that is
#   dated after the evaluation date is no evidence that it was done, and it silences
#   the rules that read the date (a future date is never older than a limit). One
#   finding per such date, so a record with two future dates has two findings.
#   expires_on and starts_on are plans, not records, and are never reported.
# related_resources:
#   - description: ISO/IEC 27001:2022 clause 7.5, Documented information
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-DATE-001
#   severity: medium
#   control: Clause 7.5
#   remediation: Correct the date to the day the thing was actually done, or remove the record until it has been done.
package rolecall.rules.date_001

import data.rolecall.lib

# _message(who, did, date, field) is the message of a future date: who names the
# entity, did says what the date records.
_message(who, did, date, field) := sprintf(
	"%s %s on %s, after the evaluation date %s: future-dated evidence is no evidence, so correct %s to the date it actually happened.",
	[who, did, date, lib.as_of, field],
)

# _approval_fields names what the register's and the policy's dates record.
_approval_fields := {"approved_on": "was approved", "reviewed_on": "was reviewed"}

# _acknowledgement_fields names what a person's acknowledgement dates record.
_acknowledgement_fields := {
	"policy": "signed the policy",
	"induction": "completed induction",
	"awareness_training": "completed awareness training",
}

finding contains {
	"subject": "organisation",
	"message": _message(sprintf("Organisation %q", [organisation.name]), did, date, field),
	"path": lib.ptr(["organisation", field]),
} if {
	organisation := lib.register.organisation
	some field, did in _approval_fields
	date := organisation[field]
	date > lib.as_of
}

finding contains {
	"subject": "policy",
	"message": _message(sprintf("Policy %s", [lib.policy_display]), did, date, field),
	"path": lib.ptr(["policy", field]),
} if {
	some field, did in _approval_fields
	date := lib.register.policy[field]
	date > lib.as_of
}

finding contains {
	"subject": sprintf("person:%s", [person.id]),
	"message": _message(sprintf("Person %s", [lib.display(person)]), did, date, sprintf("acknowledgements.%s", [key])),
	"path": lib.ptr(["people", i, "acknowledgements", key]),
} if {
	as_of := lib.as_of
	fields := _acknowledgement_fields
	some i, person in lib.people_list
	some key, date in person.acknowledgements
	date > as_of
	did := fields[key]
}

finding contains {
	"subject": sprintf("person:%s", [person.id]),
	"message": _message(
		sprintf("Person %s", [lib.display(person)]),
		sprintf("achieved competence %s", [record.id]), record.achieved_on,
		sprintf("the achieved_on of competence %s", [record.id]),
	),
	"path": lib.ptr(["people", i, "competences", j, "achieved_on"]),
} if {
	as_of := lib.as_of
	some i, person in lib.people_list
	some j, record in person.competences
	record.achieved_on > as_of
}

finding contains {
	"subject": sprintf("activity:%s", [activity.id]),
	"message": _message(sprintf("Activity %s", [lib.display(activity)]), "was last performed", activity.last_performed, "last_performed"),
	"path": lib.ptr(["activities", i, "last_performed"]),
} if {
	some i, activity in lib.activity_list
	activity.last_performed > lib.as_of
}

finding contains {
	"subject": sprintf("activity:%s", [activity.id]),
	"message": _message(sprintf("Activity %s", [lib.display(activity)]), "was signed off", activity.signed_off.date, "signed_off.date"),
	"path": lib.ptr(["activities", i, "signed_off", "date"]),
} if {
	some i, activity in lib.activity_list
	activity.signed_off.date > lib.as_of
}

finding contains {
	"subject": sprintf("delegation:%s", [delegation.id]),
	"message": _message(sprintf("Delegation %s of activity %s", [delegation.id, delegation.activity]), "was reviewed", delegation.review.date, "review.date"),
	"path": lib.ptr(["delegations", i, "review", "date"]),
} if {
	some i, delegation in lib.delegation_list
	delegation.review.date > lib.as_of
}

finding contains {
	"subject": sprintf("risk:%s", [risk.id]),
	"message": _message(sprintf("Risk %s", [lib.risk_display(risk)]), "was accepted", risk.acceptance.date, "acceptance.date"),
	"path": lib.ptr(["risks", i, "acceptance", "date"]),
} if {
	some i, risk in lib.risk_list
	risk.acceptance.date > lib.as_of
}
