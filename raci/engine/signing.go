package engine

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/bundle"
)

// minRSABits is the smallest RSA key WithSigningKey accepts.
const minRSABits = 2048

// signingAlgorithms are the JWS algorithms a bundle can be signed with, by the
// key type and (for ECDSA) the curve they need.
var signingAlgorithms = map[string]string{
	"RS256": "RSA", "RS384": "RSA", "RS512": "RSA",
	"PS256": "RSA", "PS384": "RSA", "PS512": "RSA",
	"ES256": "P-256", "ES384": "P-384", "ES512": "P-521",
}

// signingKey is a checked private key with its algorithm and key id.
type signingKey struct {
	pem   string
	alg   string
	keyID string
}

// WithSigningKey signs the bundle: WriteBundle adds the .signatures.json file
// that `opa sign` writes, a JWT over the SHA-256 of every file of the bundle,
// signed with privateKeyPEM. An OPA configured with the public key under keys
// (keys.KEYID.key and .algorithm) and bundles.NAME.signing.keyid: KEYID
// activates the bundle only when every file matches its signed digest, so a
// bundle changed on its way to the OPAs is refused.
//
// privateKeyPEM is an RSA key of at least 2048 bits or an ECDSA key on P-256,
// P-384 or P-521, in PEM (PKCS #1 "RSA PRIVATE KEY", SEC 1 "EC PRIVATE KEY" or
// unencrypted PKCS #8 "PRIVATE KEY"). alg is RS256, RS384, RS512, PS256, PS384,
// PS512, ES256, ES384 or ES512, and must suit the key; empty chooses RS256 for
// an RSA key and the ES algorithm of an ECDSA key's curve. keyID names the key
// in the OPAs' configuration and must not be empty. A key, algorithm or key id
// that cannot sign makes the write fail with an error wrapping ErrSigningKey,
// before anything is written. The key is only used to sign; it is not written
// into the bundle.
func WithSigningKey(privateKeyPEM []byte, alg, keyID string) BundleOption {
	return func(c *bundleConfig) error {
		k, err := parseSigningKey(privateKeyPEM, alg, keyID)
		if err != nil {
			return err
		}
		c.signing = k
		return nil
	}
}

func parseSigningKey(privateKeyPEM []byte, alg, keyID string) (*signingKey, error) {
	if strings.TrimSpace(keyID) == "" || strings.ContainsAny(keyID, " \t\r\n") {
		return nil, fmt.Errorf("%w: the key id is %q; expected a name without spaces (the OPAs find the public key under keys.KEYID)", ErrSigningKey, keyID)
	}
	block, _ := pem.Decode(privateKeyPEM)
	if block == nil {
		return nil, fmt.Errorf("%w: expected a PEM private key (-----BEGIN ... PRIVATE KEY-----), found no PEM block", ErrSigningKey)
	}
	var key any
	var err error
	switch block.Type {
	case "RSA PRIVATE KEY":
		key, err = x509.ParsePKCS1PrivateKey(block.Bytes)
	case "EC PRIVATE KEY":
		key, err = x509.ParseECPrivateKey(block.Bytes)
	case "PRIVATE KEY":
		key, err = x509.ParsePKCS8PrivateKey(block.Bytes)
	case "PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE":
		return nil, fmt.Errorf("%w: expected the private key, found a PEM %q block: the OPAs get the public key, rolecall signs with the private one", ErrSigningKey, block.Type)
	case "ENCRYPTED PRIVATE KEY":
		return nil, fmt.Errorf("%w: the private key is encrypted; expected an unencrypted PEM key (decrypt it into a file only the signer can read, e.g. openssl pkey -in KEY -out PLAIN)", ErrSigningKey)
	default:
		return nil, fmt.Errorf("%w: expected a PEM block \"RSA PRIVATE KEY\", \"EC PRIVATE KEY\" or \"PRIVATE KEY\", found %q", ErrSigningKey, block.Type)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: the PEM %q block does not hold a key: %v", ErrSigningKey, block.Type, err)
	}
	var kind string
	switch k := key.(type) {
	case *rsa.PrivateKey:
		if bits := k.N.BitLen(); bits < minRSABits {
			return nil, fmt.Errorf("%w: the RSA key has %d bits; expected at least %d", ErrSigningKey, bits, minRSABits)
		}
		kind = "RSA"
	case *ecdsa.PrivateKey:
		switch k.Curve {
		case elliptic.P256(), elliptic.P384(), elliptic.P521():
			kind = k.Curve.Params().Name
		default:
			return nil, fmt.Errorf("%w: the ECDSA key is on curve %s; expected P-256, P-384 or P-521", ErrSigningKey, k.Curve.Params().Name)
		}
	default:
		return nil, fmt.Errorf("%w: the key is a %T; expected an RSA or ECDSA key", ErrSigningKey, key)
	}
	if alg == "" {
		alg = defaultAlgorithm(kind)
	}
	need, ok := signingAlgorithms[alg]
	if !ok {
		return nil, fmt.Errorf("%w: the algorithm is %q; expected one of RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512", ErrSigningKey, alg)
	}
	if need != kind {
		return nil, fmt.Errorf("%w: %s needs %s, but the key is %s; use %s or leave the algorithm empty", ErrSigningKey, alg, keyName(need), keyName(kind), defaultAlgorithm(kind))
	}
	// OPA's signer reads a key that does not start with the PEM header as a file
	// name; the block is re-encoded so that it always starts with it.
	return &signingKey{pem: string(pem.EncodeToMemory(block)), alg: alg, keyID: keyID}, nil
}

// defaultAlgorithm is the algorithm an empty alg chooses for a kind of key.
func defaultAlgorithm(kind string) string {
	switch kind {
	case "P-256":
		return "ES256"
	case "P-384":
		return "ES384"
	case "P-521":
		return "ES512"
	}
	return "RS256"
}

func keyName(kind string) string {
	if kind == "RSA" {
		return "an RSA key"
	}
	return "an ECDSA key on " + kind
}

// sign adds the bundle's .signatures.json, computed by OPA's own bundle
// package over the files as the writer will write them (module paths, not URLs).
func (k *signingKey) sign(b *bundle.Bundle) error {
	if err := b.GenerateSignature(bundle.NewSigningConfig(k.pem, k.alg, ""), k.keyID, true); err != nil {
		return fmt.Errorf("%w: signing the bundle with %s: %v", ErrSigningKey, k.alg, err)
	}
	return nil
}
