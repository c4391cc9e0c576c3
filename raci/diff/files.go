package diff

import (
	"fmt"

	"github.com/rolecall/rolecall/raci"
)

// CompareFiles loads the registers at oldPath and newPath with raci.LoadFile
// and the options (limits, format) and compares them. The paths may be pipes
// (rolecall diff <(git show HEAD~1:register.yaml) register.yaml): without an
// extension the format is told from the content. An error says which of the
// two files failed to load and wraps the loader's error (a *raci.LoadError
// lists every problem).
func CompareFiles(oldPath, newPath string, opts ...raci.LoadOption) (*Diff, error) {
	old, err := raci.LoadFile(oldPath, opts...)
	if err != nil {
		return nil, fmt.Errorf("old register: %w", err)
	}
	new, err := raci.LoadFile(newPath, opts...)
	if err != nil {
		return nil, fmt.Errorf("new register: %w", err)
	}
	return Compare(old, new), nil
}
