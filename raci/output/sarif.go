package output

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/rolecall/rolecall/raci/engine"
)

// SARIF is the format for code scanning: one SARIF 2.1.0 log with one run for
// the whole rolecall run. Uploaded to GitHub code scanning (or read by any
// SARIF viewer) it annotates each finding at its entity's line and column in
// the register file.
//
// The run's tool describes every rule of the catalogue (Run.Rules, or the
// rules of the findings when that is empty): title, description, what to do
// as help text and Markdown, a link to its page, its severity as the default
// level (critical and high are error, medium warning, low and info note) and
// as GitHub's security-severity, and its ISO/IEC 27001 control and framework
// mappings as tags and properties. A disabled rule is described with its
// default configuration disabled. Each finding is a result at its file, line
// and column, with partial fingerprints over rule, subject, JSON pointer and
// file, so that code scanning follows a finding from one upload to the next
// however the lines move. A waived finding carries a suppression naming the
// exception and giving its reason.
type SARIF struct{}

// Format writes run as a SARIF 2.1.0 log to w.
func (SARIF) Format(w io.Writer, run Run) error {
	verdict, err := run.Verdict()
	if err != nil {
		return err
	}
	rules := run.catalogue()
	index := make(map[string]int, len(rules))
	descriptors := make([]sarifRule, 0, len(rules))
	for i, r := range rules {
		index[r.ID] = i
		descriptors = append(descriptors, sarifRuleOf(r, run.frameworks(r.ID)))
	}
	results := []sarifResult{}
	var files []string
	asOf := ""
	for _, r := range run.reports() {
		asOf = r.AsOf.String()
		files = append(files, r.Source)
		for _, f := range r.Findings {
			i, ok := index[f.Rule]
			if !ok {
				// A finding of a rule the catalogue given does not list: describe the
				// rule from the finding, so that every result has its descriptor.
				i = len(descriptors)
				index[f.Rule] = i
				descriptors = append(descriptors, sarifRuleOf(engine.Rule{ID: f.Rule, Title: f.Title, Severity: f.Severity, Control: f.Control, Remediation: f.Remediation}, run.frameworks(f.Rule)))
			}
			results = append(results, sarifResultOf(r, f, i))
		}
	}
	driver := sarifDriver{
		Name:           "rolecall",
		Version:        run.ToolVersion,
		InformationURI: informationURI,
		Rules:          descriptors,
	}
	s := run.Settings
	props := map[string]any{
		"verdict":            verdict,
		"fail_on":            run.failOnShown(),
		"as_of":              asOf,
		"catalogue_version":  s.CatalogueVersion,
		"config_file":        s.ConfigFile,
		"disabled":           append([]string{}, s.Disabled...),
		"severity_changes":   append([]engine.SeverityChange{}, s.Severities...),
		"rule_dirs":          append([]string{}, s.RuleDirs...),
		"organisation_rules": s.OrganisationRules,
		"files":              append([]string{}, files...),
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs: []sarifRun{{
			Tool:              sarifTool{Driver: driver},
			AutomationDetails: &sarifAutomation{ID: "rolecall/" + asOf},
			ColumnKind:        "unicodeCodePoints",
			Results:           results,
			Properties:        props,
		}},
	}
	if asOf == "" {
		log.Runs[0].AutomationDetails = nil
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// sarifRuleOf describes a rule as a SARIF reporting descriptor.
func sarifRuleOf(r engine.Rule, maps []mapping) sarifRule {
	title := r.Title
	if title == "" {
		title = r.ID
	}
	full := r.Description
	if full == "" {
		full = title + "."
	}
	helpText := r.Remediation
	if helpText == "" {
		helpText = "See the rule's description."
	}
	var md strings.Builder
	fmt.Fprintf(&md, "**%s** (%s)\n\n", markdownEscape(title), markdownEscape(r.ID))
	if r.Description != "" {
		fmt.Fprintf(&md, "%s\n\n", markdownEscape(strings.TrimSpace(r.Description)))
	}
	if r.Remediation != "" {
		fmt.Fprintf(&md, "**What to do:** %s\n\n", markdownEscape(r.Remediation))
	}
	if r.Control != "" {
		fmt.Fprintf(&md, "**ISO/IEC 27001:2022:** %s\n\n", markdownEscape(r.Control))
	}
	for _, m := range maps {
		fmt.Fprintf(&md, "- %s: %s\n", markdownEscape(m.framework), markdownEscape(m.control))
	}
	if len(maps) > 0 {
		md.WriteString("\n")
	}
	docs := ruleDocs(r)
	if docs != "" {
		fmt.Fprintf(&md, "[The rule's page](%s)\n", docs)
	}
	tags := []string{"security", "iso27001"}
	if r.Control != "" {
		tags = append(tags, "ISO/IEC 27001:2022 "+r.Control)
	}
	frameworks := map[string][]string{}
	for _, m := range maps {
		tags = append(tags, m.framework+" "+m.control)
		frameworks[m.framework] = append(frameworks[m.framework], m.control)
	}
	props := map[string]any{
		"tags":      tags,
		"precision": "very-high",
		"severity":  r.Severity,
	}
	if r.Control != "" {
		props["control"] = r.Control
	}
	if len(frameworks) > 0 {
		props["frameworks"] = frameworks
	}
	if score := securitySeverity(r.Severity); score != "" {
		props["security-severity"] = score
	}
	if r.Custom {
		props["organisation_rule"] = true
	}
	cfg := sarifConfig{Level: sarifLevel(r.Severity)}
	if r.Disabled {
		enabled := false
		cfg.Enabled = &enabled
	}
	return sarifRule{
		ID:                   r.ID,
		Name:                 ruleName(title),
		ShortDescription:     sarifMessage{Text: title},
		FullDescription:      sarifMessage{Text: strings.TrimSpace(full)},
		Help:                 &sarifMultiformat{Text: helpText, Markdown: strings.TrimSpace(md.String())},
		HelpURI:              docs,
		DefaultConfiguration: cfg,
		Properties:           props,
	}
}

// sarifResultOf turns a finding of a report into a SARIF result of the rule at
// index ruleIndex.
func sarifResultOf(r reportOf, f engine.Finding, ruleIndex int) sarifResult {
	file := r.file(f)
	res := sarifResult{
		RuleID:    f.Rule,
		RuleIndex: ruleIndex,
		Level:     sarifLevel(f.Severity),
		Message:   sarifMessage{Text: f.Message},
		PartialFingerprints: map[string]string{
			"rolecallFinding/v1": fingerprint(f.Rule, f.Subject, f.Path, file),
		},
		Properties: map[string]any{
			"subject":  f.Subject,
			"severity": f.Severity,
			"control":  f.Control,
		},
	}
	if f.Path != "" {
		res.Properties["pointer"] = f.Path
	}
	loc := sarifLocation{LogicalLocations: []sarifLogical{{Name: f.Subject, FullyQualifiedName: f.Path, Kind: "object"}}}
	if file != "" {
		// A finding without a line (about the register as a whole) is shown at
		// the top of the file: code scanning annotates only located results.
		line, col := f.Line, f.Column
		if line <= 0 {
			line, col = 1, 1
		}
		region := &sarifRegion{StartLine: line}
		if col > 0 {
			region.StartColumn = col
		}
		loc.PhysicalLocation = &sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(file)}, Region: region}
	}
	res.Locations = []sarifLocation{loc}
	if f.Waived != "" {
		reason := r.exceptionReason(f.Waived)
		if reason == "" {
			reason = "Waived by exception " + f.Waived + "."
		}
		res.Suppressions = []sarifSuppression{{Kind: "external", Status: "accepted", Justification: reason, Properties: map[string]string{"exception": f.Waived}}}
	}
	return res
}

// fingerprint is a stable digest of what identifies a finding across runs.
func fingerprint(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(h[:16])
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s engine.Severity) string {
	switch s {
	case engine.SeverityCritical, engine.SeverityHigh:
		return "error"
	case engine.SeverityMedium:
		return "warning"
	}
	return "note"
}

// securitySeverity is the score GitHub code scanning ranks security alerts by
// (over 9.0 critical, 7.0 to 8.9 high, 4.0 to 6.9 medium, 0.1 to 3.9 low); ""
// for info, which GitHub then shows as a note.
func securitySeverity(s engine.Severity) string {
	switch s {
	case engine.SeverityCritical:
		return "9.5"
	case engine.SeverityHigh:
		return "8.0"
	case engine.SeverityMedium:
		return "5.5"
	case engine.SeverityLow:
		return "2.0"
	}
	return ""
}

// ruleName turns a title into the PascalCase name SARIF viewers show beside a
// rule id: "Asset without an owner" becomes "AssetWithoutAnOwner".
func ruleName(title string) string {
	var b strings.Builder
	for _, word := range strings.FieldsFunc(title, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) {
		b.WriteString(strings.ToUpper(word[:1]) + word[1:])
	}
	return b.String()
}

// markdownEscape escapes the characters that would make text from a rule's
// METADATA into Markdown markup or HTML.
func markdownEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|", r) {
			b.WriteRune('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// The SARIF 2.1.0 objects rolecall writes (a subset of the specification).
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool              sarifTool        `json:"tool"`
		AutomationDetails *sarifAutomation `json:"automationDetails,omitempty"`
		ColumnKind        string           `json:"columnKind"`
		Results           []sarifResult    `json:"results"`
		Properties        map[string]any   `json:"properties,omitempty"`
	}
	sarifAutomation struct {
		ID string `json:"id"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string            `json:"id"`
		Name                 string            `json:"name,omitempty"`
		ShortDescription     sarifMessage      `json:"shortDescription"`
		FullDescription      sarifMessage      `json:"fullDescription"`
		Help                 *sarifMultiformat `json:"help,omitempty"`
		HelpURI              string            `json:"helpUri,omitempty"`
		DefaultConfiguration sarifConfig       `json:"defaultConfiguration"`
		Properties           map[string]any    `json:"properties,omitempty"`
	}
	sarifConfig struct {
		Enabled *bool  `json:"enabled,omitempty"`
		Level   string `json:"level"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifMultiformat struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifResult struct {
		RuleID              string             `json:"ruleId"`
		RuleIndex           int                `json:"ruleIndex"`
		Level               string             `json:"level"`
		Message             sarifMessage       `json:"message"`
		Locations           []sarifLocation    `json:"locations"`
		PartialFingerprints map[string]string  `json:"partialFingerprints"`
		Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
		Properties          map[string]any     `json:"properties,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
		LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
	sarifLogical struct {
		Name               string `json:"name,omitempty"`
		FullyQualifiedName string `json:"fullyQualifiedName,omitempty"`
		Kind               string `json:"kind,omitempty"`
	}
	sarifSuppression struct {
		Kind          string            `json:"kind"`
		Status        string            `json:"status"`
		Justification string            `json:"justification,omitempty"`
		Properties    map[string]string `json:"properties,omitempty"`
	}
)
