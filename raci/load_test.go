package raci_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"go.yaml.in/yaml/v3"

	"github.com/rolecall/rolecall/raci"
)

// ---- helpers ----

// pb is an expected problem.
func pb(ptr string, line, col int, msg string) raci.Problem {
	return raci.Problem{Pointer: ptr, Pos: raci.Pos{Line: line, Column: col}, Message: msg}
}

// asLoadError asserts the loader's error contract (a *raci.LoadError that wraps
// raci.ErrInvalidRegister) and returns the *raci.LoadError.
func asLoadError(t *testing.T, err error) *raci.LoadError {
	t.Helper()
	if err == nil {
		t.Fatal("loading succeeded, want a *raci.LoadError")
	}
	var le *raci.LoadError
	if !errors.As(err, &le) {
		t.Fatalf("error %T (%v) is not a *raci.LoadError", err, err)
	}
	if !errors.Is(err, raci.ErrInvalidRegister) {
		t.Errorf("errors.Is(err, raci.ErrInvalidRegister) = false for %v", err)
	}
	return le
}

func ltLoadBytes(t *testing.T, src []byte, opts ...raci.LoadOption) *raci.Register {
	t.Helper()
	reg, err := raci.LoadBytes(src, opts...)
	if err != nil {
		t.Fatalf("LoadBytes: %v", err)
	}
	return reg
}

func ltLoadFile(t *testing.T, path string, opts ...raci.LoadOption) *raci.Register {
	t.Helper()
	reg, err := raci.LoadFile(path, opts...)
	if err != nil {
		t.Fatalf("LoadFile: %v", err)
	}
	return reg
}

// ignoreWhere compares Registers without where they were loaded from.
var ignoreWhere = cmpopts.IgnoreUnexported(raci.Register{})

// ltTwin is a YAML register converted to JSON by the test itself (walking the
// yaml.v3 node tree, not through the loader), with the position of every value
// and every member key in both texts, keyed by JSON pointer.
type ltTwin struct {
	json             string
	yamlVal, yamlKey map[string]raci.Pos
	jsonVal, jsonKey map[string]raci.Pos
}

// ltPosWriter writes text and tracks the 1-based line and column (in characters)
// of the next character.
type ltPosWriter struct {
	b         strings.Builder
	line, col int
}

func (w *ltPosWriter) pos() raci.Pos { return raci.Pos{Line: w.line, Column: w.col} }

func (w *ltPosWriter) write(s string) {
	w.b.WriteString(s)
	for _, r := range s {
		if r == '\n' {
			w.line++
			w.col = 1
		} else {
			w.col++
		}
	}
}

func ltJSONTwin(t *testing.T, src string) *ltTwin {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatalf("test case is not YAML: %v", err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		t.Fatalf("test case is not one YAML document")
	}
	tw := &ltTwin{yamlVal: map[string]raci.Pos{}, yamlKey: map[string]raci.Pos{}, jsonVal: map[string]raci.Pos{}, jsonKey: map[string]raci.Pos{}}
	w := &ltPosWriter{line: 1, col: 1}
	tw.emit(t, w, doc.Content[0], "", "")
	w.write("\n")
	tw.json = w.b.String()
	return tw
}

func ltEscape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

func ltQuote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		panic(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func (tw *ltTwin) emit(t *testing.T, w *ltPosWriter, n *yaml.Node, ptr, pad string) {
	t.Helper()
	tw.yamlVal[ptr] = raci.Pos{Line: n.Line, Column: n.Column}
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	tw.jsonVal[ptr] = w.pos()
	switch n.Kind {
	case yaml.MappingNode:
		if len(n.Content) == 0 {
			w.write("{}")
			return
		}
		w.write("{\n")
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := ptr + "/" + ltEscape(k.Value)
			w.write(pad + "  ")
			tw.yamlKey[p] = raci.Pos{Line: k.Line, Column: k.Column}
			tw.jsonKey[p] = w.pos()
			w.write(ltQuote(k.Value) + ": ")
			tw.emit(t, w, v, p, pad+"  ")
			if i+2 < len(n.Content) {
				w.write(",")
			}
			w.write("\n")
		}
		w.write(pad + "}")
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			w.write("[]")
			return
		}
		w.write("[\n")
		for i, item := range n.Content {
			w.write(pad + "  ")
			tw.emit(t, w, item, ptr+"/"+strconv.Itoa(i), pad+"  ")
			if i+1 < len(n.Content) {
				w.write(",")
			}
			w.write("\n")
		}
		w.write(pad + "]")
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!str", "!!timestamp":
			w.write(ltQuote(n.Value))
		case "!!int", "!!float":
			if !json.Valid([]byte(n.Value)) {
				t.Fatalf("test case: number %q has no JSON spelling", n.Value)
			}
			w.write(n.Value)
		case "!!bool":
			w.write(strings.ToLower(n.Value))
		case "!!null":
			w.write("null")
		default:
			t.Fatalf("test case: tag %s has no JSON spelling", n.Tag)
		}
	default:
		t.Fatalf("test case: unexpected YAML node kind %v", n.Kind)
	}
}

// ltLineRef matches a placeholder in expected messages for the line of a value:
// "{line /roles/0}".
var ltLineRef = regexp.MustCompile(`\{line (/[^}]*)\}`)

func ltExpandLines(t *testing.T, msg string, val map[string]raci.Pos) string {
	t.Helper()
	return ltLineRef.ReplaceAllStringFunc(msg, func(m string) string {
		ptr := ltLineRef.FindStringSubmatch(m)[1]
		p, ok := val[ptr]
		if !ok {
			t.Fatalf("test case: %s names a pointer that is not in the document", m)
		}
		return strconv.Itoa(p.Line)
	})
}

// wants returns the problems expected from the YAML text and from its JSON twin.
// The YAML positions are written in the case by hand; the JSON ones are those
// of the same value (or, when the YAML position is the member's key, of the same
// key) in the twin. A YAML position that is neither is a mistake in the case.
func (tw *ltTwin) wants(t *testing.T, want []raci.Problem) (yamlWant, jsonWant []raci.Problem) {
	t.Helper()
	for _, p := range want {
		y, j := p, p
		y.Message = ltExpandLines(t, p.Message, tw.yamlVal)
		j.Message = ltExpandLines(t, p.Message, tw.jsonVal)
		switch {
		case p.Pos == tw.yamlVal[p.Pointer]:
			j.Pos = tw.jsonVal[p.Pointer]
		case p.Pos == tw.yamlKey[p.Pointer]:
			j.Pos = tw.jsonKey[p.Pointer]
		default:
			t.Fatalf("test case: %s at %v is neither the value (%v) nor the key (%v) in the YAML",
				p.Pointer, p.Pos, tw.yamlVal[p.Pointer], tw.yamlKey[p.Pointer])
		}
		yamlWant = append(yamlWant, y)
		jsonWant = append(jsonWant, j)
	}
	return yamlWant, jsonWant
}

// ltApplyFix replaces each old string (which must be present) with its new one.
func ltApplyFix(t *testing.T, src string, fix []string) string {
	t.Helper()
	if len(fix)%2 != 0 {
		t.Fatalf("test case: fix holds %d strings, want old/new pairs", len(fix))
	}
	for i := 0; i < len(fix); i += 2 {
		if !strings.Contains(src, fix[i]) {
			t.Fatalf("test case: fix %q is not in the register", fix[i])
		}
		src = strings.Replace(src, fix[i], fix[i+1], 1)
	}
	return src
}

// ---- schema constraints ----

const (
	enumTopKeys     = "activities, assets, authorities, delegations, exceptions, organisation, people, policy, risks, roles, segregation, teams, version"
	enumRoleKinds   = "senior_management, isms_manager, ciso, asset_owner, process_owner, risk_owner, data_protection_officer, incident_manager, business_continuity_lead, supplier_manager, system_administrator, internal_auditor, staff, other"
	enumFunctions   = "executive, security, it, hr, finance, operations, legal, sales, facilities, engineering, business, other"
	enumEmployments = "employee, contractor"
	enumStatuses    = "active, leaver, on_leave"
	enumAssetTypes  = "saas, cloud_service, system, application, dataset, shared_drive, device, network, physical, other"
	enumClasses     = "public, internal, confidential, restricted"
	enumProcesses   = "user_provisioning, user_deprovisioning, access_review, vulnerability_management, patch_management, incident_management, logging_monitoring, backup_verification, change_control, supplier_due_diligence, risk_assessment, awareness_training, physical_security_check, internal_audit, management_review, other"
	enumFrequencies = "daily, weekly, monthly, quarterly, semiannual, annual, on_event"
	enumDecisions   = "grant_access, approve_exception, approve_supplier, accept_risk, approve_change, other"
	enumRiskLevels  = "low, medium, high, critical"
	enumTreatments  = "mitigate, accept, transfer, avoid"
	enumScopes      = "responsible, accountable"
	msgNotID        = "%q is not an id: ids are non-empty and contain no white space"
	msgText         = "expected a non-empty string"
	msgNonEmpty     = "expected a non-empty string, found an empty one"
	msgDup          = "items %d and %d are the same: a list of ids holds no id twice"
	msgSegregation  = " (a segregation conflict names exactly two distinct roles)"
	msgNotObject    = "expected a mapping (object), found "
)

func msgMissing(key string) string        { return fmt.Sprintf("missing required key %q", key) }
func msgNotOneOf(got, list string) string { return fmt.Sprintf("%q is not one of %s", got, list) }
func msgNotDate(got string) string {
	return fmt.Sprintf("%q is not a date: expected YYYY-MM-DD, a real calendar day", got)
}
func msgNotIDOf(got string) string { return fmt.Sprintf(msgNotID, got) }
func msgDupItems(i, j int) string  { return fmt.Sprintf(msgDup, i, j) }

// The cases below start from these registers; the comments give line numbers.
const (
	// Lines 1-4; a case's own lines start at 5.
	regHead = "version: 1\norganisation: {name: Acme}\nroles: []\npeople: []\n"
	// Lines 1-6 (the role's id on 5, name on 6); a case's own lines start at 7.
	roleRegHead = "version: 1\norganisation: {name: Acme}\npeople: []\nroles:\n  - id: ciso\n    name: CISO\n"
	// Lines 1-6 (the person's id on 5, name on 6); a case's own lines start at 7.
	personRegHead = "version: 1\norganisation: {name: Acme}\nroles: []\npeople:\n  - id: alice\n    name: Alice\n"
	// Lines 1-7; a case's own lines start at 8.
	assetRegHead = regHead + "assets:\n  - id: crm\n    name: CRM\n"
	// Lines 1-7; a case's own lines start at 8.
	activityRegHead = regHead + "activities:\n  - id: review\n    name: Access review\n"
	// Lines 1-6; a case's own lines start at 7.
	authorityRegHead = regHead + "authorities:\n  - id: auth-1\n"
	// Lines 1-9; a case's own lines start at 10.
	delegationRegHead = regHead + "delegations:\n  - id: del-1\n    activity: review\n    from: ciso\n    to: admin\n"
	// Lines 1-7; a case's own lines start at 8.
	riskRegHead = regHead + "risks:\n  - id: R-1\n    title: Laptop theft\n"
	// Lines 1-6; a case's own lines start at 7.
	segregationRegHead = regHead + "segregation:\n  - id: sod-1\n"
)

type ltSchemaCase struct {
	name string
	// bad is a register, in YAML, that breaks the constraint.
	bad string
	// fix holds old/new pairs; applied to bad they give the passing twin.
	fix []string
	// want is every problem of bad, with its YAML position.
	want []raci.Problem
}

var ltSchemaCases = []ltSchemaCase{
	// top level
	{
		name: "top level/required keys",
		bad:  "organisation: {name: Acme}\n",
		fix:  []string{"organisation: {name: Acme}\n", regHead},
		want: []raci.Problem{pb("", 1, 1, msgMissing("version")), pb("", 1, 1, msgMissing("roles")), pb("", 1, 1, msgMissing("people"))},
	},
	{
		name: "top level/unknown key",
		bad:  regHead + "extra: true\n",
		fix:  []string{"extra: true\n", ""},
		want: []raci.Problem{pb("/extra", 5, 1, `unknown key "extra": expected one of `+enumTopKeys)},
	},
	{
		name: "top level/misspelt key is unknown, with a suggestion",
		bad:  "version: 1\norganisation: {name: Acme}\nroles: []\npeple: []\n",
		fix:  []string{"peple", "people"},
		want: []raci.Problem{
			pb("", 1, 1, msgMissing("people")),
			pb("/peple", 4, 1, `unknown key "peple" (did you mean "people"?): expected one of `+enumTopKeys),
		},
	},
	{
		name: "top level/version const 1",
		bad:  "version: 2\norganisation: {name: Acme}\nroles: []\npeople: []\n",
		fix:  []string{"version: 2", "version: 1"},
		want: []raci.Problem{pb("/version", 1, 10, "2 is not allowed: expected 1")},
	},
	{
		name: "top level/version is an integer, not a string",
		bad:  "version: \"1\"\norganisation: {name: Acme}\nroles: []\npeople: []\n",
		fix:  []string{`"1"`, "1"},
		want: []raci.Problem{pb("/version", 1, 10, "expected an integer, found a string")},
	},
	{
		name: "top level/a mapping where a list belongs",
		bad:  "version: 1\norganisation: {name: Acme}\nroles: {ciso: CISO}\npeople: []\n",
		fix:  []string{"roles: {ciso: CISO}", "roles: []"},
		want: []raci.Problem{pb("/roles", 3, 8, "expected a list, found a mapping (object)")},
	},
	// organisation
	{
		name: "organisation/required name",
		bad:  "version: 1\norganisation:\n  reviewed_on: 2026-01-01\nroles: []\npeople: []\n",
		fix:  []string{"  reviewed_on", "  name: Acme\n  reviewed_on"},
		want: []raci.Problem{pb("/organisation", 3, 3, msgMissing("name"))},
	},
	{
		name: "organisation/empty name",
		bad:  "version: 1\norganisation: {name: \"\"}\nroles: []\npeople: []\n",
		fix:  []string{`{name: ""}`, "{name: Acme}"},
		want: []raci.Problem{pb("/organisation/name", 2, 22, msgText)},
	},
	{
		name: "organisation/a list where an object belongs",
		bad:  "version: 1\norganisation:\n  - name: Acme\nroles: []\npeople: []\n",
		fix:  []string{"  - name: Acme", "  name: Acme"},
		want: []raci.Problem{pb("/organisation", 3, 3, msgNotObject+"a list")},
	},
	{
		name: "organisation/a string (YAML 1.1 yes) where a bool belongs",
		bad:  "version: 1\norganisation:\n  name: Acme\n  handles_personal_data: yes\nroles: []\npeople: []\n",
		fix:  []string{"yes", "true"},
		want: []raci.Problem{pb("/organisation/handles_personal_data", 4, 26, "expected a boolean, found a string")},
	},
	{
		name: "organisation/impossible dates",
		bad:  "version: 1\norganisation:\n  name: Acme\n  approved_on: 2026-13-01\n  reviewed_on: 2026-02-30\nroles: []\npeople: []\n",
		fix:  []string{"2026-13-01", "2026-12-01", "2026-02-30", "2026-02-28"},
		want: []raci.Problem{
			pb("/organisation/approved_on", 4, 16, msgNotDate("2026-13-01")),
			pb("/organisation/reviewed_on", 5, 16, msgNotDate("2026-02-30")),
		},
	},
	{
		name: "organisation/unknown key on, a YAML 1.1 boolean",
		bad:  "version: 1\norganisation:\n  name: Acme\n  on: true\nroles: []\npeople: []\n",
		fix:  []string{"  on: true\n", ""},
		want: []raci.Problem{pb("/organisation/on", 4, 3,
			`unknown key "on": expected one of approved_by, approved_on, attributes, dpo_required, handles_personal_data, name, reviewed_on (YAML 1.1 readers take it for a boolean)`)},
	},
	{
		name: "revision 2/every key, and an unknown one beside them",
		bad: "version: 1\norganisation:\n  name: Acme\n  dpo_required: true\n" +
			"policy:\n  id: P\n  title: Policy\n  reviewed_on: 2026-05-01\n" +
			"roles:\n  - id: ceo\n    name: CEO\n    kind: senior_management\n    function: executive\n" +
			"  - id: audit\n    name: Auditor\n    kind: internal_auditor\n    function: business\n    reports_to: ceo\n    deputies: [ann]\n    reports_too: ceo\n" +
			"people:\n  - {id: ann, name: Ann}\n" +
			"activities:\n  - {id: ia, name: Audit, process: internal_audit}\n  - {id: mr, name: Review, process: management_review}\n" +
			"risks:\n  - id: k\n    title: Risk\n    acceptance: {by: ann, date: 2026-01-01, residual: medium}\n",
		fix: []string{"    reports_too: ceo\n", ""},
		want: []raci.Problem{pb("/roles/1/reports_too", 20, 5,
			`unknown key "reports_too" (did you mean "reports_to"?): expected one of attributes, competences, deputies, duties, function, id, kind, name, reports_to`)},
	},
	{
		name: "revision 2/enumerations and types of the new keys",
		bad: "version: 1\norganisation:\n  name: Acme\n  dpo_required: yes\n" +
			"roles:\n  - {id: a, name: A, kind: auditor, function: business, reports_to: [ceo], deputies: ann}\n" +
			"people: []\nrisks:\n  - {id: k, title: K, acceptance: {by: ann, date: 2026-01-01, residual: huge}}\n",
		fix: []string{"dpo_required: yes", "dpo_required: true", "kind: auditor", "kind: internal_auditor", "reports_to: [ceo]", "reports_to: ceo", "deputies: ann", "deputies: [ann]", "residual: huge", "residual: high"},
		want: []raci.Problem{
			pb("/organisation/dpo_required", 4, 17, "expected a boolean, found a string"),
			pb("/roles/0/kind", 6, 28, msgNotOneOf("auditor", enumRoleKinds)),
			pb("/roles/0/reports_to", 6, 69, "expected a string, found a list"),
			pb("/roles/0/deputies", 6, 86, "expected a list, found a string"),
			pb("/risks/0/acceptance/residual", 9, 73, msgNotOneOf("huge", "low, medium, high, critical")),
		},
	},
	{
		name: "organisation/attributes must be a mapping, not null",
		bad:  "version: 1\norganisation: {name: Acme, attributes: null}\nroles: []\npeople: []\n",
		fix:  []string{"attributes: null", "attributes: {}"},
		want: []raci.Problem{pb("/organisation/attributes", 2, 40, msgNotObject+"null")},
	},
	// policy
	{
		name: "policy/required id and title",
		bad:  regHead + "policy:\n  approved_by: alice\n",
		fix:  []string{"  approved_by", "  id: POL-1\n  title: Information security policy\n  approved_by"},
		want: []raci.Problem{pb("/policy", 6, 3, msgMissing("id")), pb("/policy", 6, 3, msgMissing("title"))},
	},
	{
		name: "policy/ids, empty title, date yesterday",
		bad:  regHead + "policy:\n  id: POL 1\n  title: \"  \"\n  approved_on: yesterday\n  overall_responsibility: chief officer\n",
		fix:  []string{"POL 1", "POL-1", `"  "`, "Policy", "yesterday", "2026-01-10", "chief officer", "ciso"},
		want: []raci.Problem{
			pb("/policy/id", 6, 7, msgNotIDOf("POL 1")),
			pb("/policy/title", 7, 10, msgText),
			pb("/policy/approved_on", 8, 16, msgNotDate("yesterday")),
			pb("/policy/overall_responsibility", 9, 27, msgNotIDOf("chief officer")),
		},
	},
	// role
	{
		name: "role/required keys",
		bad:  "version: 1\norganisation: {name: Acme}\nroles:\n  - duties: [Own the ISMS]\npeople: []\n",
		fix:  []string{"  - duties", "  - id: ciso\n    name: CISO\n    kind: ciso\n    function: security\n    duties"},
		want: []raci.Problem{
			pb("/roles/0", 4, 5, msgMissing("id")), pb("/roles/0", 4, 5, msgMissing("name")),
			pb("/roles/0", 4, 5, msgMissing("kind")), pb("/roles/0", 4, 5, msgMissing("function")),
		},
	},
	{
		name: "role/kind enum",
		bad:  roleRegHead + "    kind: chief\n    function: security\n",
		fix:  []string{"chief", "ciso"},
		want: []raci.Problem{pb("/roles/0/kind", 7, 11, msgNotOneOf("chief", enumRoleKinds))},
	},
	{
		name: "role/function enum",
		bad:  roleRegHead + "    kind: ciso\n    function: infosec\n",
		fix:  []string{"infosec", "security"},
		want: []raci.Problem{pb("/roles/0/function", 8, 15, msgNotOneOf("infosec", enumFunctions))},
	},
	{
		name: "role/empty name and duties",
		bad:  "version: 1\norganisation: {name: Acme}\npeople: []\nroles:\n  - id: ciso\n    name: \"\"\n    kind: ciso\n    function: security\n    duties:\n      - Own the ISMS\n      - \"   \"\n      - \"\"\n",
		fix:  []string{`name: ""`, "name: CISO", "      - \"   \"\n      - \"\"\n", "      - Report to the board\n"},
		want: []raci.Problem{
			pb("/roles/0/name", 6, 11, msgText),
			pb("/roles/0/duties/1", 11, 9, msgText),
			pb("/roles/0/duties/2", 12, 9, msgText),
		},
	},
	{
		name: "role/competences without repeats",
		bad:  roleRegHead + "    kind: ciso\n    function: security\n    competences: [cissp, iso-la, cissp]\n",
		fix:  []string{", cissp]", "]"},
		want: []raci.Problem{pb("/roles/0/competences", 9, 18, msgDupItems(0, 2))},
	},
	{
		name: "role/a string where a list belongs",
		bad:  roleRegHead + "    kind: ciso\n    function: security\n    duties: Own the ISMS\n",
		fix:  []string{"duties: Own the ISMS", "duties: [Own the ISMS]"},
		want: []raci.Problem{pb("/roles/0/duties", 9, 13, "expected a list, found a string")},
	},
	{
		name: "role/duplicate id, within roles only",
		bad: "version: 1\norganisation: {name: Acme}\nroles:\n" +
			"  - id: ciso\n    name: CISO\n    kind: ciso\n    function: security\n" +
			"  - id: ciso\n    name: Deputy CISO\n    kind: ciso\n    function: security\n" +
			"people:\n  - id: ciso\n    name: Chris Iso\n",
		// The twin keeps the person whose id is also a role id: ids are unique
		// within a list, not across lists.
		fix: []string{"  - id: ciso\n    name: Deputy", "  - id: deputy-ciso\n    name: Deputy"},
		want: []raci.Problem{pb("/roles/1/id", 8, 9,
			`duplicate id "ciso": /roles/0 (line {line /roles/0}) already uses it; ids are unique within roles`)},
	},
	// person
	{
		name: "person/required keys",
		bad:  "version: 1\norganisation: {name: Acme}\nroles: []\npeople:\n  - email: alice@example.com\n",
		fix:  []string{"  - email", "  - id: alice\n    name: Alice\n    email"},
		want: []raci.Problem{pb("/people/0", 5, 5, msgMissing("id")), pb("/people/0", 5, 5, msgMissing("name"))},
	},
	{
		name: "person/employment enum",
		bad:  personRegHead + "    employment: intern\n",
		fix:  []string{"intern", "contractor"},
		want: []raci.Problem{pb("/people/0/employment", 7, 17, msgNotOneOf("intern", enumEmployments))},
	},
	{
		name: "person/status enum",
		bad:  personRegHead + "    status: retired\n",
		fix:  []string{"retired", "leaver"},
		want: []raci.Problem{pb("/people/0/status", 7, 13, msgNotOneOf("retired", enumStatuses))},
	},
	{
		name: "person/roles without repeats or white space",
		bad:  personRegHead + "    roles: [ciso, admin, ciso, \"dpo \"]\n",
		fix:  []string{`, ciso, "dpo "]`, ", dpo]"},
		want: []raci.Problem{
			pb("/people/0/roles", 7, 12, msgDupItems(0, 2)),
			pb("/people/0/roles/3", 7, 32, msgNotIDOf("dpo ")),
		},
	},
	{
		name: "person/a string where a bool belongs",
		bad:  personRegHead + "    job_description_has_security_duties: \"true\"\n",
		fix:  []string{`"true"`, "true"},
		want: []raci.Problem{pb("/people/0/job_description_has_security_duties", 7, 42, "expected a boolean, found a string")},
	},
	{
		name: "person/empty email",
		bad:  personRegHead + "    email: \"\"\n",
		fix:  []string{`email: ""`, "email: alice@example.com"},
		want: []raci.Problem{pb("/people/0/email", 7, 12, msgNonEmpty)},
	},
	{
		name: "person/acknowledgements dates and unknown key",
		bad:  personRegHead + "    acknowledgements:\n      policy: 2026-02-30\n      induction: \"2026-1-5\"\n      training: 2026-01-05\n",
		fix:  []string{"2026-02-30", "2026-02-28", `"2026-1-5"`, "2026-01-05", "      training:", "      awareness_training:"},
		want: []raci.Problem{
			pb("/people/0/acknowledgements/policy", 8, 15, msgNotDate("2026-02-30")),
			pb("/people/0/acknowledgements/induction", 9, 18, msgNotDate("2026-1-5")),
			pb("/people/0/acknowledgements/training", 10, 7, `unknown key "training": expected one of awareness_training, induction, policy`),
		},
	},
	{
		name: "person/competence record required keys",
		bad:  personRegHead + "    competences:\n      - evidence: certificate 123\n",
		fix:  []string{"      - evidence", "      - id: cissp\n        achieved_on: 2024-05-01\n        evidence"},
		want: []raci.Problem{
			pb("/people/0/competences/0", 8, 9, msgMissing("id")),
			pb("/people/0/competences/0", 8, 9, msgMissing("achieved_on")),
		},
	},
	{
		name: "person/competence record dates and empty evidence",
		bad:  personRegHead + "    competences:\n      - id: cissp\n        achieved_on: 2024-13-01\n        expires_on: yesterday\n        evidence: \"\"\n",
		fix:  []string{"2024-13-01", "2024-12-01", "yesterday", "2027-12-01", `evidence: ""`, "evidence: certificate"},
		want: []raci.Problem{
			pb("/people/0/competences/0/achieved_on", 9, 22, msgNotDate("2024-13-01")),
			pb("/people/0/competences/0/expires_on", 10, 21, msgNotDate("yesterday")),
			pb("/people/0/competences/0/evidence", 11, 19, msgNonEmpty),
		},
	},
	{
		name: "person/duplicate ids name the first place",
		bad: "version: 1\norganisation: {name: Acme}\nroles: []\npeople:\n" +
			"  - id: alice\n    name: Alice\n" +
			"  - id: bob\n    name: Bob\n" +
			"  - id: alice\n    name: Alice Again\n" +
			"  - id: alice\n    name: Alice Thrice\n",
		fix: []string{
			"  - id: alice\n    name: Alice Again", "  - id: alice2\n    name: Alice Again",
			"  - id: alice\n    name: Alice Thrice", "  - id: alice3\n    name: Alice Thrice",
		},
		want: []raci.Problem{
			pb("/people/2/id", 9, 9, `duplicate id "alice": /people/0 (line {line /people/0}) already uses it; ids are unique within people`),
			pb("/people/3/id", 11, 9, `duplicate id "alice": /people/0 (line {line /people/0}) already uses it; ids are unique within people`),
		},
	},
	// team
	{
		name: "team/required keys",
		bad:  regHead + "teams:\n  - members: [alice]\n",
		fix:  []string{"  - members", "  - id: ops\n    name: Ops\n    members"},
		want: []raci.Problem{pb("/teams/0", 6, 5, msgMissing("id")), pb("/teams/0", 6, 5, msgMissing("name"))},
	},
	{
		name: "team/members and roles without repeats",
		bad:  regHead + "teams:\n  - id: ops\n    name: Ops\n    members: [alice, bob, alice]\n    roles: [admin, admin]\n",
		fix:  []string{"bob, alice]", "bob]", "[admin, admin]", "[admin]"},
		want: []raci.Problem{
			pb("/teams/0/members", 8, 14, msgDupItems(0, 2)),
			pb("/teams/0/roles", 9, 12, msgDupItems(0, 1)),
		},
	},
	{
		name: "team/empty name",
		bad:  regHead + "teams:\n  - id: ops\n    name: \" \"\n",
		fix:  []string{`" "`, "Ops"},
		want: []raci.Problem{pb("/teams/0/name", 7, 11, msgText)},
	},
	{
		name: "team/duplicate id",
		bad:  regHead + "teams:\n  - id: ops\n    name: Ops\n  - id: ops\n    name: Ops again\n",
		fix:  []string{"  - id: ops\n    name: Ops again", "  - id: ops2\n    name: Ops again"},
		want: []raci.Problem{pb("/teams/1/id", 8, 9, `duplicate id "ops": /teams/0 (line {line /teams/0}) already uses it; ids are unique within teams`)},
	},
	// asset
	{
		name: "asset/required keys",
		bad:  regHead + "assets:\n  - owner: ciso\n",
		fix:  []string{"  - owner", "  - id: crm\n    name: CRM\n    type: saas\n    owner"},
		want: []raci.Problem{
			pb("/assets/0", 6, 5, msgMissing("id")), pb("/assets/0", 6, 5, msgMissing("name")), pb("/assets/0", 6, 5, msgMissing("type")),
		},
	},
	{
		name: "asset/type enum",
		bad:  assetRegHead + "    type: spreadsheet\n",
		fix:  []string{"spreadsheet", "saas"},
		want: []raci.Problem{pb("/assets/0/type", 8, 11, msgNotOneOf("spreadsheet", enumAssetTypes))},
	},
	{
		name: "asset/classification enum",
		bad:  assetRegHead + "    type: saas\n    classification: secret\n",
		fix:  []string{"secret", "restricted"},
		want: []raci.Problem{pb("/assets/0/classification", 9, 21, msgNotOneOf("secret", enumClasses))},
	},
	{
		name: "asset/unknown key ownr, with a suggestion",
		bad:  assetRegHead + "    type: saas\n    ownr: ciso\n",
		fix:  []string{"ownr", "owner"},
		want: []raci.Problem{pb("/assets/0/ownr", 9, 5,
			`unknown key "ownr" (did you mean "owner"?): expected one of attributes, classification, custodian, id, name, owner, personal_data, type`)},
	},
	{
		name: "asset/a string where a bool belongs",
		bad:  assetRegHead + "    type: saas\n    personal_data: \"false\"\n",
		fix:  []string{`"false"`, "false"},
		want: []raci.Problem{pb("/assets/0/personal_data", 9, 20, "expected a boolean, found a string")},
	},
	{
		name: "asset/id with white space, empty owner id",
		bad:  regHead + "assets:\n  - id: customer db\n    name: CRM\n    type: saas\n    owner: \"\"\n",
		fix:  []string{"customer db", "customer-db", `owner: ""`, "owner: ciso"},
		want: []raci.Problem{
			pb("/assets/0/id", 6, 9, msgNotIDOf("customer db")),
			pb("/assets/0/owner", 9, 12, msgNonEmpty),
			pb("/assets/0/owner", 9, 12, msgNotIDOf("")),
		},
	},
	{
		name: "asset/attributes must be a mapping",
		bad:  assetRegHead + "    type: saas\n    attributes: [pci, sox]\n",
		fix:  []string{"attributes: [pci, sox]", "attributes: {frameworks: [pci, sox]}"},
		want: []raci.Problem{pb("/assets/0/attributes", 9, 17, msgNotObject+"a list")},
	},
	// activity
	{
		name: "activity/required keys",
		bad:  regHead + "activities:\n  - frequency: daily\n",
		fix:  []string{"  - frequency", "  - id: review\n    name: Review\n    process: access_review\n    frequency"},
		want: []raci.Problem{
			pb("/activities/0", 6, 5, msgMissing("id")), pb("/activities/0", 6, 5, msgMissing("name")), pb("/activities/0", 6, 5, msgMissing("process")),
		},
	},
	{
		name: "activity/process enum",
		bad:  activityRegHead + "    process: audit\n",
		fix:  []string{"audit", "access_review"},
		want: []raci.Problem{pb("/activities/0/process", 8, 14, msgNotOneOf("audit", enumProcesses))},
	},
	{
		name: "activity/frequency enum and last_performed date",
		bad:  activityRegHead + "    process: access_review\n    frequency: hourly\n    last_performed: 2026-02-30\n",
		fix:  []string{"hourly", "semiannual", "2026-02-30", "2026-03-02"},
		want: []raci.Problem{
			pb("/activities/0/frequency", 9, 16, msgNotOneOf("hourly", enumFrequencies)),
			pb("/activities/0/last_performed", 10, 21, msgNotDate("2026-02-30")),
		},
	},
	{
		name: "activity/raci lists and assets without repeats, raci unknown key",
		bad: activityRegHead + "    process: access_review\n    raci:\n      responsible: [admin]\n      accountable: [ciso, ciso]\n" +
			"      consulted: [dpo, dpo]\n      informed: [staff, staff]\n      resposible: [admin]\n    assets: [crm, crm]\n",
		fix: []string{"[ciso, ciso]", "[ciso]", "[dpo, dpo]", "[dpo]", "[staff, staff]", "[staff]", "      resposible: [admin]\n", "", "[crm, crm]", "[crm]"},
		want: []raci.Problem{
			pb("/activities/0/raci/accountable", 11, 20, msgDupItems(0, 1)),
			pb("/activities/0/raci/consulted", 12, 18, msgDupItems(0, 1)),
			pb("/activities/0/raci/informed", 13, 17, msgDupItems(0, 1)),
			pb("/activities/0/raci/resposible", 14, 7,
				`unknown key "resposible" (did you mean "responsible"?): expected one of accountable, consulted, informed, responsible`),
			pb("/activities/0/assets", 15, 13, msgDupItems(0, 1)),
		},
	},
	{
		name: "activity/raci: a list where an object belongs",
		bad:  activityRegHead + "    process: access_review\n    raci: [ciso]\n",
		fix:  []string{"raci: [ciso]", "raci: {accountable: [ciso]}"},
		want: []raci.Problem{pb("/activities/0/raci", 9, 11, msgNotObject+"a list")},
	},
	{
		name: "activity/signed_off signature missing date",
		bad:  activityRegHead + "    process: access_review\n    signed_off:\n      by: alice\n",
		fix:  []string{"      by: alice\n", "      by: alice\n      date: 2026-02-01\n"},
		want: []raci.Problem{pb("/activities/0/signed_off", 10, 7, msgMissing("date"))},
	},
	{
		name: "activity/signed_off signature unknown key",
		bad:  activityRegHead + "    process: access_review\n    signed_off: {by: alice, date: 2026-02-01, note: ok}\n",
		fix:  []string{", note: ok}", "}"},
		want: []raci.Problem{pb("/activities/0/signed_off/note", 9, 47, `unknown key "note": expected one of by, date`)},
	},
	{
		name: "activity/signed_off: a string where an object belongs",
		bad:  activityRegHead + "    process: access_review\n    signed_off: alice\n",
		fix:  []string{"signed_off: alice", "signed_off: {by: alice, date: 2026-02-01}"},
		want: []raci.Problem{pb("/activities/0/signed_off", 9, 17, msgNotObject+"a string")},
	},
	// authority
	{
		name: "authority/required keys",
		bad:  regHead + "authorities:\n  - scope: all suppliers\n",
		fix:  []string{"  - scope", "  - id: auth-1\n    decision: approve_supplier\n    approver: ciso\n    scope"},
		want: []raci.Problem{
			pb("/authorities/0", 6, 5, msgMissing("id")), pb("/authorities/0", 6, 5, msgMissing("decision")), pb("/authorities/0", 6, 5, msgMissing("approver")),
		},
	},
	{
		name: "authority/decision enum",
		bad:  authorityRegHead + "    decision: approve_everything\n    approver: ciso\n",
		fix:  []string{"approve_everything", "approve_change"},
		want: []raci.Problem{pb("/authorities/0/decision", 7, 15, msgNotOneOf("approve_everything", enumDecisions))},
	},
	{
		name: "authority/max_risk_level enum, assets without repeats, empty scope",
		bad:  authorityRegHead + "    decision: accept_risk\n    approver: ciso\n    scope: \"\"\n    assets: [crm, crm]\n    max_risk_level: extreme\n",
		fix:  []string{`scope: ""`, "scope: customer data", "[crm, crm]", "[crm]", "extreme", "critical"},
		want: []raci.Problem{
			pb("/authorities/0/scope", 9, 12, msgNonEmpty),
			pb("/authorities/0/assets", 10, 13, msgDupItems(0, 1)),
			pb("/authorities/0/max_risk_level", 11, 21, msgNotOneOf("extreme", enumRiskLevels)),
		},
	},
	// delegation
	{
		name: "delegation/required keys",
		bad:  regHead + "delegations:\n  - scope: responsible\n",
		fix:  []string{"  - scope", "  - id: del-1\n    activity: review\n    from: ciso\n    to: admin\n    scope"},
		want: []raci.Problem{
			pb("/delegations/0", 6, 5, msgMissing("id")), pb("/delegations/0", 6, 5, msgMissing("activity")),
			pb("/delegations/0", 6, 5, msgMissing("from")), pb("/delegations/0", 6, 5, msgMissing("to")),
		},
	},
	{
		name: "delegation/scope enum",
		bad:  delegationRegHead + "    scope: informed\n",
		fix:  []string{"informed", "accountable"},
		want: []raci.Problem{pb("/delegations/0/scope", 10, 12, msgNotOneOf("informed", enumScopes))},
	},
	{
		name: "delegation/dates, review signature missing by",
		bad:  delegationRegHead + "    starts_on: 2026-13-01\n    expires_on: \"2026-02-30\"\n    review: {date: 2026-02-01}\n",
		fix:  []string{"2026-13-01", "2026-01-01", `"2026-02-30"`, "2026-12-31", "{date:", "{by: alice, date:"},
		want: []raci.Problem{
			pb("/delegations/0/starts_on", 10, 16, msgNotDate("2026-13-01")),
			pb("/delegations/0/expires_on", 11, 17, msgNotDate("2026-02-30")),
			pb("/delegations/0/review", 12, 13, msgMissing("by")),
		},
	},
	// risk
	{
		name: "risk/required keys",
		bad:  regHead + "risks:\n  - owner: ciso\n",
		fix:  []string{"  - owner", "  - id: R-1\n    title: Theft\n    owner"},
		want: []raci.Problem{pb("/risks/0", 6, 5, msgMissing("id")), pb("/risks/0", 6, 5, msgMissing("title"))},
	},
	{
		name: "risk/residual enum",
		bad:  riskRegHead + "    residual: severe\n",
		fix:  []string{"severe", "high"},
		want: []raci.Problem{pb("/risks/0/residual", 8, 15, msgNotOneOf("severe", enumRiskLevels))},
	},
	{
		name: "risk/treatment enum",
		bad:  riskRegHead + "    treatment: ignore\n",
		fix:  []string{"ignore", "transfer"},
		want: []raci.Problem{pb("/risks/0/treatment", 8, 16, msgNotOneOf("ignore", enumTreatments))},
	},
	{
		name: "risk/white-space title",
		bad:  regHead + "risks:\n  - id: R-1\n    title: \"\\t\"\n",
		fix:  []string{`"\t"`, "Theft"},
		want: []raci.Problem{pb("/risks/0/title", 7, 12, msgText)},
	},
	{
		name: "risk/acceptance signature missing by and date, assets without repeats",
		bad:  riskRegHead + "    assets: [crm, crm]\n    acceptance: {}\n",
		fix:  []string{"[crm, crm]", "[crm]", "acceptance: {}", "acceptance: {by: alice, date: 2026-01-12}"},
		want: []raci.Problem{
			pb("/risks/0/assets", 8, 13, msgDupItems(0, 1)),
			pb("/risks/0/acceptance", 9, 17, msgMissing("by")),
			pb("/risks/0/acceptance", 9, 17, msgMissing("date")),
		},
	},
	{
		name: "risk/acceptance date and empty rationale",
		bad:  riskRegHead + "    acceptance:\n      by: alice\n      date: 2026-01-12\n      expires_on: 2026-02-30\n      rationale: \"\"\n",
		fix:  []string{"2026-02-30", "2027-01-12", `rationale: ""`, "rationale: monitored"},
		want: []raci.Problem{
			pb("/risks/0/acceptance/expires_on", 11, 19, msgNotDate("2026-02-30")),
			pb("/risks/0/acceptance/rationale", 12, 18, msgNonEmpty),
		},
	},
	// segregation
	{
		name: "segregation/required keys",
		bad:  regHead + "segregation:\n  - reason: four eyes\n",
		fix:  []string{"  - reason", "  - id: sod-1\n    roles: [ciso, admin]\n    reason"},
		want: []raci.Problem{pb("/segregation/0", 6, 5, msgMissing("id")), pb("/segregation/0", 6, 5, msgMissing("roles"))},
	},
	{
		name: "segregation/one role",
		bad:  segregationRegHead + "    roles: [ciso]\n",
		fix:  []string{"[ciso]", "[ciso, admin]"},
		want: []raci.Problem{pb("/segregation/0/roles", 7, 12, "expected at least 2 items, found 1"+msgSegregation)},
	},
	{
		name: "segregation/three roles",
		bad:  segregationRegHead + "    roles: [ciso, admin, dpo]\n",
		fix:  []string{", dpo]", "]"},
		want: []raci.Problem{pb("/segregation/0/roles", 7, 12, "expected at most 2 items, found 3"+msgSegregation)},
	},
	{
		name: "segregation/the same role twice",
		bad:  segregationRegHead + "    roles: [ciso, ciso]\n",
		fix:  []string{"[ciso, ciso]", "[ciso, admin]"},
		want: []raci.Problem{pb("/segregation/0/roles", 7, 12, msgDupItems(0, 1))},
	},
	{
		name: "segregation/roles: a string where a list belongs",
		bad:  segregationRegHead + "    roles: ciso\n",
		fix:  []string{"roles: ciso", "roles: [ciso, admin]"},
		want: []raci.Problem{pb("/segregation/0/roles", 7, 12, "expected a list, found a string")},
	},
	{
		name: "segregation/unknown key role, with a suggestion",
		bad:  segregationRegHead + "    role: [ciso, admin]\n",
		fix:  []string{"role:", "roles:"},
		want: []raci.Problem{
			pb("/segregation/0", 6, 5, msgMissing("roles")),
			pb("/segregation/0/role", 7, 5, `unknown key "role" (did you mean "roles"?): expected one of attributes, id, reason, roles`),
		},
	},
	// exception
	{
		name: "exception/required keys",
		bad:  regHead + "exceptions:\n  - attributes: {ticket: SEC-1}\n",
		fix: []string{"  - attributes", "  - id: EXC-1\n    rule: A52-ASSET-001\n    subject: asset:crm\n    reason: Being replaced\n" +
			"    approved_by: alice\n    expires_on: 2026-12-31\n    attributes"},
		want: []raci.Problem{
			pb("/exceptions/0", 6, 5, msgMissing("id")), pb("/exceptions/0", 6, 5, msgMissing("rule")),
			pb("/exceptions/0", 6, 5, msgMissing("subject")), pb("/exceptions/0", 6, 5, msgMissing("reason")),
			pb("/exceptions/0", 6, 5, msgMissing("approved_by")), pb("/exceptions/0", 6, 5, msgMissing("expires_on")),
		},
	},
	{
		name: "exception/expires_on yesterday, subject with white space, empty reason",
		bad:  regHead + "exceptions:\n  - id: EXC-1\n    rule: A52-ASSET-001\n    subject: \"asset: crm\"\n    reason: \"\"\n    approved_by: alice\n    expires_on: yesterday\n",
		fix:  []string{`"asset: crm"`, "asset:crm", `reason: ""`, "reason: Being replaced", "yesterday", "2026-12-31"},
		want: []raci.Problem{
			pb("/exceptions/0/subject", 8, 14, msgNotIDOf("asset: crm")),
			pb("/exceptions/0/reason", 9, 13, msgNonEmpty),
			pb("/exceptions/0/expires_on", 11, 17, msgNotDate("yesterday")),
		},
	},
	{
		name: "exception/duplicate id and a schema problem, in document order",
		bad: "version: 1\norganisation: {name: Acme}\nroles: []\npeople: []\nexceptions:\n" +
			"  - {id: EXC-1, rule: R, subject: asset:crm, reason: x, approved_by: alice, expires_on: 2026-12-31}\n" +
			"  - {id: EXC-1, rule: R, subject: asset:crm, reason: x, approved_by: alice, expires_on: 2026-12-32}\n",
		fix: []string{"{id: EXC-1, rule: R, subject: asset:crm, reason: x, approved_by: alice, expires_on: 2026-12-32}",
			"{id: EXC-2, rule: R, subject: asset:crm, reason: x, approved_by: alice, expires_on: 2026-12-31}"},
		want: []raci.Problem{
			pb("/exceptions/1/id", 7, 10, `duplicate id "EXC-1": /exceptions/0 (line {line /exceptions/0}) already uses it; ids are unique within exceptions`),
			pb("/exceptions/1/expires_on", 7, 89, msgNotDate("2026-12-32")),
		},
	},
}

// TestLoadSchemaConstraints loads, for each schema constraint, a register that
// breaks it and its passing twin, each in YAML and in JSON, and checks the exact
// problems.
func TestLoadSchemaConstraints(t *testing.T) {
	t.Parallel()
	for _, tc := range ltSchemaCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			good := ltApplyFix(t, tc.bad, tc.fix)
			badTwin, goodTwin := ltJSONTwin(t, tc.bad), ltJSONTwin(t, good)
			yamlWant, jsonWant := badTwin.wants(t, tc.want)
			formats := []struct {
				name      string
				bad, good string
				want      []raci.Problem
			}{
				{"yaml", tc.bad, good, yamlWant},
				{"json", badTwin.json, goodTwin.json, jsonWant},
			}
			for _, f := range formats {
				t.Run(f.name, func(t *testing.T) {
					t.Parallel()
					_, err := raci.LoadBytes([]byte(f.bad))
					le := asLoadError(t, err)
					if diff := cmp.Diff(f.want, le.Problems); diff != "" {
						t.Errorf("LoadBytes() problems mismatch (-want +got):\n%s\nregister:\n%s", diff, f.bad)
					}
					if le.Source != "<input>" {
						t.Errorf("LoadError.Source = %q, want <input>", le.Source)
					}
					if _, err := raci.LoadBytes([]byte(f.good)); err != nil {
						t.Errorf("passing twin: LoadBytes() = %v\nregister:\n%s", err, f.good)
					}
				})
			}
			// The two spellings of the passing twin are the same register.
			fromYAML, errY := raci.LoadBytes([]byte(good))
			fromJSON, errJ := raci.LoadBytes([]byte(goodTwin.json))
			if errY == nil && errJ == nil {
				if diff := cmp.Diff(fromYAML, fromJSON, ignoreWhere); diff != "" {
					t.Errorf("YAML and JSON twins mismatch (-yaml +json):\n%s", diff)
				}
			}
		})
	}
}

// TestLoadAttributesAcceptAnything checks that attributes, on every entity,
// take any JSON value under any key, including keys that are unknown or YAML 1.1
// booleans elsewhere.
func TestLoadAttributesAcceptAnything(t *testing.T) {
	t.Parallel()
	const anything = "{ownr: x, on: yes, 'a/b': 1.50, '~': [1, 2.0, null, true, {deep: {deeper: [[]]}}], empty: {}, n: null}"
	src := strings.ReplaceAll(`version: 1
organisation: {name: Acme, attributes: ANY}
policy: {id: POL-1, title: Policy, attributes: ANY}
roles:
  - {id: ciso, name: CISO, kind: ciso, function: security, attributes: ANY}
people:
  - {id: alice, name: Alice, attributes: ANY}
teams:
  - {id: ops, name: Ops, attributes: ANY}
assets:
  - {id: crm, name: CRM, type: saas, attributes: ANY}
activities:
  - {id: review, name: Review, process: access_review, attributes: ANY}
authorities:
  - {id: auth-1, decision: other, approver: ciso, attributes: ANY}
delegations:
  - {id: del-1, activity: review, from: ciso, to: admin, attributes: ANY}
risks:
  - {id: R-1, title: Theft, attributes: ANY}
segregation:
  - {id: sod-1, roles: [ciso, admin], attributes: ANY}
exceptions:
  - {id: EXC-1, rule: R, subject: asset:crm, reason: x, approved_by: alice, expires_on: 2026-12-31, attributes: ANY}
`, "ANY", anything)
	want := raci.Attributes{
		"ownr":  "x",
		"on":    "yes",
		"a/b":   json.Number("1.50"),
		"~":     []any{json.Number("1"), json.Number("2.0"), nil, true, map[string]any{"deep": map[string]any{"deeper": []any{[]any{}}}}},
		"empty": map[string]any{},
		"n":     nil,
	}
	tw := ltJSONTwin(t, src)
	const ptr = "/assets/0/attributes/a~1b"
	formats := []struct {
		name, src string
		pos       raci.Pos // of ptr
	}{
		{"yaml", src, raci.Pos{Line: 11, Column: 76}},
		{"json", tw.json, tw.jsonVal[ptr]},
	}
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			reg := ltLoadBytes(t, []byte(f.src))
			got := map[string]raci.Attributes{
				"organisation": reg.Organisation.Attributes,
				"policy":       reg.Policy.Attributes,
				"role":         reg.Roles[0].Attributes,
				"person":       reg.People[0].Attributes,
				"team":         reg.Teams[0].Attributes,
				"asset":        reg.Assets[0].Attributes,
				"activity":     reg.Activities[0].Attributes,
				"authority":    reg.Authorities[0].Attributes,
				"delegation":   reg.Delegations[0].Attributes,
				"risk":         reg.Risks[0].Attributes,
				"conflict":     reg.Segregation[0].Attributes,
				"exception":    reg.Exceptions[0].Attributes,
			}
			for kind, attrs := range got {
				if diff := cmp.Diff(want, attrs); diff != "" {
					t.Errorf("%s attributes mismatch (-want +got):\n%s", kind, diff)
				}
			}
			// Positions reach inside attributes, through escaped pointer tokens.
			if diff := cmp.Diff(f.pos, reg.Position(ptr)); diff != "" {
				t.Errorf("Position(%s) mismatch (-want +got):\n%s", ptr, diff)
			}
		})
	}
}

// ---- reading the document ----

const msgEmptyDoc = "the document is empty: expected a register, a mapping with version, organisation, roles and people"

func TestLoadDecoding(t *testing.T) {
	t.Parallel()
	valid := "version: 1\norganisation: {name: Acme}\nroles: []\npeople: []\n"
	tcs := []struct {
		name  string
		input string
		opts  []raci.LoadOption
		want  []raci.Problem
		// limit is the LimitError.Limit the error must carry ("" for none).
		limit string
	}{
		{
			name:  "yaml/syntax error: unterminated quoted string",
			input: "version: 1\norganisation:\n  name: \"Acme\nroles: []\npeople: []\n",
			want:  []raci.Problem{pb("", 3, 0, "YAML syntax error: found unexpected end of stream")},
		},
		{
			name:  "yaml/syntax error: tab indentation",
			input: "version: 1\norganisation:\n\tname: Acme\nroles: []\npeople: []\n",
			want:  []raci.Problem{pb("", 3, 0, "YAML syntax error: found character that cannot start any token")},
		},
		{
			name:  "json/syntax error: double comma",
			input: "{\n  \"version\": 1,\n  \"organisation\": {\"name\": \"Acme\"},,\n  \"roles\": [],\n  \"people\": []\n}\n",
			want:  []raci.Problem{pb("", 3, 36, "JSON syntax error: expected a quoted key")},
		},
		{
			name:  "json/syntax error: trailing comma",
			input: "{\"version\": 1,}",
			want:  []raci.Problem{pb("", 1, 15, "JSON syntax error: expected a quoted key")},
		},
		{
			name:  "json/syntax error: unterminated object",
			input: "{\"version\": 1",
			want:  []raci.Problem{pb("", 1, 14, "JSON syntax error: unexpected end of the document: expected ',' or '}'")},
		},
		{
			name:  "json/syntax error: bad literal",
			input: "{\n  \"organisation\": {\"handles_personal_data\": tru}\n}",
			want:  []raci.Problem{pb("/organisation/handles_personal_data", 2, 45, "JSON syntax error: unexpected 't': expected a value")},
		},
		{
			name:  "json/syntax error: data after the document",
			input: "{\"version\": 1} {}",
			want:  []raci.Problem{pb("", 1, 16, "JSON syntax error: unexpected '{' after the end of the document")},
		},
		{
			name:  "json/syntax error: line break in a string",
			input: "{\"a\": \"x\ny\"}",
			want:  []raci.Problem{pb("/a", 1, 9, "JSON syntax error: control character 0xa in a string (a line break must be written \\n)")},
		},
		{
			name:  "json/syntax error: columns count characters, not bytes",
			input: "{\"organisation\": {\"name\": \"Zoë ✓\"},,}",
			want:  []raci.Problem{pb("", 1, 36, "JSON syntax error: expected a quoted key")},
		},
		{
			name:  "json/invalid UTF-8",
			input: "{\"version\": \"\xff\"}",
			want:  []raci.Problem{pb("/version", 1, 13, "JSON syntax error: the string is not valid UTF-8")},
		},
		{
			name:  "json/invalid UTF-8 in a string with escapes",
			input: "{\"organisation\": {\"name\": \"a\\n\xc3\x28\"}}",
			want:  []raci.Problem{pb("/organisation/name", 1, 27, "JSON syntax error: the string is not valid UTF-8")},
		},
		{
			name:  "empty file",
			input: "",
			want:  []raci.Problem{pb("", 1, 1, msgEmptyDoc)},
		},
		{
			name:  "empty file read as JSON",
			input: "",
			opts:  []raci.LoadOption{raci.WithFormat(raci.FormatJSON)},
			want:  []raci.Problem{pb("", 1, 1, msgEmptyDoc)},
		},
		{
			name:  "white space only",
			input: " \n\t\n  \r\n",
			want:  []raci.Problem{pb("", 1, 1, msgEmptyDoc)},
		},
		{
			// An empty YAML document is a null value, located after the marker.
			name:  "yaml/a document marker only",
			input: "---\n",
			want:  []raci.Problem{pb("", 1, 1, msgEmptyDoc)},
		},
		{
			name:  "yaml/null document",
			input: "~\n",
			want:  []raci.Problem{pb("", 1, 1, msgNotObject+"null")},
		},
		{
			name:  "json/a list at the top",
			input: "[]",
			want:  []raci.Problem{pb("", 1, 1, msgNotObject+"a list")},
		},
		{
			name:  "yaml/duplicate key",
			input: "version: 1\norganisation:\n  name: Acme\n  name: Acme Ltd\nroles: []\npeople: []\n",
			want:  []raci.Problem{pb("/organisation/name", 4, 3, `duplicate key "name": it is already set on line 3`)},
		},
		{
			name:  "json/duplicate key",
			input: "{\n  \"version\": 1,\n  \"version\": 1,\n  \"organisation\": {\"name\": \"Acme\"}, \"roles\": [], \"people\": []\n}",
			want:  []raci.Problem{pb("/version", 3, 3, `duplicate key "version": it is already set on line 2`)},
		},
		{
			name:  "yaml/more than one document",
			input: valid + "---\n" + valid,
			want:  []raci.Problem{pb("", 5, 1, "the file holds more than one YAML document: a register is one document")},
		},
		{
			name:  "yaml/custom tag",
			input: "version: !v 1\norganisation: {name: Acme}\nroles: []\npeople: []\n",
			want:  []raci.Problem{pb("/version", 1, 10, "custom YAML tag !v is not supported: write the plain value")},
		},
		{
			name:  "yaml/binary tag",
			input: "version: 1\norganisation: {name: Acme, attributes: {logo: !!binary aGk=}}\nroles: []\npeople: []\n",
			want: []raci.Problem{pb("/organisation/attributes/logo", 2, 47,
				"YAML tag !!binary is not supported: write a string, number, boolean, list or mapping")},
		},
		{
			name:  "yaml/merge key",
			input: "version: 1\nbase: &base\n  name: Acme\norganisation:\n  <<: *base\nroles: []\npeople: []\n",
			want:  []raci.Problem{pb("/organisation", 5, 3, "YAML merge keys (<<) are not supported: write the keys out")},
		},
		{
			name:  "yaml/a list as a mapping key",
			input: "? [a, b]\n: c\n",
			want:  []raci.Problem{pb("", 1, 3, "a mapping key must be a plain string, found a list")},
		},
		{
			name:  "yaml/.inf is no JSON number",
			input: "version: 1\norganisation: {name: Acme, attributes: {max: .inf}}\nroles: []\npeople: []\n",
			want:  []raci.Problem{pb("/organisation/attributes/max", 2, 46, `".inf" is not a number JSON can hold (no .inf or .nan)`)},
		},
		{
			name:  "json/depth limit",
			input: strings.Repeat("[", 65) + strings.Repeat("]", 65),
			want:  []raci.Problem{pb(strings.Repeat("/0", 64), 1, 65, "values are nested more than 64 deep, the limit")},
			limit: "depth",
		},
		{
			name:  "json/depth limit from WithLimits",
			input: `{"a":{"b":{"c":{}}}}`,
			opts:  []raci.LoadOption{raci.WithLimits(raci.Limits{MaxDepth: 3})},
			want:  []raci.Problem{pb("/a/b/c", 1, 16, "values are nested more than 3 deep, the limit")},
			limit: "depth",
		},
		{
			name:  "yaml/depth limit from WithLimits",
			input: "a: {b: {c: {}}}\n",
			opts:  []raci.LoadOption{raci.WithLimits(raci.Limits{MaxDepth: 3})},
			want:  []raci.Problem{pb("/a/b/c", 1, 12, "values are nested more than 3 deep, the limit")},
			limit: "depth",
		},
		{
			name:  "size limit from WithLimits",
			input: valid,
			opts:  []raci.LoadOption{raci.WithLimits(raci.Limits{MaxBytes: 10})},
			want:  []raci.Problem{pb("", 0, 0, "the document is larger than the limit of 10 bytes (raise it with rolecall's --max-bytes flag, or raci.WithLimits in Go)")},
			limit: "size",
		},
		{
			name:  "values limit from WithLimits",
			input: `{"a":{"b":{"c":{}}}}`,
			opts:  []raci.LoadOption{raci.WithLimits(raci.Limits{MaxValues: 3})},
			want:  []raci.Problem{pb("/a/b/c", 1, 16, "the document holds more than 3 values, the limit")},
			limit: "values",
		},
		{
			name:  "entities limit from WithLimits",
			input: "version: 1\norganisation: {name: Acme}\nroles:\n  - {id: ciso, name: CISO, kind: ciso, function: security}\npeople:\n  - {id: alice, name: Alice}\n",
			opts:  []raci.LoadOption{raci.WithLimits(raci.Limits{MaxEntities: 1})},
			want:  []raci.Problem{pb("/people", 6, 3, "the register holds more than 1 entities, the limit")},
			limit: "entities",
		},
		{
			name:  "yaml/alias expansion limit from WithLimits",
			input: "version: 1\norganisation: {name: Acme, attributes: {a: &a [1, 2, 3], b: *a, c: *a}}\nroles: []\npeople: []\n",
			opts:  []raci.LoadOption{raci.WithLimits(raci.Limits{MaxAliasExpansion: 5})},
			want:  []raci.Problem{pb("/organisation/attributes/c", 2, 68, "YAML aliases expand to more than 5 values, the limit (an alias bomb?)")},
			limit: "aliases",
		},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := raci.LoadBytes([]byte(tc.input), tc.opts...)
			le := asLoadError(t, err)
			if diff := cmp.Diff(tc.want, le.Problems); diff != "" {
				t.Errorf("LoadBytes() problems mismatch (-want +got):\n%s", diff)
			}
			var lim *raci.LimitError
			gotLimit := ""
			if errors.As(err, &lim) {
				gotLimit = lim.Limit
			}
			if gotLimit != tc.limit {
				t.Errorf("LimitError.Limit = %q, want %q", gotLimit, tc.limit)
			}
			if got, want := errors.Is(err, raci.ErrLimit), tc.limit != ""; got != want {
				t.Errorf("errors.Is(err, raci.ErrLimit) = %v, want %v", got, want)
			}
			// The same holds through Load.
			_, err = raci.Load(strings.NewReader(tc.input), tc.opts...)
			le2 := asLoadError(t, err)
			if tc.limit != "size" {
				if diff := cmp.Diff(tc.want, le2.Problems); diff != "" {
					t.Errorf("Load() problems mismatch (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestLoadVersionSpellings checks that any number JSON Schema takes for the
// integer 1 loads as version 1.
func TestLoadVersionSpellings(t *testing.T) {
	t.Parallel()
	for _, src := range []string{
		"version: 1.0\norganisation: {name: Acme}\nroles: []\npeople: []\n",
		`{"version": 1.0, "organisation": {"name": "Acme"}, "roles": [], "people": []}`,
		`{"version": 1e0, "organisation": {"name": "Acme"}, "roles": [], "people": []}`,
		`{"version": 10e-1, "organisation": {"name": "Acme"}, "roles": [], "people": []}`,
	} {
		reg, err := raci.LoadBytes([]byte(src))
		if err != nil {
			t.Errorf("LoadBytes(%q) = %v, want version 1", src, err)
			continue
		}
		if reg.Version != 1 {
			t.Errorf("LoadBytes(%q).Version = %d, want 1", src, reg.Version)
		}
	}
}

// TestLoadAliases checks that small aliases are expanded and that a billion
// laughs is refused fast.
func TestLoadAliases(t *testing.T) {
	t.Parallel()
	t.Run("small aliases are expanded", func(t *testing.T) {
		t.Parallel()
		src := "version: 1\norganisation: {name: Acme}\nroles: []\npeople:\n  - {id: alice, name: Alice, roles: &admins [ciso, admin]}\n  - {id: bob, name: Bob, roles: *admins}\n"
		reg := ltLoadBytes(t, []byte(src))
		if diff := cmp.Diff([]string{"ciso", "admin"}, reg.People[1].Roles); diff != "" {
			t.Errorf("aliased roles mismatch (-want +got):\n%s", diff)
		}
		// An alias is located where it is written.
		if diff := cmp.Diff(raci.Pos{Line: 6, Column: 33}, reg.Position("/people/1/roles")); diff != "" {
			t.Errorf("Position(/people/1/roles) mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("nested anchors used after their siblings are converted", func(t *testing.T) {
		t.Parallel()
		// The loader releases converted YAML nodes; anchored subtrees, and
		// anchors inside them, must survive for every later alias.
		src := "version: 1\norganisation: {name: Acme, attributes: {outer: &o {list: &l [1, {deep: &d {x: y}}], again: *d}}}\n" +
			"roles: []\npeople:\n  - {id: a, name: A, attributes: {o: *o, l: *l}}\n  - {id: b, name: B, attributes: {o: *o, d: *d}}\n"
		reg := ltLoadBytes(t, []byte(src))
		deep := map[string]any{"x": "y"}
		list := []any{json.Number("1"), map[string]any{"deep": deep}}
		outer := map[string]any{"list": list, "again": deep}
		if diff := cmp.Diff(raci.Attributes{"outer": outer}, reg.Organisation.Attributes); diff != "" {
			t.Errorf("organisation attributes mismatch (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(raci.Attributes{"o": outer, "l": list}, reg.People[0].Attributes); diff != "" {
			t.Errorf("people[0] attributes mismatch (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(raci.Attributes{"o": outer, "d": deep}, reg.People[1].Attributes); diff != "" {
			t.Errorf("people[1] attributes mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("billion laughs", func(t *testing.T) {
		t.Parallel()
		var b strings.Builder
		b.WriteString("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
		for i := 1; i <= 9; i++ {
			fmt.Fprintf(&b, "l%d: &l%d [", i, i)
			for j := 0; j < 9; j++ {
				if j > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "*l%d", i-1)
			}
			b.WriteString("]\n")
		}
		start := time.Now()
		_, err := raci.LoadBytes([]byte(b.String()))
		elapsed := time.Since(start)
		le := asLoadError(t, err)
		if !errors.Is(err, raci.ErrLimit) {
			t.Fatalf("errors.Is(err, raci.ErrLimit) = false for %v", err)
		}
		var lim *raci.LimitError
		if !errors.As(err, &lim) || lim.Limit != "aliases" || lim.Max != 10_000 {
			t.Errorf("LimitError = %+v, want the aliases limit of 10000", lim)
		}
		if len(le.Problems) != 1 || le.Problems[0].Message != "YAML aliases expand to more than 10000 values, the limit (an alias bomb?)" {
			t.Errorf("problems = %v, want one about the alias limit", le.Problems)
		}
		if elapsed > 2*time.Second {
			t.Errorf("refusing the alias bomb took %v, want well under a second", elapsed)
		}
	})
}

func TestLoadSizeLimit(t *testing.T) {
	t.Parallel()
	doc := []byte("version: 1\norganisation: {name: Acme}\nroles: []\npeople: []\n")
	n := int64(len(doc))
	path := filepath.Join(t.TempDir(), "register.yaml")
	if err := os.WriteFile(path, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	tcs := []struct {
		name string
		max  int64
		load func(opts ...raci.LoadOption) (*raci.Register, error)
		// found is LimitError.Found: the readers stop one byte past the limit.
		found int64
	}{
		{"LoadBytes at the limit", n, func(o ...raci.LoadOption) (*raci.Register, error) { return raci.LoadBytes(doc, o...) }, 0},
		{"Load at the limit", n, func(o ...raci.LoadOption) (*raci.Register, error) { return raci.Load(bytes.NewReader(doc), o...) }, 0},
		{"LoadFile at the limit", n, func(o ...raci.LoadOption) (*raci.Register, error) { return raci.LoadFile(path, o...) }, 0},
		{"LoadBytes over the limit", n - 1, func(o ...raci.LoadOption) (*raci.Register, error) { return raci.LoadBytes(doc, o...) }, n},
		{"Load over the limit", n - 1, func(o ...raci.LoadOption) (*raci.Register, error) { return raci.Load(bytes.NewReader(doc), o...) }, n},
		{"LoadFile over the limit", n - 10, func(o ...raci.LoadOption) (*raci.Register, error) { return raci.LoadFile(path, o...) }, n - 9},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := tc.load(raci.WithLimits(raci.Limits{MaxBytes: tc.max}))
			if tc.found == 0 {
				if err != nil {
					t.Fatalf("load() = %v, want a register", err)
				}
				return
			}
			le := asLoadError(t, err)
			var lim *raci.LimitError
			if !errors.As(err, &lim) || !errors.Is(err, raci.ErrLimit) {
				t.Fatalf("error %v is not a *raci.LimitError", err)
			}
			got := struct {
				Limit      string
				Max, Found int64
				Problems   []raci.Problem
			}{lim.Limit, lim.Max, lim.Found, le.Problems}
			want := got
			want.Limit, want.Max, want.Found = "size", tc.max, tc.found
			want.Problems = []raci.Problem{{Message: fmt.Sprintf("the document is larger than the limit of %d bytes (raise it with rolecall's --max-bytes flag, or raci.WithLimits in Go)", tc.max)}}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("size limit mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadBOM(t *testing.T) {
	t.Parallel()
	const bom = "\xef\xbb\xbf"
	tcs := []struct {
		name, src string
		// version is the position of /version: columns count from after the BOM.
		version raci.Pos
	}{
		{"json", bom + `{"version": 1, "organisation": {"name": "Acme"}, "roles": [], "people": []}`, raci.Pos{Line: 1, Column: 13}},
		{"yaml", bom + "version: 1\norganisation: {name: Acme}\nroles: []\npeople: []\n", raci.Pos{Line: 1, Column: 10}},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			reg := ltLoadBytes(t, []byte(tc.src))
			want := &raci.Register{Version: 1, Organisation: raci.Organisation{Name: "Acme"}, Roles: []raci.Role{}, People: []raci.Person{}}
			if diff := cmp.Diff(want, reg, ignoreWhere); diff != "" {
				t.Errorf("LoadBytes() mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.version, reg.Position("/version")); diff != "" {
				t.Errorf("Position(/version) mismatch (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("json with an explicit format", func(t *testing.T) {
		t.Parallel()
		ltLoadBytes(t, []byte(bom+`{"version": 1, "organisation": {"name": "Acme"}, "roles": [], "people": []}`), raci.WithFormat(raci.FormatJSON))
	})
}

// utf16Bytes encodes s as UTF-16 with a byte order mark.
func utf16Bytes(s string, bigEndian bool) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune("\ufeff" + s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestLoadUTF16YAML(t *testing.T) {
	t.Parallel()
	const src = "version: 1\norganisation: {name: \"Acmé 𝔸\"}\nroles: []\npeople: []\n"
	for _, big := range []bool{true, false} {
		t.Run(fmt.Sprintf("big endian %v", big), func(t *testing.T) {
			t.Parallel()
			reg := ltLoadBytes(t, utf16Bytes(src, big))
			want := &raci.Register{Version: 1, Organisation: raci.Organisation{Name: "Acmé 𝔸"}, Roles: []raci.Role{}, People: []raci.Person{}}
			if diff := cmp.Diff(want, reg, ignoreWhere); diff != "" {
				t.Errorf("LoadBytes() mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(raci.Pos{Line: 2, Column: 22}, reg.Position("/organisation/name")); diff != "" {
				t.Errorf("Position(/organisation/name) mismatch (-want +got):\n%s", diff)
			}
		})
	}
	bad := []struct {
		name string
		src  []byte
		want raci.Problem
	}{
		{"odd length", append(utf16Bytes("version: 1\n", false), 'x'), raci.Problem{Pos: raci.Pos{Line: 2}, Message: "the UTF-16 text ends in the middle of a character (an odd number of bytes)"}},
		{"unpaired surrogate", append(utf16Bytes("a: 1\nb: ", true), 0xd8, 0x00, 0x00, 'x'), raci.Problem{Pos: raci.Pos{Line: 2}, Message: "invalid UTF-16: an unpaired surrogate U+D800"}},
		{"lone low surrogate", append(utf16Bytes("a: ", false), 0x00, 0xdc), raci.Problem{Pos: raci.Pos{Line: 1}, Message: "invalid UTF-16: an unpaired surrogate U+DC00"}},
		{"syntax error on the last line", utf16Bytes("{", true), raci.Problem{Pos: raci.Pos{Line: 1}, Message: "YAML syntax error: did not find expected node content"}},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := raci.LoadBytes(tc.src)
			le := asLoadError(t, err)
			if diff := cmp.Diff([]raci.Problem{tc.want}, le.Problems); diff != "" {
				t.Errorf("LoadBytes() problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadFileErrors(t *testing.T) {
	t.Parallel()
	t.Run("missing file", func(t *testing.T) {
		t.Parallel()
		path := filepath.Join(t.TempDir(), "nope.yaml")
		_, err := raci.LoadFile(path)
		le := asLoadError(t, err)
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("errors.Is(err, fs.ErrNotExist) = false for %v", err)
		}
		want := &raci.LoadError{Source: path, Problems: []raci.Problem{{Message: "cannot read the file: open " + path + ": no such file or directory"}}}
		if diff := cmp.Diff(want, le, cmpopts.IgnoreFields(raci.LoadError{}, "Err")); diff != "" {
			t.Errorf("LoadFile() error mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("reader fails", func(t *testing.T) {
		t.Parallel()
		boom := errors.New("boom")
		_, err := raci.Load(iotest.ErrReader(boom), raci.WithSourceName("stdin"))
		le := asLoadError(t, err)
		if !errors.Is(err, boom) {
			t.Errorf("errors.Is(err, boom) = false for %v", err)
		}
		want := []raci.Problem{{Message: "cannot read the input: boom"}}
		if diff := cmp.Diff(want, le.Problems); diff != "" {
			t.Errorf("Load() problems mismatch (-want +got):\n%s", diff)
		}
		if le.Source != "stdin" {
			t.Errorf("Source = %q, want stdin", le.Source)
		}
	})
}

// TestLoadErrorText checks the rendering of problems and of a LoadError.
func TestLoadErrorText(t *testing.T) {
	t.Parallel()
	src := "version: 2\norganisation: {name: Acme}\nroles: []\npeople: []\nassets:\n  - {id: crm, name: CRM, type: sass}\n"
	_, err := raci.LoadBytes([]byte(src), raci.WithSourceName("acme.yaml"))
	asLoadError(t, err)
	want := "acme.yaml: 2 problems:\n" +
		"  line 1, col 10, /version: 2 is not allowed: expected 1\n" +
		"  line 6, col 32, /assets/0/type: \"sass\" is not one of " + enumAssetTypes
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Errorf("Error() mismatch (-want +got):\n%s", diff)
	}
	tcs := []struct {
		p    raci.Problem
		want string
	}{
		{pb("", 0, 0, "x"), "(document): x"},
		{pb("/a", 3, 0, "x"), "line 3, /a: x"},
		{pb("/a", 3, 4, "x"), "line 3, col 4, /a: x"},
	}
	for _, tc := range tcs {
		if diff := cmp.Diff(tc.want, tc.p.String()); diff != "" {
			t.Errorf("Problem.String() mismatch (-want +got):\n%s", diff)
		}
	}
	one := &raci.LoadError{Source: "x.json", Problems: []raci.Problem{pb("/a", 1, 2, "bad")}}
	if diff := cmp.Diff("x.json: line 1, col 2, /a: bad", one.Error()); diff != "" {
		t.Errorf("Error() mismatch (-want +got):\n%s", diff)
	}
}

// ---- format detection ----

const (
	ltYAMLRegister      = "version: 1\norganisation: {name: Acme}\nroles: []\npeople: []\n"
	ltJSONRegister      = `{"version": 1, "organisation": {"name": "Acme"}, "roles": [], "people": []}`
	ltBrokenJSON        = `{"version": 1,, "organisation": {"name": "Acme"}, "roles": [], "people": []}`
	msgJSONSyntax       = "JSON syntax error: expected a quoted key"
	msgYAMLAsJSON       = "JSON syntax error: unexpected 'v': expected a value"
	msgBrokenJSONAsYAML = "YAML syntax error: did not find expected node content"
)

func TestLoadFormatDetection(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tcs := []struct {
		name    string
		file    string // "" loads with LoadBytes and Load instead of LoadFile
		content string
		opts    []raci.LoadOption
		want    []raci.Problem // nil: the register loads
		// yamlLine: the problem is a YAML syntax error on line 1, which comes
		// without a position (see TestLoadBugs); only the message is compared.
		yamlLine bool
	}{
		{name: ".json holding JSON", file: "r.json", content: ltJSONRegister},
		{name: ".json holding YAML is read as JSON", file: "r.json", content: ltYAMLRegister, want: []raci.Problem{pb("", 1, 1, msgYAMLAsJSON)}},
		{name: ".JSON, any case", file: "r.JSON", content: ltYAMLRegister, want: []raci.Problem{pb("", 1, 1, msgYAMLAsJSON)}},
		{name: ".yaml holding YAML", file: "r.yaml", content: ltYAMLRegister},
		{name: ".yml holding YAML", file: "r.yml", content: ltYAMLRegister},
		{name: ".YAML, any case", file: "r.YAML", content: ltYAMLRegister},
		{name: ".yaml holding broken JSON is read as YAML", file: "r.yaml", content: ltBrokenJSON, want: []raci.Problem{pb("", 1, 0, msgBrokenJSONAsYAML)}, yamlLine: true},
		{name: ".yml holding JSON (JSON is YAML)", file: "r.yml", content: ltJSONRegister},
		{name: "other extension holding broken JSON is sniffed as JSON", file: "r.txt", content: ltBrokenJSON, want: []raci.Problem{pb("", 1, 15, msgJSONSyntax)}},
		{name: "other extension holding YAML is sniffed as YAML", file: "register", content: ltYAMLRegister},
		{name: "WithFormat overrides the extension", file: "r.json", content: ltYAMLRegister, opts: []raci.LoadOption{raci.WithFormat(raci.FormatYAML)}},
		{name: "WithFormat(JSON) overrides the extension", file: "r.yaml", content: ltBrokenJSON, opts: []raci.LoadOption{raci.WithFormat(raci.FormatJSON)}, want: []raci.Problem{pb("", 1, 15, msgJSONSyntax)}},
		{name: "bytes: YAML", content: ltYAMLRegister},
		{name: "bytes: JSON", content: ltJSONRegister},
		{name: "bytes: broken JSON is sniffed as JSON", content: ltBrokenJSON, want: []raci.Problem{pb("", 1, 15, msgJSONSyntax)}},
		{name: "bytes: broken JSON after blank lines is sniffed as JSON", content: "\n\n  " + ltBrokenJSON, want: []raci.Problem{pb("", 3, 17, msgJSONSyntax)}},
		{name: "bytes: broken JSON list is sniffed as JSON", content: "[1,,]", want: []raci.Problem{pb("/1", 1, 4, "JSON syntax error: unexpected ',': expected a value")}},
		{name: "bytes: broken JSON after a BOM is sniffed as JSON", content: "\xef\xbb\xbf" + ltBrokenJSON, want: []raci.Problem{pb("", 1, 15, msgJSONSyntax)}},
		{name: "bytes: WithFormat(YAML) reads broken JSON as YAML", content: ltBrokenJSON, opts: []raci.LoadOption{raci.WithFormat(raci.FormatYAML)}, want: []raci.Problem{pb("", 1, 0, msgBrokenJSONAsYAML)}, yamlLine: true},
		{name: "bytes: WithFormat(JSON) reads YAML as JSON", content: ltYAMLRegister, opts: []raci.LoadOption{raci.WithFormat(raci.FormatJSON)}, want: []raci.Problem{pb("", 1, 1, msgYAMLAsJSON)}},
	}
	for i, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			type result struct {
				how string
				reg *raci.Register
				err error
			}
			var results []result
			if tc.file != "" {
				sub := filepath.Join(dir, strconv.Itoa(i))
				if err := os.Mkdir(sub, 0o700); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(sub, tc.file)
				if err := os.WriteFile(path, []byte(tc.content), 0o600); err != nil {
					t.Fatal(err)
				}
				reg, err := raci.LoadFile(path, tc.opts...)
				results = append(results, result{"LoadFile", reg, err})
			} else {
				reg, err := raci.LoadBytes([]byte(tc.content), tc.opts...)
				results = append(results, result{"LoadBytes", reg, err})
				reg, err = raci.Load(strings.NewReader(tc.content), tc.opts...)
				results = append(results, result{"Load", reg, err})
			}
			for _, r := range results {
				if tc.want == nil {
					if r.err != nil {
						t.Errorf("%s() = %v, want a register", r.how, r.err)
						continue
					}
					want := &raci.Register{Version: 1, Organisation: raci.Organisation{Name: "Acme"}, Roles: []raci.Role{}, People: []raci.Person{}}
					if diff := cmp.Diff(want, r.reg, ignoreWhere); diff != "" {
						t.Errorf("%s() mismatch (-want +got):\n%s", r.how, diff)
					}
					continue
				}
				le := asLoadError(t, r.err)
				var opts []cmp.Option
				if tc.yamlLine {
					opts = append(opts, cmpopts.IgnoreFields(raci.Problem{}, "Pos"))
				}
				if diff := cmp.Diff(tc.want, le.Problems, opts...); diff != "" {
					t.Errorf("%s() problems mismatch (-want +got):\n%s", r.how, diff)
				}
			}
		})
	}
}

// ---- lossless ----

// ltGeneric decodes JSON text into plain values, numbers as json.Number.
func ltGeneric(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("decoding JSON: %v", err)
	}
	return v
}

func ltRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestLoadRichFixtures checks that the rich register's YAML and JSON spellings
// load to the same Register, and that rich.json is a faithful spelling of
// rich.yaml (as the test's own YAML reader sees it).
func TestLoadRichFixtures(t *testing.T) {
	t.Parallel()
	yamlSrc := ltRead(t, "testdata/rich.yaml")
	jsonSrc := ltRead(t, "testdata/rich.json")
	if diff := cmp.Diff(ltGeneric(t, []byte(ltJSONTwin(t, string(yamlSrc)).json)), ltGeneric(t, jsonSrc)); diff != "" {
		t.Errorf("testdata/rich.json is not rich.yaml (-yaml +json):\n%s", diff)
	}
	fromYAML := ltLoadFile(t, "testdata/rich.yaml")
	fromJSON := ltLoadFile(t, "testdata/rich.json")
	if diff := cmp.Diff(fromYAML, fromJSON, ignoreWhere); diff != "" {
		t.Errorf("rich.yaml and rich.json mismatch (-yaml +json):\n%s", diff)
	}
	// A few values, typed.
	no, yes := false, true
	checks := []struct {
		name      string
		want, got any
	}{
		{"organisation.handles_personal_data", &yes, fromYAML.Organisation.HandlesPersonalData},
		{"organisation.approved_on", raci.MustDate("2026-01-15"), *fromYAML.Organisation.ApprovedOn},
		{"organisation.attributes.ratio", json.Number("1.50"), fromYAML.Organisation.Attributes["ratio"]},
		{"organisation.attributes.headcount", json.Number("10"), fromYAML.Organisation.Attributes["headcount"]},
		{"people[1].job_description_has_security_duties", &no, fromYAML.People[1].JobDescriptionHasSecurityDuties},
		{"people[1].roles", []string{}, fromYAML.People[1].Roles},
		{"people[1].acknowledgements", &raci.Acknowledgements{}, fromYAML.People[1].Acknowledgements},
		{"people[2].roles", []string(nil), fromYAML.People[2].Roles},
		{"people[2].job_description_has_security_duties", (*bool)(nil), fromYAML.People[2].JobDescriptionHasSecurityDuties},
		{"assets[1].personal_data", &no, fromYAML.Assets[1].PersonalData},
		{"activities[1].raci", &raci.RACI{}, fromYAML.Activities[1].RACI},
		{"exceptions[0].expires_on", raci.MustDate("2026-12-31"), fromYAML.Exceptions[0].ExpiresOn},
	}
	for _, c := range checks {
		if diff := cmp.Diff(c.want, c.got); diff != "" {
			t.Errorf("%s mismatch (-want +got):\n%s", c.name, diff)
		}
	}
}

func TestLossless(t *testing.T) {
	t.Parallel()
	for _, file := range []string{"testdata/rich.yaml", "testdata/rich.json"} {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			src := ltRead(t, file)
			reg := ltLoadFile(t, file)
			out, err := json.Marshal(reg)
			if err != nil {
				t.Fatal(err)
			}
			t.Run("json.Marshal then LoadBytes gives the same register", func(t *testing.T) {
				t.Parallel()
				again := ltLoadBytes(t, out)
				if diff := cmp.Diff(reg, again, ignoreWhere); diff != "" {
					t.Errorf("JSON round trip mismatch (-loaded +reloaded):\n%s", diff)
				}
			})
			t.Run("nothing lost: every value of the source is in json.Marshal", func(t *testing.T) {
				t.Parallel()
				// The source as plain JSON values, read by the test (not the loader).
				source := ltGeneric(t, []byte(ltJSONTwin(t, string(src)).json))
				if diff := cmp.Diff(source, ltGeneric(t, out)); diff != "" {
					t.Errorf("json.Marshal(reg) lost or changed values (-source +marshalled):\n%s", diff)
				}
			})
			t.Run("yaml.Marshal then LoadBytes gives the same register", func(t *testing.T) {
				t.Parallel()
				y, err := yaml.Marshal(reg)
				if err != nil {
					t.Fatal(err)
				}
				again := ltLoadBytes(t, y, raci.WithFormat(raci.FormatYAML))
				if diff := cmp.Diff(reg, again, ignoreWhere); diff != "" {
					t.Errorf("YAML round trip mismatch (-loaded +reloaded):\n%s\nYAML:\n%s", diff, y)
				}
			})
		})
	}
}

// TestLosslessBigNumbers checks that numbers beyond float64 keep their digits.
func TestLosslessBigNumbers(t *testing.T) {
	t.Parallel()
	reg := ltLoadFile(t, "testdata/rich.yaml")
	got, _ := reg.Organisation.Attributes["big"].(json.Number)
	want, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	if g, ok := new(big.Int).SetString(got.String(), 10); !ok || g.Cmp(want) != 0 {
		t.Errorf("attributes.big = %q, want 123456789012345678901234567890", got)
	}
}

// ---- index helpers ----

const ltIndexRegister = `version: 1
organisation: {name: Acme}
roles:
  - {id: ciso, name: CISO, kind: ciso, function: security}
  - {id: admin, name: Admin, kind: system_administrator, function: it}
  - {id: dpo, name: DPO, kind: data_protection_officer, function: legal}
  - {id: backup, name: Backup operator, kind: other, function: it}
  - {id: vacant, name: Vacant, kind: staff, function: other}
  - {id: audit, name: Auditor, kind: other, function: other}
people:
  - {id: alice, name: Alice, roles: [ciso, admin]}
  - {id: bob, name: Bob, status: on_leave, roles: [dpo]}
  - {id: carol, name: Carol, status: leaver, roles: [backup]}
  - {id: dave, name: Dave, status: active, roles: [ghost]}
  - {id: erin, name: Erin}
teams:
  - {id: ops, name: Ops, members: [erin, alice, nobody], roles: [admin, ghost]}
  - {id: empty, name: Empty, roles: [vacant]}
  - {id: phantom, name: Phantom, members: [nobody], roles: [audit]}
  - {id: leavers, name: Leavers, members: [carol], roles: [dpo]}
`

func TestIndex(t *testing.T) {
	t.Parallel()
	reg := ltLoadBytes(t, []byte(ltIndexRegister))
	x := reg.Index()
	tcs := []struct {
		role      string
		holders   []string
		allocated bool
	}{
		{"ciso", []string{"alice"}, true},
		// alice holds admin directly and through ops: listed once.
		{"admin", []string{"alice", "erin", "nobody"}, true},
		// on leave, and a leaver through a team: held, not allocated.
		{"dpo", []string{"bob", "carol"}, false},
		{"backup", []string{"carol"}, false},
		// An undefined role id counts: dave holds it directly, ops members through the team.
		{"ghost", []string{"alice", "dave", "erin", "nobody"}, true},
		// A team without members gives no holder.
		{"vacant", nil, false},
		// Only an undefined person holds it: not allocated.
		{"audit", []string{"nobody"}, false},
		{"unknown", nil, false},
	}
	for _, tc := range tcs {
		t.Run("role "+tc.role, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tc.holders, x.HoldersOf(tc.role), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("HoldersOf(%q) mismatch (-want +got):\n%s", tc.role, diff)
			}
			if got := x.Allocated(tc.role); got != tc.allocated {
				t.Errorf("Allocated(%q) = %v, want %v", tc.role, got, tc.allocated)
			}
			for _, pid := range tc.holders {
				if !x.Holds(pid, tc.role) {
					t.Errorf("Holds(%q, %q) = false, want true", pid, tc.role)
				}
			}
		})
	}
	people := []struct {
		person string
		roles  []string
	}{
		{"alice", []string{"admin", "ciso", "ghost"}},
		{"bob", []string{"dpo"}},
		{"carol", []string{"backup", "dpo"}},
		{"dave", []string{"ghost"}},
		{"erin", []string{"admin", "ghost"}},
		{"nobody", []string{"admin", "audit", "ghost"}},
		{"zed", nil},
	}
	for _, tc := range people {
		t.Run("person "+tc.person, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tc.roles, x.RolesOf(tc.person), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("RolesOf(%q) mismatch (-want +got):\n%s", tc.person, diff)
			}
		})
	}
	holds := []struct {
		person, role string
		want         bool
	}{
		{"erin", "admin", true}, // through ops
		{"erin", "ciso", false},
		{"alice", "ciso", true}, // directly
		{"alice", "dpo", false},
		{"carol", "dpo", true}, // a leaver still holds
		{"zed", "ciso", false},
		{"erin", "", false},
	}
	for _, tc := range holds {
		if got := x.Holds(tc.person, tc.role); got != tc.want {
			t.Errorf("Holds(%q, %q) = %v, want %v", tc.person, tc.role, got, tc.want)
		}
	}
	t.Run("results are copies", func(t *testing.T) {
		t.Parallel()
		x := reg.Index()
		h := x.HoldersOf("admin")
		h[0] = "mallory"
		r := x.RolesOf("alice")
		r[0] = "mallory"
		if diff := cmp.Diff([]string{"alice", "erin", "nobody"}, x.HoldersOf("admin")); diff != "" {
			t.Errorf("HoldersOf after changing a result mismatch (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"admin", "ciso", "ghost"}, x.RolesOf("alice")); diff != "" {
			t.Errorf("RolesOf after changing a result mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("lookups", func(t *testing.T) {
		t.Parallel()
		rich := ltLoadFile(t, "testdata/rich.yaml")
		x := rich.Index()
		got := []string{
			x.Role("dpo").Name, x.Person("bob").Name, x.Team("it-ops").Name, x.Asset("crm").Name,
			x.Activity("backups").Name, string(x.Authority("auth-exc").Decision), x.Delegation("del-2").To, x.Risk("R-2").Title,
		}
		want := []string{"Data Protection Officer", "Bob Example", "IT Operations", "Customer relationship management",
			"Backup verification", "approve_exception", "dpo", "Laptop theft"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("lookups mismatch (-want +got):\n%s", diff)
		}
		if x.Role("nope") != nil || x.Person("nope") != nil || x.Team("nope") != nil || x.Asset("nope") != nil ||
			x.Activity("nope") != nil || x.Authority("nope") != nil || x.Delegation("nope") != nil || x.Risk("nope") != nil {
			t.Error("a lookup of an unknown id is not nil")
		}
		// Lookups point into the register.
		if x.Role("ciso") != &rich.Roles[0] {
			t.Error("Role(ciso) does not point at reg.Roles[0]")
		}
	})
	t.Run("register built in code", func(t *testing.T) {
		t.Parallel()
		reg := &raci.Register{Version: 1, People: []raci.Person{{ID: "p", Status: raci.StatusActive, Roles: []string{"r"}}}}
		if x := reg.Index(); !x.Allocated("r") || !x.Holds("p", "r") {
			t.Error("a register built in code does not index its holders")
		}
	})
}

// ---- positions ----

func TestPosition(t *testing.T) {
	t.Parallel()
	yamlReg := ltLoadFile(t, "testdata/rich.yaml")
	jsonReg := ltLoadFile(t, "testdata/rich.json")
	tcs := []struct {
		ptr        string
		yaml, json raci.Pos
	}{
		{"", raci.Pos{Line: 3, Column: 1}, raci.Pos{Line: 1, Column: 1}},
		{"/version", raci.Pos{Line: 3, Column: 10}, raci.Pos{Line: 2, Column: 14}},
		{"/organisation/approved_on", raci.Pos{Line: 8, Column: 16}, raci.Pos{Line: 7, Column: 20}},
		{"/roles/1", raci.Pos{Line: 49, Column: 5}, raci.Pos{Line: 74, Column: 5}},
		{"/roles/1/kind", raci.Pos{Line: 51, Column: 11}, raci.Pos{Line: 77, Column: 15}},
		{"/people/0/competences/1/achieved_on", raci.Pos{Line: 78, Column: 22}, raci.Pos{Line: 116, Column: 26}},
		{"/assets/0/attributes/regions/1", raci.Pos{Line: 115, Column: 28}, raci.Pos{Line: 176, Column: 11}},
		// Not in the source: the closest enclosing value.
		{"/roles/1/duties/7", raci.Pos{Line: 53, Column: 13}, raci.Pos{Line: 79, Column: 17}},
		{"/roles/99/kind", raci.Pos{Line: 38, Column: 3}, raci.Pos{Line: 56, Column: 12}},
		{"/nope", raci.Pos{Line: 3, Column: 1}, raci.Pos{Line: 1, Column: 1}},
	}
	for _, tc := range tcs {
		t.Run(tc.ptr, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tc.yaml, yamlReg.Position(tc.ptr)); diff != "" {
				t.Errorf("YAML Position(%q) mismatch (-want +got):\n%s", tc.ptr, diff)
			}
			if diff := cmp.Diff(tc.json, jsonReg.Position(tc.ptr)); diff != "" {
				t.Errorf("JSON Position(%q) mismatch (-want +got):\n%s", tc.ptr, diff)
			}
		})
	}
}

func TestSourceName(t *testing.T) {
	t.Parallel()
	src := []byte(ltYAMLRegister)
	path := filepath.Join(t.TempDir(), "acme.yaml")
	if err := os.WriteFile(path, src, 0o600); err != nil {
		t.Fatal(err)
	}
	load := func(reg *raci.Register, err error) *raci.Register {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return reg
	}
	tcs := []struct {
		name string
		reg  *raci.Register
		want string
	}{
		{"LoadFile names the path", load(raci.LoadFile(path)), path},
		{"LoadFile with WithSourceName", load(raci.LoadFile(path, raci.WithSourceName("registers/acme.yaml"))), "registers/acme.yaml"},
		{"LoadBytes", load(raci.LoadBytes(src)), "<input>"},
		{"Load", load(raci.Load(bytes.NewReader(src))), "<input>"},
		{"Load with WithSourceName", load(raci.Load(bytes.NewReader(src), raci.WithSourceName("stdin"))), "stdin"},
		{"built in code", &raci.Register{Version: 1}, ""},
	}
	for _, tc := range tcs {
		if got := tc.reg.SourceName(); got != tc.want {
			t.Errorf("%s: SourceName() = %q, want %q", tc.name, got, tc.want)
		}
	}
	if got := (&raci.Register{}).Position("/version"); got != (raci.Pos{}) {
		t.Errorf("Position on a register built in code = %v, want the zero Pos", got)
	}
	// A LoadError names the same source.
	_, err := raci.LoadFile(path, raci.WithLimits(raci.Limits{MaxBytes: 1}))
	if le := asLoadError(t, err); le.Source != path {
		t.Errorf("LoadError.Source = %q, want %q", le.Source, path)
	}
	_, err = raci.LoadBytes([]byte("{}"), raci.WithSourceName("x.json"))
	if le := asLoadError(t, err); le.Source != "x.json" {
		t.Errorf("LoadError.Source = %q, want x.json", le.Source)
	}
}

// TestLoadConcurrent loads the same register from many goroutines (for -race).
func TestLoadConcurrent(t *testing.T) {
	t.Parallel()
	src := ltRead(t, "testdata/rich.yaml")
	want := ltLoadBytes(t, src)
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			reg, err := raci.LoadBytes(src)
			if err == nil && !cmp.Equal(want, reg, ignoreWhere) {
				err = errors.New("a concurrent load gave a different register")
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// ---- regression tests for loader bugs found while writing these tests ----

func TestLoadRegressions(t *testing.T) {
	t.Parallel()
	t.Run("the YAML depth limit counts scalars, the JSON one does not", func(t *testing.T) {
		t.Parallel()
		opts := raci.WithLimits(raci.Limits{MaxDepth: 3})
		for _, src := range []string{`{"a":{"b":{"c":1}}}`, "a: {b: {c: 1}}\n"} {
			_, err := raci.LoadBytes([]byte(src), opts)
			if errors.Is(err, raci.ErrLimit) {
				t.Errorf("LoadBytes(%q) = %v, want schema problems, not the depth limit", src, err)
			}
		}
	})
	t.Run("YAML syntax errors on line 1, or found by the parser, have no or the wrong line", func(t *testing.T) {
		t.Parallel()
		tcs := []struct {
			src      string
			minLine  int
			errorMsg string
		}{
			{"version: 1: 2\n", 1, "mapping values are not allowed in this context"},
			{"version: 1\norganisation: {name: Acme\nroles: []\npeople: []\n", 2, "did not find expected ',' or '}'"},
		}
		for _, tc := range tcs {
			_, err := raci.LoadBytes([]byte(tc.src))
			le := asLoadError(t, err)
			if p := le.Problems[0]; p.Pos.Line < tc.minLine || !strings.Contains(p.Message, tc.errorMsg) {
				t.Errorf("LoadBytes(%q) problem = %v, want %q on line %d or later", tc.src, p, tc.errorMsg, tc.minLine)
			}
		}
	})
	t.Run("a YAML file of comments only is empty, not a syntax error", func(t *testing.T) {
		t.Parallel()
		_, err := raci.LoadBytes([]byte("# register to come\n"))
		le := asLoadError(t, err)
		if diff := cmp.Diff([]raci.Problem{pb("", 1, 1, msgEmptyDoc)}, le.Problems); diff != "" {
			t.Errorf("LoadBytes() problems mismatch (-want +got):\n%s", diff)
		}
	})
}

// TestYAMLMarshalAwkwardStrings writes strings that go.yaml.in/yaml/v3 writes as
// literal blocks it cannot read back (several lines, first character white
// space; found by FuzzSchemaErrors) in every context a register has: a name, an
// attribute, a list item, a list in a mapping in a list.
func TestYAMLMarshalAwkwardStrings(t *testing.T) {
	t.Parallel()
	strs := []string{"\n0\n0", "\n a", "\n\n x", "\t\nx", "\tb\nc", " a\nb", "\r\nx", "\u00a0\nx", "\u2028\nx",
		"a\n b", "a\n\tb", "x\n", "a\n\n", "a\n \n", "a\n\t\n", "a\nb ", "\n", "\n\n", "plain"}
	for _, s := range strs {
		t.Run(fmt.Sprintf("%q", s), func(t *testing.T) {
			t.Parallel()
			reg := &raci.Register{
				Version:      1,
				Organisation: raci.Organisation{Name: "Acme" + s, Attributes: raci.Attributes{"s": s, "list": []any{s, map[string]any{"k": []any{s}}}}},
				Roles:        []raci.Role{},
				People:       []raci.Person{{ID: "p1", Name: s + "Pat", Attributes: raci.Attributes{"note": s}}},
			}
			y, err := yaml.Marshal(reg)
			if err != nil {
				t.Fatal(err)
			}
			again, err := raci.LoadBytes(y, raci.WithFormat(raci.FormatYAML))
			if err != nil {
				t.Fatalf("the YAML written does not load: %v\n%s", err, y)
			}
			if diff := cmp.Diff(reg, again, ignoreWhere); diff != "" {
				t.Errorf("YAML round trip mismatch (-written +reloaded):\n%s\nYAML:\n%s", diff, y)
			}
		})
	}
}
