package engine

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/rolecall/rolecall/internal/document"
	"github.com/rolecall/rolecall/raci"
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
	tree *document.Tree
}

// where returns "file:line: " for the value at ptr, or "" when unknown.
func (c *Config) where(ptr string) string {
	if c == nil || c.tree == nil {
		return ""
	}
	pos := c.tree.Locate(ptr, true)
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
// against the configuration schema. The path must lead to a regular file of at
// most 4 MiB. Problems come back as a *LoadError with lines,
// wrapping ErrInvalidConfig. Parameter names and types are checked by New,
// which knows the organisation's rules.
func LoadConfig(path string) (*Config, error) {
	// Opened once, checked to be a regular file through its descriptor, and
	// read no further than the limit: a rolecall.yaml committed as a link to
	// /dev/zero is refused before it is read.
	data, err := document.ReadRegular(path, maxConfigBytes)
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
	format := document.FormatYAML
	if strings.HasSuffix(strings.ToLower(name), ".json") {
		format = document.FormatJSON
	}
	lim := raci.DefaultLimits()
	doc, tree, err := document.Decode(data, format, document.Limits{MaxBytes: maxConfigBytes, MaxDepth: lim.MaxDepth, MaxValues: lim.MaxValues, MaxAliasExpansion: lim.MaxAliasExpansion})
	if err != nil {
		return nil, &configError{decodeFailure(name, err)}
	}
	s, err := configSchema()
	if err != nil {
		return nil, fmt.Errorf("rolecall: the embedded configuration schema does not compile: %w", err)
	}
	if problems := document.SchemaProblems(s, doc, tree, nil); len(problems) > 0 {
		return nil, &configError{&raci.LoadError{Source: name, Problems: problemsOf(problems)}}
	}
	b, _ := json.Marshal(doc)
	var cfg Config
	if err := decodeJSON(b, &cfg); err != nil {
		return nil, &configError{&raci.LoadError{Source: name, Problems: []raci.Problem{{Message: err.Error()}}}}
	}
	if m, ok := doc.(map[string]any); ok {
		if t, ok := m["timeout"].(string); ok {
			d, err := time.ParseDuration(t)
			if err != nil || d <= 0 {
				return nil, &configError{&raci.LoadError{Source: name, Problems: []raci.Problem{{Pointer: "/timeout", Pos: raci.Pos(tree.Locate("/timeout", false)), Message: fmt.Sprintf("%q is not a duration such as 30s", t)}}}}
			}
			if d > MaxTimeout {
				return nil, &configError{&raci.LoadError{Source: name, Problems: []raci.Problem{{Pointer: "/timeout", Pos: raci.Pos(tree.Locate("/timeout", false)), Message: fmt.Sprintf("timeout %s is longer than the longest allowed, %v", t, MaxTimeout)}}}}
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

// maxConfigBytes is the largest configuration file read.
const maxConfigBytes = 4 << 20

// decodeFailure reports a document that could not be decoded.
func decodeFailure(name string, err error) *raci.LoadError {
	switch e := err.(type) {
	case *document.SyntaxError:
		return &raci.LoadError{Source: name, Problems: []raci.Problem{{Pointer: e.Pointer, Pos: raci.Pos(e.Pos), Message: e.Msg}}}
	case *document.LimitError:
		return &raci.LoadError{Source: name, Problems: []raci.Problem{{Pointer: e.Pointer, Pos: raci.Pos(e.Pos), Message: e.Msg}}, Err: e}
	}
	return &raci.LoadError{Source: name, Problems: []raci.Problem{{Message: err.Error()}}, Err: err}
}

// problemsOf converts the decoder's problems.
func problemsOf(ps []document.Problem) []raci.Problem {
	out := make([]raci.Problem, len(ps))
	for i, p := range ps {
		out[i] = raci.Problem{Pointer: p.Pointer, Pos: raci.Pos(p.Pos), Message: p.Message}
	}
	return out
}

// configError is a *LoadError about a configuration file: errors.Is(err,
// ErrInvalidConfig) holds and errors.As reaches the *LoadError.
type configError struct{ *raci.LoadError }

func (e *configError) Unwrap() []error { return []error{ErrInvalidConfig, e.LoadError} }
