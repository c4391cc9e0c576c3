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

// WriteBundle writes the engine's rules as one OPA bundle (.tar.gz) to w: the
// bundled rules and the organisation's (already checked against the sandbox when
// the engine was built), the merged parameters, the configuration (disabled rules,
// severity overrides) and the catalogue data the dispatcher needs. An unmodified
// OPA serving the bundle answers data.rolecall.report for input {"as_of",
// "register"} with the findings Evaluate gives (without file and line, which only
// the library knows). The revision is a digest of the content, so the same rules
// and configuration give the same bundle.
func (e *Engine) WriteBundle(w io.Writer) error {
	names := make([]string, 0, len(e.modules))
	for n := range e.modules {
		names = append(names, n)
	}
	sort.Strings(names)
	h := sha256.New()
	var files []bundle.ModuleFile
	for _, n := range names {
		src, err := format.AstWithOpts(e.modules[n], format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			return fmt.Errorf("%w: formatting %s: %v", ErrRules, n, err)
		}
		p := "/" + bundlePath(n)
		files = append(files, bundle.ModuleFile{Path: p, URL: p, Raw: src, Parsed: e.modules[n]})
		fmt.Fprintf(h, "%s\x00%s\x00", p, src)
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
	roots := []string{"rolecall"}
	regoV1 := 1
	b := bundle.Bundle{
		Manifest: bundle.Manifest{Revision: "rolecall-" + hex.EncodeToString(h.Sum(nil))[:16], Roots: &roots, RegoVersion: &regoV1},
		Data:     plain,
		Modules:  files,
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

// WriteBundleFile writes the bundle to path through a temporary file renamed into
// place, so a reader never sees half a bundle and a failure leaves no file.
func (e *Engine) WriteBundleFile(path string) error {
	return atomicfile.Write(path, e.WriteBundle)
}
