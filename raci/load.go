package raci

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/rolecall/rolecall/internal/document"
)

// Limits bounds what the loader accepts, so that a hostile or broken input fails
// fast with a *LimitError instead of exhausting memory or time.
type Limits struct {
	// MaxBytes is the largest document accepted, in bytes (default 64 MiB, which
	// holds a 100,000-person register exported with e-mail addresses and
	// competence records for everyone).
	MaxBytes int64
	// MaxDepth is the deepest nesting of lists and mappings (default 64).
	MaxDepth int
	// MaxValues is the largest number of JSON values in the document (default 8,000,000).
	MaxValues int
	// MaxEntities is the largest number of entities in all the register's lists
	// together (default 1,000,000).
	MaxEntities int
	// MaxAliasExpansion is the largest number of values YAML aliases may expand to
	// (default 10,000): an alias bomb is rejected, not expanded.
	MaxAliasExpansion int
}

// DefaultLimits returns the limits the loader applies unless told otherwise.
func DefaultLimits() Limits {
	return Limits{MaxBytes: 64 << 20, MaxDepth: 64, MaxValues: 8_000_000, MaxEntities: 1_000_000, MaxAliasExpansion: 10_000}
}

// decoderLimits are the limits the document decoder applies.
func (l Limits) decoderLimits() document.Limits {
	return document.Limits{MaxBytes: l.MaxBytes, MaxDepth: l.MaxDepth, MaxValues: l.MaxValues, MaxAliasExpansion: l.MaxAliasExpansion}
}

// Format is a register's source format.
type Format string

// The source formats the loader reads.
const (
	FormatYAML Format = "yaml"
	FormatJSON Format = "json"
)

// LoadOption configures LoadFile, Load and LoadBytes.
type LoadOption func(*loadConfig)

type loadConfig struct {
	format Format
	limits Limits
	name   string
}

// WithFormat reads the input as YAML or JSON instead of guessing from the file
// extension or the content.
func WithFormat(f Format) LoadOption { return func(c *loadConfig) { c.format = f } }

// WithLimits replaces the default input limits. Zero fields keep their default.
func WithLimits(l Limits) LoadOption {
	return func(c *loadConfig) {
		d := DefaultLimits()
		if l.MaxBytes > 0 {
			d.MaxBytes = l.MaxBytes
		}
		if l.MaxDepth > 0 {
			d.MaxDepth = l.MaxDepth
		}
		if l.MaxValues > 0 {
			d.MaxValues = l.MaxValues
		}
		if l.MaxEntities > 0 {
			d.MaxEntities = l.MaxEntities
		}
		if l.MaxAliasExpansion > 0 {
			d.MaxAliasExpansion = l.MaxAliasExpansion
		}
		c.limits = d
	}
}

// WithSourceName names the input in errors and findings (LoadFile uses the path).
func WithSourceName(name string) LoadOption { return func(c *loadConfig) { c.name = name } }

// LoadFile reads a register from a YAML or JSON file (the format comes from the
// extension .yaml, .yml or .json, else from the content), validates it against the
// register schema, rejects duplicate ids and returns the typed model.
//
// A bad register gives a *LoadError listing every problem with its JSON pointer,
// line and column. The file is only read, never written; a path that leads to
// neither a regular file nor a pipe (a directory, a device such as /dev/zero) is
// a *LoadError, and no more than the size limit is read, from a pipe too.
func LoadFile(path string, opts ...LoadOption) (*Register, error) {
	cfg := newLoadConfig(opts)
	if cfg.name == "" {
		cfg.name = path
	}
	if cfg.format == "" {
		switch strings.ToLower(filepath.Ext(path)) {
		case ".json":
			cfg.format = FormatJSON
		case ".yaml", ".yml":
			cfg.format = FormatYAML
		}
	}
	// Opened once and checked through its descriptor: a register committed as
	// a link to /dev/zero or a directory is refused before any read. A pipe is
	// read, through the size limit, so that process substitution works.
	f, err := document.OpenRegularOrPipe(path)
	if err != nil {
		return nil, &LoadError{Source: cfg.name, Problems: []Problem{{Message: fmt.Sprintf("cannot read the file: %v", err)}}, Err: err}
	}
	defer f.Close()
	data, err := readLimited(f, cfg)
	if err != nil {
		return nil, err
	}
	return load(data, cfg)
}

// Load reads a register from r; see LoadFile.
func Load(r io.Reader, opts ...LoadOption) (*Register, error) {
	cfg := newLoadConfig(opts)
	data, err := readLimited(r, cfg)
	if err != nil {
		return nil, err
	}
	return load(data, cfg)
}

// LoadBytes reads a register from data; see LoadFile. data is not retained.
func LoadBytes(data []byte, opts ...LoadOption) (*Register, error) {
	cfg := newLoadConfig(opts)
	if int64(len(data)) > cfg.limits.MaxBytes {
		return nil, sizeError(cfg, int64(len(data)))
	}
	return load(data, cfg)
}

func newLoadConfig(opts []LoadOption) *loadConfig {
	cfg := &loadConfig{limits: DefaultLimits()}
	for _, o := range opts {
		o(cfg)
	}
	return cfg
}

func readLimited(r io.Reader, cfg *loadConfig) ([]byte, error) {
	name := cfg.name
	if name == "" {
		name = "<input>"
	}
	data, err := io.ReadAll(io.LimitReader(r, cfg.limits.MaxBytes+1))
	if err != nil {
		return nil, &LoadError{Source: name, Problems: []Problem{{Message: fmt.Sprintf("cannot read the input: %v", err)}}, Err: err}
	}
	if int64(len(data)) > cfg.limits.MaxBytes {
		return nil, sizeError(cfg, int64(len(data)))
	}
	return data, nil
}

func sizeError(cfg *loadConfig, found int64) error {
	name := cfg.name
	if name == "" {
		name = "<input>"
	}
	le := &LimitError{Limit: "size", Max: cfg.limits.MaxBytes, Found: found,
		msg: fmt.Sprintf("the document is larger than the limit of %d bytes (raise it with rolecall's --max-bytes flag, or raci.WithLimits in Go)", cfg.limits.MaxBytes)}
	return &LoadError{Source: name, Problems: []Problem{{Message: le.msg}}, Err: le}
}

// sniffFormat guesses JSON when the first non-blank character opens an object or
// a list, YAML otherwise.
func sniffFormat(data []byte) Format {
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	t = bytes.TrimPrefix(t, []byte("\xef\xbb\xbf"))
	if len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		return FormatJSON
	}
	return FormatYAML
}

func load(data []byte, cfg *loadConfig) (*Register, error) {
	name := cfg.name
	if name == "" {
		name = "<input>"
	}
	format := cfg.format
	switch format {
	case "":
		format = sniffFormat(data)
	case FormatJSON, FormatYAML:
	default:
		return nil, &LoadError{Source: name, Problems: []Problem{{Message: fmt.Sprintf("unknown format %q: expected yaml or json", format)}}}
	}
	doc, tree, err := document.Decode(data, document.Format(format), cfg.limits.decoderLimits())
	if err != nil {
		return nil, decodeFailure(name, err)
	}
	if le := entityLimit(doc, cfg.limits, tree); le != nil {
		return nil, &LoadError{Source: name, Problems: []Problem{{Pointer: le.Pointer, Pos: le.Pos, Message: le.msg}}, Err: le}
	}
	problems, err := schemaProblems(doc, tree)
	if err != nil {
		return nil, fmt.Errorf("rolecall: the embedded register schema does not compile: %w", err)
	}
	problems = append(problems, duplicateIDs(doc, tree)...)
	if len(problems) > 0 {
		sortProblems(problems)
		return nil, &LoadError{Source: name, Problems: problems}
	}
	reg, err := buildRegister(doc)
	if err != nil {
		return nil, &LoadError{Source: name, Problems: []Problem{{Message: err.Error()}}, Err: err}
	}
	reg.source = &source{name: name, tree: tree}
	return reg, nil
}

func decodeFailure(name string, err error) error {
	switch e := err.(type) {
	case *document.SyntaxError:
		return &LoadError{Source: name, Problems: []Problem{{Pointer: e.Pointer, Pos: Pos(e.Pos), Message: e.Msg}}}
	case *document.LimitError:
		le := &LimitError{Limit: e.Limit, Max: e.Max, Found: e.Found, Pos: Pos(e.Pos), Pointer: e.Pointer, msg: e.Msg}
		return &LoadError{Source: name, Problems: []Problem{{Pointer: le.Pointer, Pos: le.Pos, Message: le.msg}}, Err: le}
	}
	return &LoadError{Source: name, Problems: []Problem{{Message: err.Error()}}, Err: err}
}

func entityLimit(doc any, lim Limits, tree *document.Tree) *LimitError {
	top, ok := doc.(map[string]any)
	if !ok {
		return nil
	}
	total := 0
	for _, key := range entityLists {
		list, _ := top[key].([]any)
		total += len(list)
		if total > lim.MaxEntities {
			ptr := "/" + key
			return &LimitError{Limit: "entities", Max: int64(lim.MaxEntities), Found: int64(total), Pointer: ptr, Pos: Pos(tree.Locate(ptr, false)),
				msg: fmt.Sprintf("the register holds more than %d entities, the limit", lim.MaxEntities)}
		}
	}
	return nil
}

// duplicateIDs reports every entity whose id is already used earlier in its list.
func duplicateIDs(doc any, tree *document.Tree) []Problem {
	top, ok := doc.(map[string]any)
	if !ok {
		return nil
	}
	var out []Problem
	for _, key := range entityLists {
		list, _ := top[key].([]any)
		first := make(map[string]int, len(list))
		for i, item := range list {
			obj, _ := item.(map[string]any)
			id, ok := obj["id"].(string)
			if !ok {
				continue
			}
			if j, dup := first[id]; dup {
				ptr := fmt.Sprintf("/%s/%d/id", key, i)
				prev := fmt.Sprintf("/%s/%d", key, j)
				where := prev
				if p := tree.Locate(prev, false); p.Line > 0 {
					where = fmt.Sprintf("%s (line %d)", prev, p.Line)
				}
				out = append(out, Problem{Pointer: ptr, Pos: Pos(tree.Locate(ptr, false)),
					Message: fmt.Sprintf("duplicate id %q: %s already uses it; ids are unique within %s", id, where, key)})
				continue
			}
			first[id] = i
		}
	}
	return out
}

// buildRegister turns a schema-valid document into the typed model.
func buildRegister(doc any) (*Register, error) {
	if top, ok := doc.(map[string]any); ok {
		if _, ok := top["version"].(json.Number); ok {
			// The schema accepts any number equal to 1 (1.0, 1e0, 10e-1); the
			// model holds the integer.
			top["version"] = json.Number("1")
		}
	}
	return modelOf(doc)
}

// source remembers where a register was loaded from.
type source struct {
	name string
	tree *document.Tree
}

// SourceName returns the file name (or the name given with WithSourceName) the
// register was loaded from, "" when it was built in code.
func (r *Register) SourceName() string {
	if r.source == nil {
		return ""
	}
	return r.source.name
}

// Position returns the line and column of the value at the JSON pointer ptr in
// the source the register was loaded from (the closest enclosing value when ptr
// is not in the source), or the zero Pos when the register was built in code.
// Positions describe the source as loaded: they do not follow later changes to
// the Register.
func (r *Register) Position(ptr string) Pos {
	if r.source == nil {
		return Pos{}
	}
	return Pos(r.source.tree.Locate(ptr, false))
}
