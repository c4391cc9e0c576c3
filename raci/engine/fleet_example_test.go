package engine_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"sort"
	"strings"

	"github.com/rolecall/rolecall/raci/engine"
)

// A signed bundle for a fleet of OPAs: the OPAs verify .signatures.json with
// the public key (examples/fleet/opa-config.yaml), and serve the decision-log
// mask system/log/mask.rego as data.system.log.mask.
func ExampleWithSigningKey() {
	key, err := os.ReadFile("../../examples/fleet/example-signing-key.pem")
	if err != nil {
		log.Fatal(err)
	}
	eng, err := engine.New(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if err := eng.WriteBundle(&buf, engine.WithSigningKey(key, "RS256", "rolecall-example")); err != nil {
		log.Fatal(err)
	}
	for _, name := range bundleFilesOutside(&buf, "rolecall/") {
		fmt.Println(name)
	}
	// Output:
	// .manifest
	// .signatures.json
	// data.json
	// system/log/mask.rego
}

// A bundle for OPAs that log no decisions: no mask, and the signature only.
func ExampleWithoutLogMask() {
	key, err := os.ReadFile("../../examples/fleet/example-signing-key.pem")
	if err != nil {
		log.Fatal(err)
	}
	eng, err := engine.New(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if err := eng.WriteBundle(&buf, engine.WithoutLogMask(), engine.WithSigningKey(key, "", "rolecall-example")); err != nil {
		log.Fatal(err)
	}
	for _, name := range bundleFilesOutside(&buf, "rolecall/") {
		fmt.Println(name)
	}
	// Output:
	// .manifest
	// .signatures.json
	// data.json
}

// bundleFilesOutside lists, sorted, the files of a bundle that are not under
// dir.
func bundleFilesOutside(r io.Reader, dir string) []string {
	zr, err := gzip.NewReader(r)
	if err != nil {
		log.Fatal(err)
	}
	tr := tar.NewReader(zr)
	var names []string
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		if name := strings.TrimPrefix(hdr.Name, "/"); !strings.HasPrefix(name, dir) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}
