package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"kehoach/corpus"
)

func newTestServer(t testing.TB, mod func(*Options)) (*Server, Store) {
	t.Helper()
	st := sampleStore(t)
	opt := Options{
		Store:   st,
		Search:  &fakeSearcher{st: st},
		Compare: fakeComparer{st: st},
		Logf:    t.Logf,
	}
	if mod != nil {
		mod(&opt)
	}
	s, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	return s, st
}

func get(t testing.TB, h http.Handler, target string, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("GET", target, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// docIDOf finds the stored document of a sample.
func docIDOf(t testing.TB, st Store, sample string) string {
	for _, e := range st.Entries() {
		if strings.Contains(e.Source, sample) {
			return e.ID
		}
	}
	t.Fatalf("no sample %s", sample)
	return ""
}

func TestPages(t *testing.T) {
	s, st := newTestServer(t, nil)
	cao := docIDOf(t, st, "002_")
	for _, tc := range []struct {
		path string
		code int
		want []string
		lang string
	}{
		{"/", 200, []string{"Tìm kiếm", `name="q"`, "Kế hoạch CNTT các tỉnh"}, ""},
		{"/", 200, []string{"Search", "Provincial IT plans"}, "en"},
		{"/search?q=dich+vu+cong+truc+tuyen", 200, []string{"kết quả", "<mark>", "/doc/" + cao}, ""},
		{"/search?q=chinh+quyen+so&province=Cao+B%E1%BA%B1ng", 200, []string{"2893/QĐ-UBND", "chip"}, ""},
		{"/search?q=x&year=abc", 400, []string{"bad year"}, ""},
		{"/search?q=x&kind=magic", 400, []string{"bad kind"}, ""},
		{"/documents", 200, []string{"2893/QĐ-UBND", "5362/QĐ-UBND", "/province/04"}, ""},
		{"/doc/" + cao, 200, []string{`<mark class="k-target">`, `<mark class="k-citation">`, `<mark class="k-budget">`, `id="t0"`, `href="#t0"`, "Cao Bằng", "/doc/" + cao + "/raw", "Mục lục", `href="#s`}, ""},
		{"/doc/" + cao + "?hl=289-302", 200, []string{`id="hit"`, `k-hit`}, ""},
		{"/doc/" + cao + "?hl=99999999-100000000", 200, []string{`k-target`}, ""},
		{"/compare", 200, []string{"So sánh", `name="ikey"`, compareKey}, ""},
		{"/compare?by=indicator&key=" + compareKey, 200, []string{"<svg", `class="bar"`, "/api/export?by=indicator&amp;format=csv&amp;key=" + compareKey, "Mục tiêu quốc gia", "80% (749/QĐ-TTg, 2025)"}, ""},
		{"/compare?by=indicator&ikey=" + compareKey, 200, []string{"<svg"}, ""},
		{"/compare?by=magic", 400, []string{"bad by"}, ""},
		{"/provinces", 200, []string{"Gia Lai", "Bình Định", "/province/52"}, ""},
		{"/province/04", 200, []string{"Cao Bằng", "2893/QĐ-UBND", "Mục tiêu và kết quả", "k-achieved", "/citation?key="}, ""},
		{"/province/kon%20tum", 200, []string{"Kon Tum", "Quảng Ngãi", "Hợp nhất cùng"}, ""},
		{"/province/kon%20tum", 200, []string{"Merged with", "Part of"}, "en"},
		{"/province/999", 404, []string{"Không tìm thấy"}, ""},
		{"/citations", 200, []string{"749/QĐ-TTg", "/citation?key=749%2fQ%c4%90-TTg"}, ""},
		{"/citation?key=749%2FQ%C4%90-TTg", 200, []string{"Kế hoạch dựa trên văn bản này", "2893/QĐ-UBND", "#c", "Chuyển đổi số quốc gia", "Thủ tướng", "Trung ương"}, ""},
		{"/citations?all=1", 200, []string{"749/QĐ-TTg", "Văn bản trung ương"}, ""},
		{"/citation?key=nope", 404, nil, ""},
		{"/nope", 404, []string{"Không tìm thấy trang"}, ""},
		{"/upload", 404, nil, ""},
		{"/static/style.css", 200, []string{"--c-target"}, ""},
		{"/static/app.js", 200, []string{"autosubmit"}, ""},
	} {
		t.Run(tc.path+"/"+tc.lang, func(t *testing.T) {
			var w *httptest.ResponseRecorder
			if tc.lang != "" {
				w = get(t, s, tc.path, "Cookie", "lang="+tc.lang)
			} else {
				w = get(t, s, tc.path)
			}
			body := w.Body.String()
			if w.Code != tc.code {
				t.Fatalf("GET %s = %d, want %d\n%s", tc.path, w.Code, tc.code, clip(body))
			}
			for _, x := range tc.want {
				if !strings.Contains(body, x) {
					t.Errorf("GET %s: body lacks %q\n%s", tc.path, x, clip(body))
				}
			}
			checkHeaders(t, w)
		})
	}
}

func clip(s string) string {
	if len(s) > 1500 {
		return s[:1500] + "…"
	}
	return s
}

func checkHeaders(t testing.TB, w *httptest.ResponseRecorder) {
	t.Helper()
	h := w.Header()
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") && !strings.Contains(csp, "sandbox") {
		t.Errorf("CSP = %q", csp)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("X-Content-Type-Options = %q", h.Get("X-Content-Type-Options"))
	}
}

// TestMessages: every key has both languages.
func TestMessages(t *testing.T) {
	for k := range messages["vi"] {
		if _, ok := messages["en"][k]; !ok {
			t.Errorf("no English for %q", k)
		}
	}
	for k := range messages["en"] {
		if _, ok := messages["vi"][k]; !ok {
			t.Errorf("no Vietnamese for %q", k)
		}
	}
}

func TestAPI(t *testing.T) {
	s, st := newTestServer(t, nil)
	cao := docIDOf(t, st, "002_")
	for _, tc := range []struct {
		path string
		code int
		want []string
	}{
		{"/api/search?q=dich+vu+cong", 200, []string{`"total"`, `"hits"`, `"snippets"`, `"number": "2893/QĐ-UBND"`}},
		{"/api/search?q=x&size=1000", 400, []string{"bad size"}},
		{"/api/documents", 200, []string{`"total": 5`, cao}},
		{"/api/documents/" + cao, 200, []string{`"record"`, `"targets"`, `"span": [`}},
		{"/api/documents/" + cao + "?text=1", 200, []string{`"text": "Hệ thống pháp luật`}},
		{"/api/documents/abc", 404, []string{`"error"`}},
		{"/api/records?kind=target&province=cao+bang", 200, []string{`"kind": "target"`, `"anchor": "t`}},
		{"/api/records?kind=achieved&province_now=Gia+Lai", 200, []string{`"kind": "achieved"`}},
		{"/api/records?kind=bad", 400, []string{"bad kind"}},
		{"/api/records?year=x", 400, []string{"bad year"}},
		{"/api/records?citation=749%2FQ%C4%90-TTg", 200, []string{`"number": "749/QĐ-TTg"`}},
		{"/api/compare?by=indicator&key=" + compareKey, 200, []string{`"rows"`, `"national"`}},
		{"/api/compare", 400, []string{"missing by"}},
		{"/api/compare?by=indicator", 400, []string{"missing key"}},
		{"/api/export?by=indicator&key=" + compareKey + "&format=csv", 200, []string{"province,value\n"}},
		{"/api/export?by=indicator&key=" + compareKey + "&format=pdf", 400, []string{"bad format"}},
		{"/api/provinces/04", 200, []string{`"now": "Cao Bằng"`, `"documents"`}},
		{"/api/provinces/xx", 404, nil},
		{"/api/citations", 200, []string{`"key": "749/QĐ-TTg"`}},
	} {
		t.Run(tc.path, func(t *testing.T) {
			w := get(t, s, tc.path)
			body := w.Body.String()
			if w.Code != tc.code {
				t.Fatalf("GET %s = %d, want %d\n%s", tc.path, w.Code, tc.code, clip(body))
			}
			if ct := w.Header().Get("Content-Type"); tc.code != 200 || !strings.HasPrefix(tc.path, "/api/export") {
				if !strings.HasPrefix(ct, "application/json") {
					t.Errorf("GET %s: Content-Type %q, want JSON", tc.path, ct)
				}
				var v any
				if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
					t.Errorf("GET %s: not JSON: %v", tc.path, err)
				}
			}
			for _, x := range tc.want {
				if !strings.Contains(body, x) {
					t.Errorf("GET %s: body lacks %q\n%s", tc.path, x, clip(body))
				}
			}
			checkHeaders(t, w)
		})
	}
	// The export is a download with the comparer's own bytes.
	w := get(t, s, "/api/export?by=indicator&key="+compareKey+"&format=csv")
	if cd := w.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") || !strings.Contains(cd, "compare-"+compareKey+".csv") {
		t.Errorf("Content-Disposition = %q", cd)
	}
	var want bytes.Buffer
	fakeComparer{st: st}.Export(nil, CompareQuery{By: "indicator", Key: compareKey}, "csv", &want)
	if w.Body.String() != want.String() {
		t.Errorf("export body differs from the comparer's:\n%s\nwant\n%s", w.Body, want.String())
	}
}

// TestNoSearchNoCompare: without an index or a comparer the pages say so.
func TestNoSearchNoCompare(t *testing.T) {
	s, _ := newTestServer(t, func(o *Options) { o.Search, o.Compare = nil, nil })
	for _, tc := range []struct {
		path string
		code int
		want string
	}{
		{"/search?q=x", 200, "Chưa có chỉ mục"},
		{"/compare?by=budget", 200, "chưa sẵn sàng"},
		{"/api/search?q=x", 503, "no search index"},
		{"/api/compare?by=budget", 501, "not available"},
		{"/api/export?by=budget", 501, "not available"},
	} {
		w := get(t, s, tc.path)
		if w.Code != tc.code || !strings.Contains(w.Body.String(), tc.want) {
			t.Errorf("GET %s = %d %q, want %d ~ %q", tc.path, w.Code, clip(w.Body.String()), tc.code, tc.want)
		}
	}
}

// hostileStore holds one document whose every string is markup.
type hostileStore struct{ text string }

const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>`

var evilID = strings.Repeat("ab", 32)

func (h hostileStore) Entries() []corpus.Entry {
	return []corpus.Entry{{Source: `"><script>alert(2)</script>.txt`, ID: evilID, Format: "txt", Status: corpus.StatusOK}}
}
func (h hostileStore) Document(id string) (*corpus.Document, error) {
	if id != evilID {
		return nil, corpus.ErrNotFound
	}
	return &corpus.Document{ID: id, Text: h.text, Format: "txt"}, nil
}
func (h hostileStore) Extraction(id string) (*corpus.Extraction, error) {
	if id != evilID {
		return nil, corpus.ErrNotFound
	}
	i := strings.Index(h.text, "<script>")
	y := 2025
	return &corpus.Extraction{
		Document:  corpus.DocMeta{Number: evil, Type: evil, Title: evil, Province: "Cao Bằng", Issuer: evil},
		Citations: []corpus.Citation{{Type: evil, Number: evil, Title: evil, Quote: evil, Span: corpus.Span{Start: i, End: i + len("<script>")}}},
		Targets:   []corpus.Target{{Kind: "target", Subject: evil, Unit: evil, Indicator: evil, Year: &y, Span: corpus.Span{Start: i, End: i + 20}}},
		Budgets:   []corpus.Budget{{Kind: "total", Label: evil, Source: evil, AmountVND: 1e9}},
		Projects:  []corpus.Project{{Name: evil, Group: evil}},
		Warnings:  []string{evil},
	}, nil
}
func (h hostileStore) Raw(id string) ([]byte, error) { return []byte(h.text), nil }

// TestEscaping: a plan made of markup shows as text on every page.
func TestEscaping(t *testing.T) {
	st := hostileStore{text: "Kế hoạch " + evil + " hết."}
	s, err := New(Options{
		Store: st,
		Search: &fakeSearcher{fn: func(q Query) (*Results, error) {
			return &Results{Total: 1, Hits: []Hit{{ID: evilID, Snippets: []Snippet{{Text: evil, Marks: []corpus.Span{{Start: 0, End: 8}}, At: 0}}}},
				Facets: []Facet{{Field: "province", Values: []FacetValue{{Value: evil, Count: 1}}}}}, nil
		}},
		Compare: evilComparer{},
		Logf:    t.Logf,
	})
	if err != nil {
		t.Fatal(err)
	}
	q := url.QueryEscape(evil)
	for _, path := range []string{
		"/search?q=" + q, "/search?q=x&province=" + q, "/documents", "/doc/" + evilID, "/province/04", "/citations",
		"/citation?key=" + q, "/compare?by=indicator&key=" + q,
	} {
		w := get(t, s, path)
		body := w.Body.String()
		if w.Code >= 500 {
			t.Fatalf("GET %s = %d\n%s", path, w.Code, body)
		}
		if strings.Contains(body, "<script>") || strings.Contains(body, "<img") || strings.Contains(body, "\"><script") {
			t.Errorf("GET %s: unescaped markup in the page:\n%s", path, clip(body[strings.Index(body, "<main>"):]))
		}
		if path == "/doc/"+evilID && !strings.Contains(body, "&lt;script&gt;") {
			t.Errorf("GET %s: the text does not show the markup as text", path)
		}
	}
	// The raw file is plain text in a sandbox.
	w := get(t, s, "/doc/"+evilID+"/raw")
	if ct := w.Header().Get("Content-Type"); ct != "text/plain; charset=utf-8" {
		t.Errorf("raw Content-Type %q", ct)
	}
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "sandbox") {
		t.Errorf("raw CSP %q, want sandbox", csp)
	}
	if cd := w.Header().Get("Content-Disposition"); strings.Contains(cd, "<") || strings.Contains(cd, "\"><") {
		t.Errorf("raw Content-Disposition %q", cd)
	}
}

type evilComparer struct{}

func (evilComparer) Compare(_ context.Context, q CompareQuery) (*Table, error) {
	v := 5.0
	return &Table{Title: evil, Unit: evil, Columns: []string{evil}, National: &Cell{Text: evil, Value: &v},
		Rows: []TableRow{{Label: evil, Value: &v, Cells: []Cell{{Text: evil}}}}, Notes: []string{evil}}, nil
}
func (evilComparer) Export(_ context.Context, q CompareQuery, f string, w io.Writer) (string, string, error) {
	return "text/csv", evil, nil
}

// TestLimitsAndTraversal: long queries, bad IDs, paths that try to climb
// out of the store or the assets, and the HTML original as attachment.
func TestLimitsAndTraversal(t *testing.T) {
	s, st := newTestServer(t, nil)
	cao := docIDOf(t, st, "002_")
	long := strings.Repeat("a", MaxQueryBytes+1)
	for _, tc := range []struct {
		path string
		code int
	}{
		{"/search?q=" + long, http.StatusRequestURITooLong},
		{"/api/search?q=" + long, http.StatusRequestURITooLong},
		{"/doc/../../etc/passwd/raw", http.StatusNotFound},
		{"/doc/..%2f..%2fmanifest.json/raw", http.StatusNotFound},
		{"/doc/" + strings.Repeat("0", 64) + "/raw", http.StatusNotFound},
		{"/doc/" + cao[:10] + "/raw", http.StatusNotFound},
		{"/doc/" + strings.ToUpper(cao) + "/raw", http.StatusNotFound},
		{"/static/", http.StatusNotFound},
		{"/static/..%2fserver.go", http.StatusNotFound},
		{"/static/../web.go", http.StatusNotFound},
		{"/templates/layout.html", http.StatusNotFound},
		{"/lang/fr", http.StatusNotFound},
		{"/doc/" + cao + "/raw", http.StatusOK},
	} {
		w := get(t, s, tc.path)
		// ServeMux cleans ".." paths with a redirect; follow it once.
		if w.Code == http.StatusMovedPermanently || w.Code == http.StatusTemporaryRedirect {
			w = get(t, s, w.Header().Get("Location"))
		}
		if w.Code != tc.code {
			t.Errorf("GET %s = %d, want %d", clip(tc.path), w.Code, tc.code)
		}
		if strings.Contains(w.Body.String(), "\"source\"") && tc.code != 200 {
			t.Errorf("GET %s leaked a store file", tc.path)
		}
	}
	// Language switch: only local redirects.
	for next, want := range map[string]string{"/compare?by=budget": "/compare?by=budget", "//evil.example/": "/", "https://evil.example/": "/", `/\evil`: "/"} {
		w := get(t, s, "/lang/en?next="+url.QueryEscape(next))
		if w.Code != http.StatusSeeOther || w.Header().Get("Location") != want {
			t.Errorf("lang switch next=%q: %d Location %q, want %q", next, w.Code, w.Header().Get("Location"), want)
		}
	}
	// A body on a GET is cut at MaxFormBytes (no handler reads it, but
	// nothing should either).
	req := httptest.NewRequest("GET", "/", strings.NewReader(strings.Repeat("x", MaxFormBytes*2)))
	rw := httptest.NewRecorder()
	s.ServeHTTP(rw, req)
	if rw.Code != 200 {
		t.Errorf("GET / with a body = %d", rw.Code)
	}
}

// TestTimeout: a handler slower than the timeout answers 503.
func TestTimeout(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	s, _ := newTestServer(t, func(o *Options) {
		o.Timeout = 50 * time.Millisecond
		o.Search = &fakeSearcher{fn: func(q Query) (*Results, error) {
			<-release
			return &Results{}, nil
		}}
	})
	w := get(t, s, "/api/search?q=slow")
	if w.Code != http.StatusServiceUnavailable {
		t.Errorf("slow search = %d, want 503", w.Code)
	}
}

func upload(t *testing.T, h http.Handler, name string, body []byte, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(body)
	mw.Close()
	req := httptest.NewRequest("POST", "/api/ingest", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func TestIngest(t *testing.T) {
	// Read-only by default: no route.
	ro, _ := newTestServer(t, nil)
	if w := upload(t, ro, "a.txt", []byte("x")); w.Code != http.StatusMethodNotAllowed && w.Code != http.StatusNotFound {
		t.Errorf("upload on a read-only server = %d", w.Code)
	}
	var got []string
	s, _ := newTestServer(t, func(o *Options) {
		o.AllowIngest = true
		o.MaxUpload = 1000
		o.Ingest = func(source, format string, raw []byte) (string, error) {
			got = append(got, source+"|"+format+"|"+string(raw))
			if strings.Contains(string(raw), "broken") {
				return "", errors.New("ingest: broken file")
			}
			return strings.Repeat("cd", 32), nil
		}
	})
	for _, tc := range []struct {
		name string
		body string
		hdr  []string
		code int
		want string
	}{
		{"plan.txt", "Kế hoạch", nil, http.StatusCreated, `"url": "/doc/cdcd`},
		{"../../etc/passwd.txt", "x", nil, http.StatusCreated, `"source": "upload/passwd.txt"`},
		{"page.HTM", "<p>x</p>", nil, http.StatusCreated, `"source": "upload/page.HTM"`},
		{"tool.exe", "MZ", nil, http.StatusUnsupportedMediaType, "not accepted"},
		{"noext", "x", nil, http.StatusUnsupportedMediaType, "not accepted"},
		{"big.txt", strings.Repeat("x", 1001), nil, http.StatusRequestEntityTooLarge, "larger than"},
		{"huge.txt", strings.Repeat("x", 200<<10), nil, http.StatusRequestEntityTooLarge, "larger than"},
		{"broken.txt", "broken", nil, http.StatusUnprocessableEntity, "broken file"},
		{"plan.txt", "x", []string{"Sec-Fetch-Site", "cross-site"}, http.StatusForbidden, "cross-site"},
		{"plan.txt", "x", []string{"Origin", "http://evil.example"}, http.StatusForbidden, "cross-origin"},
		{"plan.txt", "x", []string{"Origin", "http://example.com"}, http.StatusCreated, "upload/plan.txt"},
	} {
		w := upload(t, s, tc.name, []byte(tc.body), tc.hdr...)
		if w.Code != tc.code || !strings.Contains(w.Body.String(), tc.want) {
			t.Errorf("upload %s %v = %d %s, want %d ~ %q", tc.name, tc.hdr, w.Code, w.Body, tc.code, tc.want)
		}
	}
	if len(got) == 0 || got[0] != "upload/plan.txt|txt|Kế hoạch" {
		t.Errorf("ingest calls %q", got)
	}
	for _, g := range got {
		if strings.Contains(g, "exe") || strings.Contains(g, "big.txt") {
			t.Errorf("ingested a refused upload: %q", g)
		}
	}
	if w := get(t, s, "/upload"); w.Code != 200 || !strings.Contains(w.Body.String(), `enctype="multipart/form-data"`) {
		t.Errorf("upload page = %d", w.Code)
	}
	// Not multipart.
	req := httptest.NewRequest("POST", "/api/ingest", strings.NewReader("x"))
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	if w.Code != http.StatusBadRequest {
		t.Errorf("non-multipart upload = %d", w.Code)
	}
}

func TestSegments(t *testing.T) {
	text := "abcdefghij"
	for _, tc := range []struct {
		name  string
		marks []mark
		want  string
	}{
		{"none", nil, "abcdefghij"},
		{"one", []mark{{Span: corpus.Span{Start: 2, End: 4}, Class: "t", ID: "t0"}}, "ab#t0[t:cd]efghij"},
		{"nested", []mark{{Span: corpus.Span{Start: 1, End: 8}, Class: "b", ID: "b0"}, {Span: corpus.Span{Start: 3, End: 5}, Class: "t", ID: "t0"}}, "a#b0[b:bc]#t0[t:de][b:fgh]ij"},
		{"overlap", []mark{{Span: corpus.Span{Start: 0, End: 4}, Class: "a", ID: "a0"}, {Span: corpus.Span{Start: 2, End: 6}, Class: "b", ID: "b0"}}, "#a0[a:ab]#b0[a:cd][b:ef]ghij"},
		{"bad spans dropped", []mark{{Span: corpus.Span{Start: 5, End: 50}, Class: "x"}, {Span: corpus.Span{Start: 4, End: 2}, Class: "y"}, {Span: corpus.Span{Start: 3, End: 3}, Class: "z"}}, "abcdefghij"},
		{"anchor only", []mark{{Span: corpus.Span{Start: 1, End: 8}, Class: "b", ID: "b0"}, {Span: corpus.Span{Start: 2, End: 4}, ID: "s0"}}, "a#b0[b:b]#s0[b:cd][b:efgh]ij"},
		{"same start", []mark{{Span: corpus.Span{Start: 0, End: 2}, Class: "a", ID: "a0"}, {Span: corpus.Span{Start: 0, End: 5}, Class: "b", ID: "b0"}}, "#a0#b0[a:ab][b:cde]fghij"},
	} {
		var b strings.Builder
		for _, s := range segments(text, tc.marks) {
			for _, a := range s.Anchors {
				b.WriteString("#" + a)
			}
			if s.Class != "" {
				b.WriteString("[" + s.Class + ":" + s.Text + "]")
			} else {
				b.WriteString(s.Text)
			}
		}
		if b.String() != tc.want {
			t.Errorf("%s: segments = %s, want %s", tc.name, b.String(), tc.want)
		}
	}
	// A span that cuts a multi-byte letter is not trusted.
	if segs := segments("Việt", []mark{{Span: corpus.Span{Start: 0, End: 3}, Class: "x"}}); len(segs) != 1 || segs[0].Class != "" {
		t.Errorf("span inside a rune was used: %+v", segs)
	}
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		lang string
		v    float64
		want string
	}{
		{"vi", 1234.5, "1.234,5"}, {"en", 1234.5, "1,234.5"}, {"vi", 100, "100"}, {"vi", 16368.6, "16.368,6"},
		{"vi", 1234567, "1.234.567"}, {"vi", -2.25, "-2,25"}, {"vi", 0, "0"},
	} {
		if got := formatNum(tc.lang, tc.v); got != tc.want {
			t.Errorf("formatNum(%s, %v) = %q, want %q", tc.lang, tc.v, got, tc.want)
		}
	}
	if got := formatMoney("vi", 16368600000); got != "16,37 tỷ đồng" {
		t.Errorf("formatMoney = %q", got)
	}
	if got := formatMoney("en", 3686000000); got != "VND 3.69 bn" {
		t.Errorf("formatMoney en = %q", got)
	}
	v := 80.0
	if got := formatFigure("vi", &corpus.Target{Value: 30, ValueMax: &v, Unit: "%", Comparator: "range"}); got != "30–80%" {
		t.Errorf("formatFigure = %q", got)
	}
	if got := formatFigure("vi", &corpus.Target{Value: 95, Unit: "%", Comparator: ">="}); got != "≥ 95%" {
		t.Errorf("formatFigure = %q", got)
	}
}

// TestSnippetLinks: a search hit links to its place in the document.
func TestSnippetLinks(t *testing.T) {
	s, _ := newTestServer(t, nil)
	w := get(t, s, "/search?q=LGSP")
	re := regexp.MustCompile(`href="(/doc/[0-9a-f]{64}\?hl=\d+-\d+#hit)"`)
	m := re.FindStringSubmatch(w.Body.String())
	if m == nil {
		t.Fatalf("no snippet link in\n%s", clip(w.Body.String()))
	}
	link := strings.TrimSuffix(strings.ReplaceAll(m[1], "&amp;", "&"), "#hit")
	d := get(t, s, link)
	if !strings.Contains(d.Body.String(), `<a class="anchor" id="hit"></a><mark class="k-hit">LGSP</mark>`) {
		t.Errorf("document page does not mark the hit %s", link)
	}
}

func TestResultCache(t *testing.T) {
	c := newResultCache(2)
	runs := 0
	fn := func() (*Results, error) { runs++; return &Results{Total: runs}, nil }
	for _, k := range []string{"a", "a", "b", "a", "c", "b", "a"} {
		c.get(k, fn)
	}
	// a, b (miss), a (hit), c evicts b, b (miss) evicts a, a (miss).
	if runs != 5 || c.len() != 2 {
		t.Errorf("runs %d, len %d; want 5, 2", runs, c.len())
	}
	if _, err := c.get("e", func() (*Results, error) { return nil, errors.New("x") }); err == nil {
		t.Error("error lost")
	}
	if c.len() != 2 {
		t.Errorf("an error was cached")
	}
	// The server caches per query and store state.
	fs := &fakeSearcher{}
	s, st := newTestServer(t, func(o *Options) { fs.st = o.Store; o.Search = fs })
	_ = st
	get(t, s, "/api/search?q=lgsp")
	get(t, s, "/search?q=lgsp")
	get(t, s, "/api/search?q=lgsp&page=2")
	if fs.calls != 2 {
		t.Errorf("searcher called %d times, want 2", fs.calls)
	}
	off, _ := newTestServer(t, func(o *Options) { fs.st = o.Store; o.Search = fs; o.CacheSize = -1 })
	fs.calls = 0
	get(t, off, "/api/search?q=lgsp")
	get(t, off, "/api/search?q=lgsp")
	if fs.calls != 2 {
		t.Errorf("cache off: searcher called %d times, want 2", fs.calls)
	}
}
