package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/rolecall/rolecall/raci/engine"
)

func cmdTest(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: rolecall test [flags] DIR...\n\nRuns the _test.rego files of the organisation rules in each DIR, with the bundled rules and parameters loaded, like opa test.\nExit 0 when every test passes, 1 when one fails, 2 for errors.\n\nFlags:")
		fs.PrintDefaults()
	}
	verbose := fs.Bool("v", false, "list every test, not only failures")
	bundled := fs.Bool("bundled", false, "also run the bundled rules' own tests")
	ef := addEngineFlags(fs)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	ef.rules = append(ef.rules, fs.Args()...)
	cfg, err := ef.loadConfig()
	if err != nil {
		fmt.Fprintf(stderr, "rolecall test: %v\n", err)
		return exitUsage
	}
	if len(ef.rules) == 0 && (cfg == nil || len(cfg.Rules) == 0) && !*bundled {
		fs.Usage()
		return exitUsage
	}
	scope := engine.ScopeOrganisation
	if *bundled {
		scope = engine.ScopeAll
	}
	results, err := engine.RunTests(ctx, scope, ef.options(cfg)...)
	if err != nil {
		fmt.Fprintf(stderr, "rolecall test: %v\n", err)
		return exitUsage
	}
	pass, fail, skip := 0, 0, 0
	for _, r := range results {
		switch {
		case r.Skip:
			skip++
		case r.Pass:
			pass++
		default:
			fail++
		}
		if *verbose || (!r.Pass && !r.Skip) {
			fmt.Fprintln(stdout, r)
			if r.Output != "" && !r.Pass {
				fmt.Fprintf(stdout, "  output:\n%s", r.Output)
			}
		}
	}
	if len(results) == 0 {
		fmt.Fprintln(stderr, "rolecall test: no tests found (test rules are named test_* in files ending in _test.rego)")
		return exitUsage
	}
	fmt.Fprintf(stdout, "%d passed, %d failed", pass, fail)
	if skip > 0 {
		fmt.Fprintf(stdout, ", %d skipped", skip)
	}
	fmt.Fprintln(stdout)
	if fail > 0 {
		return exitFindings
	}
	return exitOK
}
