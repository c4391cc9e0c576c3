package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// starterRegister is the register rolecall init writes; ORGANISATION_NAME is
// replaced by --name.
//
//go:embed starter.yaml
var starterRegister string

func newInitCmd(streams streams) *cobra.Command {
	var name, out string
	var force bool
	cmd := &cobra.Command{
		Use:   "init [--name ORG] [-o FILE]",
		Short: "Write a commented starter register to fill in",
		Long: `Writes a starter register for a small company: the roles Annex A 5.2 expects,
the security activities with their RACI, the policy and the approval, each
commented with what to fill in. It passes rolecall validate as written; rolecall
check then lists what is still missing (people in the roles, owners, dates),
and each finding says what to add. docs/getting-started.md walks through it.

Without -o the register goes to standard output. An existing file is not
replaced unless --force is given.`,
		Example: `  rolecall init --name "Acme Ltd" -o register.yaml
  rolecall check register.yaml`,
		Args: cobra.NoArgs,
	}
	cmd.Flags().StringVar(&name, "name", "Example Ltd", "the organisation's name")
	cmd.Flags().StringVarP(&out, "output", "o", "", "the file to write (default: standard output)")
	cmd.Flags().BoolVar(&force, "force", false, "replace an existing file")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if strings.ContainsAny(name, "\"\\\n\r") || strings.TrimSpace(name) == "" {
			return usagef("--name %q must be a non-empty name without quotes, backslashes or line breaks", name)
		}
		if err := checkOutput(out, nil); err != nil {
			return err
		}
		if out != "" && !force {
			if _, err := os.Lstat(out); err == nil {
				return usagef("%s exists; choose another file or give --force to replace it", out)
			}
		}
		doc := strings.ReplaceAll(starterRegister, "ORGANISATION_NAME", name)
		if err := writeOutput(out, streams.out, func(w io.Writer) error {
			_, err := io.WriteString(w, doc)
			return err
		}); err != nil {
			return err
		}
		if out != "" {
			fmt.Fprintf(streams.err, "wrote %s: fill in the commented places, then run rolecall check %s\n", out, out)
		}
		return nil
	}
	return cmd
}
