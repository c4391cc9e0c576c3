package docs_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

// repoRoot is the repository root, relative to this package's directory (where
// go test runs it).
const repoRoot = ".."

// block is a fenced code block of a Markdown page.
type block struct {
	// lang is the first word of the info string ("sh", "yaml", "go", "text").
	lang string
	// text is the content, without the fences and without the indentation of the
	// opening fence.
	text string
}

// item is a prose paragraph or a fenced block, in page order.
type item struct {
	// line is the 1-based line where the item starts (a block's opening fence).
	line int
	// prose holds the paragraph's lines when the item is not a block.
	prose string
	block *block
}

// parseMarkdown splits a page into paragraphs and fenced blocks. It knows what
// the guides use: ``` or ~~~ fences (possibly indented in a list item) and
// paragraphs separated by blank lines.
func parseMarkdown(src string) []item {
	var items []item
	lines := strings.Split(src, "\n")
	var para []string
	paraLine := 0
	flush := func() {
		if len(para) > 0 {
			items = append(items, item{line: paraLine, prose: strings.Join(para, "\n")})
			para = nil
		}
	}
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trimmed := strings.TrimLeft(line, " \t")
		if fence := fenceOf(trimmed); fence != "" {
			flush()
			indent := line[:len(line)-len(trimmed)]
			b := &block{lang: firstWord(strings.TrimPrefix(trimmed, fence))}
			start := i + 1
			var body []string
			for i++; i < len(lines); i++ {
				t := strings.TrimLeft(lines[i], " \t")
				if strings.HasPrefix(t, fence) && strings.TrimSpace(strings.TrimLeft(t, fence[:1])) == "" {
					break
				}
				body = append(body, strings.TrimPrefix(lines[i], indent))
			}
			b.text = strings.Join(body, "\n")
			if len(body) > 0 {
				b.text += "\n"
			}
			items = append(items, item{line: start, block: b})
			continue
		}
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if len(para) == 0 {
			paraLine = i + 1
		}
		para = append(para, line)
	}
	flush()
	return items
}

// fenceOf returns the fence a line opens ("```" or "~~~", possibly longer), or
// "".
func fenceOf(trimmed string) string {
	for _, c := range []string{"`", "~"} {
		n := len(trimmed) - len(strings.TrimLeft(trimmed, c))
		if n >= 3 {
			return strings.Repeat(c, n)
		}
	}
	return ""
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// markdownFiles returns README.md and every .md file under docs/, as paths
// relative to the repository root, sorted.
func markdownFiles(t *testing.T) []string {
	t.Helper()
	files := []string{"README.md"}
	err := filepath.WalkDir(filepath.Join(repoRoot, "docs"), func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".md") {
			rel, err := filepath.Rel(repoRoot, path)
			if err != nil {
				return err
			}
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	return files
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

var (
	// inlineCode is a code span of single backquotes.
	inlineCode = regexp.MustCompile("`([^`\n]+)`")
	// inlineLink is [text](target) or ![alt](target), with an optional title.
	inlineLink = regexp.MustCompile(`!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`)
	// refLink is a reference definition: [label]: target.
	refLink = regexp.MustCompile(`(?m)^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)`)
	// repoPath is a backquoted path that names a file or directory of the
	// repository.
	repoPath = regexp.MustCompile(`^(?:docs/\S*\.md|examples/\S+|schema/\S+\.json|rules/\S+|raci/\S+|cmd/\S+|internal/\S+|\.ci/\S+)$`)
	// htmlAnchor is an explicit anchor: <a id="x"> or <a name="x">.
	htmlAnchor = regexp.MustCompile(`<a\s+(?:id|name)="([^"]+)"`)
	// scheme starts an absolute URL (https:, mailto:, ...).
	scheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)
)

// linkProblems checks one Markdown file, at path relative to root: every
// relative link names a file or directory that exists, every anchor names a
// heading of the .md file it points into, and every backquoted repository path
// exists under root. It returns one message per problem.
func linkProblems(root, path string) ([]string, error) {
	src, err := os.ReadFile(filepath.Join(root, path))
	if err != nil {
		return nil, err
	}
	var problems []string
	anchors := map[string]map[string]bool{}
	anchorsOf := func(md string) (map[string]bool, error) {
		if a, ok := anchors[md]; ok {
			return a, nil
		}
		data, err := os.ReadFile(filepath.Join(root, md))
		if err != nil {
			return nil, err
		}
		a := headingAnchors(string(data))
		anchors[md] = a
		return a, nil
	}
	dir := filepath.Dir(path)
	items := parseMarkdown(string(src))
	// Files a guide tells the reader to write are the reader's, not the
	// repository's.
	readers := map[string]bool{}
	for _, it := range items {
		prose := strings.Join(strings.Fields(it.prose), " ")
		for _, m := range saveMarker.FindAllStringSubmatch(prose, -1) {
			readers[m[2]] = true
		}
		for _, m := range changeMarker.FindAllStringSubmatch(prose, -1) {
			readers[m[1]] = true
		}
	}
	for _, it := range items {
		if it.block != nil {
			continue
		}
		where := fmt.Sprintf("%s:%d", path, it.line)
		for _, m := range inlineCode.FindAllStringSubmatch(it.prose, -1) {
			p := strings.TrimSuffix(m[1], "/")
			if !repoPath.MatchString(m[1]) || readers[m[1]] || strings.ContainsAny(p, "<>*{}[]()$…") || strings.Contains(p, "...") {
				continue
			}
			if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(p))); err != nil {
				problems = append(problems, fmt.Sprintf("%s: `%s` names no file or directory of the repository", where, m[1]))
			}
		}
		prose := inlineCode.ReplaceAllString(it.prose, "``")
		var targets []string
		for _, m := range inlineLink.FindAllStringSubmatch(prose, -1) {
			targets = append(targets, m[1])
		}
		for _, m := range refLink.FindAllStringSubmatch(prose, -1) {
			targets = append(targets, m[1])
		}
		for _, target := range targets {
			if scheme.MatchString(target) || strings.HasPrefix(target, "//") {
				continue
			}
			file, anchor, _ := strings.Cut(target, "#")
			md := path
			if file != "" {
				if strings.HasPrefix(file, "/") {
					problems = append(problems, fmt.Sprintf("%s: link %q is absolute: make it relative to the page", where, target))
					continue
				}
				md = filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(file)))
				if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(md))); err != nil {
					problems = append(problems, fmt.Sprintf("%s: link %q names %s, which does not exist", where, target, md))
					continue
				}
			}
			if anchor == "" || !strings.HasSuffix(md, ".md") {
				continue
			}
			a, err := anchorsOf(md)
			if err != nil {
				return nil, err
			}
			if !a[anchor] {
				problems = append(problems, fmt.Sprintf("%s: link %q: %s has no heading with the anchor #%s", where, target, md, anchor))
			}
		}
	}
	return problems, nil
}

// headingAnchors returns the anchors a Markdown page defines: the GitHub slug of
// each heading (with -1, -2, ... for repeated ones) and explicit <a id> anchors.
func headingAnchors(src string) map[string]bool {
	anchors := map[string]bool{}
	seen := map[string]int{}
	for _, it := range parseMarkdown(src) {
		if it.block != nil {
			continue
		}
		for _, m := range htmlAnchor.FindAllStringSubmatch(it.prose, -1) {
			anchors[m[1]] = true
		}
		for _, line := range strings.Split(it.prose, "\n") {
			t := strings.TrimLeft(line, " ")
			level := len(t) - len(strings.TrimLeft(t, "#"))
			if level == 0 || level > 6 || !strings.HasPrefix(t[level:], " ") {
				continue
			}
			s := slug(t[level:])
			if n := seen[s]; n > 0 {
				anchors[fmt.Sprintf("%s-%d", s, n)] = true
			} else {
				anchors[s] = true
			}
			seen[s]++
		}
	}
	return anchors
}

// slug is GitHub's anchor for a heading's text: links reduced to their text,
// lower case, letters, digits, hyphens and underscores kept, spaces turned into
// hyphens, everything else dropped.
func slug(heading string) string {
	heading = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`).ReplaceAllString(heading, "$1")
	heading = strings.TrimRight(strings.TrimSpace(heading), "#")
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), r == '-', r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteRune('-')
		}
	}
	return b.String()
}

// TestLinks checks README.md and every page under docs/: relative links, their
// anchors, and backquoted repository paths.
func TestLinks(t *testing.T) {
	files := markdownFiles(t)
	if len(files) < 2 {
		t.Fatalf("found only %v", files)
	}
	for _, f := range files {
		problems, err := linkProblems(repoRoot, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Error(p)
		}
	}
}

// TestLinkCheckerFindsBrokenLinks holds the checker itself to account: each
// kind of broken reference is reported, and nothing else.
func TestLinkCheckerFindsBrokenLinks(t *testing.T) {
	root := t.TempDir()
	write := func(path, text string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("examples/registers/acme.yaml", "version: 1\n")
	write("docs/other.md", "# Other page\n\n## The `rolecall.yaml` file\n\n## Twice\n\n## Twice\n\n<a id=\"custom\"></a>\n")
	write("docs/page.md", strings.Join([]string{
		"# Page",
		"",
		"[ok](other.md) [ok](other.md#other-page) [ok](other.md#the-rolecallyaml-file)",
		"[ok](other.md#twice-1) [ok](other.md#custom) [ok](#page) [ok](../examples/registers)",
		"[ok](https://example.com/x.md#nowhere) `examples/registers/acme.yaml` `rules/<id>/`",
		"",
		"[missing file](gone.md)",
		"",
		"[missing anchor](other.md#nowhere)",
		"",
		"[missing own anchor](#nowhere)",
		"",
		"See `examples/registers/gone.yaml`.",
		"",
		"[ref]: ../schema/gone.json",
		"",
		"```sh",
		"[in a code block](ignored.md) `examples/ignored.yaml`",
		"```",
		"",
	}, "\n"))
	got, err := linkProblems(root, "docs/page.md")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`docs/page.md:7: link "gone.md" names docs/gone.md, which does not exist`,
		`docs/page.md:9: link "other.md#nowhere": docs/other.md has no heading with the anchor #nowhere`,
		`docs/page.md:11: link "#nowhere": docs/page.md has no heading with the anchor #nowhere`,
		"docs/page.md:13: `examples/registers/gone.yaml` names no file or directory of the repository",
		`docs/page.md:15: link "../schema/gone.json" names schema/gone.json, which does not exist`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("linkProblems mismatch (-want +got):\n%s", diff)
	}
}
