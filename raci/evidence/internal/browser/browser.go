// Package browser opens evidence packs in a real headless browser (Chromium,
// driven with chromedp) for the tests and the screenshot tool of package
// evidence: it loads a page, records everything the page says or fetches, and
// evaluates, prints or photographs it. It is test and tool support: package
// evidence itself must never import it, so that programs that only write packs
// do not link a browser driver.
package browser

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// ErrNoBrowser is returned by Find when no Chromium or Chrome executable is
// on the PATH.
var ErrNoBrowser = errors.New("browser: no chromium, chromium-browser, google-chrome or google-chrome-stable on the PATH")

// Find returns the path of the browser to run: Debian's chromium, or another
// build of Chromium or Chrome on the PATH.
func Find() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// Page is one HTML file loaded in its own headless browser.
type Page struct {
	ctx    context.Context
	cancel context.CancelFunc
	url    string
	// Load is how long the page took from the navigation to its load event,
	// with its layout done.
	Load time.Duration

	mu       sync.Mutex
	messages []string
	requests []string
}

// Open starts the browser at exe, headless, and loads the HTML file at path in
// a window of width × height CSS pixels. The browser runs without its sandbox
// when the process runs as root (as in CI containers), where Chromium refuses
// to start otherwise. Close the page to stop the browser; ctx bounds
// everything done with the page.
func Open(ctx context.Context, exe, path string, width, height int) (*Page, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.WindowSize(width, height),
		chromedp.DisableGPU,
	)
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox)
	}
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	p := &Page{
		ctx:    bctx,
		cancel: func() { bcancel(); acancel() },
		url:    (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String(),
	}
	if err := chromedp.Listen(bctx, p.record); err != nil {
		p.Close()
		return nil, fmt.Errorf("browser: starting %s: %w", exe, err)
	}
	start := time.Now()
	if err := chromedp.Do(bctx, chromedp.Navigate(p.url)); err != nil {
		p.Close()
		return nil, fmt.Errorf("browser: loading %s: %w", p.url, err)
	}
	// Reading a box's size makes the browser finish the layout of the page.
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[float64](`document.documentElement.getBoundingClientRect().height`)); err != nil {
		p.Close()
		return nil, fmt.Errorf("browser: laying out %s: %w", p.url, err)
	}
	p.Load = time.Since(start)
	return p, nil
}

// record keeps what the page writes to the console, the exceptions it throws,
// the browser's log entries about it and every request it makes. It runs on
// chromedp's reading goroutine, so it only appends under the lock.
func (p *Page) record(ev any) {
	var msg, req string
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		var args []string
		for _, a := range e.Args {
			var str string
			switch {
			case a.Description != "":
				args = append(args, a.Description)
			case json.Unmarshal(a.Value, &str) == nil:
				args = append(args, str)
			default:
				args = append(args, string(a.Value))
			}
		}
		msg = fmt.Sprintf("console.%s: %s", e.Type, strings.Join(args, " "))
	case *runtime.EventExceptionThrown:
		msg = "exception: " + e.ExceptionDetails.Text
		if e.ExceptionDetails.Exception != nil {
			msg += " " + e.ExceptionDetails.Exception.Description
		}
	case *log.EventEntryAdded:
		msg = fmt.Sprintf("log %s (%s): %s %s", e.Entry.Level, e.Entry.Source, e.Entry.Text, e.Entry.URL)
	case *network.EventRequestWillBeSent:
		req = e.Request.URL
	default:
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if msg != "" {
		p.messages = append(p.messages, msg)
	}
	if req != "" {
		p.requests = append(p.requests, req)
	}
}

// Messages returns what the page wrote to the console, the exceptions it threw
// and the browser's log entries, in the order they came.
func (p *Page) Messages() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.messages...)
}

// Fetches returns the URLs of the requests the page made besides the page
// itself: the scripts, fonts, images or style sheets it fetched.
func (p *Page) Fetches() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, u := range p.requests {
		if u != p.url {
			out = append(out, u)
		}
	}
	return out
}

// Eval evaluates a JavaScript expression in the page and decodes its value
// into T.
func Eval[T any](p *Page, expr string) (T, error) {
	return chromedp.Run(p.ctx, chromedp.Evaluate[T](expr))
}

// PDF prints the page as the browser's print dialogue would with the page's
// own page size (its @page rule) and backgrounds.
func (p *Page) PDF() ([]byte, error) {
	return chromedp.Run(p.ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
}

// Screenshot returns a PNG of the whole page, beyond the window. A page too
// long for the browser to capture in one image gives an error; WindowScreenshot
// still captures its first screen.
func (p *Page) Screenshot() ([]byte, error) {
	return chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
}

// WindowScreenshot returns a PNG of what the window shows.
func (p *Page) WindowScreenshot() ([]byte, error) {
	return chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
}

// Timing is the page's navigation timing, in milliseconds from the start of
// the navigation.
type Timing struct {
	ResponseEnd      float64 `json:"responseEnd"`
	DOMInteractive   float64 `json:"domInteractive"`
	DOMContentLoaded float64 `json:"domContentLoadedEventEnd"`
	LoadEventEnd     float64 `json:"loadEventEnd"`
}

// Timing returns the browser's own measure of the page's load.
func (p *Page) Timing() (Timing, error) {
	return Eval[Timing](p, `performance.getEntriesByType("navigation")[0].toJSON()`)
}

// ElementScreenshot returns a PNG of the first element that the CSS selector
// matches, scrolled into view.
func (p *Page) ElementScreenshot(selector string) ([]byte, error) {
	return chromedp.Run(p.ctx, chromedp.Screenshot(chromedp.CSS(selector)))
}

// RenderAll makes the browser render every section now, also those off
// screen that the pack's style sheet lets it skip until they are scrolled to
// (content-visibility: auto), so that screenshots show them.
func (p *Page) RenderAll() error {
	_, err := Eval[int](p, `[...document.querySelectorAll("section")].map(s => s.style.contentVisibility = "visible").length`)
	return err
}

// EmulatePrint makes the page use its print style sheet on screen, as the
// print preview does, so that screenshots show the printed look.
func (p *Page) EmulatePrint() error {
	_, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	return err
}

// Close stops the browser.
func (p *Page) Close() { p.cancel() }

// pageObject matches the dictionary of a page object, /Type /Page, and not the
// page tree's /Type /Pages.
var pageObject = regexp.MustCompile(`/Type\s*/Page[^s]`)

// Pages counts the pages of a PDF by its page objects.
func Pages(pdf []byte) int { return len(pageObject.FindAll(pdf, -1)) }
