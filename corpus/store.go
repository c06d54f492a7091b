package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"
)

// ErrNotFound is returned for a document the store does not hold.
var ErrNotFound = errors.New("corpus: document not found")

// Entry statuses in the manifest.
const (
	StatusOK      = "ok"
	StatusFailed  = "failed"
	StatusSkipped = "skipped"
)

// Entry is one manifest line: what was ingested from where, and how it went.
type Entry struct {
	Source   string    `json:"source"` // path or URL as given
	ID       string    `json:"id"`     // SHA-256 of the raw bytes; "" when they could not be read
	Format   string    `json:"format"`
	Size     int64     `json:"size"`
	Ingested time.Time `json:"ingested"`
	Status   string    `json:"status"`
	Error    string    `json:"error,omitempty"`
	Province string    `json:"province,omitempty"`
	Year     int       `json:"year,omitempty"`
	Fetch    *Fetch    `json:"fetch,omitempty"` // how a fetched or crawled URL was downloaded
}

// Store is the on-disk corpus. Layout of a data directory:
//
//	manifest.json           []Entry, one per source, sorted by source
//	docs/<id[:2]>/<id>/raw  the raw bytes, content-addressed
//	            .../text.txt the normalised text (Document.Text)
//	            .../doc.json the Document without its text
//	            .../record.json the Extraction
//	index/                  the search index (package index)
//
// Every file is written to a temporary name and renamed into place, so a
// crash leaves either the old or the new version, never half of one. The
// manifest is written last: a document is in the corpus once the manifest
// names it.
type Store struct {
	Dir string

	mu       sync.Mutex
	manifest map[string]Entry // by source; nil until loaded
	loadErr  error

	// While deferring (Defer), Put writes files without syncing each one
	// and Record changes only the manifest in memory; Flush syncs the file
	// system once, writes the manifest, then removes superseded documents.
	deferring bool
	dirty     bool
	orphans   []string // document ids that may be unreferenced after Flush
	unsynced  []string // files written since the last Flush
}

// Open opens (creating if needed) the store in dir and reads its
// manifest.
func Open(dir string) (*Store, error) {
	s, err := OpenLazy(dir)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.loadLocked(); err != nil {
		return nil, err
	}
	return s, nil
}

// OpenLazy opens the store in dir without reading the manifest, which is
// read on first use: for a reader that may never need it (a search
// against a current index reads documents by id, and a manifest of
// 10 000 entries takes longer to decode than the search). When the
// manifest cannot be read then, Lookup and Entries find nothing and every
// write returns the error.
func OpenLazy(dir string) (*Store, error) {
	if err := os.MkdirAll(filepath.Join(dir, "docs"), 0o755); err != nil {
		return nil, fmt.Errorf("corpus: open %s: %w", dir, err)
	}
	return &Store{Dir: dir}, nil
}

// Load reads the manifest of a lazily opened store now, returning its
// error (Open has already done this).
func (s *Store) Load() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.loadLocked()
}

// loadLocked reads the manifest once; s.mu is held.
func (s *Store) loadLocked() error {
	if s.manifest != nil || s.loadErr != nil {
		return s.loadErr
	}
	m := map[string]Entry{}
	b, err := os.ReadFile(s.manifestPath())
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		s.loadErr = fmt.Errorf("corpus: open %s: %w", s.Dir, err)
	default:
		var es []Entry
		if err := json.Unmarshal(b, &es); err != nil {
			s.loadErr = fmt.Errorf("corpus: %s: bad manifest: %w", s.manifestPath(), err)
			break
		}
		for _, e := range es {
			m[e.Source] = e
		}
	}
	if s.loadErr == nil {
		s.manifest = m
	}
	return s.loadErr
}

func (s *Store) manifestPath() string { return filepath.Join(s.Dir, "manifest.json") }

// DocDir is the directory holding the files of document id.
func (s *Store) DocDir(id string) string {
	if len(id) < 2 {
		return filepath.Join(s.Dir, "docs", "_", id)
	}
	return filepath.Join(s.Dir, "docs", id[:2], id)
}

// IndexDir is where the search index lives.
func (s *Store) IndexDir() string { return filepath.Join(s.Dir, "index") }

// Lookup returns the manifest entry for source.
func (s *Store) Lookup(source string) (Entry, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.loadLocked()
	e, ok := s.manifest[source]
	return e, ok
}

// Entries returns the manifest, sorted by source.
func (s *Store) Entries() []Entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.loadLocked()
	es := make([]Entry, 0, len(s.manifest))
	for _, e := range s.manifest {
		es = append(es, e)
	}
	sort.Slice(es, func(i, j int) bool { return es[i].Source < es[j].Source })
	return es
}

// Has reports whether document id is stored with its record.
func (s *Store) Has(id string) bool {
	_, err := os.Stat(filepath.Join(s.DocDir(id), "record.json"))
	return err == nil
}

// Put stores a document, its raw bytes and its extraction, then records
// the entry in the manifest. When the source previously held other bytes,
// the old document is removed unless another source still refers to it.
func (s *Store) Put(raw []byte, doc *Document, rec *Extraction, e Entry) error {
	dir := s.DocDir(doc.ID)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("corpus: put %s: %w", doc.Source, err)
	}
	meta, err := json.Marshal(doc)
	if err != nil {
		return fmt.Errorf("corpus: put %s: %w", doc.Source, err)
	}
	recb, err := json.MarshalIndent(rec, "", " ")
	if err != nil {
		return fmt.Errorf("corpus: put %s: %w", doc.Source, err)
	}
	for _, f := range []struct {
		name string
		b    []byte
	}{{"raw", raw}, {"text.txt", []byte(doc.Text)}, {"doc.json", meta}, {"record.json", recb}} {
		path := filepath.Join(dir, f.name)
		deferring := s.Deferring()
		if err := writeFileAtomic(path, f.b, !deferring); err != nil {
			return fmt.Errorf("corpus: put %s: %w", doc.Source, err)
		}
		if deferring {
			s.mu.Lock()
			s.unsynced = append(s.unsynced, path)
			s.mu.Unlock()
		}
	}
	return s.Record(e)
}

// Record sets the manifest entry for e.Source and writes the manifest
// (while deferring, Flush writes it).
func (s *Store) Record(e Entry) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.loadLocked(); err != nil {
		return err
	}
	old, had := s.manifest[e.Source]
	s.manifest[e.Source] = e
	if had && old.ID != "" && old.ID != e.ID {
		s.orphans = append(s.orphans, old.ID)
	}
	if s.deferring {
		s.dirty = true
		return nil
	}
	return s.flushLocked()
}

// Defer starts or ends a batch. While deferring, the documents Put and
// the entries Record sets are visible through this Store at once, and
// reach the manifest (and so other processes) at the next Flush: a batch
// of n documents writes the manifest once, not n times, and syncs the
// file system once, not 4n times. A crash before Flush loses the
// batch's manifest entries, never the manifest: the documents' files are
// orphans that the next ingest of the same bytes writes again. Ending a
// batch flushes it.
func (s *Store) Defer(on bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.deferring = on
	if on || !s.dirty {
		return nil
	}
	return s.flushLocked()
}

// Deferring reports whether a batch is open (Defer).
func (s *Store) Deferring() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.deferring
}

// Flush makes a deferred batch durable: it syncs the files written since
// the last Flush, writes the manifest, and removes documents no source
// refers to any longer. It does nothing when nothing changed.
func (s *Store) Flush() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.dirty {
		return nil
	}
	return s.flushLocked()
}

func (s *Store) flushLocked() error {
	if s.dirty {
		if err := syncFS(s.Dir, s.unsynced); err != nil {
			return fmt.Errorf("corpus: sync %s: %w", s.Dir, err)
		}
	}
	if err := s.writeManifest(); err != nil {
		return err
	}
	s.dirty = false
	s.unsynced = s.unsynced[:0]
	for _, id := range s.orphans {
		if !s.referenced(id) {
			os.RemoveAll(s.DocDir(id))
		}
	}
	s.orphans = s.orphans[:0]
	return nil
}

func (s *Store) referenced(id string) bool {
	for _, e := range s.manifest {
		if e.ID == id {
			return true
		}
	}
	return false
}

func (s *Store) writeManifest() error {
	es := make([]Entry, 0, len(s.manifest))
	for _, e := range s.manifest {
		es = append(es, e)
	}
	sort.Slice(es, func(i, j int) bool { return es[i].Source < es[j].Source })
	b, err := json.MarshalIndent(es, "", " ")
	if err != nil {
		return err
	}
	return WriteFileAtomic(s.manifestPath(), b)
}

// Document reads a stored document with its text.
func (s *Store) Document(id string) (*Document, error) {
	dir := s.DocDir(id)
	b, err := os.ReadFile(filepath.Join(dir, "doc.json"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	if err != nil {
		return nil, err
	}
	var d Document
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("corpus: %s: %w", dir, err)
	}
	t, err := os.ReadFile(filepath.Join(dir, "text.txt"))
	if err != nil {
		return nil, err
	}
	d.Text = string(t)
	return &d, nil
}

// Raw reads the raw bytes of a stored document.
func (s *Store) Raw(id string) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(s.DocDir(id), "raw"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	return b, err
}

// Extraction reads the stored record of a document.
func (s *Store) Extraction(id string) (*Extraction, error) {
	return s.ExtractionOf(id, "")
}

// ExtractionOf reads the stored record of a document with the entries of
// one kind only ("citations", "targets", "budgets" or "projects"; "" for
// all): the others are skipped, not decoded, which halves the reading of
// a record file when a comparison needs one kind.
func (s *Store) ExtractionOf(id, kind string) (*Extraction, error) {
	b, err := os.ReadFile(filepath.Join(s.DocDir(id), "record.json"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	if err != nil {
		return nil, err
	}
	x, err := decodeExtraction(b, kind)
	if err != nil {
		return nil, fmt.Errorf("corpus: %s: %w", id, err)
	}
	return x, nil
}

// decodeExtraction decodes a record file, keeping the entries of kind
// only (all of them for "").
func decodeExtraction(b []byte, kind string) (*Extraction, error) {
	x := &Extraction{}
	if kind == "" {
		return x, json.Unmarshal(b, x)
	}
	var v struct {
		Source    string             `json:"source"`
		SHA256    string             `json:"sha256"`
		Document  DocMeta            `json:"document"`
		Citations kindOnly[Citation] `json:"citations"`
		Targets   kindOnly[Target]   `json:"targets"`
		Budgets   kindOnly[Budget]   `json:"budgets"`
		Projects  kindOnly[Project]  `json:"projects"`
	}
	v.Citations.want = kind == "citations"
	v.Targets.want = kind == "targets"
	v.Budgets.want = kind == "budgets"
	v.Projects.want = kind == "projects"
	if !v.Citations.want && !v.Targets.want && !v.Budgets.want && !v.Projects.want {
		return nil, fmt.Errorf("unknown record kind %q", kind)
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, err
	}
	x.Source, x.SHA256, x.Document = v.Source, v.SHA256, v.Document
	x.Citations, x.Targets, x.Budgets, x.Projects = v.Citations.v, v.Targets.v, v.Budgets.v, v.Projects.v
	return x, nil
}

// kindOnly is a list of entries that is decoded only when wanted; else
// the decoder passes over it.
type kindOnly[T any] struct {
	want bool
	v    []T
}

func (k *kindOnly[T]) UnmarshalJSON(b []byte) error {
	if !k.want {
		return nil
	}
	return json.Unmarshal(b, &k.v)
}

// PutExtraction replaces the stored record of a document (re-extraction).
func (s *Store) PutExtraction(id string, rec *Extraction) error {
	b, err := json.MarshalIndent(rec, "", " ")
	if err != nil {
		return err
	}
	return WriteFileAtomic(filepath.Join(s.DocDir(id), "record.json"), b)
}

// Extractions returns the records of every document in the manifest with
// status ok, each once, in manifest order.
func (s *Store) Extractions() ([]*Extraction, error) {
	var out []*Extraction
	seen := map[string]bool{}
	for _, e := range s.Entries() {
		if e.Status != StatusOK || seen[e.ID] {
			continue
		}
		seen[e.ID] = true
		x, err := s.Extraction(e.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, nil
}

// WriteFileAtomic writes b to path through a temporary file in the same
// directory, synced and renamed into place.
func WriteFileAtomic(path string, b []byte) error { return writeFileAtomic(path, b, true) }

// writeFileAtomic is WriteFileAtomic; without sync, the caller syncs the
// file system before anything durable refers to path.
func writeFileAtomic(path string, b []byte, sync bool) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := syncFile(f, sync); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

func syncFile(f *os.File, sync bool) error {
	if !sync {
		return nil
	}
	return f.Sync()
}
