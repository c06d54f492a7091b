package html

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestPortalPage checks the text of a legal-portal page against its
// golden file (go test -update rewrites it).
func TestPortalPage(t *testing.T) {
	f, err := os.Open("testdata/portal.html")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, meta, err := Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(meta["title"], "Quyết định 2893/QĐ-UBND") {
		t.Errorf("title = %q", meta["title"])
	}
	for _, bad := range []string{"Quảng cáo", "Giới thiệu", "Trang chủ", "Đang tải", "Bản quyền", "not text", "Văn bản liên quan", "color:red"} {
		if strings.Contains(got, bad) {
			t.Errorf("text keeps boilerplate %q", bad)
		}
	}
	for _, want := range []string{
		"| STT | Tên nhiệm vụ | Kinh phí | Kinh phí |\n|---|---|---|---|\n| STT | Tên nhiệm vụ | Sự nghiệp | Đầu tư |",
		"| I | Hạ tầng kỹ thuật | Hạ tầng kỹ thuật | Hạ tầng kỹ thuật |",
		"| 1 | Nâng cấp hệ thống / hội nghị | 2.000 |  |",
		"Căn cứ Nghị định số 64/2007/NĐ-CP ngày 10 tháng 4 năm 2007 của Chính phủ¹;",
		"1. Môi trường pháp lý: Tỉnh đã ban hành nhiều văn bản.",
		"- Thuê dịch vụ CNTT;",
		"ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\n-------",
		"Số: 2893/QĐ-UBND",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	path := filepath.Join("testdata", "golden", "portal.txt")
	if *update {
		os.MkdirAll(filepath.Dir(path), 0o755)
		os.WriteFile(path, []byte(got), 0o644)
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("Parse(portal.html) (-want +got)\n%s", d)
	}
}

func TestParseOdd(t *testing.T) {
	for _, in := range []string{
		"", "<p>", "<table><tr><td rowspan=99999 colspan=99999>x</td></tr></table>",
		"<table><tr></tr><tr><td>a</td></tr></table>", "<p>Văn bản<sup>(2)</sup></p>",
		"<html><body><div><div><div>" + strings.Repeat("<p>Nội dung văn bản.</p>", 50) + "</div></div></div></body></html>",
	} {
		if _, _, err := Parse(strings.NewReader(in)); err != nil {
			t.Errorf("Parse(%q): %v", in, err)
		}
	}
}

func FuzzHTML(f *testing.F) {
	raw, _ := os.ReadFile("testdata/portal.html")
	f.Add(string(raw))
	f.Add("<table><tr><td rowspan=3>a</td><td colspan=2>b</td></tr><tr><td>c</td></tr></table>")
	f.Add("<p>a<sup>1</sup></p><ul><li>x</li></ul>")
	f.Fuzz(func(t *testing.T, s string) {
		got, _, err := Parse(strings.NewReader(s))
		if err != nil {
			return
		}
		_ = got
	})
}

// TestPortalFixtures reads the document pages the fetch package keeps as
// fixtures for each legal portal (read only; skipped when absent): each
// must give the document's text, not an empty page or the site's menus.
func TestPortalFixtures(t *testing.T) {
	pages, _ := filepath.Glob("../fetch/testdata/*/doc.html")
	if more, _ := filepath.Glob("../fetch/testdata/*/toanvan.html"); len(more) > 0 {
		pages = append(pages, more...)
	}
	if len(pages) == 0 {
		t.Skip("no portal fixtures in ../fetch/testdata")
	}
	for _, p := range pages {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := Parse(strings.NewReader(string(raw)))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if !strings.Contains(got, "Kon Tum") || utf8.RuneCountInString(got) < 100 || strings.Contains(got, "Đang tải nội dung") {
			t.Errorf("%s: text %q", p, clipText(got))
		}
	}
}

func clipText(s string) string {
	if r := []rune(s); len(r) > 300 {
		return string(r[:300]) + "…"
	}
	return s
}
