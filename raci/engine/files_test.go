package engine_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

const validRule = "# METADATA\n# title: Fine\n# custom:\n#   id: ORG-FINE-001\n#   severity: low\npackage rolecall.custom.fine\n\nfinding contains {\"subject\": \"organisation\", \"message\": \"fine\"} if false\n"

// TestHostileFilesRefused is item 5 of issue 16: every file rolecall reads (the
// register, rolecall.yaml, rule and test files) is opened once, checked to be a
// regular file and read through a size cap, so a repository that commits one
// as a link to /dev/zero, a FIFO or a huge file gets an error, at once.
func TestHostileFilesRefused(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.yaml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	within := func(t *testing.T, f func() error) error {
		t.Helper()
		done := make(chan error, 1)
		go func() { done <- f() }()
		select {
		case err := <-done:
			return err
		case <-time.After(10 * time.Second):
			t.Fatal("still reading after 10 s")
			return nil
		}
	}
	for _, tc := range []struct {
		name string
		read func() error
		is   error
		want string
	}{
		{"configuration linked to /dev/zero", func() error { _, err := engine.LoadConfig(zero); return err }, engine.ErrInvalidConfig, "not a regular file (a character device)"},
		{"configuration that is a FIFO", func() error { _, err := engine.LoadConfig(fifo); return err }, engine.ErrInvalidConfig, "not a regular file (a FIFO)"},
		{"configuration that is a directory", func() error { _, err := engine.LoadConfig(dir); return err }, engine.ErrInvalidConfig, "not a regular file (a directory)"},
		{"register linked to /dev/zero", func() error { _, err := raci.LoadFile(zero); return err }, raci.ErrInvalidRegister, "not a regular file (a character device)"},
		// A pipe is read (process substitution); one without a writer is empty at once.
		{"register that is a FIFO without a writer", func() error { _, err := raci.LoadFile(fifo); return err }, raci.ErrInvalidRegister, "empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := within(t, tc.read)
			if !errors.Is(err, tc.is) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("want an error wrapping %v saying %q, got %v", tc.is, tc.want, err)
			}
		})
	}

	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte("# "+strings.Repeat("x", 4<<20)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := engine.LoadConfig(big); !errors.Is(err, engine.ErrInvalidConfig) || !strings.Contains(err.Error(), "file too large") {
		t.Errorf("a 4 MiB configuration: want ErrInvalidConfig saying file too large, got %v", err)
	}
}

// TestHostileRuleFiles: a rule or test file that is a link to /dev/zero, a
// FIFO, a link out of the rules directory, or larger than the cap is a
// located problem of engine.New or RunTests.
func TestHostileRuleFiles(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.rego"), []byte(validRule), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir string)
		want  string
	}{
		{"rule linked to /dev/zero", func(t *testing.T, dir string) { symlink(t, "/dev/zero", filepath.Join(dir, "zero.rego")) }, "zero.rego: openat zero.rego: path escapes from parent"},
		{"test linked to /dev/zero", func(t *testing.T, dir string) { symlink(t, "/dev/zero", filepath.Join(dir, "zero_test.rego")) }, "zero_test.rego: openat zero_test.rego: path escapes from parent"},
		{"rule that is a FIFO", func(t *testing.T, dir string) {
			if err := syscall.Mkfifo(filepath.Join(dir, "fifo.rego"), 0o600); err != nil {
				t.Skip(err)
			}
		}, "fifo.rego: not a regular file (a FIFO)"},
		{"link out of the directory", func(t *testing.T, dir string) {
			symlink(t, filepath.Join(outside, "secret.rego"), filepath.Join(dir, "secret.rego"))
		}, "secret.rego: openat secret.rego: path escapes from parent"},
		{"device inside the directory", func(t *testing.T, dir string) {
			if err := syscall.Mknod(filepath.Join(dir, "null.rego"), syscall.S_IFCHR|0o600, 0x103); err != nil {
				t.Skip("cannot create a device here:", err)
			}
		}, "null.rego: not a regular file (a character device)"},
		{"rule over the size cap", func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, "big.rego"), []byte("# "+strings.Repeat("x", 4<<20)+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "big.rego: the file: file too large"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "fine.rego"), []byte(validRule), 0o644); err != nil {
				t.Fatal(err)
			}
			tc.setup(t, dir)
			done := make(chan error, 1)
			go func() {
				_, err := engine.RunTests(context.Background(), engine.ScopeOrganisation, engine.WithRuleDir(dir))
				done <- err
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("still reading after 10 s")
			}
			if !errors.Is(err, engine.ErrRules) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("want an error wrapping ErrRules saying %q, got %v", tc.want, err)
			}
		})
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
}

// TestConfigRuleDirsStayInside: the rule directories of rolecall.yaml lie in
// its directory, unless WithRuleDirsOutsideConfig allows otherwise: rules:
// ["/"] walked the whole file system, and ../ escaped.
func TestConfigRuleDirsStayInside(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	other := filepath.Join(root, "other")
	for _, d := range []string{filepath.Join(repo, "rules"), other} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "fine.rego"), []byte(validRule), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(other, filepath.Join(repo, "linked")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	for _, tc := range []struct {
		name, rules string
		ok          bool
	}{
		{"inside", "rules", true},
		{"the configuration's own directory", ".", true},
		{"root of the file system", "/", false},
		{"climbing out", "../other", false},
		{"absolute path outside", other, false},
		{"link leading out", "linked", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfgPath := filepath.Join(repo, "rolecall.yaml")
			if err := os.WriteFile(cfgPath, []byte("rules: ["+`"`+tc.rules+`"`+"]\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, err := engine.LoadConfig(cfgPath)
			if err != nil {
				t.Fatal(err)
			}
			_, err = engine.New(context.Background(), engine.WithConfig(cfg))
			if tc.ok && err != nil {
				t.Errorf("New: %v", err)
			}
			if !tc.ok {
				if !errors.Is(err, engine.ErrInvalidConfig) || !strings.Contains(err.Error(), "is outside the configuration's directory") {
					t.Errorf("New: want ErrInvalidConfig saying the directory is outside, got %v", err)
				}
				if tc.rules != "/" {
					if _, err := engine.New(context.Background(), engine.WithConfig(cfg), engine.WithRuleDirsOutsideConfig()); err != nil {
						t.Errorf("New with WithRuleDirsOutsideConfig: %v", err)
					}
				}
			}
		})
	}
}
