package main

import (
	"strings"
	"testing"
)

func TestCitations(t *testing.T) {
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
		{"bad format", []string{"citations", "--format", "xml"}, 1, "", "want table|csv|json", -1},
		{"bad role", []string{"citations", "--role", "ground"}, 1, "", "want basis|mention", -1},
		{"bad value", []string{"citations", "--matrix", "--value", "sum"}, 1, "", "want count|year", -1},
		{"unknown province", []string{"citations", "--province", "Atlantis"}, 1, "", "unknown province", -1},
		{"all", []string{"citations"}, 0, "174 citations in 5 documents", "", -1},
		{"province and role", []string{"citations", "--province", "kontum", "--role", "basis"}, 0, "14 citations in 1 documents", "", -1},
		{"footnoted bases are basis", []string{"citations", "--province", "Kon Tum", "--role", "basis", "--format", "csv"}, 0, "000_64c392787df719ee.txt,Nghị định,64/2007/NĐ-CP,2007-04-10,basis", "", 15},
		{"unresolved", []string{"citations", "--unresolved", "--format", "csv"}, 0, "Quảng Ngãi,2018,790/STTTT,Công văn,3885/UBND-KGVX,2018-07-03,mention,implements,1,unresolved", "", -1},
		{"superseded", []string{"citations", "--superseded"}, 0, "5 citations in 4 documents", "", -1},
		{"json", []string{"citations", "--province", "Bình Định", "--format", "json"}, 0, `"number":"17/NQ-CP","issuer":"Chính phủ","date":"","title"`, "", -1},
		{"matrix table", []string{"citations", "--matrix"}, 0, "x 5 provinces (count)", "", -1},
		{"matrix csv", []string{"citations", "--matrix", "--format", "csv"}, 0, "province,14/CT-TTg 2018-05-25,14/CT-TTg 2019-06-07,", "", 6},
		{"xlsx only for the matrix", []string{"citations", "--format", "xlsx"}, 1, "", "xlsx with --matrix", -1},
		{"matrix xlsx", []string{"citations", "--matrix", "--format", "xlsx"}, 0, "PK", "", -1},
		{"matrix year", []string{"citations", "--matrix", "--value", "year", "--format", "json"}, 0, `"value": "year"`, "", -1},
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
