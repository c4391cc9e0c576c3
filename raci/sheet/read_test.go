package sheet

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// summary is what a test compares of a matrix: its columns as "id=name"
// and its rows as "id|name|process|frequency|phase|letters...".
type summary struct {
	Columns []string
	Rows    []string
	Notes   []string
}

func summarise(m *Matrix) summary {
	var s summary
	for _, c := range m.Columns {
		s.Columns = append(s.Columns, c.ID+"="+c.Name)
	}
	for _, r := range m.Rows {
		parts := []string{r.ID, r.Name, string(r.Process), string(r.Frequency), r.Phase}
		for _, l := range r.Letters {
			parts = append(parts, l.String())
		}
		s.Rows = append(s.Rows, strings.Join(parts, "|"))
	}
	for _, n := range m.Notes {
		s.Notes = append(s.Notes, n.Cell.String()+" "+n.Text)
	}
	return s
}

func TestReadCSV(t *testing.T) {
	t.Parallel()
	tcs := []struct {
		name string
		csv  string
		want summary
	}{
		{
			name: "plain",
			csv:  "ID,Activity,Process,Frequency,Chief Executive,CISO\na1,Joiners,user_provisioning,on_event,A,R\n",
			want: summary{
				Columns: []string{"chief-executive=Chief Executive", "ciso=CISO"},
				Rows:    []string{"a1|Joiners|user_provisioning|on_event||A|R"},
			},
		},
		{
			name: "byte order mark, semicolons, title and legend rows, trailing empty cells",
			csv:  "\ufeffAcme Ltd: RACI;;;;\nR = Responsible, A = Accountable;;;;\n;;;;\nActivity;CEO;CISO;;\nJoiners;A;R;;\nLeavers;;A/R;;;;\n",
			want: summary{
				Columns: []string{"ceo=CEO", "ciso=CISO"},
				Rows:    []string{"joiners|Joiners||||A|R", "leavers|Leavers|||||R/A"},
				Notes:   []string{"A1 Acme Ltd: RACI", "A2 R = Responsible, A = Accountable"},
			},
		},
		{
			name: "a sep= line names the delimiter",
			csv:  "sep=;\nActivity;CEO;IT, Ops\nJoiners;A;R,C\n",
			want: summary{
				Columns: []string{"ceo=CEO", "it-ops=IT, Ops"},
				Rows:    []string{"joiners|Joiners||||A|R/C"},
			},
		},
		{
			name: "combinations, words, either case and dashes",
			csv:  "Activity,A,B,C,D,E\nX,A/R,\"R,A\",r + c,Informed,-\n",
			want: summary{
				Columns: []string{"a=A", "b=B", "c=C", "d=D", "e=E"},
				Rows:    []string{"x|X||||R/A|R/A|R/C|I|"},
			},
		},
		{
			name: "ids in brackets, process and frequency in words",
			csv:  "Activity,Process,How often,Chief Executive [ceo],Head of IT [it-lead]\nAccess review,Access review,Quarterly,A,R\nBackups,backup-verification,yearly,,A/R\nIncidents,incident management,as needed,A,R\n",
			want: summary{
				Columns: []string{"ceo=Chief Executive", "it-lead=Head of IT"},
				Rows: []string{
					"access-review|Access review|access_review|quarterly||A|R",
					"backups|Backups|backup_verification|annual|||R/A",
					"incidents|Incidents|incident_management|on_event||A|R",
				},
			},
		},
		{
			name: "phase rows and text below the table",
			csv:  "Ref,Activity,CEO,CISO\n,1. Identity and access,,\nIA-1,Joiners,A,R\nIA-2,Leavers,A,R\n2. Operations,,,\nOP-1,Backups,,A/R\n,,,\nSource: ISMS manual v3,,,\n",
			want: summary{
				Columns: []string{"ceo=CEO", "ciso=CISO"},
				Rows: []string{
					"IA-1|Joiners|||1. Identity and access|A|R",
					"IA-2|Leavers|||1. Identity and access|A|R",
					"OP-1|Backups|||2. Operations||R/A",
				},
				Notes: []string{"A8 Source: ISMS manual v3"},
			},
		},
		{
			name: "a phase column and ignored columns",
			csv:  "#,Phase,Activity,Notes,CEO\n1,Access,Joiners,ask HR,A\n2,,Leavers,,A\n3,Ops,Backups,,R\n",
			want: summary{
				Columns: []string{"ceo=CEO"},
				Rows: []string{
					"joiners|Joiners|||Access|A",
					"leavers|Leavers|||Access|A",
					"backups|Backups|||Ops|R",
				},
				Notes: []string{"A1 # (column not imported: role columns are right of the Activity column)"},
			},
		},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m, err := ReadCSV(strings.NewReader(tc.csv))
			if err != nil {
				t.Fatalf("ReadCSV: %v", err)
			}
			if diff := cmp.Diff(tc.want, summarise(m)); diff != "" {
				t.Errorf("ReadCSV() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReadCSVProblems holds that every problem of a sheet is reported at
// once, each at its cell, in row order.
func TestReadCSVProblems(t *testing.T) {
	t.Parallel()
	tcs := []struct {
		name, csv, want string
	}{
		{
			name: "letters, names, ids, processes and frequencies",
			csv: "ID,Activity,Process,Frequency,CEO,ceo,CISO,,Ops\n" +
				"a1,Joiners,user_provisioning,weekly,A,,X,,\n" +
				"a1,Leavers,deprovisioning,fortnightly,RA,,R/Q,stray,\n" +
				"a 3,,,,,,,,I\n",
			want: "raci.csv: 10 problems:\n" +
				"  F1: role \"ceo\" has the id ceo, as the column at E1 has: write a different id in brackets, as in \"ceo [other-id]\"\n" +
				"  G2: \"X\" is not one of R, A, C, I\n" +
				"  A3: activity id a1 is already the id of the activity at B2: ids are unique; give one of them another id in an ID column\n" +
				"  C3: \"deprovisioning\" is not a security process: expected one of user_provisioning, user_deprovisioning, access_review, vulnerability_management, patch_management, incident_management, logging_monitoring, backup_verification, change_control, supplier_due_diligence, risk_assessment, awareness_training, physical_security_check, internal_audit, management_review, other\n" +
				"  D3: \"fortnightly\" is not a frequency: expected one of daily, weekly, monthly, quarterly, semiannual, annual, on_event\n" +
				"  E3: \"RA\" is not one of R, A, C, I (separate letters with \"/\", as in \"R/A\")\n" +
				"  G3: \"Q\" in \"R/Q\" is not one of R, A, C, I\n" +
				"  H3: \"stray\" is in a column without a header (H1 is empty): give the column a role's name, or clear the cell\n" +
				"  A4: activity id \"a 3\" contains white space: expected an id such as a-3\n" +
				"  B4: the row has cells but no activity name: expected the activity's name in column B",
		},
		{
			name: "no header row",
			csv:  "Process,CEO\nJoiners,A\n",
			want: `raci.csv: no header row: expected a row with an "Activity" cell (the column of the activities' names) above the activities, beside the role columns`,
		},
		{
			name: "no role columns",
			csv:  "ID,Activity,Process\na1,Joiners,user_provisioning\n",
			want: "raci.csv: B1: the header row has no role columns: expected role names (or ids) in the cells right of the B column",
		},
		{
			name: "headers that make no id",
			csv:  "Activity,—,Ops [],x\nJoiners,A,R,I\n",
			want: "raci.csv: 2 problems:\n" +
				"  B1: cannot make a role id of \"—\": write the id in brackets after the name, as in \"— [id]\"\n" +
				"  C1: \"\" in brackets is not a role id: expected an id without white space, as in \"Chief Executive [ceo]\"",
		},
		{
			name: "two activity columns",
			csv:  "Activity,Task,CEO\nJoiners,x,A\n",
			want: "raci.csv: B1: a second activity column: A1 is one already; keep one",
		},
		{
			name: "broken quotes",
			csv:  "Activity,CEO\n\"Joiners,A\nx\"y,R\n",
			want: `raci.csv: line 3, column 2: extraneous or missing " in quoted-field: expected CSV text, with quotes doubled inside quoted cells`,
		},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := ReadCSV(strings.NewReader(tc.csv), WithSourceName("raci.csv"))
			if err == nil {
				t.Fatal("ReadCSV succeeded, want an error")
			}
			if !errors.Is(err, ErrInvalidSheet) {
				t.Errorf("errors.Is(err, ErrInvalidSheet) = false for %v", err)
			}
			if diff := cmp.Diff(tc.want, err.Error()); diff != "" {
				t.Errorf("ReadCSV() error mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCellString(t *testing.T) {
	t.Parallel()
	tcs := []struct {
		cell Cell
		want string
	}{
		{Cell{Row: 7, Col: 4}, "D7"},
		{Cell{Sheet: "Sheet1", Row: 7, Col: 4}, "Sheet1!D7"},
		{Cell{Sheet: "RACI 2026", Row: 1, Col: 27}, "'RACI 2026'!AA1"},
		{Cell{Sheet: "Bob's", Row: 2, Col: 702}, "'Bob''s'!ZZ2"},
		{Cell{Sheet: "Sheet1", Row: 3}, "Sheet1!3"},
		{Cell{Sheet: "Sheet1"}, "Sheet1"},
		{Cell{}, ""},
	}
	for _, tc := range tcs {
		if got := tc.cell.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.cell, got, tc.want)
		}
	}
}

func TestSlug(t *testing.T) {
	t.Parallel()
	tcs := map[string]string{
		"Chief Information Security Officer": "chief-information-security-officer",
		"IT & Ops":                           "it-ops",
		"  C.E.O. ":                          "c-e-o",
		"Directeur Sécurité":                 "directeur-sécurité",
		"ciso":                               "ciso",
		"—":                                  "",
	}
	for in, want := range tcs {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
