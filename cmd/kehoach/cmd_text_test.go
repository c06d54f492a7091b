package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/ingest"
)

func TestTextCommand(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	sample := "../../testdata/corpus/004_9fba268cafe1d6b9.txt"
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		out, err string // substrings expected
	}{
		{"needs a file", []string{"text"}, 1, "", "want one FILE"},
		{"missing file", []string{"text", "nope.txt"}, 1, "", "nope.txt"},
		{"empty file", []string{"text", empty}, 1, "", "empty file"},
		{"repaired text", []string{"text", sample}, 0, "MỤC TIÊU CỤ THỂ", ""},
		{"structure", []string{"text", "--structure", sample}, 0, "Phần II  KẾ HOẠCH PHÁT TRIỂN", ""},
		{"header", []string{"text", "--structure", "../../testdata/corpus/002_dd0f6087aed52522.txt"}, 0, "number:      2893/QĐ-UBND", ""},
		{"notes", []string{"text", "--structure", "../../testdata/corpus/000_64c392787df719ee.txt"}, 0, "[(2)] Trong đó", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errs, tc.err) {
				t.Errorf("kehoach %v = %d\nstdout: %s\nstderr: %s\nwant %d, stdout ~ %q, stderr ~ %q", tc.args, code, clip(out), clip(errs), tc.code, tc.out, tc.err)
			}
		})
	}
}

// TestTextIsDocumentText checks that "kehoach text" prints exactly the
// text spans point into.
func TestTextIsDocumentText(t *testing.T) {
	path := "../../testdata/corpus/000_64c392787df719ee.txt"
	doc, _, err := ingest.File(path, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "text", path)
	if code != 0 || out != doc.Text {
		t.Errorf("kehoach text %s = %d (stderr %s); output differs from Document.Text", path, code, errs)
	}
}
