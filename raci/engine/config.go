package engine

import (
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rolecall/rolecall/internal/document"
	"github.com/rolecall/rolecall/internal/refcheck"
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
	// problems are the mistakes ParseConfig found in the file's values; New
	// reports them with the rest.
	problems []raci.Problem
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
// most 4 MiB. Problems come back as a *LoadError with lines and columns,
// wrapping ErrInvalidConfig, together with the part of the configuration that
// could be read, as ParseConfig describes. Rule ids and parameter names and
// types are checked by New, which knows the organisation's rules.
func LoadConfig(path string) (*Config, error) {
	// Opened once, checked to be a regular file through its descriptor, and
	// read no further than the limit: a rolecall.yaml committed as a link to
	// /dev/zero is refused before it is read.
	data, err := document.ReadRegular(path, maxConfigBytes)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidConfig, err)
	}
	cfg, err := ParseConfig(data, path)
	if cfg != nil {
		cfg.dir = filepath.Dir(path)
	}
	return cfg, err
}

// ParseConfig reads a configuration from data; name is used in messages and its
// directory resolves relative rule directories.
//
// Every mistake in the file's values is found in one pass: unknown keys,
// values of the wrong kind, a timeout that is not a Go duration (30s, 1m30s).
// They come back as a *LoadError wrapping ErrInvalidConfig, together with the
// part of the configuration that could be read (nil only when the file could
// not be decoded at all). Passing that partial configuration to New with
// WithConfig makes New report the file's problems again, together with those
// only the rules reveal (unknown rule ids, unknown or mistyped parameters), in
// one *ConfigError: a file with six mistakes takes one run to list them all.
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
	var problems []raci.Problem
	for _, p := range problemsOf(document.SchemaProblems(s, doc, tree, nil)) {
		// The timeout is checked below as a Go duration, which says more
		// than the schema's pattern.
		if p.Pointer == "/timeout" && strings.Contains(p.Message, "does not match") {
			continue
		}
		problems = append(problems, p)
	}
	root, ok := doc.(map[string]any)
	if !ok {
		return nil, &configError{&raci.LoadError{Source: name, Problems: problems}}
	}
	var cfg Config
	if t, ok := root["timeout"].(string); ok {
		at := raci.Pos(tree.Locate("/timeout", false))
		d, err := time.ParseDuration(t)
		switch {
		case err != nil || d <= 0:
			problems = append(problems, raci.Problem{Pointer: "/timeout", Pos: at, Message: fmt.Sprintf("%q is not a duration: expected a Go duration such as 30s, 2m or 1m30s", t)})
		case d > MaxTimeout:
			problems = append(problems, raci.Problem{Pointer: "/timeout", Pos: at, Message: fmt.Sprintf("timeout %s is longer than the longest allowed, %v", t, MaxTimeout)})
		default:
			cfg.Timeout = d
		}
	}
	// The values the problems are about are left out, so that the rest can
	// be read; list items become null rather than shift the later ones.
	for _, p := range problems {
		prune(root, p.Pointer)
	}
	delete(root, "timeout")
	b, _ := json.Marshal(root)
	if err := decodeJSON(b, &cfg); err != nil {
		problems = append(problems, raci.Problem{Message: err.Error()})
	}
	if p, ok := root["params"].(map[string]any); ok {
		cfg.Params = p
	}
	cfg.dir = filepath.Dir(name)
	cfg.name = name
	cfg.tree = tree
	if len(problems) > 0 {
		sortProblems(problems)
		cfg.problems = problems
		return &cfg, &configError{&raci.LoadError{Source: name, Problems: problems}}
	}
	return &cfg, nil
}

// prune removes the value at the JSON pointer ptr from doc: a member is
// deleted, a list item becomes null. The document itself is never removed.
func prune(doc any, ptr string) {
	if ptr == "" {
		return
	}
	toks := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	cur := doc
	for i, tok := range toks {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		last := i == len(toks)-1
		switch v := cur.(type) {
		case map[string]any:
			if last {
				delete(v, tok)
				return
			}
			cur = v[tok]
		case []any:
			n, err := strconv.Atoi(tok)
			if err != nil || n < 0 || n >= len(v) {
				return
			}
			if last {
				v[n] = nil
				return
			}
			cur = v[n]
		default:
			return
		}
	}
}

// sortProblems orders problems by line and column, those without a place last.
func sortProblems(ps []raci.Problem) {
	key := func(p raci.Problem) [2]int {
		if p.Pos.Line == 0 {
			return [2]int{int(^uint(0) >> 1), 0}
		}
		return [2]int{p.Pos.Line, p.Pos.Column}
	}
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := key(ps[i]), key(ps[j])
		return a[0] < b[0] || a[0] == b[0] && a[1] < b[1]
	})
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

// configChecks is what New needs, beyond the options' values, to report every
// configuration problem at once: the configuration files applied (to locate
// each value by line and column) and the ids given to WithOnly.
type configChecks struct {
	configs []*Config
	only    []string
}

// locate returns the problem msg about the value at ptr of the last
// configuration file whose value at ptr satisfies has, or a problem without a
// place when no file has it (the value came from an option).
func (k *configChecks) locate(has func(*Config) (string, bool), msg string) ConfigProblem {
	for i := len(k.configs) - 1; i >= 0; i-- {
		c := k.configs[i]
		if ptr, ok := has(c); ok {
			p := ConfigProblem{File: c.name, Pointer: ptr, Message: msg}
			if c.tree != nil {
				pos := c.tree.Locate(ptr, true)
				p.Line, p.Column = pos.Line, pos.Column
			}
			return p
		}
	}
	return ConfigProblem{Message: msg}
}

// escapePointer escapes a key for a JSON pointer.
func escapePointer(key string) string {
	return strings.ReplaceAll(strings.ReplaceAll(key, "~", "~0"), "/", "~1")
}

// resolve checks, in one pass, every rule id and parameter the options and
// configuration files name against the rules (all) and the parameters the
// organisation's rules declare, and returns the parameters to evaluate with.
// It adds to c.disabled every rule WithOnly leaves out. Every problem (those
// ParseConfig found in the files, unknown rule ids, unknown or mistyped
// parameters) comes back in one *ConfigError; a clash between declared and
// bundled parameters is an error about the rules.
func (c *engineConfig) resolve(all []Rule, declared map[string]any) (map[string]any, error) {
	k := &c.checks
	var problems []ConfigProblem
	reported := map[[2]string]bool{}
	add := func(p ConfigProblem) {
		if p.Pointer != "" && reported[[2]string{p.File, p.Pointer}] {
			return
		}
		reported[[2]string{p.File, p.Pointer}] = true
		problems = append(problems, p)
	}
	for _, cfg := range k.configs {
		for _, p := range cfg.problems {
			add(ConfigProblem{File: cfg.name, Pointer: p.Pointer, Line: p.Pos.Line, Column: p.Pos.Column, Message: p.Message})
		}
	}

	ids := make([]string, len(all))
	known := make(map[string]bool, len(all))
	for i, r := range all {
		ids[i] = r.ID
		known[r.ID] = true
	}
	unknown := func(id string) string {
		if s := refcheck.Nearest(id, ids); s != "" {
			return fmt.Sprintf("unknown rule %q (did you mean %q?)", id, s)
		}
		return fmt.Sprintf("unknown rule %q: `rolecall rules` lists the rule ids", id)
	}
	seen := map[string]bool{}
	for _, id := range c.disabled {
		if known[id] || seen[id] {
			continue
		}
		seen[id] = true
		add(k.locate(func(cfg *Config) (string, bool) {
			i := slices.Index(cfg.Disable, id)
			return fmt.Sprintf("/disable/%d", i), i >= 0
		}, "cannot disable "+unknown(id)))
	}
	for _, id := range slices.Sorted(maps.Keys(c.severities)) {
		if known[id] {
			continue
		}
		add(k.locate(func(cfg *Config) (string, bool) {
			_, ok := cfg.Severity[id]
			return "/severity/" + escapePointer(id), ok
		}, "cannot set the severity of "+unknown(id)))
	}
	for _, id := range k.only {
		if !known[id] {
			add(ConfigProblem{Message: "cannot select " + unknown(id)})
		}
	}

	defaults, err := defaultParams()
	if err != nil {
		return nil, err
	}
	params, bad, err := mergeParams(defaults, declared, c.params)
	if err != nil {
		return nil, err
	}
	for _, b := range bad {
		// WithParams after WithConfig overrides the file's value and drops
		// its origin: the problem is then the option's.
		_, inFile := c.paramOrigin[b.name]
		add(k.locate(func(cfg *Config) (string, bool) {
			_, ok := cfg.Params[b.name]
			return "/params/" + escapePointer(b.name), ok && inFile
		}, b.message))
	}
	if len(problems) > 0 {
		sortConfigProblems(problems)
		return nil, &ConfigError{Problems: problems}
	}
	if len(k.only) > 0 {
		for _, id := range ids {
			if !slices.Contains(k.only, id) && !slices.Contains(c.disabled, id) {
				c.disabled = append(c.disabled, id)
			}
		}
	}
	return params, nil
}

// sortConfigProblems orders problems by file (in the order the files were
// applied, options last), then line and column.
func sortConfigProblems(ps []ConfigProblem) {
	order := map[string]int{}
	for _, p := range ps {
		if _, ok := order[p.File]; !ok && p.File != "" {
			order[p.File] = len(order)
		}
	}
	rank := func(p ConfigProblem) [3]int {
		f, line := len(order), p.Line
		if p.File != "" {
			f = order[p.File]
		}
		if line == 0 {
			line = int(^uint(0) >> 1)
		}
		return [3]int{f, line, p.Column}
	}
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := rank(ps[i]), rank(ps[j])
		return a[0] < b[0] || a[0] == b[0] && (a[1] < b[1] || a[1] == b[1] && a[2] < b[2])
	})
}
