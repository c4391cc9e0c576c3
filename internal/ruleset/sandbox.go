package ruleset

import (
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// forbiddenBuiltinPrefixes and forbiddenBuiltins name the builtins that neither
// the bundled rules nor organisation rules may use: anything that reaches the
// network, files, the environment, the clock or randomness, and amplifiers that
// cannot be interrupted. Rules compiled against SandboxCapabilities are
// deterministic by construction: same register, date and parameters, same findings.
var (
	forbiddenBuiltinPrefixes = []string{"http.", "net.", "rand.", "uuid.", "io.jwt.", "crypto.x509.", "crypto.parse_private_keys", "providers.", "opa.", "time.now"}
	forbiddenBuiltins        = []string{"trace", "bits.lsh", "numbers.range", "numbers.range_step", "regex.globs_match", "graphql.schema_is_valid", "graphql.parse", "graphql.parse_and_verify", "graphql.parse_query", "graphql.parse_schema", "graphql.is_valid", "json.verify_schema", "json.match_schema", "rego.parse_module"}
)

// ForbiddenBuiltin reports whether the sandbox refuses the named builtin.
func ForbiddenBuiltin(name string) bool {
	if slices.Contains(forbiddenBuiltins, name) {
		return true
	}
	for _, p := range forbiddenBuiltinPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// SandboxCapabilities returns the OPA capabilities rolecall compiles every rule
// against: this OPA version's builtins without the forbidden ones (network, file,
// environment, clock, randomness, JWT and certificate parsing, uninterruptible
// amplifiers) and with no network access at all.
func SandboxCapabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0:0]
	for _, b := range caps.Builtins {
		if !ForbiddenBuiltin(b.Name) {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	caps.AllowNet = []string{}
	return caps
}
