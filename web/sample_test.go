package web

import (
	"testing"

	"kehoach/corpus"
	"kehoach/index"
)

// compareKey is the indicator the browser test compares.
const compareKey = "gov.dvc_l34_share"

// sampleSearcher is the search index over the sample store, as `kehoach
// serve` uses it, for the browser and load tests.
func sampleSearcher(t testing.TB, st Store) Searcher {
	t.Helper()
	cs, ok := st.(*corpus.Store)
	if !ok {
		return &fakeSearcher{st: st}
	}
	ix, err := index.Open(t.TempDir(), cs)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ix.Sync("test"); err != nil {
		t.Fatal(err)
	}
	return IndexSearcher{Index: ix}
}

// sampleComparer is package compare over the sample index, as `kehoach
// serve` uses it.
func sampleComparer(t testing.TB, st Store) Comparer {
	t.Helper()
	s, ok := sampleSearcher(t, st).(IndexSearcher)
	if !ok {
		return fakeComparer{st: st}
	}
	return IndexComparer{Src: s.Index.(*index.Index)}
}
