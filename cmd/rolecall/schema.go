package main

import (
	"github.com/spf13/cobra"

	"github.com/rolecall/rolecall/schema"
)

func newSchemaCmd(io streams) *cobra.Command {
	return &cobra.Command{
		Use:   "schema [register|config]",
		Short: "Print the JSON Schema of the register (or of rolecall.yaml)",
		Long: `Prints the JSON Schema (draft 2020-12) of the register format, or with
"config" of the configuration file rolecall.yaml. Every property has a
description, so an editor that knows the schema shows help on hover and
completes keys; docs/editors.md shows how to set up VS Code and JetBrains.`,
		Example: `  rolecall schema > register.schema.json
  rolecall schema config > rolecall.schema.json`,
		Args:      cobra.MatchAll(cobra.MaximumNArgs(1), cobra.OnlyValidArgs),
		ValidArgs: []string{"register", "config"},
		RunE: func(cmd *cobra.Command, args []string) error {
			doc := schema.RegisterJSON
			if len(args) == 1 && args[0] == "config" {
				doc = schema.ConfigJSON
			}
			_, err := io.out.Write(doc)
			return err
		},
	}
}
