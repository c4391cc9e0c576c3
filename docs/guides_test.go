package docs_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A guide is followed as a reader would follow it. A page tells the reader what
// to do in these ways, and the test understands exactly these:
//
//   - "Save this as `FILE`:" ending the paragraph before a fenced block: write
//     the block to FILE;
//   - "Add this to the end of `FILE`:" likewise: append a blank line and the
//     block to FILE;
//   - "In `FILE`, change `OLD` to `NEW`" anywhere in a paragraph: replace the
//     one occurrence of OLD in FILE by NEW (OLD must occur exactly once);
//   - a ```sh block: run each line. `rolecall ARGS` and `go run ./cmd/rolecall
//     ARGS` run the rolecall built from ./cmd/rolecall; `go install
//     ./cmd/rolecall` is that build; `mkdir DIR`, `cd DIR` and `cp FILE DEST`
//     work inside a temporary directory that holds the repository's docs/,
//     examples/, rules/ and schema/. A trailing "# exits N" states the exit
//     code, 0 when absent. `go test` commands are checked by TestGoTestCommands;
//     `opa`, `go tool opa` and `curl` need a server and are not run;
//   - a ```text block right after a ```sh block: the output (standard output and
//     standard error, as a terminal shows them) of the block's last command. A
//     line "..." stands for any number of lines.
//
// Any other command, or an output block that follows no command, fails the
// test: a guide may only say what the test checks. In getting-started.md every
// other fenced block must be a file to save; elsewhere a block without a marker
// is an illustration.
var (
	saveMarker   = regexp.MustCompile("(Save this as|Add this to the end of) `([^`]+)`:$")
	changeMarker = regexp.MustCompile("[Ii]n `([^`]+)`, change `([^`]+)` to `([^`]+)`")
	exitsComment = regexp.MustCompile(`(?:^|\W)exits (\d+)$`)

	update = flag.Bool("update", false, "rewrite docs/getting-started/company.yaml with the register the page builds")
)

// linkedDirs are the repository's directories a guide's working directory
// links to, so that its commands can name the repository's files.
var linkedDirs = []string{"docs", "examples", "rules", "schema"}

// notRun are the commands a guide may give that the guides' test does not run.
var notRun = []string{"go test ", "go tool opa ", "opa ", "curl "}

// TestGettingStarted follows docs/getting-started.md in a temporary directory
// and checks every exit code and output the page states, then that the register
// it builds is docs/getting-started/company.yaml (rewrite that file with -update
// and review the diff).
func TestGettingStarted(t *testing.T) {
	g := followGuide(t, "getting-started.md", buildRolecall(t), true)
	if g.register == "" {
		t.Fatal("the page wrote no file")
	}
	got := readFile(t, g.register)
	golden := filepath.Join("getting-started", "company.yaml")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := readFile(t, golden)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the register the page builds differs from docs/getting-started/company.yaml (-want +got):\n%s", diff)
	}
}

// TestGuides follows the other guides' commands and files in the same way.
func TestGuides(t *testing.T) {
	bin := buildRolecall(t)
	for _, page := range []string{"customising.md", "testing.md", "fleet.md", "embedding.md"} {
		t.Run(page, func(t *testing.T) {
			followGuide(t, page, bin, false)
		})
	}
}

// followGuide follows page (a path under docs/) with the rolecall binary bin.
// With strict, every fenced block that is neither a command nor an output must
// be a file the page says where to save.
func followGuide(t *testing.T, page, bin string, strict bool) *guide {
	t.Helper()
	work := t.TempDir()
	for _, dir := range linkedDirs {
		abs, err := filepath.Abs(filepath.Join(repoRoot, dir))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(abs, filepath.Join(work, dir)); err != nil {
			t.Fatal(err)
		}
	}
	g := &guide{t: t, page: page, bin: bin, work: work, dir: work}
	items := parseMarkdown(readFile(t, page))
	for i, it := range items {
		if it.block == nil {
			for _, m := range changeMarker.FindAllStringSubmatch(strings.Join(strings.Fields(it.prose), " "), -1) {
				g.change(it.line, m[1], m[2], m[3])
			}
			continue
		}
		var marker []string
		if i > 0 && items[i-1].block == nil {
			marker = saveMarker.FindStringSubmatch(strings.Join(strings.Fields(items[i-1].prose), " "))
		}
		switch {
		case it.block.lang == "sh":
			g.shell(it.line, it.block.text)
		case it.block.lang == "text" && i > 0 && items[i-1].block != nil && items[i-1].block.lang == "sh":
			if g.last == nil {
				t.Fatalf("%s:%d: an output block after commands the test does not run", page, it.line)
			}
			if err := matchOutput(it.block.text, g.last.output); err != nil {
				t.Errorf("%s:%d: the output of %q is not what the page shows: %v", page, it.line, g.last.command, err)
			}
		case marker != nil:
			g.write(it.line, marker[2], it.block.text, marker[1] != "Save this as")
		case strict:
			t.Fatalf("%s:%d: a ```%s block without a \"Save this as\" or \"Add this to the end of\" line before it", page, it.line, it.block.lang)
		}
	}
	if strict && g.commands == 0 {
		t.Fatalf("%s: the test ran no rolecall command: are the page's blocks ```sh?", page)
	}
	return g
}

// guide is the state of a reader following a page.
type guide struct {
	t         *testing.T
	page      string
	bin       string
	work, dir string
	last      *ran
	commands  int
	// register is the last file the page wrote or changed.
	register string
}

// ran is a command the page ran, and what it printed.
type ran struct {
	command string
	output  string
}

func (g *guide) where(line int) string { return fmt.Sprintf("%s:%d", g.page, line) }

// local resolves a path the page names inside the working directory, refusing
// one that would leave the temporary directory.
func (g *guide) local(line int, name string) string {
	g.t.Helper()
	p := filepath.Join(g.dir, filepath.FromSlash(name))
	if rel, err := filepath.Rel(g.work, p); err != nil || !filepath.IsLocal(rel) {
		g.t.Fatalf("%s: %q leaves the working directory", g.where(line), name)
	}
	return p
}

// writable is local for a path the page writes: it refuses one under the links
// to the repository's directories, which would change the repository.
func (g *guide) writable(line int, name string) string {
	g.t.Helper()
	p := g.local(line, name)
	rel, _ := filepath.Rel(g.work, p)
	first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	if slices.Contains(linkedDirs, first) {
		g.t.Fatalf("%s: %q is in the repository's %s/: a guide writes only files of its own", g.where(line), name, first)
	}
	return p
}

func (g *guide) write(line int, name, text string, appendTo bool) {
	g.t.Helper()
	path := g.writable(line, name)
	if appendTo {
		old, err := os.ReadFile(path)
		if err != nil {
			g.t.Fatalf("%s: adding to %s, which the page has not written: %v", g.where(line), name, err)
		}
		text = string(old) + "\n" + text
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		g.t.Fatalf("%s: %v", g.where(line), err)
	}
	g.register = path
}

func (g *guide) change(line int, name, old, new string) {
	g.t.Helper()
	path := g.writable(line, name)
	data, err := os.ReadFile(path)
	if err != nil {
		g.t.Fatalf("%s: changing %s: %v", g.where(line), name, err)
	}
	if n := strings.Count(string(data), old); n != 1 {
		g.t.Fatalf("%s: %q occurs %d times in %s; the page must name text that occurs once", g.where(line), old, n, name)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		g.t.Fatal(err)
	}
	g.register = path
}

// shell follows the lines of a ```sh block whose opening fence is at line. A
// line ending in \ goes on on the next.
func (g *guide) shell(line int, script string) {
	g.t.Helper()
	g.last = nil
	lines := strings.Split(strings.TrimRight(script, "\n"), "\n")
	for n := 0; n < len(lines); n++ {
		where := g.where(line + 1 + n)
		text := lines[n]
		for strings.HasSuffix(text, "\\") && n+1 < len(lines) {
			n++
			text = strings.TrimSuffix(text, "\\") + " " + strings.TrimSpace(lines[n])
		}
		command, comment, _ := strings.Cut(text, "#")
		command, comment = strings.TrimSpace(command), strings.TrimSpace(comment)
		if command == "" {
			continue
		}
		if slices.ContainsFunc(notRun, func(p string) bool { return strings.HasPrefix(command, p) }) {
			g.last = nil
			continue
		}
		wantExit := 0
		if m := exitsComment.FindStringSubmatch(comment); m != nil {
			wantExit, _ = strconv.Atoi(m[1])
		}
		args := strings.Fields(command)
		switch {
		case command == "go install ./cmd/rolecall":
			// buildRolecall built it.
		case args[0] == "mkdir" && len(args) == 2:
			if err := os.Mkdir(g.writable(line, args[1]), 0o755); err != nil {
				g.t.Fatalf("%s: %v", where, err)
			}
		case args[0] == "cd" && len(args) == 2:
			g.dir = g.local(line, args[1])
		case args[0] == "cp" && len(args) == 3:
			data, err := os.ReadFile(g.local(line, args[1]))
			if err != nil {
				g.t.Fatalf("%s: %v", where, err)
			}
			dst := g.writable(line, args[2])
			if fi, err := os.Stat(dst); err == nil && fi.IsDir() {
				dst = filepath.Join(dst, filepath.Base(args[1]))
			}
			if err := os.WriteFile(dst, data, 0o644); err != nil {
				g.t.Fatalf("%s: %v", where, err)
			}
		case args[0] == "rolecall" || strings.HasPrefix(command, "go run ./cmd/rolecall "):
			if args[0] == "go" {
				args = args[2:]
			}
			g.rolecall(where, command, args[1:], wantExit)
		default:
			g.t.Fatalf("%s: the test does not know how to follow %q; teach followGuide or change the page", where, command)
		}
	}
}

func (g *guide) rolecall(where, command string, args []string, wantExit int) {
	g.t.Helper()
	if strings.ContainsAny(command, "'\"$\\|&;<>*?`") {
		g.t.Fatalf("%s: %q: the test runs rolecall commands with plain arguments only", where, command)
	}
	cmd := exec.Command(g.bin, args...)
	cmd.Dir = g.dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	exit := 0
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			g.t.Fatalf("%s: %v", where, err)
		}
		exit = ee.ExitCode()
	}
	if exit != wantExit {
		g.t.Errorf("%s: %q exited %d, the page says %d; output:\n%s", where, command, exit, wantExit, out.String())
	}
	g.last = &ran{command: command, output: out.String()}
	g.commands++
}

// matchOutput reports whether got is what want shows: want's lines in order,
// where a line "..." stands for any number of lines of got. Its error names the
// first line of want that got does not have where the page shows it, and gives
// all of got.
func matchOutput(want, got string) error {
	w := strings.Split(strings.TrimSuffix(want, "\n"), "\n")
	g := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if matchLines(w, g, false) {
		return nil
	}
	k := len(w)
	for k > 0 && !matchLines(w[:k], g, true) {
		k--
	}
	if k == len(w) {
		return fmt.Errorf("the program printed more after the page's last line; it printed:\n%s", got)
	}
	return fmt.Errorf("line %d of the block, %q, is not there; the program printed:\n%s", k+1, w[k], got)
}

// matchLines matches want against got; with prefix, got may go on after want.
func matchLines(want, got []string, prefix bool) bool {
	for len(want) > 0 {
		if want[0] == "..." {
			for skip := 0; skip <= len(got); skip++ {
				if matchLines(want[1:], got[skip:], prefix) {
					return true
				}
			}
			return false
		}
		if len(got) == 0 || got[0] != want[0] {
			return false
		}
		want, got = want[1:], got[1:]
	}
	return prefix || len(got) == 0
}

// buildRolecall builds ./cmd/rolecall once for the package's tests; TestMain
// removes it.
func buildRolecall(t *testing.T) string {
	t.Helper()
	bin, err := rolecallBinary()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

var (
	binDir         string
	rolecallBinary = sync.OnceValues(func() (string, error) {
		dir, err := os.MkdirTemp("", "rolecall-docs-")
		if err != nil {
			return "", err
		}
		binDir = dir
		bin := filepath.Join(dir, "rolecall")
		cmd := exec.Command("go", "build", "-o", bin, "./cmd/rolecall")
		cmd.Dir = repoRoot
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("go build ./cmd/rolecall: %v\n%s", err, out)
		}
		return bin, nil
	})
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

func TestMatchOutput(t *testing.T) {
	tcs := []struct {
		name      string
		want, got string
		ok        bool
	}{
		{"equal", "a\nb\n", "a\nb\n", true},
		{"different line", "a\nb\n", "a\nc\n", false},
		{"missing line", "a\nb\n", "a\n", false},
		{"extra line", "a\n", "a\nb\n", false},
		{"ellipsis skips lines", "a\n...\nd\n", "a\nb\nc\nd\n", true},
		{"ellipsis skips nothing", "a\n...\nb\n", "a\nb\n", true},
		{"ellipsis at the end", "a\n...\n", "a\nb\nc\n", true},
		{"ellipsis cannot reorder", "c\n...\na\n", "a\nb\nc\n", false},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			if err := matchOutput(tc.want, tc.got); (err == nil) != tc.ok {
				t.Errorf("matchOutput(%q, %q) = %v, want ok=%v", tc.want, tc.got, err, tc.ok)
			}
		})
	}
}
