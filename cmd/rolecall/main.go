// Command rolecall checks an organisation's information-security roles and
// responsibilities register against ISO/IEC 27001:2022 Annex A control 5.2.
//
// Usage:
//
//	rolecall validate FILE...          load and report schema problems
//	rolecall check [flags] FILE...     evaluate the rules and report findings
//	rolecall rules                     list the rule catalogue
//	rolecall explain RULE              show a rule's page: what it checks, examples, how to waive it
//	rolecall test DIR...               run the Rego tests of organisation rules
//	rolecall bundle -o FILE.tar.gz     build an OPA bundle for opa run --server
//
// Exit codes: 0 success (valid, or no unwaived finding at or above --fail-on),
// 1 findings at or above --fail-on, 2 usage, load or configuration errors.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `rolecall checks information-security roles and responsibilities (ISO/IEC 27001:2022 A.5.2).

Usage:
  rolecall validate FILE...        load registers and report every schema problem
  rolecall check [flags] FILE...   evaluate the rules and report findings
  rolecall rules                   list the rule catalogue
  rolecall explain RULE            show a rule's page: what it checks, examples, how to waive it
  rolecall test DIR...             run the Rego tests of organisation rules
  rolecall bundle -o FILE.tar.gz   build an OPA bundle of the rules and configuration
  rolecall help                    show this help

Run "rolecall COMMAND -h" for a command's flags.
Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage, load or configuration errors.
`

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "validate":
		return cmdValidate(args[1:], stdout, stderr)
	case "check":
		return cmdCheck(ctx, args[1:], stdout, stderr)
	case "rules":
		return cmdRules(ctx, args[1:], stdout, stderr)
	case "explain":
		return cmdExplain(ctx, args[1:], stdout, stderr)
	case "test":
		return cmdTest(ctx, args[1:], stdout, stderr)
	case "bundle":
		return cmdBundle(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "rolecall: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}
