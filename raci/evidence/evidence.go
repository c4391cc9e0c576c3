package evidence

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// Pack is what an evidence pack is written from: a register, the report of
// its evaluation and the rules that evaluated it.
type Pack struct {
	// Register is the loaded register. Required.
	Register *raci.Register
	// Report is the engine's report on Register; its AsOf is the pack's date.
	// Required.
	Report *engine.Report
	// Rules are the engine's rules (engine.Engine.Rules), for the cross-reference
	// of rules to frameworks. Without them the cross-reference is empty.
	Rules []engine.Rule
}

// ErrInvalidPack is wrapped by the errors of a pack that cannot be written: a
// missing register or report, or an option that does not fit the pack.
var ErrInvalidPack = errors.New("evidence: invalid pack")

// Option configures HTML, Markdown and Write. An option that does not fit the
// pack makes the call return its error before anything is written.
type Option func(*config) error

type config struct {
	mappings Mappings
}

// WithMappings fills the SOC 2, NIST CSF 2.0 and SP 800-53 columns of the rule
// cross-reference from m. Every rule id of m must be a rule of the pack;
// otherwise writing fails with an error naming it. Without this option those
// columns are empty: rolecall ships no mapping of its own.
func WithMappings(m Mappings) Option {
	return func(c *config) error {
		c.mappings = m
		return nil
	}
}

// Formats returns the names Write accepts, in the order a usage message should
// list them.
func Formats() []string { return []string{"html", "markdown"} }

// Write writes the pack in the format called name (one of Formats) to w. For
// any other name it returns an error listing the formats, and writes nothing.
func Write(w io.Writer, name string, pack Pack, opts ...Option) error {
	switch name {
	case "html":
		return HTML(w, pack, opts...)
	case "markdown":
		return Markdown(w, pack, opts...)
	}
	return fmt.Errorf("evidence: format %q is not one of %s", name, strings.Join(Formats(), ", "))
}

// HTML writes the pack to w as one self-contained HTML document: inline CSS
// and SVG, no script, and nothing fetched when it is opened. It prints with a
// page break before each section. It returns the first error writing to w.
func HTML(w io.Writer, pack Pack, opts ...Option) error {
	v, err := prepare(pack, opts)
	if err != nil {
		return err
	}
	return render(w, func(bw io.Writer) error { return htmlTemplate.Execute(bw, v) })
}

// Markdown writes the pack to w as a GitHub-flavoured Markdown document, with
// the governance chart as a Mermaid diagram and the charts as tables. It
// returns the first error writing to w.
func Markdown(w io.Writer, pack Pack, opts ...Option) error {
	v, err := prepare(pack, opts)
	if err != nil {
		return err
	}
	return render(w, func(bw io.Writer) error { return markdownTemplate.Execute(bw, v) })
}

// prepare checks the pack and the options and builds the view both formats
// render.
func prepare(pack Pack, opts []Option) (*view, error) {
	if pack.Register == nil {
		return nil, fmt.Errorf("%w: expected a register, found none (Pack.Register is nil)", ErrInvalidPack)
	}
	if pack.Report == nil {
		return nil, fmt.Errorf("%w: expected the register's report, found none (Pack.Report is nil)", ErrInvalidPack)
	}
	var cfg config
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	if err := cfg.mappings.check(pack.Rules); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidPack, err)
	}
	return buildView(pack, cfg), nil
}

// render runs exec on a buffered writer over w and flushes it.
func render(w io.Writer, exec func(io.Writer) error) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := exec(bw); err != nil {
		return fmt.Errorf("evidence: writing the pack: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("evidence: writing the pack: %w", err)
	}
	return nil
}
