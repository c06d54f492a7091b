package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"kehoach/extract"
	"kehoach/ingest"
)

// BenchmarkPipeline runs the whole per-document path of "kehoach ingest"
// short of the store: ingest.Bytes (decode, normalise, repair, sections,
// notes, tables) then extract.Run with every extractor, over the five
// sample plans. It reports docs/s and MB/s of input text; KEHOACH_BENCH_DIR
// names another directory of .txt plans (e.g. the output of
// index/synth/gen) to run over instead.
func BenchmarkPipeline(b *testing.B) {
	dir := os.Getenv("KEHOACH_BENCH_DIR")
	if dir == "" {
		dir = "../testdata/corpus"
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		b.Skip("no .txt plans in " + dir)
	}
	var docs [][]byte
	var n int64
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, raw)
		n += int64(len(raw))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, raw := range docs {
			doc, err := ingest.Bytes("bench.txt", "txt", raw, ingest.Options{})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := extract.Run(doc); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N)*float64(len(docs))/b.Elapsed().Seconds(), "docs/s")
}
