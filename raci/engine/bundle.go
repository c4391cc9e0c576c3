package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/format"

	"github.com/rolecall/rolecall/internal/atomicfile"
)

// BundleOption configures WriteBundle and WriteBundleFile. Options are applied
// in order; one that fails makes the write return its error before anything
// is written.
type BundleOption func(*bundleConfig) error

type bundleConfig struct {
	noLogMask bool
	signing   *signingKey
}

// WithoutLogMask leaves the decision-log mask out of the bundle, for
// organisations whose OPAs log no decisions or that mask them with a policy of
// their own under data.system.log (which the mask's root would clash with).
func WithoutLogMask() BundleOption {
	return func(c *bundleConfig) error {
		c.noLogMask = true
		return nil
	}
}

// maskModuleDir is where the decision-log mask lives among the bundled rules.
const maskModuleDir = "rolecall/system/"

// maskEntrypointPath is the bundle file that serves the mask as
// data.system.log.mask, the decision an OPA masks its decision logs with unless
// its decision_logs.mask_decision says otherwise.
const maskEntrypointPath = "/system/log/mask.rego"

// maskEntrypoint is the module at maskEntrypointPath. The policy itself is
// rules/rolecall/system/log/mask.rego, tested with the bundled rules.
var maskEntrypoint = ast.MustParseModuleWithOpts(`# The decision-log mask of rolecall's bundle: what an OPA logs of a decision
# about a register (rules/rolecall/system/log/mask.rego says what and why).
package system.log

mask := data.rolecall.system.log.mask
`, ast.ParserOptions{RegoVersion: ast.RegoV1})

// WriteBundle writes the engine's rules as one OPA bundle (.tar.gz) to w: the
// bundled rules and the organisation's (already checked against the sandbox when
// the engine was built), the merged parameters, the configuration (disabled rules,
// severity overrides), the catalogue data the dispatcher needs and the
// decision-log mask (data.system.log.mask; WithoutLogMask leaves it out). An
// unmodified OPA serving the bundle answers data.rolecall.report for input
// {"as_of", "register"} with the findings Evaluate gives (without file and line,
// which only the library knows). The revision is a digest of the content, so the
// same rules, configuration and options give the same bundle. WithSigningKey adds
// the .signatures.json an OPA verifies the bundle with.
func (e *Engine) WriteBundle(w io.Writer, opts ...BundleOption) error {
	var cfg bundleConfig
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return err
		}
	}
	names := make([]string, 0, len(e.modules))
	for n := range e.modules {
		if cfg.noLogMask && strings.HasPrefix(n, maskModuleDir) {
			continue
		}
		names = append(names, n)
	}
	sort.Strings(names)
	h := sha256.New()
	var files []bundle.ModuleFile
	add := func(p string, m *ast.Module) error {
		src, err := format.AstWithOpts(m, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			return fmt.Errorf("%w: formatting %s: %v", ErrRules, p, err)
		}
		files = append(files, bundle.ModuleFile{Path: p, URL: p, Raw: src, Parsed: m})
		fmt.Fprintf(h, "%s\x00%s\x00", p, src)
		return nil
	}
	for _, n := range names {
		if err := add("/"+bundlePath(n), e.modules[n]); err != nil {
			return err
		}
	}
	roots := []string{"rolecall"}
	if !cfg.noLogMask {
		if err := add(maskEntrypointPath, maskEntrypoint); err != nil {
			return err
		}
		roots = append(roots, "system/log")
	}
	data, err := json.Marshal(e.data)
	if err != nil {
		return err
	}
	h.Write(data)
	var plain map[string]any
	if err := decodeJSON(data, &plain); err != nil {
		return err
	}
	regoV1 := 1
	b := bundle.Bundle{
		Manifest: bundle.Manifest{Revision: "rolecall-" + hex.EncodeToString(h.Sum(nil))[:16], Roots: &roots, RegoVersion: &regoV1},
		Data:     plain,
		Modules:  files,
	}
	if cfg.signing != nil {
		if err := cfg.signing.sign(&b); err != nil {
			return err
		}
	}
	return bundle.NewWriter(w).UseModulePath(true).DisableFormat(true).Write(b)
}

// bundlePath maps an engine module name to its path in the bundle: bundled rules
// keep their place under rolecall/, organisation rules go under rolecall/custom/.
func bundlePath(name string) string {
	if rest, ok := strings.CutPrefix(name, "custom:"); ok {
		rest = strings.TrimLeft(filepath.ToSlash(rest), "./")
		return "rolecall/custom/" + strings.ReplaceAll(rest, "..", "_")
	}
	return name
}

// WriteBundleFile writes the bundle, with the same options as WriteBundle, to
// path through a temporary file renamed into place, so a reader (a bundle
// server publishing the file, say) never sees half a bundle and a failure leaves
// no file.
func (e *Engine) WriteBundleFile(path string, opts ...BundleOption) error {
	return atomicfile.Write(path, func(w io.Writer) error { return e.WriteBundle(w, opts...) })
}
