package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/rolecall/rolecall/raci"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/topdown/print"

	"github.com/rolecall/rolecall/internal/ruleset"
	"github.com/rolecall/rolecall/rules"
)

// Engine evaluates the bundled Annex A 5.2 rules, and any organisation rules, on
// registers. New compiles everything once; Evaluate is cheap and safe to call
// from many goroutines at once.
type Engine struct {
	query   rego.PreparedEvalQuery
	rules   []Rule
	params  map[string]any
	timeout time.Duration
	modules map[string]*ast.Module
	data    map[string]any
	// byID holds the rules by id: the header of every finding comes from it.
	byID     map[string]Rule
	printCap int
	print    *lockedWriter
	customFS []fs.FS
}

// Rule describes one rule of the engine's catalogue, read from its METADATA.
type Rule struct {
	// ID is the stable rule id, e.g. A52-ASSET-001.
	ID string `json:"id"`
	// Title says what the rule finds.
	Title string `json:"title"`
	// Description explains the rule.
	Description string `json:"description,omitempty"`
	// Severity is the severity the engine reports (after overrides).
	Severity Severity `json:"severity"`
	// DefaultSeverity is the severity in the rule's METADATA.
	DefaultSeverity Severity `json:"default_severity"`
	// Control is the ISO/IEC 27001:2022 control or clause, e.g. A.5.2.
	Control string `json:"control,omitempty"`
	// Remediation says what to do about a finding.
	Remediation string `json:"remediation,omitempty"`
	// Package is the Rego package of the rule.
	Package string `json:"package"`
	// File and Line locate the rule's METADATA.
	File string `json:"file"`
	Line int    `json:"line"`
	// Custom is true for organisation rules (package rolecall.custom.*).
	Custom bool `json:"custom,omitempty"`
	// Disabled is true when the rule is not evaluated.
	Disabled bool `json:"disabled,omitempty"`
	// References lists related resources (URLs).
	References []string `json:"references,omitempty"`
}

// Option configures New. Options are applied in order; one that fails
// makes New return its error.
type Option func(*engineConfig) error

type engineConfig struct {
	params      map[string]any
	paramOrigin map[string]string
	// disabledOrigin and severityOrigin locate configuration entries ("file:line: ").
	disabledOrigin map[string]string
	severityOrigin map[string]string
	disabled       []string
	severities     map[string]Severity
	customFS       []fs.FS
	// ruleDirs holds the resolved paths of the directories of WithRuleDir, so
	// that a directory named twice is loaded once.
	ruleDirs map[string]bool
	timeout  time.Duration
	printCap int
	print    *lockedWriter
}

// WithParams overrides rule parameters (see the catalogue's parameter table).
// Organisation rules may declare parameters of their own in their METADATA
// (custom.params with defaults). An unknown name or a value of the wrong type is
// an error wrapping ErrInvalidConfig. Later calls merge over earlier ones.
func WithParams(params map[string]any) Option {
	return func(c *engineConfig) error {
		for k, v := range params {
			c.params[k] = v
			delete(c.paramOrigin, k)
		}
		return nil
	}
}

// WithDisabled turns rules off by id (bundled or organisation rules). An unknown
// id is an error wrapping ErrInvalidConfig.
func WithDisabled(ids ...string) Option {
	return func(c *engineConfig) error {
		c.disabled = append(c.disabled, ids...)
		return nil
	}
}

// WithSeverity overrides the severity of a rule (bundled or organisation rule).
func WithSeverity(ruleID string, s Severity) Option {
	return func(c *engineConfig) error {
		if s.Rank() < 0 {
			return fmt.Errorf("%w: severity %q for rule %s is not one of %s", ErrInvalidConfig, s, ruleID, severityList())
		}
		c.severities[ruleID] = s
		return nil
	}
}

// WithRules adds organisation rules: every .rego file in fsys (files ending in
// _test.rego are tests, not rules). Each rule is a package rolecall.custom.NAME with
// a METADATA block (title, custom.id, custom.severity, optional custom.control,
// custom.remediation, custom.params) that defines `finding contains f` with
// subject, message and optional path, exactly like the bundled rules. Rules compile
// against the sandbox (see ForbiddenBuiltin).
func WithRules(fsys fs.FS) Option {
	return func(c *engineConfig) error {
		c.customFS = append(c.customFS, fsys)
		return nil
	}
}

// WithRuleDir adds the organisation rules in a directory on disk, like
// WithRules(os.DirFS(dir)), naming files in messages by their path under dir.
//
// A directory named more than once (by several options, or by an option and a
// configuration file, in any spelling of its path) is loaded once, under the
// first name it was given.
func WithRuleDir(dir string) Option {
	return func(c *engineConfig) error {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return fmt.Errorf("%w: rules directory %s: not a readable directory", ErrInvalidConfig, dir)
		}
		key, err := filepath.Abs(dir)
		if err == nil {
			if real, err := filepath.EvalSymlinks(key); err == nil {
				key = real
			}
		}
		if c.ruleDirs == nil {
			c.ruleDirs = map[string]bool{}
		}
		if c.ruleDirs[key] {
			return nil
		}
		c.ruleDirs[key] = true
		c.customFS = append(c.customFS, dirFS(dir))
		return nil
	}
}

// WithPrintStatements keeps Rego print() calls in the rules (they are removed by
// default), for debugging organisation rules. Their output goes to w, at most
// maxBytes per evaluation (default 64 KiB when maxBytes <= 0); the rest is
// dropped with a note. Evaluations running at the same time write whole lines
// to w one at a time. A nil w is an error.
func WithPrintStatements(w io.Writer, maxBytes int) Option {
	return func(c *engineConfig) error {
		if w == nil {
			return fmt.Errorf("%w: WithPrintStatements needs a writer", ErrInvalidConfig)
		}
		c.print = &lockedWriter{w: w}
		if maxBytes > 0 {
			c.printCap = maxBytes
		}
		return nil
	}
}

// WithTimeout bounds every evaluation (default 60s) on top of the context's own
// deadline. Zero or negative means only the context's deadline applies.
func WithTimeout(d time.Duration) Option {
	return func(c *engineConfig) error {
		c.timeout = d
		return nil
	}
}

// WithConfig applies a loaded rolecall.yaml configuration: its parameters,
// disabled rules, severity overrides and organisation rule directories.
func WithConfig(cfg *Config) Option {
	return func(c *engineConfig) error {
		if cfg == nil {
			return nil
		}
		for k, v := range cfg.Params {
			c.params[k] = v
			c.paramOrigin[k] = cfg.where("/params/" + k)
		}
		for i, id := range cfg.Disable {
			c.disabled = append(c.disabled, id)
			c.disabledOrigin[id] = cfg.where(fmt.Sprintf("/disable/%d", i))
		}
		for id, s := range cfg.Severity {
			if err := WithSeverity(id, s)(c); err != nil {
				return fmt.Errorf("%s%w", cfg.where("/severity/"+id), err)
			}
			c.severityOrigin[id] = cfg.where("/severity/" + id)
		}
		for _, dir := range cfg.RuleDirs() {
			if err := WithRuleDir(dir)(c); err != nil {
				return err
			}
		}
		if cfg.Timeout > 0 {
			c.timeout = cfg.Timeout
		}
		return nil
	}
}

// parsedBundle is the bundled rules parsed, and their catalogue.
type parsedBundle struct {
	modules   map[string]*ast.Module
	catalogue []ruleset.Meta
}

// bundledRules parses the bundled rules once per process: they are embedded
// and cannot change, and parsing them is a large part of compiling an engine.
// The result is never modified: each engine compiles copies of the modules.
var bundledRules = sync.OnceValues(func() (parsedBundle, error) {
	mods, err := ruleset.ParseRules(rules.FS(), "rolecall")
	if err != nil {
		return parsedBundle{}, err
	}
	cat, err := ruleset.CatalogueOf(mods, ast.MustParseRef("data.rolecall.rules"))
	if err != nil {
		return parsedBundle{}, err
	}
	return parsedBundle{modules: mods, catalogue: cat}, nil
})

// New compiles the bundled rules (and organisation rules given with
// WithRules or WithConfig) into a prepared query. Errors wrap ErrRules (rules that
// do not compile, lack METADATA, clash or use a forbidden builtin) or
// ErrInvalidConfig (unknown parameter, bad value, unknown rule id).
func New(ctx context.Context, opts ...Option) (*Engine, error) {
	cfg := &engineConfig{params: map[string]any{}, paramOrigin: map[string]string{}, disabledOrigin: map[string]string{}, severityOrigin: map[string]string{}, severities: map[string]Severity{}, timeout: 60 * time.Second, printCap: 64 << 10}
	for _, o := range opts {
		if err := o(cfg); err != nil {
			return nil, err
		}
	}

	parsed, err := bundledRules()
	if err != nil {
		return nil, rulesError(err)
	}
	// The engine gets its own copies: nothing it does reaches the shared parse.
	mods := make(map[string]*ast.Module, len(parsed.modules))
	for name, m := range parsed.modules {
		mods[name] = m.Copy()
	}
	bundled := slices.Clone(parsed.catalogue)

	custom, customDefaults, err := loadCustomRules(cfg.customFS, mods)
	if err != nil {
		return nil, err
	}
	all := make([]Rule, 0, len(bundled)+len(custom))
	for _, m := range bundled {
		all = append(all, ruleOf(m, false))
	}
	for _, m := range custom {
		all = append(all, ruleOf(m, true))
	}
	if err := checkUniqueIDs(all); err != nil {
		return nil, err
	}
	known := make(map[string]bool, len(all))
	for _, r := range all {
		known[r.ID] = true
	}
	for _, id := range cfg.disabled {
		if !known[id] {
			return nil, fmt.Errorf("%w: %scannot disable unknown rule %q", ErrInvalidConfig, cfg.disabledOrigin[id], id)
		}
	}
	sevOverrides := map[string]any{}
	for id, s := range cfg.severities {
		if !known[id] {
			return nil, fmt.Errorf("%w: %scannot set the severity of unknown rule %q", ErrInvalidConfig, cfg.severityOrigin[id], id)
		}
		sevOverrides[id] = string(s)
	}
	disabledSet := map[string]bool{}
	for _, id := range cfg.disabled {
		disabledSet[id] = true
	}
	for i := range all {
		all[i].Disabled = disabledSet[all[i].ID]
		if s, ok := cfg.severities[all[i].ID]; ok {
			all[i].Severity = s
		}
	}

	defaults, err := defaultParams()
	if err != nil {
		return nil, err
	}
	params, err := mergeParams(defaults, customDefaults, cfg.params, cfg.paramOrigin)
	if err != nil {
		return nil, err
	}

	disabledList := make([]any, 0, len(cfg.disabled))
	for _, id := range cfg.disabled {
		disabledList = append(disabledList, id)
	}
	data := map[string]any{
		"rolecall": map[string]any{
			"params": params,
			"config": map[string]any{"disabled": disabledList, "severity": sevOverrides},
			"catalogue": map[string]any{
				"rules":  ruleset.CatalogueData(bundled),
				"custom": ruleset.CatalogueData(custom),
			},
		},
	}
	// Round-trip through JSON so the store holds plain JSON values only.
	var storeData map[string]any
	if b, err := json.Marshal(data); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidConfig, err)
	} else if err := decodeJSON(b, &storeData); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidConfig, err)
	}

	ropts := []func(*rego.Rego){
		rego.Query(engineQuery),
		rego.Store(inmem.NewFromObject(storeData)),
		rego.Capabilities(ruleset.SandboxCapabilities()),
		rego.SetRegoVersion(ast.RegoV1),
		rego.StrictBuiltinErrors(true),
		rego.EnablePrintStatements(cfg.print != nil),
	}
	names := make([]string, 0, len(mods))
	for f := range mods {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		ropts = append(ropts, rego.ParsedModule(mods[f]))
	}
	pq, err := rego.New(ropts...).PrepareForEval(ctx)
	if err != nil {
		return nil, rulesError(err)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	byID := make(map[string]Rule, len(all))
	for _, r := range all {
		byID[r.ID] = r
	}
	return &Engine{query: pq, rules: all, byID: byID, params: params, timeout: cfg.timeout, modules: mods, data: storeData, printCap: cfg.printCap, print: cfg.print, customFS: cfg.customFS}, nil
}

func ruleOf(m ruleset.Meta, custom bool) Rule {
	return Rule{ID: m.ID, Title: m.Title, Description: m.Description, Severity: Severity(m.Severity), DefaultSeverity: Severity(m.Severity),
		Control: m.Control, Remediation: m.Remediation, Package: m.Package, File: m.File, Line: m.Line, Custom: custom, References: slices.Clone(m.References)}
}

func checkUniqueIDs(all []Rule) error {
	seen := map[string]Rule{}
	var problems ruleset.Problems
	for _, r := range all {
		if prev, dup := seen[r.ID]; dup {
			problems = append(problems, ruleset.Problem{File: r.File, Line: r.Line, Message: fmt.Sprintf("rule id %s of package %s is already used by package %s (%s:%d)", r.ID, r.Package, prev.Package, prev.File, prev.Line)})
			continue
		}
		seen[r.ID] = r
	}
	if len(problems) > 0 {
		return rulesError(problems)
	}
	return nil
}

// Rules returns the engine's catalogue: the bundled rules and the organisation's,
// sorted by id, with the severity the engine reports and whether each is disabled.
func (e *Engine) Rules() []Rule { return append([]Rule(nil), e.rules...) }

// Params returns the parameters the engine evaluates with (defaults merged with
// overrides), as plain JSON values.
func (e *Engine) Params() map[string]any {
	var out map[string]any
	b, _ := json.Marshal(e.params)
	_ = decodeJSON(b, &out)
	return out
}

// Evaluate checks reg as of the date asOf, which every date rule is measured
// against (pass raci.Today() for today), and returns the findings in a
// deterministic order (severity, rule, subject, path, message) with a summary.
// Findings carry the source line of their path when reg was loaded from a file.
// It honours ctx's deadline and the engine's timeout; an exceeded deadline gives
// an error wrapping ErrEvaluation and context.DeadlineExceeded. Evaluate never
// modifies reg.
func (e *Engine) Evaluate(ctx context.Context, reg *raci.Register, asOf raci.Date) (rep *Report, err error) {
	if reg == nil {
		return nil, fmt.Errorf("%w: no register", ErrEvaluation)
	}
	if asOf.IsZero() {
		return nil, fmt.Errorf("%w: no evaluation date: pass raci.Today() to evaluate as of today", ErrEvaluation)
	}
	if e.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, e.timeout)
		defer cancel()
	}
	defer func() {
		if r := recover(); r != nil {
			rep, err = nil, fmt.Errorf("%w: internal error during evaluation: %v", ErrEvaluation, r)
		}
	}()
	input, err := inputValue(reg, asOf)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEvaluation, err)
	}
	evalOpts := []rego.EvalOption{rego.EvalParsedInput(input)}
	if e.print != nil {
		evalOpts = append(evalOpts, rego.EvalPrintHook(&cappedPrinter{w: e.print, left: e.printCap}))
	}
	rs, err := e.query.Eval(ctx, evalOpts...)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, fmt.Errorf("%w: stopped after the deadline: %w", ErrEvaluation, ctxErr)
		}
		return nil, fmt.Errorf("%w: %v", ErrEvaluation, err)
	}
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return nil, fmt.Errorf("%w: %s is undefined", ErrEvaluation, engineQuery)
	}
	findings, err := e.findingsOf(rs[0].Expressions[0].Value, reg)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEvaluation, err)
	}
	return newReport(reg, asOf, findings), nil
}

// Input returns the input rolecall evaluates, as plain JSON values:
// {"as_of": "YYYY-MM-DD", "register": the register as JSON}. It is what an OPA
// server serving the engine's bundle (WriteBundle) is sent as input.
func Input(reg *raci.Register, asOf raci.Date) (map[string]any, error) {
	v, err := inputValue(reg, asOf)
	if err != nil {
		return nil, err
	}
	out, err := ast.JSON(v)
	if err != nil {
		return nil, err
	}
	m, ok := out.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("the input is %T, not an object", out)
	}
	return m, nil
}

// inputValue is Input as the Rego value the prepared query takes.
func inputValue(reg *raci.Register, asOf raci.Date) (ast.Value, error) {
	regVal, err := registerValue(reg)
	if err != nil {
		return nil, err
	}
	return ast.NewObject(
		[2]*ast.Term{ast.StringTerm("as_of"), ast.StringTerm(asOf.String())},
		[2]*ast.Term{ast.StringTerm("register"), ast.NewTerm(regVal)},
	), nil
}

// engineQuery is what the engine evaluates: every enabled rule's finding set by
// rule id, and the waivers (rules/rolecall/report.rego). The engine decorates
// the findings in findingsOf exactly as data.rolecall.report does for a plain
// OPA; TestEngineDecoratesLikeReport holds the two together.
const engineQuery = "data.rolecall.by_rule"

// findingsOf turns the value of engineQuery into findings. Like
// data.rolecall.report, it reports a rule's finding only when it has a subject
// and a message, keeps its path only when that is a string, adds the rule's
// metadata (severity after overrides) and the exception that waives it, and
// reports findings that are then equal once. Where report keeps a value that
// is not a string (a subject or message an organisation rule made a number),
// the typed Finding has the empty string.
func (e *Engine) findingsOf(v any, reg *raci.Register) ([]Finding, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s is %T, not an object", engineQuery, v)
	}
	byRule, ok := obj["rules"].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s has no rules object", engineQuery)
	}
	waiverList, _ := obj["waivers"].([]any)
	waivers := make(map[[2]string]string, len(waiverList))
	for _, w := range waiverList {
		t, ok := w.([]any)
		if !ok || len(t) != 3 {
			return nil, fmt.Errorf("a waiver is %v, not [rule, subject, exception]", w)
		}
		rule, _ := t[0].(string)
		subject, _ := t[1].(string)
		id, _ := t[2].(string)
		waivers[[2]string{rule, subject}] = id
	}
	source := reg.SourceName()
	out := []Finding{}
	for id, set := range byRule {
		rule, ok := e.byID[id]
		if !ok {
			return nil, fmt.Errorf("findings of unknown rule %q", id)
		}
		list, ok := set.([]any)
		if !ok {
			return nil, fmt.Errorf("the findings of %s are %T, not a set", id, set)
		}
		seen := make(map[findingKey]bool, len(list))
		for _, item := range list {
			m, ok := item.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("a finding of %s is %T, not an object", id, item)
			}
			subject, hasSubject := m["subject"]
			message, hasMessage := m["message"]
			if !hasSubject || !hasMessage {
				continue
			}
			key := findingKey{subject: keyOf(subject), message: keyOf(message)}
			f := Finding{Rule: id, Severity: rule.Severity, Control: rule.Control, Title: rule.Title, Remediation: rule.Remediation, File: source}
			f.Subject, _ = subject.(string)
			f.Message, _ = message.(string)
			if p, ok := m["path"].(string); ok {
				f.Path, key.path, key.hasPath = p, p, true
			}
			if s, ok := subject.(string); ok {
				f.Waived = waivers[[2]string{id, s}]
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			if f.Path != "" {
				pos := reg.Position(f.Path)
				f.Line, f.Column = pos.Line, pos.Column
			}
			out = append(out, f)
		}
	}
	return out, nil
}

// findingKey identifies a finding of one rule as data.rolecall.report's set
// does: by subject, message and (string) path.
type findingKey struct {
	subject, message, path string
	hasPath                bool
}

// keyOf is a string that tells JSON values apart: "s" and a string, "j" and
// the JSON of any other value.
func keyOf(v any) string {
	if s, ok := v.(string); ok {
		return "s" + s
	}
	b, _ := json.Marshal(v)
	return "j" + string(b)
}

// lockedWriter lets the evaluations of one engine share the print writer.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) WriteString(s string) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return io.WriteString(l.w, s)
}

// cappedPrinter writes one evaluation's print() output up to a byte budget,
// then one note.
type cappedPrinter struct {
	mu        sync.Mutex
	w         *lockedWriter
	left      int
	truncated bool
}

func (p *cappedPrinter) Print(pctx print.Context, msg string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	line := msg + "\n"
	if pctx.Location != nil {
		line = fmt.Sprintf("%s:%d: %s\n", pctx.Location.File, pctx.Location.Row, msg)
	}
	if len(line) > p.left {
		if !p.truncated {
			p.truncated = true
			_, err := p.w.WriteString("[rolecall: print output truncated]\n")
			return err
		}
		return nil
	}
	p.left -= len(line)
	_, err := p.w.WriteString(line)
	return err
}

func decodeJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	return dec.Decode(v)
}

// ruleDir is a directory of organisation rules on disk; file names in messages
// are shown relative to the working directory, as the user wrote the directory.
type ruleDir struct {
	fs.FS
	dir string
}

func dirFS(dir string) fs.FS { return ruleDir{FS: os.DirFS(dir), dir: dir} }

// displayName returns how a file of fsys is named in messages.
func displayName(fsys fs.FS, name string) string {
	if d, ok := fsys.(ruleDir); ok {
		return path.Join(filepath.ToSlash(d.dir), name)
	}
	return name
}
