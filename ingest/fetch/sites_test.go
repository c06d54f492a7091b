package fetch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"
)

// route maps a request to a fixture file: by path, and by the page number
// in the query (parameter page or Page) for search pages.
type route struct {
	path  string // request path
	page  string // "" matches any
	file  string // under testdata/
	ctype string // default text/html; charset=utf-8
}

// fixtureServer serves routes; anything else is 404 and robots.txt allows
// everything unless a route serves it. Files with a .pdf/.docx/.doc path
// and no route answer with a few bytes of that type.
func fixtureServer(t *testing.T, routes []route) (*httptest.Server, *hits) {
	t.Helper()
	h := &hits{n: map[string]int{}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.add(r.URL.Path)
		page := r.URL.Query().Get("page")
		if page == "" {
			page = r.URL.Query().Get("Page")
		}
		for _, rt := range routes {
			if rt.path != r.URL.Path || (rt.page != "" && rt.page != page) {
				continue
			}
			b, err := os.ReadFile(filepath.Join("testdata", rt.file))
			if err != nil {
				t.Errorf("fixture %s: %v", rt.file, err)
				http.Error(w, err.Error(), 500)
				return
			}
			ct := rt.ctype
			if ct == "" {
				ct = "text/html; charset=utf-8"
			}
			w.Header().Set("Content-Type", ct)
			w.Write(b)
			return
		}
		if f := FormatOfURL(r.URL.String()); f != "" {
			w.Header().Set("Content-Type", map[string]string{"pdf": "application/pdf", "doc": "application/msword",
				"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}[f])
			w.Write([]byte("%PDF-1.4 fixture " + r.URL.Path))
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, h
}

type hits struct {
	mu sync.Mutex
	n  map[string]int
}

func (h *hits) add(p string) {
	h.mu.Lock()
	h.n[p]++
	h.mu.Unlock()
}

func (h *hits) get(p string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.n[p]
}

// fastClient is a client for tests: no interval between requests, short
// backoff.
func fastClient(log func(LogEntry)) *Client {
	return NewClient(Options{Rate: -1, BackoffBase: 5 * 1e6, BackoffMax: 20 * 1e6, Log: log})
}

type siteCase struct {
	site        string
	routes      []route
	searchPath  string // the path SearchURL builds
	docPath     string // the document page (as linked from search-1)
	wantResults [][2]string
	wantNext    bool
	wantTitle   string
	wantMeta    map[string]string
	wantAtts    []string // attachment paths
	wantContent string   // a phrase of the body
}

var siteCases = []siteCase{
	{
		site: "thuvienphapluat",
		routes: []route{
			{path: "/page/tim-van-ban.aspx", page: "1", file: "thuvienphapluat/search-1.html"},
			{path: "/page/tim-van-ban.aspx", page: "2", file: "thuvienphapluat/search-2.html"},
			{path: "/van-ban/Cong-nghe-thong-tin/Ke-hoach-125-KH-UBND-2021-chuyen-doi-so-tinh-Kon-Tum-480001.aspx", file: "thuvienphapluat/doc.html"},
		},
		searchPath: "/page/tim-van-ban.aspx",
		docPath:    "/van-ban/Cong-nghe-thong-tin/Ke-hoach-125-KH-UBND-2021-chuyen-doi-so-tinh-Kon-Tum-480001.aspx",
		wantResults: [][2]string{
			{"/van-ban/Cong-nghe-thong-tin/Ke-hoach-125-KH-UBND-2021-chuyen-doi-so-tinh-Kon-Tum-480001.aspx", "2021-06-15"},
			{"/van-ban/Cong-nghe-thong-tin/Quyet-dinh-2893-QD-UBND-2020-chuyen-doi-so-Cao-Bang-480002.aspx", "2020-12-31"},
			{"/van-ban/Cong-nghe-thong-tin/Quyet-dinh-10-2017-QD-UBND-ung-dung-cntt-350001.aspx", "2017-03-02"},
		},
		wantNext:  true,
		wantTitle: "Kế hoạch 125/KH-UBND năm 2021 thực hiện chuyển đổi số tỉnh Kon Tum",
		wantMeta: map[string]string{
			"number": "125/KH-UBND", "type": "Kế hoạch", "issuer": "Tỉnh Kon Tum", "signer": "Lê Ngọc Tuấn",
			"issue_date": "2021-06-15", "field": "Công nghệ thông tin", "status": "Còn hiệu lực",
		},
		wantAtts:    []string{"/documents/phuluc/125-KH-UBND-phu-luc.pdf"},
		wantContent: "Tổng kinh phí thực hiện: 16.368,6 triệu đồng.",
	},
	{
		site: "vbpl",
		routes: []route{
			{path: "/VBQPPL_UserControls/Publishing/TimKiem/pKetQuaTimKiem.aspx", page: "1", file: "vbpl/search-1.html"},
			{path: "/VBQPPL_UserControls/Publishing/TimKiem/pKetQuaTimKiem.aspx", page: "2", file: "vbpl/search-2.html"},
			{path: "/kontum/Pages/vbpq-toanvan.aspx", file: "vbpl/toanvan.html"},
			{path: "/kontum/Pages/vbpq-thuoctinh.aspx", file: "vbpl/thuoctinh.html"},
		},
		searchPath: "/VBQPPL_UserControls/Publishing/TimKiem/pKetQuaTimKiem.aspx",
		docPath:    "/kontum/Pages/vbpq-toanvan.aspx",
		wantResults: [][2]string{
			{"/kontum/Pages/vbpq-toanvan.aspx", "2021-06-15"},
			{"/caobang/Pages/vbpq-toanvan.aspx", "2020-12-31"},
		},
		wantNext:  true,
		wantTitle: "Kế hoạch thực hiện chuyển đổi số tỉnh Kon Tum năm 2021",
		wantMeta: map[string]string{
			"number": "125/KH-UBND", "type": "Kế hoạch", "issuer": "Ủy ban nhân dân tỉnh Kon Tum", "signer": "Lê Ngọc Tuấn",
			"issue_date": "2021-06-15", "field": "Công nghệ thông tin", "status": "Còn hiệu lực", "effective_date": "2021-06-15",
		},
		wantAtts:    []string{"/kontum/Lists/vbpq/Attachments/146000/VanBanGoc_125.KH.UBND.pdf", "/kontum/Lists/vbpq/Attachments/146000/125.KH.UBND.docx"},
		wantContent: "Phấn đấu 100% hồ sơ công việc",
	},
	{
		site: "luatvietnam",
		routes: []route{
			{path: "/tim-van-ban.html", page: "1", file: "luatvietnam/search-1.html"},
			{path: "/tim-van-ban.html", page: "2", file: "luatvietnam/search-2.html"},
			{path: "/thong-tin/ke-hoach-125-kh-ubnd-tinh-kon-tum-chuyen-doi-so-2021-204501-d1.html", file: "luatvietnam/doc.html"},
		},
		searchPath: "/tim-van-ban.html",
		docPath:    "/thong-tin/ke-hoach-125-kh-ubnd-tinh-kon-tum-chuyen-doi-so-2021-204501-d1.html",
		wantResults: [][2]string{
			{"/thong-tin/ke-hoach-125-kh-ubnd-tinh-kon-tum-chuyen-doi-so-2021-204501-d1.html", "2021-06-15"},
			{"/thong-tin/quyet-dinh-2893-qd-ubnd-cao-bang-chuyen-doi-so-198765-d1.html", "2020-12-31"},
		},
		wantNext:  true,
		wantTitle: "Kế hoạch 125/KH-UBND của Ủy ban nhân dân tỉnh Kon Tum về việc thực hiện chuyển đổi số tỉnh Kon Tum năm 2021",
		wantMeta: map[string]string{
			"number": "125/KH-UBND", "type": "Kế hoạch", "issuer": "Ủy ban nhân dân tỉnh Kon Tum", "signer": "Lê Ngọc Tuấn",
			"issue_date": "2021-06-15", "field": "Thông tin-Truyền thông; Hành chính", "status": "Còn Hiệu lực",
		},
		wantAtts:    []string{"/uploaded/Others/2021/06/16/125-KH-UBND_1606.pdf"},
		wantContent: "16.368,6 triệu đồng",
	},
	{
		site: "hethongphapluat",
		routes: []route{
			{path: "/tim-kiem.html", page: "1", file: "hethongphapluat/search-1.html"},
			{path: "/tim-kiem.html", page: "2", file: "hethongphapluat/search-2.html"},
			{path: "/ke-hoach-125-kh-ubnd-nam-2021-thuc-hien-chuyen-doi-so-tinh-kon-tum.html", file: "hethongphapluat/doc.html"},
		},
		searchPath: "/tim-kiem.html",
		docPath:    "/ke-hoach-125-kh-ubnd-nam-2021-thuc-hien-chuyen-doi-so-tinh-kon-tum.html",
		wantResults: [][2]string{
			{"/ke-hoach-125-kh-ubnd-nam-2021-thuc-hien-chuyen-doi-so-tinh-kon-tum.html", "2021-06-15"},
			{"/quyet-dinh-2893-qd-ubnd-nam-2020-de-an-chuyen-doi-so-tinh-cao-bang.html", "2020-12-31"},
		},
		wantNext:  true,
		wantTitle: "Kế hoạch 125/KH-UBND năm 2021 thực hiện chuyển đổi số tỉnh Kon Tum",
		wantMeta: map[string]string{
			"number": "125/KH-UBND", "type": "Kế hoạch", "issuer": "Tỉnh Kon Tum", "signer": "Lê Ngọc Tuấn",
			"issue_date": "2021-06-15", "field": "Công nghệ thông tin", "status": "Còn hiệu lực", "effective_date": "2021-06-15",
		},
		wantAtts:    []string{"/files/vanban/2021/06/125-kh-ubnd.pdf", "/files/vanban/2021/06/125-kh-ubnd.docx"},
		wantContent: "Căn cứ Quyết định số 749/QĐ-TTg",
	},
	{
		site: "vanbanphapluat",
		routes: []route{
			{path: "/api/search", page: "1", file: "vanbanphapluat/search-1.json", ctype: "application/json; charset=utf-8"},
			{path: "/api/search", page: "2", file: "vanbanphapluat/search-2.json", ctype: "application/json; charset=utf-8"},
			{path: "/api/vanban/ke-hoach-125-kh-ubnd-2021-thuc-hien-chuyen-doi-so-tinh-kon-tum", file: "vanbanphapluat/doc.json", ctype: "application/json; charset=utf-8"},
		},
		searchPath: "/api/search",
		docPath:    "/ke-hoach-125-kh-ubnd-2021-thuc-hien-chuyen-doi-so-tinh-kon-tum",
		wantResults: [][2]string{
			{"/ke-hoach-125-kh-ubnd-2021-thuc-hien-chuyen-doi-so-tinh-kon-tum", "2021-06-15"},
			{"/quyet-dinh-2893-qd-ubnd-2020-de-an-chuyen-doi-so-tinh-cao-bang", "2020-12-31"},
		},
		wantNext:  true,
		wantTitle: "Kế hoạch 125/KH-UBND năm 2021 thực hiện chuyển đổi số tỉnh Kon Tum",
		wantMeta: map[string]string{
			"number": "125/KH-UBND", "type": "Kế hoạch", "issuer": "Tỉnh Kon Tum", "signer": "Lê Ngọc Tuấn",
			"issue_date": "2021-06-15", "field": "Công nghệ thông tin", "status": "Còn hiệu lực", "effective_date": "2021-06-15",
		},
		wantAtts:    []string{"/files/125-KH-UBND.pdf"},
		wantContent: "Thực hiện chuyển đổi số tỉnh Kon Tum năm 2021.",
	},
	{
		site: "portal",
		routes: []route{
			{path: "/tim-kiem", page: "1", file: "portal/search-1.html"},
			{path: "/tim-kiem", page: "2", file: "portal/search-2.html"},
			{path: "/van-ban/chi-tiet/ke-hoach-125-kh-ubnd-chuyen-doi-so-2021", file: "portal/doc.html"},
		},
		searchPath: "/tim-kiem",
		docPath:    "/van-ban/chi-tiet/ke-hoach-125-kh-ubnd-chuyen-doi-so-2021",
		wantResults: [][2]string{
			{"/van-ban/chi-tiet/ke-hoach-125-kh-ubnd-chuyen-doi-so-2021", "2021-06-15"},
			{"/documents/10180/98-KH-UBND-2019.pdf", "2019-04-02"},
		},
		wantNext:  true,
		wantTitle: "Kế hoạch thực hiện chuyển đổi số tỉnh Kon Tum năm 2021",
		wantMeta: map[string]string{
			"number": "125/KH-UBND", "type": "Kế hoạch", "issuer": "UBND tỉnh Kon Tum", "signer": "Lê Ngọc Tuấn",
			"issue_date": "2021-06-15",
		},
		wantAtts:    []string{"/documents/10180/125-KH-UBND.pdf", "/documents/10180/125-KH-UBND-phu-luc.doc", "/c/document_library/get_file"},
		wantContent: "100% dịch vụ công đủ điều kiện",
	},
}

func TestAdapters(t *testing.T) {
	for _, tc := range siteCases {
		t.Run(tc.site, func(t *testing.T) {
			srv, _ := fixtureServer(t, tc.routes)
			base, _ := url.Parse(srv.URL)
			a, err := Lookup(tc.site)
			if err != nil {
				t.Fatal(err)
			}
			f := &Fetcher{Client: fastClient(nil), Site: a, Base: base}
			ctx := context.Background()
			q := Query{Text: "chuyển đổi số"}

			su := a.SearchURL(base, q, 1)
			if u, _ := url.Parse(su); u.Path != tc.searchPath {
				t.Errorf("SearchURL path = %q, want %q", u.Path, tc.searchPath)
			}
			p, _, err := f.page(ctx, su, nil)
			if err != nil {
				t.Fatal(err)
			}
			sp, err := a.ParseSearch(p)
			if err != nil {
				t.Fatal(err)
			}
			var got [][2]string
			for _, r := range sp.Results {
				u, _ := url.Parse(r.URL)
				got = append(got, [2]string{u.Path, r.Date})
			}
			if d := cmp.Diff(tc.wantResults, got); d != "" {
				t.Errorf("results (-want +got)\n%s", d)
			}
			if (sp.Next != "") != tc.wantNext {
				t.Fatalf("Next = %q, want next=%v", sp.Next, tc.wantNext)
			}
			p2, _, err := f.page(ctx, sp.Next, nil)
			if err != nil {
				t.Fatal(err)
			}
			sp2, err := a.ParseSearch(p2)
			if err != nil {
				t.Fatal(err)
			}
			if len(sp2.Results) != 1 || sp2.Next != "" {
				t.Errorf("page 2: %d results, next %q; want 1 result, no next", len(sp2.Results), sp2.Next)
			}

			fd, err := f.Document(ctx, srv.URL+tc.docPath, nil)
			if err != nil {
				t.Fatal(err)
			}
			d := fd.Doc
			if d.Title != tc.wantTitle {
				t.Errorf("Title = %q, want %q", d.Title, tc.wantTitle)
			}
			meta := map[string]string{}
			for k, v := range d.Meta {
				if k != MetaSite && k != MetaTitle {
					meta[k] = v
				}
			}
			if d := cmp.Diff(tc.wantMeta, meta); d != "" {
				t.Errorf("Meta (-want +got)\n%s", d)
			}
			if d.Meta[MetaSite] != tc.site {
				t.Errorf("Meta[site] = %q, want %q", d.Meta[MetaSite], tc.site)
			}
			var atts []string
			for _, at := range d.Attachments {
				u, _ := url.Parse(at.URL)
				atts = append(atts, u.Path)
			}
			if d := cmp.Diff(tc.wantAtts, atts); d != "" {
				t.Errorf("attachments (-want +got)\n%s", d)
			}
			html := string(fd.Item.Raw)
			if !strings.Contains(html, tc.wantContent) {
				t.Errorf("content lacks %q:\n%s", tc.wantContent, html)
			}
			for _, junk := range []string{"Trang chủ", "footer", "Đăng nhập"} {
				if strings.Contains(html, junk) {
					t.Errorf("content holds page chrome %q", junk)
				}
			}
			if !strings.HasPrefix(html, "<!DOCTYPE html>") || !strings.Contains(html, `<meta charset="utf-8">`) {
				t.Errorf("Doc.HTML is not a small UTF-8 page:\n%.200s", html)
			}
		})
	}
}

func TestVBPLSingleResultRedirect(t *testing.T) {
	srv, _ := fixtureServer(t, []route{{path: "/search", file: "vbpl/search-single.html"}})
	f := &Fetcher{Client: fastClient(nil)}
	p, _, err := f.page(context.Background(), srv.URL+"/search", nil)
	if err != nil {
		t.Fatal(err)
	}
	sp, err := vbpl{}.ParseSearch(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(sp.Results) != 1 || !strings.HasSuffix(sp.Results[0].URL, "/kontum/Pages/vbpq-toanvan.aspx?ItemID=146000") {
		t.Errorf("results = %+v, want the redirect target", sp.Results)
	}
}

func TestForHost(t *testing.T) {
	for _, tc := range []struct{ host, want string }{
		{"thuvienphapluat.vn", "thuvienphapluat"},
		{"www.thuvienphapluat.vn", "thuvienphapluat"},
		{"vbpl.vn", "vbpl"},
		{"vbpl.moj.gov.vn", "vbpl"},
		{"luatvietnam.vn", "luatvietnam"},
		{"hethongphapluat.com", "hethongphapluat"},
		{"vanbanphapluat.co", "vanbanphapluat"},
		{"kontum.gov.vn", "portal"},
		{"sotttt.caobang.gov.vn:8080", "portal"},
		{"", "portal"},
	} {
		if got := ForHost(tc.host).Name(); got != tc.want {
			t.Errorf("ForHost(%q) = %q, want %q", tc.host, got, tc.want)
		}
	}
	if _, err := Lookup("nosuchsite"); err == nil {
		t.Error("Lookup(nosuchsite) succeeded")
	}
}

func TestFormatOfURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://x.gov.vn/a/b/QD-125.PDF", "pdf"},
		{"https://x.gov.vn/a/b.docx?x=1", "docx"},
		{"https://x.gov.vn/c/document_library/get_file?uuid=1&filename=bieu-mau.doc", "doc"},
		{"https://x.gov.vn/van-ban/chi-tiet", ""},
		{"https://x.gov.vn/page.aspx", ""},
	} {
		if got := FormatOfURL(tc.in); got != tc.want {
			t.Errorf("FormatOfURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIsoDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"15/06/2021", "2021-06-15"},
		{"5/6/2021", "2021-06-05"},
		{"2021-06-15T00:00:00Z", "2021-06-15"},
		{"15-06-2021", "2021-06-15"},
		{"ngày 15 tháng 6", "ngày 15 tháng 6"},
	} {
		if got := isoDate(tc.in); got != tc.want {
			t.Errorf("isoDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestLegacyCharsetDocument reads a thuvienphapluat page served in
// windows-1258: labels match and the handed-on HTML is NFC UTF-8.
func TestLegacyCharsetDocument(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "thuvienphapluat", "doc.html"))
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(b), "charset=utf-8", "charset=windows-1258", 1)
	raw, err := charmap.Windows1258.NewEncoder().Bytes([]byte(decomposeForCP1258(src)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html") // the charset is only in <meta>
		w.Write(raw)
	}))
	defer srv.Close()
	f := &Fetcher{Client: fastClient(nil)}
	fd, err := f.Document(context.Background(), srv.URL+"/van-ban/x-1.aspx", nil)
	if err != nil {
		t.Fatal(err)
	}
	if fd.Doc.Meta[MetaNumber] != "125/KH-UBND" || fd.Doc.Meta[MetaStatus] != "Còn hiệu lực" || fd.Doc.Meta[MetaIssuer] != "Tỉnh Kon Tum" {
		t.Errorf("meta = %v", fd.Doc.Meta)
	}
	if h := string(fd.Item.Raw); !strings.Contains(h, "Thực hiện chuyển đổi số tỉnh Kon Tum năm 2021") || nfc(h) != h {
		t.Errorf("page HTML is not NFC UTF-8:\n%.400s", h)
	}
}
