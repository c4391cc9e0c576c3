// Command rolecall checks an organisation's information-security roles and
// responsibilities register against ISO/IEC 27001:2022 Annex A control 5.2.
//
// Usage:
//
//	rolecall init [--name ORG] [-o FILE]   write a commented starter register
//	rolecall validate FILE...              load registers and report every problem
//	rolecall check FILE... [flags]         evaluate the rules and report findings
//	rolecall who FILE QUESTION             answer "who?": RACI, incidents, owners, decisions
//	rolecall diff OLD NEW                  what changed in responsibilities
//	rolecall report FILE                   the evidence pack for auditors (HTML, Markdown)
//	rolecall matrix FILE                   the RACI matrix as XLSX, CSV or Markdown
//	rolecall import SHEET                  a RACI spreadsheet into a register
//	rolecall rules [RULE...]               list the rule catalogue
//	rolecall explain RULE                  show a rule's page
//	rolecall test DIR...                   run the Rego tests of organisation rules
//	rolecall bundle -o FILE.tar.gz         build an OPA bundle for opa run --server
//	rolecall input FILE                    print the input an OPA server expects
//	rolecall schema                        print the register's JSON Schema
//	rolecall completion SHELL              print a shell completion script
//
// FILE may be a register (YAML or JSON), a directory (every .yaml, .yml and
// .json file directly inside it) or - for standard input. Flags go before or
// after the files. Exit codes: 0 success, 1 findings at or above --fail-on (or
// failing tests), 2 usage, load or configuration errors. docs/command-line.md
// describes every command.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], stdio()))
}

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

// streams are the command's standard streams and what it knows about the
// terminal behind them.
type streams struct {
	in     io.Reader
	out    io.Writer
	err    io.Writer
	env    func(string) string
	outTTY bool // standard output is a terminal
	errTTY bool // standard error is a terminal
}

// stdio returns the process's streams.
func stdio() streams {
	return streams{
		in:     os.Stdin,
		out:    os.Stdout,
		err:    os.Stderr,
		env:    os.Getenv,
		outTTY: isTerminal(os.Stdout),
		errTTY: isTerminal(os.Stderr),
	}
}

// isTerminal reports whether f is a character device (a terminal).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// exitError ends a command with a code; its message, if any, is already
// printed. Commands return it to leave with 1 (findings) without an error
// message, or with 2 after printing what went wrong.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// usageError is a mistake in how the command was called: the message is
// printed with the command's name and a pointer to its help, and the exit code
// is 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return usageError{fmt.Sprintf(format, args...)}
}

// run executes the command line args and returns the exit code.
func run(ctx context.Context, args []string, io streams) int {
	if io.env == nil {
		io.env = func(string) string { return "" }
	}
	root := newRoot(io)
	root.SetArgs(args)
	root.SetIn(io.in)
	root.SetOut(io.out)
	root.SetErr(io.err)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return exitOK
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	name := "rolecall"
	if cmd != nil {
		name = cmd.CommandPath()
	}
	var ue usageError
	if errors.As(err, &ue) || cmd == nil || isFlagError(err) || strings.HasPrefix(err.Error(), "unknown command") {
		fmt.Fprintf(io.err, "%s: %v\nRun '%s --help' for usage.\n", name, err, name)
		return exitUsage
	}
	if printProblems(io.err, name, err) {
		return exitUsage
	}
	fmt.Fprintf(io.err, "%s: %v\n", name, err)
	return exitUsage
}

// isFlagError reports whether err came from cobra's argument and flag
// checks, which all mean a usage mistake.
func isFlagError(err error) bool {
	var fe flagError
	return errors.As(err, &fe)
}

// flagError wraps the errors of flag parsing so that run prints them as usage
// mistakes.
type flagError struct{ err error }

func (e flagError) Error() string { return e.err.Error() }
func (e flagError) Unwrap() error { return e.err }

// newRoot builds the command tree.
func newRoot(io streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "rolecall",
		Short: "Check information-security roles and responsibilities against ISO/IEC 27001:2022 A.5.2",
		Long: `rolecall checks an organisation's register of information-security roles and
responsibilities (who holds which role, who owns which asset and risk, the
RACI of the security activities, authorisation levels, delegations) against
ISO/IEC 27001:2022 Annex A control 5.2, and says what to fix.

FILE arguments may be a register (YAML or JSON), a directory (every .yaml,
.yml and .json file directly inside it, except rolecall.yaml) or - for
standard input. Flags may come before or after the files.

Exit codes: 0 success, 1 findings at or above --fail-on (or failing tests),
2 usage, load or configuration errors.`,
		Version:       version(),
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	root.SetVersionTemplate("rolecall {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return flagError{err} })
	root.AddGroup(
		&cobra.Group{ID: "register", Title: "Registers:"},
		&cobra.Group{ID: "rules", Title: "Rules:"},
	)
	for _, c := range []*cobra.Command{
		newInitCmd(io),
		newValidateCmd(io),
		newCheckCmd(io),
		newWhoCmd(io),
		newDiffCmd(io),
		newReportCmd(io),
		newMatrixCmd(io),
		newImportCmd(io),
		newInputCmd(io),
		newSchemaCmd(io),
	} {
		c.GroupID = "register"
		root.AddCommand(c)
	}
	for _, c := range []*cobra.Command{
		newRulesCmd(io),
		newExplainCmd(io),
		newTestCmd(io),
		newBundleCmd(io),
	} {
		c.GroupID = "rules"
		root.AddCommand(c)
	}
	// Cobra reports unknown commands and wrong argument counts as plain
	// errors; every one of them is a usage mistake.
	for _, c := range root.Commands() {
		wrapArgs(c)
	}
	return root
}

// wrapArgs makes cmd's argument check return a usage error.
func wrapArgs(cmd *cobra.Command) {
	if cmd.Args == nil {
		return
	}
	check := cmd.Args
	cmd.Args = func(c *cobra.Command, args []string) error {
		if err := check(c, args); err != nil {
			return usageError{err.Error()}
		}
		return nil
	}
}

// version describes the build: the module version when rolecall was installed
// with go install at a version, else the source revision it was built from.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown version)"
	}
	v := info.Main.Version
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	if rev != "" && !strings.Contains(v, rev[:min(12, len(rev))]) {
		v += " (" + rev[:min(12, len(rev))] + modified + ")"
	}
	return v + ", " + info.GoVersion
}
