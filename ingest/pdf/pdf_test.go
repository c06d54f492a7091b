package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// minimalPDF builds a valid one-page PDF showing lines of ASCII text.
func minimalPDF(lines ...string) []byte {
	var content bytes.Buffer
	content.WriteString("BT /F1 12 Tf 72 720 Td 14 TL\n")
	for _, l := range lines {
		fmt.Fprintf(&content, "(%s) Tj T*\n", l)
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

func TestParseEngines(t *testing.T) {
	raw := minimalPDF("Ke hoach so 12/KH-UBND", "I. MUC TIEU")
	engines := []Options{{PureGo: true}}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		engines = append(engines, Options{})
	} else {
		t.Log("pdftotext not installed (apt-get install poppler-utils): testing the pure-Go reader only")
	}
	for _, opt := range engines {
		res, err := Parse(raw, opt)
		if err != nil {
			t.Fatalf("Parse(PureGo=%v): %v", opt.PureGo, err)
		}
		if !strings.Contains(res.Text, "Ke hoach so 12/KH-UBND") || !strings.Contains(res.Text, "I. MUC TIEU") || len(res.Pages) != 1 {
			t.Errorf("Parse(PureGo=%v) = %q, pages %v (%s)", opt.PureGo, res.Text, res.Pages, res.Engine)
		}
	}
}

func TestParseErrors(t *testing.T) {
	good := minimalPDF("x")
	blank := minimalPDF()
	for _, tc := range []struct {
		name string
		in   []byte
		want error
	}{
		{"not a pdf", []byte("\x7fELF\x00\x01"), ErrNotPDF},
		{"truncated", good[:len(good)/2], ErrTruncated},
		{"no text", blank, ErrNoTextLayer},
	} {
		for _, pure := range []bool{true, false} {
			if _, err := Parse(tc.in, Options{PureGo: pure}); !errors.Is(err, tc.want) {
				t.Errorf("%s (PureGo=%v): error %v, want %v", tc.name, pure, err, tc.want)
			}
		}
	}
	if ok, hint := OCRAvailable(); !ok {
		_, err := Parse(blank, Options{OCR: true})
		if !errors.Is(err, ErrNoTextLayer) || !strings.Contains(err.Error(), "apt-get install") {
			t.Errorf("OCR without tesseract: %v, want a message saying what to install (%s)", err, hint)
		}
	}
}

// TestLayoutPages reads pdftotext -bbox-layout output: a word split by a
// diacritic is joined, a paragraph keeps its lines, side-by-side blocks
// on consecutive rows become pipe rows.
func TestLayoutPages(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "bbox.html"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pages, err := LayoutPages(f)
	if err != nil {
		t.Fatal(err)
	}
	want := "phát triển chính quyền số\ncủa tỉnh\n\n| STT | Tên dự án | Kinh phí |\n|---|---|---|\n| 1 | Thuê dịch vụ | 2.000 |\n\nTM. ỦY BAN NHÂN DÂN"
	if len(pages) != 1 || pages[0] != want {
		t.Errorf("LayoutPages = %q, want %q", pages, want)
	}
}

// TestMutations reads random corruptions of a valid PDF with the pure-Go
// reader: every panic must come back as an error.
func TestMutations(t *testing.T) {
	base := minimalPDF("Ke hoach", "1. Muc tieu")
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		b := append([]byte(nil), base...)
		for k := 0; k < 1+r.Intn(4); k++ {
			b[9+r.Intn(len(b)-20)] = byte(r.Intn(256))
		}
		Parse(b, Options{PureGo: true})
	}
}

func FuzzPDF(f *testing.F) {
	f.Add(minimalPDF("Ke hoach", "1. Muc tieu"))
	f.Add(minimalPDF())
	f.Fuzz(func(t *testing.T, raw []byte) {
		res, err := Parse(raw, Options{PureGo: true})
		if err != nil {
			return
		}
		for _, p := range res.Pages {
			if p[0] < 0 || p[1] < p[0] || p[1] > len(res.Text) {
				t.Fatalf("page span %v outside text of %d bytes", p, len(res.Text))
			}
		}
	})
}

func FuzzLayout(f *testing.F) {
	raw, _ := os.ReadFile(filepath.Join("testdata", "bbox.html"))
	f.Add(string(raw))
	f.Fuzz(func(t *testing.T, s string) {
		LayoutPages(strings.NewReader(s))
	})
}

// scannedPDF renders a text PDF to a grey image with pdftoppm and wraps
// the pixels in a PDF with no text layer, as a scanner would.
func scannedPDF(t *testing.T, lines ...string) []byte {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.pdf")
	os.WriteFile(src, minimalPDF(lines...), 0o644)
	if out, err := exec.Command("pdftoppm", "-r", "150", "-gray", "-singlefile", src, filepath.Join(dir, "img")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	pgm, err := os.ReadFile(filepath.Join(dir, "img.pgm"))
	if err != nil {
		t.Fatal(err)
	}
	// PGM: "P5\n<w> <h>\n255\n" then pixels.
	var w, h, maxv int
	var hdr int
	if n, err := fmt.Sscanf(string(pgm[:min(len(pgm), 40)]), "P5\n%d %d\n%d\n", &w, &h, &maxv); err != nil || n != 3 {
		t.Fatalf("pgm header: %v", err)
	}
	hdr = len(pgm) - w*h
	pix := pgm[hdr:]
	content := fmt.Sprintf("q 612 0 0 792 0 0 cm /Im1 Do Q\n")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(content), content),
		fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Length %d >>\nstream\n%s\nendstream", w, h, len(pix), pix),
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

func TestOCR(t *testing.T) {
	if ok, hint := OCRAvailable(); !ok {
		t.Skipf("OCR tools missing (%s); CI installs them", hint)
	}
	raw := scannedPDF(t, "KE HOACH SO 326/KH-UBND", "Tong kinh phi 16.368 trieu dong")
	if _, err := Parse(raw, Options{}); !errors.Is(err, ErrNoTextLayer) || !strings.Contains(err.Error(), "--ocr") {
		t.Errorf("scanned PDF without --ocr: %v, want ErrNoTextLayer naming --ocr", err)
	}
	res, err := Parse(raw, Options{OCR: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "326/KH-UBND") || res.Engine != "tesseract" {
		t.Errorf("OCR text = %q (%s)", res.Text, res.Engine)
	}
}

func TestDropPageNumbers(t *testing.T) {
	pages := []string{
		"KẾ HOẠCH\n\nNội dung trang một và",
		"2\n\ntiếp theo trang hai\n\n150",
		"- 3 -\n\nTổng 16.368 triệu",
		"4\n\nHết.",
	}
	want := []string{
		"KẾ HOẠCH\n\nNội dung trang một và",
		"tiếp theo trang hai\n\n150",
		"Tổng 16.368 triệu",
		"Hết.",
	}
	got := dropPageNumbers(pages)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("page %d = %q, want %q", i+1, got[i], want[i])
		}
	}
	// Lone figures that do not follow the page order stay.
	figures := []string{"100\n\nA", "7\n\nB", "250\n\nC"}
	if got := dropPageNumbers(figures); strings.Join(got, "|") != strings.Join(figures, "|") {
		t.Errorf("dropPageNumbers dropped figures: %q", got)
	}
}
