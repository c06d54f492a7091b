package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// logSink collects log entries.
type logSink struct {
	mu sync.Mutex
	es []LogEntry
}

func (l *logSink) add(e LogEntry) {
	l.mu.Lock()
	l.es = append(l.es, e)
	l.mu.Unlock()
}

func (l *logSink) entries() []LogEntry {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]LogEntry(nil), l.es...)
}

func TestClientFailures(t *testing.T) {
	var n503, n429, nSlow atomic.Int32
	big := strings.Repeat("x", 1<<20)
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\nAllow: /private/open$\n\nUser-agent: otherbot\nDisallow: /\n")
	})
	mux.HandleFunc("/503-then-ok", func(w http.ResponseWriter, r *http.Request) {
		if n503.Add(1) == 1 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, "ok")
	})
	mux.HandleFunc("/429", func(w http.ResponseWriter, r *http.Request) {
		if n429.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, "ok")
	})
	mux.HandleFunc("/429-long", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		http.Error(w, "come back in an hour", http.StatusTooManyRequests)
	})
	mux.HandleFunc("/slow-then-ok", func(w http.ResponseWriter, r *http.Request) {
		if nSlow.Add(1) == 1 {
			select {
			case <-time.After(2 * time.Second):
			case <-r.Context().Done():
			}
			return
		}
		fmt.Fprint(w, "ok")
	})
	mux.HandleFunc("/always-slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.org/file.pdf", http.StatusFound)
	})
	mux.HandleFunc("/to-private", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/private/x", http.StatusFound)
	})
	mux.HandleFunc("/huge-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for i := 0; i < 50; i++ { // 50 MB, no Content-Length
			if _, err := w.Write([]byte(big)); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/huge-declared", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(50<<20))
		w.Write([]byte(big))
	})
	mux.HandleFunc("/private/x", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "secret") })
	mux.HandleFunc("/private/open", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "open") })
	mux.HandleFunc("/404", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	log := &logSink{}
	c := NewClient(Options{Rate: -1, Timeout: 200 * time.Millisecond, BackoffBase: 10 * time.Millisecond,
		BackoffMax: 50 * time.Millisecond, MaxRetryAfter: 5 * time.Second, Log: log.add})
	bigc := NewClient(Options{Rate: -1, Log: log.add})
	ctx := context.Background()

	for _, tc := range []struct {
		name     string
		path     string
		wantErr  error // nil: success
		wantBody string
		attempts int
	}{
		{"503 then success", "/503-then-ok", nil, "ok", 2},
		{"429 honouring Retry-After", "/429", nil, "ok", 2},
		{"429 asking too long", "/429-long", ErrRetryAfter, "", 1},
		{"timeout then success", "/slow-then-ok", nil, "ok", 2},
		{"timeout every time", "/always-slow", context.DeadlineExceeded, "", 4},
		{"redirect loop", "/loop", ErrTooManyRedirects, "", 1},
		{"redirect to ftp", "/to-ftp", ErrScheme, "", 1},
		{"redirect into a disallowed path", "/to-private", ErrDisallowed, "", 1},
		{"50 MB page without length", "/huge-chunked", ErrTooLarge, "", 1},
		{"50 MB page with length", "/huge-declared", ErrTooLarge, "", 1},
		{"robots disallow", "/private/x", ErrDisallowed, "", 0},
		{"robots allow beats longer disallow", "/private/open", nil, "open", 1},
		{"404 is final", "/404", nil, "", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			cl := c
			if strings.HasPrefix(tc.path, "/huge") {
				cl = bigc // reading 32 MB needs more than the short timeout
			}
			resp, err := cl.Get(ctx, srv.URL+tc.path, nil)
			if tc.path == "/404" {
				var se *StatusError
				if !errors.As(err, &se) || se.Status != 404 {
					t.Fatalf("Get = %v, want a 404 StatusError", err)
				}
				return
			}
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("Get(%s) error = %v, want %v", tc.path, err, tc.wantErr)
				}
			} else if err != nil {
				t.Fatalf("Get(%s) = %v", tc.path, err)
			} else if string(resp.Body) != tc.wantBody {
				t.Errorf("body = %q, want %q", resp.Body, tc.wantBody)
			}
			if tc.attempts > 0 && resp != nil && resp.Attempts != tc.attempts {
				t.Errorf("attempts = %d, want %d", resp.Attempts, tc.attempts)
			}
			if tc.path == "/429" && time.Since(start) < 900*time.Millisecond {
				t.Errorf("retried after %v, before Retry-After: 1", time.Since(start))
			}
		})
	}

	// A 50 MB page is never read whole: the log shows it stopped at the cap.
	for _, e := range log.entries() {
		if e.Bytes > DefaultMaxBody {
			t.Errorf("logged %d bytes for %s, over the cap", e.Bytes, e.URL)
		}
	}
	// Non-http links fail without a request.
	for _, raw := range []string{"ftp://example.org/x.pdf", "mailto:a@b.vn", "javascript:void(0)", "file:///etc/passwd", "//no-scheme/x"} {
		if _, err := c.Get(ctx, raw, nil); !errors.Is(err, ErrScheme) {
			t.Errorf("Get(%q) = %v, want ErrScheme", raw, err)
		}
	}
	// Every attempt was logged with its URL; failures with their error.
	var sawRetry, sawErr bool
	for _, e := range log.entries() {
		if e.URL == "" {
			t.Errorf("log entry without URL: %+v", e)
		}
		if strings.HasSuffix(e.URL, "/503-then-ok") && e.Status == 503 {
			sawRetry = true
		}
		if strings.HasSuffix(e.URL, "/loop") && e.Error != "" {
			sawErr = true
		}
	}
	if !sawRetry || !sawErr {
		t.Errorf("log lacks the 503 attempt (%v) or the redirect-loop error (%v)", sawRetry, sawErr)
	}
}

func TestRobotsUnreachableDisallowsHost(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, "page")
	}))
	defer srv.Close()
	c := NewClient(Options{Rate: -1, Retries: -1})
	if _, err := c.Get(context.Background(), srv.URL+"/a", nil); !errors.Is(err, errRobotsUnreachable) {
		t.Errorf("Get with robots.txt 500 = %v, want the host treated as disallowed", err)
	}
	ci := NewClient(Options{Rate: -1, Retries: -1, IgnoreRobots: true})
	if _, err := ci.Get(context.Background(), srv.URL+"/a", nil); err != nil {
		t.Errorf("IgnoreRobots: %v", err)
	}
}

func TestUserAgentAndConditionalGet(t *testing.T) {
	var ua atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		ua.Store(r.UserAgent())
		if r.Header.Get("If-None-Match") == `"v1"` || r.Header.Get("If-Modified-Since") == "Tue, 15 Jun 2021 00:00:00 GMT" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Tue, 15 Jun 2021 00:00:00 GMT")
		fmt.Fprint(w, "body")
	}))
	defer srv.Close()
	c := NewClient(Options{Rate: -1})
	ctx := context.Background()
	r1, err := c.Get(ctx, srv.URL+"/doc", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := ua.Load().(string); !strings.HasPrefix(got, "kehoach/") {
		t.Errorf("User-Agent = %q, want it to name kehoach", got)
	}
	if r1.ETag != `"v1"` || r1.LastMod == "" || r1.NotModified {
		t.Fatalf("first fetch: etag %q lastmod %q notmodified %v", r1.ETag, r1.LastMod, r1.NotModified)
	}
	for _, v := range []*Validators{{ETag: r1.ETag}, {LastModified: r1.LastMod}} {
		r2, err := c.Get(ctx, srv.URL+"/doc", v)
		if err != nil {
			t.Fatal(err)
		}
		if !r2.NotModified || len(r2.Body) != 0 {
			t.Errorf("conditional GET %+v: NotModified=%v body %q, want 304", v, r2.NotModified, r2.Body)
		}
	}
}

func TestDecodeWindows1258(t *testing.T) {
	// "Kế hoạch chuyển đổi số" in windows-1258 (base letters with
	// combining tone marks, as the code page stores them).
	enc := charmap.Windows1258.NewEncoder()
	src := "<p>Kế hoạch chuyển đổi số tỉnh Kon Tum</p>"
	raw, err := enc.Bytes([]byte(decomposeForCP1258(src)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/header":
			w.Header().Set("Content-Type", "text/html; charset=windows-1258")
			w.Write(raw)
		case "/meta":
			w.Header().Set("Content-Type", "text/html")
			w.Write(append([]byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body>`), raw...))
		case "/undeclared":
			w.Header().Set("Content-Type", "text/html")
			w.Write(raw)
		}
	}))
	defer srv.Close()
	c := NewClient(Options{Rate: -1})
	for _, path := range []string{"/header", "/meta", "/undeclared"} {
		resp, err := c.Get(context.Background(), srv.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		txt, cs := resp.Text()
		if cs != "windows-1258" {
			t.Errorf("%s: charset %q, want windows-1258", path, cs)
		}
		if got := nfc(txt); !strings.Contains(got, "Kế hoạch chuyển đổi số tỉnh Kon Tum") {
			t.Errorf("%s: decoded %q", path, got)
		}
	}
	// An undeclared UTF-8 page whose first KB is ASCII stays UTF-8.
	utf := strings.Repeat("<!-- padding -->", 100) + "<p>Kế hoạch</p>"
	if got, cs := Decode([]byte(utf), "text/html"); cs != "utf-8" || !strings.Contains(got, "Kế hoạch") {
		t.Errorf("Decode(utf-8 with ASCII head) = %q, %q", cs, got[len(got)-20:])
	}
}

func TestRobotsMatch(t *testing.T) {
	r := ParseRobots([]byte(`# comment
User-agent: kehoach
User-agent: otherbot
Disallow: /van-ban/*.pdf$
Disallow: /tim-kiem
Allow: /tim-kiem/public
Crawl-delay: 2.5

User-agent: *
Disallow: /
`))
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"/van-ban/a.pdf", false},
		{"/van-ban/a.pdf?x=1", true},
		{"/van-ban/a.html", true},
		{"/tim-kiem?q=1", false},
		{"/tim-kiem/public/x", true},
		{"/", true},
	} {
		u, _ := url.Parse("https://x.gov.vn" + tc.path)
		if got := r.Allowed("kehoach", u); got != tc.want {
			t.Errorf("Allowed(kehoach, %s) = %v, want %v", tc.path, got, tc.want)
		}
	}
	u, _ := url.Parse("https://x.gov.vn/van-ban/a.html")
	if r.Allowed("googlebot", u) {
		t.Error("googlebot allowed despite User-agent: * Disallow: /")
	}
	if d := r.CrawlDelay("kehoach"); d != 2500*time.Millisecond {
		t.Errorf("CrawlDelay = %v, want 2.5s", d)
	}
	if !ParseRobots(nil).Allowed("kehoach", u) {
		t.Error("empty robots.txt disallows")
	}
}

// TestDefaultRateLimit measures the default politeness against a local
// server: requests per second to one host. It takes about 5 s.
// TestLimiterSlots checks the default pacing on the limiter's own
// reservations with a fake clock: concurrent callers for one host get slots
// one interval apart, another host is not held up, and Crawl-delay only
// ever widens the interval. No wall-clock timing is asserted (the measured
// rate is BenchmarkDefaultRate's job).
func TestLimiterSlots(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	now := t0
	l := NewClient(Options{}).limit // the client's own limiter, with its defaults
	l.now = func() time.Time { return now }
	if l.interval != time.Second {
		t.Fatalf("default interval %v, want 1s (one request per second per host)", l.interval)
	}
	var mu sync.Mutex
	var slots []time.Time
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := l.reserve("a.gov.vn")
			mu.Lock()
			slots = append(slots, s)
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Slice(slots, func(i, j int) bool { return slots[i].Before(slots[j]) })
	for i, s := range slots {
		if want := t0.Add(time.Duration(i) * time.Second); !s.Equal(want) {
			t.Errorf("slot %d at %v, want %v", i, s.Sub(t0), want.Sub(t0))
		}
	}
	if s := l.reserve("b.gov.vn"); !s.Equal(t0) {
		t.Errorf("another host waits until %v, want no wait", s.Sub(t0))
	}
	l.setInterval("a.gov.vn", 5*time.Second) // Crawl-delay: 5
	l.setInterval("a.gov.vn", 2*time.Second) // never lowers it
	now = t0.Add(time.Hour)
	first, second := l.reserve("a.gov.vn"), l.reserve("a.gov.vn")
	if gap := second.Sub(first); gap != 5*time.Second {
		t.Errorf("gap after Crawl-delay 5 = %v, want 5s", gap)
	}
}

// BenchmarkDefaultRate measures the default rate against a local server in
// real time and reports it as requests/second/host.
func BenchmarkDefaultRate(b *testing.B) {
	var mu sync.Mutex
	var times []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		mu.Lock()
		times = append(times, time.Now())
		mu.Unlock()
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	c := NewClient(Options{}) // defaults: 1 request/second/host, 4 in flight
	const n = 6
	for it := 0; it < b.N; it++ {
		times = times[:0]
		var wg sync.WaitGroup
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				if _, err := c.Get(context.Background(), fmt.Sprintf("%s/p%d-%d", srv.URL, it, i), nil); err != nil {
					b.Error(err)
				}
			}(i)
		}
		wg.Wait()
	}
	if len(times) >= 2 {
		b.ReportMetric(float64(len(times)-1)/times[len(times)-1].Sub(times[0]).Seconds(), "req/s/host")
	}
}
