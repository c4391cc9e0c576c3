package rolecall.rules.doc_002_test

import data.rolecall.rules.doc_002

_register(organisation) := {"organisation": object.union({"name": "Acme"}, organisation), "roles": [], "people": []}

test_never_reviewed_fires if {
	doc_002.finding == {{
		"subject": "organisation",
		"message": "The register has never been reviewed: review it and record the date in organisation.reviewed_on.",
		"path": "/organisation",
	}} with input as {"as_of": "2026-11-27", "register": _register({})}
}

# 2025-11-27 is exactly 365 days before 2026-11-27: not older. One day more is.
test_review_exactly_at_the_interval_does_not_fire if {
	count(doc_002.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register({"reviewed_on": "2025-11-27"})}
}

test_review_one_day_past_the_interval_fires if {
	doc_002.finding == {{
		"subject": "organisation",
		"message": "The register was last reviewed or approved on 2025-11-26, more than 365 days before 2026-11-27: review it and record the date in organisation.reviewed_on.",
		"path": "/organisation/reviewed_on",
	}} with input as {"as_of": "2026-11-27", "register": _register({"reviewed_on": "2025-11-26", "approved_on": "2024-01-01"})}
}

test_later_approval_counts if {
	count(doc_002.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register({"reviewed_on": "2024-01-01", "approved_on": "2026-01-01"})}
}

test_approval_alone_counts_and_is_pointed_to if {
	doc_002.finding == {{
		"subject": "organisation",
		"message": "The register was last reviewed or approved on 2025-01-01, more than 365 days before 2026-11-27: review it and record the date in organisation.reviewed_on.",
		"path": "/organisation/approved_on",
	}} with input as {"as_of": "2026-11-27", "register": _register({"approved_on": "2025-01-01"})}
	count(doc_002.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register({"approved_on": "2026-01-01"})}
}

test_both_old_points_to_the_later if {
	{f.path | some f in doc_002.finding} == {"/organisation/approved_on"} with input as {"as_of": "2026-11-27", "register": _register({"reviewed_on": "2024-01-01", "approved_on": "2025-01-01"})}
}

test_date_after_as_of_is_not_old if {
	count(doc_002.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register({"reviewed_on": "2027-01-01"})}
}

test_interval_parameter if {
	count(doc_002.finding) == 1 with input as {"as_of": "2026-11-27", "register": _register({"reviewed_on": "2026-08-28"})}
		with data.rolecall.params.review_interval_days as 90
	count(doc_002.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register({"reviewed_on": "2026-08-29"})}
		with data.rolecall.params.review_interval_days as 90
}
