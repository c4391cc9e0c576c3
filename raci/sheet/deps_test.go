package sheet_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestSheetPackageLinksNoOPA holds package sheet free of OPA and of the
// engine: converting spreadsheets evaluates no rules.
func TestSheetPackageLinksNoOPA(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list the package's dependencies: %v", err)
	}
	out, err := exec.Command(goBin, "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list -deps listed %d packages, expected the standard library and more:\n%s", len(deps), out)
	}
	for _, dep := range deps {
		if strings.Contains(dep, "open-policy-agent") || strings.HasPrefix(dep, "github.com/rolecall/rolecall/raci/engine") {
			t.Errorf("package sheet depends on %s", dep)
		}
	}
}
