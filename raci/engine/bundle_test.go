package engine_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// TestBundleEvaluatesLikeTheEngine loads the written bundle with OPA's own
// bundle loader (in process) and checks it gives the engine's findings, with the
// organisation's rules, parameters and severity overrides included.
func TestBundleEvaluatesLikeTheEngine(t *testing.T) {
	cfg, err := engine.LoadConfig("../../examples/custom-rules/rolecall.yaml")
	if err != nil {
		t.Fatal(err)
	}
	eng := newEngine(t, engine.WithConfig(cfg))
	path := filepath.Join(t.TempDir(), "b.tar.gz")
	if err := eng.WriteBundleFile(path); err != nil {
		t.Fatal(err)
	}
	reg, err := raci.LoadFile("../../examples/registers/acme.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eng.Evaluate(context.Background(), reg, goldenDate)
	if err != nil {
		t.Fatal(err)
	}
	input, err := engine.Input(reg, goldenDate)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rego.New(rego.Query("data.rolecall.report"), rego.LoadBundle(path), rego.Input(input)).Eval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var got []engine.Finding
	b, _ := json.Marshal(rs[0].Expressions[0].Value.(map[string]any)["findings"])
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	engine.SortFindings(got)
	want := append([]engine.Finding{}, rep.Findings...)
	custom := 0
	for i := range want {
		want[i].File, want[i].Line, want[i].Column = "", 0, 0
		if want[i].Rule[:4] == "ACME" {
			custom++
		}
	}
	if custom == 0 {
		t.Fatal("the engine reported no organisation finding; the test would prove nothing")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("bundle findings differ from the engine's (-engine +bundle):\n%s", diff)
	}
	// The same rules and configuration give the same bytes.
	var b1, b2 bytes.Buffer
	if err := eng.WriteBundle(&b1); err != nil {
		t.Fatal(err)
	}
	if err := newEngine(t, engine.WithConfig(cfg)).WriteBundle(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Error("two bundles of the same rules and configuration differ")
	}
}

// testKeys are private keys in PEM, with their public keys, for the signing
// tests: the example's RSA key (PKCS #8) and keys made for the test.
type testKey struct {
	private, public []byte
}

func readExampleKey(t *testing.T) testKey {
	t.Helper()
	priv, err := os.ReadFile("../../examples/fleet/example-signing-key.pem")
	if err != nil {
		t.Fatal(err)
	}
	pub, err := os.ReadFile("../../examples/fleet/example-signing-key.pub.pem")
	if err != nil {
		t.Fatal(err)
	}
	return testKey{priv, pub}
}

func ecKey(t *testing.T, curve elliptic.Curve, pkcs8 bool) testKey {
	t.Helper()
	k, err := ecdsa.GenerateKey(curve, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	var block *pem.Block
	if pkcs8 {
		der, err := x509.MarshalPKCS8PrivateKey(k)
		if err != nil {
			t.Fatal(err)
		}
		block = &pem.Block{Type: "PRIVATE KEY", Bytes: der}
	} else {
		der, err := x509.MarshalECPrivateKey(k)
		if err != nil {
			t.Fatal(err)
		}
		block = &pem.Block{Type: "EC PRIVATE KEY", Bytes: der}
	}
	return testKey{pem.EncodeToMemory(block), publicPEM(t, &k.PublicKey)}
}

func rsaKey(t *testing.T, bits int) testKey {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		t.Fatal(err)
	}
	return testKey{pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)}), publicPEM(t, &k.PublicKey)}
}

func publicPEM(t *testing.T, pub any) []byte {
	t.Helper()
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
}

// readBundle reads a bundle with OPA's own reader, verifying its signature
// with pub (algorithm alg, key id keyID) as an OPA configured with them does.
func readBundle(body, pub []byte, alg, keyID string) (bundle.Bundle, error) {
	vc := bundle.NewVerificationConfig(map[string]*bundle.KeyConfig{keyID: {Key: string(pub), Algorithm: alg}}, keyID, "", nil)
	return bundle.NewCustomReader(bundle.NewTarballLoaderWithBaseURL(bytes.NewReader(body), "")).WithBundleVerificationConfig(vc).Read()
}

// TestSignedBundleVerifies signs bundles with each kind of key and checks OPA's
// bundle reader verifies them with the public key, and refuses them with
// another key, with one byte of a rule changed, or with the signature removed.
func TestSignedBundleVerifies(t *testing.T) {
	eng := newEngine(t)
	other := ecKey(t, elliptic.P256(), false)
	for _, tc := range []struct {
		name    string
		key     testKey
		alg     string // given to WithSigningKey
		wantAlg string // the algorithm the OPA is configured with
	}{
		{"example RSA key, RS256", readExampleKey(t), "RS256", "RS256"},
		{"example RSA key, algorithm chosen", readExampleKey(t), "", "RS256"},
		{"RSA key, PS512", rsaKey(t, 2048), "PS512", "PS512"},
		{"P-256 SEC 1 key, algorithm chosen", ecKey(t, elliptic.P256(), false), "", "ES256"},
		{"P-384 PKCS #8 key, ES384", ecKey(t, elliptic.P384(), true), "ES384", "ES384"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := eng.WriteBundle(&buf, engine.WithSigningKey(tc.key.private, tc.alg, "k1")); err != nil {
				t.Fatal(err)
			}
			b, err := readBundle(buf.Bytes(), tc.key.public, tc.wantAlg, "k1")
			if err != nil {
				t.Fatalf("OPA refused the signed bundle: %v", err)
			}
			if len(b.Signatures.Signatures) != 1 {
				t.Errorf("the bundle has %d signatures, want 1", len(b.Signatures.Signatures))
			}
			if _, err := readBundle(buf.Bytes(), other.public, "ES256", "k1"); err == nil {
				t.Error("OPA accepted the bundle with another public key")
			}
			// Without a keyid in its configuration an OPA verifies with the key the
			// signature names (how keys are rotated).
			rotating := bundle.NewVerificationConfig(map[string]*bundle.KeyConfig{
				"k0": {Key: string(other.public), Algorithm: "ES256"},
				"k1": {Key: string(tc.key.public), Algorithm: tc.wantAlg},
			}, "", "", nil)
			if _, err := bundle.NewCustomReader(bundle.NewTarballLoaderWithBaseURL(bytes.NewReader(buf.Bytes()), "")).WithBundleVerificationConfig(rotating).Read(); err != nil {
				t.Errorf("OPA with two keys and no keyid refused the bundle signed by k1: %v", err)
			}
			tampered := rewriteBundle(t, buf.Bytes(), func(name string, data []byte) []byte {
				if name == "rolecall/report.rego" {
					i := bytes.Index(data, []byte("# "))
					data = bytes.Clone(data)
					data[i+2] ^= 0x20
				}
				return data
			})
			if _, err := readBundle(tampered, tc.key.public, tc.wantAlg, "k1"); err == nil || !strings.Contains(err.Error(), "digest mismatch") {
				t.Errorf("OPA's reader on a bundle with one byte of a rule changed: %v, want a digest mismatch", err)
			}
			stripped := rewriteBundle(t, buf.Bytes(), func(name string, data []byte) []byte {
				if name == ".signatures.json" {
					return nil
				}
				return data
			})
			if _, err := readBundle(stripped, tc.key.public, tc.wantAlg, "k1"); err == nil || !strings.Contains(err.Error(), "missing .signatures.json") {
				t.Errorf("OPA's reader on the bundle without its signature: %v, want it missing", err)
			}
		})
	}
}

// TestWithSigningKeyRefuses checks each key, algorithm and key id that cannot
// sign is refused with ErrSigningKey and a message saying what was expected,
// and that nothing is written.
func TestWithSigningKeyRefuses(t *testing.T) {
	eng := newEngine(t)
	example := readExampleKey(t)
	p256 := ecKey(t, elliptic.P256(), false)
	p224 := ecKey(t, elliptic.P224(), true)
	for _, tc := range []struct {
		name       string
		key        []byte
		alg, keyID string
		want       string
	}{
		{"empty key id", example.private, "RS256", "", `the key id is ""; expected a name without spaces`},
		{"key id with a space", example.private, "RS256", "my key", `the key id is "my key"; expected a name without spaces`},
		{"not PEM", []byte("secret"), "RS256", "k", "expected a PEM private key (-----BEGIN ... PRIVATE KEY-----), found no PEM block"},
		{"public key", example.public, "RS256", "k", `expected the private key, found a PEM "PUBLIC KEY" block`},
		{"encrypted key", pem.EncodeToMemory(&pem.Block{Type: "ENCRYPTED PRIVATE KEY", Bytes: []byte{1}}), "RS256", "k", "the private key is encrypted"},
		{"other PEM block", pem.EncodeToMemory(&pem.Block{Type: "OPENSSH PRIVATE KEY", Bytes: []byte{1}}), "RS256", "k", `expected a PEM block "RSA PRIVATE KEY", "EC PRIVATE KEY" or "PRIVATE KEY", found "OPENSSH PRIVATE KEY"`},
		{"garbage in the block", pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: []byte{1, 2, 3}}), "RS256", "k", `the PEM "RSA PRIVATE KEY" block does not hold a key`},
		{"short RSA key", rsaKey(t, 1024).private, "", "k", "the RSA key has 1024 bits; expected at least 2048"},
		{"curve not supported", p224.private, "", "k", "the ECDSA key is on curve P-224; expected P-256, P-384 or P-521"},
		{"unknown algorithm", example.private, "HS256", "k", `the algorithm is "HS256"; expected one of RS256`},
		{"ES256 with an RSA key", example.private, "ES256", "k", "ES256 needs an ECDSA key on P-256, but the key is an RSA key; use RS256 or leave the algorithm empty"},
		{"RS256 with an ECDSA key", p256.private, "RS256", "k", "RS256 needs an RSA key, but the key is an ECDSA key on P-256; use ES256"},
		{"ES384 with a P-256 key", p256.private, "ES384", "k", "ES384 needs an ECDSA key on P-384, but the key is an ECDSA key on P-256"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := eng.WriteBundle(&buf, engine.WithSigningKey(tc.key, tc.alg, tc.keyID))
			if !errors.Is(err, engine.ErrSigningKey) {
				t.Fatalf("WriteBundle() = %v, want an error wrapping ErrSigningKey", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("WriteBundle() = %q, want it to say %q", err, tc.want)
			}
			if buf.Len() != 0 {
				t.Errorf("WriteBundle() wrote %d bytes before failing", buf.Len())
			}
		})
	}
}

// TestBundleLogMask checks the bundle serves the decision-log mask as
// data.system.log.mask under its own root, that the mask reduces a decision
// about acme.yaml to what names no person, and that WithoutLogMask leaves it
// out.
func TestBundleLogMask(t *testing.T) {
	eng := newEngine(t)
	reg, err := raci.LoadFile("../../examples/registers/acme.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eng.Evaluate(context.Background(), reg, goldenDate)
	if err != nil {
		t.Fatal(err)
	}
	input, err := engine.Input(reg, goldenDate)
	if err != nil {
		t.Fatal(err)
	}
	// The decision as OPA's decision logger gives it to the mask: the findings
	// as JSON, as the server answered them.
	var findings []any
	b, _ := json.Marshal(rep.Findings)
	if err := json.Unmarshal(b, &findings); err != nil {
		t.Fatal(err)
	}
	event := map[string]any{"path": "rolecall/report", "input": input, "result": map[string]any{"findings": findings}}
	var reduced []any
	for _, f := range rep.Findings {
		r := map[string]any{"rule": f.Rule, "severity": string(f.Severity), "control": f.Control, "subject": f.Subject, "path": f.Path}
		if f.Waived != "" {
			r["waived"] = f.Waived
		}
		reduced = append(reduced, r)
	}
	if len(reduced) == 0 {
		t.Fatal("acme.yaml has no findings: the mask would reduce nothing")
	}

	dir := t.TempDir()
	masked, unmasked := filepath.Join(dir, "masked.tar.gz"), filepath.Join(dir, "unmasked.tar.gz")
	if err := eng.WriteBundleFile(masked); err != nil {
		t.Fatal(err)
	}
	if err := eng.WriteBundleFile(unmasked, engine.WithoutLogMask()); err != nil {
		t.Fatal(err)
	}
	mask := func(t *testing.T, path string) []any {
		t.Helper()
		rs, err := rego.New(rego.Query("data.system.log.mask"), rego.LoadBundle(path), rego.Input(event)).Eval(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) == 0 {
			return nil
		}
		return rs[0].Expressions[0].Value.([]any)
	}

	got := mask(t, masked)
	logged := map[string]any{}
	for _, r := range got {
		op, ok := r.(map[string]any)
		if !ok {
			t.Fatalf("mask rule %v: want an upsert", r)
		}
		logged[op["path"].(string)] = op["value"]
	}
	if diff := cmp.Diff(map[string]any{"findings": reduced}, logged["/result"]); diff != "" {
		t.Errorf("logged result (-want +got):\n%s", diff)
	}
	loggedInput, _ := logged["/input"].(map[string]any)
	if diff := cmp.Diff([]string{"as_of", "register", "sha256"}, slices.Sorted(maps.Keys(loggedInput))); diff != "" {
		t.Errorf("logged input keys (-want +got):\n%s", diff)
	}
	text, _ := json.Marshal(got)
	for _, p := range reg.People {
		if strings.Contains(string(text), p.Name) || (p.Email != "" && strings.Contains(string(text), p.Email)) {
			t.Errorf("the masked decision names %s", p.ID)
		}
	}
	if n := len(mask(t, unmasked)); n != 0 {
		t.Errorf("the bundle written WithoutLogMask masks with %d rules, want none", n)
	}

	roots := func(path string) []string {
		t.Helper()
		body, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		b, err := bundle.NewCustomReader(bundle.NewTarballLoaderWithBaseURL(bytes.NewReader(body), "")).Read()
		if err != nil {
			t.Fatal(err)
		}
		return *b.Manifest.Roots
	}
	if diff := cmp.Diff([]string{"rolecall", "system/log"}, roots(masked)); diff != "" {
		t.Errorf("roots of the bundle (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"rolecall"}, roots(unmasked)); diff != "" {
		t.Errorf("roots of the bundle WithoutLogMask (-want +got):\n%s", diff)
	}
}

// rewriteBundle rewrites a bundle's files with edit (nil drops the file).
func rewriteBundle(t *testing.T, body []byte, edit func(name string, data []byte) []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	tw := tar.NewWriter(zw)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		if data = edit(strings.TrimPrefix(hdr.Name, "/"), data); data == nil {
			continue
		}
		hdr.Size = int64(len(data))
		if err := tw.WriteHeader(hdr); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
