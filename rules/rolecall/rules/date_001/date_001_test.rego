package rolecall.rules.date_001_test

import data.rolecall.rules.date_001

# as_of 2026-11-27: 2026-11-28 is the first date after it.
_register(d) := {
	"organisation": {"name": "Acme", "approved_by": "p1", "approved_on": d, "reviewed_on": d},
	"policy": {"id": "pol", "title": "Security policy", "approved_by": "p1", "approved_on": d, "reviewed_on": d},
	"people": [
		{"id": "p0", "name": "Zed"},
		{
			"id": "p1", "name": "Ada",
			"acknowledgements": {"policy": d, "induction": d, "awareness_training": d},
			"competences": [
				{"id": "iso-la", "achieved_on": "2020-01-01", "expires_on": "2027-01-01"},
				{"id": "cissp", "achieved_on": d, "expires_on": "2029-01-01"},
			],
		},
	],
	"activities": [{"id": "a1", "name": "Patching", "process": "patch_management", "last_performed": d, "signed_off": {"by": "p1", "date": d}}],
	"delegations": [{"id": "d1", "activity": "a1", "from": "r1", "to": "r2", "starts_on": "2027-01-01", "expires_on": "2027-06-01", "review": {"by": "p1", "date": d}}],
	"risks": [{"id": "k1", "title": "Legacy VPN", "acceptance": {"by": "p1", "date": d, "expires_on": "2027-06-01"}}],
}

_message(who, did, field) := sprintf(
	"%s %s on 2026-11-28, after the evaluation date 2026-11-27: future-dated evidence is no evidence, so correct %s to the date it actually happened.",
	[who, did, field],
)

test_every_future_record_date_fires_once if {
	date_001.finding == {
		{"subject": "organisation", "path": "/organisation/approved_on", "message": _message("Organisation \"Acme\"", "was approved", "approved_on")},
		{"subject": "organisation", "path": "/organisation/reviewed_on", "message": _message("Organisation \"Acme\"", "was reviewed", "reviewed_on")},
		{"subject": "policy", "path": "/policy/approved_on", "message": _message("Policy pol \"Security policy\"", "was approved", "approved_on")},
		{"subject": "policy", "path": "/policy/reviewed_on", "message": _message("Policy pol \"Security policy\"", "was reviewed", "reviewed_on")},
		{"subject": "person:p1", "path": "/people/1/acknowledgements/policy", "message": _message("Person p1 \"Ada\"", "signed the policy", "acknowledgements.policy")},
		{"subject": "person:p1", "path": "/people/1/acknowledgements/induction", "message": _message("Person p1 \"Ada\"", "completed induction", "acknowledgements.induction")},
		{"subject": "person:p1", "path": "/people/1/acknowledgements/awareness_training", "message": _message("Person p1 \"Ada\"", "completed awareness training", "acknowledgements.awareness_training")},
		{"subject": "person:p1", "path": "/people/1/competences/1/achieved_on", "message": _message("Person p1 \"Ada\"", "achieved competence cissp", "the achieved_on of competence cissp")},
		{"subject": "activity:a1", "path": "/activities/0/last_performed", "message": _message("Activity a1 \"Patching\"", "was last performed", "last_performed")},
		{"subject": "activity:a1", "path": "/activities/0/signed_off/date", "message": _message("Activity a1 \"Patching\"", "was signed off", "signed_off.date")},
		{"subject": "delegation:d1", "path": "/delegations/0/review/date", "message": _message("Delegation d1 of activity a1", "was reviewed", "review.date")},
		{"subject": "risk:k1", "path": "/risks/0/acceptance/date", "message": _message("Risk k1 \"Legacy VPN\"", "was accepted", "acceptance.date")},
	} with input as {"as_of": "2026-11-27", "register": _register("2026-11-28")}
}

test_dates_on_or_before_as_of_do_not_fire if {
	# expires_on and starts_on after as_of are plans, never reported.
	count(date_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register("2026-11-27")}
	count(date_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": _register("2026-11-26")}
}

test_one_future_date_among_others if {
	date_001.finding == {{
		"subject": "activity:a2",
		"message": _message("Activity a2 \"Backups\"", "was signed off", "signed_off.date"),
		"path": "/activities/1/signed_off/date",
	}} with input as {"as_of": "2026-11-27", "register": {"organisation": {"name": "Acme"}, "activities": [
		{"id": "a1", "name": "Patching", "process": "patch_management", "last_performed": "2026-11-27", "signed_off": {"by": "p1", "date": "2026-11-27"}},
		{"id": "a2", "name": "Backups", "process": "backup_verification", "last_performed": "2026-11-20", "signed_off": {"by": "p1", "date": "2026-11-28"}},
	]}}
}

test_absent_optional_dates_do_not_fire if {
	count(date_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"policy": {"id": "pol", "title": "Security policy"},
		"people": [{"id": "p1", "name": "Ada", "acknowledgements": {}, "competences": []}],
		"activities": [{"id": "a1", "name": "Patching", "process": "patch_management"}],
		"delegations": [{"id": "d1", "activity": "a1", "from": "r1", "to": "r2", "expires_on": "2030-01-01"}],
		"risks": [{"id": "k1", "title": "Legacy VPN", "treatment": "accept"}],
	}}
}

test_future_plans_alone_do_not_fire if {
	count(date_001.finding) == 0 with input as {"as_of": "2026-11-27", "register": {
		"organisation": {"name": "Acme"},
		"people": [{"id": "p1", "name": "Ada", "competences": [{"id": "iso-la", "achieved_on": "2026-01-01", "expires_on": "2028-01-01"}]}],
		"delegations": [{"id": "d1", "activity": "a1", "from": "r1", "to": "r2", "starts_on": "2027-01-01", "expires_on": "2028-01-01"}],
		"risks": [{"id": "k1", "title": "Legacy VPN", "acceptance": {"by": "p1", "date": "2026-01-01", "expires_on": "2027-01-01"}}],
		"exceptions": [{"id": "e1", "rule": "A52-ROLE-003", "subject": "role:r1", "reason": "x", "approved_by": "p1", "expires_on": "2027-01-01"}],
	}}
}
