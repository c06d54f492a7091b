package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/corpus"
	"kehoach/index"
)

// TestBatchIngest ingests the samples plus a broken file with batches of
// every size from one document up: whatever the number of flushes, the
// manifest names every file, errors come in file order, and the index
// ends current with the store (its stamp is the store's) and finds every
// document.
func TestBatchIngest(t *testing.T) {
	samples, _ := filepath.Glob("../../testdata/corpus/*.txt")
	if len(samples) == 0 {
		t.Fatal("no samples")
	}
	defer func(n int) { batchBytes = n }(batchBytes)
	for _, tc := range []struct {
		name  string
		bytes int
	}{
		{"a flush per document", 1},
		{"two documents a flush", 200 << 10},
		{"one batch", 1 << 30},
	} {
		t.Run(tc.name, func(t *testing.T) {
			batchBytes = tc.bytes
			dir := t.TempDir()
			in := filepath.Join(dir, "in")
			os.MkdirAll(in, 0o755)
			for _, p := range samples {
				b, _ := os.ReadFile(p)
				os.WriteFile(filepath.Join(in, filepath.Base(p)), b, 0o644)
			}
			os.WriteFile(filepath.Join(in, "0empty.txt"), nil, 0o644)
			os.WriteFile(filepath.Join(in, "zz-empty.txt"), nil, 0o644)
			data := filepath.Join(dir, "data")
			_, out, errs := runCLI(t, "--data", data, "ingest", in)
			if want := "5 ingested, 0 unchanged, 2 skipped"; !strings.Contains(out, want) {
				t.Errorf("stdout %q, want %q", out, want)
			}
			if i, j := strings.Index(errs, "0empty.txt"), strings.Index(errs, "zz-empty.txt"); i < 0 || j < i {
				t.Errorf("errors not in file order:\n%s", errs)
			}
			st, err := corpus.Open(data)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(st.Entries()); n != 7 {
				t.Errorf("manifest has %d entries, want 7", n)
			}
			ix, err := index.OpenReadOnly(st.IndexDir(), st)
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			if ix.Stamp() != storeStamp(st) {
				t.Errorf("index stamp %q, store stamp %q: the index is stale after the batch", ix.Stamp(), storeStamp(st))
			}
			c, err := ix.Count()
			if err != nil {
				t.Fatal(err)
			}
			if c[index.KindDoc] != 5 {
				t.Errorf("index holds %d documents, want 5", c[index.KindDoc])
			}
		})
	}
}
