package who_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/who"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var asOf = raci.MustDate("2026-11-27")

// fixture loads testdata/fixture.yaml, whose comments say which role is in
// which situation.
func fixture(t *testing.T) *who.Querier {
	t.Helper()
	reg, err := raci.LoadFile("testdata/fixture.yaml")
	if err != nil {
		t.Fatal(err)
	}
	q, err := who.New(reg, asOf)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// people writes people as id:status (id:undefined for an id that names no
// person), with +team for each team they hold the role through.
func people(ps []who.Person) string {
	var out []string
	for _, p := range ps {
		s := p.ID + ":" + string(p.Status)
		if !p.Defined {
			s = p.ID + ":undefined"
		}
		for _, t := range p.Teams {
			s += "+" + t
		}
		out = append(out, s)
	}
	return "[" + strings.Join(out, " ") + "]"
}

// summary is an answer in a few lines, one per duty and one per detail, for
// the table to compare.
func summary(a *who.Answer) []string {
	var out []string
	for _, d := range a.Duties {
		s := fmt.Sprintf("%s %s %s %s %s", d.Relation, d.Subject, d.Role, d.Availability, people(d.Holders))
		if d.Via != "" {
			s += " via " + d.Via
		}
		if len(d.Deputies) > 0 {
			s += " deputies " + people(d.Deputies)
		}
		out = append(out, s)
	}
	if d := a.Decision; d != nil {
		for _, o := range d.Authorities {
			out = append(out, fmt.Sprintf("authority %s applies=%v %s", o.Authority, o.Applies, o.Reason))
		}
		for _, e := range d.People {
			out = append(out, fmt.Sprintf("entitled %s via %s", people([]who.Person{e.Person}), strings.Join(e.Via, " ")))
		}
		if len(d.UndefinedAssets) > 0 {
			out = append(out, fmt.Sprintf("undefined assets %v", d.UndefinedAssets))
		}
		if len(d.NotSenior) > 0 {
			out = append(out, "not senior "+people(d.NotSenior))
		}
	}
	if r := a.Risk; r != nil {
		if acc := r.Acceptance; acc != nil {
			out = append(out, fmt.Sprintf("accepted by %s level %s expired=%v entitled=%v", people([]who.Person{acc.By}), r.Level, acc.Expired, acc.Entitled))
		} else {
			out = append(out, "not accepted, level "+string(r.Level))
		}
	}
	if p := a.Person; p != nil {
		for _, h := range p.Roles {
			out = append(out, fmt.Sprintf("holds %s direct=%v teams=%v", h.Role, h.Direct, h.Teams))
		}
		if len(p.DeputyFor) > 0 {
			out = append(out, fmt.Sprintf("deputy for %v", p.DeputyFor))
		}
	}
	if a.NobodyCanAct {
		out = append(out, "nobody can act")
	}
	return out
}

type question struct {
	name string
	ask  func(q *who.Querier) (*who.Answer, error)
	want []string
}

var questions = []question{
	{
		name: "accountable for a process",
		ask:  func(q *who.Querier) (*who.Answer, error) { return q.RACI("access_review", who.Accountable) },
		want: []string{"accountable activity:access-review-crm sales-lead available [carol:active]"},
	},
	{
		name: "every relation of an activity, a vacant role informed",
		ask:  func(q *who.Querier) (*who.Answer, error) { return q.RACI("access-review-crm") },
		want: []string{
			"responsible activity:access-review-crm it-lead available [ivy:active+ops jon:on_leave+ops]",
			"accountable activity:access-review-crm sales-lead available [carol:active]",
			"consulted activity:access-review-crm ciso available [fay:active] deputies [dan:active]",
			"informed activity:access-review-crm dpo vacant []",
		},
	},
	{
		name: "only a vacant role",
		ask:  func(q *who.Querier) (*who.Answer, error) { return q.RACI("access_review", who.Informed) },
		want: []string{"informed activity:access-review-crm dpo vacant []", "nobody can act"},
	},
	{
		name: "team-held role and a delegation in effect; the expired one is left out",
		ask:  func(q *who.Querier) (*who.Answer, error) { return q.RACI("backups", who.Responsible) },
		want: []string{
			"responsible activity:backups it-lead available [ivy:active+ops jon:on_leave+ops]",
			"responsible activity:backups data-engineer available [kim:active] via delegation:dlg-restores",
		},
	},
	{
		name: "a process no activity implements",
		ask:  func(q *who.Querier) (*who.Answer, error) { return q.RACI("patch_management") },
		want: []string{"nobody can act"},
	},
	{
		name: "incident: the holder on leave, the deputy stands in",
		ask:  func(q *who.Querier) (*who.Answer, error) { return q.Incident() },
		want: []string{
			"responsible activity:incidents incident-manager deputy_only [bob:on_leave] deputies [eve:active]",
			"accountable activity:incidents ciso available [fay:active] deputies [dan:active]",
		},
	},
	{
		name: "asset owner and custodian",
		ask:  func(q *who.Querier) (*who.Answer, error) { return q.Asset("crm") },
		want: []string{
			"owner asset:crm sales-lead available [carol:active]",
			"custodian asset:crm it-lead available [ivy:active+ops jon:on_leave+ops]",
		},
	},
	{
		name: "asset without an owner",
		ask:  func(q *who.Querier) (*who.Answer, error) { return q.Asset("wiki") },
		want: []string{"nobody can act"},
	},
	{
		name: "risk accepted by an entitled team member",
		ask:  func(q *who.Querier) (*who.Answer, error) { return q.Risk("risk-laptop-theft") },
		want: []string{
			"owner risk:risk-laptop-theft it-lead available [ivy:active+ops jon:on_leave+ops]",
			"accepted by [ivy:active] level medium expired=false entitled=true",
		},
	},
	{
		name: "risk accepted by its owner above the owner's level, expired",
		ask:  func(q *who.Querier) (*who.Answer, error) { return q.Risk("risk-crm-export") },
		want: []string{
			"owner risk:risk-crm-export sales-lead available [carol:active]",
			"accepted by [carol:active] level high expired=true entitled=false",
		},
	},
	{
		name: "risk without owner or acceptance",
		ask:  func(q *who.Querier) (*who.Answer, error) { return q.Risk("risk-unowned") },
		want: []string{"not accepted, level low", "nobody can act"},
	},
	{
		name: "grant access to an asset: the authority limited to other assets does not apply",
		ask: func(q *who.Querier) (*who.Answer, error) {
			return q.MayDecide(who.DecisionQuery{Decision: raci.DecisionGrantAccess, Assets: []string{"crm"}})
		},
		want: []string{
			"approver authority:auth-access-crm sales-lead available [carol:active]",
			"authority auth-access-crm applies=true ",
			"authority auth-access-laptops applies=false limited to assets laptops, none of crm",
			"entitled [carol:active] via authority:auth-access-crm",
		},
	},
	{
		name: "grant access to no asset: every authority is limited",
		ask: func(q *who.Querier) (*who.Answer, error) {
			return q.MayDecide(who.DecisionQuery{Decision: raci.DecisionGrantAccess})
		},
		want: []string{
			"authority auth-access-crm applies=false limited to assets crm; the question names no asset",
			"authority auth-access-laptops applies=false limited to assets laptops; the question names no asset",
			"nobody can act",
		},
	},
	{
		name: "grant access to an asset the register does not define",
		ask: func(q *who.Querier) (*who.Answer, error) {
			return q.MayDecide(who.DecisionQuery{Decision: raci.DecisionGrantAccess, Assets: []string{"cmr"}})
		},
		want: []string{
			"authority auth-access-crm applies=false limited to assets crm, none of cmr",
			"authority auth-access-laptops applies=false limited to assets laptops, none of cmr",
			"undefined assets [cmr]",
			"nobody can act",
		},
	},
	{
		name: "approve an exception",
		ask: func(q *who.Querier) (*who.Answer, error) {
			return q.MayDecide(who.DecisionQuery{Decision: raci.DecisionApproveException})
		},
		want: []string{
			"approver authority:auth-exceptions ciso available [fay:active] deputies [dan:active]",
			"authority auth-exceptions applies=true ",
			"entitled [fay:active] via authority:auth-exceptions",
		},
	},
	{
		name: "approve a supplier that hosts personal data",
		ask: func(q *who.Querier) (*who.Answer, error) {
			return q.MayDecide(who.DecisionQuery{Decision: raci.DecisionApproveSupplier, Scope: "suppliers that host Personal Data"})
		},
		want: []string{
			"approver authority:auth-supplier-pd coo available [hal:active]",
			"authority auth-supplier-pd applies=true ",
			`authority auth-supplier-other applies=false scope "other suppliers under GBP 25000" does not mention that, host, personal, data`,
			"entitled [hal:active] via authority:auth-supplier-pd",
		},
	},
	{
		name: "approve any supplier: the leaver is entitled but cannot act",
		ask: func(q *who.Querier) (*who.Answer, error) {
			return q.MayDecide(who.DecisionQuery{Decision: raci.DecisionApproveSupplier})
		},
		want: []string{
			"approver authority:auth-supplier-pd coo available [hal:active]",
			"approver authority:auth-supplier-other finance unavailable [gus:leaver]",
			"authority auth-supplier-pd applies=true ",
			"authority auth-supplier-other applies=true ",
			"entitled [gus:leaver] via authority:auth-supplier-other",
			"entitled [hal:active] via authority:auth-supplier-pd",
		},
	},
	{
		name: "accept a medium risk on an asset an authority is limited to",
		ask: func(q *who.Querier) (*who.Answer, error) {
			return q.MayDecide(who.DecisionQuery{Decision: raci.DecisionAcceptRisk, Assets: []string{"laptops"}, Level: raci.RiskMedium})
		},
		want: []string{
			"approver authority:auth-risk-board ceo available [alice:active]",
			"approver authority:auth-risk-it it-lead available [ivy:active+ops jon:on_leave+ops]",
			"authority auth-risk-board applies=true ",
			"authority auth-risk-it applies=true ",
			"entitled [alice:active] via authority:auth-risk-board",
			"entitled [ivy:active] via authority:auth-risk-it",
			"entitled [jon:on_leave] via authority:auth-risk-it",
		},
	},
	{
		name: "accept a high risk: above the limited authority, senior management only",
		ask: func(q *who.Querier) (*who.Answer, error) {
			return q.MayDecide(who.DecisionQuery{Decision: raci.DecisionAcceptRisk, Assets: []string{"laptops"}, Level: raci.RiskHigh, Owner: "it-lead"})
		},
		want: []string{
			"approver authority:auth-risk-board ceo available [alice:active]",
			"authority auth-risk-board applies=true ",
			"authority auth-risk-it applies=false max_risk_level medium is below high",
			"entitled [alice:active] via authority:auth-risk-board",
		},
	},
	{
		name: "accept a risk of the register through ownership",
		ask: func(q *who.Querier) (*who.Answer, error) {
			return q.MayDecide(who.DecisionQuery{Decision: raci.DecisionAcceptRisk, Risk: "risk-laptop-theft"})
		},
		want: []string{
			"approver authority:auth-risk-board ceo available [alice:active]",
			"approver authority:auth-risk-it it-lead available [ivy:active+ops jon:on_leave+ops]",
			"owner risk:risk-laptop-theft it-lead available [ivy:active+ops jon:on_leave+ops]",
			"authority auth-risk-board applies=true ",
			"authority auth-risk-it applies=true ",
			"entitled [alice:active] via authority:auth-risk-board",
			"entitled [ivy:active] via authority:auth-risk-it owner:it-lead",
			"entitled [jon:on_leave] via authority:auth-risk-it owner:it-lead",
		},
	},
	{
		name: "role with a holder and a deputy",
		ask:  func(q *who.Querier) (*who.Answer, error) { return q.Role("ciso") },
		want: []string{"holder role:ciso ciso available [fay:active] deputies [dan:active]"},
	},
	{
		name: "vacant role",
		ask:  func(q *who.Querier) (*who.Answer, error) { return q.Role("dpo") },
		want: []string{"holder role:dpo dpo vacant []", "nobody can act"},
	},
	{
		name: "role held only by a leaver",
		ask:  func(q *who.Querier) (*who.Answer, error) { return q.Role("finance") },
		want: []string{"holder role:finance finance unavailable [gus:leaver]", "nobody can act"},
	},
	{
		name: "person holding a role through a team",
		ask:  func(q *who.Querier) (*who.Answer, error) { return q.Person("ivy") },
		want: []string{
			"responsible activity:access-review-crm it-lead available [ivy:active+ops jon:on_leave+ops]",
			"responsible activity:backups it-lead available [ivy:active+ops jon:on_leave+ops]",
			"custodian asset:crm it-lead available [ivy:active+ops jon:on_leave+ops]",
			"owner asset:laptops it-lead available [ivy:active+ops jon:on_leave+ops]",
			"owner risk:risk-laptop-theft it-lead available [ivy:active+ops jon:on_leave+ops]",
			"approver authority:auth-access-laptops it-lead available [ivy:active+ops jon:on_leave+ops]",
			"approver authority:auth-risk-it it-lead available [ivy:active+ops jon:on_leave+ops]",
			"holds it-lead direct=false teams=[ops]",
		},
	},
	{
		name: "person who is only a deputy",
		ask:  func(q *who.Querier) (*who.Answer, error) { return q.Person("dan") },
		want: []string{
			"overall_responsibility policy ciso available [fay:active] deputies [dan:active]",
			"consulted activity:access-review-crm ciso available [fay:active] deputies [dan:active]",
			"accountable activity:incidents ciso available [fay:active] deputies [dan:active]",
			"accountable activity:backups ciso available [fay:active] deputies [dan:active]",
			"approver authority:auth-exceptions ciso available [fay:active] deputies [dan:active]",
			"deputy for [ciso]",
		},
	},
	{
		name: "person on leave",
		ask:  func(q *who.Querier) (*who.Answer, error) { return q.Person("bob") },
		want: []string{
			"responsible activity:incidents incident-manager deputy_only [bob:on_leave] deputies [eve:active]",
			"holds incident-manager direct=true teams=[]",
			"nobody can act",
		},
	},
	{
		name: "person holding a delegated task",
		ask:  func(q *who.Querier) (*who.Answer, error) { return q.Person("kim") },
		want: []string{
			"responsible activity:backups data-engineer available [kim:active] via delegation:dlg-restores",
			"holds data-engineer direct=true teams=[]",
		},
	},
}

// TestQuestions asks every question of the fixture and compares a summary of
// the answer, then its text and JSON with golden files (-update rewrites
// them).
func TestQuestions(t *testing.T) {
	q := fixture(t)
	for _, tc := range questions {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ans, err := tc.ask(q)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, summary(ans)); diff != "" {
				t.Errorf("answer mismatch (-want +got):\n%s", diff)
			}
			var out bytes.Buffer
			if err := ans.WriteText(&out); err != nil {
				t.Fatal(err)
			}
			out.WriteString("\n----- json -----\n")
			if err := ans.WriteJSON(&out); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", fileName(tc.name)+".golden"), out.Bytes())
		})
	}
}

// fileName makes a test name a file name: letters and digits, words joined by _.
func fileName(name string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-')
	}), "_")
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// TestQuestionErrors holds that a question about something the register does
// not define, or with a value the format does not allow, is an error naming
// what was expected and found.
func TestQuestionErrors(t *testing.T) {
	q := fixture(t)
	tcs := []struct {
		name    string
		ask     func() (*who.Answer, error)
		wantErr error
		wantMsg string
	}{
		{"unknown activity", func() (*who.Answer, error) { return q.RACI("acess_review") }, who.ErrNotFound,
			`"acess_review" is neither an activity id (defined: access-review-crm, backups, incidents) nor a process`},
		{"bad relation", func() (*who.Answer, error) { return q.RACI("backups", "owner") }, who.ErrInvalid, `relation "owner"`},
		{"unknown asset", func() (*who.Answer, error) { return q.Asset("erp") }, who.ErrNotFound, `no asset "erp" (defined: crm, laptops, wiki)`},
		{"unknown risk", func() (*who.Answer, error) { return q.Risk("r9") }, who.ErrNotFound, `no risk "r9"`},
		{"unknown role", func() (*who.Answer, error) { return q.Role("boss") }, who.ErrNotFound, `no role "boss"`},
		{"unknown person", func() (*who.Answer, error) { return q.Person("zed") }, who.ErrNotFound, `no person "zed"`},
		{"unknown decision", func() (*who.Answer, error) { return q.MayDecide(who.DecisionQuery{Decision: "approve_budget"}) }, who.ErrInvalid,
			`decision "approve_budget": expected one of grant_access`},
		{"bad level", func() (*who.Answer, error) {
			return q.MayDecide(who.DecisionQuery{Decision: raci.DecisionAcceptRisk, Level: "severe"})
		}, who.ErrInvalid, `risk level "severe": expected one of low, medium, high, critical`},
		{"risk with a level", func() (*who.Answer, error) {
			return q.MayDecide(who.DecisionQuery{Decision: raci.DecisionAcceptRisk, Risk: "risk-unowned", Level: raci.RiskLow})
		}, who.ErrInvalid, `takes its assets, level and owner from the risk`},
		{"unknown risk to accept", func() (*who.Answer, error) {
			return q.MayDecide(who.DecisionQuery{Decision: raci.DecisionAcceptRisk, Risk: "r9"})
		}, who.ErrNotFound, `no risk "r9"`},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			ans, err := tc.ask()
			if !errors.Is(err, tc.wantErr) || !strings.Contains(fmt.Sprint(err), tc.wantMsg) {
				t.Errorf("error = %v, want %v containing %q", err, tc.wantErr, tc.wantMsg)
			}
			if ans != nil {
				t.Errorf("answer = %+v, want nil with the error", ans)
			}
		})
	}
}

// TestOptions holds that the acceptance parameters change who may accept,
// and that a bad one is refused.
func TestOptions(t *testing.T) {
	reg, err := raci.LoadFile("testdata/fixture.yaml")
	if err != nil {
		t.Fatal(err)
	}
	entitled := func(opts ...who.Option) []string {
		t.Helper()
		q, err := who.New(reg, asOf, opts...)
		if err != nil {
			t.Fatal(err)
		}
		ans, err := q.MayDecide(who.DecisionQuery{Decision: raci.DecisionAcceptRisk, Risk: "risk-crm-export"})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range ans.Decision.People {
			out = append(out, e.ID)
		}
		for _, p := range ans.Decision.NotSenior {
			out = append(out, p.ID+" (not senior)")
		}
		return out
	}
	tcs := []struct {
		name string
		opts []who.Option
		want []string
	}{
		{"defaults: a high risk is the board's", nil, []string{"alice"}},
		{"owner may accept high, but senior management is still needed", []who.Option{who.WithOwnerMayAcceptUpTo(raci.RiskHigh)}, []string{"alice", "carol (not senior)"}},
		{"owner may accept high, no senior management needed below critical",
			[]who.Option{who.WithParams(map[string]any{"owner_may_accept_up_to": "high", "senior_acceptance_from": "critical", "review_interval_days": 365})},
			[]string{"alice", "carol"}},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, entitled(tc.opts...)); diff != "" {
				t.Errorf("entitled (-want +got):\n%s", diff)
			}
		})
	}
	for _, o := range []who.Option{who.WithOwnerMayAcceptUpTo("huge"), who.WithSeniorAcceptanceFrom(""), who.WithParams(map[string]any{"senior_acceptance_from": 3})} {
		if _, err := who.New(reg, asOf, o); !errors.Is(err, who.ErrInvalid) {
			t.Errorf("New with a bad option: error = %v, want ErrInvalid", err)
		}
	}
	if _, err := who.New(nil, asOf); !errors.Is(err, who.ErrInvalid) {
		t.Errorf("New(nil): error = %v, want ErrInvalid", err)
	}
}

// TestAsk holds that Ask answers each kind of question as its method does,
// and refuses a question with no part or several.
func TestAsk(t *testing.T) {
	q := fixture(t)
	tcs := []struct {
		name string
		qn   who.Question
		same func() (*who.Answer, error)
	}{
		{"raci", who.Question{RACI: "access_review", Relations: []who.Relation{who.Accountable}}, func() (*who.Answer, error) { return q.RACI("access_review", who.Accountable) }},
		{"incident", who.Question{Incident: true}, q.Incident},
		{"asset", who.Question{Asset: "crm"}, func() (*who.Answer, error) { return q.Asset("crm") }},
		{"risk", who.Question{Risk: "risk-crm-export"}, func() (*who.Answer, error) { return q.Risk("risk-crm-export") }},
		{"decision", who.Question{Decision: &who.DecisionQuery{Decision: raci.DecisionGrantAccess, Assets: []string{"crm"}}},
			func() (*who.Answer, error) {
				return q.MayDecide(who.DecisionQuery{Decision: raci.DecisionGrantAccess, Assets: []string{"crm"}})
			}},
		{"role", who.Question{Role: "ciso"}, func() (*who.Answer, error) { return q.Role("ciso") }},
		{"person", who.Question{Person: "ivy"}, func() (*who.Answer, error) { return q.Person("ivy") }},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			got, err := q.Ask(tc.qn)
			if err != nil {
				t.Fatal(err)
			}
			want, err := tc.same()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Ask() mismatch (-want +got):\n%s", diff)
			}
		})
	}
	for _, qn := range []who.Question{{}, {Asset: "crm", Person: "ivy"}, {Relations: []who.Relation{who.Informed}, Incident: true}} {
		if _, err := q.Ask(qn); !errors.Is(err, who.ErrInvalid) {
			t.Errorf("Ask(%+v): error = %v, want ErrInvalid", qn, err)
		}
	}
}
