package engine

// WithOnly evaluates only the named rules (bundled or organisation rules): every
// other rule is disabled, as if named to WithDisabled, and Rules reports it so.
// Later calls add to the selection. An id that names no rule is an error at New
// (a *ConfigError wrapping ErrInvalidConfig) that suggests the nearest id; a
// rule both selected and disabled is disabled.
//
// A52-EXC-002 reports exceptions that waive nothing. It is evaluated only when
// named, and then judges each exception against the findings of the selected
// rules: an exception for a rule left out is reported as naming a disabled
// rule, exactly as WithDisabled would have it. Name the rules its exceptions
// waive alongside it (WithOnly("A52-EXC-002", "A52-ASSET-001")) to check
// exceptions for those rules alone.
func WithOnly(ids ...string) Option {
	return func(c *engineConfig) error {
		c.checks.only = append(c.checks.only, ids...)
		return nil
	}
}
