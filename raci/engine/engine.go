package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/rolecall/rolecall/raci"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/topdown/print"

	"github.com/rolecall/rolecall/internal/document"
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
	byID        map[string]Rule
	printCap    int
	print       *lockedWriter
	customFS    []fs.FS
	memoryLimit int64
	maxFindings int
	configFiles []string
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
	disabled    []string
	severities  map[string]Severity
	customFS    []fs.FS
	// ruleDirs holds the resolved paths of the directories of WithRuleDir, so
	// that a directory named twice is loaded once.
	ruleDirs    map[string]bool
	timeout     time.Duration
	printCap    int
	print       *lockedWriter
	memoryLimit int64
	maxFindings int
	// configDirs are the rule directories of configurations, checked against
	// their configuration's directory once every option is applied.
	configDirs         []configDir
	rulesOutsideConfig bool
	configFiles        []string
	checks             configChecks // see config.go
}

// configDir is a rule directory named in a configuration file.
type configDir struct {
	dir, base, origin string
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
		fsys, err := dirFS(dir)
		if err != nil {
			return fmt.Errorf("%w: rules directory %s: %v", ErrInvalidConfig, dir, err)
		}
		c.ruleDirs[key] = true
		c.customFS = append(c.customFS, fsys)
		return nil
	}
}

// WithRuleDirsOutsideConfig lets the rule directories a configuration names
// (WithConfig) lie outside the configuration file's directory. Without it, a
// directory that is absolute, climbs out with .., or is a link that leads out
// is an error wrapping ErrInvalidConfig: a repository's rolecall.yaml cannot
// make rolecall walk the file system (rules: ["/"]) or read another tree.
func WithRuleDirsOutsideConfig() Option {
	return func(c *engineConfig) error {
		c.rulesOutsideConfig = true
		return nil
	}
}

// insideDir reports whether dir, with its links resolved, lies in base (or is
// base).
func insideDir(base, dir string) bool {
	resolve := func(p string) (string, bool) {
		abs, err := filepath.Abs(p)
		if err != nil {
			return "", false
		}
		real, err := filepath.EvalSymlinks(abs)
		if err != nil {
			return "", false
		}
		return real, true
	}
	b, ok1 := resolve(base)
	d, ok2 := resolve(dir)
	if !ok1 || !ok2 {
		return false
	}
	rel, err := filepath.Rel(b, d)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
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
// deadline. Zero or negative means only the context's deadline applies. A
// timeout longer than MaxTimeout is an error wrapping ErrInvalidConfig.
func WithTimeout(d time.Duration) Option {
	return func(c *engineConfig) error {
		if d > MaxTimeout {
			return fmt.Errorf("%w: timeout %v is longer than the longest allowed, %v", ErrInvalidConfig, d, MaxTimeout)
		}
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
		if cfg.name != "" {
			c.configFiles = append(c.configFiles, cfg.name)
		}
		c.checks.configs = append(c.checks.configs, cfg)
		for k, v := range cfg.Params {
			c.params[k] = v
			c.paramOrigin[k] = cfg.where("/params/" + k)
		}
		c.disabled = append(c.disabled, cfg.Disable...)
		for id, s := range cfg.Severity {
			if err := WithSeverity(id, s)(c); err != nil {
				return fmt.Errorf("%s%w", cfg.where("/severity/"+id), err)
			}
		}
		for i, dir := range cfg.RuleDirs() {
			c.configDirs = append(c.configDirs, configDir{dir: dir, base: cfg.dir, origin: cfg.where(fmt.Sprintf("/rules/%d", i))})
		}
		if cfg.Timeout > 0 {
			if err := WithTimeout(cfg.Timeout)(c); err != nil {
				return fmt.Errorf("%s%w", cfg.where("/timeout"), err)
			}
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
	cfg := &engineConfig{params: map[string]any{}, paramOrigin: map[string]string{}, severities: map[string]Severity{}, timeout: 60 * time.Second, printCap: 64 << 10,
		memoryLimit: DefaultMemoryLimit(), maxFindings: DefaultMaxFindings}
	for _, o := range opts {
		if err := o(cfg); err != nil {
			return nil, err
		}
	}

	for _, d := range cfg.configDirs {
		base := d.base
		if base == "" {
			base = "."
		}
		if !cfg.rulesOutsideConfig && !insideDir(base, d.dir) {
			return nil, fmt.Errorf("%w: %srules directory %s is outside the configuration's directory %s (or does not exist): keep organisation rules beside rolecall.yaml, or allow it explicitly (WithRuleDirsOutsideConfig)", ErrInvalidConfig, d.origin, d.dir, base)
		}
		if err := WithRuleDir(d.dir)(cfg); err != nil {
			return nil, fmt.Errorf("%s%w", d.origin, err)
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
	// Every configuration problem at once, in one *ConfigError (config.go).
	params, err := cfg.resolve(all, customDefaults)
	if err != nil {
		return nil, err
	}
	sevOverrides := map[string]any{}
	for id, s := range cfg.severities {
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
	return &Engine{query: pq, rules: all, byID: byID, params: params, timeout: cfg.timeout, modules: mods, data: storeData, printCap: cfg.printCap, print: cfg.print, customFS: cfg.customFS,
		memoryLimit: cfg.memoryLimit, maxFindings: cfg.maxFindings, configFiles: cfg.configFiles}, nil
}

func ruleOf(m ruleset.Meta, custom bool) Rule {
	return Rule{ID: m.ID, Title: m.Title, Description: m.Description, Severity: Severity(m.Severity), DefaultSeverity: Severity(m.Severity),
		Control: m.Control, Remediation: m.Remediation, Package: m.Package, File: m.File, Line: m.Line, Custom: custom, References: slices.Clone(m.References)}
}

// checkUniqueIDs checks that rule ids are unique, that organisation rule ids
// are ASCII capitals, digits and single hyphens (A52-ASSET-001 style), and that
// no two ids read alike once confusable characters are folded (O and 0, I, L
// and 1): an organisation rule A52-ASSET-OO1 would pass for a bundled one.
func checkUniqueIDs(all []Rule) error {
	seen := map[string]Rule{}
	folded := map[string]Rule{}
	var problems ruleset.Problems
	for _, r := range all {
		if r.Custom && !validRuleID(r.ID) {
			problems = append(problems, ruleset.Problem{File: r.File, Line: r.Line, Message: fmt.Sprintf("rule id %q of package %s: expected ASCII capital letters, digits and single hyphens, such as ORG-HR-001", r.ID, r.Package)})
			continue
		}
		if prev, dup := seen[r.ID]; dup {
			problems = append(problems, ruleset.Problem{File: r.File, Line: r.Line, Message: fmt.Sprintf("rule id %s of package %s is already used by package %s (%s:%d)", r.ID, r.Package, prev.Package, prev.File, prev.Line)})
			continue
		}
		seen[r.ID] = r
		f := foldConfusables(r.ID)
		if prev, dup := folded[f]; dup {
			problems = append(problems, ruleset.Problem{File: r.File, Line: r.Line, Message: fmt.Sprintf("rule id %s of package %s reads like %s of package %s (%s:%d): O and 0, and I, L and 1, are told apart by nobody reading a report; choose another id", r.ID, r.Package, prev.ID, prev.Package, prev.File, prev.Line)})
			continue
		}
		folded[f] = r
	}
	if len(problems) > 0 {
		return rulesError(problems)
	}
	return nil
}

// validRuleID reports whether id is ASCII capitals and digits in groups joined
// by single hyphens.
func validRuleID(id string) bool {
	if id == "" || len(id) > 64 || id[0] == '-' || id[len(id)-1] == '-' || strings.Contains(id, "--") {
		return false
	}
	for _, c := range []byte(id) {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// foldConfusables maps the characters of an id that read alike to one.
func foldConfusables(id string) string {
	return strings.NewReplacer("O", "0", "I", "1", "L", "1").Replace(id)
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

// The evaluation dates Evaluate accepts: OPA's time builtins span 1677 to 2262
// (nanoseconds in an int64), and the rules count back from the evaluation date
// by at most 36,525 days (the largest day parameter).
const (
	minEvaluationYear = 1800
	maxEvaluationYear = 2200
)

// Evaluate checks reg as of the date asOf, which every date rule is measured
// against (pass raci.Today() for today), and returns the findings in a
// deterministic order (severity, rule, subject, path, message) with a summary.
// Findings carry the source line of their path when reg was loaded from a file.
// It honours ctx's deadline and the engine's timeout; an exceeded deadline gives
// an error wrapping ErrEvaluation and context.DeadlineExceeded. An evaluation
// that grows the heap past the memory limit, or finds more than the most
// findings allowed, fails with an *EvalLimitError (wrapping ErrLimit and
// ErrEvaluation). An evaluation date before 1800 or after 2200 is an error
// wrapping ErrEvaluation. Evaluate never modifies reg.
func (e *Engine) Evaluate(ctx context.Context, reg *raci.Register, asOf raci.Date) (rep *Report, err error) {
	if reg == nil {
		return nil, fmt.Errorf("%w: no register", ErrEvaluation)
	}
	if asOf.IsZero() {
		return nil, fmt.Errorf("%w: no evaluation date: pass raci.Today() to evaluate as of today", ErrEvaluation)
	}
	if asOf.Year < minEvaluationYear || asOf.Year > maxEvaluationYear {
		return nil, fmt.Errorf("%w: the evaluation date %s is outside the years %d to %d: the rules count days with OPA's time builtins, which end in 1677 and 2262",
			ErrEvaluation, asOf, minEvaluationYear, maxEvaluationYear)
	}
	if e.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, e.timeout)
		defer cancel()
	}
	ctx, stopWatch := watchMemory(ctx, e.memoryLimit)
	defer stopWatch()
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
		var limit *EvalLimitError
		if errors.As(context.Cause(ctx), &limit) {
			return nil, limit
		}
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
		var limit *EvalLimitError
		if errors.As(err, &limit) {
			return nil, limit
		}
		return nil, fmt.Errorf("%w: %v", ErrEvaluation, err)
	}
	return newReport(reg, asOf, findings), nil
}

// Input returns the input rolecall evaluates, as plain JSON values:
// {"as_of": "YYYY-MM-DD", "register": the register as JSON, "derived": facts}.
// derived holds facts computed in Go that would cost a rule more than linear
// memory in Rego ({"delegations_on_cycle": [index, ...]}); the rules compute
// them themselves when derived is absent, with the same findings. It is what an
// OPA server serving the engine's bundle (WriteBundle) is best sent as input.
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
		[2]*ast.Term{ast.StringTerm("derived"), ast.NewTerm(derivedValue(reg, asOf))},
	), nil
}

// engineQuery is what the engine evaluates: every enabled rule's finding set by
// rule id, and the waivers (rules/rolecall/report.rego). The engine decorates
// the findings in findingsOf exactly as data.rolecall.report does for a plain
// OPA; TestEngineDecoratesLikeReport holds the two together.
const engineQuery = "data.rolecall.by_rule"

// findingsOf turns the value of engineQuery into findings. No value from a rule
// is trusted: it reports a rule's finding only when its subject and message are
// strings of at most MaxSubjectBytes and MaxMessageBytes, keeps its path only
// when that is a string of at most MaxPathBytes, and never marshals or walks
// any other value (a message nested a million deep is dropped as cheaply as a
// number). It adds the rule's metadata (severity after overrides) and the
// exception that waives it, and reports findings that are then equal once.
// More than e.maxFindings findings is an *EvalLimitError.
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
	if e.maxFindings > 0 {
		total := 0
		for _, set := range byRule {
			if list, ok := set.([]any); ok {
				total += len(list)
			}
		}
		if total > e.maxFindings {
			return nil, &EvalLimitError{Limit: "findings", Max: int64(e.maxFindings), Got: int64(total)}
		}
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
			subject, ok := trustedString(m["subject"], MaxSubjectBytes)
			if !ok {
				continue
			}
			message, ok := trustedString(m["message"], MaxMessageBytes)
			if !ok {
				continue
			}
			key := findingKey{subject: subject, message: message}
			f := Finding{Rule: id, Severity: rule.Severity, Control: rule.Control, Title: rule.Title, Remediation: rule.Remediation, File: source,
				Subject: subject, Message: message, Waived: waivers[[2]string{id, subject}]}
			if p, ok := trustedString(m["path"], MaxPathBytes); ok {
				f.Path, key.path, key.hasPath = p, p, true
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
//
// Its files are read through an os.Root: a link is followed only to a file
// inside the directory, and OpenRegular refuses what is not a regular file
// (a link to /dev/zero, a FIFO) before reading it.
type ruleDir struct {
	fs.FS
	dir  string
	root *os.Root
}

func dirFS(dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return ruleDir{FS: root.FS(), dir: dir, root: root}, nil
}

// OpenRegular opens name for reading, without blocking on a FIFO, and returns
// it only when it is a regular file inside the directory.
func (d ruleDir) OpenRegular(name string) (fs.File, error) {
	f, err := d.root.OpenFile(filepath.FromSlash(name), document.ReadFlags, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		_ = f.Close()
		return nil, fmt.Errorf("%s: %w (%s)", name, document.ErrNotRegular, document.KindOf(st.Mode()))
	}
	return f, nil
}

// displayName returns how a file of fsys is named in messages.
func displayName(fsys fs.FS, name string) string {
	if d, ok := fsys.(ruleDir); ok {
		return path.Join(filepath.ToSlash(d.dir), name)
	}
	return name
}
