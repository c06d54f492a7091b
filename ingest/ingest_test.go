package ingest_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	"kehoach/ingest"
	"kehoach/ingest/office"
	"kehoach/ingest/pdf"
	"kehoach/ingest/text"
)

// minimalPDF builds a small valid one-page PDF showing lines of ASCII
// text in Helvetica.
func minimalPDF(lines ...string) []byte {
	var content bytes.Buffer
	content.WriteString("BT /F1 12 Tf 72 720 Td 14 TL\n")
	for _, l := range lines {
		fmt.Fprintf(&content, "(%s) Tj T*\n", strings.NewReplacer(`(`, `\(`, `)`, `\)`, `\`, `\\`).Replace(l))
	}
	content.WriteString("ET\n")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// TestBatchWithBadFiles is the done-when of issues 2 and 3: a batch with
// an empty file, a binary file renamed .pdf and a truncated PDF ingests
// every good file and reports three clear errors naming the file.
func TestBatchWithBadFiles(t *testing.T) {
	dir := t.TempDir()
	good := minimalPDF("Ke hoach ung dung cong nghe thong tin nam 2021", "1. Muc tieu chung")
	files := map[string][]byte{
		"empty.txt":     nil,
		"binary.pdf":    bytes.Repeat([]byte{0x7f, 'E', 'L', 'F', 0, 1, 2, 3}, 64),
		"truncated.pdf": good[:len(good)/2],
		"good.pdf":      good,
		"good.txt":      []byte("KẾ HOẠCH\n\nI. MỤC TIÊU\n\nTỷ lệ 100% cơ quan.\n"),
		"good.html":     []byte("<html><body><p>Kế hoạch số 12/KH-UBND</p></body></html>"),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wantErr := map[string]error{
		"empty.txt":     ingest.ErrEmpty,
		"binary.pdf":    ingest.ErrBadFile,
		"truncated.pdf": ingest.ErrBadFile,
	}
	ok, failed := 0, 0
	for name := range files {
		path := filepath.Join(dir, name)
		doc, _, err := ingest.File(path, ingest.Options{})
		if want := wantErr[name]; want != nil {
			failed++
			var ie *ingest.Error
			if !errors.Is(err, want) || !errors.As(err, &ie) || !strings.Contains(err.Error(), path) {
				t.Errorf("File(%s) error = %v, want %v naming the file", name, err, want)
			}
			continue
		}
		if err != nil || strings.TrimSpace(doc.Text) == "" {
			t.Errorf("File(%s) = %v, want its text", name, err)
			continue
		}
		ok++
	}
	if ok != 3 || failed != 3 {
		t.Errorf("batch: %d ingested, %d failed; want 3 and 3", ok, failed)
	}
}

func TestUnsupportedAndMissingTools(t *testing.T) {
	_, err := ingest.Bytes("x.xyz", "xyz", []byte("data"), ingest.Options{})
	if !errors.Is(err, ingest.ErrUnsupportedFormat) {
		t.Errorf("Bytes(xyz) error = %v, want ErrUnsupportedFormat", err)
	}
	if _, ok := office.Binary(); !ok {
		_, err := ingest.Bytes("x.doc", "doc", []byte("data"), ingest.Options{})
		if !errors.Is(err, office.ErrNoLibreOffice) || !strings.Contains(err.Error(), "LibreOffice") {
			t.Errorf("Bytes(doc) without soffice: %v, want a message naming LibreOffice", err)
		}
	}
}

func TestPDFPureGoAndPages(t *testing.T) {
	raw := minimalPDF("Ke hoach so 12/KH-UBND", "I. MUC TIEU", "1. Muc tieu chung: tang 20% co quan.")
	doc, err := ingest.Bytes("plan.pdf", "pdf", raw, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "Ke hoach so 12/KH-UBND") || len(doc.Pages) != 1 || doc.Pages[0].End > len(doc.Text) {
		t.Errorf("pdf: text %q pages %v", doc.Text, doc.Pages)
	}
}

func TestLegacyEncodingsIngestAlike(t *testing.T) {
	raw, err := os.ReadFile("../testdata/corpus/004_9fba268cafe1d6b9.txt")
	if err != nil {
		t.Fatal(err)
	}
	orig := text.Representable(string(raw))
	want, err := ingest.Bytes("u.txt", "txt", []byte(orig), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, enc := range []string{text.TCVN3, text.VNI} {
		b, err := text.Encode(orig, enc)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ingest.Bytes(enc+".txt", "txt", b, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != want.Text || got.Meta["encoding"] != enc {
			t.Errorf("%s: ingest differs from the Unicode original (encoding %q)", enc, got.Meta["encoding"])
		}
	}
}

var (
	convertOnce sync.Once
	convertDir  string
	convertErr  error
)

// errNoSoffice says why conversions are skipped.
var errNoSoffice = errors.New("soffice not installed (apt-get install libreoffice-writer-nogui); CI installs it")

// convertSamples converts the five samples to PDF and DOCX with
// LibreOffice once per test binary and returns the directory.
func convertSamples() (string, error) {
	bin, ok := office.Binary()
	if !ok {
		return "", errNoSoffice
	}
	convertOnce.Do(func() {
		convertDir, convertErr = os.MkdirTemp("", "kehoach-conv-")
		if convertErr != nil {
			return
		}
		files, _ := filepath.Glob("../testdata/corpus/0*.txt")
		for _, f := range files {
			b, _ := os.ReadFile(f)
			os.WriteFile(filepath.Join(convertDir, filepath.Base(f)), b, 0o644)
		}
		ins, _ := filepath.Glob(filepath.Join(convertDir, "*.txt"))
		profile := "-env:UserInstallation=file://" + filepath.Join(convertDir, "profile")
		for _, target := range []string{"pdf", "docx"} {
			args := append([]string{"--headless", "--norestore", profile, "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", target, "--outdir", convertDir}, ins...)
			if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
				convertErr = fmt.Errorf("soffice: %v: %s", err, out)
				return
			}
		}
	})
	return convertDir, convertErr
}

// converted is convertSamples for tests: skipped in -short and without
// LibreOffice.
func converted(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("converting samples with LibreOffice is slow; skipped in -short")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not installed: PDFs are read with the pure-Go reader")
	}
	dir, err := convertSamples()
	if errors.Is(err, errNoSoffice) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestConvertedSamplesMatch is the done-when: each sample converted to
// PDF and DOCX by LibreOffice ingests to text matching the .txt ingest
// on at least 99% of characters. Measure: both texts with each run of
// whitespace folded to one space (a line wrap and a space are the same);
// similarity = LCS(a, b) / max(len(a), len(b)) in runes, the LCS found
// by Myers' O((N+M)·D) diff. The section trees are compared too.
func TestConvertedSamplesMatch(t *testing.T) {
	dir := converted(t)
	files, _ := filepath.Glob("../testdata/corpus/0*.txt")
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".txt")
		want, _, err := ingest.File(f, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, ext := range []string{"pdf", "docx"} {
			got, _, err := ingest.File(filepath.Join(dir, base+"."+ext), ingest.Options{})
			if err != nil {
				t.Errorf("%s.%s: %v", base, ext, err)
				continue
			}
			for i, p := range got.Pages {
				if !p.Valid(got.Text) || (i > 0 && p.Start < got.Pages[i-1].End) {
					t.Errorf("%s.%s: page %d span %v invalid or out of order", base, ext, i+1, p)
				}
			}
			sim := Similarity(want.Text, got.Text)
			t.Logf("%s.%s: similarity %.4f, %d sections (txt %d), %d pages", base, ext, sim, len(got.Sections), len(want.Sections), len(got.Pages))
			if sim < 0.99 {
				t.Errorf("%s.%s: similarity %.4f to the .txt ingest, want >= 0.99", base, ext, sim)
			}
			if ext == "pdf" {
				// The pure-Go fallback, for machines without poppler.
				raw, _ := os.ReadFile(filepath.Join(dir, base+".pdf"))
				res, err := pdf.Parse(raw, pdf.Options{PureGo: true})
				if err != nil {
					t.Errorf("%s.pdf pure Go: %v", base, err)
					continue
				}
				sim := Similarity(want.Text, ingest.Normalize(res.Text))
				t.Logf("%s.pdf pure Go: similarity %.4f", base, sim)
				if sim < 0.99 {
					t.Errorf("%s.pdf pure Go: similarity %.4f to the .txt ingest, want >= 0.99", base, sim)
				}
			}
		}
	}
}

// Similarity compares two texts with each run of whitespace folded to
// one space: the longest common subsequence of runes over the longer
// length. It gives up (0) when more than 5% of the runes differ.
func Similarity(a, b string) float64 {
	x, y := squeeze(a), squeeze(b)
	n, m := len(x), len(y)
	if n == 0 && m == 0 {
		return 1
	}
	maxD := max((n+m)/20, 64)
	lcs, ok := lcsLen(x, y, maxD)
	if !ok {
		return 0
	}
	return float64(lcs) / float64(max(n, m))
}

func squeeze(s string) []rune {
	var out []rune
	space := true
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				out = append(out, ' ')
			}
			space = true
			continue
		}
		out = append(out, r)
		space = false
	}
	if len(out) > 0 && out[len(out)-1] == ' ' {
		out = out[:len(out)-1]
	}
	return out
}

// lcsLen is Myers' greedy shortest-edit-script search; LCS = (N+M-D)/2.
func lcsLen(a, b []rune, maxD int) (int, bool) {
	n, m := len(a), len(b)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	for d := 0; d <= maxD; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				return (n + m - d) / 2, true
			}
		}
	}
	return 0, false
}

func TestSimilarity(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"abc", "abc", 1},
		{"a b\nc", "a\n\nb c", 1},
		{"abcdefghij", "abcdefghiX", 0.9},
	} {
		if got := Similarity(tc.a, tc.b); got != tc.want {
			t.Errorf("Similarity(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
