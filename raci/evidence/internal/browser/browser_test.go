package browser

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestPages(t *testing.T) {
	t.Parallel()
	tcs := []struct {
		name string
		pdf  string
		want int
	}{
		{"tree and two pages", "1 0 obj <</Type /Pages /Count 2>> 2 0 obj <</Type /Page /Parent 1 0 R>> 3 0 obj <</Type/Page>>", 2},
		{"tree only", "<</Type /Pages /Kids []>>", 0},
		{"page at the end of a line", "<</Type /Page\n/MediaBox [0 0 595 842]>>", 1},
	}
	for _, tc := range tcs {
		if got := Pages([]byte(tc.pdf)); got != tc.want {
			t.Errorf("%s: Pages = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestPageRecords holds the recorder to account: a page that logs, throws and
// fetches is seen doing each, so that a quiet page in the evidence tests means
// a quiet page.
func TestPageRecords(t *testing.T) {
	exe, err := Find()
	if err != nil {
		if os.Getenv("ROLECALL_REQUIRE_BROWSER") != "" {
			t.Fatalf("%v, and ROLECALL_REQUIRE_BROWSER is set", err)
		}
		t.Skip(err)
	}
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.png")
	page := `<!DOCTYPE html><html><head><title>noisy</title></head><body>
<img src="missing.png" alt="">
<script>console.error("boom-log"); throw new Error("boom-throw");</script>
</body></html>`
	path := filepath.Join(dir, "noisy.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	p, err := Open(ctx, exe, path, 800, 600)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	msgs := strings.Join(p.Messages(), "\n")
	for _, want := range []string{"console.error: boom-log", "exception: Uncaught Error: boom-throw"} {
		if !strings.Contains(msgs, want) {
			t.Errorf("messages lack %q; got:\n%s", want, msgs)
		}
	}
	if got := p.Fetches(); !slices.Contains(got, "file://"+filepath.ToSlash(missing)) {
		t.Errorf("fetches = %q, want the missing image among them", got)
	}
	title, err := Eval[string](p, "document.title")
	if err != nil || title != "noisy" {
		t.Errorf("Eval(document.title) = %q, %v; want noisy", title, err)
	}
}
