//go:build unix

package document

import (
	"os"
	"syscall"
)

// openNonBlocking opens path read-only without blocking on a FIFO (for a
// regular file O_NONBLOCK has no effect).
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// ReadFlags are the flags to open a file for reading without blocking on a
// FIFO, for os.Root.OpenFile and the like.
const ReadFlags = os.O_RDONLY | syscall.O_NONBLOCK
