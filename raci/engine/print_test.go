package engine_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

func TestPrintIsCapturedAndCapped(t *testing.T) {
	chatty := fstest.MapFS{"chatty.rego": {Data: []byte(`# METADATA
# title: Chatty
# custom:
#   id: ORG-PRINT
#   severity: info
package rolecall.custom.chatty

finding contains {"subject": sprintf("person:%s", [p.id]), "message": "hello"} if {
	some p in input.register.people
	print("checking", p.id)
}
`)}}
	reg, err := raci.LoadBytes([]byte("version: 1\norganisation: {name: X}\nroles: []\npeople:\n  - {id: p1, name: A}\n  - {id: p2, name: B}\n  - {id: p3, name: C}\n"))
	if err != nil {
		t.Fatal(err)
	}
	// Without WithPrintStatements, print calls are removed.
	eng := newEngine(t, engine.WithRules(chatty))
	quiet := captureStdio(t, func() {
		if _, err := eng.Evaluate(context.Background(), reg, goldenDate); err != nil {
			t.Error(err)
		}
	})
	if quiet != "" {
		t.Errorf("print output without WithPrintStatements: %q", quiet)
	}
	// With it, output is captured up to the cap, then truncated once.
	var out bytes.Buffer
	eng = newEngine(t, engine.WithRules(chatty), engine.WithPrintStatements(&out, 60))
	if _, err := eng.Evaluate(context.Background(), reg, goldenDate); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "chatty.rego:10: checking p") || lines[2] != "[rolecall: print output truncated]" {
		t.Errorf("captured print output:\n%s", out.String())
	}
}
