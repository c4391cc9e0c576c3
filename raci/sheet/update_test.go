package sheet

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
)

// updateRegister has activities in each style Update meets: a block RACI, a
// flow item, a flow RACI in a block item, no RACI, and comments around them.
const updateRegister = `# Our register.
version: 1
organisation:
  name: Example Ltd # who we are
roles:
  - id: ceo
    name: Chief Executive
    kind: senior_management
    function: executive
  - id: isms
    name: ISMS Manager
    kind: isms_manager
    function: security

  - id: ops
    name: Operations Lead
    kind: process_owner
    function: operations
people: []
activities:
  # Identity
  - id: a1
    name: Joiners
    process: user_provisioning
    raci:
      responsible: [isms]   # does the work
      accountable: [ops]
      informed: [ceo]
    frequency: on_event # always

  - {id: a2, name: Backups, process: backup_verification, raci: {responsible: [ops], accountable: [isms]}}

  - id: a3
    name: Risk assessment
    process: risk_assessment
    raci: {responsible: [isms], accountable: [ceo]}
    frequency: annual
  - id: a4
    name: Incidents
    process: incident_management
    frequency: on_event
# The end.
`

func TestUpdate(t *testing.T) {
	t.Parallel()
	// The sheet has no column for ops, clears isms's R on a1 and gives it
	// A/R on a2, adds a RACI to a4, a role and an activity, and leaves a3 as
	// it is.
	sheet := "ID,Activity,Process,Frequency,CEO,ISMS Manager,Chief Risk Officer\n" +
		"a1,Joiners,,,I/C,,R\n" +
		"a2,Backups,,,,A/R,\n" +
		"a3,Risk assessment,,,A,R,\n" +
		"a4,Incidents,,,A,R,C\n" +
		"a5,Supplier checks,supplier_due_diligence,on event,A,,R\n"
	m, err := ReadCSV(strings.NewReader(sheet), WithSourceName("raci.csv"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Update([]byte(updateRegister), m)
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	want := `# Our register.
version: 1
organisation:
  name: Example Ltd # who we are
roles:
  - id: ceo
    name: Chief Executive
    kind: senior_management
    function: executive
  - id: isms
    name: ISMS Manager
    kind: isms_manager
    function: security

  - id: ops
    name: Operations Lead
    kind: process_owner
    function: operations

  - id: chief-risk-officer
    name: Chief Risk Officer
    kind: other # TODO: the kind of role
    function: other # TODO: the business function; and the role's duties
people: []
activities:
  # Identity
  - id: a1
    name: Joiners
    process: user_provisioning
    raci:
      responsible: [chief-risk-officer]
      accountable: [ops]
      consulted: [ceo]
      informed: [ceo]
    frequency: on_event # always

  - {id: a2, name: Backups, process: backup_verification, raci: {responsible: [ops, isms], accountable: [isms]}}

  - id: a3
    name: Risk assessment
    process: risk_assessment
    raci: {responsible: [isms], accountable: [ceo]}
    frequency: annual
  - id: a4
    name: Incidents
    process: incident_management
    frequency: on_event
    raci:
      responsible: [isms]
      accountable: [ceo]
      consulted: [chief-risk-officer]
  - id: a5
    name: Supplier checks
    process: supplier_due_diligence
    raci:
      responsible: [chief-risk-officer]
      accountable: [ceo]
    frequency: on_event
# The end.
`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("Update() mismatch (-want +got):\n%s", diff)
	}
}

// TestUpdateUnchanged holds that a matrix written from a register changes
// nothing when written back into it, byte for byte, and that one changed cell
// changes that activity's RACI and no byte outside it.
func TestUpdateUnchanged(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(roundTripRegisters[0])
	if err != nil {
		t.Fatal(err)
	}
	reg, err := raci.LoadBytes(src)
	if err != nil {
		t.Fatal(err)
	}
	var csvText strings.Builder
	if err := WriteCSV(&csvText, reg); err != nil {
		t.Fatal(err)
	}
	m, err := ReadCSV(strings.NewReader(csvText.String()))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Update(src, m)
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	if string(got) != string(src) {
		t.Errorf("Update with the register's own matrix changed it:\n%s", cmp.Diff(string(src), string(got)))
	}

	// act-joiners: consulted head-of-data becomes informed.
	for i, r := range m.Rows {
		if r.ID != "act-joiners" {
			continue
		}
		for j, c := range m.Columns {
			if c.ID == "head-of-data" {
				m.Rows[i].Letters[j] = Informed
			}
		}
	}
	got, err = Update(src, m)
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	start := strings.Index(string(src), "  - id: act-joiners")
	end := strings.Index(string(src), "    assets: [google-workspace, salesforce, github, laptops]")
	gotStart := strings.Index(string(got), "  - id: act-joiners")
	gotEnd := strings.Index(string(got), "    assets: [google-workspace, salesforce, github, laptops]")
	if src := string(src); src[:start] != string(got)[:gotStart] || src[end:] != string(got)[gotEnd:] {
		t.Errorf("Update changed bytes outside act-joiners")
	}
	wantRegion := `  - id: act-joiners
    name: Provision accounts for joiners and movers
    process: user_provisioning
    raci:
      responsible: [sysadmin]
      accountable: [hr-manager]
      informed: [isms-manager, head-of-data]
`
	if diff := cmp.Diff(wantRegion, string(got)[gotStart:gotEnd]); diff != "" {
		t.Errorf("act-joiners mismatch (-want +got):\n%s", diff)
	}
}

// TestUpdateProblems holds that the columns and rows Update cannot match
// unambiguously are all reported, at their cells.
func TestUpdateProblems(t *testing.T) {
	t.Parallel()
	register := `version: 1
organisation: {name: X}
roles:
  - {id: ceo, name: Chief Executive, kind: senior_management, function: executive}
  - {id: boss, name: CEO, kind: senior_management, function: executive}
  - {id: it-lead, name: Head of IT, kind: system_administrator, function: it}
  - {id: ops, name: Operations Lead, kind: process_owner, function: operations}
people: []
activities:
  - {id: a1, name: Joiners, process: user_provisioning}
  - {id: a2, name: Joiners, process: user_provisioning}
  - {id: backups, name: Backup checks, process: backup_verification}
`
	sheet := "Activity,CEO,OPS!,Head of IT,Tech [it-lead]\n" +
		"Joiners,A,R,,\n" +
		"Backups,A,R,,\n"
	m, err := ReadCSV(strings.NewReader(sheet), WithSourceName("raci.csv"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Update([]byte(register), m)
	if err == nil {
		t.Fatal("Update succeeded, want problems")
	}
	want := "raci.csv: 5 problems:\n" +
		`  B1: "CEO" matches the roles ceo and boss by id or name: write the id in brackets, as in "CEO [ceo]"` + "\n" +
		`  C1: "OPS!" names no role of the register, and its id ops is the id of role "Operations Lead": write the id in brackets to mean that role ("OPS! [ops]"), or another id for a new role` + "\n" +
		`  E1: the column names role it-lead, as the column at D1 does: keep one column per role` + "\n" +
		`  A2: "Joiners" is the name of the activities a1 and a2: give the row the activity's id in an ID column` + "\n" +
		`  A3: "Backups" names no activity of the register, and its id backups is the id of activity "Backup checks": give the row an id in an ID column`
	if !errors.Is(err, ErrInvalidSheet) {
		t.Errorf("errors.Is(err, ErrInvalidSheet) = false for %v", err)
	}
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Errorf("Update() error mismatch (-want +got):\n%s", diff)
	}
}

// TestUpdateCRLF holds that a register with CRLF line breaks keeps them in
// what Update writes.
func TestUpdateCRLF(t *testing.T) {
	t.Parallel()
	register := strings.ReplaceAll(updateRegister, "\n", "\r\n")
	m, err := ReadCSV(strings.NewReader("ID,Activity,CEO,ISMS Manager\na4,Incidents,A,R\n"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Update([]byte(register), m)
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	want := strings.Replace(register, "    frequency: on_event\r\n# The end.",
		"    frequency: on_event\r\n    raci:\r\n      responsible: [isms]\r\n      accountable: [ceo]\r\n# The end.", 1)
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("Update() mismatch (-want +got):\n%s", diff)
	}
}

// TestUpdateStyles holds that Update writes in the style it finds: flow
// items, flow lists, an empty RACI, and lists the register does not have yet.
func TestUpdateStyles(t *testing.T) {
	t.Parallel()
	tcs := []struct {
		name, register, sheet, want string
	}{
		{
			name: "flow items and an empty flow list of roles",
			register: "version: 1\norganisation: {name: X}\nroles: []\npeople: []\nactivities:\n" +
				"  - {id: a1, name: Joiners, process: user_provisioning}\n" +
				"  - {id: a2, name: Leavers, process: user_deprovisioning, raci: {responsible: [ceo]}}\n",
			sheet: "ID,Activity,Process,CEO [ceo]\na1,Joiners,,A\na2,Leavers,,\na3,Backups,backup_verification,A/R\n",
			want: "version: 1\norganisation: {name: X}\nroles: [{id: ceo, name: CEO, kind: other, function: other}]\npeople: []\nactivities:\n" +
				"  - {id: a1, name: Joiners, process: user_provisioning, raci: {accountable: [ceo]}}\n" +
				"  - {id: a2, name: Leavers, process: user_deprovisioning, raci: {}}\n" +
				"  - {id: a3, name: Backups, process: backup_verification, raci: {responsible: [ceo], accountable: [ceo]}}\n",
		},
		{
			name:     "no activities yet; a row with a name alone is a note, not an activity",
			register: "version: 1\norganisation:\n  name: X\nroles:\n  - id: ceo\n    name: CEO\n    kind: senior_management\n    function: executive\npeople: []",
			sheet:    "Activity,Process,CEO\nJoiners,user provisioning,A\nLeavers,,\n",
			want: "version: 1\norganisation:\n  name: X\nroles:\n  - id: ceo\n    name: CEO\n    kind: senior_management\n    function: executive\npeople: []\n" +
				"activities:\n  - id: joiners\n    name: Joiners\n    process: user_provisioning\n    raci:\n      accountable: [ceo]\n",
		},
		{
			name: "a block RACI with block lists, cleared",
			register: "version: 1\norganisation: {name: X}\nroles: [{id: ceo, name: CEO, kind: senior_management, function: executive}]\npeople: []\nactivities:\n" +
				"  - id: a1\n    name: Joiners\n    raci:\n      responsible:\n      - ceo\n      # the boss\n    process: user_provisioning\n",
			sheet: "ID,Activity,Process,CEO\na1,Joiners,,-\na2,Leavers,,A\n",
			want: "version: 1\norganisation: {name: X}\nroles: [{id: ceo, name: CEO, kind: senior_management, function: executive}]\npeople: []\nactivities:\n" +
				"  - id: a1\n    name: Joiners\n    raci: {}\n      # the boss\n    process: user_provisioning\n" +
				"  - id: a2\n    name: Leavers\n    process: other # TODO: the security process (the sheet has none)\n    raci:\n      accountable: [ceo]\n",
		},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m, err := ReadCSV(strings.NewReader(tc.sheet))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Update([]byte(tc.register), m)
			if err != nil {
				t.Fatalf("Update: %v", err)
			}
			if diff := cmp.Diff(tc.want, string(got)); diff != "" {
				t.Errorf("Update() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUpdateRefusesJSON(t *testing.T) {
	t.Parallel()
	m, err := ReadCSV(strings.NewReader("Activity,CEO\nJoiners,A\n"), WithSourceName("raci.csv"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Update([]byte(`{"version": 1, "organisation": {"name": "X"}, "roles": [], "people": []}`), m)
	want := "raci.csv: the register is written as one flow mapping (JSON): Update edits registers written in block YAML"
	if err == nil || err.Error() != want {
		t.Errorf("Update(JSON) = %v, want %q", err, want)
	}
}
