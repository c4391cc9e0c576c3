package sheet_test

import (
	"errors"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/sheet"
)

// A RACI matrix as a spreadsheet program saves it, with a title row, ";"
// between cells, a phase row and a cell with two letters.
const matrixCSV = `Acme Ltd: security RACI;;;
Activity;Process;Chief Executive [ceo];IT Manager
Identity and access;;;
Joiners;user provisioning;A;R
Access review;access review;I;A/R
`

func ExampleReadCSV() {
	m, err := sheet.ReadCSV(strings.NewReader(matrixCSV), sheet.WithSourceName("raci.csv"))
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range m.Activities() {
		fmt.Printf("%s (%s): R %v, A %v, I %v\n", a.ID, a.Process, a.RACI.Responsible, a.RACI.Accountable, a.RACI.Informed)
	}
	// Output:
	// joiners (user_provisioning): R [it-manager], A [ceo], I []
	// access-review (access_review): R [it-manager], A [it-manager], I [ceo]
}

func ExampleReadCSV_problems() {
	_, err := sheet.ReadCSV(strings.NewReader("Activity,CEO,CISO\nJoiners,A,X\nLeavers,RA,R\n"), sheet.WithSourceName("raci.csv"))
	var se *sheet.Error
	if errors.As(err, &se) {
		for _, p := range se.Problems {
			fmt.Println(p)
		}
	}
	// Output:
	// C2: "X" is not one of R, A, C, I
	// B3: "RA" is not one of R, A, C, I (separate letters with "/", as in "R/A")
}

func ExampleNewRegister() {
	m, err := sheet.ReadCSV(strings.NewReader(matrixCSV), sheet.WithSourceName("raci.csv"))
	if err != nil {
		log.Fatal(err)
	}
	out, err := sheet.NewRegister(m)
	if err != nil {
		log.Fatal(err)
	}
	reg, err := raci.LoadBytes(out)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(reg.Roles), "roles,", len(reg.Activities), "activities; TODOs:", strings.Count(string(out), "TODO"))
	// Output:
	// 2 roles, 2 activities; TODOs: 10
}

func ExampleUpdate() {
	register := `version: 1
organisation: {name: Acme Ltd}
roles:
  - {id: ceo, name: Chief Executive, kind: senior_management, function: executive}
  - {id: it, name: IT Manager, kind: system_administrator, function: it}
people: []
activities:
  - id: joiners
    name: Joiners
    process: user_provisioning
    raci: {responsible: [it], accountable: [it]}   # to be reviewed
`
	m, err := sheet.ReadCSV(strings.NewReader(matrixCSV))
	if err != nil {
		log.Fatal(err)
	}
	out, err := sheet.Update([]byte(register), m)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(out))
	// Output:
	// version: 1
	// organisation: {name: Acme Ltd}
	// roles:
	//   - {id: ceo, name: Chief Executive, kind: senior_management, function: executive}
	//   - {id: it, name: IT Manager, kind: system_administrator, function: it}
	// people: []
	// activities:
	//   - id: joiners
	//     name: Joiners
	//     process: user_provisioning
	//     raci: {responsible: [it], accountable: [ceo]}   # to be reviewed
	//   - id: access-review
	//     name: Access review
	//     process: access_review
	//     raci:
	//       responsible: [it]
	//       accountable: [it]
	//       informed: [ceo]
}

func ExampleWrite() {
	reg, err := raci.LoadBytes([]byte(`version: 1
organisation: {name: Acme Ltd}
roles:
  - {id: ceo, name: Chief Executive, kind: senior_management, function: executive}
  - {id: it, name: IT Manager, kind: system_administrator, function: it}
people: []
activities:
  - {id: a1, name: Joiners, process: user_provisioning, raci: {responsible: [it], accountable: [ceo]}, frequency: on_event}
`))
	if err != nil {
		log.Fatal(err)
	}
	if err := sheet.Write(os.Stdout, reg, sheet.FormatCSV); err != nil {
		log.Fatal(err)
	}
	if err := sheet.Write(os.Stdout, reg, sheet.FormatMarkdown); err != nil {
		log.Fatal(err)
	}
	// Output:
	// ID,Activity,Process,Frequency,Chief Executive [ceo],IT Manager [it]
	// a1,Joiners,user_provisioning,on_event,A,R
	// | ID | Activity | Process | Frequency | `ceo` | `it` |
	// |---|---|---|---|:-:|:-:|
	// | a1 | Joiners | user_provisioning | on_event | A | R |
	//
	// R responsible: does the work. A accountable: answers for the result (exactly one per activity). C consulted: asked before. I informed: told after.
	//
	// Roles:
	//
	// - `ceo`: Chief Executive
	// - `it`: IT Manager
}
