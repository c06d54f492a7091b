package fetch

import (
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

func FuzzParseRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /private/\nAllow: /private/open$\nCrawl-delay: 1\n"), "/private/x")
	f.Add([]byte("User-agent: kehoach\nDisallow: /*.pdf$\n"), "/a.pdf")
	f.Add([]byte(""), "/")
	f.Fuzz(func(t *testing.T, body []byte, path string) {
		r := ParseRobots(body)
		u := &url.URL{Scheme: "https", Host: "x.gov.vn", Path: path}
		a := r.Allowed("kehoach", u)
		if a != r.Allowed("kehoach", u) {
			t.Fatal("Allowed is not deterministic")
		}
		if r.CrawlDelay("kehoach") < 0 {
			t.Fatal("negative crawl delay")
		}
	})
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("<meta charset=windows-1258><p>K\xea\xec ho\xe5ch</p>"), "text/html")
	f.Add([]byte("\xef\xbb\xbfKế hoạch"), "")
	f.Add([]byte{0xff, 0xfe, 0x41, 0x00}, "text/plain; charset=utf-16")
	f.Fuzz(func(t *testing.T, body []byte, ct string) {
		s, _ := Decode(body, ct)
		if !utf8.ValidString(s) {
			t.Fatalf("Decode gave invalid UTF-8: %q", s)
		}
	})
}

// FuzzAdapters feeds arbitrary pages to every adapter: no panic, and the
// HTML handed to ingest is valid UTF-8 whenever the page was.
func FuzzAdapters(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add(`<table><tr><td>Số hiệu:</td><td>Số hiệu:</td></tr><tr><td>Lĩnh vực</td></tr></table>`)
	f.Fuzz(func(t *testing.T, text string) {
		for _, name := range Names() {
			a, _ := Lookup(name)
			for _, ct := range []string{"text/html", "application/json"} {
				p, err := NewPage("https://x.gov.vn/van-ban/a.aspx?page=2", ct, text)
				if err != nil {
					continue
				}
				a.ParseSearch(p)
				d, err := a.ParseDoc(p)
				if err == nil && d != nil && utf8.ValidString(text) && !utf8.Valid(d.HTML()) {
					t.Fatalf("%s: Doc.HTML is not valid UTF-8", name)
				}
			}
		}
	})
}
