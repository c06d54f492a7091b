package main

import (
	"strings"
	"testing"
)

func TestCites(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := runCLI(t, "--data", data, "ingest", "../../testdata/corpus"); code != 0 {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		out, err string
		lines    int // output lines, -1 to skip
	}{
		{"no symbol", []string{"cites"}, 1, "", "want one SYMBOL", -1},
		{"bad format", []string{"cites", "--format", "xml", "64/2007/NĐ-CP"}, 1, "", "want table|csv|json", -1},
		{"decree in all five", []string{"cites", "64/2007/NĐ-CP"}, 0, "cited by 5 documents in 5 provinces", "", -1},
		{"any spelling", []string{"cites", "64/2007/nd-cp"}, 0, "cited by 5 documents in 5 provinces", "", -1},
		{"registry header", []string{"cites", "43/2011/NĐ-CP"}, 0, "[superseded by 42/2022/NĐ-CP]", "", -1},
		{"two documents, one symbol", []string{"cites", "14/CT-TTg"}, 0, "cited by 3 documents in 2 provinces", "", -1},
		{"law by title", []string{"cites", "--format", "csv", "Luật an toàn thông tin mạng"}, 0, "Quảng Ngãi,2018,790/STTTT,Luật,Luật An toàn thông tin mạng", "", 6},
		{"law by its number", []string{"cites", "--format", "json", "86/2015/QH13"}, 0, `"registry":"86/2015/QH13"`, "", 5},
		{"alias", []string{"cites", "900/QĐ-CTUBND"}, 0, "cited by 1 documents in 1 provinces", "", -1},
		{"missing", []string{"cites", "--missing", "942/QĐ-TTg"}, 0, "942/QĐ-TTg is not cited by 4 of 5 documents (4 provinces)", "", 6},
		{"missing csv", []string{"cites", "--missing", "--format", "csv", "64/2007/NĐ-CP"}, 0, "province,year,document,source_file", "", 1},
		{"not cited", []string{"cites", "1/2099/NĐ-CP"}, 0, "1/2099/NĐ-CP (not in the registry)\ncited by 0 documents", "", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, append([]string{"--data", data}, tc.args...)...)
			if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errs, tc.err) {
				t.Errorf("kehoach %v = %d\nstdout: %s\nstderr: %s\nwant %d, stdout ~ %q, stderr ~ %q", tc.args, code, clip(out), clip(errs), tc.code, tc.out, tc.err)
			}
			if tc.lines >= 0 && strings.Count(out, "\n") != tc.lines {
				t.Errorf("kehoach %v: %d lines, want %d\n%s", tc.args, strings.Count(out, "\n"), tc.lines, clip(out))
			}
		})
	}
}
