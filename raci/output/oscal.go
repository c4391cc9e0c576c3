package output

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// oscalVersion is the version of OSCAL the format writes.
const oscalVersion = "1.1.3"

// oscalNS is the namespace of the properties rolecall adds to OSCAL objects.
const oscalNS = "https://github.com/rolecall/rolecall/ns/oscal"

// OSCAL is the format for compliance tooling: an OSCAL 1.1.3
// assessment-results document in JSON. Its metadata names the registers'
// roles (with their kind and function), their people as parties, the
// organisation as a party and, for every allocated role, its responsible
// parties (the people holding it directly or through a team). Each register
// is one result, which reviews the ISO/IEC 27001 controls of the enabled rules
// and holds one observation per finding (the finding's message, its subject
// and its place in the register file) and one finding linked to that
// observation, targeting the rule's ISO/IEC 27001 control and carrying the
// rule, severity, waiver and framework mappings as properties.
//
// Every UUID is a name-based UUID (version 5) of what it identifies, and every
// time is midnight UTC of the evaluation date, so the same run gives the same
// document.
type OSCAL struct{}

// Format writes run as an OSCAL assessment-results document to w.
func (OSCAL) Format(w io.Writer, run Run) error {
	verdict, err := run.Verdict()
	if err != nil {
		return err
	}
	reports := run.reports()
	asOf := ""
	var files []string
	for _, r := range reports {
		asOf = r.AsOf.String()
		files = append(files, r.Source)
	}
	stamp := "1970-01-01T00:00:00Z"
	if asOf != "" {
		stamp = asOf + "T00:00:00Z"
	}
	version := run.ToolVersion
	if version == "" {
		version = "unversioned"
	}
	md := oscalMetadata{
		Title:        "rolecall assessment of the information security roles and responsibilities register",
		LastModified: stamp,
		Version:      version,
		OSCALVersion: oscalVersion,
		Props: []oscalProp{
			{Name: "verdict", NS: oscalNS, Value: string(verdict)},
			{Name: "fail-on", NS: oscalNS, Value: oscalString(run.failOnShown())},
		},
	}
	if v := run.Settings.CatalogueVersion; v != "" {
		md.Props = append(md.Props, oscalProp{Name: "catalogue-version", NS: oscalNS, Value: oscalString(v)})
	}
	if c := run.Settings.ConfigFile; c != "" {
		md.Props = append(md.Props, oscalProp{Name: "config-file", NS: oscalNS, Value: oscalString(c)})
	}
	for _, id := range run.Settings.Disabled {
		md.Props = append(md.Props, oscalProp{Name: "disabled-rule", NS: oscalNS, Value: oscalString(id)})
	}
	for _, c := range run.Settings.Severities {
		md.Props = append(md.Props, oscalProp{Name: "severity-change", NS: oscalNS, Value: oscalString(fmt.Sprintf("%s %s to %s", c.Rule, c.From, c.To))})
	}
	for _, d := range run.Settings.RuleDirs {
		md.Props = append(md.Props, oscalProp{Name: "rule-dir", NS: oscalNS, Value: oscalString(d)})
	}
	addRegisterMetadata(&md, reports)

	rules := run.catalogue()
	var controls []string
	for _, rule := range rules {
		if !rule.Disabled && rule.Control != "" && !slices.Contains(controls, rule.Control) {
			controls = append(controls, rule.Control)
		}
	}
	for _, r := range reports {
		for _, f := range r.Findings {
			if f.Control != "" && !slices.Contains(controls, f.Control) {
				controls = append(controls, f.Control)
			}
		}
	}
	slices.Sort(controls)
	selection := oscalControlSelection{Description: "The ISO/IEC 27001:2022 controls and clauses of the rules evaluated."}
	for _, c := range controls {
		selection.IncludeControls = append(selection.IncludeControls, oscalControlRef{ControlID: controlToken(c)})
	}
	if len(selection.IncludeControls) == 0 {
		selection.IncludeAll = &struct{}{}
	}

	doc := oscalAssessmentResults{
		UUID:     uuidOf("assessment-results", asOf, strings.Join(files, "\x00")),
		Metadata: md,
		ImportAP: oscalImportAP{
			Href:    ruleDocsURI + "README.md",
			Remarks: "rolecall has no separate assessment plan: the plan is its rule catalogue, whose rules are described on this page.",
		},
	}
	var resources []oscalResource
	seenResource := map[string]bool{}
	for _, r := range reports {
		res := oscalResult{
			UUID:             uuidOf("result", r.Source, asOf),
			Title:            "rolecall check of " + displayOr(r.Source, "a register"),
			Description:      fmt.Sprintf("The register %s checked against rolecall's rules as of %s: %d findings, %d of them waived.", displayOr(r.Source, "built in code"), r.AsOf, r.Summary.Total, r.Summary.Waived),
			Start:            r.AsOf.String() + "T00:00:00Z",
			End:              r.AsOf.String() + "T00:00:00Z",
			ReviewedControls: oscalReviewedControls{ControlSelections: []oscalControlSelection{selection}},
			Props:            []oscalProp{{Name: "verdict", NS: oscalNS, Value: string(registerVerdict(run, r))}},
		}
		for _, f := range r.Findings {
			file := r.file(f)
			obsUUID := uuidOf("observation", file, f.Rule, f.Subject, f.Path, f.Message)
			subject := oscalSubjectRef{Title: oscalString(f.Subject)}
			if id, ok := strings.CutPrefix(f.Subject, "person:"); ok && r.reg != nil && personDefined(r.reg, id) {
				subject.SubjectUUID, subject.Type = partyUUID(id), "party"
			} else {
				subject.SubjectUUID, subject.Type = uuidOf("subject", file, f.Subject), "resource"
				if !seenResource[subject.SubjectUUID] {
					seenResource[subject.SubjectUUID] = true
					resources = append(resources, oscalResource{UUID: subject.SubjectUUID, Title: oscalString(f.Subject), Description: "An entity of the register " + displayOr(file, "built in code") + "."})
				}
			}
			obs := oscalObservation{
				UUID:        obsUUID,
				Title:       oscalString(f.Rule + " " + f.Title),
				Description: oscalString(f.Message),
				Methods:     []string{"EXAMINE"},
				Collected:   res.Start,
				Subjects:    []oscalSubjectRef{subject},
			}
			evidence := oscalEvidence{Description: "The entity's place in the register."}
			if file != "" {
				evidence.Href = fileURI(file)
				evidence.Description = "The entity at " + oscalString(location(file, f.Line, f.Column)) + " in the register."
			}
			if f.Path != "" {
				evidence.Props = append(evidence.Props, oscalProp{Name: "json-pointer", NS: oscalNS, Value: oscalString(f.Path)})
			}
			if f.Line > 0 {
				evidence.Props = append(evidence.Props, oscalProp{Name: "line", NS: oscalNS, Value: fmt.Sprint(f.Line)})
				if f.Column > 0 {
					evidence.Props = append(evidence.Props, oscalProp{Name: "column", NS: oscalNS, Value: fmt.Sprint(f.Column)})
				}
			}
			obs.RelevantEvidence = []oscalEvidence{evidence}
			res.Observations = append(res.Observations, obs)

			finding := oscalFinding{
				UUID:        uuidOf("finding", file, f.Rule, f.Subject, f.Path, f.Message),
				Title:       oscalString(displayOr(f.Title, f.Rule)),
				Description: oscalString(f.Message),
				Target: oscalTarget{
					Type:     "objective-id",
					TargetID: controlToken(displayOr(f.Control, "unmapped")),
					Title:    oscalString("ISO/IEC 27001:2022 " + displayOr(f.Control, "(no control)")),
					Status:   oscalStatus{State: "not-satisfied", Reason: "fail"},
				},
				Props: []oscalProp{
					{Name: "rule", NS: oscalNS, Value: oscalString(f.Rule)},
					{Name: "severity", NS: oscalNS, Value: oscalString(string(f.Severity))},
					{Name: "control", NS: oscalNS, Class: "iso-iec-27001-2022", Value: oscalString(displayOr(f.Control, "none"))},
				},
				RelatedObservations: []oscalRelatedObservation{{ObservationUUID: obsUUID}},
			}
			for _, m := range run.frameworks(f.Rule) {
				finding.Props = append(finding.Props, oscalProp{Name: "framework-control", NS: oscalNS, Class: controlToken(m.framework), Value: oscalString(m.framework + " " + m.control)})
			}
			if f.Remediation != "" {
				finding.Remarks = "What to do: " + f.Remediation
			}
			if f.Waived != "" {
				finding.Props = append(finding.Props, oscalProp{Name: "waived-by", NS: oscalNS, Value: oscalString(f.Waived)})
				finding.Target.Status.Reason = "other"
				finding.Target.Status.Remarks = "Waived by exception " + f.Waived
				if reason := r.exceptionReason(f.Waived); reason != "" {
					finding.Target.Status.Remarks += ": " + reason
				}
			}
			if docs := ruleDocs(engine.Rule{ID: f.Rule}); docs != "" {
				finding.Links = []oscalLink{{Href: docs, Rel: "reference", Text: "The rule " + f.Rule}}
			}
			res.Findings = append(res.Findings, finding)
		}
		doc.Results = append(doc.Results, res)
	}
	if len(doc.Results) == 0 {
		doc.Results = []oscalResult{{
			UUID:             uuidOf("result", "none"),
			Title:            "rolecall check of no register",
			Description:      "No register was checked.",
			Start:            stamp,
			ReviewedControls: oscalReviewedControls{ControlSelections: []oscalControlSelection{selection}},
		}}
	}
	if len(resources) > 0 {
		doc.BackMatter = &oscalBackMatter{Resources: resources}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(map[string]any{"assessment-results": doc})
}

// addRegisterMetadata adds the registers' organisations, roles, people and
// responsible parties to md, each once across registers.
func addRegisterMetadata(md *oscalMetadata, reports []reportOf) {
	seenRole, seenParty := map[string]bool{}, map[string]bool{}
	holders := map[string][]string{}
	var roleOrder []string
	for _, r := range reports {
		reg := r.reg
		if reg == nil {
			continue
		}
		if name := strings.TrimSpace(reg.Organisation.Name); name != "" {
			u := uuidOf("organisation", name)
			if !seenParty[u] {
				seenParty[u] = true
				md.Parties = append(md.Parties, oscalParty{UUID: u, Type: "organization", Name: oscalString(name)})
			}
		}
		for _, role := range reg.Roles {
			id := roleToken(role.ID)
			if seenRole[id] {
				continue
			}
			seenRole[id] = true
			roleOrder = append(roleOrder, id)
			o := oscalRole{ID: id, Title: displayOr(strings.TrimSpace(role.Name), role.ID)}
			if len(role.Duties) > 0 {
				o.Description = strings.Join(role.Duties, "\n")
			}
			if role.Kind != "" {
				o.Props = append(o.Props, oscalProp{Name: "kind", NS: oscalNS, Value: oscalString(string(role.Kind))})
			}
			if role.Function != "" {
				o.Props = append(o.Props, oscalProp{Name: "function", NS: oscalNS, Value: oscalString(string(role.Function))})
			}
			if id != role.ID {
				o.Props = append(o.Props, oscalProp{Name: "register-id", NS: oscalNS, Value: oscalString(role.ID)})
			}
			md.Roles = append(md.Roles, o)
		}
		active := map[string]bool{}
		for _, p := range reg.People {
			u := partyUUID(p.ID)
			active[p.ID] = p.StatusOrDefault() == raci.StatusActive
			if seenParty[u] {
				continue
			}
			seenParty[u] = true
			party := oscalParty{UUID: u, Type: "person", Name: oscalString(displayOr(strings.TrimSpace(p.Name), p.ID)),
				Props: []oscalProp{{Name: "register-id", NS: oscalNS, Value: oscalString(p.ID)}, {Name: "status", NS: oscalNS, Value: oscalString(string(p.StatusOrDefault()))}}}
			if e := strings.TrimSpace(p.Email); strings.Contains(e, "@") && !strings.ContainsFunc(e, unicode.IsSpace) {
				party.EmailAddresses = []string{e}
			}
			md.Parties = append(md.Parties, party)
		}
		hold := func(roleID, personID string) {
			if !active[personID] || !seenRole[roleToken(roleID)] {
				return
			}
			key := roleToken(roleID)
			if !slices.Contains(holders[key], partyUUID(personID)) {
				holders[key] = append(holders[key], partyUUID(personID))
			}
		}
		for _, p := range reg.People {
			for _, role := range p.Roles {
				hold(role, p.ID)
			}
		}
		for _, t := range reg.Teams {
			for _, role := range t.Roles {
				for _, m := range t.Members {
					hold(role, m)
				}
			}
		}
	}
	for _, id := range roleOrder {
		if len(holders[id]) > 0 {
			md.ResponsibleParties = append(md.ResponsibleParties, oscalResponsibleParty{RoleID: id, PartyUUIDs: holders[id]})
		}
	}
}

// personDefined reports whether the register defines the person id.
func personDefined(reg *raci.Register, id string) bool {
	for _, p := range reg.People {
		if p.ID == id {
			return true
		}
	}
	return false
}

// partyUUID is the UUID of the party of a person id.
func partyUUID(personID string) string { return uuidOf("person", personID) }

// roleToken makes a register's role id an OSCAL token (an XML NCName): a
// letter or underscore first, then letters, digits, '.', '-' and '_'. Other
// characters become '_'; an id that does not start with a letter or '_' gets
// "role_" in front.
func roleToken(id string) string { return token(id, "role_") }

// controlToken makes a control label an OSCAL control id: lower case, with
// spaces as '-' ("A.5.9" is "a.5.9", "Clause 7.2" is "clause-7.2").
func controlToken(control string) string {
	return token(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(control)), " ", "-"), "control_")
}

// token makes s an OSCAL token, prefixing it with prefix when it does not
// start as a token must.
func token(s, prefix string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) || r == '.' || r == '-' || r == '_' {
			b.WriteRune(r)
		} else {
			b.WriteRune('_')
		}
	}
	t := b.String()
	if first := []rune(t + " ")[0]; !unicode.IsLetter(first) && first != '_' {
		t = prefix + t
	}
	return t
}

// oscalString makes s an OSCAL string: no leading or trailing white space and
// not empty ("(none)" when nothing is left). OSCAL's string pattern reads the
// value as one line, so line breaks inside become spaces.
func oscalString(s string) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }), " ")
	s = strings.TrimSpace(s)
	if s == "" {
		return "(none)"
	}
	return s
}

// displayOr returns s, or alt when s is empty.
func displayOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// The OSCAL 1.1.3 assessment-results objects rolecall writes (a subset of
// the model).
type (
	oscalAssessmentResults struct {
		UUID       string           `json:"uuid"`
		Metadata   oscalMetadata    `json:"metadata"`
		ImportAP   oscalImportAP    `json:"import-ap"`
		Results    []oscalResult    `json:"results"`
		BackMatter *oscalBackMatter `json:"back-matter,omitempty"`
	}
	oscalMetadata struct {
		Title              string                  `json:"title"`
		LastModified       string                  `json:"last-modified"`
		Version            string                  `json:"version"`
		OSCALVersion       string                  `json:"oscal-version"`
		Props              []oscalProp             `json:"props,omitempty"`
		Roles              []oscalRole             `json:"roles,omitempty"`
		Parties            []oscalParty            `json:"parties,omitempty"`
		ResponsibleParties []oscalResponsibleParty `json:"responsible-parties,omitempty"`
	}
	oscalProp struct {
		Name  string `json:"name"`
		NS    string `json:"ns,omitempty"`
		Class string `json:"class,omitempty"`
		Value string `json:"value"`
	}
	oscalRole struct {
		ID          string      `json:"id"`
		Title       string      `json:"title"`
		Description string      `json:"description,omitempty"`
		Props       []oscalProp `json:"props,omitempty"`
	}
	oscalParty struct {
		UUID           string      `json:"uuid"`
		Type           string      `json:"type"`
		Name           string      `json:"name,omitempty"`
		EmailAddresses []string    `json:"email-addresses,omitempty"`
		Props          []oscalProp `json:"props,omitempty"`
	}
	oscalResponsibleParty struct {
		RoleID     string   `json:"role-id"`
		PartyUUIDs []string `json:"party-uuids"`
	}
	oscalImportAP struct {
		Href    string `json:"href"`
		Remarks string `json:"remarks,omitempty"`
	}
	oscalResult struct {
		UUID             string                `json:"uuid"`
		Title            string                `json:"title"`
		Description      string                `json:"description"`
		Start            string                `json:"start"`
		End              string                `json:"end,omitempty"`
		Props            []oscalProp           `json:"props,omitempty"`
		ReviewedControls oscalReviewedControls `json:"reviewed-controls"`
		Observations     []oscalObservation    `json:"observations,omitempty"`
		Findings         []oscalFinding        `json:"findings,omitempty"`
	}
	oscalReviewedControls struct {
		ControlSelections []oscalControlSelection `json:"control-selections"`
	}
	oscalControlSelection struct {
		Description     string            `json:"description,omitempty"`
		IncludeAll      *struct{}         `json:"include-all,omitempty"`
		IncludeControls []oscalControlRef `json:"include-controls,omitempty"`
	}
	oscalControlRef struct {
		ControlID string `json:"control-id"`
	}
	oscalObservation struct {
		UUID             string            `json:"uuid"`
		Title            string            `json:"title,omitempty"`
		Description      string            `json:"description"`
		Methods          []string          `json:"methods"`
		Subjects         []oscalSubjectRef `json:"subjects,omitempty"`
		RelevantEvidence []oscalEvidence   `json:"relevant-evidence,omitempty"`
		Collected        string            `json:"collected"`
	}
	oscalSubjectRef struct {
		SubjectUUID string `json:"subject-uuid"`
		Type        string `json:"type"`
		Title       string `json:"title,omitempty"`
	}
	oscalEvidence struct {
		Href        string      `json:"href,omitempty"`
		Description string      `json:"description"`
		Props       []oscalProp `json:"props,omitempty"`
	}
	oscalFinding struct {
		UUID                string                    `json:"uuid"`
		Title               string                    `json:"title"`
		Description         string                    `json:"description"`
		Props               []oscalProp               `json:"props,omitempty"`
		Links               []oscalLink               `json:"links,omitempty"`
		Target              oscalTarget               `json:"target"`
		RelatedObservations []oscalRelatedObservation `json:"related-observations,omitempty"`
		Remarks             string                    `json:"remarks,omitempty"`
	}
	oscalLink struct {
		Href string `json:"href"`
		Rel  string `json:"rel,omitempty"`
		Text string `json:"text,omitempty"`
	}
	oscalTarget struct {
		Type     string      `json:"type"`
		TargetID string      `json:"target-id"`
		Title    string      `json:"title,omitempty"`
		Status   oscalStatus `json:"status"`
	}
	oscalStatus struct {
		State   string `json:"state"`
		Reason  string `json:"reason,omitempty"`
		Remarks string `json:"remarks,omitempty"`
	}
	oscalRelatedObservation struct {
		ObservationUUID string `json:"observation-uuid"`
	}
	oscalBackMatter struct {
		Resources []oscalResource `json:"resources"`
	}
	oscalResource struct {
		UUID        string `json:"uuid"`
		Title       string `json:"title,omitempty"`
		Description string `json:"description,omitempty"`
	}
)
