package engine

import (
	"slices"
	"strings"
)

// CatalogueVersion is the version of the bundled rule catalogue this engine
// evaluates (the rule ids, their readings and defaults). Reports record it, so
// that a finding read later can be traced to the rules that produced it.
const CatalogueVersion = "2"

// Settings describes what an engine was configured with, for reports that
// state the configuration they were produced under. An engine's Settings
// always carry the catalogue version, so the zero Settings means that nothing
// was recorded.
type Settings struct {
	// CatalogueVersion is the version of the bundled rule catalogue
	// (CatalogueVersion for an engine built by New).
	CatalogueVersion string `json:"catalogue_version,omitempty"`
	// ConfigFile names the configuration file (rolecall.yaml) the engine was
	// built with. An engine does not keep the name of the file its
	// configuration came from: the program that loaded it with LoadConfig sets
	// this field.
	ConfigFile string `json:"config_file,omitempty"`
	// Disabled lists the ids of the rules that are not evaluated, sorted.
	Disabled []string `json:"disabled"`
	// Severities lists the rules whose severity differs from their METADATA's,
	// sorted by rule id.
	Severities []SeverityChange `json:"severity_changes"`
	// RuleDirs names the directories of organisation rules, as they were given
	// (WithRuleDir, or the rules of a configuration file resolved against its
	// directory), in the order they were loaded. Rules given as a file system
	// with WithRules have no directory name and are not listed.
	RuleDirs []string `json:"rule_dirs"`
	// OrganisationRules is the number of organisation rules loaded, from
	// directories or file systems.
	OrganisationRules int `json:"organisation_rules"`
}

// SeverityChange is a rule whose severity the configuration changed.
type SeverityChange struct {
	// Rule is the rule id.
	Rule string `json:"rule"`
	// From is the severity in the rule's METADATA.
	From Severity `json:"from"`
	// To is the severity the engine reports.
	To Severity `json:"to"`
}

// IsDefault reports whether s describes an engine without configuration: no
// configuration file, no disabled rule, no changed severity and no
// organisation rule. The catalogue version does not matter.
func (s Settings) IsDefault() bool {
	return s.ConfigFile == "" && len(s.Disabled) == 0 && len(s.Severities) == 0 && len(s.RuleDirs) == 0 && s.OrganisationRules == 0
}

// Settings returns the configuration the engine applies: the catalogue
// version, disabled rules, changed severities and organisation rule
// directories. ConfigFile is empty: set it to the file given to LoadConfig. The
// slices are never nil, so the JSON of Settings always has its lists.
func (e *Engine) Settings() Settings {
	s := Settings{CatalogueVersion: CatalogueVersion, Disabled: []string{}, Severities: []SeverityChange{}, RuleDirs: []string{}}
	for _, r := range e.rules {
		if r.Disabled {
			s.Disabled = append(s.Disabled, r.ID)
		}
		if r.Severity != r.DefaultSeverity {
			s.Severities = append(s.Severities, SeverityChange{Rule: r.ID, From: r.DefaultSeverity, To: r.Severity})
		}
		if r.Custom {
			s.OrganisationRules++
		}
	}
	slices.Sort(s.Disabled)
	slices.SortFunc(s.Severities, func(a, b SeverityChange) int { return strings.Compare(a.Rule, b.Rule) })
	for _, fsys := range e.customFS {
		if d, ok := fsys.(ruleDir); ok {
			s.RuleDirs = append(s.RuleDirs, d.dir)
		}
	}
	return s
}
