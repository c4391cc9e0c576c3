package output_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/output"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenDate is the evaluation date of the golden files.
var goldenDate = raci.MustDate("2026-11-27")

// goldenConfig is the organisation configuration of the golden run: one rule
// disabled and one severity changed, so that every format shows how it states
// the configuration applied.
const goldenConfig = `disable:
  - A52-COMM-004
severity:
  A52-ROLE-004: medium
`

// acmeRun evaluates examples/registers/acme.yaml as of goldenDate with
// goldenConfig, once per test binary, and returns the run every golden file is
// written from. The register is named as a user in the repository's root
// names it, so that locations in SARIF resolve against the repository.
var acmeRun = sync.OnceValues(func() (output.Run, error) {
	reg, err := raci.LoadFile("../../examples/registers/acme.yaml", raci.WithSourceName("examples/registers/acme.yaml"))
	if err != nil {
		return output.Run{}, err
	}
	cfg, err := engine.ParseConfig([]byte(goldenConfig), "rolecall.yaml")
	if err != nil {
		return output.Run{}, err
	}
	ctx := context.Background()
	eng, err := engine.New(ctx, engine.WithConfig(cfg))
	if err != nil {
		return output.Run{}, err
	}
	rep, err := eng.Evaluate(ctx, reg, goldenDate)
	if err != nil {
		return output.Run{}, err
	}
	settings := eng.Settings()
	settings.ConfigFile = "rolecall.yaml"
	return output.Run{
		Reports:     []*engine.Report{rep},
		Registers:   []*raci.Register{reg},
		Rules:       eng.Rules(),
		Settings:    settings,
		FailOn:      engine.SeverityLow,
		ToolVersion: "v0.0.0-golden",
	}, nil
})

// goldenFormats are the formats with golden files, with the name of each
// file.
var goldenFormats = []struct {
	file string
	f    output.Formatter
}{
	{"acme.text", output.Text{}},
	{"acme.colour.text", output.Text{Colour: true}},
	{"acme.json", output.JSON{}},
	{"acme.sarif", output.SARIF{}},
	{"acme.junit.xml", output.JUnit{}},
	{"acme.github", output.GitHub{}},
	{"acme.oscal.json", output.OSCAL{}},
}

// TestGolden writes the acme run in every format and compares each byte for
// byte with its golden file. Regenerate them with
// go test ./raci/output -run TestGolden -update, and read the diff.
func TestGolden(t *testing.T) {
	run, err := acmeRun()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range goldenFormats {
		t.Run(tc.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.f.Format(&b, run); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", tc.file)
			if *update {
				if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), b.String()); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
			}
		})
	}
}

// TestGoldenCoversEveryFormat keeps a golden file for every format ByName
// knows.
func TestGoldenCoversEveryFormat(t *testing.T) {
	covered := map[string]bool{}
	for _, tc := range goldenFormats {
		covered[typeName(tc.f)] = true
	}
	for _, name := range output.Names() {
		f, err := output.ByName(name)
		if err != nil {
			t.Fatal(err)
		}
		if !covered[typeName(f)] {
			t.Errorf("format %s has no golden file", name)
		}
	}
}
