package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"kehoach/corpus"
	"kehoach/ingest"
	"kehoach/ingest/fetch"
)

// The HTML parser is another package's; until it is linked into the
// command, tests read HTML with this stand-in so fetch and crawl can be
// tested end to end.
func init() {
	if !slices.Contains(ingest.Formats(), "html") {
		ingest.RegisterFormat("html", func(raw []byte, _ ingest.Options) (string, map[string]string, []corpus.Span, error) {
			d, err := goquery.NewDocumentFromReader(bytes.NewReader(raw))
			if err != nil {
				return "", nil, nil, err
			}
			var lines []string
			d.Find("p, td, h1, li").Each(func(_ int, s *goquery.Selection) {
				if t := strings.TrimSpace(s.Text()); t != "" {
					lines = append(lines, t)
				}
			})
			return strings.Join(lines, "\n"), map[string]string{"title": d.Find("title").Text()}, nil, nil
		})
	}
}

// runCLICtx runs the app with a context.
func runCLICtx(ctx context.Context, args ...string) (int, string, string) {
	var out, errw bytes.Buffer
	code := run(ctx, append([]string{"kehoach"}, args...), &out, &errw)
	return code, out.String(), errw.String()
}

func TestFetchCrawlArgs(t *testing.T) {
	data := t.TempDir()
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		out, err string
	}{
		{"fetch needs a URL", []string{"--data", data, "fetch"}, 1, "", "no URL"},
		{"fetch unknown site", []string{"--data", data, "fetch", "--site", "nosuch", "http://x/"}, 1, "", "unknown site"},
		{"fetch bad base", []string{"--data", data, "fetch", "--base-url", "ftp://x", "http://x/"}, 1, "", "want http(s)"},
		{"fetch non-http", []string{"--data", data, "fetch", "--rate", "0", "mailto:a@b.vn"}, 1, "", "not an http or https URL"},
		{"crawl needs a site", []string{"--data", data, "crawl", "--query", "x"}, 1, "", "--site is required"},
		{"crawl needs a query", []string{"--data", data, "crawl", "--site", "vbpl"}, 1, "", "--query is required"},
		{"crawl portal needs a base", []string{"--data", data, "crawl", "--site", "portal", "--query", "x"}, 1, "", "--base-url"},
		{"help names the sites", []string{"fetch", "--help"}, 0, "thuvienphapluat", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errs, tc.err) {
				t.Errorf("kehoach %v = %d\nstdout: %s\nstderr: %s\nwant %d, stdout ~ %q, stderr ~ %q", tc.args, code, clip(out), clip(errs), tc.code, tc.out, tc.err)
			}
		})
	}
}

const tvplDoc = "/van-ban/Cong-nghe-thong-tin/Ke-hoach-125-KH-UBND-2021-chuyen-doi-so-tinh-Kon-Tum-480001.aspx"

func TestFetchCommand(t *testing.T) {
	page, err := os.ReadFile("../../ingest/fetch/testdata/thuvienphapluat/doc.html")
	if err != nil {
		t.Fatal(err)
	}
	var conditional atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /dang-nhap\n")
		case r.URL.Path == tvplDoc:
			if r.Header.Get("If-None-Match") == `"tvpl-1"` {
				conditional.Add(1)
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"tvpl-1"`)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		case strings.HasSuffix(r.URL.Path, ".xls"):
			w.Header().Set("Content-Type", "application/vnd.ms-excel")
			fmt.Fprint(w, "\xd0\xcf\x11\xe0 not really a workbook")
		case strings.HasSuffix(r.URL.Path, ".pdf"):
			w.Header().Set("Content-Type", "application/pdf")
			fmt.Fprint(w, "%PDF-1.4 not really a PDF")
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	data := t.TempDir()
	docURL := srv.URL + tvplDoc
	_, out, errs := runCLI(t, "--data", data, "fetch", "--rate", "0", "--site", "thuvienphapluat", docURL)
	if !strings.Contains(out, "ingested: "+docURL) {
		t.Fatalf("fetch output lacks the document:\nstdout: %s\nstderr: %s", out, errs)
	}
	st, err := corpus.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	e, ok := st.Lookup(docURL)
	if !ok || e.Status != corpus.StatusOK || e.Fetch == nil {
		t.Fatalf("manifest entry = %+v", e)
	}
	f := e.Fetch
	if f.Status != 200 || f.ContentType != "text/html" || f.Bytes == 0 || f.ETag != `"tvpl-1"` || f.Site != "thuvienphapluat" || f.FinalURL != docURL || f.Time.IsZero() {
		t.Errorf("fetch record = %+v", f)
	}
	doc, err := st.Document(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{"number": "125/KH-UBND", "type": "Kế hoạch", "issue_date": "2021-06-15", "signer": "Lê Ngọc Tuấn", "status": "Còn hiệu lực", "site": "thuvienphapluat"} {
		if doc.Meta[k] != want {
			t.Errorf("Meta[%q] = %q, want %q", k, doc.Meta[k], want)
		}
	}
	if strings.Contains(doc.Text, "Trang chủ") || !strings.Contains(doc.Text, "16.368,6 triệu đồng") {
		t.Errorf("text is not the main content:\n%s", doc.Text)
	}
	x, err := st.Extraction(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if x.Document.Number != "125/KH-UBND" {
		t.Errorf("record number = %q, want the portal's 125/KH-UBND", x.Document.Number)
	}
	// The appendix PDF is a source of its own, tied to its page.
	att := srv.URL + "/documents/phuluc/125-KH-UBND-phu-luc.pdf"
	ae, ok := st.Lookup(att)
	if !ok || ae.Fetch == nil || ae.Fetch.Page != docURL || ae.Fetch.Status != 200 || ae.Format != "pdf" {
		t.Errorf("attachment entry = %+v (fetch %+v)", ae, ae.Fetch)
	}
	// Every request is in the fetch log.
	lf, err := os.Open(filepath.Join(data, "fetchlog.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer lf.Close()
	var logged []string
	sc := bufio.NewScanner(lf)
	for sc.Scan() {
		var le fetch.LogEntry
		if err := json.Unmarshal(sc.Bytes(), &le); err != nil {
			t.Fatalf("fetch log line %q: %v", sc.Text(), err)
		}
		logged = append(logged, le.URL)
	}
	for _, u := range []string{srv.URL + "/robots.txt", docURL, att} {
		if !slices.Contains(logged, u) {
			t.Errorf("fetch log lacks %s: %v", u, logged)
		}
	}

	// A linked file of a format ingest does not read is recorded as
	// skipped, not failed.
	if !slices.Contains(ingest.Formats(), "xls") {
		xls := srv.URL + "/files/bieu-tong-hop.xls"
		code, _, errs := runCLI(t, "--data", data, "fetch", "--rate", "0", xls)
		st, _ := corpus.Open(data)
		e, ok := st.Lookup(xls)
		if code != 0 || !strings.Contains(errs, "skipped: "+xls) || !ok || e.Status != corpus.StatusSkipped || e.Fetch == nil || e.Fetch.Status != 200 {
			t.Errorf("fetch .xls = %d, stderr %q, entry %+v", code, errs, e)
		}
	}

	// Fetching again asks with the ETag and ingests nothing.
	_, out, _ = runCLI(t, "--data", data, "fetch", "--rate", "0", docURL)
	if conditional.Load() != 1 || !strings.Contains(out, "unchanged: "+docURL) {
		t.Errorf("second fetch: %d conditional requests; stdout %s", conditional.Load(), out)
	}
}

// site200 serves a thuvienphapluat-shaped site of n documents, 20 results
// a page, every 10th document linking an appendix PDF.
func site200(t *testing.T, n int, onRequest func()) *httptest.Server {
	t.Helper()
	tmpl, err := os.ReadFile("../../ingest/fetch/testdata/thuvienphapluat/doc.html")
	if err != nil {
		t.Fatal(err)
	}
	const per = 20
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if onRequest != nil {
			onRequest()
		}
		switch {
		case r.URL.Path == "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /dang-nhap\n")
		case r.URL.Path == "/page/tim-van-ban.aspx":
			var page int
			fmt.Sscan(r.URL.Query().Get("page"), &page)
			if page < 1 {
				page = 1
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<html><body><div id="block-info-advan">`)
			for i := (page-1)*per + 1; i <= page*per && i <= n; i++ {
				fmt.Fprintf(w, `<div class="content-0"><p class="nqTitle" lawid="%d"><a href="/van-ban/CNTT/Ke-hoach-%d-KH-UBND-2021.aspx">Kế hoạch %d/KH-UBND</a></p><p>Ban hành: 15/06/2021</p></div>`, i, i, i)
			}
			fmt.Fprint(w, `</div><div class="cmPager">`)
			if page*per < n {
				fmt.Fprintf(w, `<a href="/page/tim-van-ban.aspx?page=%d">Trang sau</a>`, page+1)
			}
			fmt.Fprint(w, `</div></body></html>`)
		case strings.HasPrefix(r.URL.Path, "/van-ban/CNTT/Ke-hoach-"):
			var num int
			fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/van-ban/CNTT/Ke-hoach-"), "%d-KH-UBND-2021.aspx", &num)
			if num < 1 || num > n {
				http.NotFound(w, r)
				return
			}
			pg := strings.ReplaceAll(string(tmpl), "125/KH-UBND", fmt.Sprintf("%d/KH-UBND", num))
			pg = strings.ReplaceAll(pg, "16.368,6 triệu", fmt.Sprintf("%d,5 triệu", 1000+num))
			if num%10 == 0 {
				pg = strings.ReplaceAll(pg, "/documents/phuluc/125-KH-UBND-phu-luc.pdf", fmt.Sprintf("/documents/phuluc/%d.pdf", num))
			} else {
				pg = strings.ReplaceAll(pg, `<p><a href="/documents/phuluc/125-KH-UBND-phu-luc.pdf">Phụ lục kèm theo (PDF)</a></p>`, "")
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, pg)
		case strings.HasPrefix(r.URL.Path, "/documents/phuluc/"):
			w.Header().Set("Content-Type", "application/pdf")
			fmt.Fprintf(w, "%%PDF-1.4 %s", r.URL.Path)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// ingestCounter counts afterIngest calls by source while a test runs.
func ingestCounter(t *testing.T) func() map[string]int {
	var mu sync.Mutex
	n := map[string]int{}
	afterIngest = append(afterIngest, func(_ *corpus.Store, doc *corpus.Document, _ *corpus.Extraction) error {
		mu.Lock()
		n[doc.Source]++
		mu.Unlock()
		return nil
	})
	hooks := len(afterIngest)
	t.Cleanup(func() {
		if len(afterIngest) == hooks {
			afterIngest = afterIngest[:hooks-1]
		}
	})
	return func() map[string]int {
		mu.Lock()
		defer mu.Unlock()
		return maps(n)
	}
}

func maps(m map[string]int) map[string]int {
	c := make(map[string]int, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// checkCrawl200 checks the end state of a crawl of site200: every document
// ingested exactly once, a manifest entry with its fetch for every URL.
//
// With exact, each document must have been ingested once; without, at
// most once (a kill between the manifest write and the afterIngest hooks
// leaves a stored document whose hooks did not run: ingestRaw's own
// window, repaired by reindexing).
func checkCrawl200(t *testing.T, data, base string, ingested map[string]int, exact bool) {
	t.Helper()
	st, err := corpus.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	docs, atts := 0, 0
	for i := 1; i <= 200; i++ {
		u := fmt.Sprintf("%s/van-ban/CNTT/Ke-hoach-%d-KH-UBND-2021.aspx", base, i)
		e, ok := st.Lookup(u)
		if !ok || e.Status != corpus.StatusOK || e.Fetch == nil || e.Fetch.Status != 200 {
			t.Errorf("%s: manifest entry %+v", u, e)
			continue
		}
		docs++
		if ingested != nil && (ingested[u] > 1 || exact && ingested[u] != 1) {
			t.Errorf("%s ingested %d times", u, ingested[u])
		}
		if i%10 == 0 {
			a := fmt.Sprintf("%s/documents/phuluc/%d.pdf", base, i)
			if ae, ok := st.Lookup(a); !ok || ae.Fetch == nil || ae.Fetch.Page != u {
				t.Errorf("%s: attachment entry %+v", a, ae)
			} else {
				atts++
			}
		}
	}
	for u, n := range ingested {
		if n > 1 {
			t.Errorf("%s ingested %d times", u, n)
		}
	}
	if docs != 200 || atts != 20 {
		t.Errorf("%d documents and %d attachments in the manifest, want 200 and 20", docs, atts)
	}
}
