package main

import (
	"context"
	"os"
	"time"

	"github.com/spf13/pflag"

	"github.com/rolecall/rolecall/raci/engine"
)

// defaultConfig is the configuration file read when --config is not given and
// it exists in the working directory.
const defaultConfig = "rolecall.yaml"

// engineFlags are the flags shared by the commands that build an engine.
type engineFlags struct {
	config  string
	rules   []string
	timeout time.Duration

	// configPath is the configuration file actually read, once loadConfig ran.
	configPath string
}

// addEngineFlags adds --config, --rules and (with timeout) --timeout to fs.
func addEngineFlags(fs *pflag.FlagSet, timeout bool) *engineFlags {
	ef := &engineFlags{}
	fs.StringVar(&ef.config, "config", "", "configuration file (default: ./rolecall.yaml when it exists)")
	fs.StringArrayVar(&ef.rules, "rules", nil, "directory of organisation Rego rules (repeatable)")
	if timeout {
		fs.DurationVar(&ef.timeout, "timeout", 0, "evaluation time limit as a Go duration, e.g. 30s or 1m30s (default: the configuration's, else 60s)")
	}
	return ef
}

// loadConfig reads --config, or ./rolecall.yaml when it exists; it returns nil
// when there is no configuration. A file with mistakes in its values is
// checked against the rules too, so that the error lists every problem of
// the configuration (unknown keys, rule ids and parameters alike) in one run.
func (ef *engineFlags) loadConfig(ctx context.Context) (*engine.Config, error) {
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
	return opts
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

// inputs lists the files the engine reads, for -o's protection.
func (ef *engineFlags) inputs(cfg *engine.Config) []string {
	in := []string{ef.config, defaultConfig}
	return append(in, ruleFiles(ef.ruleDirs(cfg))...)
}
