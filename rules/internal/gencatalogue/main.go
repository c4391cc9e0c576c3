// Command gencatalogue regenerates rules/rolecall/catalogue/data.json from the
// METADATA annotations of the bundled rule packages, so that the rules directory
// works as an OPA bundle on its own. Run it from the repository root:
//
//	go run ./rules/internal/gencatalogue
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/rolecall/rolecall/internal/ruleset"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gencatalogue:", err)
		os.Exit(1)
	}
}

func run() error {
	mods, err := ruleset.ParseDir(os.DirFS("rules"), "rolecall/rules")
	if err != nil {
		return err
	}
	metas, err := ruleset.CatalogueOf(mods, ast.MustParseRef("data.rolecall.rules"))
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(map[string]any{"rules": ruleset.CatalogueData(metas)}, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile("rules/rolecall/catalogue/data.json", append(b, '\n'), 0o644)
}
