package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/diff"
)

func newDiffCmd(std streams) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "diff OLD NEW [flags]",
		Short: "Show what changed in responsibilities between two versions of a register",
		Long: `Compares two registers by id, not by line: roles added, removed or changed;
people who gained or lost roles (directly or through teams); owners of assets and
risks; the RACI of each activity; authorities, delegations, deputies and
reporting lines; new assets or risks without an owner. Reordering lists changes
nothing. When NEW changes responsibilities but keeps OLD's
organisation.approved_on, it says that the change needs re-approval.

OLD and NEW may be any files, such as git revisions through process
substitution. Exit 0 when responsibilities did not change, 1 when they did (a CI
gate), 2 when a register does not load. docs/who-and-diff.md shows git difftool
set-ups.`,
		Example: `  rolecall diff old.yaml register.yaml
  rolecall diff <(git show HEAD~1:register.yaml) register.yaml
  rolecall diff --format markdown <(git show main:register.yaml) register.yaml`,
		Args: cobra.ExactArgs(2),
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json or markdown")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the diff to this file instead of standard output")
	lim := limitFlags(cmd.Flags())
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		write := map[string]func(*diff.Diff, io.Writer) error{
			"text":     (*diff.Diff).WriteText,
			"json":     (*diff.Diff).WriteJSON,
			"markdown": (*diff.Diff).WriteMarkdown,
		}[format]
		if write == nil {
			return usagef("--format %q is not one of text, json, markdown", format)
		}
		if err := checkOutput(out, args); err != nil {
			return err
		}
		var regs [2]*raci.Register
		for i, arg := range args {
			if arg == stdinName && i == 1 && args[0] == stdinName {
				return usagef("- (standard input) is named twice")
			}
			reg, err := loadSource(source{path: arg, input: true}, std.in, *lim)
			if err != nil {
				printLoadError(std.err, err)
				return exitError{exitUsage}
			}
			regs[i] = reg
		}
		d := diff.Compare(regs[0], regs[1])
		if err := writeOutput(out, std.out, func(w io.Writer) error { return write(d, w) }); err != nil {
			return err
		}
		if d.Changed() {
			return exitError{exitFindings}
		}
		return nil
	}
	return cmd
}
