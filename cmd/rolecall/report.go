package main

import (
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/evidence"
)

func newReportCmd(std streams) *cobra.Command {
	var asOf, format, out, mappings string
	cmd := &cobra.Command{
		Use:   "report FILE [flags]",
		Short: "Write the evidence pack for auditors (HTML or Markdown)",
		Long: `Writes the evidence pack of a register: the governance chart, the RACI matrix
and a heat map of who carries the A and R letters, asset owners and custodians,
risk owners and acceptances, authorisation levels, delegations, each person's
roles, acknowledgements and competences, segregation conflicts, approvals and
reviews, open findings with what to do, applied exceptions and a cross-reference
of the rules to ISO/IEC 27001 and 27002 (and, with --mappings, to other
frameworks).

HTML is one self-contained file (no script, font or image fetched), readable on
screen and printable; Markdown suits a repository or wiki, with the governance
chart in Mermaid. docs/evidence-pack.md describes every section.

Exit 0 once the pack is written, whatever the findings; 2 for usage, load,
configuration or mapping errors.`,
		Example: `  rolecall report examples/registers/acme.yaml -o acme.html
  rolecall report register.yaml --format markdown -o EVIDENCE.md`,
		Args: cobra.ExactArgs(1),
	}
	fs := cmd.Flags()
	fs.StringVar(&asOf, "as-of", "", "evaluation date YYYY-MM-DD (default: today, UTC)")
	fs.StringVar(&format, "format", "html", "the pack's format: "+strings.Join(evidence.Formats(), " or "))
	fs.StringVarP(&out, "output", "o", "", "write the pack to this file (atomically; never over an input) instead of standard output")
	fs.StringVar(&mappings, "mappings", "", "a JSON file mapping rule ids to SOC 2, NIST CSF 2.0 and SP 800-53 controls")
	ef := addEngineFlags(fs, true)
	lim := limitFlags(fs)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if !slices.Contains(evidence.Formats(), format) {
			return usagef("--format %q is not one of %s", format, strings.Join(evidence.Formats(), ", "))
		}
		date := raci.Today()
		if asOf != "" {
			d, err := raci.ParseDate(asOf)
			if err != nil {
				return usagef("--as-of: %v", err)
			}
			date = d
		}
		sources, err := expandSources(args)
		if err != nil {
			return err
		}
		if len(sources) != 1 {
			return usagef("%s holds %d registers; name one file", args[0], len(sources))
		}
		cfg, err := ef.loadConfig(cmd.Context())
		if err != nil {
			return err
		}
		if err := checkOutput(out, append(ef.inputs(cfg), args[0], mappings)); err != nil {
			return err
		}
		var opts []evidence.Option
		if mappings != "" {
			data, err := os.ReadFile(mappings)
			if err != nil {
				return err
			}
			m, err := evidence.ParseMappings(data)
			if err != nil {
				return err
			}
			opts = append(opts, evidence.WithMappings(m))
		}
		reg, err := loadSource(sources[0], std.in, *lim)
		if err != nil {
			printLoadError(std.err, err)
			return exitError{exitUsage}
		}
		eng, err := engine.New(cmd.Context(), ef.options(cfg)...)
		if err != nil {
			return err
		}
		rep, err := eng.Evaluate(cmd.Context(), reg, date)
		if err != nil {
			return err
		}
		pack := evidence.Pack{Register: reg, Report: rep, Rules: eng.Rules()}
		return writeOutput(out, std.out, func(w io.Writer) error { return evidence.Write(w, format, pack, opts...) })
	}
	return cmd
}
