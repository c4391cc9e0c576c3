package engine_test

import (
	"testing"

	"github.com/rolecall/rolecall/raci/engine"
)

// TestReportFailed pins the exit-code contract: a run fails when an unwaived
// finding is at or above the threshold; waived findings never fail it.
func TestReportFailed(t *testing.T) {
	high := engine.Finding{Rule: "A52-ASSET-001", Severity: engine.SeverityHigh, Subject: "asset:crm"}
	waivedHigh := high
	waivedHigh.Waived = "exc-1"
	low := engine.Finding{Rule: "A52-COMM-003", Severity: engine.SeverityLow, Subject: "person:p1"}
	tcs := []struct {
		name      string
		findings  []engine.Finding
		threshold engine.Severity
		want      bool
	}{
		{"unwaived high at high", []engine.Finding{high}, engine.SeverityHigh, true},
		{"unwaived high at critical", []engine.Finding{high}, engine.SeverityCritical, false},
		{"unwaived high at low", []engine.Finding{high}, engine.SeverityLow, true},
		{"waived high at high", []engine.Finding{waivedHigh}, engine.SeverityHigh, false},
		{"waived high at info", []engine.Finding{waivedHigh}, engine.SeverityInfo, false},
		{"waived high beside an unwaived low, at high", []engine.Finding{waivedHigh, low}, engine.SeverityHigh, false},
		{"waived high beside an unwaived low, at low", []engine.Finding{waivedHigh, low}, engine.SeverityLow, true},
		{"no findings", nil, engine.SeverityInfo, false},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			rep := &engine.Report{Findings: tc.findings}
			if got := rep.Failed(tc.threshold); got != tc.want {
				t.Errorf("Failed(%s) = %v, want %v", tc.threshold, got, tc.want)
			}
		})
	}
}
