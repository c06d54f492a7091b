package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/corpus"
	"kehoach/ingest"
)

// runCLI runs the app in-process and returns exit code, stdout, stderr.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errw bytes.Buffer
	code := run(context.Background(), append([]string{"kehoach"}, args...), &out, &errw)
	return code, out.String(), errw.String()
}

func TestCLI(t *testing.T) {
	data := t.TempDir()
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		out, err string // substrings expected
	}{
		{"help", []string{"--help"}, 0, "extract", ""},
		{"extract needs a file", []string{"extract"}, 1, "", "no FILE"},
		{"extract bad format", []string{"extract", "--format", "xml", "testdata/x"}, 1, "", "want json|table"},
		{"extract missing file", []string{"extract", "nope.txt"}, 1, "", "nope.txt"},
		{"extract unknown extractor", []string{"extract", "--extractors", "magic", "../../testdata/corpus/001_04c4a298a9751e71.txt"}, 1, "", "unknown extractor"},
		{"extract json", []string{"extract", "--validate", "../../testdata/corpus/001_04c4a298a9751e71.txt"}, 0, `"number":"790/STTTT"`, ""},
		{"extract table", []string{"extract", "--format", "table", "../../testdata/corpus/002_dd0f6087aed52522.txt"}, 0, "2893/QĐ-UBND", ""},
		{"ingest needs a path", []string{"--data", data, "ingest"}, 1, "", "no PATH"},
		{"ingest corpus", []string{"--data", data, "ingest", "../../testdata/corpus"}, 0, "5 ingested", ""},
		{"ingest again is a no-op", []string{"--data", data, "ingest", "../../testdata/corpus"}, 0, "5 unchanged", ""},
		{"eval", []string{"eval", "-q", "--gold", "../../testdata/gold", "--corpus", "../../testdata/corpus"}, 0, "ALL", ""},
		{"eval threshold", []string{"eval", "-q", "--min-f1", "1.01", "--gold", "../../testdata/gold", "--corpus", "../../testdata/corpus"}, 1, "", "below --min-f1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errs, tc.err) {
				t.Errorf("kehoach %v = %d\nstdout: %s\nstderr: %s\nwant %d, stdout ~ %q, stderr ~ %q", tc.args, code, clip(out), clip(errs), tc.code, tc.out, tc.err)
			}
		})
	}
}

func clip(s string) string {
	if len(s) > 600 {
		return s[:600] + "…"
	}
	return s
}

// TestExtractSpans checks the SCHEMA.md promise on every sample: every span
// inside the text and every quote the text under its span.
func TestExtractSpans(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/corpus/*.txt")
	if len(files) == 0 {
		t.Fatal("no samples")
	}
	for _, f := range files {
		code, out, errs := runCLI(t, "extract", "--validate", f)
		if code != 0 {
			t.Fatalf("extract %s: %d %s", f, code, errs)
		}
		var x corpus.Extraction
		if err := json.Unmarshal([]byte(out), &x); err != nil {
			t.Fatalf("extract %s: not JSON: %v", f, err)
		}
		if x.SHA256 == "" || x.Document.Province == "" {
			t.Errorf("extract %s: sha256 %q province %q", f, x.SHA256, x.Document.Province)
		}
	}
}

// TestBadBatch: a batch with an empty file, a binary file renamed .pdf and
// a truncated PDF ingests the good files and reports three errors naming
// the files; nothing panics.
func TestBadBatch(t *testing.T) {
	if !ingest.Supported("x.pdf") {
		t.Skip("no PDF parser registered yet")
	}
	dir := t.TempDir()
	good, _ := os.ReadFile("../../testdata/corpus/001_04c4a298a9751e71.txt")
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", good)
	write("empty.txt", nil)
	write("binary.pdf", []byte{0x7f, 'E', 'L', 'F', 0, 1, 2, 3, 0xff, 0xfe, 0, 0})
	write("truncated.pdf", []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa"))
	code, out, errs := runCLI(t, "--data", filepath.Join(dir, "data"), "ingest", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1 (failures)", code)
	}
	if !strings.Contains(out, "1 ingested") {
		t.Errorf("stdout %q, want 1 ingested", out)
	}
	for _, name := range []string{"empty.txt", "binary.pdf", "truncated.pdf"} {
		if !strings.Contains(errs, name) {
			t.Errorf("stderr does not name %s:\n%s", name, errs)
		}
	}
	if strings.Contains(errs, "panic") && !strings.Contains(errs, "parser panicked") {
		t.Errorf("unrecovered panic:\n%s", errs)
	}
	st, err := corpus.Open(filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(st.Entries()); n != 4 {
		t.Errorf("manifest has %d entries, want 4", n)
	}
}
