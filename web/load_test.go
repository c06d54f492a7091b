package web

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkLoad puts many concurrent clients on the application over
// loopback, against the sample store and its index, and reports
// requests/s, the median and p99 latency, and the heap in use afterwards.
// The count is bounded by -benchtime, e.g.
//
//	go test ./web -run '^$' -bench Load -benchtime 3000x
func BenchmarkLoad(b *testing.B) {
	st := sampleStore(b)
	newServer := func(cache int) *httptest.Server {
		s, err := New(Options{Store: st, Search: sampleSearcher(b, st), Compare: sampleComparer(b, st), Logf: b.Logf, Timeout: time.Minute, CacheSize: cache})
		if err != nil {
			b.Fatal(err)
		}
		ts := httptest.NewServer(s)
		b.Cleanup(ts.Close)
		return ts
	}
	ts, cold := newServer(0), newServer(-1)
	queries := []string{
		"/search?q=dich+vu+cong+truc+tuyen",
		"/search?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91&page=1",
		"/search?q=an+toan+thong+tin&province=Cao+B%E1%BA%B1ng",
		"/search?q=LGSP&kind=target",
		"/api/search?q=kinh+phi",
	}
	compares := []string{
		"/compare?by=indicator&key=" + compareKey,
		"/api/compare?by=indicator&key=" + compareKey,
		"/api/export?by=indicator&format=csv&key=" + compareKey,
	}
	for _, bc := range []struct {
		name    string
		ts      *httptest.Server
		paths   []string
		clients int
	}{
		// search-nocache runs every search on the index; search repeats
		// five queries, so after the first round they come from the cache.
		{"search-nocache/c=8", cold, queries, 8},
		{"search/c=32", ts, queries, 32},
		{"compare/c=32", ts, compares, 32},
		{"document/c=32", ts, []string{"/doc/" + docIDOf(b, st, "003_")}, 32},
	} {
		b.Run(bc.name, func(b *testing.B) { loadRun(b, bc.ts.URL, bc.paths, bc.clients) })
	}
}

func loadRun(b *testing.B, base string, paths []string, clients int) {
	tr := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	// Warm the connections and the catalog.
	for _, p := range paths {
		if err := fetch(client, base+p); err != nil {
			b.Fatal(err)
		}
	}
	lat := make([]time.Duration, b.N)
	var next atomic.Int64
	var failed atomic.Int64
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= b.N {
					return
				}
				t0 := time.Now()
				if err := fetch(client, base+paths[i%len(paths)]); err != nil {
					failed.Add(1)
				}
				lat[i] = time.Since(t0)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	if n := failed.Load(); n > 0 {
		b.Fatalf("%d of %d requests failed", n, b.N)
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MiB")
}

func fetch(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return nil
}
