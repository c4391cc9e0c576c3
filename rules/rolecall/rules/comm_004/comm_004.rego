# METADATA
# title: Person without an induction
# description: |
#   Security responsibilities are communicated at induction: everyone other than
#   a leaver needs an induction on record (acknowledgements.induction). A date
#   after the evaluation date counts as given here (A52-DATE-001 reports it).
# related_resources:
#   - description: ISO/IEC 27001:2022 Annex A 6.3, Information security awareness, education and training
#     ref: https://www.iso.org/standard/27001
#   - description: ISO/IEC 27001:2022 Annex A 5.2, Information security roles and responsibilities
#     ref: https://www.iso.org/standard/27001
# custom:
#   id: A52-COMM-004
#   severity: low
#   control: A.6.3
#   remediation: Take the person through the induction on their security responsibilities and record the date in acknowledgements.induction.
package rolecall.rules.comm_004

import data.rolecall.lib

finding contains {
	"subject": sprintf("person:%s", [person.id]),
	"message": sprintf(
		"Person %s has no induction on record: take them through the induction on their security responsibilities and record the date in acknowledgements.induction.",
		[lib.display(person)],
	),
	"path": lib.ptr(["people", i]),
} if {
	some i, person in lib.people_list
	not person.acknowledgements.induction
	lib.is_non_leaver(person)
}
