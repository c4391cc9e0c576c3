package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/rolecall/rolecall/internal/atomicfile"
	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/output"
)

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// engineFlags are the flags shared by the commands that build an engine.
type engineFlags struct {
	config  string
	rules   multiFlag
	timeout time.Duration
}

func addEngineFlags(fs *flag.FlagSet) *engineFlags {
	ef := &engineFlags{}
	fs.StringVar(&ef.config, "config", "", "configuration file (default: ./rolecall.yaml when it exists)")
	fs.Var(&ef.rules, "rules", "directory of organisation Rego rules (repeatable)")
	fs.DurationVar(&ef.timeout, "timeout", 0, "evaluation time limit, e.g. 30s (default: the configuration's, else 60s)")
	return ef
}

// loadConfig reads --config, or ./rolecall.yaml when it exists.
func (ef *engineFlags) loadConfig() (*engine.Config, error) {
	path := ef.config
	if path == "" {
		if _, err := os.Stat("rolecall.yaml"); err != nil {
			return nil, nil
		}
		path = "rolecall.yaml"
	}
	return engine.LoadConfig(path)
}

// options turns the flags and configuration into engine options.
func (ef *engineFlags) options(cfg *engine.Config) []engine.Option {
	opts := []engine.Option{engine.WithConfig(cfg)}
	for _, dir := range ef.rules {
		opts = append(opts, engine.WithRuleDir(dir))
	}
	if ef.timeout > 0 {
		opts = append(opts, engine.WithTimeout(ef.timeout))
	}
	return opts
}

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: rolecall check [flags] FILE...\n\nEvaluates the Annex A 5.2 rules (and the organisation's) on each register and reports the findings.\nExit 0 when no unwaived finding is at or above --fail-on, 1 when one is, 2 for usage, load or configuration errors.\n\nFlags:")
		fs.PrintDefaults()
	}
	asOf := fs.String("as-of", "", "evaluation date YYYY-MM-DD (default: today, UTC)")
	format := fs.String("format", "text", "output format: "+strings.Join(output.Names(), ", "))
	failOn := fs.String("fail-on", "", "lowest severity of an unwaived finding that fails the run: critical, high, medium, low, info or none (default: the configuration's, else low)")
	outFile := fs.String("o", "", "write the report to this file (atomically; never over an input) instead of standard output")
	ef := addEngineFlags(fs)
	lim := limitFlags(fs)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	if *outFile != "" {
		inputs := append([]string{ef.config, "rolecall.yaml"}, fs.Args()...)
		for _, in := range inputs {
			if in != "" && same(*outFile, in) {
				fmt.Fprintf(stderr, "rolecall check: refusing to overwrite the input %s with the report\n", in)
				return exitUsage
			}
		}
	}
	formatter, err := output.ByName(*format)
	if err != nil {
		fmt.Fprintf(stderr, "rolecall check: --format %q is not one of %s\n", *format, strings.Join(output.Names(), ", "))
		return exitUsage
	}
	evalDate := raci.Today()
	if *asOf != "" {
		d, err := raci.ParseDate(*asOf)
		if err != nil {
			fmt.Fprintf(stderr, "rolecall check: --as-of: %v\n", err)
			return exitUsage
		}
		evalDate = d
	}
	cfg, err := ef.loadConfig()
	if err != nil {
		fmt.Fprintf(stderr, "rolecall check: %v\n", err)
		return exitUsage
	}
	threshold := "low"
	if cfg != nil && cfg.FailOn != "" {
		threshold = cfg.FailOn
	}
	if *failOn != "" {
		threshold = *failOn
	}
	failSeverity, ok := engine.ParseSeverity(threshold)
	if !ok && threshold != "none" {
		fmt.Fprintf(stderr, "rolecall check: --fail-on %q is not one of critical, high, medium, low, info, none\n", threshold)
		return exitUsage
	}
	// Compiling the rules and loading the first register use different cores:
	// the first register is read while the engine compiles.
	type loaded struct {
		reg *raci.Register
		err error
	}
	first := make(chan loaded, 1)
	if fs.NArg() > 0 {
		go func() {
			reg, err := raci.LoadFile(fs.Arg(0), raci.WithLimits(*lim))
			first <- loaded{reg, err}
		}()
	}
	eng, err := engine.New(ctx, ef.options(cfg)...)
	if err != nil {
		fmt.Fprintf(stderr, "rolecall check: %v\n", err)
		return exitUsage
	}

	var reports []*engine.Report
	code := exitOK
	for i, path := range fs.Args() {
		var reg *raci.Register
		if i == 0 {
			l := <-first
			reg, err = l.reg, l.err
		} else {
			reg, err = raci.LoadFile(path, raci.WithLimits(*lim))
		}
		if err != nil {
			fmt.Fprintln(stderr, err)
			code = exitUsage
			continue
		}
		rep, err := eng.Evaluate(ctx, reg, evalDate)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", path, err)
			if errors.Is(err, context.DeadlineExceeded) {
				fmt.Fprintln(stderr, "rolecall check: raise --timeout or the configuration's timeout for very large registers")
			}
			code = exitUsage
			continue
		}
		reports = append(reports, rep)
		if code == exitOK && threshold != "none" && rep.Failed(failSeverity) {
			code = exitFindings
		}
	}
	if code == exitUsage && len(reports) == 0 {
		return exitUsage
	}
	// The threshold goes to the formatter as the user wrote it, so that the text
	// format echoes it; "none" is the formatter's empty threshold.
	run := output.Run{Reports: reports, FailOn: engine.Severity(threshold)}
	if threshold == "none" {
		run.FailOn = ""
	}
	write := func(w io.Writer) error { return formatter.Format(w, run) }
	var werr error
	if *outFile != "" {
		werr = atomicfile.Write(*outFile, write)
	} else {
		werr = write(stdout)
	}
	if werr != nil {
		fmt.Fprintf(stderr, "rolecall check: writing the report: %v\n", werr)
		return exitUsage
	}
	return code
}

// jsonReport is the document --format json writes; the tests decode the output
// into it.
type jsonReport = output.JSONReport
