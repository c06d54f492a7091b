package web

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"kehoach/corpus"
)

// FuzzSegments: for any text and marks, the runs put back together are
// the text, every run is valid UTF-8 when the text is, and nothing panics.
func FuzzSegments(f *testing.F) {
	f.Add("Kế hoạch 30% dịch vụ công", 0, 5, 3, 9, 8, 40)
	f.Add("abc", -1, 2, 2, 1, 0, 3)
	f.Add("", 0, 0, 0, 0, 0, 0)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, g int) {
		ms := []mark{
			{Span: corpus.Span{Start: a, End: b}, Class: "target", ID: "t0"},
			{Span: corpus.Span{Start: c, End: d}, Class: "budget", ID: "b0"},
			{Span: corpus.Span{Start: e, End: g}, Class: "citation", ID: "c0"},
		}
		segs := segments(text, ms)
		var sb strings.Builder
		for _, s := range segs {
			sb.WriteString(s.Text)
			if utf8.ValidString(text) && !utf8.ValidString(s.Text) {
				t.Fatalf("run %q cuts a character of %q", s.Text, text)
			}
		}
		if sb.String() != text {
			t.Fatalf("segments(%q) rebuild %q", text, sb.String())
		}
	})
}

// FuzzParseQuery: any query string parses to a query that stays within
// the limits, or to an error message; none panics.
func FuzzParseQuery(f *testing.F) {
	f.Add("q=dich+vu&year=2021&page=3&size=20&kind=target")
	f.Add("year=abc&page=-1")
	f.Add("hl=5-3&by=indicator&key=x&format=csv")
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, pg, bad := parseQuery(v)
		if bad == "" {
			if q.Size < 1 || q.Size > 100 || pg < 1 || pg > 1000 || q.From < 0 {
				t.Fatalf("parseQuery(%q) = %+v page %d", raw, q, pg)
			}
		}
		parseCompare(v)
		if sp := parseSpan(v.Get("hl")); sp != nil && (sp.Start < 0 || sp.End <= sp.Start) {
			t.Fatalf("parseSpan(%q) = %+v", v.Get("hl"), sp)
		}
	})
}
