package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// benchFiles lists the PDFs named by $KEHOACH_BENCH_PDFS (a glob; see
// compare_pdftotext.sh), or the built-in one-page PDF.
func benchFiles(b *testing.B) map[string][]byte {
	files := map[string][]byte{}
	if g := os.Getenv("KEHOACH_BENCH_PDFS"); g != "" {
		paths, _ := filepath.Glob(g)
		for _, p := range paths {
			raw, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			files[p] = raw
		}
	}
	if len(files) == 0 {
		files["minimal.pdf"] = minimalPDF(strings.Repeat("Ke hoach ung dung cong nghe thong tin ", 2), "1. Muc tieu")
	}
	return files
}

func total(files map[string][]byte) int64 {
	var n int64
	for _, f := range files {
		n += int64(len(f))
	}
	return n
}

// BenchmarkParse reads the PDFs the way ingest does (pdftotext
// -bbox-layout and the layout rebuild when installed).
func BenchmarkParse(b *testing.B) {
	files := benchFiles(b)
	b.SetBytes(total(files))
	for b.Loop() {
		for name, raw := range files {
			if _, err := Parse(raw, Options{}); err != nil {
				b.Fatalf("%s: %v", name, err)
			}
		}
	}
}

// BenchmarkParsePureGo reads them with the pure-Go fallback.
func BenchmarkParsePureGo(b *testing.B) {
	files := benchFiles(b)
	b.SetBytes(total(files))
	for b.Loop() {
		for _, raw := range files {
			Parse(raw, Options{PureGo: true})
		}
	}
}

// BenchmarkPdftotext runs plain "pdftotext file -" on the same files, the
// baseline BenchmarkParse is compared with.
func BenchmarkPdftotext(b *testing.B) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		b.Skip("pdftotext not installed")
	}
	files := benchFiles(b)
	dir := b.TempDir()
	var paths []string
	for name, raw := range files {
		p := filepath.Join(dir, filepath.Base(name))
		os.WriteFile(p, raw, 0o644)
		paths = append(paths, p)
	}
	b.SetBytes(total(files))
	for b.Loop() {
		for _, p := range paths {
			if err := exec.Command("pdftotext", "-enc", "UTF-8", p, "-").Run(); err != nil {
				b.Fatal(err)
			}
		}
	}
}
