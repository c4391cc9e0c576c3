package rolecall.rules.exc_002_test

import data.rolecall.rules.exc_002

# A catalogue of three bundled rules and one organisation rule, so that the
# dispatcher tests below depend on no other bundled rule.
_catalogue := {
	"rules": {
		"asset_001": {"id": "A52-ASSET-001", "title": "Asset without an owner", "severity": "high", "control": "A.5.9", "remediation": "r"},
		"exc_001": {"id": "A52-EXC-001", "title": "Exception not applied", "severity": "medium", "control": "A.5.2", "remediation": "r"},
		"exc_002": {"id": "A52-EXC-002", "title": "Exception that matches no finding", "severity": "info", "control": "A.5.2", "remediation": "Remove it."},
	},
	"custom": {"acme_001": {"id": "ACME-001", "title": "Acme rule", "severity": "low"}},
}

# The organisation rule ACME-001 reports the policy.
_custom := {"acme_001": {"finding": {{"subject": "policy", "message": "Acme wants more."}}}}

_register(exceptions) := {
	"organisation": {"name": "Acme"},
	"roles": [{"id": "ciso", "name": "CISO", "kind": "ciso", "function": "security"}],
	"people": [{"id": "p1", "name": "Ada", "roles": ["ciso"]}],
	"authorities": [{"id": "auth-exc", "decision": "approve_exception", "approver": "ciso"}],
	"assets": [
		{"id": "crm", "name": "CRM", "type": "saas"},
		{"id": "wiki", "name": "Wiki", "type": "saas", "owner": "ciso"},
	],
	"exceptions": exceptions,
}

_exception(id, rule, subject) := {
	"id": id, "rule": rule, "subject": subject, "reason": "r",
	"approved_by": "p1", "expires_on": "2027-01-31",
}

_input(exceptions) := {"as_of": "2026-11-27", "register": _register(exceptions)}

# The first phase as the dispatcher gives it: ASSET-001 reports crm, ACME-001 the
# policy.
_evaluated := {
	"A52-ASSET-001": {{"subject": "asset:crm", "message": "m", "path": "/assets/0"}},
	"A52-EXC-001": set(),
	"ACME-001": {{"subject": "policy", "message": "m"}},
}

test_exception_matching_no_finding_fires if {
	exc_002.findings_of(_evaluated) == {{
		"subject": "exception:e2",
		"message": "Exception e2 for A52-ASSET-001 on asset:wiki matches no finding (A52-ASSET-001 reports nothing about asset:wiki as of 2026-11-27): remove it, or correct its rule or subject.",
		"path": "/exceptions/1",
	}} with input as _input([
		_exception("e1", "A52-ASSET-001", "asset:crm"),
		_exception("e2", "A52-ASSET-001", "asset:wiki"),
	])
		with data.rolecall.catalogue as _catalogue
}

test_exception_matching_a_finding_does_not_fire if {
	count(exc_002.findings_of(_evaluated)) == 0 with input as _input([_exception("e1", "A52-ASSET-001", "asset:crm")])
		with data.rolecall.catalogue as _catalogue
}

# The finding must have the exception's rule and its subject.
test_finding_of_another_rule_or_subject_does_not_match if {
	{f.subject | some f in exc_002.findings_of(_evaluated)} == {"exception:e1", "exception:e2"} with input as _input([
		_exception("e1", "ACME-001", "asset:crm"),
		_exception("e2", "A52-ASSET-001", "policy"),
	])
		with data.rolecall.catalogue as _catalogue
}

# A set element without a message is no finding (the report leaves it out).
test_element_without_message_does_not_match if {
	{f.subject | some f in exc_002.findings_of({"A52-ASSET-001": {{"subject": "asset:crm"}}})} == {"exception:e1"} with input as _input([_exception("e1", "A52-ASSET-001", "asset:crm")])
		with data.rolecall.catalogue as _catalogue
}

# Expired, so A52-EXC-001 reports it: not this rule's.
test_exception_exc_001_reports_does_not_fire if {
	expired := object.union(_exception("e1", "A52-ASSET-001", "asset:wiki"), {"expires_on": "2026-11-26"})
	count(exc_002.findings_of(_evaluated)) == 0 with input as _input([expired])
		with data.rolecall.catalogue as _catalogue
	count(exc_002.findings_of(_evaluated)) == 0 with input as _input([_exception("e1", "A52-EXC-001", "exception:e1")])
		with data.rolecall.catalogue as _catalogue
}

test_exception_for_a_disabled_rule_fires if {
	exc_002.findings_of(object.remove(_evaluated, ["A52-ASSET-001"])) == {{
		"subject": "exception:e1",
		"message": "Exception e1 for A52-ASSET-001 on asset:crm matches no finding (rule A52-ASSET-001 is disabled, so it has no findings to waive): remove it, or enable the rule.",
		"path": "/exceptions/0",
	}} with input as _input([_exception("e1", "A52-ASSET-001", "asset:crm")])
		with data.rolecall.catalogue as _catalogue
}

# Through the dispatcher: [rule, subject, waived] of every finding of the report.
_reported := {[f.rule, f.subject, object.get(f, "waived", "")] | some f in data.rolecall.report.findings}

test_dispatcher_reports_stale_exceptions_and_waives_the_others if {
	exceptions := [
		_exception("e1", "A52-ASSET-001", "asset:crm"),
		_exception("e2", "A52-ASSET-001", "asset:wiki"),
		_exception("e3", "ACME-001", "policy"),
		_exception("e4", "ACME-001", "organisation"),
	]
	_reported == {
		["A52-ASSET-001", "asset:crm", "e1"],
		["ACME-001", "policy", "e3"],
		["A52-EXC-002", "exception:e2", ""],
		["A52-EXC-002", "exception:e4", ""],
	} with input as _input(exceptions)
		with data.rolecall.catalogue as _catalogue
		with data.rolecall.custom as _custom
}

# by_rule (what the Go engine evaluates) holds the same EXC-002 findings as the
# report, decorated there with the rule's metadata.
test_by_rule_and_report_agree if {
	exceptions := [_exception("e1", "A52-ASSET-001", "asset:wiki")]
	finding := {
		"subject": "exception:e1",
		"message": "Exception e1 for A52-ASSET-001 on asset:wiki matches no finding (A52-ASSET-001 reports nothing about asset:wiki as of 2026-11-27): remove it, or correct its rule or subject.",
		"path": "/exceptions/0",
	}
	data.rolecall.by_rule.rules["A52-EXC-002"] == {finding} with input as _input(exceptions)
		with data.rolecall.catalogue as _catalogue
		with data.rolecall.custom as _custom
	{f | some f in data.rolecall.report.findings; f.rule == "A52-EXC-002"} == {object.union(finding, {
		"rule": "A52-EXC-002", "severity": "info", "control": "A.5.2",
		"title": "Exception that matches no finding", "remediation": "Remove it.",
	})} with input as _input(exceptions)
		with data.rolecall.catalogue as _catalogue
		with data.rolecall.custom as _custom
}

test_dispatcher_counts_disabled_rules_as_having_no_findings if {
	_reported == {["A52-EXC-002", "exception:e1", ""], ["ACME-001", "policy", ""]} with input as _input([_exception("e1", "A52-ASSET-001", "asset:crm")])
		with data.rolecall.catalogue as _catalogue
		with data.rolecall.custom as _custom
		with data.rolecall.config as {"disabled": ["A52-ASSET-001"]}
}

test_disabled_exc_002_reports_nothing if {
	_reported == {["A52-ASSET-001", "asset:crm", ""], ["ACME-001", "policy", ""]} with input as _input([_exception("e2", "A52-ASSET-001", "asset:wiki")])
		with data.rolecall.catalogue as _catalogue
		with data.rolecall.custom as _custom
		with data.rolecall.config as {"disabled": ["A52-EXC-002"]}
	not data.rolecall.by_rule.rules["A52-EXC-002"] with input as _input([_exception("e2", "A52-ASSET-001", "asset:wiki")])
		with data.rolecall.catalogue as _catalogue
		with data.rolecall.custom as _custom
		with data.rolecall.config as {"disabled": ["A52-EXC-002"]}
}

# Exceptions that are not applied waive nothing: A52-EXC-001 reports them and
# A52-EXC-002 does not, whether they match a finding (e1, approved by an undefined
# person) or not (e2, self-approved: its approver holds its subject role).
test_exception_not_applied_waives_nothing if {
	exceptions := [
		object.union(_exception("e1", "A52-ASSET-001", "asset:crm"), {"approved_by": "ghost"}),
		_exception("e2", "A52-ASSET-001", "role:ciso"),
	]
	_reported == {
		["A52-ASSET-001", "asset:crm", ""],
		["ACME-001", "policy", ""],
		["A52-EXC-001", "exception:e1", ""],
		["A52-EXC-001", "exception:e2", ""],
	} with input as _input(exceptions)
		with data.rolecall.catalogue as _catalogue
		with data.rolecall.custom as _custom
}
