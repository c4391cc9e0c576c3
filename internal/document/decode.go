package document

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Pos is a 1-based line and column in a source document. The zero Pos means the
// position is not known.
type Pos struct {
	Line   int
	Column int
}

// Tree mirrors a decoded JSON value with the source position of every value
// (and, for object members, of the key). A register keeps its tree for as long as
// it lives (findings name source lines), so the tree is compact: positions are
// int32, the children of a list or mapping are values in one slice, and a mapping
// keeps its member names beside them (a Go map per mapping made the tree most of a
// large register's memory).
type Tree struct {
	line, col       int32
	keyLine, keyCol int32
	kids            *posKids // nil for a scalar
}

// posKids are the children of a list or a mapping.
type posKids struct {
	nodes []Tree
	// keys are a mapping's member names, parallel to nodes; nil for a list.
	keys []string
	// index finds a member of a mapping with many members; nil otherwise.
	index map[string]int
}

// manyMembers is the size from which a mapping's members are found through a map
// rather than by scanning the names (also while decoding, to reject duplicates).
const manyMembers = 16

func pos32(v int) int32 { return int32(min(v, math.MaxInt32)) }

func newTree(p Pos) Tree { return Tree{line: pos32(p.Line), col: pos32(p.Column)} }

func (n *Tree) pos() Pos    { return Pos{Line: int(n.line), Column: int(n.col)} }
func (n *Tree) keyPos() Pos { return Pos{Line: int(n.keyLine), Column: int(n.keyCol)} }

func (n *Tree) setKeyPos(p Pos) { n.keyLine, n.keyCol = pos32(p.Line), pos32(p.Column) }

// member returns the index of the mapping member named key, or -1.
func (k *posKids) member(key string) int {
	if k.index != nil {
		if i, ok := k.index[key]; ok {
			return i
		}
		return -1
	}
	for i, name := range k.keys {
		if name == key {
			return i
		}
	}
	return -1
}

// addMember appends a mapping member (the caller has checked it is new).
func (k *posKids) addMember(key string, n Tree) {
	k.keys = append(k.keys, key)
	k.nodes = append(k.nodes, n)
	if k.index != nil {
		k.index[key] = len(k.keys) - 1
	} else if len(k.keys) > manyMembers {
		k.index = make(map[string]int, 2*len(k.keys))
		for i, name := range k.keys {
			k.index[name] = i
		}
	}
}

// child returns the child named by a JSON pointer token, or nil.
func (n *Tree) child(tok string) *Tree {
	k := n.kids
	if k == nil {
		return nil
	}
	if k.keys != nil {
		if i := k.member(tok); i >= 0 {
			return &k.nodes[i]
		}
		return nil
	}
	if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(k.nodes) {
		return &k.nodes[i]
	}
	return nil
}

// Locate returns the position of the value at the JSON pointer ptr, or of its
// closest ancestor present in the source. With key set it prefers the position
// of the member's key.
func (n *Tree) Locate(ptr string, key bool) Pos {
	if n == nil {
		return Pos{}
	}
	cur := n
	if ptr == "" || ptr == "/" && cur.kids == nil {
		return cur.pos()
	}
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		next := cur.child(tok)
		if next == nil {
			return cur.pos()
		}
		cur = next
	}
	if key && cur.keyLine > 0 {
		return cur.keyPos()
	}
	return cur.pos()
}

// SyntaxError is a problem found while reading the document itself (syntax,
// duplicate keys, encoding), before any schema validation.
type SyntaxError struct {
	// Pos and Pointer locate the problem, as far as it is known.
	Pos     Pos
	Pointer string
	// Msg says what was expected and what was found.
	Msg string
}

func (e *SyntaxError) Error() string { return e.Msg }

// LimitError says that the document exceeds one of its Limits.
type LimitError struct {
	// Limit names the limit: "size", "depth", "values" or "aliases".
	Limit string
	// Max is the limit and Found what was found (at least).
	Max, Found int64
	// Pos and Pointer locate where the limit was crossed, when known.
	Pos     Pos
	Pointer string
	// Msg says which limit was crossed.
	Msg string
}

func (e *LimitError) Error() string { return e.Msg }

// Unwrap returns ErrLimit.
func (e *LimitError) Unwrap() error { return ErrLimit }

// ErrLimit is wrapped by every *LimitError: the input exceeds a limit. Package
// raci re-exports it.
var ErrLimit = errors.New("input limit exceeded")

// Limits bounds what Decode accepts.
type Limits struct {
	// MaxBytes is the largest document, in bytes.
	MaxBytes int64
	// MaxDepth is the deepest nesting of lists and mappings.
	MaxDepth int
	// MaxValues is the largest number of values in the document.
	MaxValues int
	// MaxAliasExpansion is the largest number of values YAML aliases may expand to.
	MaxAliasExpansion int
}

// Format is a document's source format.
type Format string

// The source formats Decode reads.
const (
	FormatYAML Format = "yaml"
	FormatJSON Format = "json"
)

// Decode reads src as YAML or JSON into plain JSON values (maps,
// slices, strings, json.Number, bools, nil) and the position of every value.
func Decode(src []byte, format Format, lim Limits) (any, *Tree, error) {
	if int64(len(src)) > lim.MaxBytes {
		return nil, nil, &LimitError{Limit: "size", Max: lim.MaxBytes, Found: int64(len(src)),
			Msg: fmt.Sprintf("the document is %d bytes, more than the limit of %d bytes", len(src), lim.MaxBytes)}
	}
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, nil, &SyntaxError{Pos: Pos{1, 1}, Msg: "the document is empty: expected a register, a mapping with version, organisation, roles and people"}
	}
	if format == FormatJSON {
		d := &jsonDecoder{src: src, line: 1, lim: lim}
		return d.document()
	}
	return decodeYAML(src, lim)
}

// ---- JSON ----

// member returns the index among the members gathered from base on the stacks of
// the mapping member named key, or -1.
func (d *jsonDecoder) member(base int, kids *posKids, key string) int {
	if kids.index != nil {
		if i, ok := kids.index[key]; ok {
			return i
		}
		return -1
	}
	for i, name := range d.keys[base:] {
		if name == key {
			return i
		}
	}
	return -1
}

type jsonDecoder struct {
	src       []byte
	i         int
	line      int
	lineStart int
	// colAt and col cache the rune count of the current line up to byte colAt, so
	// that pos costs O(distance moved) rather than O(line length): a minified
	// register is one line, and recounting it for every value would be quadratic.
	colAt  int
	col    int
	depth  int
	values int
	lim    Limits
	path   []string
	// nodes and keys are stacks of the children of the containers being decoded:
	// a container's children are gathered on top and copied out at its end into
	// slices of exactly their size, the ones the tree keeps.
	nodes []Tree
	keys  []string
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
	return &SyntaxError{Pos: d.pos(), Pointer: d.ptr(), Msg: "JSON syntax error: " + fmt.Sprintf(format, args...)}
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

func (d *jsonDecoder) document() (any, *Tree, error) {
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
	return v, &n, nil
}

func (d *jsonDecoder) value() (any, Tree, error) {
	d.skipSpace()
	if d.i >= len(d.src) {
		return nil, Tree{}, d.fail("unexpected end of the document: expected a value")
	}
	d.values++
	if d.values > d.lim.MaxValues {
		return nil, Tree{}, &LimitError{Limit: "values", Max: int64(d.lim.MaxValues), Found: int64(d.values), Pos: d.pos(), Pointer: d.ptr(),
			Msg: fmt.Sprintf("the document holds more than %d values, the limit", d.lim.MaxValues)}
	}
	node := newTree(d.pos())
	switch c := d.src[d.i]; {
	case c == '{':
		v, err := d.object(&node)
		return v, node, err
	case c == '[':
		v, err := d.array(&node)
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
		return nil, Tree{}, d.fail("unexpected %q: expected a value", c)
	}
}

func (d *jsonDecoder) enter() error {
	d.depth++
	if d.depth > d.lim.MaxDepth {
		return &LimitError{Limit: "depth", Max: int64(d.lim.MaxDepth), Found: int64(d.depth), Pos: d.pos(), Pointer: d.ptr(),
			Msg: fmt.Sprintf("values are nested more than %d deep, the limit", d.lim.MaxDepth)}
	}
	return nil
}

func (d *jsonDecoder) object(node *Tree) (any, error) {
	if err := d.enter(); err != nil {
		return nil, err
	}
	defer func() { d.depth-- }()
	d.i++ // {
	obj := map[string]any{}
	kids := &posKids{}
	node.kids = kids
	base, keyBase := len(d.nodes), len(d.keys)
	// done moves the members gathered on the stacks into the tree.
	done := func() {
		kids.nodes = append([]Tree(nil), d.nodes[base:]...)
		kids.keys = append(make([]string, 0, len(d.keys)-keyBase), d.keys[keyBase:]...)
		d.nodes, d.keys = d.nodes[:base], d.keys[:keyBase]
	}
	d.skipSpace()
	if d.i < len(d.src) && d.src[d.i] == '}' {
		d.i++
		done()
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
		if j := d.member(keyBase, kids, key); j >= 0 {
			d.path = append(d.path, key)
			err := &SyntaxError{Pos: keyPos, Pointer: d.ptr(), Msg: fmt.Sprintf("duplicate key %q: it is already set on line %d", key, d.nodes[base+j].keyLine)}
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
		child.setKeyPos(keyPos)
		obj[key] = v
		d.keys = append(d.keys, key)
		d.nodes = append(d.nodes, child)
		if kids.index != nil {
			kids.index[key] = len(d.keys) - 1 - keyBase
		} else if len(d.keys)-keyBase > manyMembers {
			kids.index = make(map[string]int, 2*(len(d.keys)-keyBase))
			for i, name := range d.keys[keyBase:] {
				kids.index[name] = i
			}
		}
		d.skipSpace()
		if d.i >= len(d.src) {
			return nil, d.fail("unexpected end of the document: expected ',' or '}'")
		}
		switch d.src[d.i] {
		case ',':
			d.i++
		case '}':
			d.i++
			done()
			return obj, nil
		default:
			return nil, d.fail("unexpected %q: expected ',' or '}'", d.src[d.i])
		}
	}
}

func (d *jsonDecoder) array(node *Tree) (any, error) {
	if err := d.enter(); err != nil {
		return nil, err
	}
	defer func() { d.depth-- }()
	d.i++ // [
	arr := []any{}
	kids := &posKids{}
	node.kids = kids
	base := len(d.nodes)
	done := func() {
		kids.nodes = append([]Tree(nil), d.nodes[base:]...)
		d.nodes = d.nodes[:base]
	}
	d.skipSpace()
	if d.i < len(d.src) && d.src[d.i] == ']' {
		d.i++
		done()
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
		d.nodes = append(d.nodes, child)
		d.skipSpace()
		if d.i >= len(d.src) {
			return nil, d.fail("unexpected end of the document: expected ',' or ']'")
		}
		switch d.src[d.i] {
		case ',':
			d.i++
		case ']':
			d.i++
			done()
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
	num := d.src[start:d.i]
	if msg := numberRangeProblem(string(num)); msg != "" {
		d.i = start
		return "", &SyntaxError{Pos: d.pos(), Pointer: d.ptr(), Msg: msg}
	}
	return json.Number(num), nil
}

// numberRangeProblem says why the JSON number s cannot be evaluated, or returns
// "". The rules evaluate numbers whose binary exponent is within ±100,000
// (OPA's bound, about 1e±30,000); 1e100000 used to pass validation and fail
// the check, so both refuse it now.
func numberRangeProblem(s string) string {
	i := strings.IndexAny(s, "eE")
	if i < 0 {
		// Without an exponent, the digits bound the number: the size limit
		// bounds the digits.
		return ""
	}
	if exp, err := strconv.Atoi(s[i+1:]); err == nil && i+max(exp, -exp) <= maxNumberExp/4 {
		return "" // each decimal digit is under 4 bits: certainly in range
	}
	f, ok := new(big.Float).SetString(s)
	if _, err := strconv.Atoi(s[i+1:]); err != nil || !ok {
		// An exponent that does not fit an int (the decoder checked the
		// syntax): OPA refuses it even on a zero.
		if strings.HasPrefix(s[i+1:], "-") {
			return fmt.Sprintf("the number %.40s is too small to evaluate: write 0, or keep it above 1e-30000", s)
		}
		return fmt.Sprintf("the number %.40s is too large to evaluate: write it as a string, or keep it below 1e30000", s)
	}
	if exp := f.MantExp(nil); f.IsInf() || exp > maxNumberExp {
		return fmt.Sprintf("the number %.40s is too large to evaluate: write it as a string, or keep it below 1e30000", s)
	} else if exp < -maxNumberExp {
		return fmt.Sprintf("the number %.40s is too small to evaluate: write 0, or keep it above 1e-30000", s)
	}
	return ""
}

// maxNumberExp bounds the binary exponent of a number (as OPA does).
const maxNumberExp = 100_000

// ---- YAML ----

type yamlConverter struct {
	lim     Limits
	values  int
	aliased int
	path    []string
	// anchored counts the anchored nodes being converted: an alias may convert
	// an anchored subtree again, so it is kept whole.
	anchored int
}

func decodeYAML(src []byte, lim Limits) (any, *Tree, error) {
	if utf8Src, isUTF16, err := utf16ToUTF8(src); isUTF16 {
		// YAML allows UTF-16 with a byte order mark. The parser would transcode
		// it itself; doing it here first lets line counting see the same text.
		if err != nil {
			return nil, nil, err
		}
		src = utf8Src
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			// Only comments or blank lines.
			return nil, nil, &SyntaxError{Pos: Pos{1, 1}, Msg: "the document is empty: expected a register, a mapping with version, organisation, roles and people"}
		}
		return nil, nil, yamlDecodeError(err, src, lim)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, nil, &SyntaxError{Pos: Pos{extra.Line, extra.Column}, Msg: "the file holds more than one YAML document: a register is one document"}
	} else if err.Error() != "EOF" {
		return nil, nil, yamlDecodeError(err, src, lim)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, nil, &SyntaxError{Pos: Pos{1, 1}, Msg: "the document is empty: expected a register, a mapping with version, organisation, roles and people"}
	}
	if top := doc.Content[0]; top.Kind == yaml.ScalarNode && top.ShortTag() == "!!null" && top.Value == "" {
		// Only a document marker ("---") and comments.
		return nil, nil, &SyntaxError{Pos: Pos{1, 1}, Msg: "the document is empty: expected a register, a mapping with version, organisation, roles and people"}
	}
	c := &yamlConverter{lim: lim}
	v, n, err := c.convert(doc.Content[0], 0)
	if err != nil {
		return nil, nil, err
	}
	return v, &n, nil
}

// yamlMaxDepth is the deepest nesting the YAML parser itself accepts.
const yamlMaxDepth = 10000

// yamlDecodeError reports an error of the YAML parser: its own depth limit
// (hit before the converter can apply MaxDepth) as the depth limit, as for
// JSON, anything else as a syntax error.
func yamlDecodeError(err error, src []byte, lim Limits) error {
	se := yamlSyntaxError(err).(*SyntaxError)
	if last := yamlLines(src); se.Pos.Line > last {
		// At the end of the input the parser can name the line after the last.
		se.Pos = Pos{Line: last}
	}
	se = locateIndentation(src, se) // yamlerr.go
	if !strings.Contains(err.Error(), "exceeded max depth of") {
		return se
	}
	max := min(lim.MaxDepth, yamlMaxDepth)
	return &LimitError{Limit: "depth", Max: int64(max), Found: yamlMaxDepth + 1, Pos: se.Pos,
		Msg: fmt.Sprintf("values are nested more than %d deep, the limit", max)}
}

// utf16ToUTF8 transcodes src to UTF-8 when it starts with a UTF-16 byte order
// mark (the mark is kept, as UTF-8, for the parser to skip); isUTF16 reports
// whether it did. Odd lengths and unpaired surrogates are errors naming the
// line where they occur: nothing is silently replaced.
func utf16ToUTF8(src []byte) (out []byte, isUTF16 bool, err error) {
	var big bool
	switch {
	case bytes.HasPrefix(src, []byte{0xfe, 0xff}):
		big = true
	case bytes.HasPrefix(src, []byte{0xff, 0xfe}):
	default:
		return nil, false, nil
	}
	unit := func(i int) rune {
		if big {
			return rune(src[i])<<8 | rune(src[i+1])
		}
		return rune(src[i+1])<<8 | rune(src[i])
	}
	out = make([]byte, 0, len(src))
	line := 1
	for i := 0; i < len(src); i += 2 {
		if i+1 >= len(src) {
			return nil, true, &SyntaxError{Pos: Pos{Line: line}, Msg: "the UTF-16 text ends in the middle of a character (an odd number of bytes)"}
		}
		r := unit(i)
		switch {
		case utf16.IsSurrogate(r) && r < 0xdc00 && i+3 < len(src):
			r2 := unit(i + 2)
			if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
				r = d
				i += 2
				break
			}
			fallthrough
		case utf16.IsSurrogate(r):
			return nil, true, &SyntaxError{Pos: Pos{Line: line}, Msg: fmt.Sprintf("invalid UTF-16: an unpaired surrogate U+%04X", r)}
		}
		switch r {
		case '\n', '\u0085', '\u2028', '\u2029':
			line++
		case '\r':
			if i+3 >= len(src) || unit(i+2) != '\n' {
				line++
			}
		}
		out = utf8.AppendRune(out, r)
	}
	return out, true, nil
}

// yamlLines counts the lines of src as YAML does: CR LF, CR, LF, NEL, LS and PS
// each end a line.
func yamlLines(src []byte) int {
	n := 1
	for i := 0; i < len(src); i++ {
		switch {
		case src[i] == '\n':
			n++
		case src[i] == '\r':
			if i+1 >= len(src) || src[i+1] != '\n' {
				n++
			}
		case src[i] == 0xc2 && i+1 < len(src) && src[i+1] == 0x85, // NEL
			src[i] == 0xe2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xa8 || src[i+2] == 0xa9): // LS, PS
			n++
		}
	}
	return n
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
	return &SyntaxError{Pos: pos, Msg: "YAML syntax error: " + rest}
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
	return &SyntaxError{Pos: Pos{n.Line, n.Column}, Pointer: pointer(c.path), Msg: fmt.Sprintf(format, args...)}
}

// convert turns the YAML node n into a JSON value and its positions. It
// releases the nodes it has converted (outside anchored subtrees), so that the
// parser's node tree, several times the size of the document, becomes garbage
// as the values are built instead of living beside all of them.
func (c *yamlConverter) convert(n *yaml.Node, depth int) (any, Tree, error) {
	if n.Anchor == "" {
		return c.convertNode(n, depth)
	}
	c.anchored++
	v, p, err := c.convertNode(n, depth)
	c.anchored--
	return v, p, err
}

func (c *yamlConverter) convertNode(n *yaml.Node, depth int) (any, Tree, error) {
	c.values++
	if c.values > c.lim.MaxValues {
		return nil, Tree{}, &LimitError{Limit: "values", Max: int64(c.lim.MaxValues), Found: int64(c.values), Pos: Pos{n.Line, n.Column}, Pointer: pointer(c.path),
			Msg: fmt.Sprintf("the document holds more than %d values, the limit", c.lim.MaxValues)}
	}
	if depth >= c.lim.MaxDepth && (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) {
		return nil, Tree{}, &LimitError{Limit: "depth", Max: int64(c.lim.MaxDepth), Found: int64(depth + 1), Pos: Pos{n.Line, n.Column}, Pointer: pointer(c.path),
			Msg: fmt.Sprintf("values are nested more than %d deep, the limit", c.lim.MaxDepth)}
	}
	node := newTree(Pos{n.Line, n.Column})
	if n.Kind != yaml.AliasNode && strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
		return nil, Tree{}, c.fail(n, "custom YAML tag %s is not supported: write the plain value", n.Tag)
	}
	switch n.Kind {
	case yaml.AliasNode:
		size := countNodes(n.Alias, c.lim.MaxAliasExpansion+1)
		c.aliased += size
		if c.aliased > c.lim.MaxAliasExpansion {
			return nil, Tree{}, &LimitError{Limit: "aliases", Max: int64(c.lim.MaxAliasExpansion), Found: int64(c.aliased), Pos: node.pos(), Pointer: pointer(c.path),
				Msg: fmt.Sprintf("YAML aliases expand to more than %d values, the limit (an alias bomb?)", c.lim.MaxAliasExpansion)}
		}
		v, inner, err := c.convert(n.Alias, depth)
		if err != nil {
			return nil, Tree{}, err
		}
		inner.line, inner.col = node.line, node.col
		return v, inner, nil
	case yaml.MappingNode:
		if t := n.ShortTag(); t != "!!map" {
			return nil, Tree{}, c.fail(n, "YAML tag %s is not supported: write a plain mapping", t)
		}
		obj := make(map[string]any, len(n.Content)/2)
		kids := &posKids{keys: make([]string, 0, len(n.Content)/2), nodes: make([]Tree, 0, len(n.Content)/2)}
		node.kids = kids
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return nil, Tree{}, c.fail(k, "a mapping key must be a plain string, found a %s", kindName(k))
			}
			if k.ShortTag() == "!!merge" {
				return nil, Tree{}, c.fail(k, "YAML merge keys (<<) are not supported: write the keys out")
			}
			key := k.Value
			if j := kids.member(key); j >= 0 {
				c.path = append(c.path, key)
				err := c.fail(k, "duplicate key %q: it is already set on line %d", key, kids.nodes[j].keyLine)
				return nil, Tree{}, err
			}
			c.path = append(c.path, key)
			val, child, err := c.convert(v, depth+1)
			if err != nil {
				return nil, Tree{}, err
			}
			c.path = c.path[:len(c.path)-1]
			child.setKeyPos(Pos{k.Line, k.Column})
			obj[key] = val
			kids.addMember(key, child)
			if c.anchored == 0 {
				n.Content[i], n.Content[i+1] = nil, nil
			}
		}
		return obj, node, nil
	case yaml.SequenceNode:
		arr := make([]any, 0, len(n.Content))
		kids := &posKids{nodes: make([]Tree, 0, len(n.Content))}
		node.kids = kids
		for i, item := range n.Content {
			c.path = append(c.path, strconv.Itoa(i))
			val, child, err := c.convert(item, depth+1)
			if err != nil {
				return nil, Tree{}, err
			}
			c.path = c.path[:len(c.path)-1]
			arr = append(arr, val)
			kids.nodes = append(kids.nodes, child)
			if c.anchored == 0 {
				n.Content[i] = nil
			}
		}
		return arr, node, nil
	case yaml.ScalarNode:
		v, err := c.scalar(n)
		return v, node, err
	}
	return nil, Tree{}, c.fail(n, "unsupported YAML node")
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
			if msg := numberRangeProblem(n.Value); msg != "" {
				return nil, c.fail(n, "%s", msg)
			}
			return json.Number(n.Value), nil
		}
		i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
		if err != nil {
			return nil, c.fail(n, "%q is not an integer JSON can hold", n.Value)
		}
		return json.Number(strconv.FormatInt(i, 10)), nil
	case "!!float":
		if isJSONNumber(n.Value) {
			if msg := numberRangeProblem(n.Value); msg != "" {
				return nil, c.fail(n, "%s", msg)
			}
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
