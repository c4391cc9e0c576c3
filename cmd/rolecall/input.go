package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

func newInputCmd(io streams) *cobra.Command {
	var asOf string
	var bare bool
	cmd := &cobra.Command{
		Use:   "input FILE [flags]",
		Short: "Print the request body an OPA server running the rolecall bundle expects",
		Long: `Loads and validates a register and prints the body to POST to an OPA server
running the rolecall bundle (rolecall bundle): {"input": {"as_of": DATE,
"register": {...}}}, the register as the rules read it. With --bare it prints
only the input document, for opa eval -i.

  rolecall input register.yaml --as-of 2026-11-27 > body.json
  curl -s localhost:8181/v1/data/rolecall/report -d @body.json`,
		Args: cobra.ExactArgs(1),
	}
	cmd.Flags().StringVar(&asOf, "as-of", "", "evaluation date YYYY-MM-DD (default: today, UTC)")
	cmd.Flags().BoolVar(&bare, "bare", false, "print the input document without the {\"input\": ...} wrapper")
	lim := limitFlags(cmd.Flags())
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		date := raci.Today()
		if asOf != "" {
			d, err := raci.ParseDate(asOf)
			if err != nil {
				return usagef("--as-of: %v", err)
			}
			date = d
		}
		sources, err := expandSources(args)
		if err != nil {
			return err
		}
		if len(sources) != 1 {
			return usagef("%s holds %d registers; name one file", args[0], len(sources))
		}
		reg, err := loadSource(sources[0], io.in, *lim)
		if err != nil {
			printLoadError(io.err, err)
			return exitError{exitUsage}
		}
		input, err := engine.Input(reg, date)
		if err != nil {
			return err
		}
		var doc any = map[string]any{"input": input}
		if bare {
			doc = input
		}
		out, err := json.Marshal(doc)
		if err != nil {
			return fmt.Errorf("encoding the input: %w", err)
		}
		_, err = fmt.Fprintf(io.out, "%s\n", out)
		return err
	}
	return cmd
}
