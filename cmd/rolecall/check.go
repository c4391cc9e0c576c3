package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/output"
)

// checkFlags are check's own flags.
type checkFlags struct {
	asOf    string
	formats []string
	failOn  string
	output  string
	quiet   bool
	color   string
	only    []string
}

func newCheckCmd(std streams) *cobra.Command {
	var cf checkFlags
	cmd := &cobra.Command{
		Use:   "check FILE... [flags]",
		Short: "Evaluate the rules on registers and report the findings",
		Long: `Evaluates the Annex A 5.2 rules (and the organisation's own rules) on each
register and reports the findings: which rule, which entity, where in the file,
and what to do.

--format may be given several times; FORMAT=FILE writes that format to FILE, so
one run can print text and write SARIF for code scanning:

  rolecall check register.yaml --format text --format sarif=rolecall.sarif

-o FILE writes the (single) report to FILE instead of standard output. -o is
always a file name: "-o json" is refused, because it almost certainly meant
--format json.

--only RULE evaluates only that rule (repeatable); the others count as
disabled, so an exception for one of them is reported by A52-EXC-002 only
when --only names A52-EXC-002 too.

Exit 0 when no unwaived finding is at or above --fail-on, 1 when one is, 2 for
usage, load or configuration errors.`,
		Example: `  rolecall check examples/registers/acme.yaml
  rolecall check registers/ --fail-on high
  cat register.yaml | rolecall check - --format json
  rolecall check register.yaml --as-of 2026-11-27 --format sarif=rolecall.sarif --format text
  rolecall check register.yaml --only A52-REF-001 --only A52-ASSET-001`,
		Args: cobra.MinimumNArgs(1),
	}
	fs := cmd.Flags()
	fs.StringVar(&cf.asOf, "as-of", "", "evaluation date YYYY-MM-DD (default: today, UTC)")
	fs.StringArrayVar(&cf.formats, "format", nil, "output format, or FORMAT=FILE to write it to a file (repeatable): "+strings.Join(output.Names(), ", ")+" (default text)")
	fs.StringVar(&cf.failOn, "fail-on", "", "lowest severity of an unwaived finding that fails the run: critical, high, medium, low, info or none (default: the configuration's, else low)")
	fs.StringVarP(&cf.output, "output", "o", "", "write the report to this file (atomically; never over an input) instead of standard output")
	fs.BoolVarP(&cf.quiet, "quiet", "q", false, "do not show progress on standard error")
	fs.StringVar(&cf.color, "color", "auto", "colour the text report: auto (on a terminal, unless NO_COLOR is set), always or never")
	fs.StringArrayVar(&cf.only, "only", nil, "evaluate only this rule (repeatable); the others are disabled")
	_ = cmd.RegisterFlagCompletionFunc("only", completeRuleIDs)
	ef := addEngineFlags(fs, true)
	lim := limitFlags(fs)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		return runCheck(cmd.Context(), std, cf, ef, lim, args)
	}
	return cmd
}

// formatTarget is one requested format and where it goes ("" is the
// command's output: -o, else standard output).
type formatTarget struct {
	name      string
	formatter output.Formatter
	file      string
}

// parseFormats reads the --format values.
func parseFormats(values []string, outFile string) ([]formatTarget, error) {
	if len(values) == 0 {
		values = []string{"text"}
	}
	var out []formatTarget
	toOutput := 0
	for _, v := range values {
		name, file, hasFile := strings.Cut(v, "=")
		name = strings.TrimSpace(name)
		f, err := output.ByName(name)
		if err != nil {
			return nil, usagef("--format %q is not one of %s", name, strings.Join(output.Names(), ", "))
		}
		if hasFile && file == "" {
			return nil, usagef("--format %s= names no file", name)
		}
		if !hasFile {
			toOutput++
		}
		out = append(out, formatTarget{name: name, formatter: f, file: file})
	}
	if toOutput > 1 {
		dest := "standard output"
		if outFile != "" {
			dest = outFile
		}
		return nil, usagef("%d formats would all go to %s; give the others a file with --format FORMAT=FILE", toOutput, dest)
	}
	return out, nil
}

// useColour decides whether the text report is coloured.
func useColour(std streams, mode, outFile string) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		return outFile == "" && std.outTTY && std.env("NO_COLOR") == "" && std.env("TERM") != "dumb", nil
	}
	return false, usagef("--color %q is not one of auto, always, never", mode)
}

func runCheck(ctx context.Context, std streams, cf checkFlags, ef *engineFlags, lim *raci.Limits, args []string) error {
	targets, err := parseFormats(cf.formats, cf.output)
	if err != nil {
		return err
	}
	colour, err := useColour(std, cf.color, cf.output)
	if err != nil {
		return err
	}
	sources, err := expandSources(args)
	if err != nil {
		return err
	}
	evalDate := raci.Today()
	if cf.asOf != "" {
		d, err := raci.ParseDate(cf.asOf)
		if err != nil {
			return usagef("--as-of: %v", err)
		}
		evalDate = d
	}
	cfg, err := ef.loadConfig(ctx)
	if err != nil {
		return err
	}
	inputs := ef.inputs(cfg)
	for _, s := range sources {
		inputs = append(inputs, s.path)
	}
	for _, t := range append(targets, formatTarget{file: cf.output}) {
		if err := checkOutput(t.file, inputs); err != nil {
			return err
		}
	}
	threshold := "low"
	if cfg != nil && cfg.FailOn != "" {
		threshold = cfg.FailOn
	}
	if cf.failOn != "" {
		threshold = cf.failOn
	}
	failSeverity, ok := engine.ParseSeverity(threshold)
	if !ok && threshold != "none" {
		return usagef("--fail-on %q is not one of critical, high, medium, low, info, none", threshold)
	}

	// A check is a batch job: trade memory headroom for less GC work, sized to
	// the registers (GOGC and GOMEMLIMIT, when set, win).
	defer engine.GCTuningFor(sourceBytes(sources, lim.MaxBytes)).Apply()()

	prog := newProgress(std, cf.quiet)
	defer prog.done()
	prog.set("reading %s", sources[0].name())
	// Compiling the rules and loading the first register use different cores:
	// the first register is read while the engine compiles.
	type loaded struct {
		reg *raci.Register
		err error
	}
	first := make(chan loaded, 1)
	go func() {
		reg, err := loadSource(sources[0], std.in, *lim)
		first <- loaded{reg, err}
	}()
	opts := ef.options(cfg)
	if len(cf.only) > 0 {
		opts = append(opts, engine.WithOnly(cf.only...))
	}
	eng, err := engine.New(ctx, opts...)
	if err != nil {
		<-first
		return err
	}

	var reports []*engine.Report
	var registers []*raci.Register
	failed, broken := false, false
	for i, src := range sources {
		var reg *raci.Register
		if i == 0 {
			l := <-first
			reg, err = l.reg, l.err
		} else {
			prog.set("reading %s (%d of %d)", src.name(), i+1, len(sources))
			reg, err = loadSource(src, std.in, *lim)
		}
		if err != nil {
			prog.done()
			printLoadError(std.err, err)
			var le *raci.LimitError
			if errors.As(err, &le) {
				fmt.Fprintln(std.err, "rolecall check: --max-bytes, --max-entities and --max-depth raise the limits")
			}
			broken = true
			continue
		}
		prog.set("evaluating %s (%d of %d; %d people, %d roles)", src.name(), i+1, len(sources), len(reg.People), len(reg.Roles))
		rep, err := eng.Evaluate(ctx, reg, evalDate)
		if err != nil {
			prog.done()
			fmt.Fprintf(std.err, "%s: %v\n", src.name(), err)
			if errors.Is(err, engine.ErrLimit) {
				fmt.Fprintln(std.err, "rolecall check: --max-findings and --memory-limit raise the evaluation's limits")
			}
			if errors.Is(err, context.DeadlineExceeded) {
				fmt.Fprintln(std.err, "rolecall check: raise --timeout or the configuration's timeout for very large registers")
			}
			broken = true
			continue
		}
		reports = append(reports, rep)
		registers = append(registers, reg)
		if threshold != "none" && rep.Failed(failSeverity) {
			failed = true
		}
	}
	prog.done()
	if broken && len(reports) == 0 {
		return exitError{exitUsage}
	}
	// The threshold goes to the formatter as the user wrote it, so that the text
	// format echoes it; "none" is the formatter's empty threshold.
	settings := eng.Settings()
	settings.ConfigFile = ef.configPath
	run := output.Run{
		Reports:     reports,
		Registers:   registers,
		Rules:       eng.Rules(),
		Settings:    settings,
		ToolVersion: output.BuildVersion(),
		FailOn:      engine.Severity(threshold),
	}
	if threshold == "none" {
		run.FailOn = ""
	}
	for _, t := range targets {
		dest := t.file
		if dest == "" {
			dest = cf.output
		}
		formatter := t.formatter
		if _, isText := formatter.(output.Text); isText {
			// Colour only where the user sees it: the command's own output.
			formatter = output.Text{Colour: colour && dest == ""}
		}
		write := func(w io.Writer) error { return formatter.Format(w, run) }
		if err := writeOutput(dest, std.out, write); err != nil {
			return fmt.Errorf("writing the %s report: %w", t.name, err)
		}
	}
	switch {
	case broken:
		return exitError{exitUsage}
	case failed:
		return exitError{exitFindings}
	}
	return nil
}

// jsonReport is the document --format json writes; the tests decode the output
// into it.
type jsonReport = output.JSONReport
