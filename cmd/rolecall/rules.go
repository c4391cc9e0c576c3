package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rolecall/rolecall/internal/textdist"
	"github.com/rolecall/rolecall/raci/engine"
)

func newRulesCmd(io streams) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules [RULE...] [flags]",
		Short: "List the rule catalogue, or the rules named",
		Long: `Lists the rule catalogue read from the rules' METADATA: the bundled rules and,
with --config or --rules (or ./rolecall.yaml), the organisation's, with their
severity after the configuration's overrides and whether they are disabled.
Naming rules lists only those (ids are not case-sensitive); an unknown id is an
error that names the nearest one. rolecall explain RULE shows a rule's page.`,
		Example: `  rolecall rules
  rolecall rules A52-REF-001
  rolecall rules --format json`,
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json or markdown")
	cmd.ValidArgsFunction = completeRuleIDs
	ef := addEngineFlags(cmd.Flags(), false)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if format != "text" && format != "json" && format != "markdown" {
			return usagef("--format %q is not one of text, json, markdown", format)
		}
		cfg, err := ef.loadConfig(cmd.Context())
		if err != nil {
			return err
		}
		eng, err := engine.New(cmd.Context(), ef.options(cfg)...)
		if err != nil {
			return err
		}
		rs, err := selectRules(eng.Rules(), args)
		if err != nil {
			return err
		}
		switch format {
		case "json":
			enc := json.NewEncoder(io.out)
			enc.SetIndent("", "  ")
			return enc.Encode(rs)
		case "markdown":
			_, err := fmt.Fprint(io.out, RuleReference(rs))
			return err
		}
		for _, r := range rs {
			flags := ""
			if r.Custom {
				flags += " (organisation)"
			}
			if r.Disabled {
				flags += " (disabled)"
			}
			fmt.Fprintf(io.out, "%-15s %-8s %-9s %s%s\n", r.ID, r.Severity, r.Control, r.Title, flags)
		}
		return nil
	}
	return cmd
}

// selectRules returns the rules named by ids (all rules when there are none),
// in the order named. An unknown id is a usage error naming the nearest id.
func selectRules(all []engine.Rule, ids []string) ([]engine.Rule, error) {
	if len(ids) == 0 {
		return all, nil
	}
	var out []engine.Rule
	for _, id := range ids {
		found := false
		for _, r := range all {
			if strings.EqualFold(r.ID, strings.TrimSpace(id)) {
				out = append(out, r)
				found = true
				break
			}
		}
		if !found {
			return nil, usagef("no rule %q; did you mean %s?", id, nearestRule(all, id))
		}
	}
	return out, nil
}

// nearestRule returns the id of the rule closest to id by edit distance.
func nearestRule(all []engine.Rule, id string) string {
	best, bestDist := "", -1
	for _, r := range all {
		if d := textdist.Levenshtein(strings.ToUpper(id), r.ID); bestDist < 0 || d < bestDist {
			best, bestDist = r.ID, d
		}
	}
	return best
}

// RuleReference renders the catalogue as the Markdown table of the README's
// rule reference.
func RuleReference(rs []engine.Rule) string {
	var b strings.Builder
	b.WriteString("| id | severity | control | title | what to do |\n|---|---|---|---|---|\n")
	for _, r := range rs {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", r.ID, r.Severity, r.Control, cell(r.Title), cell(r.Remediation))
	}
	return b.String()
}

func cell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(strings.TrimSpace(s), "|", `\|`), "\n", " ")
}

// completeRuleIDs completes the ids of the bundled rules for the shell.
func completeRuleIDs(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	eng, err := engine.New(cmd.Context())
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var ids []string
	for _, r := range eng.Rules() {
		if strings.HasPrefix(r.ID, strings.ToUpper(toComplete)) {
			ids = append(ids, r.ID+"\t"+r.Title)
		}
	}
	return ids, cobra.ShellCompDirectiveNoFileComp
}
