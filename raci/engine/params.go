package engine

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/rolecall/rolecall/internal/refcheck"
	"github.com/rolecall/rolecall/internal/ruleset"
	"github.com/rolecall/rolecall/rules"
	"github.com/rolecall/rolecall/schema"
)

// defaultParams returns the bundled rules' default parameters (the catalogue's
// parameter table), as plain JSON values.
func defaultParams() (map[string]any, error) {
	const file = "rolecall/params/data.json"
	b, err := fs.ReadFile(rules.FS(), file)
	if err != nil {
		return nil, rulesError(ruleset.Problems{{File: file, Message: err.Error()}})
	}
	var out map[string]any
	if err := decodeJSON(b, &out); err != nil {
		return nil, rulesError(ruleset.Problems{{File: file, Message: err.Error()}})
	}
	return out, nil
}

// paramEnums names, for each bundled parameter that holds values of a format
// enumeration, the register schema's enumeration it draws from (a JSON pointer
// into schema.RegisterJSON).
var paramEnums = map[string]string{
	"required_role_kinds":    "/$defs/role/properties/kind",
	"required_processes":     "/$defs/activity/properties/process",
	"required_decisions":     "/$defs/authority/properties/decision",
	"it_functions":           "/$defs/role/properties/function",
	"business_asset_types":   "/$defs/asset/properties/type",
	"owner_may_accept_up_to": "/$defs/risk_level",
	"senior_acceptance_from": "/$defs/risk_level",
}

// paramValues returns the allowed values of the parameters of paramEnums, read
// once from the register schema, so that they follow the format. The schema is
// embedded: a pointer that names no enumeration is a bug, and panics.
var paramValues = sync.OnceValue(func() map[string][]string {
	var doc any
	if err := json.Unmarshal(schema.RegisterJSON, &doc); err != nil {
		panic(fmt.Sprintf("rolecall: the register schema: %v", err))
	}
	out := make(map[string][]string, len(paramEnums))
	for param, ptr := range paramEnums {
		var node any = doc
		for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
			obj, _ := node.(map[string]any)
			node = obj[tok]
		}
		obj, _ := node.(map[string]any)
		enum, _ := obj["enum"].([]any)
		values := make([]string, 0, len(enum))
		for _, v := range enum {
			if s, ok := v.(string); ok {
				values = append(values, s)
			}
		}
		if len(values) == 0 || len(values) != len(enum) {
			panic(fmt.Sprintf("rolecall: the register schema has no enumeration of strings at %s, for parameter %q", ptr, param))
		}
		out[param] = values
	}
	return out
})

// badParam is a parameter override that New refuses: its name and why.
type badParam struct{ name, message string }

// mergeParams checks overrides against the known parameters (bundled defaults and
// those organisation rules declare) and returns the merged set, and every
// override that is unknown or of the wrong type or value, sorted by name. An
// error is a clash between declared and bundled parameters (a problem of the
// rules, not of the configuration).
func mergeParams(defaults, declared, overrides map[string]any) (map[string]any, []badParam, error) {
	known := map[string]any{}
	for k, v := range defaults {
		known[k] = v
	}
	for _, k := range slices.Sorted(maps.Keys(declared)) {
		if _, clash := defaults[k]; clash {
			return nil, nil, fmt.Errorf("%w: organisation rules declare parameter %q, which is a bundled parameter", ErrRules, k)
		}
		v := normalise(declared[k])
		if msg := checkParam(k, v, v); msg != "" {
			return nil, nil, fmt.Errorf("%w: the default of %s", ErrRules, msg)
		}
		known[k] = v
	}
	out := maps.Clone(known)
	names := slices.Sorted(maps.Keys(known))
	var bad []badParam
	for _, k := range slices.Sorted(maps.Keys(overrides)) {
		def, ok := known[k]
		if !ok {
			msg := fmt.Sprintf("unknown parameter %q", k)
			if s := refcheck.Nearest(k, names); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			bad = append(bad, badParam{k, msg + ": expected one of " + strings.Join(names, ", ")})
			continue
		}
		v := normalise(overrides[k])
		if msg := checkParam(k, def, v); msg != "" {
			bad = append(bad, badParam{k, msg})
			continue
		}
		out[k] = v
	}
	return out, bad, nil
}

// Bounds on number parameters, so that no date arithmetic in a rule can
// overflow: days at most 100 years, any other number at most a million.
const (
	MaxParamDays   = 36_525
	MaxParamNumber = 1_000_000
)

// normalise turns any Go value into plain JSON values (json.Number numbers).
func normalise(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var out any
	if decodeJSON(b, &out) != nil {
		return v
	}
	return out
}

func jsonType(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	case []any:
		if len(v) > 0 {
			return "a list of " + strings.TrimPrefix(strings.TrimPrefix(jsonType(v[0]), "a "), "an ") + "s"
		}
		return "a list"
	case map[string]any:
		return "a mapping"
	}
	return fmt.Sprintf("%T", v)
}

// checkParam compares v with the default's shape and, for bundled enumerations
// and numbers, its allowed values. It returns "" when v is acceptable.
func checkParam(name string, def, v any) string {
	want, got := jsonType(def), jsonType(v)
	bad := func() string { return fmt.Sprintf("parameter %q: expected %s, found %s", name, want, got) }
	switch d := def.(type) {
	case []any:
		list, ok := v.([]any)
		if !ok {
			return bad()
		}
		if len(d) > 0 {
			for i, item := range list {
				if m := checkParam(fmt.Sprintf("%s[%d]", name, i), d[0], item); m != "" {
					return m
				}
			}
		}
	case json.Number:
		n, ok := v.(json.Number)
		if !ok {
			return bad()
		}
		f, _ := n.Float64()
		if f < 0 {
			return fmt.Sprintf("parameter %q: expected a number of at least 0, found %s", name, n)
		}
		if name == "max_accountable_share" && f > 1 {
			return fmt.Sprintf("parameter %q: expected a share between 0 and 1, found %s", name, n)
		}
		if strings.HasSuffix(name, "_days") || strings.HasPrefix(name, "min_") {
			if _, err := n.Int64(); err != nil {
				return fmt.Sprintf("parameter %q: expected a whole number, found %s", name, n)
			}
		}
		if strings.HasSuffix(name, "_days") && f > MaxParamDays {
			return fmt.Sprintf("parameter %q: expected at most %d days (100 years), found %s", name, MaxParamDays, n)
		}
		if f > MaxParamNumber {
			return fmt.Sprintf("parameter %q: expected at most %d, found %s", name, MaxParamNumber, n)
		}
		return ""
	default:
		if want != got {
			return bad()
		}
	}
	base := name
	if i := strings.Index(base, "["); i > 0 {
		base = base[:i]
	}
	if allowed, ok := paramValues()[base]; ok {
		for _, s := range flattenStrings(v) {
			if !slices.Contains(allowed, s) {
				return fmt.Sprintf("parameter %q: %q is not one of %s", name, s, strings.Join(allowed, ", "))
			}
		}
	}
	return ""
}

func flattenStrings(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			out = append(out, flattenStrings(x)...)
		}
		return out
	}
	return nil
}
