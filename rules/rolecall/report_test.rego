package rolecall.report_test

import data.rolecall

_register := {"version": 1, "organisation": {"name": "Minimal Ltd"}, "roles": [], "people": []}

test_report_evaluates_a_well_formed_input if {
	r := rolecall.report with input as {"as_of": "2026-11-27", "register": _register}
	not r.errors
	count(r.findings) > 0
}

test_report_refuses_a_missing_as_of if {
	r := rolecall.report with input as {"register": _register}
	r == {"errors": ["input.as_of is missing: give the evaluation date as YYYY-MM-DD (rolecall input FILE --as-of DATE prints a complete input)"]}
}

test_report_refuses_every_bad_date_form if {
	bad := ["2026-02-30", "2026-02-29", "2100-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "27/11/2026", "2026-11-27T00:00:00Z", 20261127, null]
	refused := {b |
		some b in bad
		r := rolecall.report with input as {"as_of": b, "register": _register}
		count(r.errors) == 1
		startswith(r.errors[0], "input.as_of is ")
		endswith(r.errors[0], ", not a date: give the evaluation date as YYYY-MM-DD")
		not r.findings
	}
	count(refused) == count(bad)
}

test_report_refuses_a_missing_register if {
	r := rolecall.report with input as {"as_of": "2026-11-27"}
	r == {"errors": ["input.register is missing: the input is {\"as_of\": \"YYYY-MM-DD\", \"register\": {...}} (rolecall input FILE prints it)"]}
}

test_report_recognises_an_unwrapped_register if {
	r := rolecall.report with input as _register
	count(r.errors) == 2
	contains(r.errors[1], "the input looks like a register itself: wrap it")
}

test_report_refuses_a_register_that_is_not_an_object if {
	r := rolecall.report with input as {"as_of": "2026-11-27", "register": [_register]}
	r == {"errors": ["input.register is not an object but an array: it must be a register as rolecall input prints it"]}
}

test_report_refuses_an_input_that_is_not_an_object if {
	r := rolecall.report with input as "register"
	count(r.errors) == 2
}

test_report_accepts_leap_days_and_month_ends if {
	good := ["2024-02-29", "2000-02-29", "2026-12-31", "2026-04-30"]
	accepted := {g |
		some g in good
		r := rolecall.report with input as {"as_of": g, "register": _register}
		not r.errors
	}
	count(accepted) == count(good)
}
