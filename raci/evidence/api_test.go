package evidence_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/internal/synth"
	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
	"github.com/rolecall/rolecall/raci/evidence"
	"github.com/rolecall/rolecall/raci/racitest"
)

// TestWriteRefuses checks that a pack that cannot be written is refused before
// anything is written, with an error saying what was expected and found.
func TestWriteRefuses(t *testing.T) {
	t.Parallel()
	pack := acme(t)
	tcs := []struct {
		name    string
		format  string
		pack    evidence.Pack
		opts    []evidence.Option
		invalid bool
		want    string
	}{
		{
			name: "no register", format: "html", pack: evidence.Pack{Report: pack.Report}, invalid: true,
			want: "evidence: invalid pack: expected a register, found none (Pack.Register is nil)",
		},
		{
			name: "no report", format: "markdown", pack: evidence.Pack{Register: pack.Register}, invalid: true,
			want: "evidence: invalid pack: expected the register's report, found none (Pack.Report is nil)",
		},
		{
			name: "unknown format", format: "pdf", pack: pack,
			want: `evidence: format "pdf" is not one of html, markdown`,
		},
		{
			name: "mapping for an unknown rule", format: "html", pack: pack, invalid: true,
			opts: []evidence.Option{evidence.WithMappings(evidence.Mappings{"A52-ASSET-01": {SOC2: []string{"CC1.3"}}})},
			want: fmt.Sprintf(`evidence: invalid pack: mappings name rule "A52-ASSET-01", which is not one of the pack's %d rules (did you mean A52-ASSET-001?)`, len(pack.Rules)),
		},
		{
			name: "mapping far from any rule", format: "markdown", pack: pack, invalid: true,
			opts: []evidence.Option{evidence.WithMappings(evidence.Mappings{"SOC2-ONLY": {}})},
			want: fmt.Sprintf(`evidence: invalid pack: mappings name rule "SOC2-ONLY", which is not one of the pack's %d rules`, len(pack.Rules)),
		},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			err := evidence.Write(&buf, tc.format, tc.pack, tc.opts...)
			if err == nil {
				t.Fatalf("Write succeeded, want %q", tc.want)
			}
			if err.Error() != tc.want {
				t.Errorf("Write error = %q, want %q", err, tc.want)
			}
			if errors.Is(err, evidence.ErrInvalidPack) != tc.invalid {
				t.Errorf("errors.Is(err, ErrInvalidPack) = %v, want %v", !tc.invalid, tc.invalid)
			}
			if buf.Len() != 0 {
				t.Errorf("Write wrote %d bytes before failing, want none", buf.Len())
			}
		})
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteReportsWriteErrors(t *testing.T) {
	t.Parallel()
	for _, format := range evidence.Formats() {
		err := evidence.Write(failingWriter{}, format, acme(t))
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("Write(%s) to a failing writer = %v, want the writer's error", format, err)
		}
	}
}

func TestParseMappings(t *testing.T) {
	t.Parallel()
	tcs := []struct {
		name    string
		in      string
		want    evidence.Mappings
		wantErr string
	}{
		{
			name: "every framework",
			in:   `{"A52-ASSET-001": {"soc2": ["CC6.1"], "nist_csf_2": ["ID.AM-01"], "sp800_53": ["CM-8"]}}`,
			want: evidence.Mappings{"A52-ASSET-001": {SOC2: []string{"CC6.1"}, NISTCSF: []string{"ID.AM-01"}, SP80053: []string{"CM-8"}}},
		},
		{name: "empty", in: `{}`, want: evidence.Mappings{}},
		{
			name: "unknown framework", in: `{"A52-ASSET-001": {"iso27017": ["x"]}}`,
			wantErr: `evidence: mappings: rule A52-ASSET-001: expected an object of "soc2", "nist_csf_2" and "sp800_53" lists of strings: json: unknown field "iso27017"`,
		},
		{
			name: "not a list", in: `{"A52-ASSET-001": {"soc2": "CC6.1"}}`,
			wantErr: `evidence: mappings: rule A52-ASSET-001: expected an object of "soc2", "nist_csf_2" and "sp800_53" lists of strings: json: cannot unmarshal string into Go struct field Mapping.soc2 of type []string`,
		},
		{
			name: "trailing data", in: `{} {}`,
			wantErr: "evidence: mappings: expected one JSON object, found more data at byte 3",
		},
		{
			name: "not an object", in: `["A52-ASSET-001"]`,
			wantErr: "evidence: mappings: expected a JSON object keyed by rule id: json: cannot unmarshal array into Go value of type map[string]json.RawMessage",
		},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := evidence.ParseMappings([]byte(tc.in))
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("ParseMappings error = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ParseMappings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMappingsFillColumns checks that a mapping shows in the rule's row of the
// cross-reference in both formats, and that the text says where the columns
// come from.
func TestMappingsFillColumns(t *testing.T) {
	t.Parallel()
	m := evidence.Mappings{"A52-ASSET-001": {SOC2: []string{"CC6.1", "CC6.2"}, NISTCSF: []string{"ID.AM-01"}, SP80053: []string{"CM-8"}}}
	tcs := []struct {
		format string
		want   []string
	}{
		{"markdown", []string{
			"| A52-ASSET-001 | Asset without an owner | high | A.5.9 | 5.9 | CC6.1, CC6.2 | ID.AM-01 | CM-8 | 1 |",
			"| A52-ASSET-002 | Business asset owned by IT | medium | A.5.2 | 5.2 | — | — | — | 1 |",
			"The SOC 2, NIST CSF 2.0 and NIST SP 800-53 references come from the mappings given to rolecall.",
		}},
		{"html", []string{
			`<tr data-rule="A52-ASSET-001"><th scope="row">A52-ASSET-001</th><td>Asset without an owner</td><td>high</td><td>A.5.9</td><td>5.9</td><td>CC6.1, CC6.2</td><td>ID.AM-01</td><td>CM-8</td><td class="num">1</td></tr>`,
			"The SOC 2, NIST CSF 2.0 and NIST SP 800-53 references come from the mappings given to rolecall.",
		}},
	}
	for _, tc := range tcs {
		t.Run(tc.format, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := evidence.Write(&buf, tc.format, acme(t), evidence.WithMappings(m)); err != nil {
				t.Fatal(err)
			}
			for _, line := range tc.want {
				if !strings.Contains(buf.String(), line) {
					t.Errorf("the %s pack lacks %q", tc.format, line)
				}
			}
		})
	}
}

// TestHTMLSelfContained checks that the HTML pack refers to nothing outside
// itself: no script, style sheet, image, frame or font to fetch, and no URL
// but the SVG namespace.
func TestHTMLSelfContained(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := evidence.HTML(&buf, acme(t)); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, pattern := range []string{`(?i)<script`, `(?i)<link`, `(?i)<img`, `(?i)<iframe`, `(?i)<object`, `(?i)@import`, `(?i)url\(`, `(?i)\ssrc=`, `(?i)@font-face`} {
		if loc := regexp.MustCompile(pattern).FindStringIndex(page); loc != nil {
			t.Errorf("the pack contains %q at byte %d: %q", pattern, loc[0], page[loc[0]:min(len(page), loc[0]+80)])
		}
	}
	urls := regexp.MustCompile(`(?i)[a-z]+://[^"'\s<]*`).FindAllString(page, -1)
	for _, u := range urls {
		if u != "http://www.w3.org/2000/svg" {
			t.Errorf("the pack names the URL %q", u)
		}
	}
}

// TestEscaping checks that text from the register is shown as text, never as
// markup, in both formats.
func TestEscaping(t *testing.T) {
	t.Parallel()
	reg := racitest.Register(t, `
version: 1
organisation: {name: "Acme <b>Bold</b> & Co"}
people:
  - {id: p1, name: "Eve | *Star*", roles: [lead]}
roles:
  - {id: lead, name: "Head of \"R&D\" <script>x()</script>", kind: isms_manager, function: security, reports_to: ceo}
  - {id: ceo, name: "CEO", kind: senior_management, function: executive}
`)
	rep := &engine.Report{AsOf: raci.MustDate("2026-11-27")}
	tcs := []struct {
		format    string
		want, not []string
	}{
		{
			format: "html",
			want: []string{
				"<h1>Evidence pack: Acme &lt;b&gt;Bold&lt;/b&gt; &amp; Co</h1>",
				"Head of &#34;R&amp;D&#34; &lt;script&gt;x()&lt;/script&gt;",
				"Eve | *Star*",
			},
			not: []string{"<b>Bold", "<script>x()"},
		},
		{
			format: "markdown",
			want: []string{
				"# Evidence pack: Acme &lt;b&gt;Bold&lt;/b&gt; & Co",
				`Head of "R&D" &lt;script&gt;x()&lt;/script&gt;`,
				`Eve \| \*Star\*`,
				`r1["Head of #quot;R&D#quot; #lt;script#gt;x()#lt;/script#gt;<br/>isms manager<br/>Eve | *Star*"]`,
			},
			not: []string{"<b>Bold", "<script>x()"},
		},
	}
	for _, tc := range tcs {
		t.Run(tc.format, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := evidence.Write(&buf, tc.format, evidence.Pack{Register: reg, Report: rep}); err != nil {
				t.Fatal(err)
			}
			for _, s := range tc.want {
				if !strings.Contains(buf.String(), s) {
					t.Errorf("the %s pack lacks %q", tc.format, s)
				}
			}
			for _, s := range tc.not {
				if strings.Contains(buf.String(), s) {
					t.Errorf("the %s pack contains %q as markup", tc.format, s)
				}
			}
		})
	}
}

// TestDeterministic writes the packs of a synthetic register, with every kind
// of entity and finding, twice from separately built inputs and compares them:
// nothing may depend on map order or the clock.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	eng := racitest.Engine(t)
	write := func(format string) []byte {
		reg := synth.Generate(300, 7)
		rep, err := eng.Evaluate(context.Background(), reg, synth.AsOf)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := evidence.Write(&buf, format, evidence.Pack{Register: reg, Report: rep, Rules: eng.Rules()}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	for _, format := range evidence.Formats() {
		a, b := write(format), write(format)
		if !bytes.Equal(a, b) {
			t.Errorf("two %s packs of the same register differ:\n%s", format, cmp.Diff(string(a), string(b)))
		}
	}
}

// TestEmptyRegister writes the packs of a register with nothing in it and no
// findings: every section still says what it shows, in both formats.
func TestEmptyRegister(t *testing.T) {
	t.Parallel()
	reg := racitest.Register(t, "version: 1\norganisation: {name: Empty Ltd}\nroles: []\npeople: []\n")
	rep := &engine.Report{AsOf: raci.MustDate("2026-11-27")}
	tcs := []struct {
		format string
		want   []string
	}{
		{"html", []string{
			`<p class="callout ok">No open findings.</p>`,
			"The register defines no role of kind isms_manager or ciso",
			"<td colspan=\"6\">The register lists no assets.</td>",
			"<td colspan=\"9\">The register lists no risks.</td>",
			"<td colspan=\"4\">The register lists no segregation conflicts.</td>",
			`<p class="bad">The register records no information security policy.</p>`,
			"<p>The register records no exceptions.</p>",
			"<td colspan=\"9\">No rules were given.</td>",
			"<p>The register lists no activities.</p>",
			"<p>No activity names a role.</p>",
			"<td colspan=\"8\">The register lists no people.</td>",
		}},
		{"markdown", []string{
			"0 open findings (0 critical, 0 high, 0 medium, 0 low, 0 info); 0 waived by exceptions.",
			"No open findings.",
			"> The register defines no role of kind `isms_manager` or `ciso`",
			"The register lists no assets.",
			"The register lists no delegations.",
			"**The register records no information security policy.**",
			"The register records no exceptions.",
			"No rules were given.",
			"The register lists no activities.",
			"No activity names a role.",
			"The register lists no people.",
		}},
	}
	for _, tc := range tcs {
		t.Run(tc.format, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := evidence.Write(&buf, tc.format, evidence.Pack{Register: reg, Report: rep}); err != nil {
				t.Fatal(err)
			}
			for _, s := range tc.want {
				if !strings.Contains(buf.String(), s) {
					t.Errorf("the %s pack lacks %q", tc.format, s)
				}
			}
		})
	}
}
