package main

import (
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rolecall/rolecall/internal/ruledocs"
	"github.com/rolecall/rolecall/raci/engine"
)

func newExplainCmd(io streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "explain RULE [flags]",
		Short: "Show a rule's page: what it checks, examples, how to waive it",
		Long: `Prints the documentation page of a rule, in Markdown: what it checks, why an
auditor cares, its control and severity, what to do, a register that fails it
and one that passes it (both from the rule's tests), and how to waive it,
disable it or change its severity. The bundled rules' pages are also in
docs/rules/. With --config or --rules (or ./rolecall.yaml), the organisation's
rules are explained too, with examples from their own _test.rego files.

Exit 0, or 2 for an unknown rule id (with the nearest id) or a usage or
configuration error.`,
		Example: `  rolecall explain A52-ASSET-001
  rolecall explain sod-002
  rolecall explain --rules policy/ ACME-PEOPLE-001`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeRuleIDs,
	}
	ef := addEngineFlags(cmd.Flags(), false)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		ctx := cmd.Context()
		cfg, err := ef.loadConfig(cmd.Context())
		if err != nil {
			return err
		}
		dirs := ef.ruleDirs(cfg)
		if len(dirs) > 0 {
			// The engine checks the organisation's rules (METADATA, sandbox, ids).
			if _, err := engine.New(ctx, ef.options(cfg)...); err != nil {
				return err
			}
		}
		org := make([]ruledocs.Dir, 0, len(dirs))
		for _, d := range dirs {
			org = append(org, ruledocs.Dir{FS: os.DirFS(d), Name: d})
		}
		set, err := ruledocs.Load(org...)
		if err != nil {
			return err
		}
		arg := strings.TrimSpace(args[0])
		id, ok := set.Lookup(arg)
		if !ok {
			return usagef("no rule %q; did you mean %s? (rolecall rules lists them all)", arg, set.Nearest(arg))
		}
		page, err := set.Page(ctx, id)
		if err != nil {
			return err
		}
		_, err = io.out.Write(page)
		return err
	}
	return cmd
}
