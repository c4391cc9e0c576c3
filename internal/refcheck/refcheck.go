// Package refcheck finds the references of a register that name no defined
// role, person, asset or activity, and suggests the defined id nearest to each
// typo. rolecall validate reports them as warnings, so that a pre-commit hook
// catches a mistyped id before the rules (A52-REF-001) do. Suggest gives the
// engine the same suggestions, within a budget of work, for A52-REF-001's
// messages; Nearest is also the engine's "did you mean" for rule ids and
// parameter names.
//
// It reads the model's ref struct tags (raci/model.go), so a new reference
// field is checked without a change here. It must never import the engine or
// OPA: validate stays a plain register check.
package refcheck

import (
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/rolecall/rolecall/internal/textdist"
	"github.com/rolecall/rolecall/raci"
)

// Dangling is one reference to an id the register does not define.
type Dangling struct {
	// Pointer is the JSON pointer of the reference, e.g. /assets/3/owner.
	Pointer string
	// Kind is what the id should name: role, person, asset or activity.
	Kind string
	// ID is the undefined id.
	ID string
	// Suggestion is the defined id of that kind nearest to ID, or "" when none
	// is close enough to be a likely typo.
	Suggestion string
}

// Message says what is wrong and, when there is one, the likely intended id.
func (d Dangling) Message() string {
	msg := d.Kind + " " + strconv.Quote(d.ID) + " is not defined"
	if d.Suggestion != "" {
		msg += " (did you mean " + strconv.Quote(d.Suggestion) + "?)"
	}
	return msg
}

// checked are the kinds of reference Find checks, and where their ids are
// defined.
func defined(reg *raci.Register) map[string][]string {
	ids := map[string][]string{}
	for _, r := range reg.Roles {
		ids["role"] = append(ids["role"], r.ID)
	}
	for _, p := range reg.People {
		ids["person"] = append(ids["person"], p.ID)
	}
	for _, a := range reg.Assets {
		ids["asset"] = append(ids["asset"], a.ID)
	}
	for _, a := range reg.Activities {
		ids["activity"] = append(ids["activity"], a.ID)
	}
	return ids
}

// Find returns every dangling reference of reg, in document order of the
// register's lists (sorted by pointer within the same list).
func Find(reg *raci.Register) []Dangling {
	out, ids := danglingRefs(reg)
	sorted := map[string][]string{}
	cache := map[[2]string]string{}
	unlimited := -1
	for i, d := range out {
		key := [2]string{d.Kind, d.ID}
		s, ok := cache[key]
		if !ok {
			if _, ok := sorted[d.Kind]; !ok {
				sorted[d.Kind] = append([]string(nil), ids[d.Kind]...)
				sort.Strings(sorted[d.Kind])
			}
			s, _ = nearestSorted(d.ID, sorted[d.Kind], &unlimited)
			cache[key] = s
		}
		out[i].Suggestion = s
	}
	return out
}

// danglingRefs returns the dangling references of reg without suggestions,
// and the defined ids of each kind.
func danglingRefs(reg *raci.Register) ([]Dangling, map[string][]string) {
	if reg == nil {
		return nil, nil
	}
	ids := defined(reg)
	sets := map[string]map[string]bool{}
	for kind, list := range ids {
		set := make(map[string]bool, len(list))
		for _, id := range list {
			set[id] = true
		}
		sets[kind] = set
	}
	w := walker{sets: sets}
	w.walk(reflect.ValueOf(reg).Elem(), "")
	return w.out, ids
}

type walker struct {
	sets map[string]map[string]bool
	out  []Dangling
}

func (w *walker) walk(v reflect.Value, ptr string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			w.walk(v.Elem(), ptr)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			w.walk(v.Index(i), ptr+"/"+strconv.Itoa(i))
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if key == "" || key == "-" {
				continue
			}
			fptr := ptr + "/" + key
			kind, _, _ := strings.Cut(f.Tag.Get("ref"), ",")
			if set, ok := w.sets[kind]; ok && kind != "" {
				w.refs(v.Field(i), fptr, kind, set)
				continue
			}
			w.walk(v.Field(i), fptr)
		}
	}
}

// refs checks a reference field: a string id or a list of them.
func (w *walker) refs(v reflect.Value, ptr, kind string, set map[string]bool) {
	switch v.Kind() {
	case reflect.String:
		if id := v.String(); id != "" && !set[id] {
			w.out = append(w.out, Dangling{Pointer: ptr, Kind: kind, ID: id})
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			w.refs(v.Index(i), ptr+"/"+strconv.Itoa(i), kind, set)
		}
	}
}

// Nearest returns the id in ids closest to id by edit distance, when it is
// close enough to be a typo: at most a third of the longer id's length (but
// 2 edits, a transposition, are always close enough) and never more than 4.
// Ties go to the id that sorts first. Case is ignored in the comparison.
func Nearest(id string, ids []string) string {
	sorted := append([]string(nil), ids...)
	sort.Strings(sorted)
	budget := -1
	s, _ := nearestSorted(id, sorted, &budget)
	return s
}

// maxEdits is the most edits a suggestion may be away from the id.
const maxEdits = 4

// nearestSorted is Nearest over ids already sorted. It skips the ids whose
// length differs from id's by more than maxEdits (they cannot be close
// enough) and spends at most *budget cells of edit-distance tables (a
// negative budget is unlimited); ok is false when the budget ran out before
// every candidate was compared.
func nearestSorted(id string, sorted []string, budget *int) (suggestion string, ok bool) {
	lower := strings.ToLower(id)
	best, bestDist := "", -1
	for _, cand := range sorted {
		if len(cand) > len(id)+maxEdits || len(id) > len(cand)+maxEdits {
			continue
		}
		if *budget >= 0 {
			cells := (len(id) + 1) * (len(cand) + 1)
			if cells > *budget {
				*budget = 0
				return "", false
			}
			*budget -= cells
		}
		d := textdist.Levenshtein(lower, strings.ToLower(cand))
		if bestDist < 0 || d < bestDist {
			best, bestDist = cand, d
		}
	}
	limit := min(maxEdits, max(2, max(len(id), len(best))/3))
	if bestDist < 0 || bestDist > limit {
		return "", true
	}
	return best, true
}
