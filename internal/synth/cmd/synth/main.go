// Command synth writes a synthetic register (internal/synth) for benchmarks of
// the rolecall command, e.g.
//
//	go run ./internal/synth/cmd/synth -n 100000 -format yaml -o /tmp/register-100k.yaml
//	go run ./internal/synth/cmd/synth -n 100000 -format json -profile heavy -o /tmp/heavy-100k.json
//	rolecall check --format json --as-of 2026-06-30 --max-bytes 100000000 /tmp/register-100k.yaml
//
// Evaluate it as of synth.AsOf (printed on standard error) so that the dates in the
// register have their intended meaning.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/rolecall/rolecall/internal/synth"
)

func main() {
	n := flag.Int("n", 10_000, "number of people")
	seed := flag.Int64("seed", 1, "random seed")
	format := flag.String("format", "yaml", "yaml or json")
	out := flag.String("o", "", "output file (default: standard output)")
	profileName := flag.String("profile", string(synth.Standard), "standard, or heavy: every person with an e-mail and 3-4 competence records")
	flag.Parse()
	profile, err := synth.ParseProfile(*profileName)
	if err != nil {
		fmt.Fprintln(os.Stderr, "synth: -profile:", err)
		os.Exit(2)
	}
	var b []byte
	switch *format {
	case "yaml":
		b = synth.YAML(*n, *seed, synth.WithProfile(profile))
	case "json":
		b = synth.JSON(*n, *seed, synth.WithProfile(profile))
	default:
		fmt.Fprintf(os.Stderr, "synth: -format %q is not yaml or json\n", *format)
		os.Exit(2)
	}
	if *out == "" {
		_, err = os.Stdout.Write(b)
	} else {
		err = os.WriteFile(*out, b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "synth: %d people (%s profile), %d bytes; evaluate with --as-of %s\n", *n, profile, len(b), synth.AsOf)
}
