// Package atomicfile writes files so that a reader never sees half of one: the
// content goes to a temporary file in the same directory, renamed into place
// once complete. A failure leaves the previous file, or none, untouched.
// It imports only the standard library.
package atomicfile

import (
	"io"
	"os"
	"path/filepath"
)

// Write writes the file at path with write. The file gets the mode of the file
// it replaces, or 0644 when there was none (a temporary file is created 0600).
// The temporary file is removed whatever happens.
func Write(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
