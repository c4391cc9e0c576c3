package document

import (
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/rolecall/rolecall/internal/textdist"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/rolecall/rolecall/schema"
)

// Problem is one failed constraint of a document, located in its source.
type Problem struct {
	// Pointer is the JSON pointer of the value concerned ("" is the document).
	Pointer string
	// Pos is the line and column in the source.
	Pos Pos
	// Message says what was expected and what was found.
	Message string
}

// SchemaProblems validates doc against s and returns one problem per failed
// constraint, located through tree, in document order. The top-level lists
// named by entityLists (each item constrained on its own) are validated in
// parts on every CPU when they are long.
func SchemaProblems(s *jsonschema.Schema, doc any, tree *Tree, entityLists []string) []Problem {
	return SchemaProblemsInParts(s, doc, tree, entityLists, runtime.GOMAXPROCS(0))
}

// SchemaProblemsInParts is SchemaProblems validating in the given number of
// parts; tests use it to hold the parts' result equal to the whole's.
func SchemaProblemsInParts(s *jsonschema.Schema, doc any, tree *Tree, entityLists []string, parts int) []Problem {
	var out []Problem
	seen := map[string]bool{}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		for _, p := range problemsOf(e, tree) {
			if k := p.Pointer + "\x00" + p.Message; !seen[k] {
				seen[k] = true
				out = append(out, p)
			}
		}
	}
	for _, err := range validateInParts(s, doc, entityLists, parts) {
		var ve *jsonschema.ValidationError
		if !errors.As(err, &ve) {
			return []Problem{{Message: err.Error()}}
		}
		walk(ve)
	}
	SortProblems(out)
	return out
}

// partEntities is the number of entities from which a register is validated in
// parts, one per CPU.
const partEntities = 2_000

// validateInParts validates doc against s and returns the validation errors. A
// large register is validated in parts on every CPU: part k is a copy of the top
// level holding the k-th slice of each entity list (and every other member as it
// is). The schema constrains each entity on its own (a list of entities has no
// constraint of its own but its type), so the parts find exactly the problems of
// the whole; the instance locations of part k are moved back to the entities'
// places in the whole, and problems every part finds (a missing top-level key)
// are reported once by SchemaProblems.
func validateInParts(s *jsonschema.Schema, doc any, entityLists []string, parts int) []error {
	top, ok := doc.(map[string]any)
	entities := 0
	if ok {
		for _, key := range entityLists {
			list, _ := top[key].([]any)
			entities += len(list)
		}
	}
	if !ok || parts < 2 || entities < partEntities {
		if err := s.Validate(doc); err != nil {
			return []error{err}
		}
		return nil
	}
	docs := make([]map[string]any, parts)
	offsets := make([]map[string]int, parts)
	for k := range docs {
		docs[k] = make(map[string]any, len(top))
		offsets[k] = map[string]int{}
	}
	isEntityList := map[string]bool{}
	for _, key := range entityLists {
		isEntityList[key] = true
	}
	for key, v := range top {
		list, isList := v.([]any)
		for k := range docs {
			if !isList || !isEntityList[key] {
				docs[k][key] = v
				continue
			}
			lo, hi := k*len(list)/parts, (k+1)*len(list)/parts
			docs[k][key] = list[lo:hi]
			offsets[k][key] = lo
		}
	}
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for k := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[k] = s.Validate(docs[k])
			var ve *jsonschema.ValidationError
			if errors.As(errs[k], &ve) {
				relocate(ve, offsets[k])
			}
		}()
	}
	wg.Wait()
	out := errs[:0]
	for _, err := range errs {
		if err != nil {
			out = append(out, err)
		}
	}
	return out
}

// relocate moves the instance locations of e and its causes inside the entity
// lists by the offsets of a part. Locations may share their backing arrays, so
// each gets a new slice.
func relocate(e *jsonschema.ValidationError, offsets map[string]int) {
	if loc := e.InstanceLocation; len(loc) >= 2 && offsets[loc[0]] > 0 {
		if i, err := strconv.Atoi(loc[1]); err == nil {
			moved := append([]string(nil), loc...)
			moved[1] = strconv.Itoa(i + offsets[loc[0]])
			e.InstanceLocation = moved
		}
	}
	for _, c := range e.Causes {
		relocate(c, offsets)
	}
}

// SortProblems sorts problems by line, column and pointer.
func SortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Pos, ps[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return ps[i].Pointer < ps[j].Pointer
	})
}

func problemsOf(e *jsonschema.ValidationError, tree *Tree) []Problem {
	ptr := pointer(e.InstanceLocation)
	at := func(msg string) Problem { return Problem{Pointer: ptr, Pos: tree.Locate(ptr, false), Message: msg} }
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		out := make([]Problem, 0, len(k.Missing))
		for _, m := range k.Missing {
			out = append(out, at(fmt.Sprintf("missing required key %q", m)))
		}
		return out
	case *kind.AdditionalProperties:
		out := make([]Problem, 0, len(k.Properties))
		for _, name := range k.Properties {
			p := ptr + "/" + strings.ReplaceAll(strings.ReplaceAll(name, "~", "~0"), "/", "~1")
			msg := fmt.Sprintf("unknown key %q", name)
			if allowed := allowedKeys(e.SchemaURL); len(allowed) > 0 {
				if near := nearest(name, allowed); near != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", near)
				}
				msg += ": expected one of " + strings.Join(allowed, ", ")
			}
			if name == "on" || name == "yes" || name == "no" || name == "off" {
				msg += " (YAML 1.1 readers take it for a boolean)"
			}
			out = append(out, Problem{Pointer: p, Pos: tree.Locate(p, true), Message: msg})
		}
		return out
	case *kind.Enum:
		return []Problem{at(fmt.Sprintf("%s is not one of %s", show(k.Got), joinValues(k.Want)))}
	case *kind.Const:
		return []Problem{at(fmt.Sprintf("%s is not allowed: expected %s", show(k.Got), show(k.Want)))}
	case *kind.Type:
		return []Problem{at(fmt.Sprintf("expected %s, found %s", strings.Join(article(k.Want), " or "), article([]string{k.Got})[0]))}
	case *kind.Format:
		if k.Want == "date" {
			return []Problem{at(fmt.Sprintf("%s is not a date: expected YYYY-MM-DD, a real calendar day", show(k.Got)))}
		}
		return []Problem{at(fmt.Sprintf("%s is not a valid %s", show(k.Got), k.Want))}
	case *kind.MinLength:
		return []Problem{at("expected a non-empty string, found an empty one")}
	case *kind.Pattern:
		if k.Want == `^\S+$` {
			return []Problem{at(fmt.Sprintf("%q is not an id: ids are non-empty and contain no white space", k.Got))}
		}
		if k.Want == `\S` {
			return []Problem{at("expected a non-empty string")}
		}
		return []Problem{at(fmt.Sprintf("%q does not match %s", k.Got, k.Want))}
	case *kind.UniqueItems:
		return []Problem{at(fmt.Sprintf("items %d and %d are the same: a list of ids holds no id twice", k.Duplicates[0], k.Duplicates[1]))}
	case *kind.MinItems:
		return []Problem{at(fmt.Sprintf("expected at least %d items, found %d%s", k.Want, k.Got, itemsHint(ptr)))}
	case *kind.MaxItems:
		return []Problem{at(fmt.Sprintf("expected at most %d items, found %d%s", k.Want, k.Got, itemsHint(ptr)))}
	case *kind.FalseSchema:
		return []Problem{at("no value is allowed here")}
	}
	return []Problem{at(e.Error())}
}

func itemsHint(ptr string) string {
	if strings.HasPrefix(ptr, "/segregation/") && strings.HasSuffix(ptr, "/roles") {
		return " (a segregation conflict names exactly two distinct roles)"
	}
	return ""
}

// rawSchemas holds the schema documents as plain JSON, to list allowed keys.
var rawSchemas = sync.OnceValue(func() map[string]any {
	out := map[string]any{}
	for url, src := range map[string][]byte{schema.RegisterURL: schema.RegisterJSON, schema.ConfigURL: schema.ConfigJSON} {
		var v any
		if json.Unmarshal(src, &v) == nil {
			out[url] = v
		}
	}
	return out
})

// allowedKeys lists, sorted, the properties of the object schema whose
// additionalProperties keyword failed (schemaURL ends in /additionalProperties).
func allowedKeys(schemaURL string) []string {
	base, frag, _ := strings.Cut(schemaURL, "#")
	node := rawSchemas()[base]
	frag = strings.TrimSuffix(frag, "/additionalProperties")
	for _, tok := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
		if tok == "" {
			continue
		}
		m, ok := node.(map[string]any)
		if !ok {
			return nil
		}
		node = m[strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")]
	}
	m, _ := node.(map[string]any)
	props, _ := m["properties"].(map[string]any)
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// nearest returns the candidate closest to s when it is a plausible typo (edit
// distance at most 2, and less than half of s).
func nearest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if diff := len(s) - len(c); diff >= bestD || -diff >= bestD {
			// The distance is at least the difference in length: skip, so that
			// a megabyte-long unknown key costs nothing.
			continue
		}
		if d := textdist.Levenshtein(s, c); d < bestD && d*2 < len(s) {
			best, bestD = c, d
		}
	}
	return best
}

func show(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%q", v)
	case nil:
		return "null"
	}
	return fmt.Sprintf("%v", v)
}

func joinValues(vs []any) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = fmt.Sprint(v)
	}
	return strings.Join(parts, ", ")
}

func article(types []string) []string {
	out := make([]string, len(types))
	for i, t := range types {
		switch t {
		case "object":
			out[i] = "a mapping (object)"
		case "array":
			out[i] = "a list"
		case "integer":
			out[i] = "an integer"
		case "null":
			out[i] = "null"
		default:
			out[i] = "a " + t
		}
	}
	return out
}
