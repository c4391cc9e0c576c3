package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/rolecall/rolecall/raci/engine"
)

func newBundleCmd(streams streams) *cobra.Command {
	var out, signingKey, signingAlg, keyID string
	var noLogMask bool
	cmd := &cobra.Command{
		Use:   "bundle -o FILE.tar.gz [flags]",
		Short: "Build an OPA bundle of the rules and configuration",
		Long: `Builds one OPA bundle with the bundled rules, the organisation's rules, its
merged parameters and configuration, for an unmodified OPA server:

  opa run --server FILE.tar.gz

then POST /v1/data/rolecall/report with the input rolecall input prints
({"as_of": "YYYY-MM-DD", "register": {...}}).

--signing-key signs the bundle as opa sign does (.signatures.json), for OPA
servers that verify bundles (bundles.NAME.signing.keyid). The bundle carries a
decision-log mask (system.log.mask) that keeps findings' rules, subjects and
severities but no names, e-mail addresses or free text; --no-log-mask leaves it
out. docs/fleet.md covers bundle servers, polling, signing and decision logs.`,
		Example: `  rolecall bundle -o rolecall.tar.gz
  rolecall bundle -o rolecall.tar.gz --config rolecall.yaml`,
		Args: cobra.NoArgs,
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "the bundle file to write (.tar.gz)")
	cmd.Flags().StringVar(&signingKey, "signing-key", "", "sign the bundle with this PEM private key (RSA or ECDSA)")
	cmd.Flags().StringVar(&signingAlg, "signing-alg", "", "the signature algorithm, e.g. RS256, PS256, ES256 (default: from the key)")
	cmd.Flags().StringVar(&keyID, "key-id", "rolecall", "the key id OPA's configuration names in bundles.NAME.signing.keyid")
	cmd.Flags().BoolVar(&noLogMask, "no-log-mask", false, "leave out the decision-log mask policy")
	ef := addEngineFlags(cmd.Flags(), false)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if out == "" {
			return usagef("-o FILE.tar.gz is required")
		}
		if signingKey == "" && (cmd.Flags().Changed("signing-alg") || cmd.Flags().Changed("key-id")) {
			return usagef("--signing-alg and --key-id go with --signing-key")
		}
		var bopts []engine.BundleOption
		if noLogMask {
			bopts = append(bopts, engine.WithoutLogMask())
		}
		if signingKey != "" {
			pemBytes, err := os.ReadFile(signingKey)
			if err != nil {
				return err
			}
			bopts = append(bopts, engine.WithSigningKey(pemBytes, signingAlg, keyID))
		}
		cfg, err := ef.loadConfig(cmd.Context())
		if err != nil {
			return err
		}
		if err := checkOutput(out, append(ef.inputs(cfg), signingKey)); err != nil {
			return err
		}
		eng, err := engine.New(cmd.Context(), ef.options(cfg)...)
		if err != nil {
			return err
		}
		if err := writeOutput(out, nil, func(w io.Writer) error { return eng.WriteBundle(w, bopts...) }); err != nil {
			return err
		}
		fmt.Fprintf(streams.out, "wrote %s (%d rules)\n", out, len(eng.Rules()))
		return nil
	}
	return cmd
}
