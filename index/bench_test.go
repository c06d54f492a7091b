package index

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"kehoach/corpus"
	"kehoach/index/synth"
)

// diskStore serves a synthetic corpus: texts on disk, records shared
// with the samples (so the fixture itself stays small in memory).
type diskStore struct {
	dir     string
	entries []corpus.Entry
	recs    map[string]*corpus.Extraction
}

func (s *diskStore) Entries() []corpus.Entry { return s.entries }
func (s *diskStore) Extraction(id string) (*corpus.Extraction, error) {
	x, ok := s.recs[id]
	if !ok {
		return nil, corpus.ErrNotFound
	}
	return x, nil
}
func (s *diskStore) Document(id string) (*corpus.Document, error) {
	b, err := os.ReadFile(filepath.Join(s.dir, id+".txt"))
	if err != nil {
		return nil, err
	}
	return &corpus.Document{ID: id, Source: id, Format: "txt", Text: string(b)}, nil
}

// synthStore writes n synthetic documents made from the samples.
func synthStore(tb testing.TB, n int) (*diskStore, int64) {
	tb.Helper()
	base := samples(tb)
	var ss []synth.Sample
	for _, e := range base.Entries() {
		d, _ := base.Document(e.ID)
		x, _ := base.Extraction(e.ID)
		ss = append(ss, synth.Sample{Name: strings.TrimSuffix(filepath.Base(e.Source), ".txt"), Text: d.Text, Province: x.Document.Province, Record: x})
	}
	st := &diskStore{dir: tb.TempDir(), recs: map[string]*corpus.Extraction{}}
	var size int64
	for i := 0; i < n; i++ {
		d := synth.One(ss, i, 1)
		h := sha256.Sum256([]byte(d.Text))
		id := hex.EncodeToString(h[:])
		if err := os.WriteFile(filepath.Join(st.dir, id+".txt"), []byte(d.Text), 0o644); err != nil {
			tb.Fatal(err)
		}
		x := *d.Record
		x.Source, x.SHA256 = d.Name+".txt", id
		st.recs[id] = &x
		st.entries = append(st.entries, corpus.Entry{Source: d.Name + ".txt", ID: id, Status: corpus.StatusOK})
		size += int64(len(d.Text))
	}
	return st, size
}

// peakRSS is the process's peak resident set (VmHWM), in bytes.
func peakRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// BenchQueries are ten typical searches.
var BenchQueries = []Query{
	{Text: "dich vu cong muc do 4"},
	{Text: "chuyển đổi số"},
	{Text: "an toan thong tin mang"},
	{Text: "CNTT"},
	{Text: `"chính quyền điện tử"`},
	{Text: "ha tang ky thuat", Year: 2022},
	{Text: "kinh phí thực hiện", Province: "Kon Tum"},
	{Text: "co so du lieu", ProvinceNow: "Hồ Chí Minh"},
	{Text: "value:>=1e10", Kind: KindBudget},
	{Text: `"mức độ 4" value:>=50`, Kind: KindTarget},
}

// BenchmarkCorpus indexes a synthetic corpus (KEHOACH_BENCH_DOCS
// documents, 1000 by default) in bulk through Sync (the reindex path;
// index/bench/recoll.sh measures the ingest command),
// then runs BenchQueries. It reports indexing throughput, the index size
// against the corpus text, peak memory and search latency p50/p99.
//
//	KEHOACH_BENCH_DOCS=10000 go test ./index -run XXX -bench Corpus -benchtime 1x -timeout 60m
func BenchmarkCorpus(b *testing.B) {
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("KEHOACH_BENCH_DOCS")); err == nil && v > 0 {
		n = v
	}
	st, text := synthStore(b, n)
	runtime.GC()
	for i := 0; i < b.N; i++ {
		dir := filepath.Join(b.TempDir(), "index")
		cpu0 := cpuTime()
		start := time.Now()
		ix, err := Open(dir, st)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ix.Sync("bench"); err != nil {
			b.Fatal(err)
		}
		took := time.Since(start)
		cpu := cpuTime() - cpu0
		// Let scorch finish merging so the size is the settled one.
		ix.Close()
		ix, err = Open(dir, st)
		if err != nil {
			b.Fatal(err)
		}
		size := DirSize(dir)
		lat := searchLatencies(b, ix, 20)
		ix.Close()
		b.ReportMetric(float64(n)/took.Seconds(), "docs/s")
		// The machine may be shared: throughput per CPU-second does not
		// depend on what else runs.
		b.ReportMetric(float64(n)/cpu.Seconds(), "docs/cpu-s")
		b.ReportMetric(float64(text)/took.Seconds()/(1<<20), "MB/s")
		b.ReportMetric(float64(size)/float64(text), "index/text")
		b.ReportMetric(float64(size)/(1<<20), "index-MiB")
		b.ReportMetric(float64(text)/(1<<20), "text-MiB")
		b.ReportMetric(float64(peakRSS())/(1<<20), "peak-RSS-MiB")
		b.ReportMetric(float64(pct(lat, 50).Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(pct(lat, 99).Microseconds())/1000, "p99-ms")
	}
}

// cpuTime is the user + system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkPut is the ingest path: one atomic, persisted batch per
// document.
func BenchmarkPut(b *testing.B) {
	st, _ := synthStore(b, 50)
	ix, err := Open(filepath.Join(b.TempDir(), "index"), st)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e := st.entries[i%len(st.entries)]
		d, _ := st.Document(e.ID)
		if err := ix.Put(d, st.recs[e.ID], "s"); err != nil {
			b.Fatal(err)
		}
	}
}

func searchLatencies(tb testing.TB, ix *Index, rounds int) []time.Duration {
	var lat []time.Duration
	for r := 0; r < rounds; r++ {
		for _, q := range BenchQueries {
			start := time.Now()
			res, err := ix.Search(context.Background(), q)
			if err != nil {
				tb.Fatalf("%+v: %v", q, err)
			}
			lat = append(lat, time.Since(start))
			if r == 0 && testing.Verbose() {
				fmt.Printf("%-40q %6d hits %v\n", q.Text, res.Total, lat[len(lat)-1])
			}
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	return lat
}

func pct(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	if i > 0 {
		i--
	}
	return sorted[i]
}

// BenchmarkSearchData runs BenchQueries against the index of an existing
// data directory (KEHOACH_BENCH_DATA, e.g. the one index/bench/recoll.sh
// leaves in $WORK/data) and reports p50/p99 over all queries and the p99
// of each query (per-query metrics are named q0-p99-ms … q9-p99-ms).
//
//	KEHOACH_BENCH_DATA=/tmp/rb/data go test ./index -run XXX -bench SearchData -benchtime 1x
func BenchmarkSearchData(b *testing.B) {
	dir := os.Getenv("KEHOACH_BENCH_DATA")
	if dir == "" {
		b.Skip("KEHOACH_BENCH_DATA not set")
	}
	st, err := corpus.OpenLazy(dir)
	if err != nil {
		b.Fatal(err)
	}
	ix, err := OpenReadOnly(st.IndexDir(), st)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	for i := 0; i < b.N; i++ {
		lat := searchLatencies(b, ix, 20)
		b.ReportMetric(float64(pct(lat, 50).Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(pct(lat, 99).Microseconds())/1000, "p99-ms")
	}
	for qi, q := range BenchQueries {
		var lat []time.Duration
		for r := 0; r < 10; r++ {
			start := time.Now()
			if _, err := ix.Search(context.Background(), q); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(start))
		}
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		b.ReportMetric(float64(pct(lat, 99).Microseconds())/1000, fmt.Sprintf("q%d-p99-ms", qi))
	}
}
