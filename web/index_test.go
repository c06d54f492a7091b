package web

import (
	"strings"
	"testing"
)

// TestIndexSearch: the pages over the real index find plans without
// diacritics, filter, count facets and link records to their place.
func TestIndexSearch(t *testing.T) {
	s, st := newTestServer(t, func(o *Options) { o.Search = sampleSearcher(t, o.Store) })
	cao := docIDOf(t, st, "002_")
	// A filter the index refuses is the user's error, shown as such.
	if w := get(t, s, "/search?q=x&province=zzz"); w.Code != 400 || !strings.Contains(w.Body.String(), "zzz") {
		t.Errorf("unknown province = %d", w.Code)
	}
	if w := get(t, s, "/api/search?q=x&province=zzz"); w.Code != 400 || !strings.Contains(w.Body.String(), `"error"`) {
		t.Errorf("api unknown province = %d", w.Code)
	}
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/search?q=dich+vu+cong+truc+tuyen", []string{"kết quả", "<mark>", "/doc/" + cao}},
		{"/search?q=chinh+quyen+so&province=cao+bang", []string{"2893/QĐ-UBND"}},
		{"/search?q=LGSP&kind=target", []string{`class="k-target swatch"`, "#t"}},
		{"/api/search?q=muc+do+4", []string{`"facets"`, `"field": "province"`, `"snippets"`}},
		{"/search?q=lgsp&kind=doc", []string{"kết quả"}},
		{"/search?q=dich+vu+cong+truc+tuyen&size=2&page=2", []string{`rel="prev"`, `rel="next"`, `<span class="cur">2</span>`, "/search?page=3&amp;q=dich&#43;vu&#43;cong&#43;truc&#43;tuyen&amp;size=2"}},
		{"/search?q=chinh+quyen+so&year=2023", []string{`<option selected>2023</option>`}},
		{"/search?q=chinh+quyen+so&province=Cao+B%E1%BA%B1ng&year=1999", []string{"<strong>0</strong>", "Không tìm thấy văn bản nào."}},
	} {
		w := get(t, s, tc.path)
		if w.Code != 200 {
			t.Fatalf("GET %s = %d\n%s", tc.path, w.Code, clip(w.Body.String()))
		}
		for _, x := range tc.want {
			if !strings.Contains(w.Body.String(), x) {
				t.Errorf("GET %s lacks %q\n%s", tc.path, x, clip(w.Body.String()))
			}
		}
	}
	// Without diacritics and with them: the same documents.
	a := get(t, s, "/api/search?q=chuyen+doi+so").Body.String()
	b := get(t, s, "/api/search?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91").Body.String()
	if total(a) == "" || total(a) != total(b) {
		t.Errorf("totals differ with and without diacritics: %q vs %q", total(a), total(b))
	}
}

func total(body string) string {
	i := strings.Index(body, `"total": `)
	if i < 0 {
		return ""
	}
	j := strings.IndexAny(body[i+9:], ",\n")
	return body[i+9 : i+9+j]
}

// TestIndexCompare: the compare page over package compare shows the
// province rows with the national target, a chart, and downloads that
// are compare.Export's bytes.
func TestIndexCompare(t *testing.T) {
	s, _ := newTestServer(t, func(o *Options) { o.Compare = sampleComparer(t, o.Store) })
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/compare?by=indicator&key=" + compareKey, []string{"<svg", `class="bar"`, `class="national"`, "Mục tiêu quốc gia", "/province/04", "?hl="}},
		{"/compare?by=budget", []string{"<svg", "tỷ đồng", "Bình Định"}},
		{"/compare?by=budget&now=1", []string{"Gia Lai"}},
		{"/compare?by=citation&key=749%2FQ%C4%90-TTg", []string{"Số lần dẫn", "Cao Bằng"}},
		{"/api/compare?by=indicator&key=" + compareKey, []string{`"national"`, `"value"`}},
		{"/compare?by=province&key=Cao+B%E1%BA%B1ng", []string{"2893/QĐ-UBND", "Mục tiêu quốc gia", "/compare?by=indicator&amp;key=gov."}},
		{"/compare?by=province&pkey=Cao+B%E1%BA%B1ng", []string{"2893/QĐ-UBND"}},
		{"/province/04", []string{"/compare?by=province&amp;key=Cao%20B%e1%ba%b1ng"}},
	} {
		w := get(t, s, tc.path)
		if w.Code != 200 {
			t.Fatalf("GET %s = %d\n%s", tc.path, w.Code, clip(w.Body.String()))
		}
		for _, x := range tc.want {
			if !strings.Contains(w.Body.String(), x) {
				t.Errorf("GET %s lacks %q", tc.path, x)
			}
		}
	}
	for _, f := range exportFormats {
		w := get(t, s, "/api/export?by=budget&format="+f)
		if w.Code != 200 || w.Body.Len() == 0 {
			t.Errorf("export %s = %d (%d bytes)", f, w.Code, w.Body.Len())
		}
		if ct := w.Header().Get("Content-Type"); ct != exportTypes[f] {
			t.Errorf("export %s Content-Type %q", f, ct)
		}
	}
}
