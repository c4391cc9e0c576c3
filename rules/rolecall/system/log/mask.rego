# METADATA
# title: rolecall decision-log mask
# description: |
#   What an OPA that logs decisions about registers keeps of them. A register
#   holds people's names, e-mail addresses and free text (duties, reasons,
#   rationales, evidence, attributes), and a finding's message names the people
#   it is about. The mask keeps what an auditor needs to tell which check gave
#   which findings, and nothing a person can be recognised by:
#
#   - the logged input is replaced by the evaluation date (when it is a date),
#     the SHA-256 of the input as posted (json.marshal, keys sorted) and, for
#     a register, its version and the number of entries of each list;
#   - the findings of data.rolecall.report keep rule, severity, control,
#     subject (an entity id), path and waived; title, remediation and message
#     are dropped (the first two are the catalogue's, the message names
#     people);
#   - the result of any other query is erased: a rule's own finding set
#     carries the messages.
#
#   It is an allow-list, so a key added to the register tomorrow is not logged
#   either. The bundle rolecall writes serves it as data.system.log.mask, the
#   decision OPA masks with by default; a directory served as it stands
#   (opa run rules/) needs decision_logs.mask_decision set to
#   rolecall/system/log/mask.
package rolecall.system.log

# The logged input, whatever was posted.
mask contains {"op": "upsert", "path": "/input", "value": _logged_input} if {
	_ = input.input
}

# The findings of the report, reduced to the fields that name no person.
mask contains {"op": "upsert", "path": "/result", "value": {"findings": [object.filter(f, _kept) | some f in input.result.findings]}} if {
	input.path == "rolecall/report"
	is_array(input.result.findings)
}

# The result of a query other than the report (or of the report answered with
# something other than findings or errors) is erased.
mask contains "/result" if {
	_ = input.result
	not _report_answer
}

# _report_answer is true when the decision is the report's findings or its
# input errors; the error messages say what is wrong with the request's shape.
_report_answer if {
	input.path == "rolecall/report"
	is_array(input.result.findings)
}

_report_answer if {
	input.path == "rolecall/report"
	object.keys(input.result) == {"errors"}
	every msg in input.result.errors {
		is_string(msg)
		not contains(msg, "input.as_of is \"")
	}
}

# The fields of a finding the log keeps.
_kept := {"rule", "severity", "control", "subject", "path", "waived"}

_logged_input := object.union_n([
	{"sha256": crypto.sha256(json.marshal(input.input))},
	_as_of(input.input),
	_register(input.input),
])

# _as_of(posted) is {"as_of": date} when the posted input has a date YYYY-MM-DD.
_as_of(posted) := {"as_of": posted.as_of} if {
	is_string(posted.as_of)
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, posted.as_of)
} else := {}

# _register(posted) summarises the posted register: its version when it is a
# number, and the number of entries of each of its lists.
_register(posted) := {"register": object.union(
	{"entries": {key: count(value) | some key, value in posted.register; is_array(value)}},
	{"version": v | v := posted.register.version; is_number(v)},
)} if {
	is_object(posted.register)
} else := {}
