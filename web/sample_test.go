package web

import "testing"

// compareKey is the indicator the browser test compares.
const compareKey = "dvc_level4_share"

// sampleSearcher is the searcher over the sample store for the browser
// and load tests.
func sampleSearcher(t testing.TB, st Store) Searcher { return &fakeSearcher{st: st} }

// sampleComparer is the comparer over the sample store.
func sampleComparer(t testing.TB, st Store) Comparer { return fakeComparer{st: st} }
