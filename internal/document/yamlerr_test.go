package document

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var testLimits = Limits{MaxBytes: 8 << 20, MaxDepth: 64, MaxValues: 1 << 20, MaxAliasExpansion: 1 << 16}

// registerLines is a valid register; the cases below break one line of it.
var registerLines = []string{
	"version: 1",                          // 1
	"organisation:",                       // 2
	"  name: Acme",                        // 3
	"roles:",                              // 4
	"  - id: ciso",                        // 5
	"    name: CISO",                      // 6
	"    kind: ciso",                      // 7
	"    function: security",              // 8
	"  - id: dpo",                         // 9
	"    name: DPO",                       // 10
	"    kind: data_protection_officer",   // 11
	"    function: legal",                 // 12
	"    description: |",                  // 13
	"      Looks after personal data:",    // 14
	"        - the records of processing", // 15
	"people:",                             // 16
	"  - id: ada",                         // 17
	"    name: Ada",                       // 18
	"    roles: [ciso,",                   // 19
	"       dpo]",                         // 20
	"  - id: bob",                         // 21
	"    name: \"Bob",                     // 22
	"      Smith\"",                       // 23
	"    roles:",                          // 24
	"    - dpo",                           // 25
	"    email: bob@example.com",          // 26
}

// with returns registerLines with line n (1-based) replaced by s.
func with(n int, s string) string {
	lines := append([]string(nil), registerLines...)
	lines[n-1] = s
	return strings.Join(lines, "\n") + "\n"
}

// TestIndentationProblemLocated checks that a mis-indented line is reported
// where it is, with its column and the indentation expected, whatever line
// the YAML parser names.
func TestIndentationProblemLocated(t *testing.T) {
	tcs := []struct {
		name string
		src  string
		want *SyntaxError
	}{
		{"key too deep", with(10, "       name: DPO"), &SyntaxError{Pos: Pos{10, 8}, Msg: "YAML indentation error: this key is indented by 7 spaces; expected 4 (the keys of the mapping begun on line 9) or 0 (the keys of the mapping begun on line 1)"}},
		{"key too shallow by one", with(10, "   name: DPO"), &SyntaxError{Pos: Pos{10, 4}, Msg: "YAML indentation error: this key is indented by 3 spaces; expected 4 (the keys of the mapping begun on line 9) or 0 (the keys of the mapping begun on line 1)"}},
		{"key at the items' indentation", with(12, "  function: legal"), &SyntaxError{Pos: Pos{12, 3}, Msg: "YAML indentation error: this key is indented by 2 spaces; expected 4 (the keys of the mapping begun on line 9) or 0 (the keys of the mapping begun on line 1)"}},
		{"list item too deep", with(21, "   - id: bob"), &SyntaxError{Pos: Pos{21, 4}, Msg: "YAML indentation error: this list item is indented by 3 spaces; expected 2 (the items of the list begun on line 17)"}},
		{"list item too shallow", with(21, " - id: bob"), &SyntaxError{Pos: Pos{21, 2}, Msg: "YAML indentation error: this list item is indented by 1 space; expected 2 (the items of the list begun on line 17)"}},
		{"tab in the indentation", with(18, "\tname: Ada"), &SyntaxError{Pos: Pos{18, 1}, Msg: "YAML indentation error: a tab character in the indentation: YAML indents with spaces only"}},
		{"tab after spaces", with(26, "  \t email: bob@example.com"), &SyntaxError{Pos: Pos{26, 3}, Msg: "YAML indentation error: a tab character in the indentation: YAML indents with spaces only"}},
		{"configuration key too shallow", "params:\n  review_interval_days: 90\n  awareness_interval_days: 30\ndisable:\n  - A52-COMM-003\n severity: {}\n", &SyntaxError{Pos: Pos{6, 2}, Msg: "YAML indentation error: this key is indented by 1 space; expected 0 (the keys of the mapping begun on line 1)"}},
		{"configuration item too shallow", "disable:\n  - A52-COMM-003\n - A52-COMM-001\nfail_on: high\n", &SyntaxError{Pos: Pos{3, 2}, Msg: "YAML indentation error: this list item is indented by 1 space; expected 2 (the items of the list begun on line 2)"}},
		{"configuration parameter too deep", "params:\n  review_interval_days: 90\n    awareness_interval_days: 30\n", &SyntaxError{Pos: Pos{3, 5}, Msg: "YAML indentation error: this key is indented by 4 spaces; expected 2 (the keys of the mapping begun on line 2) or 0 (the keys of the mapping begun on line 1)"}},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Decode([]byte(tc.src), FormatYAML, testLimits)
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("want a *SyntaxError, got %v", err)
			}
			if diff := cmp.Diff(tc.want, se); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParserLineKeptWhenIndentationIsFine checks that a syntax error that is
// not about indentation keeps the parser's line.
func TestParserLineKeptWhenIndentationIsFine(t *testing.T) {
	src := with(18, `    name: "Ada`)
	_, _, err := Decode([]byte(src), FormatYAML, testLimits)
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("want a *SyntaxError, got %v", err)
	}
	if strings.Contains(se.Msg, "indentation") {
		t.Errorf("an unclosed quote is reported as an indentation problem: %v at %v", se.Msg, se.Pos)
	}
}

// TestNoIndentationProblemInValidYAML checks that the indentation follower
// finds nothing wrong in valid YAML: the repository's YAML files and
// snippets of the constructs it skips or must understand.
func TestNoIndentationProblemInValidYAML(t *testing.T) {
	docs := map[string]string{
		"register":             strings.Join(registerLines, "\n"),
		"compact sequence":     "a:\n- x\n- y\nb: 1\n",
		"nested items":         "a:\n  - - x\n    - y\n  - - z\n",
		"item holding a list":  "a:\n  -\n    - x\n  - y\n",
		"anchor and tag":       "a: &base\n  k: 1\nb: !!map\n  k: 2\n",
		"folded scalar":        "a: >-\n  text\n\n   more\nb: 1\n",
		"plain continuation":   "a: one\n  two\nb: 1\n",
		"quoted key":           "\"a: b\": 1\n'c': {x: 1,\n  y: 2}\n",
		"comment anywhere":     "a:\n      # odd\n  b: 1\n# top\nc: 2\n",
		"document start":       "---\na: 1\n",
		"empty values":         "a:\nb:\n  c:\nd: 1\n",
		"url value":            "a: http://example.com\nb:\n  - c: d\n    e: f\n",
		"multi-line flow list": "a: [1,\n  2,\n 3]\nb: 1\n",
	}
	_ = filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return fs.SkipDir
		}
		if strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml") {
			if b, err := os.ReadFile(path); err == nil {
				docs[path] = string(b)
			}
		}
		return nil
	})
	if len(docs) < 20 {
		t.Fatalf("only %d documents to check", len(docs))
	}
	for name, src := range docs {
		if _, _, err := Decode([]byte(src), FormatYAML, testLimits); err != nil {
			var le *LimitError
			if errors.As(err, &le) {
				continue
			}
			t.Errorf("%s: not valid YAML, so it proves nothing: %v", name, err)
			continue
		}
		if line, col, msg, ok := firstIndentationProblem([]byte(src)); ok {
			t.Errorf("%s: valid YAML reported at line %d, col %d: %s", name, line, col, msg)
		}
	}
}
