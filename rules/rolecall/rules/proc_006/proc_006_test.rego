package rolecall.rules.proc_006_test

import data.rolecall.rules.proc_006

_roles := [
	{"id": "it-lead", "name": "IT lead", "kind": "process_owner", "function": "it"},
	{"id": "it-ops", "name": "IT operations", "kind": "system_administrator", "function": "it"},
]

_people := [
	{"id": "p1", "name": "Ada", "roles": ["it-lead"]},
	{"id": "p2", "name": "Bob", "roles": ["it-ops"]},
	{"id": "p3", "name": "Cy", "status": "leaver", "roles": ["it-lead"]},
	{"id": "p4", "name": "Di"},
]

_teams := [{"id": "t1", "name": "Leads", "members": ["p4"], "roles": ["it-lead"]}]

_activity(signed_off) := object.union(
	{
		"id": "a1", "name": "Patching", "process": "patch_management",
		"raci": {"accountable": ["it-lead"], "responsible": ["it-ops"]},
		"last_performed": "2026-11-20",
	},
	signed_off,
)

_input(activity) := {"as_of": "2026-11-27", "register": {"roles": _roles, "people": _people, "teams": _teams, "activities": [activity]}}

test_signed_off_by_responsible_not_accountable_fires if {
	proc_006.finding == {{
		"subject": "activity:a1",
		"message": "Activity a1 \"Patching\" was signed off by p2 \"Bob\", who holds none of its accountable roles (it-lead): have a holder of an accountable role sign off the result.",
		"path": "/activities/0/signed_off/by",
	}} with input as _input(_activity({"signed_off": {"by": "p2", "date": "2026-11-21"}}))
}

test_missing_sign_off_fires if {
	proc_006.finding == {{
		"subject": "activity:a1",
		"message": "Activity a1 \"Patching\" was performed on 2026-11-20 but not signed off: have a holder of its accountable role (it-lead) sign off the result.",
		"path": "/activities/0",
	}} with input as _input(_activity({}))
}

test_signed_off_by_accountable_holder_does_not_fire if {
	count(proc_006.finding) == 0 with input as _input(_activity({"signed_off": {"by": "p1", "date": "2026-11-21"}}))
}

test_signer_holding_through_team_does_not_fire if {
	count(proc_006.finding) == 0 with input as _input(_activity({"signed_off": {"by": "p4", "date": "2026-11-21"}}))
}

test_signer_who_left_since_still_holds_the_role if {
	count(proc_006.finding) == 0 with input as _input(_activity({"signed_off": {"by": "p3", "date": "2026-11-21"}}))
}

test_undefined_signer_fires if {
	proc_006.finding == {{
		"subject": "activity:a1",
		"message": "Activity a1 \"Patching\" was signed off by ghost, who holds none of its accountable roles (it-lead): have a holder of an accountable role sign off the result.",
		"path": "/activities/0/signed_off/by",
	}} with input as _input(_activity({"signed_off": {"by": "ghost", "date": "2026-11-21"}}))
}

# An id that names no person holds nothing, even when a team lists it as a
# member of a team that holds the accountable role.
test_undefined_signer_listed_in_a_team_fires if {
	proc_006.finding == {{
		"subject": "activity:a1",
		"message": "Activity a1 \"Patching\" was signed off by ghost, who holds none of its accountable roles (it-lead): have a holder of an accountable role sign off the result.",
		"path": "/activities/0/signed_off/by",
	}} with input as _input(_activity({"signed_off": {"by": "ghost", "date": "2026-11-21"}}))
		with input.register.teams as [{"id": "t1", "name": "Leads", "members": ["p4", "ghost"], "roles": ["it-lead"]}]
}

test_no_accountable_role_nobody_can_sign_off if {
	proc_006.finding == {{
		"subject": "activity:a1",
		"message": "Activity a1 \"Patching\" was signed off by p1 \"Ada\", who holds none of its accountable roles (none): have a holder of an accountable role sign off the result.",
		"path": "/activities/0/signed_off/by",
	}} with input as _input({
		"id": "a1", "name": "Patching", "process": "patch_management",
		"last_performed": "2026-11-20", "signed_off": {"by": "p1", "date": "2026-11-21"},
	})
}

test_never_performed_activity_does_not_fire if {
	count(proc_006.finding) == 0 with input as _input(object.remove(_activity({}), ["last_performed"]))
	count(proc_006.finding) == 0 with input as _input(object.remove(_activity({"signed_off": {"by": "p2", "date": "2026-11-21"}}), ["last_performed"]))
}

test_sign_off_the_day_before_last_performed_fires if {
	proc_006.finding == {{
		"subject": "activity:a1",
		"message": "Activity a1 \"Patching\" was last performed on 2026-11-20 but its sign-off is dated 2026-11-19, so it signs off an earlier run: have a holder of its accountable role (it-lead) sign off the latest run.",
		"path": "/activities/0/signed_off/date",
	}} with input as _input(_activity({"signed_off": {"by": "p1", "date": "2026-11-19"}}))
}

test_sign_off_on_the_day_of_last_performed_does_not_fire if {
	count(proc_006.finding) == 0 with input as _input(_activity({"signed_off": {"by": "p1", "date": "2026-11-20"}}))
}

test_sign_off_the_day_after_last_performed_does_not_fire if {
	count(proc_006.finding) == 0 with input as _input(_activity({"signed_off": {"by": "p1", "date": "2026-11-21"}}))
}

# One finding per activity: an early sign-off by someone without the role names
# both problems.
test_early_sign_off_by_a_signer_without_the_role_fires_once if {
	proc_006.finding == {{
		"subject": "activity:a1",
		"message": "Activity a1 \"Patching\" was last performed on 2026-11-20 but its sign-off by p2 \"Bob\", who holds none of its accountable roles, is dated 2026-10-01, so it signs off an earlier run: have a holder of its accountable role (it-lead) sign off the latest run.",
		"path": "/activities/0/signed_off/date",
	}} with input as _input(_activity({"signed_off": {"by": "p2", "date": "2026-10-01"}}))
}
