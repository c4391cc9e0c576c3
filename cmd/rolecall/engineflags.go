package main

import (
	"context"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/rolecall/rolecall/raci/engine"
)

// defaultConfig is the configuration file read when --config is not given and
// it exists in the working directory.
const defaultConfig = "rolecall.yaml"

// engineFlags are the flags shared by the commands that build an engine.
type engineFlags struct {
	config        string
	rules         []string
	timeout       time.Duration
	memoryLimit   string
	maxFindings   int
	externalRules bool

	// configPath is the configuration file actually read, once loadConfig ran.
	configPath string
}

// addEngineFlags adds --config, --rules and (with timeout) --timeout to fs.
func addEngineFlags(fs *pflag.FlagSet, timeout bool) *engineFlags {
	ef := &engineFlags{}
	fs.StringVar(&ef.config, "config", "", "configuration file (default: ./rolecall.yaml when it exists)")
	fs.StringArrayVar(&ef.rules, "rules", nil, "directory of organisation Rego rules (repeatable)")
	fs.BoolVar(&ef.externalRules, "allow-external-rules", false, "let the configuration name rule directories outside its own directory")
	if timeout {
		fs.DurationVar(&ef.timeout, "timeout", 0, "evaluation time limit as a Go duration, e.g. 30s or 1m30s (default: the configuration's, else 60s; at most 10m)")
		fs.StringVar(&ef.memoryLimit, "memory-limit", "", "stop an evaluation whose heap grows past this size, e.g. 2GiB or 512MiB; 0 for none (default: GOMEMLIMIT, else half the machine's memory)")
		fs.IntVar(&ef.maxFindings, "max-findings", 0, "stop an evaluation with more findings than this (default 250000)")
	}
	return ef
}

// parseSize reads a size in bytes: a whole number with an optional unit B,
// KiB, MiB, GiB or TiB (KB, MB, GB and TB mean the same powers of 1024).
func parseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	units := []struct {
		suffix string
		factor int64
	}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"TB", 1 << 40}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}}
	factor := int64(1)
	for _, u := range units {
		if strings.HasSuffix(strings.ToUpper(s), strings.ToUpper(u.suffix)) {
			s, factor = strings.TrimSpace(s[:len(s)-len(u.suffix)]), u.factor
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > math.MaxInt64/factor {
		return 0, fmt.Errorf("%q is not a size: give a whole number of bytes, or one with KiB, MiB or GiB", s)
	}
	return n * factor, nil
}

// loadConfig reads --config, or ./rolecall.yaml when it exists; it returns nil
// when there is no configuration. A file with mistakes in its values is
// checked against the rules too, so that the error lists every problem of
// the configuration (unknown keys, rule ids and parameters alike) in one run.
func (ef *engineFlags) loadConfig(ctx context.Context) (*engine.Config, error) {
	if err := ef.checkLimits(); err != nil {
		return nil, err
	}
	path := ef.config
	if path == "" {
		if _, err := os.Stat(defaultConfig); err != nil {
			return nil, nil
		}
		path = defaultConfig
	}
	cfg, err := engine.LoadConfig(path)
	if err != nil {
		if cfg != nil {
			// New reports the file's problems together with those only
			// the rules reveal.
			if _, all := engine.New(ctx, ef.options(cfg)...); all != nil {
				return nil, all
			}
		}
		return nil, err
	}
	ef.configPath = path
	return cfg, nil
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
	if ef.memoryLimit != "" {
		// checked by checkLimits before any engine is built
		n, _ := parseSize(ef.memoryLimit)
		opts = append(opts, engine.WithMemoryLimit(n))
	}
	if ef.maxFindings > 0 {
		opts = append(opts, engine.WithMaxFindings(ef.maxFindings))
	}
	if ef.externalRules {
		opts = append(opts, engine.WithRuleDirsOutsideConfig())
	}
	return opts
}

// checkLimits refuses a --memory-limit that is not a size and a negative
// --max-findings.
func (ef *engineFlags) checkLimits() error {
	if ef.memoryLimit != "" {
		if _, err := parseSize(ef.memoryLimit); err != nil {
			return usagef("--memory-limit: %v", err)
		}
	}
	if ef.maxFindings < 0 {
		return usagef("--max-findings %d: give a positive number", ef.maxFindings)
	}
	return nil
}

// ruleDirs lists every organisation rule directory in use: the
// configuration's, then --rules.
func (ef *engineFlags) ruleDirs(cfg *engine.Config) []string {
	var dirs []string
	if cfg != nil {
		dirs = append(dirs, cfg.RuleDirs()...)
	}
	return append(dirs, ef.rules...)
}

// inputs lists the configuration files and rule directories the engine reads,
// for -o's protection (engine.CheckOutput).
func (ef *engineFlags) inputs(cfg *engine.Config) []string {
	in := []string{ef.config, defaultConfig}
	return append(in, ef.ruleDirs(cfg)...)
}
