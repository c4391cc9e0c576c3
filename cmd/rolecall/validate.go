package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/rolecall/rolecall/internal/refcheck"
	"github.com/rolecall/rolecall/raci"
)

func newValidateCmd(io streams) *cobra.Command {
	var strict bool
	cmd := &cobra.Command{
		Use:   "validate FILE... [flags]",
		Short: "Load registers and report every problem with its line and column",
		Long: `Loads each register (YAML or JSON), validates it against the register format
and reports every problem as FILE:LINE:COL: message.

References to ids the register does not define (a role, person, asset or
activity) are reported as warnings with the nearest defined id, so a
pre-commit hook catches a typo; they do not change the exit code unless
--strict is given. (rolecall check reports them as A52-REF-001 findings.)

Exit 0 when every register is valid, 2 otherwise (and with --strict when a
reference is dangling).`,
		Example: `  rolecall validate examples/registers/acme.yaml
  rolecall validate registers/ --strict`,
		Args: cobra.MinimumNArgs(1),
	}
	cmd.Flags().BoolVar(&strict, "strict", false, "treat dangling references as errors")
	lim := limitFlags(cmd.Flags())
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		sources, err := expandSources(args)
		if err != nil {
			return err
		}
		broken := false
		for _, src := range sources {
			reg, err := loadSource(src, io.in, *lim)
			if err != nil {
				printLoadError(io.err, err)
				broken = true
				continue
			}
			dangling := refcheck.Find(reg)
			for _, d := range dangling {
				fmt.Fprintf(io.err, "%s: warning: %s: %s\n", location(src.name(), reg.Position(d.Pointer)), d.Pointer, d.Message())
			}
			if strict && len(dangling) > 0 {
				broken = true
				continue
			}
			fmt.Fprintf(io.out, "%s: valid register of %q (%d roles, %d people)", src.name(), reg.Organisation.Name, len(reg.Roles), len(reg.People))
			if n := len(dangling); n > 0 {
				fmt.Fprintf(io.out, "; %d dangling %s", n, plural(n, "reference", "references"))
			}
			fmt.Fprintln(io.out)
		}
		if broken {
			return exitError{exitUsage}
		}
		return nil
	}
	return cmd
}

// location formats a source position as FILE:LINE:COL (or FILE when the
// position is unknown), the form editors and terminals open.
func location(file string, p raci.Pos) string {
	switch {
	case p.Line == 0:
		return file
	case p.Column == 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Column)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
