// Package evidence writes the evidence pack of a register: one document an
// auditor or a leadership team reads to see who is responsible for what, and
// how well the register holds up against the rules, as of one date.
//
// A pack shows the governance chart (roles, their holders and reporting lines,
// with the security lead's line to top management), the RACI matrix and a heat
// map of who carries the accountable and responsible letters, asset owners and
// custodians, risk owners and acceptances, authorisation levels, delegations
// and their reviews, each person's roles, acknowledgements and competences,
// segregation conflicts, the register's and the policy's approval and review,
// the open findings with what to do, the exceptions and what they waive, a chart
// of open findings by area and severity, and a cross-reference of the rules to
// ISO/IEC 27001 and 27002 and, where a Mappings source provides them, to SOC 2,
// NIST CSF 2.0 and NIST SP 800-53.
//
// HTML writes one self-contained file (inline CSS and SVG, no script, no font or
// image fetched when it is opened) that reads on screen and prints with a page
// per section; Markdown writes the same content for a repository or wiki, with
// the governance chart as a Mermaid diagram. Write picks one by name. The
// output depends only on the pack (the register, its report and the rules): the
// same inputs give the same bytes, whatever the clock or the machine.
//
// The package reads the register through package raci and the findings and
// rules through package engine's types; it never evaluates anything itself.
// It must never import OPA packages directly (it links them only through
// package engine), the command line, the output formats or a browser driver:
// the browser that tests the HTML pack is driven from the tests and from
// internal/browser alone (TestPackageLinksNoBrowser holds this).
package evidence
