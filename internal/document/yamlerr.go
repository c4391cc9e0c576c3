package document

import (
	"fmt"
	"strings"
)

// The YAML parser reports a mis-indented line of a block at the start of the
// enclosing block, without a column: a key indented one space too few on
// line 54 comes back as "line 18: did not find expected key". The functions
// here find the line itself by following the indentation of the open blocks
// from the top of the file, and say what indentation was expected there.

// yamlBlockStartProblems are the parser's problems whose line is the start
// of the enclosing block, not the offending line: the offending line is then
// at or after it.
var yamlBlockStartProblems = []string{
	"did not find expected '-' indicator", "did not find expected key",
	"found a tab character that violates indentation", "found a tab character where an indentation space is expected",
}

// yamlIndentationProblems are the parser's problems, reported at the
// offending line but without a column, that a line indented too deep causes.
var yamlIndentationProblems = []string{
	"mapping values are not allowed in this context", "block sequence entries are not allowed in this context",
}

// locateIndentation refines se, a syntax error the YAML parser reported for
// src, when it is one of the parser's indentation problems and the
// indentation of src explains it: it returns the error at the first line
// whose indentation matches no open block (or holds a tab), with its column
// and what was expected. A line before the parser's own is never chosen, nor,
// for the problems whose line is exact, another line. Other problems are
// left as the parser reported them.
func locateIndentation(src []byte, se *SyntaxError) *SyntaxError {
	if se.Pos.Line == 0 {
		return se
	}
	reported := strings.TrimPrefix(se.Msg, "YAML syntax error: ")
	blockStart, exact := false, false
	for _, p := range yamlBlockStartProblems {
		blockStart = blockStart || strings.HasPrefix(reported, p)
	}
	for _, p := range yamlIndentationProblems {
		exact = exact || strings.HasPrefix(reported, p)
	}
	if !blockStart && !exact {
		return se
	}
	line, col, msg, ok := firstIndentationProblem(src)
	if !ok || line < se.Pos.Line || exact && line != se.Pos.Line {
		return se
	}
	return &SyntaxError{Pos: Pos{Line: line, Column: col}, Pointer: se.Pointer, Msg: "YAML indentation error: " + msg}
}

// yamlLevel is an open block: a mapping or a sequence whose keys or items
// stand at indent (0-based column), opened on line.
type yamlLevel struct {
	indent int
	seq    bool
	line   int
}

// firstIndentationProblem follows the block structure of src line by line
// and returns the first line (1-based) whose indentation fits no open block,
// the column (1-based) of its first character (or of the tab), and a message
// saying what indentation was expected. Block scalars, flow collections and
// multi-line quoted scalars are skipped; comments and blank lines are
// ignored.
func firstIndentationProblem(src []byte) (line, col int, msg string, ok bool) {
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	var stack []yamlLevel
	// pending is the indentation of the key or item that opened a block on
	// the previous line (its children are indented more), or -1.
	pending, pendingKey := -1, false
	// skipAbove skips the lines of a block scalar: those indented more than
	// it (or blank).
	skipAbove := -1
	flowDepth := 0
	quote := byte(0)
	for n, raw := range lines {
		num := n + 1
		if n == 0 {
			raw = strings.TrimPrefix(raw, "\ufeff")
		}
		trimmed := strings.TrimLeft(raw, " \t")
		indent := len(raw) - len(trimmed)
		if quote != 0 {
			if closesQuote(trimmed, quote) {
				quote = 0
			}
			continue
		}
		if flowDepth > 0 {
			flowDepth += flowBalance(trimmed)
			continue
		}
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if skipAbove >= 0 {
			if indent > skipAbove {
				continue
			}
			skipAbove = -1
		}
		if num == 1 && (strings.HasPrefix(trimmed, "%") || trimmed == "---" || strings.HasPrefix(trimmed, "--- ")) {
			continue
		}
		if i := strings.IndexByte(raw[:indent], '\t'); i >= 0 {
			return num, i + 1, "a tab character in the indentation: YAML indents with spaces only", true
		}

		item := trimmed == "-" || strings.HasPrefix(trimmed, "- ")
		key := !item && isKeyLine(trimmed)
		if !item && !key {
			// The continuation of a multi-line plain scalar.
			continue
		}

		placed := false
		if pending >= 0 && (indent > pending || indent == pending && item && pendingKey) {
			stack = append(stack, yamlLevel{indent: indent, seq: item, line: num})
			placed = true
		}
		pending = -1
		if !placed {
			open := slicesClone(stack)
			for len(stack) > 0 && stack[len(stack)-1].indent > indent {
				stack = stack[:len(stack)-1]
			}
			// A key after a sequence written at its parent key's indentation
			// closes that sequence.
			if key && len(stack) > 0 && stack[len(stack)-1].seq && stack[len(stack)-1].indent == indent {
				stack = stack[:len(stack)-1]
			}
			switch {
			case len(stack) == 0 && indent == 0:
				stack = append(stack, yamlLevel{indent: 0, seq: item, line: num})
			case len(stack) == 0 || stack[len(stack)-1].indent != indent || stack[len(stack)-1].seq != item:
				return num, indent + 1, expectation(indent, item, open, stack), true
			}
		}

		// What the line opens: "- key: value" opens a mapping inside the
		// item; an empty value or item opens a block on the next line.
		rest := trimmed
		at := indent
		for rest == "-" || strings.HasPrefix(rest, "- ") {
			if rest == "-" {
				pending, pendingKey = at, false
				rest = ""
				break
			}
			inner := strings.TrimLeft(rest[2:], " ")
			at += len(rest) - len(inner)
			rest = inner
			if strings.HasPrefix(rest, "- ") || rest == "-" {
				stack = append(stack, yamlLevel{indent: at, seq: true, line: num})
			} else if isKeyLine(rest) {
				stack = append(stack, yamlLevel{indent: at, seq: false, line: num})
			}
		}
		if rest == "" {
			continue
		}
		value := rest
		if isKeyLine(rest) {
			value = keyValue(rest)
		}
		switch {
		case value == "" || strings.HasPrefix(value, "#") || isNodeProperty(value):
			if isKeyLine(rest) {
				pending, pendingKey = at, true
			}
		case strings.HasPrefix(value, "|") || strings.HasPrefix(value, ">"):
			skipAbove = indent
		case value[0] == '[' || value[0] == '{':
			flowDepth = flowBalance(value)
		case value[0] == '"' || value[0] == '\'':
			if !closesQuote(value[1:], value[0]) {
				quote = value[0]
			}
		}
	}
	return 0, 0, "", false
}

// expectation says how a line indented by indent (an item or a key) should
// have been indented, given the blocks open before it and those left once
// the deeper ones are closed.
func expectation(indent int, item bool, open, left []yamlLevel) string {
	what := "key"
	if item {
		what = "list item"
	}
	var want []string
	seen := map[int]bool{}
	for i := len(open) - 1; i >= 0; i-- {
		l := open[i]
		if seen[l.indent] || l.seq != item {
			continue
		}
		seen[l.indent] = true
		kind := "the keys of the mapping"
		if l.seq {
			kind = "the items of the list"
		}
		want = append(want, fmt.Sprintf("%d (%s begun on line %d)", l.indent, kind, l.line))
		if len(want) == 3 {
			break
		}
	}
	msg := fmt.Sprintf("this %s is indented by %d %s", what, indent, plural(indent, "space", "spaces"))
	if len(want) == 0 {
		return msg + ", but no open block is indented so"
	}
	return msg + "; expected " + strings.Join(want, " or ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func slicesClone(s []yamlLevel) []yamlLevel { return append([]yamlLevel(nil), s...) }

// isKeyLine reports whether s (a line without its indentation) is a mapping
// key: a plain or quoted key followed by ":" and a space or the end.
func isKeyLine(s string) bool {
	_, ok := splitKey(s)
	return ok
}

// keyValue returns what follows the key's colon, trimmed.
func keyValue(s string) string {
	i, _ := splitKey(s)
	return strings.TrimSpace(s[i+1:])
}

// splitKey finds the colon that ends the key of s.
func splitKey(s string) (int, bool) {
	if s == "" || strings.ContainsRune("[]{}#&*!|>%@`,", rune(s[0])) && s[0] != '&' && s[0] != '!' {
		return 0, false
	}
	start := 0
	if s[0] == '"' || s[0] == '\'' {
		end := strings.IndexByte(s[1:], s[0])
		if end < 0 {
			return 0, false
		}
		start = end + 2
	}
	for i := start; i < len(s); i++ {
		switch s[i] {
		case ':':
			if i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t' {
				return i, true
			}
		case '#':
			if i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
				return 0, false
			}
		}
	}
	return 0, false
}

// isNodeProperty reports whether v is only an anchor or a tag (its node
// follows on the next lines).
func isNodeProperty(v string) bool {
	if v == "" || v[0] != '&' && v[0] != '!' {
		return false
	}
	return !strings.ContainsAny(v, " \t")
}

// flowBalance counts the brackets and braces s opens minus those it closes,
// outside quotes and comments.
func flowBalance(s string) int {
	depth := 0
	var q byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '#' && (i == 0 || s[i-1] == ' '):
			return depth
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
		}
	}
	return depth
}

// closesQuote reports whether s holds the quote q that closes a quoted
// scalar (for single quotes, not a doubled one; for double quotes, not an
// escaped one).
func closesQuote(s string, q byte) bool {
	for i := 0; i < len(s); i++ {
		switch {
		case q == '"' && s[i] == '\\':
			i++
		case s[i] == q:
			if q == '\'' && i+1 < len(s) && s[i+1] == '\'' {
				i++
				continue
			}
			return true
		}
	}
	return false
}
