package main

import (
	"bufio"
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"kehoach/corpus"
	"kehoach/ingest/fetch"
)

// TestCrawlCommandInterrupted crawls a 200-document site with the crawl
// command, cancelling it twice at random points in-process, and checks the
// third run ends with every document ingested exactly once.
func TestCrawlCommandInterrupted(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	var reqs, cancelAt atomic.Int64
	var cancel atomic.Value
	srv := site200(t, 200, func() {
		if reqs.Add(1) == cancelAt.Load() {
			cancel.Load().(context.CancelFunc)()
		}
	})
	data := t.TempDir()
	count := ingestCounter(t)
	args := []string{"--data", data, "crawl", "--site", "thuvienphapluat", "--base-url", srv.URL, "--query", "chuyển đổi số", "--rate", "0", "--workers", "4"}
	for i := 0; i < 2; i++ {
		ctx, cf := context.WithCancel(context.Background())
		cancel.Store(context.CancelFunc(cf))
		stop := int64(10 + rng.IntN(150))
		cancelAt.Store(reqs.Load() + stop)
		code, out, errs := runCLICtx(ctx, args...)
		cf()
		if code == 0 {
			t.Fatalf("run %d cancelled after %d requests exited 0:\n%s\n%s", i+1, stop, out, errs)
		}
	}
	cancelAt.Store(-1)
	code, out, errs := runCLICtx(context.Background(), args...)
	if code != 0 || !strings.Contains(out, "200 fetched") {
		t.Fatalf("final run = %d\nstdout: %s\nstderr: %s", code, out, clip(errs))
	}
	checkCrawl200(t, data, srv.URL, count(), true)
	// Plain log lines (not a terminal): one per document.
	if !strings.Contains(errs, "crawl: ok doc "+srv.URL+"/van-ban/") {
		t.Errorf("no per-document log line:\n%s", clip(errs))
	}
	// A finished crawl run again fetches nothing.
	before := reqs.Load()
	code, out, _ = runCLICtx(context.Background(), args...)
	if code != 0 || reqs.Load() != before {
		t.Errorf("re-run of a finished crawl = %d, %d requests; stdout %s", code, reqs.Load()-before, out)
	}
}

// TestCrawlChild is run as a subprocess by TestCrawlKilled.
func TestCrawlChild(t *testing.T) {
	spec := os.Getenv("KEHOACH_CRAWL_CHILD")
	if spec == "" {
		t.Skip("subprocess of TestCrawlKilled")
	}
	var c struct {
		Args []string
		Log  string
	}
	if err := json.Unmarshal([]byte(spec), &c); err != nil {
		t.Fatal(err)
	}
	afterIngest = append(afterIngest, ingestLogHook(c.Log))
	os.Exit(run(context.Background(), append([]string{"kehoach"}, c.Args...), os.Stdout, os.Stderr))
}

// ingestLogHook appends each ingested source to path, one per line.
func ingestLogHook(path string) func(*corpus.Store, *corpus.Document, *corpus.Extraction) error {
	return func(_ *corpus.Store, doc *corpus.Document, _ *corpus.Extraction) error {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = f.WriteString(doc.Source + "\n")
		return err
	}
}

// TestCrawlKilled kills a crawl subprocess (SIGKILL) twice at random
// points and resumes it; the documents end up ingested exactly once each.
func TestCrawlKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the crawl in subprocesses")
	}
	srv := site200(t, 200, nil)
	data := t.TempDir()
	ingestLog := filepath.Join(t.TempDir(), "ingested.txt")
	args := []string{"--data", data, "crawl", "--site", "thuvienphapluat", "--base-url", srv.URL, "--query", "chuyển đổi số", "--rate", "300", "--workers", "3"}
	spec, _ := json.Marshal(struct {
		Args []string
		Log  string
	}{args, ingestLog})
	rng := rand.New(rand.NewPCG(3, 5))
	manifestLen := func() int {
		st, err := corpus.Open(data)
		if err != nil {
			return 0
		}
		return len(st.Entries())
	}
	for i := 0; i < 2; i++ {
		at := manifestLen() + 10 + rng.IntN(60)
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrawlChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "KEHOACH_CRAWL_CHILD="+string(spec))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(60 * time.Second)
		for manifestLen() < at && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		cmd.Process.Kill()
		cmd.Wait()
		t.Logf("kill %d after %d manifest entries", i+1, manifestLen())
	}
	hook := ingestLogHook(ingestLog)
	afterIngest = append(afterIngest, hook)
	defer func() { afterIngest = afterIngest[:len(afterIngest)-1] }()
	code, out, errs := runCLICtx(context.Background(), append(args[:len(args):len(args)], "--rate", "0")...)
	if code != 0 {
		t.Fatalf("resumed crawl = %d\n%s\n%s", code, out, clip(errs))
	}
	f, err := os.Open(ingestLog)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n[sc.Text()]++
	}
	checkCrawl200(t, data, srv.URL, n, false)
}

func TestProgressLine(t *testing.T) {
	var b strings.Builder
	p := newProgress(&b, true)
	p.event(fetch.Event{Kind: "doc", Stats: fetch.Stats{Found: 10, Fetched: 4, Failed: 1, Pending: 5, Rate: 0.9}})
	p.event(fetch.Event{Kind: "doc", Stats: fetch.Stats{Found: 10, Fetched: 5, Failed: 1, Pending: 4, Rate: 1}})
	p.done()
	want := "\rcrawl: [############........] 10 found, 5 fetched, 1 failed, 0 skipped, 4 pending, 1.00 doc/s\n"
	if got := b.String(); !strings.HasSuffix(got, want) || !strings.HasPrefix(got, "\rcrawl: [##########..........] 10 found, 4 fetched") {
		t.Errorf("terminal progress = %q, want it to end %q", got, want)
	}
	b.Reset()
	p = newProgress(&b, false)
	p.event(fetch.Event{Kind: "doc", URL: "http://x/a", Outcome: fetch.DoneOK, Stats: fetch.Stats{Fetched: 1}})
	if got := b.String(); got != "crawl: ok doc http://x/a (1 fetched, 0 failed, 0.00 doc/s)\n" {
		t.Errorf("log line = %q", got)
	}
}
