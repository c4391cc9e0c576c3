package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/rolecall/rolecall/raci/engine"
)

func cmdBundle(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bundle", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: rolecall bundle -o FILE.tar.gz [--config FILE] [--rules DIR]\n\nBuilds one OPA bundle with the bundled rules, the organisation's rules, its merged parameters and configuration, for `opa run --server FILE.tar.gz`; query POST /v1/data/rolecall/report with input {\"as_of\": \"YYYY-MM-DD\", \"register\": {...}}.\n\nFlags:")
		fs.PrintDefaults()
	}
	out := fs.String("o", "", "output file (.tar.gz)")
	ef := addEngineFlags(fs)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	cfg, err := ef.loadConfig()
	if err != nil {
		fmt.Fprintf(stderr, "rolecall bundle: %v\n", err)
		return exitUsage
	}
	if cfg != nil && ef.config != "" {
		if same(*out, ef.config) {
			fmt.Fprintf(stderr, "rolecall bundle: refusing to overwrite the input %s\n", *out)
			return exitUsage
		}
	}
	eng, err := engine.New(ctx, ef.options(cfg)...)
	if err != nil {
		fmt.Fprintf(stderr, "rolecall bundle: %v\n", err)
		return exitUsage
	}
	if err := eng.WriteBundleFile(*out); err != nil {
		fmt.Fprintf(stderr, "rolecall bundle: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "wrote %s (%d rules)\n", *out, len(eng.Rules()))
	return exitOK
}

// same reports whether two paths name the same existing file.
func same(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	aa, _ := filepath.Abs(a)
	bb, _ := filepath.Abs(b)
	return aa == bb
}
