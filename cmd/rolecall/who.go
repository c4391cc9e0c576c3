package main

import (
	"errors"
	"io"

	"github.com/spf13/cobra"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/who"
)

func newWhoCmd(std streams) *cobra.Command {
	var (
		asOf, format, config                     string
		responsible, accountable, consulted, inf string
		raciTarget, risk, role, person           string
		decision, level, owner, scope            string
		incident                                 bool
		assets                                   []string
	)
	cmd := &cobra.Command{
		Use:   "who FILE QUESTION [flags]",
		Short: `Answer "who?" questions: RACI, incidents, owners, decisions, deputies, people`,
		Long: `Answers one "who?" question about a register as of a date, naming the roles
concerned, their holders (directly or through teams) and deputies, and saying
plainly when nobody can act today (a vacant role, or holders on leave or gone).

The question is exactly one of:
  --responsible|--accountable|--consulted|--informed TARGET   an activity id or a process
  --raci TARGET                                               all four
  --incident                                                  who to tell about an incident
  --asset ID                                                  who owns and keeps an asset
  --risk ID                                                   who owns a risk and who accepted it
  --role ID                                                   who holds a role and who stands in
  --person ID                                                 everything a person is responsible for
  --decision D [--asset ID]... [--level L] [--owner ROLE] [--scope TEXT] [--risk ID]
                                                              who may take a decision

Who may accept a risk is read exactly as rule A52-RISK-004 reads it, with the
owner_may_accept_up_to and senior_acceptance_from parameters of the configuration.
docs/who-and-diff.md describes every answer. Exit 0 when answered, 2 when the
register does not load or the question names something the register does not
define.`,
		Example: `  rolecall who examples/registers/acme.yaml --accountable access_review
  rolecall who examples/registers/acme.yaml --incident
  rolecall who examples/registers/acme.yaml --decision approve_supplier --scope "personal data"
  rolecall who examples/registers/acme.yaml --person priya-shah --format json`,
		Args: cobra.ExactArgs(1),
	}
	fs := cmd.Flags()
	fs.StringVar(&asOf, "as-of", "", "the date the answer is as of, YYYY-MM-DD (default: today, UTC)")
	fs.StringVar(&format, "format", "text", "output format: text or json")
	fs.StringVar(&config, "config", "", "configuration whose risk-acceptance parameters apply (default: ./rolecall.yaml when it exists)")
	fs.StringVar(&responsible, "responsible", "", "who is responsible for an activity or process")
	fs.StringVar(&accountable, "accountable", "", "who is accountable for an activity or process")
	fs.StringVar(&consulted, "consulted", "", "who is consulted for an activity or process")
	fs.StringVar(&inf, "informed", "", "who is informed for an activity or process")
	fs.StringVar(&raciTarget, "raci", "", "the whole RACI of an activity or process")
	fs.BoolVar(&incident, "incident", false, "who to tell about an incident")
	fs.StringArrayVar(&assets, "asset", nil, "who owns the asset; with --decision, an asset the decision concerns (repeatable)")
	fs.StringVar(&risk, "risk", "", "who owns the risk and who accepted it; with --decision accept_risk, the risk to accept")
	fs.StringVar(&role, "role", "", "who holds the role and who stands in for it")
	fs.StringVar(&person, "person", "", "everything the person is responsible for")
	fs.StringVar(&decision, "decision", "", "who may take the decision: grant_access, approve_exception, approve_supplier, accept_risk, ...")
	fs.StringVar(&level, "level", "", "with --decision accept_risk: the residual level to accept (default high)")
	fs.StringVar(&owner, "owner", "", "with --decision accept_risk: the risk owner role")
	fs.StringVar(&scope, "scope", "", `with --decision: words the authority's scope must mention, e.g. "personal data"`)
	lim := limitFlags(fs)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if format != "text" && format != "json" {
			return usagef("--format %q is not one of text, json", format)
		}
		date := raci.Today()
		if asOf != "" {
			d, err := raci.ParseDate(asOf)
			if err != nil {
				return usagef("--as-of: %v", err)
			}
			date = d
		}
		var q who.Question
		switch {
		case decision != "":
			q.Decision = &who.DecisionQuery{Decision: raci.Decision(decision), Assets: assets, Level: raci.RiskLevel(level), Owner: owner, Risk: risk, Scope: scope}
		case level != "" || owner != "" || scope != "":
			return usagef("--level, --owner and --scope go with --decision")
		default:
			if len(assets) > 1 {
				return usagef("--asset is given %d times: ask about one asset, or add --decision", len(assets))
			}
			if len(assets) == 1 {
				q.Asset = assets[0]
			}
			q.Risk, q.Role, q.Person, q.Incident = risk, role, person, incident
			rels := map[who.Relation]string{who.Responsible: responsible, who.Accountable: accountable, who.Consulted: consulted, who.Informed: inf}
			for _, rel := range []who.Relation{who.Responsible, who.Accountable, who.Consulted, who.Informed} {
				target := rels[rel]
				if target == "" {
					continue
				}
				if q.RACI != "" && q.RACI != target {
					return usagef("--%s %s and --%s %s name different targets; ask about one activity or process", rel, target, q.Relations[0], q.RACI)
				}
				q.RACI = target
				q.Relations = append(q.Relations, rel)
			}
			if raciTarget != "" {
				if q.RACI != "" {
					return usagef("--raci asks all four relations; leave out --%s", q.Relations[0])
				}
				q.RACI = raciTarget
			}
		}
		sources, err := expandSources(args)
		if err != nil {
			return err
		}
		if len(sources) != 1 {
			return usagef("%s holds %d registers; name one file", args[0], len(sources))
		}
		reg, err := loadSource(sources[0], std.in, *lim)
		if err != nil {
			printLoadError(std.err, err)
			return exitError{exitUsage}
		}
		var opts []who.Option
		ef := &engineFlags{config: config}
		cfg, err := ef.loadConfig(cmd.Context())
		if err != nil {
			return err
		}
		if cfg != nil {
			opts = append(opts, who.WithParams(cfg.Params))
		}
		querier, err := who.New(reg, date, opts...)
		if err != nil {
			return err
		}
		answer, err := querier.Ask(q)
		if err != nil {
			if errors.Is(err, who.ErrInvalid) {
				return usagef("%v", err)
			}
			return err
		}
		return writeOutput("", std.out, func(w io.Writer) error {
			if format == "json" {
				return answer.WriteJSON(w)
			}
			return answer.WriteText(w)
		})
	}
	return cmd
}
