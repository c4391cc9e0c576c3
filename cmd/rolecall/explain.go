package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/rolecall/rolecall/internal/ruledocs"
	"github.com/rolecall/rolecall/raci/engine"
)

func cmdExplain(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, `Usage: rolecall explain [flags] RULE

Prints the documentation page of a rule, in Markdown: what it checks, why an
auditor cares, its control and severity, what to do, a register that fails it
and one that passes it (both from the rule's tests), and how to waive it,
disable it or change its severity. The bundled rules' pages are also in
docs/rules/. With --config or --rules (or ./rolecall.yaml), the organisation's
rules are explained too, with examples from their own _test.rego files.
Exit 0, or 2 for an unknown rule id (with the nearest id) or a usage or
configuration error.

Flags:`)
		fs.PrintDefaults()
	}
	ef := &engineFlags{}
	fs.StringVar(&ef.config, "config", "", "configuration file (default: ./rolecall.yaml when it exists)")
	fs.Var(&ef.rules, "rules", "directory of organisation Rego rules (repeatable)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	cfg, err := ef.loadConfig()
	if err != nil {
		fmt.Fprintf(stderr, "rolecall explain: %v\n", err)
		return exitUsage
	}
	dirs := append([]string(nil), ef.rules...)
	if cfg != nil {
		dirs = append(cfg.RuleDirs(), dirs...)
	}
	if len(dirs) > 0 {
		// The engine checks the organisation's rules (METADATA, sandbox, ids).
		if _, err := engine.New(ctx, ef.options(cfg)...); err != nil {
			fmt.Fprintf(stderr, "rolecall explain: %v\n", err)
			return exitUsage
		}
	}
	org := make([]ruledocs.Dir, 0, len(dirs))
	for _, d := range dirs {
		org = append(org, ruledocs.Dir{FS: os.DirFS(d), Name: d})
	}
	set, err := ruledocs.Load(org...)
	if err != nil {
		fmt.Fprintf(stderr, "rolecall explain: %v\n", err)
		return exitUsage
	}
	arg := strings.TrimSpace(fs.Arg(0))
	id, ok := set.Lookup(arg)
	if !ok {
		fmt.Fprintf(stderr, "rolecall explain: no rule %q; did you mean %s? (rolecall rules lists them all)\n", arg, set.Nearest(arg))
		return exitUsage
	}
	page, err := set.Page(ctx, id)
	if err != nil {
		fmt.Fprintf(stderr, "rolecall explain: %v\n", err)
		return exitUsage
	}
	if _, err := stdout.Write(page); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	return exitOK
}
