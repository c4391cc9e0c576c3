package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/rolecall/rolecall/raci/engine"
)

func cmdRules(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: rolecall rules [flags]\n\nLists the rule catalogue read from the rules' METADATA: the bundled rules and, with --config or --rules, the organisation's.\n\nFlags:")
		fs.PrintDefaults()
	}
	format := fs.String("format", "text", "output format: text, json or markdown")
	ef := addEngineFlags(fs)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	cfg, err := ef.loadConfig()
	if err != nil {
		fmt.Fprintf(stderr, "rolecall rules: %v\n", err)
		return exitUsage
	}
	eng, err := engine.New(ctx, ef.options(cfg)...)
	if err != nil {
		fmt.Fprintf(stderr, "rolecall rules: %v\n", err)
		return exitUsage
	}
	rs := eng.Rules()
	switch *format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rs); err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
	case "markdown":
		fmt.Fprint(stdout, RuleReference(rs))
	case "text":
		for _, r := range rs {
			flags := ""
			if r.Custom {
				flags += " (organisation)"
			}
			if r.Disabled {
				flags += " (disabled)"
			}
			fmt.Fprintf(stdout, "%-15s %-8s %-9s %s%s\n", r.ID, r.Severity, r.Control, r.Title, flags)
		}
	default:
		fmt.Fprintf(stderr, "rolecall rules: --format %q is not one of text, json, markdown\n", *format)
		return exitUsage
	}
	return exitOK
}

// RuleReference renders the catalogue as the Markdown table of the README's
// rule reference.
func RuleReference(rs []engine.Rule) string {
	var b strings.Builder
	b.WriteString("| id | severity | control | title | what to do |\n|---|---|---|---|---|\n")
	for _, r := range rs {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", r.ID, r.Severity, r.Control, cell(r.Title), cell(r.Remediation))
	}
	return b.String()
}

func cell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(strings.TrimSpace(s), "|", `\|`), "\n", " ")
}
