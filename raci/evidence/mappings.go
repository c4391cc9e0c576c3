package evidence

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/rolecall/rolecall/internal/textdist"
	"github.com/rolecall/rolecall/raci/engine"
)

// Mapping lists the references of other frameworks that one rule's findings
// evidence, as written by the source of the mapping (for example "CC1.3" for
// SOC 2, "GV.RR-02" for NIST CSF 2.0, "PM-2" for NIST SP 800-53).
type Mapping struct {
	// SOC2 lists AICPA Trust Services Criteria (SOC 2).
	SOC2 []string `json:"soc2,omitempty"`
	// NISTCSF lists NIST Cybersecurity Framework 2.0 subcategories.
	NISTCSF []string `json:"nist_csf_2,omitempty"`
	// SP80053 lists NIST SP 800-53 Rev. 5 controls.
	SP80053 []string `json:"sp800_53,omitempty"`
}

// Mappings gives the Mapping of each rule, by rule id. A rule without an entry
// has empty columns in the cross-reference. The ISO/IEC 27001 column always
// comes from the rule's own control, and the ISO/IEC 27002 column from it too
// (an Annex A control A.N.M is ISO/IEC 27002:2022 control N.M), so neither is
// part of a Mapping.
type Mappings map[string]Mapping

// ParseMappings reads Mappings from JSON: an object whose keys are rule ids and
// whose values are objects with the optional keys "soc2", "nist_csf_2" and
// "sp800_53", each a list of strings. Unknown keys and trailing data are
// refused; an error names the rule whose mapping is wrong.
func ParseMappings(data []byte) (Mappings, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var raw map[string]json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("evidence: mappings: expected a JSON object keyed by rule id: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("evidence: mappings: expected one JSON object, found more data at byte %d", dec.InputOffset())
	}
	ids := make([]string, 0, len(raw))
	for id := range raw {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	m := make(Mappings, len(raw))
	for _, id := range ids {
		rd := json.NewDecoder(bytes.NewReader(raw[id]))
		rd.DisallowUnknownFields()
		var mp Mapping
		if err := rd.Decode(&mp); err != nil {
			return nil, fmt.Errorf("evidence: mappings: rule %s: expected an object of \"soc2\", \"nist_csf_2\" and \"sp800_53\" lists of strings: %w", id, err)
		}
		m[id] = mp
	}
	return m, nil
}

// check reports the first rule id of m, in sorted order, that names no rule of
// rules, with the nearest known id when one is close.
func (m Mappings) check(rules []engine.Rule) error {
	known := make(map[string]bool, len(rules))
	for _, r := range rules {
		known[r.ID] = true
	}
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if known[id] {
			continue
		}
		msg := fmt.Sprintf("mappings name rule %q, which is not one of the pack's %d rules", id, len(rules))
		if near := nearest(id, rules); near != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", near)
		}
		return fmt.Errorf("%s", msg)
	}
	return nil
}

// nearest returns the rule id closest to id within a third of its length, or "".
func nearest(id string, rules []engine.Rule) string {
	best, bestD := "", len(id)/3+1
	for _, r := range rules {
		if d := textdist.Levenshtein(strings.ToUpper(id), r.ID); d < bestD || (d == bestD && best != "" && r.ID < best) {
			best, bestD = r.ID, d
		}
	}
	return best
}

// iso27002 returns the ISO/IEC 27002:2022 control of an ISO/IEC 27001:2022
// Annex A control ("A.5.9" gives "5.9"), and "" for a clause of the management
// system ("Clause 6.1"), which has no 27002 control.
func iso27002(control string) string {
	rest, ok := strings.CutPrefix(strings.TrimSpace(control), "A.")
	if !ok || rest == "" {
		return ""
	}
	return rest
}
