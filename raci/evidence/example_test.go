package evidence_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/evidence"
)

// Writing the evidence pack of a register in Markdown: load the register,
// evaluate it, and hand the register, the report and the engine's rules to
// the pack. Here only the pack's section headings are printed.
func ExampleMarkdown() {
	ctx := context.Background()
	reg, err := raci.LoadFile("../../examples/registers/acme.yaml")
	if err != nil {
		log.Fatal(err)
	}
	eng, err := engine.New(ctx)
	if err != nil {
		log.Fatal(err)
	}
	rep, err := eng.Evaluate(ctx, reg, raci.MustDate("2026-11-27"))
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if err := evidence.Markdown(&buf, evidence.Pack{Register: reg, Report: rep, Rules: eng.Rules()}); err != nil {
		log.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		if line := sc.Text(); strings.HasPrefix(line, "# ") || strings.HasPrefix(line, "## ") {
			fmt.Println(line)
		}
	}
	// Output:
	// # Evidence pack: Acme Analytics Ltd
	// ## Open findings by area and severity
	// ## Governance chart
	// ## RACI matrix
	// ## Who carries accountability
	// ## Asset owners and custodians
	// ## Risk owners and acceptances
	// ## Authorisation levels
	// ## Delegations
	// ## People, roles, acknowledgements and competences
	// ## Segregation of duties
	// ## Approval and review
	// ## Open findings and what to do
	// ## Exceptions
	// ## Rules and frameworks
}

// Write picks a format by the name a user types, as rolecall report --format
// does; an unknown name is refused with the names there are.
func ExampleWrite() {
	err := evidence.Write(&bytes.Buffer{}, "docx", evidence.Pack{})
	fmt.Println(err)
	fmt.Println(evidence.Formats())
	// Output:
	// evidence: format "docx" is not one of html, markdown
	// [html markdown]
}

// Mappings to other frameworks come from a source the organisation keeps, as
// JSON keyed by rule id; WithMappings puts them in the cross-reference.
func ExampleParseMappings() {
	m, err := evidence.ParseMappings([]byte(`{"A52-ASSET-001": {"soc2": ["CC6.1"], "sp800_53": ["CM-8"]}}`))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%+v\n", m["A52-ASSET-001"])
	_ = evidence.WithMappings(m) // pass to HTML, Markdown or Write
	// Output:
	// {SOC2:[CC6.1] NISTCSF:[] SP80053:[CM-8]}
}
