package document

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrNotRegular is wrapped by the error of ReadRegular and OpenRegular for a
// path that names a directory, a device (/dev/zero), a FIFO or a socket.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is wrapped by the error of ReadRegular for a file larger than
// its limit.
var ErrTooLarge = errors.New("file too large")

// OpenRegular opens path for reading, following symbolic links, and returns it
// only when it is a regular file. The file is opened once and checked through
// its descriptor, so a file swapped after a check cannot slip through; a FIFO
// is opened without blocking and refused.
func OpenRegular(path string) (*os.File, error) {
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		_ = f.Close()
		return nil, fmt.Errorf("%s: %w (%s)", path, ErrNotRegular, kindOf(st.Mode()))
	}
	return f, nil
}

// OpenRegularOrPipe is OpenRegular that also accepts a pipe (a FIFO), such as
// the /dev/fd/N of a shell's process substitution (rolecall diff <(git show
// HEAD~1:register.yaml) register.yaml). A pipe is opened without blocking, so
// one without a writer reads as empty at once; its reader must still cap what
// it reads, as every reader of this package does. Directories, devices and
// sockets are refused.
func OpenRegularOrPipe(path string) (*os.File, error) {
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() && st.Mode()&os.ModeNamedPipe == 0 {
		_ = f.Close()
		return nil, fmt.Errorf("%s: %w (%s)", path, ErrNotRegular, kindOf(st.Mode()))
	}
	return f, nil
}

// ReadRegular reads the regular file at path (see OpenRegular), at most
// maxBytes of it: a larger file is an error wrapping ErrTooLarge, read no
// further than the limit.
func ReadRegular(path string, maxBytes int64) ([]byte, error) {
	f, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadAtMost(f, path, maxBytes)
}

// ReadAtMost reads r to its end, at most maxBytes: more is an error wrapping
// ErrTooLarge that names name.
func ReadAtMost(r io.Reader, name string, maxBytes int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > maxBytes {
		return nil, fmt.Errorf("%s: %w: more than %d bytes", name, ErrTooLarge, maxBytes)
	}
	return data, nil
}

// kindOf names what a file that is not regular is, for messages.
func kindOf(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a FIFO"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// KindOf names what a file of mode m is when it is not regular, for messages.
func KindOf(m os.FileMode) string { return kindOf(m) }
