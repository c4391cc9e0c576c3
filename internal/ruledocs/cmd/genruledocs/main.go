// Command genruledocs writes the documentation pages of the bundled rules
// (one <RULE-ID>.md per rule and README.md, the index) into a directory, and
// removes the pages of rules that no longer exist. It is run by go generate in
// internal/ruledocs:
//
//	go generate ./internal/ruledocs
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/rolecall/rolecall/internal/atomicfile"
	"github.com/rolecall/rolecall/internal/ruledocs"
)

func main() {
	dir := flag.String("dir", "docs/rules", "the `directory` to write the pages into")
	flag.Parse()
	if err := run(context.Background(), *dir); err != nil {
		fmt.Fprintln(os.Stderr, "genruledocs:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, dir string) error {
	files, err := ruledocs.Generate(ctx)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, content := range files {
		err := atomicfile.Write(filepath.Join(dir, name), func(w io.Writer) error {
			_, err := w.Write(content)
			return err
		})
		if err != nil {
			return err
		}
	}
	// A page whose rule is gone would mislead: remove it. Only generated
	// pages are removed.
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || filepath.Ext(name) != ".md" || files[name] != nil {
			continue
		}
		old, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		if strings.HasPrefix(string(old), ruledocs.GeneratedHeader) {
			if err := os.Remove(filepath.Join(dir, name)); err != nil {
				return err
			}
		}
	}
	return nil
}
