package engine_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolecall/rolecall/raci/engine"
)

func TestSettings(t *testing.T) {
	ctx := context.Background()
	cfg, err := engine.LoadConfig(filepath.Join("..", "..", "examples", "custom-rules", "rolecall.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tcs := []struct {
		name string
		opts []engine.Option
		want engine.Settings
	}{
		{
			name: "defaults",
			want: engine.Settings{CatalogueVersion: engine.CatalogueVersion, Disabled: []string{}, Severities: []engine.SeverityChange{}, RuleDirs: []string{}},
		},
		{
			name: "options",
			opts: []engine.Option{
				engine.WithDisabled("A52-ROLE-004", "A52-COMM-004"),
				engine.WithSeverity("A52-DOC-002", engine.SeverityHigh),
				// Set to its own severity: not a change.
				engine.WithSeverity("A52-ASSET-001", engine.SeverityHigh),
			},
			want: engine.Settings{
				CatalogueVersion: engine.CatalogueVersion,
				Disabled:         []string{"A52-COMM-004", "A52-ROLE-004"},
				Severities:       []engine.SeverityChange{{Rule: "A52-DOC-002", From: engine.SeverityMedium, To: engine.SeverityHigh}},
				RuleDirs:         []string{},
			},
		},
		{
			name: "configuration file with a rules directory",
			opts: []engine.Option{engine.WithConfig(cfg)},
			want: engine.Settings{
				CatalogueVersion:  engine.CatalogueVersion,
				Disabled:          []string{"A52-COMM-003"},
				Severities:        []engine.SeverityChange{{Rule: "A52-ASSET-002", From: engine.SeverityMedium, To: engine.SeverityHigh}},
				RuleDirs:          []string{filepath.Join("..", "..", "examples", "custom-rules", "rules")},
				OrganisationRules: 3,
			},
		},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			eng, err := engine.New(ctx, tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			got := eng.Settings()
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Settings() mismatch (-want +got):\n%s", diff)
			}
			if got.IsDefault() != (tc.name == "defaults") {
				t.Errorf("IsDefault() = %v", got.IsDefault())
			}
		})
	}
}

// TestSettingsJSON pins the JSON of Settings: lists present even when empty.
func TestSettingsJSON(t *testing.T) {
	eng, err := engine.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(eng.Settings())
	if err != nil {
		t.Fatal(err)
	}
	want := `{"catalogue_version":"2","disabled":[],"severity_changes":[],"rule_dirs":[],"organisation_rules":0}`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("JSON mismatch (-want +got):\n%s", diff)
	}
}
