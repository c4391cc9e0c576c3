//go:build !unix

package document

import "os"

// openNonBlocking opens path read-only.
func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }

// ReadFlags are the flags to open a file for reading.
const ReadFlags = os.O_RDONLY
