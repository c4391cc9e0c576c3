package docs_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// snippetPages are the pages whose Go snippets TestGoSnippets compiles.
var snippetPages = []string{
	"README.md",
	"docs/getting-started.md",
	"docs/customising.md",
	"docs/testing.md",
	"docs/fleet.md",
	"docs/embedding.md",
	"docs/reliability.md",
}

// fragmentPrelude is the file a snippet that is not a whole file is compiled
// in. Statements go in a function of their own; declarations (a snippet that
// starts with func) at the top level. A snippet may use ctx, reg, eng, rep and
// t as a program that got that far would have them.
const fragmentPrelude = `package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"testing"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/output"
	"github.com/rolecall/rolecall/raci/racitest"
)

var (
	ctx = context.Background()
	reg *raci.Register
	eng *engine.Engine
	rep *engine.Report
	t   *testing.T
)

var (
	_ = bytes.NewReader
	_ = json.Marshal
	_ = errors.As
	_ = fmt.Println
	_ = log.Fatal
	_ = http.Post
	_ = os.Exit
	_ = output.ByName
	_ = racitest.Register
	_, _, _, _, _ = ctx, reg, eng, rep, t
)

func main() {}
`

// snippet is a ```go block of a page.
type snippet struct {
	where string
	code  string
	// output is the ```text block that follows the snippet, when there is one.
	output *string
}

// TestGoSnippets compiles every ```go block of the guides against today's API.
// A whole program (package main) is run from the repository root, and its
// output compared with the ```text block that follows it, if any; a whole test
// file (package ..._test) is run with go test beside
// docs/getting-started/company.yaml; every other snippet is compiled inside a
// program (fragmentPrelude). Nothing is written to the repository: the go
// command reads the snippets through an -overlay.
func TestGoSnippets(t *testing.T) {
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	var programs, tests, fragments []snippet
	for _, page := range snippetPages {
		items := parseMarkdown(readFile(t, filepath.Join(repoRoot, page)))
		for i, it := range items {
			if it.block == nil || it.block.lang != "go" {
				continue
			}
			// The fence is at it.line; a //line directive makes the compiler name
			// the page's lines in its errors.
			s := snippet{where: fmt.Sprintf("%s:%d", page, it.line), code: fmt.Sprintf("//line %s:%d\n%s", page, it.line+1, it.block.text)}
			if i+1 < len(items) && items[i+1].block != nil && items[i+1].block.lang == "text" {
				s.output = &items[i+1].block.text
			}
			switch pkg := packageClause(s.code); {
			case pkg == "main":
				programs = append(programs, s)
			case strings.HasSuffix(pkg, "_test"):
				tests = append(tests, s)
			case pkg != "":
				t.Errorf("%s: a snippet of package %s: the test compiles package main, tests and fragments", s.where, pkg)
			default:
				fragments = append(fragments, s)
			}
		}
	}
	if len(programs) == 0 || len(tests) == 0 || len(fragments) == 0 {
		t.Fatalf("found %d programs, %d test files and %d fragments: is a page missing?", len(programs), len(tests), len(fragments))
	}

	for i, s := range programs {
		dir := filepath.Join(root, "docs", "snippets", fmt.Sprintf("program%d", i))
		overlay := writeOverlay(t, map[string]string{filepath.Join(dir, "main.go"): s.code})
		if s.output == nil {
			goCommand(t, s.where, root, "build", "-overlay", overlay, "-o", os.DevNull, "./"+rel(t, root, dir))
			continue
		}
		out := goCommand(t, s.where, root, "run", "-overlay", overlay, "./"+rel(t, root, dir))
		if err := matchOutput(*s.output, out); err != nil {
			t.Errorf("%s: the program's output is not what the page shows: %v", s.where, err)
		}
	}
	for _, s := range tests {
		dir := filepath.Join(root, "docs", "getting-started")
		overlay := writeOverlay(t, map[string]string{filepath.Join(dir, "snippet_test.go"): s.code})
		goCommand(t, s.where, root, "test", "-count=1", "-overlay", overlay, "./"+rel(t, root, dir))
	}
	var b strings.Builder
	b.WriteString(fragmentPrelude)
	for i, s := range fragments {
		fmt.Fprintf(&b, "\n// %s\n", s.where)
		if strings.HasPrefix(strings.TrimSpace(s.code[strings.Index(s.code, "\n")+1:]), "func ") {
			b.WriteString(s.code)
			continue
		}
		fmt.Fprintf(&b, "func fragment%d() {\n%s}\n", i, s.code)
	}
	dir := filepath.Join(root, "docs", "snippets", "fragments")
	overlay := writeOverlay(t, map[string]string{filepath.Join(dir, "main.go"): b.String()})
	goCommand(t, "the fragments", root, "build", "-overlay", overlay, "-o", os.DevNull, "./"+rel(t, root, dir))
}

// packageClause returns the package a snippet declares, or "" for a fragment.
func packageClause(code string) string {
	for _, line := range strings.Split(code, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "//") {
			continue
		}
		if name, ok := strings.CutPrefix(line, "package "); ok {
			return strings.TrimSpace(name)
		}
		return ""
	}
	return ""
}

// writeOverlay writes the files and an overlay naming them for the go command,
// and returns the overlay's path.
func writeOverlay(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	replace := map[string]string{}
	n := 0
	for path, code := range files {
		tmp := filepath.Join(dir, fmt.Sprintf("file%d.go", n))
		n++
		if err := os.WriteFile(tmp, []byte(code), 0o644); err != nil {
			t.Fatal(err)
		}
		replace[path] = tmp
	}
	data, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		t.Fatal(err)
	}
	overlay := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(overlay, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return overlay
}

// goCommand runs the go command in dir and returns its standard output; it
// fails the test with everything the command printed when it fails.
func goCommand(t *testing.T, where, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Errorf("%s: go %s: %v\n%s%s", where, strings.Join(args, " "), err, out, stderr.String())
	}
	return string(out)
}

func rel(t *testing.T, root, path string) string {
	t.Helper()
	r, err := filepath.Rel(root, path)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(r)
}

var (
	// goTestCommand is a go test command, with any environment variables set
	// before it.
	goTestCommand = regexp.MustCompile(`^(?:[A-Z_]+=\S+\s+)*go test\s`)
	// testFunc is the name of a test, fuzz target, example or benchmark.
	testFunc = regexp.MustCompile(`(?m)^func ((?:Test|Fuzz|Example|Benchmark)\w*)\(`)
)

// TestGoTestCommands checks every go test command of README.md and the pages
// under docs/, in a code span or a line of a ```sh block, that names a package:
// each package is a directory with tests, and each -run or -fuzz pattern
// selects at least one test there (its first level, before a /, is matched
// against the test functions; the rest names subtests, which only running can
// check).
func TestGoTestCommands(t *testing.T) {
	checked := 0
	for _, page := range markdownFiles(t) {
		for _, it := range parseMarkdown(readFile(t, filepath.Join(repoRoot, page))) {
			var commands []string
			lines := strings.Split(it.prose, "\n")
			switch {
			case it.block == nil:
				// In a table cell a | is written \|.
				prose := strings.ReplaceAll(strings.Join(strings.Fields(it.prose), " "), `\|`, "|")
				for _, m := range inlineCode.FindAllStringSubmatch(prose, -1) {
					commands = append(commands, m[1])
				}
			case it.block.lang == "sh":
				lines = strings.Split(it.block.text, "\n")
				commands = strings.Split(strings.ReplaceAll(it.block.text, "\\\n", " "), "\n")
			}
			for _, c := range commands {
				c, _, _ = strings.Cut(c, " #")
				if !goTestCommand.MatchString(c) || !strings.Contains(c, " ./") {
					continue
				}
				if err := checkGoTest(c); err != nil {
					// Name the line the command starts on.
					line := it.line
					for k, l := range lines {
						if strings.Contains(strings.ReplaceAll(l, `\|`, "|"), c[:min(len(c), 30)]) {
							line = it.line + k
							if it.block != nil {
								line++
							}
							break
						}
					}
					t.Errorf("%s:%d: %q: %v", page, line, c, err)
				}
				checked++
			}
		}
	}
	if checked < 20 {
		t.Errorf("checked only %d go test commands; the reliability table alone has more", checked)
	}
}

// checkGoTest checks one go test command against the repository.
func checkGoTest(command string) error {
	args, err := shellWords(command)
	if err != nil {
		return err
	}
	var pkgs, patterns []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-run" || a == "-fuzz":
			if i+1 == len(args) {
				return fmt.Errorf("%s without a pattern", a)
			}
			patterns = append(patterns, args[i+1])
			i++
		case strings.HasPrefix(a, "./"):
			pkgs = append(pkgs, a)
		}
	}
	if len(pkgs) == 0 {
		return fmt.Errorf("names no package (./...)")
	}
	for _, pkg := range pkgs {
		if pkg == "./..." {
			if len(patterns) > 0 {
				return fmt.Errorf("a -run or -fuzz pattern over ./... is not checked; name the package")
			}
			continue
		}
		names, err := testNames(filepath.Join(repoRoot, filepath.FromSlash(pkg)))
		if err != nil {
			return err
		}
		if len(names) == 0 {
			return fmt.Errorf("%s has no tests", pkg)
		}
		for _, p := range patterns {
			if p == "^$" {
				continue
			}
			first, _, _ := strings.Cut(p, "/")
			re, err := regexp.Compile(first)
			if err != nil {
				return fmt.Errorf("pattern %q: %v", p, err)
			}
			if !slices.ContainsFunc(names, re.MatchString) {
				return fmt.Errorf("pattern %q selects no test of %s", p, pkg)
			}
		}
	}
	return nil
}

// testNames lists the test, fuzz, example and benchmark functions of the
// package in dir.
func testNames(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("no package %s", dir)
		}
	}
	var names []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, m := range testFunc.FindAllStringSubmatch(string(data), -1) {
			names = append(names, m[1])
		}
	}
	return names, nil
}

// shellWords splits a command as a POSIX shell would, for the quoting the
// pages use: single quotes, double quotes and spaces.
func shellWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case '\'', '"':
			j := strings.IndexByte(s[i+1:], c)
			if j < 0 {
				return nil, fmt.Errorf("unbalanced %c", c)
			}
			cur.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}
