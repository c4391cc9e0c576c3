package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rolecall/rolecall/raci/engine"
)

func newTestCmd(io streams) *cobra.Command {
	var verbose, bundled bool
	cmd := &cobra.Command{
		Use:   "test [DIR...] [flags]",
		Short: "Run the Rego tests of organisation rules",
		Long: `Runs the _test.rego files of the organisation rules in each DIR (and in the
directories ./rolecall.yaml or --config lists), with the bundled rules and
parameters loaded, like opa test. A directory named twice is loaded once.

Exit 0 when every test passes, 1 when one fails, 2 for errors.`,
		Example: `  rolecall test rules/
  rolecall test --bundled -v`,
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every test, not only failures")
	cmd.Flags().BoolVar(&bundled, "bundled", false, "also run the bundled rules' own tests")
	ef := addEngineFlags(cmd.Flags(), true)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		ef.rules = append(ef.rules, args...)
		cfg, err := ef.loadConfig(cmd.Context())
		if err != nil {
			return err
		}
		if len(ef.ruleDirs(cfg)) == 0 && !bundled {
			return usagef("name a directory of organisation rules (or give --bundled)")
		}
		scope := engine.ScopeOrganisation
		if bundled {
			scope = engine.ScopeAll
		}
		results, err := engine.RunTests(cmd.Context(), scope, ef.options(cfg)...)
		if err != nil {
			return err
		}
		if len(results) == 0 {
			return fmt.Errorf("no tests found (test rules are named test_* in files ending in _test.rego)")
		}
		pass, fail, skip := 0, 0, 0
		for _, r := range results {
			switch {
			case r.Skip:
				skip++
			case r.Pass:
				pass++
			default:
				fail++
			}
			if verbose || (!r.Pass && !r.Skip) {
				fmt.Fprintln(io.out, r)
				if r.Failure != "" {
					fmt.Fprintf(io.out, "  failed at %s", indent(r.Failure, "  "))
				}
				if r.Output != "" && !r.Pass {
					fmt.Fprintf(io.out, "  output:\n%s", r.Output)
				}
			}
		}
		fmt.Fprintf(io.out, "%d passed, %d failed", pass, fail)
		if skip > 0 {
			fmt.Fprintf(io.out, ", %d skipped", skip)
		}
		fmt.Fprintln(io.out)
		if fail > 0 {
			return exitError{exitFindings}
		}
		return nil
	}
	return cmd
}

// indent puts prefix before every line of s but the first.
func indent(s, prefix string) string {
	s = strings.TrimRight(s, "\n")
	return strings.ReplaceAll(s, "\n", "\n"+prefix) + "\n"
}
