package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/rolecall/rolecall/raci"
)

func cmdValidate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: rolecall validate [flags] FILE...\n\nLoads each register (YAML or JSON), validates it against the register schema and reports every problem with its line, column and JSON pointer. Exit 0 when all are valid, 2 otherwise.")
		fs.PrintDefaults()
	}
	lim := limitFlags(fs)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	code := exitOK
	for _, path := range fs.Args() {
		reg, err := raci.LoadFile(path, raci.WithLimits(*lim))
		if err != nil {
			fmt.Fprintln(stderr, err)
			code = exitUsage
			continue
		}
		fmt.Fprintf(stdout, "%s: valid register of %q (%d roles, %d people)\n", path, reg.Organisation.Name, len(reg.Roles), len(reg.People))
	}
	return code
}

// limitFlags adds the input-limit flags to fs.
func limitFlags(fs *flag.FlagSet) *raci.Limits {
	def := raci.DefaultLimits()
	l := &raci.Limits{}
	fs.Int64Var(&l.MaxBytes, "max-bytes", def.MaxBytes, "largest register accepted, in bytes")
	fs.IntVar(&l.MaxEntities, "max-entities", def.MaxEntities, "largest number of entities accepted")
	fs.IntVar(&l.MaxDepth, "max-depth", def.MaxDepth, "deepest nesting accepted")
	return l
}
