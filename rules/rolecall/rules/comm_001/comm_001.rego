# METADATA
# title: Person has not signed the current policy
# description: |
#   Everyone who works for the organisation must have read and acknowledged the
#   information security policy in force: a person other than a leaver without a
#   policy acknowledgement (also when the register has no policy), or whose
#   acknowledgement is earlier than the policy's approval date, has not signed the
#   current policy.
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 5.1, Policies for information security
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-COMM-001
#   severity: medium
#   control: A.5.1
#   remediation: Have the person read and sign the current information security policy and record the date in acknowledgements.policy.
package rolecall.rules.comm_001

import data.rolecall.lib

# The approval date of the policy in force; undefined when there is none.
_policy_approved_on := lib.register.policy.approved_on

# _candidates lists [i, person] for the people whose policy acknowledgement is
# missing ("" below) or not after the policy's approval ("" when there is none): a
# necessary condition of both findings, checked with one comparison per person, so
# that the exact conditions below only run on the few candidates.
_candidates := [[i, person] |
	approved_on := object.get(lib.register, ["policy", "approved_on"], "")
	some i, person in lib.people_list
	object.get(person, ["acknowledgements", "policy"], "") <= approved_on
]

finding contains {
	"subject": sprintf("person:%s", [person.id]),
	"message": sprintf(
		"Person %s has not signed the information security policy: have them sign it and record the date in acknowledgements.policy.",
		[lib.display(person)],
	),
	"path": lib.ptr(["people", i]),
} if {
	some [i, person] in _candidates
	lib.is_non_leaver(person)
	not person.acknowledgements.policy
}

finding contains {
	"subject": sprintf("person:%s", [person.id]),
	"message": sprintf(
		"Person %s signed the policy on %s, before the current version was approved on %s: have them sign the current policy.",
		[lib.display(person), signed, _policy_approved_on],
	),
	"path": lib.ptr(["people", i, "acknowledgements", "policy"]),
} if {
	some [i, person] in _candidates
	lib.is_non_leaver(person)
	signed := person.acknowledgements.policy
	signed < _policy_approved_on
}
