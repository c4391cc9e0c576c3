package raci

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/rolecall/rolecall/schema"
)

// Config is an organisation's rolecall.yaml: parameter overrides, disabled rules,
// severity overrides, directories of organisation rules and the failure threshold.
type Config struct {
	// Params overrides rule parameters (bundled ones and those the organisation's
	// rules declare).
	Params map[string]any `json:"params,omitempty"`
	// Disable lists rule ids not to evaluate.
	Disable []string `json:"disable,omitempty"`
	// Severity overrides rule severities by id.
	Severity map[string]Severity `json:"severity,omitempty"`
	// Rules lists directories of organisation rules, relative to the file.
	Rules []string `json:"rules,omitempty"`
	// FailOn is the lowest severity of an unwaived finding that fails a run
	// ("none" never fails); empty means the caller's default.
	FailOn string `json:"fail_on,omitempty"`
	// Timeout bounds each evaluation (e.g. "30s"); zero keeps the default.
	Timeout time.Duration `json:"-"`

	// dir is the directory of the file, to resolve Rules; name and tree locate
	// its values for messages.
	dir  string
	name string
	tree *posNode
}

// where returns "file:line: " for the value at ptr, or "" when unknown.
func (c *Config) where(ptr string) string {
	if c == nil || c.tree == nil {
		return ""
	}
	pos := c.tree.locate(ptr, true)
	if pos.Line == 0 {
		return ""
	}
	return fmt.Sprintf("%s:%d: ", c.name, pos.Line)
}

// RuleDirs returns the organisation rule directories resolved against the
// directory of the configuration file.
func (c *Config) RuleDirs() []string {
	out := make([]string, 0, len(c.Rules))
	for _, r := range c.Rules {
		if filepath.IsAbs(r) || c.dir == "" {
			out = append(out, r)
			continue
		}
		out = append(out, filepath.Join(c.dir, r))
	}
	return out
}

var configSchema = sync.OnceValues(schema.CompileConfig)

// LoadConfig reads a rolecall.yaml (or .json) configuration file and validates it
// against the configuration schema. Problems come back as a *LoadError with lines,
// wrapping ErrInvalidConfig. Parameter names and types are checked by NewEngine,
// which knows the organisation's rules.
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidConfig, err)
	}
	cfg, err := ParseConfig(data, path)
	if err != nil {
		return nil, err
	}
	cfg.dir = filepath.Dir(path)
	return cfg, nil
}

// ParseConfig reads a configuration from data; name is used in messages and its
// directory resolves relative rule directories.
func ParseConfig(data []byte, name string) (*Config, error) {
	format := FormatYAML
	if strings.HasSuffix(strings.ToLower(name), ".json") {
		format = FormatJSON
	}
	lim := DefaultLimits()
	lim.MaxBytes = 4 << 20
	doc, tree, err := decodeDocument(data, format, lim)
	if err != nil {
		le := decodeFailure(name, err).(*LoadError)
		return nil, &configError{le}
	}
	s, err := configSchema()
	if err != nil {
		return nil, fmt.Errorf("rolecall: the embedded configuration schema does not compile: %w", err)
	}
	if problems := schemaProblems(s, doc, tree); len(problems) > 0 {
		return nil, &configError{&LoadError{Source: name, Problems: problems}}
	}
	b, _ := json.Marshal(doc)
	var cfg Config
	if err := decodeJSON(b, &cfg); err != nil {
		return nil, &configError{&LoadError{Source: name, Problems: []Problem{{Message: err.Error()}}}}
	}
	if m, ok := doc.(map[string]any); ok {
		if t, ok := m["timeout"].(string); ok {
			d, err := time.ParseDuration(t)
			if err != nil || d <= 0 {
				return nil, &configError{&LoadError{Source: name, Problems: []Problem{{Pointer: "/timeout", Pos: tree.locate("/timeout", false), Message: fmt.Sprintf("%q is not a duration such as 30s", t)}}}}
			}
			cfg.Timeout = d
		}
		if p, ok := m["params"].(map[string]any); ok {
			cfg.Params = p
		}
	}
	cfg.dir = filepath.Dir(name)
	cfg.name = name
	cfg.tree = tree
	return &cfg, nil
}

// configError is a *LoadError about a configuration file: errors.Is(err,
// ErrInvalidConfig) holds and errors.As reaches the *LoadError.
type configError struct{ *LoadError }

func (e *configError) Unwrap() []error { return []error{ErrInvalidConfig, e.LoadError} }
