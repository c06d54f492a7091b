package fetch

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// memSink is a Sink keeping what it was given.
type memSink struct {
	mu   sync.Mutex
	puts map[string]int // successful puts by URL
	fail map[string]int
	meta map[string]map[string]string
}

func newMemSink() *memSink {
	return &memSink{puts: map[string]int{}, fail: map[string]int{}, meta: map[string]map[string]string{}}
}

func (s *memSink) Known(u string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.puts[u] > 0
}

func (s *memSink) Validators(string) *Validators { return nil }

func (s *memSink) Put(it *Item) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if it.Err != nil {
		s.fail[it.URL]++
		return it.Err
	}
	s.puts[it.URL]++
	s.meta[it.URL] = it.Meta
	return nil
}

// siteOf200 serves a thuvienphapluat-shaped site with n documents, 20
// results a page; every 10th document links a PDF appendix. It calls
// onRequest before answering each request.
func siteOf200(t *testing.T, n int, onRequest func()) *httptest.Server {
	t.Helper()
	tmpl, err := os.ReadFile(filepath.Join("testdata", "thuvienphapluat", "doc.html"))
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
			page, _ := strconv.Atoi(r.URL.Query().Get("page"))
			if page < 1 {
				page = 1
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<html><body><form id="aspnetForm"><div id="block-info-advan">`)
			for i := (page-1)*per + 1; i <= page*per && i <= n; i++ {
				fmt.Fprintf(w, `<div class="content-%d"><div class="left-col"><div class="nq"><p class="nqTitle" lawid="%d"><a href="/van-ban/Cong-nghe-thong-tin/Ke-hoach-%d-KH-UBND-2021-%d.aspx">Kế hoạch %d/KH-UBND năm 2021 chuyển đổi số</a></p></div></div><div class="right-col"><p><span>Ban hành:</span> 15/06/2021</p></div></div>`, i%2, 500000+i, i, 500000+i, i)
			}
			fmt.Fprint(w, `</div><div class="cmPager">`)
			if page*per < n {
				fmt.Fprintf(w, `<a href="/page/tim-van-ban.aspx?keyword=x&amp;page=%d">Trang sau</a>`, page+1)
			}
			fmt.Fprint(w, `</div></form></body></html>`)
		case strings.HasPrefix(r.URL.Path, "/van-ban/"):
			var num, id int
			if _, err := fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/van-ban/Cong-nghe-thong-tin/Ke-hoach-"), "%d-KH-UBND-2021-%d.aspx", &num, &id); err != nil || num < 1 || num > n {
				http.NotFound(w, r)
				return
			}
			page := strings.ReplaceAll(string(tmpl), "125/KH-UBND", fmt.Sprintf("%d/KH-UBND", num))
			if num%10 != 0 {
				page = strings.ReplaceAll(page, `<p><a href="/documents/phuluc/125-KH-UBND-phu-luc.pdf">Phụ lục kèm theo (PDF)</a></p>`, "")
			} else {
				page = strings.ReplaceAll(page, "/documents/phuluc/125-KH-UBND-phu-luc.pdf", fmt.Sprintf("/documents/phuluc/%d-phu-luc.pdf", num))
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page)
		case strings.HasPrefix(r.URL.Path, "/documents/phuluc/"):
			w.Header().Set("Content-Type", "application/pdf")
			fmt.Fprintf(w, "%%PDF-1.4 appendix %s", r.URL.Path)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestCrawlInterruptedTwice crawls a 200-document site, cancelling the
// crawl twice at random points, and checks the resumed crawl hands every
// document (and appendix) to the sink exactly once and fetches each
// successfully exactly once.
func TestCrawlInterruptedTwice(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 42))
			var reqs atomic.Int64
			var cancelAt atomic.Int64
			var cancel atomic.Value // context.CancelFunc
			srv := siteOf200(t, 200, func() {
				if reqs.Add(1) == cancelAt.Load() {
					cancel.Load().(context.CancelFunc)()
				}
			})
			base, _ := url.Parse(srv.URL)
			dir := t.TempDir()
			sink := newMemSink()
			log := &logSink{}
			site, _ := Lookup("thuvienphapluat")
			q := Query{Text: "chuyển đổi số"}
			path := StatePath(dir, site.Name(), base.String(), q)

			run := func(stopAfter int64) (*State, error) {
				ctx, cf := context.WithCancel(context.Background())
				defer cf()
				cancel.Store(cf)
				cancelAt.Store(reqs.Load() + stopAfter)
				c := &Crawler{
					Fetcher:     &Fetcher{Client: NewClient(Options{Rate: -1, Concurrency: 4, Log: log.add}), Site: site, Base: base},
					Site:        site,
					Query:       q,
					Concurrency: 4,
					StatePath:   path,
					Sink:        sink,
				}
				return c.Run(ctx)
			}
			for i := 0; i < 2; i++ {
				stop := int64(5 + rng.IntN(120))
				st, err := run(stop)
				if !errors.Is(err, context.Canceled) {
					t.Fatalf("run %d (cancel after %d requests): err = %v, want context.Canceled", i+1, stop, err)
				}
				if st.Finished {
					t.Fatalf("run %d finished despite the cancel", i+1)
				}
			}
			st, err := run(1 << 40)
			if err != nil {
				t.Fatalf("final run: %v", err)
			}
			if !st.Finished || len(st.Pending) != 0 || len(st.Partial) != 0 {
				t.Fatalf("final state: finished %v, %d pending, %d partial", st.Finished, len(st.Pending), len(st.Partial))
			}

			docs, atts := 0, 0
			for u, n := range sink.puts {
				if n != 1 {
					t.Errorf("%s handed to the sink %d times", u, n)
				}
				if strings.Contains(u, "/documents/phuluc/") {
					atts++
				} else {
					docs++
				}
			}
			if docs != 200 || atts != 20 {
				t.Errorf("ingested %d documents and %d appendices, want 200 and 20", docs, atts)
			}
			if len(sink.fail) != 0 {
				t.Errorf("failures: %v", sink.fail)
			}
			ok := 0
			for _, o := range st.Done {
				if o == DoneOK {
					ok++
				}
			}
			if ok != 200 {
				t.Errorf("state has %d documents done, want 200", ok)
			}
			// Each document and appendix was fetched successfully once:
			// interrupted fetches may repeat, completed ones never do.
			got := map[string]int{}
			for _, e := range log.entries() {
				if e.Status == 200 && e.Error == "" && !strings.Contains(e.URL, "tim-van-ban") && !strings.HasSuffix(e.URL, "robots.txt") {
					got[e.URL]++
				}
			}
			if len(got) != 220 {
				t.Errorf("%d URLs fetched successfully, want 220", len(got))
			}
			for u, n := range got {
				if n != 1 {
					t.Errorf("%s fetched successfully %d times", u, n)
				}
			}
			m := sink.meta[srv.URL+"/van-ban/Cong-nghe-thong-tin/Ke-hoach-7-KH-UBND-2021-500007.aspx"]
			if m[MetaNumber] != "7/KH-UBND" || m[MetaIssueDate] != "2021-06-15" {
				t.Errorf("meta of document 7 = %v", m)
			}
		})
	}
}

func TestCrawlMaxAndFrom(t *testing.T) {
	srv := siteOf200(t, 45, nil)
	base, _ := url.Parse(srv.URL)
	site, _ := Lookup("thuvienphapluat")
	sink := newMemSink()
	var events []Event
	c := &Crawler{
		Fetcher:   &Fetcher{Client: fastClient(nil), Site: site, Base: base},
		Site:      site,
		Query:     Query{Text: "x"},
		Max:       7,
		StatePath: filepath.Join(t.TempDir(), "state.json"),
		Sink:      sink,
		Progress:  func(e Event) { events = append(events, e) },
	}
	st, err := c.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n := len(sink.puts); n != 7 {
		t.Errorf("--max 7 ingested %d documents", n)
	}
	if st.Finished {
		t.Error("a crawl stopped by --max is not finished")
	}
	if len(events) == 0 || events[len(events)-1].Stats.Fetched != 7 {
		t.Errorf("progress events: %d, last %+v", len(events), events[len(events)-1].Stats)
	}

	// Every listed document is from 2021: --from 2022 skips them all
	// without fetching one.
	sink2 := newMemSink()
	c2 := &Crawler{
		Fetcher:   &Fetcher{Client: fastClient(nil), Site: site, Base: base},
		Site:      site,
		Query:     Query{Text: "x", From: 2022},
		StatePath: filepath.Join(t.TempDir(), "state.json"),
		Sink:      sink2,
	}
	st2, err := c2.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(sink2.puts) != 0 || len(st2.Done) != 45 {
		t.Errorf("--from 2022: %d ingested, %d skipped; want 0 and 45", len(sink2.puts), len(st2.Done))
	}
}
