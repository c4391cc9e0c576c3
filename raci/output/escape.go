package output

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// terminalSafe returns s with every character a terminal would act on rather
// than show written as a visible escape, so that text from a register (ids,
// names, file names) or from a rule's METADATA cannot move the cursor, change
// colours, start a new line that looks like another finding, or reorder what
// is shown: newline, carriage return and tab as \n, \r and \t; other C0
// controls, DEL and C1 controls as \xNN or \uNNNN (ESC is \x1b); Unicode line
// and paragraph separators and bidirectional formatting characters as \uNNNN;
// bytes that are not UTF-8 as \xNN. Every other character, backslash included,
// is kept, so that ordinary text and Windows paths read as written.
func terminalSafe(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// needsEscape reports whether terminalSafe changes s.
func needsEscape(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || unsafeRune(r) {
			return true
		}
	}
	return false
}

// unsafeRune reports whether r, at or above U+0080, is a C1 control, a line or
// paragraph separator, or a bidirectional formatting character (the "Trojan
// Source" characters that make text display in another order than it reads).
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	case r >= 0x2028 && r <= 0x202e:
		return true
	case r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
