package evidence_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestPackageLinksNoBrowser holds package evidence free of the browser driver
// and of the command line: a program that writes packs does not link chromedp,
// and only the tests and the screenshot tool (internal/browser) drive a
// browser. OPA comes in through package engine alone, for the report's types.
func TestPackageLinksNoBrowser(t *testing.T) {
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
		switch {
		case strings.Contains(dep, "chromedp"),
			strings.HasPrefix(dep, "github.com/rolecall/rolecall/cmd/"),
			strings.HasPrefix(dep, "github.com/rolecall/rolecall/raci/evidence/internal/"),
			strings.HasPrefix(dep, "github.com/rolecall/rolecall/raci/output"),
			strings.HasPrefix(dep, "github.com/rolecall/rolecall/internal/synth"):
			t.Errorf("package evidence depends on %s", dep)
		}
	}
}
