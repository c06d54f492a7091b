package main

import (
	"strings"
	"testing"
)

func TestProjects(t *testing.T) {
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
		{"bad format", []string{"projects", "--format", "xml"}, 1, "", "want table|csv|json", -1},
		{"unknown province", []string{"projects", "--province", "Atlantis"}, 1, "", "unknown province", -1},
		{"all", []string{"projects"}, 0, "187 projects", "", -1},
		{"province", []string{"projects", "--province", "cao bang"}, 0, "40 projects, 226.386.000.000 đồng", "", -1},
		{"query without diacritics", []string{"projects", "--province", "Vĩnh Phúc", "--query", "phong hop khong giay"}, 0, "3 projects", "", -1},
		{"csv", []string{"projects", "--province", "Kon Tum", "--format", "csv"}, 0, "province,document,group,name", "", 1},
		{"json", []string{"projects", "--query", "LGSP", "--format", "json"}, 0, `"name":"Thuê Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Cao Bằng (LGSP)"`, "", -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, append([]string{"--data", data}, tc.args...)...)
			if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errs, tc.err) {
				t.Errorf("kehoach %v = %d\nstdout: %s\nstderr: %s\nwant %d, stdout ~ %q, stderr ~ %q", tc.args, code, clip(out), clip(errs), tc.code, tc.out, tc.err)
			}
			if tc.lines >= 0 && strings.Count(out, "\n") != tc.lines {
				t.Errorf("kehoach %v: %d lines, want %d", tc.args, strings.Count(out, "\n"), tc.lines)
			}
		})
	}
}
