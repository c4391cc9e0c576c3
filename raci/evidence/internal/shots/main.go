// Command shots writes the evidence pack of a register as HTML and Markdown,
// opens the HTML in headless Chromium, and writes a screenshot of the whole
// page and its PDF print, for people to look at. scripts/evidence-screenshot
// runs it; it is not part of rolecall's command line.
//
// Usage:
//
//	go run ./raci/evidence/internal/shots [-as-of YYYY-MM-DD] [-out DIR] [-width PX] [-sections [-print]] REGISTER
//
// It writes DIR/evidence-pack.html, DIR/evidence-pack.md, DIR/evidence-pack.png
// and DIR/evidence-pack.pdf (and with -sections a screenshot of each main
// section, in the printed look with -print), and prints their paths, the number of PDF pages and how long the
// browser took to load the page.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/evidence"
	"github.com/rolecall/rolecall/raci/evidence/internal/browser"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "shots:", err)
		os.Exit(1)
	}
}

func run() error {
	asOf := flag.String("as-of", raci.Today().String(), "evaluation date, YYYY-MM-DD")
	out := flag.String("out", ".", "directory to write the pack, the screenshot and the PDF to")
	width := flag.Int("width", 1280, "width of the browser window in CSS pixels")
	sections := flag.Bool("sections", false, "also write a screenshot of each main section, DIR/evidence-pack-SECTION.png")
	printLook := flag.Bool("print", false, "take the section screenshots with the print style sheet")
	flag.Parse()
	if flag.NArg() != 1 {
		return fmt.Errorf("expected one register file, found %d arguments", flag.NArg())
	}
	date, err := raci.ParseDate(*asOf)
	if err != nil {
		return fmt.Errorf("-as-of: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	reg, err := raci.LoadFile(flag.Arg(0))
	if err != nil {
		return err
	}
	eng, err := engine.New(ctx)
	if err != nil {
		return err
	}
	rep, err := eng.Evaluate(ctx, reg, date)
	if err != nil {
		return err
	}
	pack := evidence.Pack{Register: reg, Report: rep, Rules: eng.Rules()}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	name := func(ext string) string { return filepath.Join(*out, "evidence-pack"+ext) }
	for _, f := range []struct{ format, ext string }{{"html", ".html"}, {"markdown", ".md"}} {
		var buf bytes.Buffer
		if err := evidence.Write(&buf, f.format, pack); err != nil {
			return err
		}
		if err := os.WriteFile(name(f.ext), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	exe, err := browser.Find()
	if err != nil {
		return err
	}
	page, err := browser.Open(ctx, exe, name(".html"), *width, 900)
	if err != nil {
		return err
	}
	defer page.Close()
	if err := page.RenderAll(); err != nil {
		return err
	}
	png, err := page.Screenshot()
	if err != nil {
		fmt.Fprintf(os.Stderr, "shots: the whole page does not fit one image (%v); writing its first screen\n", err)
		if png, err = page.WindowScreenshot(); err != nil {
			return err
		}
	}
	pdf, err := page.PDF()
	if err != nil {
		return err
	}
	if err := os.WriteFile(name(".png"), png, 0o644); err != nil {
		return err
	}
	if *sections {
		if *printLook {
			if err := page.EmulatePrint(); err != nil {
				return err
			}
		}
		for _, id := range []string{"summary", "governance", "raci", "heat", "people", "findings", "rules"} {
			shot, err := page.ElementScreenshot("#" + id)
			if err != nil {
				return fmt.Errorf("screenshot of section %s: %w", id, err)
			}
			if err := os.WriteFile(name("-"+id+".png"), shot, 0o644); err != nil {
				return err
			}
			fmt.Println(name("-" + id + ".png"))
		}
	}
	if err := os.WriteFile(name(".pdf"), pdf, 0o644); err != nil {
		return err
	}
	for _, ext := range []string{".html", ".md", ".png"} {
		fmt.Println(name(ext))
	}
	fmt.Printf("%s (%d pages)\n", name(".pdf"), browser.Pages(pdf))
	timing, err := page.Timing()
	if err != nil {
		return err
	}
	fmt.Printf("loaded and laid out in %v (browser's navigation timing: DOM interactive %.0f ms, load event end %.0f ms)\n",
		page.Load.Round(time.Millisecond), timing.DOMInteractive, timing.LoadEventEnd)
	if msgs := page.Messages(); len(msgs) > 0 {
		return fmt.Errorf("the page wrote to the console: %q", msgs)
	}
	if fetched := page.Fetches(); len(fetched) > 0 {
		return fmt.Errorf("the page fetched %q", fetched)
	}
	return nil
}
