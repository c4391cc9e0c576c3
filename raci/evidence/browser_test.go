package evidence_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/internal/synth"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/evidence"
	"github.com/rolecall/rolecall/raci/evidence/internal/browser"
)

// browserOrSkip returns the browser to open packs in. Without one the test is
// skipped, unless ROLECALL_REQUIRE_BROWSER is set (as CI sets it), where it
// fails instead.
func browserOrSkip(t *testing.T) string {
	t.Helper()
	exe, err := browser.Find()
	if err != nil {
		if os.Getenv("ROLECALL_REQUIRE_BROWSER") != "" {
			t.Fatalf("%v, and ROLECALL_REQUIRE_BROWSER is set: install chromium (apt-get install chromium)", err)
		}
		t.Skipf("%v; set ROLECALL_REQUIRE_BROWSER=1 to fail instead of skipping", err)
	}
	return exe
}

// openPack writes pack as HTML to a temporary file and opens it in exe.
func openPack(t *testing.T, ctx context.Context, exe string, pack evidence.Pack) *browser.Page {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pack.html")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := evidence.HTML(f, pack); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	page, err := browser.Open(ctx, exe, path, 1280, 900)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(page.Close)
	return page
}

// raciCellsJS reads, for each named activity, the letters of the RACI matrix
// as a reader sees them: each non-empty cell of the activity's row under the
// text of its column's header.
const raciCellsJS = `(() => {
  const table = document.getElementById("raci-matrix");
  const heads = [...table.tHead.rows[0].cells];
  const out = {};
  for (const id of ["act-incidents", "act-changes"]) {
    const row = table.querySelector('tbody tr[data-activity="' + id + '"]');
    if (!row) continue;
    const cells = {};
    [...row.cells].forEach((c, i) => {
      const h = heads[i];
      if (h && h.dataset.role && c.textContent.trim() !== "") cells[h.textContent.trim()] = c.textContent.trim();
    });
    out[id] = cells;
  }
  return out;
})()`

// leadEdge is an edge of the governance chart on a security lead's line, as
// drawn: the roles it joins, their kinds, and whether it is drawn from the
// right edge of the upper role's box to the left edge of the reporting role's.
type leadEdge struct {
	From, To         string
	FromKind, ToKind string
	Lead             string
	Joins            bool
	Width            float64
}

const leadEdgesJS = `(() => {
  const chart = document.getElementById("governance-chart");
  return [...chart.querySelectorAll("path[data-lead-line]")].map(e => {
    const from = chart.querySelector('g[data-role="' + e.dataset.from + '"]');
    const to = chart.querySelector('g[data-role="' + e.dataset.to + '"]');
    const a = e.getPointAtLength(0), b = e.getPointAtLength(e.getTotalLength());
    const up = to.querySelector("rect").getBBox(), down = from.querySelector("rect").getBBox();
    const near = (x, y) => Math.abs(x - y) < 1;
    const joins = near(a.x, up.x + up.width) && a.y > up.y && a.y < up.y + up.height &&
      near(b.x, down.x) && b.y > down.y && b.y < down.y + down.height;
    return {From: e.dataset.from, To: e.dataset.to, FromKind: from.dataset.kind, ToKind: to.dataset.kind,
      Lead: e.dataset.leadLine, Joins: joins, Width: parseFloat(getComputedStyle(e).strokeWidth)};
  });
})()`

// TestBrowser opens the HTML pack of acme.yaml in headless Chromium: it
// renders with no console message and fetches nothing, the RACI matrix shows
// the expected letters for two activities, the governance chart draws the
// ISMS manager's line to top management, and it prints to several pages.
func TestBrowser(t *testing.T) {
	exe := browserOrSkip(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	page := openPack(t, ctx, exe, acme(t))

	t.Run("raci", func(t *testing.T) {
		got, err := browser.Eval[map[string]map[string]string](page, raciCellsJS)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]map[string]string{
			"act-incidents": {
				"Incident Manager":             "R",
				"Information Security Manager": "A",
				"Data Protection Officer":      "C",
				"Head of Data Services":        "C",
				"Chief Executive Officer":      "I",
				"Client Services Director":     "I",
			},
			"act-changes": {
				"Change Advisory Board Member": "R",
				"Head of Engineering":          "A",
				"Information Security Manager": "C",
				"Client Services Director":     "I",
			},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("RACI matrix cells mismatch (-want +got):\n%s", diff)
		}
	})

	t.Run("governance", func(t *testing.T) {
		got, err := browser.Eval[[]leadEdge](page, leadEdgesJS)
		if err != nil {
			t.Fatal(err)
		}
		want := []leadEdge{{
			From: "isms-manager", To: "coo", FromKind: "isms_manager", ToKind: "senior_management",
			Lead: "isms-manager", Joins: true, Width: 4,
		}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("security lead's line in the governance chart mismatch (-want +got):\n%s", diff)
		}
	})

	t.Run("print", func(t *testing.T) {
		pdf, err := page.PDF()
		if err != nil {
			t.Fatal(err)
		}
		if n := browser.Pages(pdf); n < 2 {
			t.Errorf("printing the pack gave %d page(s) (%d bytes), want more than one", n, len(pdf))
		}
	})

	// Last, so that it also sees anything the page said while it was read
	// and printed.
	t.Run("quiet", func(t *testing.T) {
		if got := page.Messages(); len(got) != 0 {
			t.Errorf("the page wrote to the console or the browser's log:\n%q", got)
		}
		if got := page.Fetches(); len(got) != 0 {
			t.Errorf("the page fetched %q; a pack must be self-contained", got)
		}
	})
}

// TestBrowserLargeRegister opens the pack of a synthetic 2,000-person register
// and reports how long the browser took to load and lay it out. The time is
// logged, not asserted: the machine decides it.
func TestBrowserLargeRegister(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates a 2,000-person register")
	}
	exe := browserOrSkip(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	reg := synth.Generate(2000, 1)
	eng, err := engine.New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eng.Evaluate(ctx, reg, synth.AsOf)
	if err != nil {
		t.Fatal(err)
	}
	page := openPack(t, ctx, exe, evidence.Pack{Register: reg, Report: rep, Rules: eng.Rules()})
	t.Logf("2,000 people, %d findings: loaded and laid out in %v", len(rep.Findings), page.Load)
	if got := page.Messages(); len(got) != 0 {
		t.Errorf("the page wrote to the console or the browser's log:\n%q", got)
	}
	counts, err := browser.Eval[map[string]int](page, `({
		people: document.querySelectorAll("#people-table tbody tr").length,
		activities: document.querySelectorAll("#raci-matrix tbody tr").length,
	})`)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"people": len(reg.People), "activities": len(reg.Activities)}
	if diff := cmp.Diff(want, counts); diff != "" {
		t.Errorf("rows of the large pack mismatch (-want +got):\n%s", diff)
	}
}
