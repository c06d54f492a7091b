package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestIndicatorsCommand(t *testing.T) {
	empty := t.TempDir()
	data := t.TempDir()
	if code, _, errs := runCLI(t, "--data", data, "ingest", "../../testdata/corpus"); code != 0 {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		out, err string
	}{
		{"list empty store", []string{"--data", empty, "indicators"}, 0, "gov.dvc_l4_share", ""},
		{"list counts", []string{"--data", data, "indicators"}, 0, "stored figures mapped", ""},
		{"pillar", []string{"--data", empty, "indicators", "--pillar", "infosec"}, 0, "infosec.budget_share", ""},
		{"bad pillar", []string{"--data", empty, "indicators", "--pillar", "nope"}, 1, "", "no indicator in pillar"},
		{"one indicator", []string{"--data", data, "indicators", "gov.work_online_prov"}, 0, "749/QĐ-TTg", ""},
		{"unknown id", []string{"--data", empty, "indicators", "gov.nope"}, 1, "", "unknown indicator"},
		{"bad format", []string{"--data", empty, "indicators", "--format", "xml"}, 1, "", "want table|json"},
		{"two ids", []string{"--data", empty, "indicators", "a", "b"}, 1, "", "at most one ID"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errs, tc.err) {
				t.Errorf("kehoach %v = %d\nstdout: %s\nstderr: %s\nwant %d, stdout ~ %q, stderr ~ %q", tc.args, code, clip(out), clip(errs), tc.code, tc.out, tc.err)
			}
		})
	}

	// JSON rows carry the counts; the sample corpus maps figures to the
	// work-online indicators.
	code, out, _ := runCLI(t, "--data", data, "indicators", "--format", "json", "--pillar", "gov")
	if code != 0 {
		t.Fatalf("json: exit %d", code)
	}
	found := false
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var row struct {
			ID      string `json:"id"`
			Targets int    `json:"targets"`
		}
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatalf("bad JSON line %q: %v", line, err)
		}
		if row.ID == "gov.work_online_prov" && row.Targets > 0 {
			found = true
		}
	}
	if !found {
		t.Errorf("no stored target counted for gov.work_online_prov in %s", clip(out))
	}
}
