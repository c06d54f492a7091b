package index

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"kehoach/corpus"
	"kehoach/ingest"
)

// memStore is a Store held in memory.
type memStore struct {
	entries []corpus.Entry
	docs    map[string]*corpus.Document
	recs    map[string]*corpus.Extraction
}

func newMemStore() *memStore {
	return &memStore{docs: map[string]*corpus.Document{}, recs: map[string]*corpus.Extraction{}}
}

func (m *memStore) Entries() []corpus.Entry { return append([]corpus.Entry(nil), m.entries...) }
func (m *memStore) Document(id string) (*corpus.Document, error) {
	d, ok := m.docs[id]
	if !ok {
		return nil, corpus.ErrNotFound
	}
	return d, nil
}
func (m *memStore) Extraction(id string) (*corpus.Extraction, error) {
	x, ok := m.recs[id]
	if !ok {
		return nil, corpus.ErrNotFound
	}
	return x, nil
}

func (m *memStore) put(doc *corpus.Document, rec *corpus.Extraction) {
	for i, e := range m.entries {
		if e.Source == doc.Source {
			m.entries = append(m.entries[:i], m.entries[i+1:]...)
			break
		}
	}
	m.entries = append(m.entries, corpus.Entry{Source: doc.Source, ID: doc.ID, Status: corpus.StatusOK})
	sort.Slice(m.entries, func(i, j int) bool { return m.entries[i].Source < m.entries[j].Source })
	m.docs[doc.ID], m.recs[doc.ID] = doc, rec
}

func (m *memStore) remove(source string) {
	for i, e := range m.entries {
		if e.Source == source {
			m.entries = append(m.entries[:i], m.entries[i+1:]...)
			delete(m.docs, e.ID)
			delete(m.recs, e.ID)
			return
		}
	}
}

// samples loads the five sample plans with their gold records as the
// extractions (the extractors are not needed to test the index).
func samples(t testing.TB) *memStore {
	t.Helper()
	st := newMemStore()
	paths, _ := filepath.Glob("../testdata/corpus/*.txt")
	if len(paths) == 0 {
		t.Fatal("no samples")
	}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ingest.Bytes(p, "txt", raw, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		rec := &corpus.Extraction{}
		gold := filepath.Join("../testdata/gold", strings.TrimSuffix(filepath.Base(p), ".txt")+".json")
		if b, err := os.ReadFile(gold); err == nil {
			if err := json.Unmarshal(b, rec); err != nil {
				t.Fatalf("%s: %v", gold, err)
			}
		}
		rec.Source, rec.SHA256 = p, doc.ID
		st.put(doc, rec)
	}
	return st
}

func openSamples(t testing.TB) (*Index, *memStore) {
	t.Helper()
	st := samples(t)
	ix, err := Open(filepath.Join(t.TempDir(), "index"), st)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ix.Sync("s1"); err != nil {
		t.Fatal(err)
	}
	return ix, st
}
