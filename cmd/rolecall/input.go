package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

func newInputCmd(std streams) *cobra.Command {
	var asOf string
	var bare bool
	var out string
	cmd := &cobra.Command{
		Use:   "input FILE [flags]",
		Short: "Print the request body an OPA server running the rolecall bundle expects",
		Long: `Loads and validates a register and prints the body to POST to an OPA server
running the rolecall bundle (rolecall bundle): {"input": {"as_of": DATE,
"register": {...}}}, the register as the rules read it. With --bare it prints
only the input document, for opa eval -i.

  rolecall input register.yaml --as-of 2026-11-27 -o body.json
  curl -s localhost:8181/v1/data/rolecall/report -d @body.json`,
		Args: cobra.ExactArgs(1),
	}
	cmd.Flags().StringVar(&asOf, "as-of", "", "evaluation date YYYY-MM-DD (default: today, UTC)")
	cmd.Flags().BoolVar(&bare, "bare", false, "print the input document without the {\"input\": ...} wrapper")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the body to this file instead of standard output")
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
		if err := checkOutput(out, args); err != nil {
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
		input, err := engine.Input(reg, date)
		if err != nil {
			return err
		}
		var doc any = map[string]any{"input": input}
		if bare {
			doc = input
		}
		body, err := json.Marshal(doc)
		if err != nil {
			return fmt.Errorf("encoding the input: %w", err)
		}
		return writeOutput(out, std.out, func(w io.Writer) error {
			_, err := fmt.Fprintf(w, "%s\n", body)
			return err
		})
	}
	return cmd
}
