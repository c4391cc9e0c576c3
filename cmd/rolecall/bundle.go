package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/rolecall/rolecall/raci/engine"
)

func newBundleCmd(streams streams) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "bundle -o FILE.tar.gz [flags]",
		Short: "Build an OPA bundle of the rules and configuration",
		Long: `Builds one OPA bundle with the bundled rules, the organisation's rules, its
merged parameters and configuration, for an unmodified OPA server:

  opa run --server FILE.tar.gz

then POST /v1/data/rolecall/report with the input rolecall input prints
({"as_of": "YYYY-MM-DD", "register": {...}}). docs/fleet.md covers bundle
servers, polling and decision logs.`,
		Example: `  rolecall bundle -o rolecall.tar.gz
  rolecall bundle -o rolecall.tar.gz --config rolecall.yaml`,
		Args: cobra.NoArgs,
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "the bundle file to write (.tar.gz)")
	ef := addEngineFlags(cmd.Flags(), false)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if out == "" {
			return usagef("-o FILE.tar.gz is required")
		}
		cfg, err := ef.loadConfig()
		if err != nil {
			return err
		}
		if err := checkOutput(out, ef.inputs(cfg)); err != nil {
			return err
		}
		eng, err := engine.New(cmd.Context(), ef.options(cfg)...)
		if err != nil {
			return err
		}
		if err := writeOutput(out, nil, func(w io.Writer) error { return eng.WriteBundle(w) }); err != nil {
			return err
		}
		fmt.Fprintf(streams.out, "wrote %s (%d rules)\n", out, len(eng.Rules()))
		return nil
	}
	return cmd
}
