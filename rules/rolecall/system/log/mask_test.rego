package rolecall.system.log_test

import data.rolecall.system.log

_register := {
	"version": 1,
	"organisation": {"name": "Acme", "approved_by": "Ann Smith"},
	"roles": [{"id": "ceo", "name": "CEO", "duties": ["Sign the policy"]}],
	"people": [
		{"id": "ann", "name": "Ann Smith", "email": "ann@example.com", "roles": ["ceo"]},
		{"id": "bob", "name": "Bob Jones", "email": "bob@example.com", "attributes": {"location": "Leeds"}},
	],
}

_posted := {"as_of": "2026-11-27", "register": _register}

_finding := {
	"rule": "A52-COMM-001",
	"severity": "medium",
	"control": "A.5.1",
	"title": "Person has not signed the current policy",
	"subject": "bob",
	"message": "Bob Jones has not signed the current policy",
	"path": "/people/1",
	"remediation": "Have the person read and sign the current policy.",
}

_logged_input := {
	"sha256": crypto.sha256(json.marshal(_posted)),
	"as_of": "2026-11-27",
	"register": {"version": 1, "entries": {"roles": 1, "people": 2}},
}

test_report_decision_keeps_ids_and_drops_people if {
	event := {"path": "rolecall/report", "input": _posted, "result": {"findings": [
		_finding,
		object.union(_finding, {"subject": "ann", "path": "/people/0", "waived": "exc-1"}),
	]}}
	log.mask == {
		{"op": "upsert", "path": "/input", "value": _logged_input},
		{"op": "upsert", "path": "/result", "value": {"findings": [
			{"rule": "A52-COMM-001", "severity": "medium", "control": "A.5.1", "subject": "bob", "path": "/people/1"},
			{"rule": "A52-COMM-001", "severity": "medium", "control": "A.5.1", "subject": "ann", "path": "/people/0", "waived": "exc-1"},
		]}},
	} with input as event
}

test_clean_register_logs_empty_findings if {
	event := {"path": "rolecall/report", "input": _posted, "result": {"findings": []}}
	log.mask == {
		{"op": "upsert", "path": "/input", "value": _logged_input},
		{"op": "upsert", "path": "/result", "value": {"findings": []}},
	} with input as event
}

test_input_errors_are_kept if {
	posted := {"as_of": 20261127, "register": _register}
	event := {"path": "rolecall/report", "input": posted, "result": {"errors": ["input.as_of is 20261127, not a date: give the evaluation date as YYYY-MM-DD"]}}
	log.mask == {{"op": "upsert", "path": "/input", "value": {
		"sha256": crypto.sha256(json.marshal(posted)),
		"register": {"version": 1, "entries": {"roles": 1, "people": 2}},
	}}} with input as event
}

# An error quoting a string the client posted as as_of could carry any text.
test_input_error_quoting_a_string_is_erased if {
	posted := {"as_of": "Ann Smith", "register": _register}
	event := {"path": "rolecall/report", "input": posted, "result": {"errors": ["input.as_of is \"Ann Smith\", not a date: give the evaluation date as YYYY-MM-DD"]}}
	log.mask == {
		{"op": "upsert", "path": "/input", "value": {
			"sha256": crypto.sha256(json.marshal(posted)),
			"register": {"version": 1, "entries": {"roles": 1, "people": 2}},
		}},
		"/result",
	} with input as event
}

# A register posted without the {as_of, register} wrapper is not logged either.
test_unwrapped_register_is_reduced_to_its_digest if {
	event := {"path": "rolecall/report", "input": _register, "result": {"errors": ["input.as_of is missing"]}}
	log.mask == {{"op": "upsert", "path": "/input", "value": {"sha256": crypto.sha256(json.marshal(_register))}}} with input as event
}

test_other_queries_lose_their_result if {
	event := {"path": "rolecall/rules/comm_001/finding", "input": _posted, "result": [{"subject": "bob", "message": "Bob Jones has not signed"}]}
	log.mask == {{"op": "upsert", "path": "/input", "value": _logged_input}, "/result"} with input as event
}

test_decision_without_input_or_result_masks_nothing if {
	count(log.mask) == 0 with input as {"path": "system/bundles/rolecall/manifest/revision"}
}
