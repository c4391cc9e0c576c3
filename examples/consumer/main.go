// Command consumer is an example of using rolecall as a dependency: it loads a
// register with raci.LoadFile and prints either every problem, one per line, or
// a short summary.
//
//	go run . testdata/valid.yaml
//
// It exits 0 for a valid register, 1 for an invalid one and 2 for a usage error.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/rolecall/rolecall/raci"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run loads the register named by args[0] and reports on stdout.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: consumer REGISTER (.yaml, .yml or .json)")
		return 2
	}
	reg, err := raci.LoadFile(args[0])
	if err != nil {
		var le *raci.LoadError
		if !errors.As(err, &le) {
			fmt.Fprintln(stderr, err)
			return 2
		}
		for _, p := range le.Problems {
			fmt.Fprintf(stdout, "%s: %s\n", le.Source, p)
		}
		return 1
	}
	summarise(stdout, reg)
	return 0
}

// summarise prints what the register holds and which roles nobody active holds.
func summarise(w io.Writer, reg *raci.Register) {
	x := reg.Index()
	var unallocated []string
	for _, r := range reg.Roles {
		if !x.Allocated(r.ID) {
			unallocated = append(unallocated, r.ID)
		}
	}
	fmt.Fprintf(w, "%s: %s, register format version %d\n", reg.SourceName(), reg.Organisation.Name, reg.Version)
	fmt.Fprintf(w, "%d roles, %d people, %d teams, %d assets, %d activities, %d risks\n",
		len(reg.Roles), len(reg.People), len(reg.Teams), len(reg.Assets), len(reg.Activities), len(reg.Risks))
	for _, r := range reg.Roles {
		holders := x.HoldersOf(r.ID)
		if len(holders) == 0 {
			fmt.Fprintf(w, "  %s (%s): nobody\n", r.ID, r.Kind)
			continue
		}
		fmt.Fprintf(w, "  %s (%s): %s\n", r.ID, r.Kind, strings.Join(holders, ", "))
	}
	if len(unallocated) > 0 {
		fmt.Fprintf(w, "not allocated to an active person: %s\n", strings.Join(unallocated, ", "))
	}
}
