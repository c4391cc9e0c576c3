package engine_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci/engine"
)

// TestCheckOutput is item 6 of issue 16: -o refuses every input that was read
// (implicitly or not), special files, and symbolic links.
func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(validRule), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	reg, cfg, rule := write("register.yaml"), write("rolecall.yaml"), write("rules/fine.rego")
	if err := os.Symlink(reg, filepath.Join(dir, "link.yaml")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Link(cfg, filepath.Join(dir, "hard.yaml")); err != nil {
		t.Skip("no hard links here:", err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	inputs := []string{reg, cfg, filepath.Join(dir, "rules"), rule}
	for _, tc := range []struct {
		name, out string
		ok        bool
	}{
		{"new file", filepath.Join(dir, "report.json"), true},
		{"existing unrelated file", write("old-report.json"), true},
		{"the register", reg, false},
		{"the implicit configuration", cfg, false},
		{"the configuration through ..", filepath.Join(dir, "rules", "..", "rolecall.yaml"), false},
		{"a hard link to the configuration", filepath.Join(dir, "hard.yaml"), false},
		{"a rule file", rule, false},
		{"a new Rego file in the rules directory", filepath.Join(dir, "rules", "report.rego"), false},
		{"a symbolic link", filepath.Join(dir, "link.yaml"), false},
		{"a FIFO", fifo, false},
		{"a device", "/dev/null", false},
		{"a directory", dir, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := engine.CheckOutput(tc.out, inputs...)
			if tc.ok && err != nil {
				t.Errorf("CheckOutput(%s): %v", tc.out, err)
			}
			if !tc.ok && !errors.Is(err, engine.ErrOutput) {
				t.Errorf("CheckOutput(%s) = %v, want an error wrapping ErrOutput", tc.out, err)
			}
		})
	}
}

// TestInputFiles: the engine lists the configuration and the Rego files it
// read, for CheckOutput.
func TestInputFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "rules"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string]string{
		"rules/fine.rego":      validRule,
		"rules/fine_test.rego": "package rolecall.custom.fine_test\n\ntest_ok if true\n",
		"rolecall.yaml":        "rules: [rules]\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := engine.LoadConfig(filepath.Join(dir, "rolecall.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(context.Background(), engine.WithConfig(cfg))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "rolecall.yaml"), filepath.Join(dir, "rules"), filepath.Join(dir, "rules", "fine.rego"), filepath.Join(dir, "rules", "fine_test.rego")}
	if diff := cmp.Diff(want, eng.InputFiles()); diff != "" {
		t.Errorf("InputFiles() mismatch (-want +got):\n%s", diff)
	}
	if err := engine.CheckOutput(cfg.File(), eng.InputFiles()...); !errors.Is(err, engine.ErrOutput) {
		t.Errorf("CheckOutput(the configuration, InputFiles()...) = %v, want ErrOutput", err)
	}
}
