package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSearchCompareExport ingests the samples and runs search, compare,
// export and reindex over them.
func TestSearchCompareExport(t *testing.T) {
	data := t.TempDir()
	if code, out, errs := runCLI(t, "--data", data, "ingest", "../../testdata/corpus"); code != 0 {
		t.Fatalf("ingest = %d\n%s\n%s", code, out, errs)
	}
	xlsx := filepath.Join(t.TempDir(), "t.xlsx")
	csvf := filepath.Join(t.TempDir(), "t.csv")
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		out, err string // substrings expected
	}{
		{"search needs a query", []string{"--data", data, "search"}, 1, "", "no QUERY"},
		{"search without diacritics", []string{"--data", data, "search", "dich vu cong muc do 4"}, 0, "5 documents match", ""},
		{"search marks", []string{"--data", data, "search", "dich vu cong muc do 4"}, 0, "«dịch vụ công»", ""},
		{"search facets", []string{"--data", data, "search", "chuyen doi so"}, 0, "province_now:", ""},
		{"search province", []string{"--data", data, "search", "--province", "kon tum", "an toan thong tin"}, 0, "1 document match", ""},
		{"search now", []string{"--data", data, "search", "--now", "Quảng Ngãi", "cong nghe thong tin"}, 0, "2 documents match", ""},
		{"search unknown province", []string{"--data", data, "search", "--province", "Atlantis", "x"}, 1, "", "unknown province"},
		{"search bad range", []string{"--data", data, "search", "value:>=abc"}, 1, "", "bad number"},
		{"search kind budget", []string{"--data", data, "search", "--kind", "budget", "--province", "Kon Tum", "value:>=1e10"}, 0, "16.368,6 triệu đồng", ""},
		{"search json", []string{"--data", data, "search", "--json", "--kind", "target", "--year", "2025", "dich vu cong"}, 0, `"kind": "target"`, ""},
		{"compare budgets", []string{"--data", data, "compare", "--table", "budgets"}, 0, "16.368,6 triệu đồng", ""},
		{"compare budgets now", []string{"--data", data, "compare", "--table", "budgets", "--by", "now"}, 0, "Phú Thọ", ""},
		{"compare bad by", []string{"--data", data, "compare", "--by", "then"}, 1, "", "want named|now"},
		{"compare bad table", []string{"--data", data, "compare", "--table", "pies"}, 1, "", "unknown table"},
		{"compare province", []string{"--data", data, "compare", "--province", "Vĩnh Phúc", "--table", "province"}, 0, "83.589 triệu đồng", ""},
		{"compare md", []string{"--data", data, "compare", "--table", "citations", "--format", "md"}, 0, "| Cited document |", ""},
		{"export bad format", []string{"--data", data, "export", "--format", "pdf"}, 1, "", "want csv|xlsx|json|md"},
		{"export csv", []string{"--data", data, "export", "--format", "csv", "--out", csvf}, 0, "export: 5 tables", ""},
		{"export xlsx", []string{"--data", data, "export", "--format", "xlsx", "--out", xlsx}, 0, "export: 5 tables", ""},
		{"export json stdout", []string{"--data", data, "export", "--format", "json", "--table", "budgets"}, 0, `"name": "budgets"`, ""},
		{"reindex", []string{"--data", data, "reindex"}, 0, "reindex: 5 documents", ""},
		{"search after reindex", []string{"--data", data, "search", "dịch vụ công mức độ 4"}, 0, "5 documents match", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errs, tc.err) {
				t.Errorf("kehoach %v = %d\nstdout: %s\nstderr: %s\nwant %d, stdout ~ %q, stderr ~ %q", tc.args, code, clip(out), clip(errs), tc.code, tc.out, tc.err)
			}
		})
	}
	b, err := os.ReadFile(csvf)
	if err != nil || !strings.HasPrefix(string(b), "\uFEFF") || !strings.Contains(string(b), "Vĩnh Phúc") {
		t.Errorf("csv export: %v, BOM or Vietnamese missing", err)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if s := f.GetSheetList(); len(s) != 6 || s[5] != "Evidence" {
		t.Errorf("xlsx sheets = %v", s)
	}
}

// TestIndexRepairsAfterStoreChange: a store changed behind the index's
// back (here: a record edited, as after a crash between the two writes)
// is noticed by the next reader through the manifest stamp.
func TestIndexRepairsAfterStoreChange(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := runCLI(t, "--data", data, "ingest", "../../testdata/corpus/000_64c392787df719ee.txt"); code != 0 {
		t.Fatal(errs)
	}
	// Drop the index entirely: the next search rebuilds it from the store.
	os.RemoveAll(filepath.Join(data, "index"))
	if code, out, errs := runCLI(t, "--data", data, "search", "kon tum"); code != 0 || !strings.Contains(out, "1 document match") {
		t.Errorf("search after index loss = %d\n%s\n%s", code, out, errs)
	}
	// Ingest another file, then corrupt the stamp by touching the manifest.
	runCLI(t, "--data", data, "ingest", "../../testdata/corpus/004_9fba268cafe1d6b9.txt")
	code, out, _ := runCLI(t, "--data", data, "search", "--json", "vinh phuc")
	var res struct{ Total int }
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || res.Total != 1 {
		t.Errorf("search after second ingest = %d %s", code, clip(out))
	}
}

func TestDemo(t *testing.T) {
	data := t.TempDir()
	code, out, errs := runCLI(t, "demo", "--data", data)
	if code != 0 {
		t.Fatalf("demo = %d\n%s", code, errs)
	}
	for _, want := range []string{
		"5 ingested",
		"Kon Tum 2021: 16.368,6 triệu đồng = 16 368 600 000 đồng",
		"Vĩnh Phúc 2021: 83.589 triệu đồng = 83 589 000 000 đồng",
		`kehoach search "dich vu cong muc do 4"`,
		"«dịch vụ công»",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q\n%s", want, clip(out))
		}
	}
	if _, err := os.Stat(filepath.Join(data, "manifest.json")); err != nil {
		t.Errorf("--data not used: %v", err)
	}
}
