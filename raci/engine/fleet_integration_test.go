package engine_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// The fleet test's bounds: how long an OPA may take to start, to switch to a
// newly published bundle (a few of the polling intervals below), and how many
// requests the test sends while it waits for one.
const (
	fleetStartTimeout  = 30 * time.Second
	fleetSwitchTimeout = 20 * time.Second
	fleetPollEvery     = 200 * time.Millisecond
	fleetMaxWaits      = int(fleetSwitchTimeout / fleetPollEvery)
	fleetBundlePath    = "/bundles/rolecall.tar.gz"
	fleetExampleKeyID  = "rolecall-example"
	fleetExampleConfig = "../../examples/fleet/opa-config.yaml"
	fleetExampleKey    = "../../examples/fleet/example-signing-key.pem"
)

// TestOPAFleet runs examples/fleet/opa-config.yaml on unmodified OPA servers
// (opa run --server -c CONFIG) against a bundle server and a decision-log
// collector of its own, on loopback. In each variant it publishes the engine's
// bundle and checks every OPA answers POST /v1/data/rolecall/report with the
// engine's findings on examples/registers/*.yaml; publishes a new bundle (a rule
// disabled, another re-graded) and checks every OPA switches within a few
// polling intervals and answers the new findings; publishes that bundle's
// successor with one byte of a rule changed (signature kept), then with its
// signature stripped, and checks whether the OPAs refuse them and keep the
// previous revision; rolls back to the first bundle; and reads the decision logs
// the OPAs sent.
//
// The main variant (signed, masked, two OPAs) expects every tampered bundle
// refused and decision logs that keep each finding's rule, subject and severity
// but hold no name, e-mail address or free text of the registers. Two variants
// show the same checks can fail: with signing verification switched off in the
// configuration the tampered bundle is accepted, and with the bundle's log mask
// left out the names are in the logs.
//
// It needs the opa binary (ROLECALL_OPA_BIN, built by .ci/run) and fails rather
// than skips without it when ROLECALL_REQUIRE_OPA=1.
func TestOPAFleet(t *testing.T) {
	opa := fleetOPABinary(t)
	for _, v := range []fleetVariant{
		{name: "signed_and_masked", opas: 2, verify: true, mask: true},
		{name: "verification_off", opas: 1, verify: false, mask: true},
		{name: "mask_left_out", opas: 1, verify: true, mask: false},
	} {
		t.Run(v.name, func(t *testing.T) { runFleet(t, opa, v) })
	}
}

// fleetOPABinary is the opa binary the fleet tests run.
func fleetOPABinary(t *testing.T) string {
	t.Helper()
	opa := os.Getenv("ROLECALL_OPA_BIN")
	if opa == "" {
		if os.Getenv("ROLECALL_REQUIRE_OPA") == "1" {
			t.Fatal("ROLECALL_REQUIRE_OPA=1 but ROLECALL_OPA_BIN is not set: build opa with go build -o /tmp/opa github.com/open-policy-agent/opa and set ROLECALL_OPA_BIN to it")
		}
		t.Skip("set ROLECALL_OPA_BIN to an opa binary (go build -o /tmp/opa github.com/open-policy-agent/opa) to run the OPA fleet test")
	}
	if _, err := os.Stat(opa); err != nil {
		t.Fatalf("ROLECALL_OPA_BIN=%s: %v", opa, err)
	}
	return opa
}

// fleetVariant is one configuration of the fleet test.
type fleetVariant struct {
	name string
	// opas is the number of OPA servers.
	opas int
	// verify keeps the example's signing configuration (bundles.rolecall.signing
	// and keys) and signs every bundle; false removes both and publishes the
	// bundles unsigned (an OPA without keys refuses any signed bundle).
	verify bool
	// mask keeps the decision-log mask in the bundles (WithoutLogMask when false).
	mask bool
}

// fleetRelease is a published bundle and the engine that wrote it.
type fleetRelease struct {
	eng      *engine.Engine
	body     []byte
	revision string
}

func runFleet(t *testing.T, opa string, v fleetVariant) {
	key, err := os.ReadFile(fleetExampleKey)
	if err != nil {
		t.Fatal(err)
	}
	release := func(t *testing.T, opts ...engine.Option) fleetRelease {
		t.Helper()
		eng := newEngine(t, opts...)
		var bopts []engine.BundleOption
		if v.verify {
			bopts = append(bopts, engine.WithSigningKey(key, "RS256", fleetExampleKeyID))
		}
		if !v.mask {
			bopts = append(bopts, engine.WithoutLogMask())
		}
		var buf bytes.Buffer
		if err := eng.WriteBundle(&buf, bopts...); err != nil {
			t.Fatal(err)
		}
		return fleetRelease{eng: eng, body: buf.Bytes(), revision: bundleRevision(t, buf.Bytes())}
	}
	regs := exampleRegisters(t)

	// The second release disables a rule that fires on acme.yaml and re-grades
	// another; the third re-grades a third rule, so that its revision differs.
	first := release(t)
	fired := firedRules(t, first.eng, regs["acme.yaml"])
	if len(fired) < 3 {
		t.Fatalf("acme.yaml fires %d rules, the test needs 3: %v", len(fired), fired)
	}
	disabled, regraded, third := fired[0], fired[1], fired[2]
	second := release(t, engine.WithDisabled(disabled), engine.WithSeverity(regraded, otherSeverity(t, first.eng, regraded)))
	thirdRelease := release(t, engine.WithDisabled(disabled), engine.WithSeverity(regraded, otherSeverity(t, first.eng, regraded)),
		engine.WithSeverity(third, otherSeverity(t, first.eng, third)))

	bundles := newBundleServer(t)
	collector := newLogCollector(t)
	config := fleetConfig(t, bundles.URL, collector.URL, v.verify)

	bundles.publish(first.body)
	var opas []string
	for i := range v.opas {
		opas = append(opas, startFleetOPA(t, opa, config, fmt.Sprintf("opa-%d", i+1)))
	}
	queries := 0
	check := func(t *testing.T, r fleetRelease) {
		t.Helper()
		for _, url := range opas {
			for _, name := range sortedKeys(regs) {
				want := engineFindings(t, r.eng, regs[name])
				if diff := cmp.Diff(want, queryOPA(t, url, regs[name])); diff != "" {
					t.Errorf("%s, revision %s, %s: findings differ from the engine's (-engine +opa):\n%s", url, r.revision, name, diff)
				}
				queries++
			}
		}
	}

	t.Run("serves_the_engines_findings", func(t *testing.T) {
		waitRevision(t, opas, first.revision)
		check(t, first)
	})

	t.Run("switches_to_a_new_revision", func(t *testing.T) {
		start := time.Now()
		bundles.publish(second.body)
		waitRevision(t, opas, second.revision)
		t.Logf("every OPA active on %s %.1fs after it was published", second.revision, time.Since(start).Seconds())
		check(t, second)
		for _, f := range queryOPA(t, opas[0], regs["acme.yaml"]) {
			if f.Rule == disabled {
				t.Errorf("the disabled rule %s still reports %s", disabled, f.Subject)
			}
			if f.Rule == regraded && f.Severity == ruleSeverity(t, first.eng, regraded) {
				t.Errorf("%s about %s kept its severity %s", regraded, f.Subject, f.Severity)
			}
		}
	})

	// The tampered bundles: the third release with one byte of a rule changed,
	// its signature kept (when it has one) or removed. Expected refused when the
	// OPAs verify signatures, activated when they do not.
	tampered := tamperRule(t, thirdRelease.body, false)
	if _, signed := bundleFiles(t, tampered)[".signatures.json"]; signed != v.verify {
		t.Fatalf("the tampered bundle has a signature: %v, want %v", signed, v.verify)
	}
	tamperCases := []struct {
		name string
		body []byte
	}{
		{"tampered_rule_signature_kept", tampered},
	}
	if v.verify {
		tamperCases = append(tamperCases, struct {
			name string
			body []byte
		}{"tampered_rule_signature_removed", tamperRule(t, thirdRelease.body, true)})
	}
	for _, tc := range tamperCases {
		t.Run(tc.name, func(t *testing.T) {
			published := time.Now()
			bundles.publish(tc.body)
			for _, url := range opas {
				st := waitBundleOutcome(t, url, thirdRelease.revision, published)
				switch {
				case v.verify && st.ActiveRevision != second.revision:
					t.Errorf("%s activated %s from a tampered bundle, want %s kept", url, st.ActiveRevision, second.revision)
				case v.verify && st.Code == "":
					t.Errorf("%s reports no error for the tampered bundle: %+v", url, st)
				case !v.verify && st.ActiveRevision != thirdRelease.revision:
					t.Errorf("%s refused the tampered bundle although verification is off: %+v", url, st)
				}
				if st.Code != "" {
					t.Logf("%s refused it: %s %s", url, st.Code, st.Message)
				}
			}
			if v.verify {
				check(t, second)
			}
		})
	}

	t.Run("rolls_back", func(t *testing.T) {
		bundles.publish(first.body)
		waitRevision(t, opas, first.revision)
		check(t, first)
	})

	t.Run("decision_logs", func(t *testing.T) {
		events := collector.waitDecisions(t, queries)
		secrets := personalStrings(t, regs)
		raw := collector.raw()
		var leaked []string
		for _, s := range secrets {
			if bytes.Contains(raw, []byte(s)) {
				leaked = append(leaked, s)
			}
		}
		if v.mask {
			if len(leaked) > 0 {
				t.Errorf("the decision logs hold %d of the registers' %d names, e-mail addresses and free texts, e.g. %q", len(leaked), len(secrets), leaked[:min(5, len(leaked))])
			}
			checkLoggedFindings(t, events, []fleetRelease{first, second, thirdRelease}, regs)
		} else if len(leaked) < len(secrets)/2 {
			t.Errorf("without the mask the decision logs hold only %d of the registers' %d names, e-mail addresses and free texts: the leak check would prove nothing", len(leaked), len(secrets))
		}
	})
}

// fleetConfig writes the example OPA configuration with the test's two
// loopback services, polling every 1 to 2 seconds and decision logs sent every
// second; without verify the signing configuration and keys are removed.
func fleetConfig(t *testing.T, bundleURL, collectorURL string, verify bool) string {
	t.Helper()
	src, err := os.ReadFile(fleetExampleConfig)
	if err != nil {
		t.Fatal(err)
	}
	var cfg map[string]any
	if err := yaml.Unmarshal(src, &cfg); err != nil {
		t.Fatalf("%s: %v", fleetExampleConfig, err)
	}
	set := func(value any, path ...string) {
		t.Helper()
		m := cfg
		for _, k := range path[:len(path)-1] {
			next, ok := m[k].(map[string]any)
			if !ok {
				t.Fatalf("%s has no %s: the test no longer runs the example's configuration", fleetExampleConfig, strings.Join(path, "."))
			}
			m = next
		}
		last := path[len(path)-1]
		if _, ok := m[last]; !ok {
			t.Fatalf("%s has no %s: the test no longer runs the example's configuration", fleetExampleConfig, strings.Join(path, "."))
		}
		if value == nil {
			delete(m, last)
		} else {
			m[last] = value
		}
	}
	set(bundleURL, "services", "bundle-server", "url")
	set(collectorURL, "services", "collector", "url")
	set(map[string]any{"min_delay_seconds": 1, "max_delay_seconds": 2}, "bundles", "rolecall", "polling")
	set(map[string]any{"min_delay_seconds": 1, "max_delay_seconds": 1}, "decision_logs", "reporting")
	if !verify {
		set(nil, "bundles", "rolecall", "signing")
		set(nil, "keys")
	}
	out, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "opa-config.json")
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// startFleetOPA starts opa run --server with the configuration on a loopback
// port, labelled member, and returns its URL once it serves the bundle. The
// process is stopped when the test ends.
func startFleetOPA(t *testing.T, opa, config, member string) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, opa, "run", "--server", "--addr", addr, "--log-level", "error", "--skip-version-check",
		"-c", config, "--set", "labels.member="+member)
	stderr := &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = stderr, stderr
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("%s (%s) output:\n%s", member, addr, stderr.String())
		}
	})
	url := "http://" + addr
	deadline := time.Now().Add(fleetStartTimeout)
	for {
		resp, err := http.Get(url + "/health?bundles")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return url
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not serve the bundle within %s at %s: %v\n%s", member, fleetStartTimeout, url, err, stderr.String())
		}
		time.Sleep(fleetPollEvery)
	}
}

// bundleStatus is the part of an OPA's GET /v1/status about the rolecall bundle.
type bundleStatus struct {
	ActiveRevision string    `json:"active_revision"`
	LastRequest    time.Time `json:"last_request"`
	Code           string    `json:"code"`
	Message        string    `json:"message"`
	Errors         []string  `json:"errors"`
}

func opaBundleStatus(t *testing.T, url string) bundleStatus {
	t.Helper()
	resp, err := http.Get(url + "/v1/status")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Result struct {
			Bundles map[string]bundleStatus `json:"bundles"`
		} `json:"result"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&out); err != nil {
		t.Fatalf("%s/v1/status: %v", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s/v1/status: status %d", url, resp.StatusCode)
	}
	return out.Result.Bundles["rolecall"]
}

// waitRevision waits until every OPA has revision active.
func waitRevision(t *testing.T, opas []string, revision string) {
	t.Helper()
	for _, url := range opas {
		var st bundleStatus
		for range fleetMaxWaits {
			if st = opaBundleStatus(t, url); st.ActiveRevision == revision {
				break
			}
			time.Sleep(fleetPollEvery)
		}
		if st.ActiveRevision != revision {
			t.Fatalf("%s did not switch to %s within %s: %+v", url, revision, fleetSwitchTimeout, st)
		}
	}
}

// waitBundleOutcome waits until the OPA has dealt with a bundle published at
// published: activated it (its revision is candidate) or refused it (an error
// from a request made after it was published).
func waitBundleOutcome(t *testing.T, url, candidate string, published time.Time) bundleStatus {
	t.Helper()
	var st bundleStatus
	for range fleetMaxWaits {
		st = opaBundleStatus(t, url)
		if st.ActiveRevision == candidate || (st.Code != "" && st.LastRequest.After(published)) {
			return st
		}
		time.Sleep(fleetPollEvery)
	}
	t.Fatalf("%s neither activated nor refused the bundle published %s ago: %+v", url, fleetSwitchTimeout, st)
	return st
}

// bundleServer serves the last published bundle at fleetBundlePath with an
// ETag, answering 304 to a request that names it in If-None-Match, as bundle
// servers and object stores do.
type bundleServer struct {
	*httptest.Server
	mu   sync.Mutex
	body []byte
	etag string
}

func newBundleServer(t *testing.T) *bundleServer {
	s := &bundleServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || r.URL.Path != fleetBundlePath {
			http.NotFound(w, r)
			return
		}
		s.mu.Lock()
		body, etag := s.body, s.etag
		s.mu.Unlock()
		if body == nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/gzip")
		_, _ = w.Write(body)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *bundleServer) publish(body []byte) {
	sum := sha256.Sum256(body)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.body, s.etag = body, `"`+hex.EncodeToString(sum[:])+`"`
}

// logCollector receives decision logs (POST /logs, gzip'd JSON arrays of
// decisions) and status reports (POST /status, accepted and dropped).
type logCollector struct {
	*httptest.Server
	mu        sync.Mutex
	decisions []loggedDecision
	body      bytes.Buffer
	problems  []string
}

// loggedDecision is the part of a decision log event the test reads.
type loggedDecision struct {
	Path    string         `json:"path"`
	Input   map[string]any `json:"input"`
	Result  map[string]any `json:"result"`
	Labels  map[string]any `json:"labels"`
	Bundles map[string]struct {
		Revision string `json:"revision"`
	} `json:"bundles"`
	Masked []string `json:"masked"`
}

// maxLogBody bounds one upload the collector reads.
const maxLogBody = 32 << 20

func newLogCollector(t *testing.T) *logCollector {
	c := &logCollector{}
	c.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/status":
			_, _ = io.Copy(io.Discard, io.LimitReader(r.Body, maxLogBody))
		case r.Method == http.MethodPost && r.URL.Path == "/logs":
			if err := c.receive(r); err != nil {
				c.mu.Lock()
				c.problems = append(c.problems, err.Error())
				c.mu.Unlock()
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
		default:
			http.NotFound(w, r)
			return
		}
		w.WriteHeader(http.StatusOK)
	}))
	t.Cleanup(c.Close)
	return c
}

func (c *logCollector) receive(r *http.Request) error {
	if r.Header.Get("Content-Encoding") != "gzip" {
		return fmt.Errorf("decision log upload with Content-Encoding %q, want gzip", r.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(io.LimitReader(r.Body, maxLogBody))
	if err != nil {
		return fmt.Errorf("decision log upload: %v", err)
	}
	raw, err := io.ReadAll(io.LimitReader(zr, maxLogBody))
	if err != nil {
		return fmt.Errorf("decision log upload: %v", err)
	}
	var events []loggedDecision
	if err := json.Unmarshal(raw, &events); err != nil {
		return fmt.Errorf("decision log upload is not a JSON array of decisions: %v", err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.decisions = append(c.decisions, events...)
	c.body.Write(raw)
	return nil
}

func (c *logCollector) raw() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return bytes.Clone(c.body.Bytes())
}

// waitDecisions waits until the collector holds at least n decisions of
// rolecall/report and returns them.
func (c *logCollector) waitDecisions(t *testing.T, n int) []loggedDecision {
	t.Helper()
	var got []loggedDecision
	for range fleetMaxWaits {
		c.mu.Lock()
		got = got[:0]
		for _, d := range c.decisions {
			if d.Path == "rolecall/report" {
				got = append(got, d)
			}
		}
		problems := slices.Clone(c.problems)
		c.mu.Unlock()
		if len(problems) > 0 {
			t.Fatalf("the collector refused uploads: %v", problems)
		}
		if len(got) >= n {
			return got
		}
		time.Sleep(fleetPollEvery)
	}
	t.Fatalf("the collector received %d decisions of rolecall/report within %s, want %d", len(got), fleetSwitchTimeout, n)
	return nil
}

// checkLoggedFindings checks each logged report keeps, for every finding the
// engine of its revision gives on its register, the rule, subject and severity.
// The masked input names the register only by its digest and entry counts; the
// test tells the example registers apart by their number of people.
func checkLoggedFindings(t *testing.T, events []loggedDecision, releases []fleetRelease, regs map[string]*raci.Register) {
	t.Helper()
	byPeople := map[int]string{}
	for name, reg := range regs {
		byPeople[len(reg.People)] = name
	}
	if len(byPeople) != len(regs) {
		t.Fatal("two example registers have as many people: the test cannot tell their decisions apart")
	}
	type key struct{ Rule, Subject, Severity string }
	for i, ev := range events {
		var eng *engine.Engine
		for _, r := range releases {
			if r.revision == ev.Bundles["rolecall"].Revision {
				eng = r.eng
			}
		}
		if eng == nil {
			t.Errorf("decision %d: revision %q is none of the published ones", i, ev.Bundles["rolecall"].Revision)
			continue
		}
		register, _ := ev.Input["register"].(map[string]any)
		entries, _ := register["entries"].(map[string]any)
		people, ok := entries["people"].(float64)
		name := byPeople[int(people)]
		if !ok || name == "" {
			t.Errorf("decision %d: the logged input %v does not tell which register it checked", i, ev.Input)
			continue
		}
		if _, ok := ev.Input["sha256"].(string); !ok || ev.Input["as_of"] != goldenDate.String() {
			t.Errorf("decision %d: the logged input %v lacks the digest or the evaluation date", i, ev.Input)
		}
		var want []key
		for _, f := range engineFindings(t, eng, regs[name]) {
			want = append(want, key{f.Rule, f.Subject, string(f.Severity)})
		}
		logged, _ := ev.Result["findings"].([]any)
		got := []key{}
		for _, lf := range logged {
			m, _ := lf.(map[string]any)
			rule, _ := m["rule"].(string)
			subject, _ := m["subject"].(string)
			severity, _ := m["severity"].(string)
			got = append(got, key{rule, subject, severity})
			if _, ok := m["message"]; ok {
				t.Errorf("decision %d: a logged finding keeps its message: %v", i, m)
			}
		}
		less := func(a, b key) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) }
		slices.SortFunc(want, less)
		slices.SortFunc(got, less)
		if want == nil {
			want = []key{}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("decision %d (%s, %s): logged findings differ from the engine's (-engine +log):\n%s", i, name, ev.Bundles["rolecall"].Revision, diff)
		}
	}
}

// personalStrings are the strings of the example registers a decision log must
// not hold: people's names and e-mail addresses, and the free text of any
// entity (names, descriptions, duties, reasons, rationales, evidence,
// attribute values), at least 8 characters long so that a short word common
// to the findings (a role called "CEO") does not count, and not dates.
func personalStrings(t *testing.T, regs map[string]*raci.Register) []string {
	t.Helper()
	free := map[string]bool{"name": true, "email": true, "description": true, "duties": true, "reason": true,
		"rationale": true, "evidence": true, "attributes": true, "title": true, "notes": true}
	seen := map[string]bool{}
	var walk func(v any, keep bool)
	walk = func(v any, keep bool) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(x, keep || free[k])
			}
		case []any:
			for _, x := range v {
				walk(x, keep)
			}
		case string:
			if _, err := raci.ParseDate(v); keep && len(v) >= 8 && err != nil {
				seen[v] = true
			}
		}
	}
	for _, reg := range regs {
		in, err := engine.Input(reg, goldenDate)
		if err != nil {
			t.Fatal(err)
		}
		walk(in["register"], false)
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	if len(out) < 20 {
		t.Fatalf("the example registers hold %d personal strings: the leak check would prove little", len(out))
	}
	return out
}

// tamperRule returns the bundle with one byte of one rule's source changed
// (the letter of a comment, so it still compiles) and every other file,
// .signatures.json included, as it was; strip leaves .signatures.json out.
func tamperRule(t *testing.T, body []byte, strip bool) []byte {
	t.Helper()
	changed := false
	out := rewriteBundle(t, body, func(name string, data []byte) []byte {
		if strip && name == ".signatures.json" {
			return nil
		}
		if !changed && strings.HasPrefix(name, "rolecall/rules/") && strings.HasSuffix(name, ".rego") {
			if i := bytes.Index(data, []byte("# ")); i >= 0 && i+2 < len(data) {
				data = bytes.Clone(data)
				data[i+2] ^= 0x20 // a letter's case
				changed = true
			}
		}
		return data
	})
	if !changed {
		t.Fatal("the bundle has no rule with a comment to change")
	}
	return out
}

// bundleRevision reads the revision from a bundle's .manifest.
func bundleRevision(t *testing.T, body []byte) string {
	t.Helper()
	var m struct {
		Revision string `json:"revision"`
	}
	if err := json.Unmarshal(bundleFiles(t, body)[".manifest"], &m); err != nil || m.Revision == "" {
		t.Fatalf("the bundle's .manifest has no revision: %v", err)
	}
	return m.Revision
}

// bundleFiles reads a bundle (.tar.gz) into its files by path, without the
// leading slash.
func bundleFiles(t *testing.T, body []byte) map[string][]byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	files := map[string][]byte{}
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			return files
		}
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		files[strings.TrimPrefix(hdr.Name, "/")] = data
	}
}

// exampleRegisters loads examples/registers/*.yaml by file name.
func exampleRegisters(t *testing.T) map[string]*raci.Register {
	t.Helper()
	files, _ := filepath.Glob("../../examples/registers/*.yaml")
	if len(files) < 2 {
		t.Fatalf("found %d example registers, want acme.yaml and minimal.yaml at least", len(files))
	}
	regs := map[string]*raci.Register{}
	for _, f := range files {
		reg, err := raci.LoadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		regs[filepath.Base(f)] = reg
	}
	if regs["acme.yaml"] == nil {
		t.Fatal("examples/registers/acme.yaml is missing")
	}
	return regs
}

// engineFindings are the engine's findings as an OPA server gives them (no
// file, line or column).
func engineFindings(t *testing.T, eng *engine.Engine, reg *raci.Register) []engine.Finding {
	t.Helper()
	rep, err := eng.Evaluate(context.Background(), reg, goldenDate)
	if err != nil {
		t.Fatal(err)
	}
	want := append([]engine.Finding{}, rep.Findings...)
	for i := range want {
		want[i].File, want[i].Line, want[i].Column = "", 0, 0
	}
	return want
}

// firedRules are the ids of the bundled rules with an unwaived finding on reg,
// sorted.
func firedRules(t *testing.T, eng *engine.Engine, reg *raci.Register) []string {
	t.Helper()
	seen := map[string]bool{}
	for _, f := range engineFindings(t, eng, reg) {
		if f.Waived == "" && !strings.HasPrefix(f.Rule, "A52-EXC-") {
			seen[f.Rule] = true
		}
	}
	return sortedKeys(seen)
}

func ruleSeverity(t *testing.T, eng *engine.Engine, id string) engine.Severity {
	t.Helper()
	for _, r := range eng.Rules() {
		if r.ID == id {
			return r.Severity
		}
	}
	t.Fatalf("no rule %s", id)
	return ""
}

// otherSeverity is a severity the rule does not have.
func otherSeverity(t *testing.T, eng *engine.Engine, id string) engine.Severity {
	if ruleSeverity(t, eng, id) == engine.SeverityCritical {
		return engine.SeverityLow
	}
	return engine.SeverityCritical
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// lockedBuffer collects a process's output written from its goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.buf.Len() > 1<<20 {
		return len(p), nil
	}
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
