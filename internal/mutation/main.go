// Command mutation applies boundary mutations to a copy of the repository, one
// at a time, and runs the tests named for each: every mutation must make a test
// fail. A mutation the tests survive is a comparison the suite does not pin
// down. The list is internal/mutation/mutations.txt (its header gives the
// format); run from the repository root:
//
//	go run ./internal/mutation            # every mutation
//	go run ./internal/mutation -run gov   # those whose name matches
//
// It prints one line per mutation (killed, survived, or stale when the text
// to change is no longer in the file exactly once) and exits 1 when any
// survived or is stale. The repository itself is never changed: the copy is
// made from the files git knows (tracked and untracked, not ignored) in a
// temporary directory. It is a developer's tool: nothing may import it.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// mutation is one change and the tests that must catch it.
type mutation struct {
	name, file, from, to string
	test                 []string
	line                 int // where the entry starts in the list
}

func main() {
	list := flag.String("list", "internal/mutation/mutations.txt", "the list of mutations")
	runPattern := flag.String("run", "", "only the mutations whose name matches this regular expression")
	flag.Parse()
	if err := run(*list, *runPattern, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "mutation:", err)
		os.Exit(1)
	}
}

func run(listPath, pattern string, out io.Writer) error {
	f, err := os.Open(listPath)
	if err != nil {
		return err
	}
	muts, err := parse(f, listPath)
	f.Close()
	if err != nil {
		return err
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return fmt.Errorf("-run: %w", err)
	}
	dir, err := os.MkdirTemp("", "rolecall-mutation-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := copyRepository(dir); err != nil {
		return err
	}
	var survived, stale, killed int
	for _, m := range muts {
		if !re.MatchString(m.name) {
			continue
		}
		start := time.Now()
		verdict, detail := apply(dir, m)
		fmt.Fprintf(out, "%-8s %-62s %5.1fs  %s\n", verdict, m.name, time.Since(start).Seconds(), detail)
		switch verdict {
		case "killed":
			killed++
		case "survived":
			survived++
		default:
			stale++
		}
	}
	fmt.Fprintf(out, "%d killed, %d survived, %d stale\n", killed, survived, stale)
	if survived > 0 || stale > 0 {
		return errors.New("the tests do not kill every mutation")
	}
	return nil
}

// apply makes one mutation in the copy at dir, runs its tests and restores the
// file.
func apply(dir string, m mutation) (verdict, detail string) {
	path := filepath.Join(dir, m.file)
	orig, err := os.ReadFile(path)
	if err != nil {
		return "stale", err.Error()
	}
	if n := bytes.Count(orig, []byte(m.from)); n != 1 {
		return "stale", fmt.Sprintf("%s holds %q %d times, want once", m.file, m.from, n)
	}
	mutated := bytes.Replace(orig, []byte(m.from), []byte(m.to), 1)
	if err := os.WriteFile(path, mutated, 0o644); err != nil {
		return "stale", err.Error()
	}
	defer os.WriteFile(path, orig, 0o644)
	cmd := exec.Command("go", append([]string{"test", "-count=1"}, m.test...)...)
	cmd.Dir = dir
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Run(); err != nil {
		return "killed", firstFailure(output.String())
	}
	return "survived", "go test " + strings.Join(m.test, " ") + " passed"
}

// firstFailure returns the line of go test's output that names the first
// failing test, preferring a subtest (a Rego test runs as a subtest of
// TestRego), to show which test killed the mutation.
func firstFailure(out string) string {
	var first string
	for _, line := range strings.Split(out, "\n") {
		t := strings.TrimSpace(line)
		if !strings.HasPrefix(t, "--- FAIL:") {
			continue
		}
		if strings.Contains(t, "/") {
			return t
		}
		if first == "" {
			first = t
		}
	}
	if first != "" {
		return first
	}
	first, _, _ = strings.Cut(strings.TrimSpace(out), "\n")
	return first
}

// copyRepository copies the files git knows into dir.
func copyRepository(dir string) error {
	ls := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	names, err := ls.Output()
	if err != nil {
		return fmt.Errorf("git ls-files: %w", err)
	}
	for _, name := range strings.Split(strings.TrimRight(string(names), "\x00"), "\x00") {
		data, err := os.ReadFile(name)
		if errors.Is(err, os.ErrNotExist) {
			continue // deleted in the working tree
		}
		if err != nil {
			return err
		}
		dest := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dest, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// parse reads the list of mutations.
func parse(r io.Reader, name string) ([]mutation, error) {
	var muts []mutation
	var cur *mutation
	finish := func() error {
		if cur == nil {
			return nil
		}
		if cur.name == "" || cur.file == "" || cur.from == "" || len(cur.test) == 0 {
			return fmt.Errorf("%s:%d: an entry needs name, file, from, to and test", name, cur.line)
		}
		muts = append(muts, *cur)
		cur = nil
		return nil
	}
	sc := bufio.NewScanner(r)
	for lineNo := 1; sc.Scan(); lineNo++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		if strings.TrimSpace(line) == "" {
			if err := finish(); err != nil {
				return nil, err
			}
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("%s:%d: %q is not KEY: VALUE", name, lineNo, line)
		}
		if cur == nil {
			cur = &mutation{line: lineNo}
		}
		value = strings.TrimSpace(value)
		switch key {
		case "name":
			cur.name = value
		case "file":
			cur.file = value
		case "from":
			cur.from = value
		case "to":
			cur.to = value
		case "test":
			cur.test = strings.Fields(value)
		default:
			return nil, fmt.Errorf("%s:%d: unknown key %q (want name, file, from, to or test)", name, lineNo, key)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if err := finish(); err != nil {
		return nil, err
	}
	return muts, nil
}
