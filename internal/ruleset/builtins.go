package ruleset

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Verdict is what the sandbox does with a Rego builtin.
type Verdict string

// The verdicts of the builtin audit.
const (
	// Allowed builtins are pure: they read only their arguments, and their cost
	// is bounded by the size of their arguments (the memory budget and the
	// deadline bound what a loop does with them).
	Allowed Verdict = "allowed"
	// UTCOnly builtins take a time zone; they are allowed only when every time
	// zone they are given is written in the rule as "UTC" (see TimeZoneProblems).
	UTCOnly Verdict = "UTC only"
	// Refused builtins reach outside the rule (network, files, environment,
	// clock, randomness), cost more than their arguments' size can bound, or
	// cannot be interrupted; a rule or test that names one does not compile.
	Refused Verdict = "refused"
)

// Audit is the verdict on one builtin and the reason for it.
type Audit struct {
	Verdict Verdict
	Why     string
}

// Reasons shared by several builtins.
const (
	whyPure        = "pure; cost linear in its arguments"
	whyOperator    = "an operator of the language; pure"
	whyNetwork     = "reaches the network"
	whyRandom      = "random: the same register would not give the same findings"
	whyKeys        = "parses keys or certificates (may fetch key sets); a register has none, and signature checks cost far more than their input"
	whyGraphQL     = "GraphQL parsing and schema validation have no bound proven on their cost; a register has no GraphQL"
	whyYAML        = "parses YAML, with alias expansion; a rule has no YAML to read (the register arrives parsed)"
	whyDeprecated  = "deprecated, and not part of Rego v1"
	whyCIDR        = "pure, but a register has no networks; refused to keep the surface small"
	whyMemoryBound = "pure; its output can be the product of its arguments' sizes, which the memory budget bounds"
	whyTimeZone    = "takes a time zone: \"Local\" is the host's and other names read the zone database, so only a literal \"UTC\" is accepted"
)

// builtinAudit classifies every builtin of OPA v1.22.3. A builtin that is not
// in it is refused; TestEveryBuiltinIsClassified fails when an OPA upgrade adds
// one, so that nobody allows it by accident.
var builtinAudit = map[string]Audit{
	"abs":                       {Allowed, whyPure},
	"all":                       {Refused, whyDeprecated},
	"and":                       {Allowed, whyOperator + " (set intersection)"},
	"any":                       {Refused, whyDeprecated},
	"array.concat":              {Allowed, whyPure},
	"array.flatten":             {Allowed, whyPure},
	"array.reverse":             {Allowed, whyPure},
	"array.slice":               {Allowed, whyPure},
	"assign":                    {Allowed, whyOperator + " (:=)"},
	"base64.decode":             {Allowed, whyPure},
	"base64.encode":             {Allowed, whyPure},
	"base64.is_valid":           {Allowed, whyPure},
	"base64url.decode":          {Allowed, whyPure},
	"base64url.encode":          {Allowed, whyPure},
	"base64url.encode_no_pad":   {Allowed, whyPure},
	"bits.and":                  {Allowed, whyPure},
	"bits.lsh":                  {Refused, "amplifies: a shift by n allocates n bits whatever the size of its arguments"},
	"bits.negate":               {Allowed, whyPure},
	"bits.or":                   {Allowed, whyPure},
	"bits.rsh":                  {Allowed, whyPure},
	"bits.xor":                  {Allowed, whyPure},
	"cast_array":                {Refused, whyDeprecated},
	"cast_boolean":              {Refused, whyDeprecated},
	"cast_null":                 {Refused, whyDeprecated},
	"cast_object":               {Refused, whyDeprecated},
	"cast_set":                  {Refused, whyDeprecated},
	"cast_string":               {Refused, whyDeprecated},
	"ceil":                      {Allowed, whyPure},
	"concat":                    {Allowed, whyPure},
	"contains":                  {Allowed, whyPure},
	"count":                     {Allowed, whyPure},
	"crypto.hmac.equal":         {Allowed, whyPure},
	"crypto.hmac.md5":           {Allowed, whyPure},
	"crypto.hmac.sha1":          {Allowed, whyPure},
	"crypto.hmac.sha256":        {Allowed, whyPure},
	"crypto.hmac.sha512":        {Allowed, whyPure},
	"crypto.md5":                {Allowed, whyPure},
	"crypto.parse_private_keys": {Refused, whyKeys},
	"crypto.sha1":               {Allowed, whyPure},
	"crypto.sha256":             {Allowed, whyPure},
	"crypto.x509.parse_and_verify_certificates":              {Refused, whyKeys},
	"crypto.x509.parse_and_verify_certificates_with_options": {Refused, whyKeys},
	"crypto.x509.parse_certificate_request":                  {Refused, whyKeys},
	"crypto.x509.parse_certificates":                         {Refused, whyKeys},
	"crypto.x509.parse_keypair":                              {Refused, whyKeys},
	"crypto.x509.parse_rsa_private_key":                      {Refused, whyKeys},
	"div":                                                    {Allowed, whyOperator + " (/)"},
	"endswith":                                               {Allowed, whyPure},
	"eq":                                                     {Allowed, whyOperator + " (=)"},
	"equal":                                                  {Allowed, whyOperator + " (==)"},
	"floor":                                                  {Allowed, whyPure},
	"format_int":                                             {Allowed, whyPure},
	"glob.match":                                             {Refused, "glob matching has no linear bound on its cost; use regex.match (RE2, linear)"},
	"glob.quote_meta":                                        {Allowed, whyPure},
	"graph.reachable":                                        {Allowed, "pure; linear in the graph"},
	"graph.reachable_paths":                                  {Allowed, "pure; bounded by the graph (paths stop before a repeated node), which the memory budget bounds"},
	"graphql.is_valid":                                       {Refused, whyGraphQL},
	"graphql.parse":                                          {Refused, whyGraphQL},
	"graphql.parse_and_verify":                               {Refused, whyGraphQL},
	"graphql.parse_query":                                    {Refused, whyGraphQL},
	"graphql.parse_schema":                                   {Refused, whyGraphQL},
	"graphql.schema_is_valid":                                {Refused, whyGraphQL},
	"gt":                                                     {Allowed, whyOperator + " (>)"},
	"gte":                                                    {Allowed, whyOperator + " (>=)"},
	"hex.decode":                                             {Allowed, whyPure},
	"hex.encode":                                             {Allowed, whyPure},
	"http.send":                                              {Refused, whyNetwork + " (and its TLS options read local files)"},
	"indexof":                                                {Allowed, whyPure},
	"indexof_n":                                              {Allowed, whyPure},
	"internal.member_2":                                      {Allowed, whyOperator + " (in)"},
	"internal.member_3":                                      {Allowed, whyOperator + " (k, v in)"},
	"internal.print":                                         {Allowed, "print(): compiled out unless WithPrintStatements, and then capped in bytes"},
	"internal.template_string":                               {Allowed, "template strings ($\"...\"): formats its arguments; pure"},
	"internal.test_case":                                     {Allowed, "names the cases of a parametrised test; pure"},
	"intersection":                                           {Allowed, whyPure},
	"io.jwt.decode":                                          {Refused, whyKeys},
	"io.jwt.decode_verify":                                   {Refused, whyKeys},
	"io.jwt.encode_sign":                                     {Refused, whyKeys},
	"io.jwt.encode_sign_raw":                                 {Refused, whyKeys},
	"io.jwt.verify_eddsa":                                    {Refused, whyKeys},
	"io.jwt.verify_es256":                                    {Refused, whyKeys},
	"io.jwt.verify_es384":                                    {Refused, whyKeys},
	"io.jwt.verify_es512":                                    {Refused, whyKeys},
	"io.jwt.verify_hs256":                                    {Refused, whyKeys},
	"io.jwt.verify_hs384":                                    {Refused, whyKeys},
	"io.jwt.verify_hs512":                                    {Refused, whyKeys},
	"io.jwt.verify_ps256":                                    {Refused, whyKeys},
	"io.jwt.verify_ps384":                                    {Refused, whyKeys},
	"io.jwt.verify_ps512":                                    {Refused, whyKeys},
	"io.jwt.verify_rs256":                                    {Refused, whyKeys},
	"io.jwt.verify_rs384":                                    {Refused, whyKeys},
	"io.jwt.verify_rs512":                                    {Refused, whyKeys},
	"is_array":                                               {Allowed, whyPure},
	"is_boolean":                                             {Allowed, whyPure},
	"is_null":                                                {Allowed, whyPure},
	"is_number":                                              {Allowed, whyPure},
	"is_object":                                              {Allowed, whyPure},
	"is_set":                                                 {Allowed, whyPure},
	"is_string":                                              {Allowed, whyPure},
	"json.filter":                                            {Allowed, whyPure},
	"json.is_valid":                                          {Allowed, "pure; parses at most 10,000 levels deep"},
	"json.marshal":                                           {Allowed, whyPure},
	"json.marshal_with_options":                              {Refused, "amplifies: the indent string is repeated once per level of every line"},
	"json.match_schema":                                      {Refused, "JSON Schema $ref can load schemas from files and URLs"},
	"json.patch":                                             {Refused, "builds values of any depth from small arguments (a message nested past the stack, issue 16)"},
	"json.remove":                                            {Allowed, whyPure},
	"json.unmarshal":                                         {Allowed, "pure; parses at most 10,000 levels deep"},
	"json.verify_schema":                                     {Refused, "JSON Schema $ref can load schemas from files and URLs"},
	"lower":                                                  {Allowed, whyPure},
	"lt":                                                     {Allowed, whyOperator + " (<)"},
	"lte":                                                    {Allowed, whyOperator + " (<=)"},
	"max":                                                    {Allowed, whyPure},
	"min":                                                    {Allowed, whyPure},
	"minus":                                                  {Allowed, whyOperator + " (-)"},
	"mul":                                                    {Allowed, whyOperator + " (*); repeated squaring is bounded by the memory budget"},
	"neq":                                                    {Allowed, whyOperator + " (!=)"},
	"net.cidr_contains":                                      {Refused, whyCIDR},
	"net.cidr_contains_matches":                              {Refused, whyCIDR},
	"net.cidr_expand":                                        {Refused, "amplifies: a /0 expands to every address"},
	"net.cidr_intersects":                                    {Refused, whyCIDR},
	"net.cidr_is_valid":                                      {Refused, whyCIDR},
	"net.cidr_merge":                                         {Refused, whyCIDR},
	"net.cidr_overlap":                                       {Refused, whyCIDR},
	"net.lookup_ip_addr":                                     {Refused, whyNetwork + " (DNS)"},
	"numbers.range":                                          {Refused, "amplifies: the output's size is the difference of two numbers, not the size of its arguments"},
	"numbers.range_step":                                     {Refused, "amplifies: the output's size is the difference of two numbers, not the size of its arguments"},
	"object.filter":                                          {Allowed, whyPure},
	"object.get":                                             {Allowed, whyPure},
	"object.keys":                                            {Allowed, whyPure},
	"object.remove":                                          {Allowed, whyPure},
	"object.subset":                                          {Allowed, whyPure},
	"object.union":                                           {Allowed, whyPure},
	"object.union_n":                                         {Allowed, whyPure},
	"opa.runtime":                                            {Refused, "reads the environment and OPA's configuration"},
	"or":                                                     {Allowed, whyOperator + " (set union)"},
	"plus":                                                   {Allowed, whyOperator + " (+)"},
	"print":                                                  {Allowed, "compiled out unless WithPrintStatements, and then capped in bytes"},
	"product":                                                {Allowed, whyPure},
	"providers.aws.sign_req":                                 {Refused, "reads the clock and signs with credentials"},
	"rand.intn":                                              {Refused, whyRandom},
	"re_match":                                               {Allowed, "RE2: linear in its arguments"},
	"regex.find_all_string_submatch_n":                       {Allowed, "RE2: linear in its arguments"},
	"regex.find_n":                                           {Allowed, "RE2: linear in its arguments"},
	"regex.globs_match":                                      {Refused, "intersects two automata: exponential in the patterns"},
	"regex.is_valid":                                         {Allowed, "RE2: linear in its arguments"},
	"regex.match":                                            {Allowed, "RE2: linear in its arguments"},
	"regex.replace":                                          {Allowed, "RE2; its output can be the product of its arguments' sizes, which the memory budget bounds"},
	"regex.split":                                            {Allowed, "RE2: linear in its arguments"},
	"regex.template_match":                                   {Allowed, "RE2: linear in its arguments"},
	"rego.metadata.chain":                                    {Allowed, "reads the rule's own METADATA"},
	"rego.metadata.rule":                                     {Allowed, "reads the rule's own METADATA"},
	"rego.parse_module":                                      {Refused, "runs the Rego parser on data: costs far more than the size of its argument suggests"},
	"rem":                                                    {Allowed, whyOperator + " (%)"},
	"replace":                                                {Allowed, whyMemoryBound},
	"round":                                                  {Allowed, whyPure},
	"semver.compare":                                         {Allowed, whyPure},
	"semver.is_valid":                                        {Allowed, whyPure},
	"set_diff":                                               {Refused, whyDeprecated},
	"sort":                                                   {Allowed, "pure; n log n"},
	"split":                                                  {Allowed, whyPure},
	"sprintf":                                                {Allowed, "pure; a width or precision is at most 1,000,000 (Go's fmt)"},
	"startswith":                                             {Allowed, whyPure},
	"strings.any_prefix_match":                               {Allowed, whyPure},
	"strings.any_suffix_match":                               {Allowed, whyPure},
	"strings.count":                                          {Allowed, whyPure},
	"strings.render_template":                                {Refused, "Go templates loop ({{range 100000}}) without reading the deadline and exhaust memory"},
	"strings.replace_n":                                      {Allowed, whyMemoryBound},
	"strings.reverse":                                        {Allowed, whyPure},
	"strings.split_n":                                        {Allowed, whyPure},
	"substring":                                              {Allowed, whyPure},
	"sum":                                                    {Allowed, whyPure},
	"time.add_date":                                          {Allowed, "pure; UTC"},
	"time.clock":                                             {UTCOnly, whyTimeZone},
	"time.date":                                              {UTCOnly, whyTimeZone},
	"time.diff":                                              {UTCOnly, whyTimeZone},
	"time.format":                                            {UTCOnly, whyTimeZone},
	"time.now_ns":                                            {Refused, "reads the clock: rules take the evaluation date from input.as_of"},
	"time.parse_duration_ns":                                 {Allowed, whyPure},
	"time.parse_ns":                                          {UTCOnly, "a layout with a zone abbreviation (MST) takes its offset from the host's zone, so the layout must be a literal string without one"},
	"time.parse_rfc3339_ns":                                  {Allowed, "pure: numeric offsets only"},
	"time.weekday":                                           {UTCOnly, whyTimeZone},
	"to_number":                                              {Allowed, whyPure},
	"trace":                                                  {Refused, "writes to the evaluation's tracer, outside the report"},
	"trim":                                                   {Allowed, whyPure},
	"trim_left":                                              {Allowed, whyPure},
	"trim_prefix":                                            {Allowed, whyPure},
	"trim_right":                                             {Allowed, whyPure},
	"trim_space":                                             {Allowed, whyPure},
	"trim_suffix":                                            {Allowed, whyPure},
	"type_name":                                              {Allowed, whyPure},
	"union":                                                  {Allowed, whyPure},
	"units.parse":                                            {Allowed, whyPure},
	"units.parse_bytes":                                      {Allowed, whyPure},
	"upper":                                                  {Allowed, whyPure},
	"uri.is_valid":                                           {Allowed, whyPure},
	"uri.parse":                                              {Allowed, whyPure},
	"urlquery.decode":                                        {Allowed, whyPure},
	"urlquery.decode_object":                                 {Allowed, whyPure},
	"urlquery.encode":                                        {Allowed, whyPure},
	"urlquery.encode_object":                                 {Allowed, whyPure},
	"uuid.parse":                                             {Allowed, whyPure},
	"uuid.rfc4122":                                           {Refused, whyRandom},
	"walk":                                                   {Allowed, "pure; its output grows with the square of a value's depth, which the memory budget bounds"},
	"yaml.is_valid":                                          {Refused, whyYAML},
	"yaml.marshal":                                           {Refused, whyYAML},
	"yaml.unmarshal":                                         {Refused, whyYAML},
}

// AuditOf returns the sandbox's verdict on the named builtin, and whether the
// audit classifies it at all (an unclassified builtin is refused).
func AuditOf(name string) (Audit, bool) {
	a, ok := builtinAudit[name]
	if !ok {
		return Audit{Verdict: Refused, Why: "not classified by rolecall's audit of this OPA version"}, false
	}
	return a, true
}

// ForbiddenBuiltin reports whether the sandbox refuses the named builtin:
// every builtin the audit does not allow, including any it does not know.
func ForbiddenBuiltin(name string) bool {
	a, _ := AuditOf(name)
	return a.Verdict == Refused
}

// AuditedBuiltins returns the names of the builtins the audit classifies, sorted.
func AuditedBuiltins() []string { return slices.Sorted(maps.Keys(builtinAudit)) }

// SandboxCapabilities returns the OPA capabilities rolecall compiles every rule
// and test against: the builtins of this OPA version that the audit allows
// (Allowed or UTC only), and no network access at all.
func SandboxCapabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0:0]
	for _, b := range caps.Builtins {
		if !ForbiddenBuiltin(b.Name) {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	caps.AllowNet = []string{}
	return caps
}

// BuiltinProblems lists every builtin m names that the sandbox refuses, and
// every time-zone argument that is not a literal "UTC". A builtin is named by a
// call (f(x), x = f(y)), by the target or the value of a with (with f as g),
// or by a bare reference (x := f): each is refused alike, so that a refused
// builtin cannot be reached by rebinding a function to it.
func BuiltinProblems(file string, m *ast.Module) Problems {
	var out Problems
	type place struct {
		name     string
		row, col int
	}
	reported := map[place]bool{}
	ast.WalkTerms(m, func(t *ast.Term) bool {
		r, ok := t.Value.(ast.Ref)
		if !ok {
			return false
		}
		name, ok := builtinName(r)
		if !ok || !ForbiddenBuiltin(name) {
			return false
		}
		at := place{name: name}
		if t.Location != nil {
			at.row, at.col = t.Location.Row, t.Location.Col
		}
		if !reported[at] {
			reported[at] = true
			a, _ := AuditOf(name)
			out = append(out, At(file, t.Location, "uses %s, which rolecall's sandbox forbids: %s", name, a.Why))
		}
		return false
	})
	ast.WalkExprs(m, func(e *ast.Expr) bool {
		if e.IsCall() {
			if name, ok := builtinName(e.Operator()); ok {
				out = append(out, timeZoneProblems(file, name, e.Operands(), e.Location)...)
			}
		}
		// A UTC-only builtin bound with `with` would be called with arguments
		// the check below never sees.
		// (Replacing it, `with time.date as f`, is fine: f is checked.)
		for _, w := range e.With {
			r, ok := w.Value.Value.(ast.Ref)
			if !ok {
				continue
			}
			if name, ok := builtinName(r); ok {
				if a, _ := AuditOf(name); a.Verdict == UTCOnly {
					out = append(out, At(file, w.Location, "%s may not be bound with `with`: its time zone could not be checked to be UTC", name))
				}
			}
		}
		return false
	})
	ast.WalkTerms(m, func(t *ast.Term) bool {
		if c, ok := t.Value.(ast.Call); ok && len(c) > 0 {
			if r, ok := c[0].Value.(ast.Ref); ok {
				if name, ok := builtinName(r); ok {
					out = append(out, timeZoneProblems(file, name, c[1:], t.Location)...)
				}
			}
		}
		return false
	})
	return out
}

// builtinName returns the name of the builtin r names: a ref made of a
// variable and string segments whose dotted form is a builtin of this OPA.
// Refs to data or input never name a builtin.
func builtinName(r ast.Ref) (string, bool) {
	if len(r) == 0 {
		return "", false
	}
	head, ok := r[0].Value.(ast.Var)
	if !ok || head.Equal(ast.DefaultRootDocument.Value) || head.Equal(ast.InputRootDocument.Value) {
		return "", false
	}
	parts := []string{string(head)}
	for _, t := range r[1:] {
		s, ok := t.Value.(ast.String)
		if !ok {
			break
		}
		parts = append(parts, string(s))
	}
	// The longest prefix of the ref that names a builtin: x.f.y is builtin x.f
	// followed by a lookup.
	for n := len(parts); n > 0; n-- {
		name := strings.Join(parts[:n], ".")
		if _, ok := ast.BuiltinMap[name]; ok {
			return name, true
		}
	}
	return "", false
}

// timeZoneProblems checks the arguments of a UTC-only builtin: time zones must
// be written as the literal "UTC" ([ns, "UTC"] or [ns, "UTC", layout]), and the
// layout of time.parse_ns must be a literal without a zone abbreviation.
func timeZoneProblems(file, name string, args []*ast.Term, loc *ast.Location) Problems {
	a, _ := AuditOf(name)
	if a.Verdict != UTCOnly {
		return nil
	}
	if name == "time.parse_ns" {
		if len(args) == 0 {
			return nil
		}
		layout, ok := args[0].Value.(ast.String)
		if !ok || strings.Contains(string(layout), "MST") {
			return Problems{At(file, loc, "time.parse_ns needs a literal layout without a zone abbreviation (MST): with one, the offset would come from the host's time zone")}
		}
		return nil
	}
	var out Problems
	// time.diff takes two times; the others one. The output argument, when the
	// call is written f(x, out), is a variable and not checked.
	n := 1
	if name == "time.diff" {
		n = 2
	}
	for i := 0; i < n && i < len(args); i++ {
		arr, ok := args[i].Value.(*ast.Array)
		if !ok || arr.Len() < 2 {
			out = append(out, At(file, loc, "%s needs its time written as [ns, \"UTC\"] (or [ns, \"UTC\", layout] for time.format): rules see UTC only, never the host's time zone", name))
			continue
		}
		if tz, ok := arr.Elem(1).Value.(ast.String); !ok || tz != "UTC" {
			out = append(out, At(file, loc, "%s is given the time zone %v: rules see UTC only, so write \"UTC\"", name, arr.Elem(1)))
		}
	}
	return out
}

// AuditTable returns the audit as a Markdown table: one row per builtin of
// this OPA version (builtin, verdict, why), sorted by name.
func AuditTable() string {
	var b strings.Builder
	b.WriteString("| builtin | verdict | why |\n|---|---|---|\n")
	names := make([]string, 0, len(ast.BuiltinMap))
	for _, bi := range ast.CapabilitiesForThisVersion().Builtins {
		names = append(names, bi.Name)
	}
	slices.Sort(names)
	names = slices.Compact(names)
	for _, n := range names {
		a, _ := AuditOf(n)
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", n, a.Verdict, strings.ReplaceAll(a.Why, "|", "\\|"))
	}
	return b.String()
}
