package raci

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Pos is a 1-based line and column in a source document. The zero Pos means the
// position is not known.
type Pos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// posNode mirrors a decoded JSON value with the source position of every value
// (and, for object members, of the key).
type posNode struct {
	pos    Pos
	keyPos Pos
	fields map[string]*posNode
	items  []*posNode
}

// locate returns the position of the value at the JSON pointer ptr, or of its
// closest ancestor present in the source. With key set it prefers the position
// of the member's key.
func (n *posNode) locate(ptr string, key bool) Pos {
	if n == nil {
		return Pos{}
	}
	cur := n
	if ptr == "" || ptr == "/" && cur.fields == nil && cur.items == nil {
		return cur.pos
	}
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		var next *posNode
		if cur.fields != nil {
			next = cur.fields[tok]
		} else if cur.items != nil {
			if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(cur.items) {
				next = cur.items[i]
			}
		}
		if next == nil {
			return cur.pos
		}
		cur = next
	}
	if key && cur.keyPos.Line > 0 {
		return cur.keyPos
	}
	return cur.pos
}

// decodeError is a problem found while reading the document itself (syntax,
// duplicate keys, limits), before any schema validation.
type decodeError struct {
	pos Pos
	ptr string
	msg string
}

func (e *decodeError) Error() string { return e.msg }

// Format is a register's source format.
type Format string

// The source formats the loader reads.
const (
	FormatYAML Format = "yaml"
	FormatJSON Format = "json"
)

// decodeDocument reads src as YAML or JSON into plain JSON values (maps,
// slices, strings, json.Number, bools, nil) and the position of every value.
func decodeDocument(src []byte, format Format, lim Limits) (any, *posNode, error) {
	if int64(len(src)) > lim.MaxBytes {
		return nil, nil, &LimitError{Limit: "size", Max: lim.MaxBytes, Found: int64(len(src)),
			msg: fmt.Sprintf("the document is %d bytes, more than the limit of %d bytes", len(src), lim.MaxBytes)}
	}
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, nil, &decodeError{pos: Pos{1, 1}, msg: "the document is empty: expected a register, a mapping with version, organisation, roles and people"}
	}
	if format == FormatJSON {
		d := &jsonDecoder{src: src, line: 1, lim: lim}
		return d.document()
	}
	return decodeYAML(src, lim)
}

// ---- JSON ----

type jsonDecoder struct {
	src       []byte
	i         int
	line      int
	lineStart int
	// colAt and col cache the rune count of the current line up to byte colAt, so
	// that pos costs O(distance moved) rather than O(line length): a minified
	// register is one line, and recounting it for every value was quadratic.
	colAt  int
	col    int
	depth  int
	values int
	lim    Limits
	path   []string
}

func (d *jsonDecoder) pos() Pos {
	if d.colAt < d.lineStart || d.colAt > d.i {
		d.colAt, d.col = d.lineStart, 0
	}
	d.col += utf8.RuneCount(d.src[d.colAt:d.i])
	d.colAt = d.i
	return Pos{Line: d.line, Column: d.col + 1}
}

func (d *jsonDecoder) ptr() string { return pointer(d.path) }

func (d *jsonDecoder) fail(format string, args ...any) error {
	return &decodeError{pos: d.pos(), ptr: d.ptr(), msg: "JSON syntax error: " + fmt.Sprintf(format, args...)}
}

func (d *jsonDecoder) skipSpace() {
	for d.i < len(d.src) {
		switch d.src[d.i] {
		case '\n':
			d.line++
			d.i++
			d.lineStart = d.i
		case ' ', '\t', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *jsonDecoder) document() (any, *posNode, error) {
	if bytes.HasPrefix(d.src, []byte("\xef\xbb\xbf")) {
		d.i = 3
		d.lineStart = 3
	}
	v, n, err := d.value()
	if err != nil {
		return nil, nil, err
	}
	d.skipSpace()
	if d.i < len(d.src) {
		return nil, nil, d.fail("unexpected %q after the end of the document", d.src[d.i])
	}
	return v, n, nil
}

func (d *jsonDecoder) value() (any, *posNode, error) {
	d.skipSpace()
	if d.i >= len(d.src) {
		return nil, nil, d.fail("unexpected end of the document: expected a value")
	}
	d.values++
	if d.values > d.lim.MaxValues {
		return nil, nil, &LimitError{Limit: "values", Max: int64(d.lim.MaxValues), Found: int64(d.values), Pos: d.pos(), Pointer: d.ptr(),
			msg: fmt.Sprintf("the document holds more than %d values, the limit", d.lim.MaxValues)}
	}
	node := &posNode{pos: d.pos()}
	switch c := d.src[d.i]; {
	case c == '{':
		v, err := d.object(node)
		return v, node, err
	case c == '[':
		v, err := d.array(node)
		return v, node, err
	case c == '"':
		s, err := d.str()
		return s, node, err
	case c == 't':
		return true, node, d.literal("true")
	case c == 'f':
		return false, node, d.literal("false")
	case c == 'n':
		return nil, node, d.literal("null")
	case c == '-' || c >= '0' && c <= '9':
		num, err := d.number()
		return num, node, err
	default:
		return nil, nil, d.fail("unexpected %q: expected a value", c)
	}
}

func (d *jsonDecoder) enter() error {
	d.depth++
	if d.depth > d.lim.MaxDepth {
		return &LimitError{Limit: "depth", Max: int64(d.lim.MaxDepth), Found: int64(d.depth), Pos: d.pos(), Pointer: d.ptr(),
			msg: fmt.Sprintf("values are nested more than %d deep, the limit", d.lim.MaxDepth)}
	}
	return nil
}

func (d *jsonDecoder) object(node *posNode) (any, error) {
	if err := d.enter(); err != nil {
		return nil, err
	}
	defer func() { d.depth-- }()
	d.i++ // {
	obj := map[string]any{}
	node.fields = map[string]*posNode{}
	d.skipSpace()
	if d.i < len(d.src) && d.src[d.i] == '}' {
		d.i++
		return obj, nil
	}
	for {
		d.skipSpace()
		if d.i >= len(d.src) || d.src[d.i] != '"' {
			return nil, d.fail("expected a quoted key")
		}
		keyPos := d.pos()
		key, err := d.str()
		if err != nil {
			return nil, err
		}
		if prev, dup := node.fields[key]; dup {
			d.path = append(d.path, key)
			err := &decodeError{pos: keyPos, ptr: d.ptr(), msg: fmt.Sprintf("duplicate key %q: it is already set on line %d", key, prev.keyPos.Line)}
			return nil, err
		}
		d.skipSpace()
		if d.i >= len(d.src) || d.src[d.i] != ':' {
			return nil, d.fail("expected ':' after key %q", key)
		}
		d.i++
		d.path = append(d.path, key)
		v, child, err := d.value()
		if err != nil {
			return nil, err
		}
		d.path = d.path[:len(d.path)-1]
		child.keyPos = keyPos
		obj[key] = v
		node.fields[key] = child
		d.skipSpace()
		if d.i >= len(d.src) {
			return nil, d.fail("unexpected end of the document: expected ',' or '}'")
		}
		switch d.src[d.i] {
		case ',':
			d.i++
		case '}':
			d.i++
			return obj, nil
		default:
			return nil, d.fail("unexpected %q: expected ',' or '}'", d.src[d.i])
		}
	}
}

func (d *jsonDecoder) array(node *posNode) (any, error) {
	if err := d.enter(); err != nil {
		return nil, err
	}
	defer func() { d.depth-- }()
	d.i++ // [
	arr := []any{}
	node.items = []*posNode{}
	d.skipSpace()
	if d.i < len(d.src) && d.src[d.i] == ']' {
		d.i++
		return arr, nil
	}
	for {
		d.path = append(d.path, strconv.Itoa(len(arr)))
		v, child, err := d.value()
		if err != nil {
			return nil, err
		}
		d.path = d.path[:len(d.path)-1]
		arr = append(arr, v)
		node.items = append(node.items, child)
		d.skipSpace()
		if d.i >= len(d.src) {
			return nil, d.fail("unexpected end of the document: expected ',' or ']'")
		}
		switch d.src[d.i] {
		case ',':
			d.i++
		case ']':
			d.i++
			return arr, nil
		default:
			return nil, d.fail("unexpected %q: expected ',' or ']'", d.src[d.i])
		}
	}
}

func (d *jsonDecoder) str() (string, error) {
	start := d.i
	d.i++ // opening quote
	escaped := false
	for d.i < len(d.src) {
		c := d.src[d.i]
		switch {
		case c == '"':
			d.i++
			raw := d.src[start:d.i]
			if !escaped {
				if !utf8.Valid(raw) {
					d.i = start
					return "", d.fail("the string is not valid UTF-8")
				}
				return string(raw[1 : len(raw)-1]), nil
			}
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				d.i = start
				return "", d.fail("invalid escape in string: %v", err)
			}
			if !utf8.Valid(raw) {
				d.i = start
				return "", d.fail("the string is not valid UTF-8")
			}
			return s, nil
		case c == '\\':
			escaped = true
			d.i += 2
		case c < 0x20:
			return "", d.fail("control character %#x in a string (a line break must be written \\n)", c)
		default:
			d.i++
		}
	}
	d.i = start
	return "", d.fail("unterminated string")
}

func (d *jsonDecoder) literal(word string) error {
	if !bytes.HasPrefix(d.src[d.i:], []byte(word)) {
		return d.fail("unexpected %q: expected a value", d.src[d.i])
	}
	d.i += len(word)
	return nil
}

func (d *jsonDecoder) number() (json.Number, error) {
	start := d.i
	if d.src[d.i] == '-' {
		d.i++
	}
	digits := func() int {
		n := 0
		for d.i < len(d.src) && d.src[d.i] >= '0' && d.src[d.i] <= '9' {
			d.i++
			n++
		}
		return n
	}
	if d.i < len(d.src) && d.src[d.i] == '0' {
		d.i++
	} else if digits() == 0 {
		return "", d.fail("invalid number")
	}
	if d.i < len(d.src) && d.src[d.i] == '.' {
		d.i++
		if digits() == 0 {
			return "", d.fail("invalid number: expected digits after '.'")
		}
	}
	if d.i < len(d.src) && (d.src[d.i] == 'e' || d.src[d.i] == 'E') {
		d.i++
		if d.i < len(d.src) && (d.src[d.i] == '+' || d.src[d.i] == '-') {
			d.i++
		}
		if digits() == 0 {
			return "", d.fail("invalid number: expected digits in the exponent")
		}
	}
	return json.Number(d.src[start:d.i]), nil
}

// ---- YAML ----

type yamlConverter struct {
	lim     Limits
	values  int
	aliased int
	path    []string
}

func decodeYAML(src []byte, lim Limits) (any, *posNode, error) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			// Only comments or blank lines.
			return nil, nil, &decodeError{pos: Pos{1, 1}, msg: "the document is empty: expected a register, a mapping with version, organisation, roles and people"}
		}
		return nil, nil, yamlSyntaxError(err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, nil, &decodeError{pos: Pos{extra.Line, extra.Column}, msg: "the file holds more than one YAML document: a register is one document"}
	} else if err.Error() != "EOF" {
		return nil, nil, yamlSyntaxError(err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, nil, &decodeError{pos: Pos{1, 1}, msg: "the document is empty: expected a register, a mapping with version, organisation, roles and people"}
	}
	c := &yamlConverter{lim: lim}
	return c.convert(doc.Content[0], 0)
}

func yamlSyntaxError(err error) error {
	msg := err.Error()
	pos := Pos{}
	// go.yaml.in/yaml/v3 reports "yaml: line N: ..." for syntax errors.
	rest := strings.TrimPrefix(msg, "yaml: ")
	if strings.HasPrefix(rest, "line ") {
		num := strings.TrimPrefix(rest, "line ")
		if i := strings.Index(num, ":"); i > 0 {
			if n, e := strconv.Atoi(num[:i]); e == nil {
				pos.Line = n
				rest = strings.TrimSpace(num[i+1:])
			}
		}
	}
	switch {
	case pos.Line == 0 && !strings.Contains(rest, "EOF"):
		// go.yaml.in/yaml/v3 leaves the line out when the problem is on the first line.
		pos.Line = 1
	case pos.Line > 0 && isYAMLParserProblem(rest):
		// For parser (not scanner) errors go.yaml.in/yaml/v3 prints the 0-based line
		// of the construct being parsed: make it 1-based.
		pos.Line++
	}
	return &decodeError{pos: pos, msg: "YAML syntax error: " + rest}
}

// yamlParserProblems are the problems go.yaml.in/yaml/v3's parser (as opposed to
// its scanner) reports; their line numbers are 0-based.
var yamlParserProblems = []string{
	"did not find expected ',' or ']'", "did not find expected ',' or '}'", "did not find expected '-' indicator",
	"did not find expected <document start>", "did not find expected key", "did not find expected node content",
	"found duplicate %TAG directive", "found duplicate %YAML directive", "found incompatible YAML document", "found undefined tag handle",
}

func isYAMLParserProblem(msg string) bool {
	for _, p := range yamlParserProblems {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

func (c *yamlConverter) fail(n *yaml.Node, format string, args ...any) error {
	return &decodeError{pos: Pos{n.Line, n.Column}, ptr: pointer(c.path), msg: fmt.Sprintf(format, args...)}
}

func (c *yamlConverter) convert(n *yaml.Node, depth int) (any, *posNode, error) {
	c.values++
	if c.values > c.lim.MaxValues {
		return nil, nil, &LimitError{Limit: "values", Max: int64(c.lim.MaxValues), Found: int64(c.values), Pos: Pos{n.Line, n.Column}, Pointer: pointer(c.path),
			msg: fmt.Sprintf("the document holds more than %d values, the limit", c.lim.MaxValues)}
	}
	if depth >= c.lim.MaxDepth && (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) {
		return nil, nil, &LimitError{Limit: "depth", Max: int64(c.lim.MaxDepth), Found: int64(depth + 1), Pos: Pos{n.Line, n.Column}, Pointer: pointer(c.path),
			msg: fmt.Sprintf("values are nested more than %d deep, the limit", c.lim.MaxDepth)}
	}
	node := &posNode{pos: Pos{n.Line, n.Column}}
	if n.Kind != yaml.AliasNode && strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
		return nil, nil, c.fail(n, "custom YAML tag %s is not supported: write the plain value", n.Tag)
	}
	switch n.Kind {
	case yaml.AliasNode:
		size := countNodes(n.Alias, c.lim.MaxAliasExpansion+1)
		c.aliased += size
		if c.aliased > c.lim.MaxAliasExpansion {
			return nil, nil, &LimitError{Limit: "aliases", Max: int64(c.lim.MaxAliasExpansion), Found: int64(c.aliased), Pos: node.pos, Pointer: pointer(c.path),
				msg: fmt.Sprintf("YAML aliases expand to more than %d values, the limit (an alias bomb?)", c.lim.MaxAliasExpansion)}
		}
		v, inner, err := c.convert(n.Alias, depth)
		if err != nil {
			return nil, nil, err
		}
		inner.pos = node.pos
		return v, inner, nil
	case yaml.MappingNode:
		if t := n.ShortTag(); t != "!!map" {
			return nil, nil, c.fail(n, "YAML tag %s is not supported: write a plain mapping", t)
		}
		obj := make(map[string]any, len(n.Content)/2)
		node.fields = make(map[string]*posNode, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return nil, nil, c.fail(k, "a mapping key must be a plain string, found a %s", kindName(k))
			}
			if k.ShortTag() == "!!merge" {
				return nil, nil, c.fail(k, "YAML merge keys (<<) are not supported: write the keys out")
			}
			key := k.Value
			if prev, dup := node.fields[key]; dup {
				c.path = append(c.path, key)
				err := c.fail(k, "duplicate key %q: it is already set on line %d", key, prev.keyPos.Line)
				return nil, nil, err
			}
			c.path = append(c.path, key)
			val, child, err := c.convert(v, depth+1)
			if err != nil {
				return nil, nil, err
			}
			c.path = c.path[:len(c.path)-1]
			child.keyPos = Pos{k.Line, k.Column}
			obj[key] = val
			node.fields[key] = child
		}
		return obj, node, nil
	case yaml.SequenceNode:
		arr := make([]any, 0, len(n.Content))
		node.items = make([]*posNode, 0, len(n.Content))
		for i, item := range n.Content {
			c.path = append(c.path, strconv.Itoa(i))
			val, child, err := c.convert(item, depth+1)
			if err != nil {
				return nil, nil, err
			}
			c.path = c.path[:len(c.path)-1]
			arr = append(arr, val)
			node.items = append(node.items, child)
		}
		return arr, node, nil
	case yaml.ScalarNode:
		v, err := c.scalar(n)
		return v, node, err
	}
	return nil, nil, c.fail(n, "unsupported YAML node")
}

func (c *yamlConverter) scalar(n *yaml.Node) (any, error) {
	switch n.ShortTag() {
	case "!!str", "!!timestamp":
		// Timestamps stay the string written: dates are YYYY-MM-DD strings.
		return n.Value, nil
	case "!!null":
		return nil, nil
	case "!!bool":
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err != nil {
			return nil, c.fail(n, "%q is not a boolean: write true or false", n.Value)
		}
		return b, nil
	case "!!int":
		if isJSONNumber(n.Value) {
			return json.Number(n.Value), nil
		}
		i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
		if err != nil {
			return nil, c.fail(n, "%q is not an integer JSON can hold", n.Value)
		}
		return json.Number(strconv.FormatInt(i, 10)), nil
	case "!!float":
		if isJSONNumber(n.Value) {
			return json.Number(n.Value), nil
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, c.fail(n, "%q is not a number JSON can hold (no .inf or .nan)", n.Value)
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64)), nil
	default:
		return nil, c.fail(n, "YAML tag %s is not supported: write a string, number, boolean, list or mapping", n.Tag)
	}
}

func countNodes(n *yaml.Node, limit int) int {
	count := 1
	for _, ch := range n.Content {
		if count > limit {
			return count
		}
		count += countNodes(ch, limit-count)
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		count += countNodes(n.Alias, limit-count)
	}
	return count
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "alias"
	}
	return "value"
}

func isJSONNumber(s string) bool {
	d := &jsonDecoder{src: []byte(s), line: 1}
	if len(s) == 0 || !(s[0] == '-' || s[0] >= '0' && s[0] <= '9') {
		return false
	}
	_, err := d.number()
	return err == nil && d.i == len(s)
}

// pointer joins path tokens into a JSON pointer.
func pointer(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1"))
	}
	return b.String()
}
