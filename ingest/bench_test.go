package ingest_test

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/ingest"
)

// BenchmarkFormats reports MB/s (of input bytes) per format over the five
// sample plans: the .txt files, the same text as a simple HTML page, and
// the LibreOffice PDF and DOCX conversions (skipped without soffice).
// Each run includes Normalize and Analyze. Compare PDF reading with
// pdftotext by ingest/pdf/compare_pdftotext.sh.
func BenchmarkFormats(b *testing.B) {
	files, _ := filepath.Glob("../testdata/corpus/0*.txt")
	inputs := map[string][][]byte{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		inputs["txt"] = append(inputs["txt"], raw)
		var h strings.Builder
		h.WriteString("<html><head><title>plan</title></head><body><nav><a href='/'>Trang chủ</a></nav><div class='content1'>")
		for _, p := range strings.Split(string(raw), "\n\n") {
			fmt.Fprintf(&h, "<p>%s</p>\n", strings.ReplaceAll(html.EscapeString(p), "\n", "<br>"))
		}
		h.WriteString("</div></body></html>")
		inputs["html"] = append(inputs["html"], []byte(h.String()))
	}
	if dir, err := convertSamples(); err != nil {
		b.Logf("no PDF or DOCX inputs: %v", err)
	} else {
		for _, ext := range []string{"pdf", "docx"} {
			paths, _ := filepath.Glob(filepath.Join(dir, "*."+ext))
			for _, p := range paths {
				raw, _ := os.ReadFile(p)
				inputs[ext] = append(inputs[ext], raw)
			}
		}
	}
	for _, format := range []string{"txt", "html", "docx", "pdf"} {
		docs := inputs[format]
		if len(docs) == 0 {
			continue
		}
		b.Run(format, func(b *testing.B) {
			var n int64
			for _, d := range docs {
				n += int64(len(d))
			}
			b.SetBytes(n)
			for b.Loop() {
				for _, d := range docs {
					if _, err := ingest.Bytes("bench."+format, format, d, ingest.Options{}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
