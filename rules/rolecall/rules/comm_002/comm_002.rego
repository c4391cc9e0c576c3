# METADATA
# title: Awareness training missing or out of date
# description: |
#   People can only carry out their security responsibilities when they know them:
#   everyone other than a leaver needs awareness training completed within the last
#   awareness_interval_days days (365 by default).
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 6.3, Information security awareness, education and training
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-COMM-002
#   severity: medium
#   control: A.6.3
#   remediation: Have the person complete the awareness training and record the date in acknowledgements.awareness_training.
package rolecall.rules.comm_002

import data.rolecall.lib

# Training completed before this date is older than the interval.
_cutoff := lib.days_before(lib.as_of, lib.params.awareness_interval_days)

# _candidates lists [i, person] for the people whose training is missing ("" is
# before every date) or not after the cut-off: a necessary condition of both
# findings, checked with one comparison per person, so that the exact conditions
# below only run on the few candidates.
default _bound := ""

_bound := _cutoff

_candidates := [[i, person] |
	bound := _bound
	some i, person in lib.people_list
	object.get(person, ["acknowledgements", "awareness_training"], "") <= bound
]

finding contains {
	"subject": sprintf("person:%s", [person.id]),
	"message": sprintf(
		"Person %s has no awareness training on record: have them complete it and record the date in acknowledgements.awareness_training.",
		[lib.display(person)],
	),
	"path": lib.ptr(["people", i]),
} if {
	some [i, person] in _candidates
	lib.is_non_leaver(person)
	not person.acknowledgements.awareness_training
}

finding contains {
	"subject": sprintf("person:%s", [person.id]),
	"message": sprintf(
		"Person %s last completed awareness training on %s, more than %d days before %s: have them complete it again.",
		[lib.display(person), done, lib.params.awareness_interval_days, lib.as_of],
	),
	"path": lib.ptr(["people", i, "acknowledgements", "awareness_training"]),
} if {
	some [i, person] in _candidates
	lib.is_non_leaver(person)
	done := person.acknowledgements.awareness_training
	lib.older_than_cutoff(done, _cutoff)
}
