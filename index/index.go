package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	bindex "github.com/blevesearch/bleve_index_api"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	zapx "github.com/blevesearch/zapx/v17"

	"kehoach/corpus"
	"kehoach/corpus/province"
	"kehoach/corpus/province/vifold"
)

// Version is the layout of the index: entries, fields and analyzers. An
// index written with another version is rebuilt from the store.
const Version = "kehoach-index-16"

// Entry kinds. A document is one entry; each of its records is another.
const (
	KindDoc      = "doc"
	KindCitation = "citation"
	KindTarget   = "target"
	KindBudget   = "budget"
	KindProject  = "project"
)

// Kinds lists the record kinds, in the order of SCHEMA.md.
var Kinds = []string{KindCitation, KindTarget, KindBudget, KindProject}

// Field names in the index.
const (
	fKind        = "kind"
	fDoc         = "doc"
	fSource      = "source"
	fType        = "type"      // folded, for filters
	fTypeName    = "type_name" // as written, for facets
	fProvince    = "province"
	fProvinceNow = "province_now"
	fYearKey     = "year_key"
	fIndicator   = "indicator"
	fValue       = "value"
	fText        = "text"
	fDigest      = "digest"
	// fFacet holds every faceted value of an entry (province,
	// province_now, year_key, type_name, indicator), in one doc-values
	// field, coded short (facetValue): a facet count visits one field per
	// hit, not five, and decodes few bytes.
	fFacet = "facet"
	// Stored only, on document entries: what a hit shows, so that search
	// need not read the record.
	fSSource   = "s_source"
	fSNumber   = "s_number"
	fSTitle    = "s_title"
	fSProvince = "s_province"
	fSNow      = "s_now"
	fSPeriod   = "s_period"
)

// Internal keys.
var (
	keyVersion = []byte("kehoach/version")
	keyStamp   = []byte("kehoach/stamp")
)

// Store is what the index reads documents and records from; *corpus.Store
// is one.
type Store interface {
	Entries() []corpus.Entry
	Document(id string) (*corpus.Document, error)
	Extraction(id string) (*corpus.Extraction, error)
}

var _ Store = (*corpus.Store)(nil)

// Index is the search index of a data directory. Its entries are the
// documents and their records; its text fields are neither stored nor
// given term vectors (snippets are cut from the store's text), which
// keeps it small.
type Index struct {
	dir   string
	d     bleve.Index            // document entries, with the version, stamp and digests
	r     map[string]bleve.Index // record entries, one index per kind
	recs  bleve.IndexAlias       // every record kind
	all   bleve.IndexAlias
	store Store

	mu    sync.Mutex
	cache map[string]*corpus.Extraction // doc id -> record, for hit joins

	staged      *batch // documents Stage added, for CommitStaged
	stagedDocs  int
	stagedBytes int
	committing  chan error // the commit StartCommit began, if any
}

// ErrStale is returned by Check when the index does not reflect the
// store it is opened against.
var ErrStale = errors.New("index: out of date with the store")

func newMapping() mapping.IndexMapping {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = FoldAnalyzer
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	dm := bleve.NewDocumentStaticMapping()

	keyword := func(name string, docValues bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Name = name
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = docValues
		return f
	}
	text := func(name, analyzer string) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Name = name
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	num := func(name string) *mapping.FieldMapping {
		f := bleve.NewNumericFieldMapping()
		f.Name = name
		f.Store = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	dm.AddFieldMappingsAt(fKind, keyword(fKind, true))
	dm.AddFieldMappingsAt(fDoc, keyword(fDoc, false))
	dm.AddFieldMappingsAt(fSource, keyword(fSource, false))
	dm.AddFieldMappingsAt(fType, keyword(fType, false))
	dm.AddFieldMappingsAt(fTypeName, keyword(fTypeName, false))
	dm.AddFieldMappingsAt(fProvince, keyword(fProvince, false))
	dm.AddFieldMappingsAt(fProvinceNow, keyword(fProvinceNow, false))
	dm.AddFieldMappingsAt(fYearKey, keyword(fYearKey, false))
	dm.AddFieldMappingsAt(fFacet, keyword(fFacet, true))
	dm.AddFieldMappingsAt(fIndicator, keyword(fIndicator, false))
	dm.AddFieldMappingsAt(fValue, num(fValue))
	dm.AddFieldMappingsAt(fText, text(fText, IndexAnalyzer))
	for _, name := range []string{fDigest, fSSource, fSNumber, fSTitle, fSProvince, fSNow, fSPeriod} {
		f := bleve.NewTextFieldMapping()
		f.Name = name
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		dm.AddFieldMappingsAt(name, f)
	}
	// No composite _all field: every query names its fields, and _all
	// would analyse every text a fourth time.
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	m.DefaultMapping = dm
	return m
}

// Open opens the index in dir, creating it when missing. An index of
// another Version, or one bleve cannot open, is removed and recreated
// empty; its stamp is then empty, so the next Sync indexes everything.
func Open(dir string, st Store) (*Index, error) {
	d, err := bleve.Open(filepath.Join(dir, "docs"))
	if err == nil {
		v, verr := d.GetInternal(keyVersion)
		if verr == nil && string(v) == Version {
			if r, err := openRecords(dir, nil); err == nil {
				return newIndex(dir, d, r, st), nil
			}
		}
		d.Close()
	}
	if err := os.RemoveAll(dir); err != nil {
		return nil, fmt.Errorf("index: reset %s: %w", dir, err)
	}
	return create(dir, st)
}

// recordsDir is where the records of a kind live.
func recordsDir(dir, kind string) string { return filepath.Join(dir, "records-"+kind) }

// openRecords opens the record index of every kind: for writing (config
// nil), with config (read only), or new ones (config["create"]).
func openRecords(dir string, config map[string]interface{}) (map[string]bleve.Index, error) {
	// Side by side: opening reads each index's root and segment footers,
	// a few milliseconds of a search process's life apiece.
	xs := make([]bleve.Index, len(Kinds))
	errs := make([]error, len(Kinds))
	var wg sync.WaitGroup
	for i, k := range Kinds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			switch {
			case config == nil:
				xs[i], errs[i] = bleve.Open(recordsDir(dir, k))
			case config["create"] == true:
				xs[i], errs[i] = bleve.New(recordsDir(dir, k), newMapping())
			default:
				xs[i], errs[i] = bleve.OpenUsing(recordsDir(dir, k), config)
			}
		}()
	}
	wg.Wait()
	r := map[string]bleve.Index{}
	for i, k := range Kinds {
		if errs[i] == nil { // bleve returns a typed nil with its errors
			r[k] = xs[i]
		}
	}
	if err := errors.Join(errs...); err != nil {
		closeAll(r)
		return nil, err
	}
	return r, nil
}

func closeAll(r map[string]bleve.Index) error {
	var err error
	for _, x := range r {
		if e := x.Close(); err == nil {
			err = e
		}
	}
	return err
}

// Documents and records live in separate bleve indexes, the records one
// index per kind: a document search (the default) and its facets touch
// only document entries; a target search touches only targets, needs no
// kind filter, and finds its hits dense in its index, so its facets
// decode few doc-value chunks; the count of a kind is a count over that
// kind's index.
func newIndex(dir string, d bleve.Index, r map[string]bleve.Index, st Store) *Index {
	recs := bleve.NewIndexAlias()
	all := bleve.NewIndexAlias(d)
	for _, k := range Kinds {
		recs.Add(r[k])
		all.Add(r[k])
	}
	return &Index{dir: dir, d: d, r: r, recs: recs, all: all, store: st, cache: map[string]*corpus.Extraction{}}
}

// pick is the bleve index holding entries of a kind ("all": every one).
func (ix *Index) pick(kind string) bleve.Index {
	switch kind {
	case KindDoc:
		return ix.d
	case "all", "":
		return ix.all
	}
	if x, ok := ix.r[kind]; ok {
		return x
	}
	return ix.recs
}

// OpenReadOnly opens an existing index for searching only (no background
// merging or persisting). It fails when the index is missing or of
// another Version; callers then Open it for writing.
func OpenReadOnly(dir string, st Store) (*Index, error) {
	ro := map[string]interface{}{"read_only": true}
	var r map[string]bleve.Index
	var rerr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		r, rerr = openRecords(dir, ro)
	}()
	d, err := bleve.OpenUsing(filepath.Join(dir, "docs"), ro)
	<-done
	if err != nil || rerr != nil {
		if err == nil {
			d.Close()
			err = rerr
		}
		closeAll(r)
		return nil, fmt.Errorf("index: open %s: %w", dir, err)
	}
	if v, err := d.GetInternal(keyVersion); err != nil || string(v) != Version {
		d.Close()
		closeAll(r)
		return nil, fmt.Errorf("index: %s: version %q, want %q", dir, v, Version)
	}
	return newIndex(dir, d, r, st), nil
}

func create(dir string, st Store) (*Index, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("index: create %s: %w", dir, err)
	}
	d, err := bleve.New(filepath.Join(dir, "docs"), newMapping())
	if err != nil {
		return nil, fmt.Errorf("index: create %s: %w", dir, err)
	}
	r, err := openRecords(dir, map[string]interface{}{"create": true})
	if err != nil {
		d.Close()
		return nil, fmt.Errorf("index: create %s: %w", dir, err)
	}
	if err := d.SetInternal(keyVersion, []byte(Version)); err != nil {
		d.Close()
		closeAll(r)
		return nil, fmt.Errorf("index: create %s: %w", dir, err)
	}
	return newIndex(dir, d, r, st), nil
}

// Close closes the index.
func (ix *Index) Close() error {
	err := ix.Wait()
	if e := closeAll(ix.r); err == nil {
		err = e
	}
	if e := ix.d.Close(); err == nil {
		err = e
	}
	return err
}

// Dir is where the index lives.
func (ix *Index) Dir() string { return ix.dir }

// Stamp is the store fingerprint the index was last brought in line
// with ("" for none).
func (ix *Index) Stamp() string {
	v, err := ix.d.GetInternal(keyStamp)
	if err != nil {
		return ""
	}
	return string(v)
}

// Digest identifies a record's content: Sync re-indexes a document whose
// stored record has another digest.
func Digest(rec *corpus.Extraction) string {
	b, _ := json.Marshal(rec)
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:16])
}

// Put indexes a document and its records in one atomic batch, replacing
// whatever the index held for it, and sets the stamp to stamp (when not
// ""). Documents that came from the same source under other ids are
// removed when the store no longer holds them.
func (ix *Index) Put(doc *corpus.Document, rec *corpus.Extraction, stamp string) error {
	b := ix.newBatch()
	if err := ix.stage(b, doc, rec); err != nil {
		return err
	}
	if stamp != "" {
		b.d.SetInternal(keyStamp, []byte(stamp))
	}
	if err := ix.commit(b); err != nil {
		return fmt.Errorf("index: put %s: %w", doc.Source, err)
	}
	return nil
}

// Stage adds a document and its records to the staged batch, as Put
// would index them, without committing: CommitStaged writes all staged
// documents at once. One large batch makes one segment where a Put per
// document makes one each, which the merger then rewrites again and
// again; a batch ingest spends most of its time there otherwise.
// A source must not be staged twice between commits.
func (ix *Index) Stage(doc *corpus.Document, rec *corpus.Extraction) error {
	ix.mu.Lock()
	if ix.staged == nil {
		ix.staged = ix.newBatch()
	}
	b := ix.staged
	ix.mu.Unlock()
	if err := ix.stage(b, doc, rec); err != nil {
		return err
	}
	ix.mu.Lock()
	ix.stagedDocs++
	ix.stagedBytes += len(doc.Text)
	ix.mu.Unlock()
	return nil
}

// Staged reports how many documents and bytes of text are staged.
func (ix *Index) Staged() (docs, bytes int) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.stagedDocs, ix.stagedBytes
}

// CommitStaged writes the staged documents in one batch and sets the
// stamp to stamp (when not ""). Call it after the store has made the
// same documents durable, with the store's new stamp.
func (ix *Index) CommitStaged(stamp string) error {
	if err := ix.StartCommit(stamp); err != nil {
		return err
	}
	return ix.Wait()
}

// StartCommit is CommitStaged in the background: it takes the staged
// documents and returns at once, so that the next batch can be read and
// staged while this one is written. It first waits for the commit it
// started before, so commits land in order and their stamps only move
// forward. Wait (or Close) waits for the last one.
func (ix *Index) StartCommit(stamp string) error {
	if err := ix.Wait(); err != nil {
		return err
	}
	ix.mu.Lock()
	b := ix.staged
	ix.staged, ix.stagedDocs, ix.stagedBytes = nil, 0, 0
	ix.mu.Unlock()
	if b == nil {
		b = ix.newBatch()
	}
	if stamp != "" {
		b.d.SetInternal(keyStamp, []byte(stamp))
	}
	if b.size() == 0 && stamp == "" {
		return nil
	}
	done := make(chan error, 1)
	ix.mu.Lock()
	ix.committing = done
	ix.mu.Unlock()
	go func() {
		err := ix.commit(b)
		if err != nil {
			err = fmt.Errorf("index: commit: %w", err)
		}
		done <- err
	}()
	return nil
}

// Wait waits for the commit StartCommit began and returns its error.
func (ix *Index) Wait() error {
	ix.mu.Lock()
	c := ix.committing
	ix.committing = nil
	ix.mu.Unlock()
	if c == nil {
		return nil
	}
	return <-c
}

// stage adds to b what Put indexes for a document: its entries, and the
// deletion of entries it no longer has and of other documents from the
// same source that the store no longer holds.
func (ix *Index) stage(b *batch, doc *corpus.Document, rec *corpus.Extraction) error {
	old, err := ix.entryIDs(bleve.NewTermQuery(doc.ID), fDoc)
	if err != nil {
		return err
	}
	ids := addEntries(b, doc, rec)
	for _, id := range old {
		if !ids[id] {
			b.delete(id)
		}
	}
	if ix.store != nil {
		sq := bleve.NewTermQuery(doc.Source)
		sq.SetField(fSource)
		others, err := ix.entryIDs(sq, "")
		if err != nil {
			return err
		}
		var live map[string]bool // built only when the source had other bytes
		for _, id := range others {
			d := docOf(id)
			if d == doc.ID {
				continue
			}
			if live == nil {
				live = map[string]bool{}
				for _, e := range ix.store.Entries() {
					if e.Status == corpus.StatusOK {
						live[e.ID] = true
					}
				}
			}
			if !live[d] {
				if err := ix.deleteDocInBatch(b, d); err != nil {
					return err
				}
			}
		}
	}
	ix.mu.Lock()
	delete(ix.cache, doc.ID)
	ix.mu.Unlock()
	return nil
}

// Delete removes a document and its records.
func (ix *Index) Delete(docID string) error {
	b := ix.newBatch()
	if err := ix.deleteDocInBatch(b, docID); err != nil {
		return err
	}
	return ix.commit(b)
}

// batch is a change to the bleve indexes.
type batch struct {
	d *bleve.Batch
	r map[string]*bleve.Batch
}

func (ix *Index) newBatch() *batch {
	b := &batch{d: ix.d.NewBatch(), r: map[string]*bleve.Batch{}}
	for k, x := range ix.r {
		b.r[k] = x.NewBatch()
	}
	return b
}

func (b *batch) index(id, kind string, e map[string]interface{}) {
	d := toDocument(id, e)
	if kind == KindDoc {
		b.d.IndexAdvanced(d)
	} else if r, ok := b.r[kind]; ok {
		r.IndexAdvanced(d)
	}
}

// Indexing options of the fields, by role. The entries are built here,
// not through the bleve mapping, which skips the mapping's reflection
// walk over every entry; newMapping describes the same fields. Two
// options that would suit were tried and are not used: SkipFreqNorm on
// the filter keywords makes bleve score filtered searches NaN, and
// zapx's SkipDVChunking on the facet field makes its doc-value reader
// panic (it is meant for geo fields).
const (
	optKeyword = bindex.IndexField
	optFacet   = bindex.IndexField | bindex.DocValues
	optText    = bindex.IndexField
	optStored  = bindex.StoreField
)

// zapx sizes a new segment's buffer from the last segment it built, and
// shares that estimate between every index in the process. Ours differ
// by kind: a batch of 20 000 small target entries after a batch of 40
// documents of 50 KB each asked for a gigabyte, zeroed, then collected;
// it was a tenth of ingest CPU and most of its garbage. With the factor
// at zero the buffer starts empty and grows as the segment is written.
// Known upstream: bleve issue 1780; zapx pull 149 (a 10 MB ceiling) was
// closed unmerged.
func init() { zapx.NewSegmentBufferNumResultsFactor = 0 }

var textAnalyzer = sync.OnceValue(func() analysis.Analyzer {
	a, err := analyzerCache.AnalyzerNamed(IndexAnalyzer)
	if err != nil {
		panic("index: " + err.Error())
	}
	return a
})

// toDocument builds the bleve document of an entry.
func toDocument(id string, e map[string]interface{}) *document.Document {
	d := document.NewDocument(id)
	for name, v := range e {
		switch name {
		case fText:
			d.AddField(document.NewTextFieldCustom(name, nil, []byte(v.(string)), optText, textAnalyzer()))
		case fValue:
			d.AddField(document.NewNumericFieldWithIndexingOptions(name, nil, v.(float64), bindex.IndexField))
		case fDigest, fSSource, fSNumber, fSTitle, fSProvince, fSNow, fSPeriod:
			if s := v.(string); s != "" {
				d.AddField(document.NewTextFieldWithIndexingOptions(name, nil, []byte(s), optStored))
			}
		default:
			opt := optKeyword
			if name == fFacet {
				opt = optFacet
			}
			switch v := v.(type) {
			case string:
				d.AddField(document.NewTextFieldCustom(name, nil, []byte(v), opt, nil))
			case []interface{}:
				for _, x := range v {
					d.AddField(document.NewTextFieldCustom(name, nil, []byte(x.(string)), opt, nil))
				}
			}
		}
	}
	return d
}

func (b *batch) delete(id string) {
	if _, kind, _ := parseID(id); kind == KindDoc {
		b.d.Delete(id)
	} else if r, ok := b.r[kind]; ok {
		r.Delete(id)
	}
}

func (b *batch) size() int {
	n := b.d.Size()
	for _, r := range b.r {
		n += r.Size()
	}
	return n
}

// commit writes the records first, then the documents with their digests
// and the stamp: a crash between the two leaves the old digest and stamp,
// so the next Sync redoes the document.
func (ix *Index) commit(b *batch) error {
	for _, k := range Kinds {
		if r := b.r[k]; r.Size() > 0 {
			if err := ix.r[k].Batch(r); err != nil {
				return err
			}
			r.Reset()
		}
	}
	if err := ix.d.Batch(b.d); err != nil {
		return err
	}
	b.d.Reset()
	return nil
}

func (ix *Index) deleteDocInBatch(b *batch, docID string) error {
	ids, err := ix.entryIDs(bleve.NewTermQuery(docID), fDoc)
	if err != nil {
		return err
	}
	for _, id := range ids {
		b.delete(id)
	}
	ix.mu.Lock()
	delete(ix.cache, docID)
	ix.mu.Unlock()
	return nil
}

// entryIDs returns the ids of all entries matching a term query on field
// (the query's own field when field is "").
func (ix *Index) entryIDs(q *query.TermQuery, field string) ([]string, error) {
	if field != "" {
		q.SetField(field)
	}
	var out []string
	for from := 0; ; {
		req := bleve.NewSearchRequestOptions(q, 1000, from, false)
		req.Score = bleve.ScoreNone
		req.SortBy([]string{"_id"})
		res, err := ix.all.Search(req)
		if err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
		for _, h := range res.Hits {
			out = append(out, h.ID)
		}
		from += len(res.Hits)
		if len(res.Hits) == 0 || uint64(from) >= res.Total {
			return out, nil
		}
	}
}

// Entry ids: "<doc>" for a document, "<doc>/<kind>/<n>" for its n-th
// record of a kind (the position in the Extraction's list).
func entryID(doc, kind string, n int) string {
	return doc + "/" + kind + "/" + strconv.Itoa(n)
}

func docOf(id string) string {
	if i := strings.IndexByte(id, '/'); i >= 0 {
		return id[:i]
	}
	return id
}

func parseID(id string) (doc, kind string, n int) {
	parts := strings.Split(id, "/")
	if len(parts) != 3 {
		return id, KindDoc, -1
	}
	n, _ = strconv.Atoi(parts[2])
	return parts[0], parts[1], n
}

// docFields are the fields every entry of a document shares.
type docFields struct {
	typ, typeName, province, provinceNow string
	years                                []int
	facets                               []string // coded, without years
}

func fieldsOf(rec *corpus.Extraction) docFields {
	d := rec.Document
	f := docFields{typ: foldKey(d.Type), typeName: strings.TrimSpace(d.Type), province: d.Province, provinceNow: d.ProvinceNow}
	if p, ok := province.Lookup(d.Province); ok {
		f.province = p.Name
		if f.provinceNow == "" {
			f.provinceNow = p.Now
		}
	}
	if u, ok := province.LookupNow(f.provinceNow); ok {
		f.provinceNow = u.Name
	}
	if d.Period != nil {
		f.years = periodYears(d.Period)
	} else if len(d.IssueDate) >= 4 {
		if y, err := strconv.Atoi(d.IssueDate[:4]); err == nil {
			f.years = []int{y}
		}
	}
	if f.typ != "" {
		f.facets = append(f.facets, facetValue(fTypeName, f.typeName))
	}
	if f.province != "" {
		f.facets = append(f.facets, facetValue(fProvince, f.province))
	}
	if f.provinceNow != "" {
		f.facets = append(f.facets, facetValue(fProvinceNow, f.provinceNow))
	}
	return f
}

func periodYears(p *corpus.Period) []int {
	if p == nil || p.From <= 0 {
		return nil
	}
	to := p.To
	if to < p.From || to-p.From > 30 {
		to = p.From
	}
	var ys []int
	for y := p.From; y <= to; y++ {
		ys = append(ys, y)
	}
	return ys
}

func foldKey(s string) string {
	return strings.Join(strings.Fields(vifold.Fold(vifold.Key(s))), " ")
}

func entry(kind, doc string, f docFields, years []int, text string) map[string]interface{} {
	e := map[string]interface{}{fKind: kind, fDoc: doc, fText: text}
	facets := make([]interface{}, 0, len(f.facets)+len(years)+1)
	for _, v := range f.facets {
		// Record searches facet by province, year and indicator only
		// (Search): a record's facet field holds no more, a third of a
		// million records' doc values less to decode.
		if kind == KindDoc || v[0] == 'p' || v[0] == 'P' {
			facets = append(facets, v)
		}
	}
	if f.typ != "" {
		e[fType] = f.typ
		e[fTypeName] = f.typeName
	}
	if f.province != "" {
		e[fProvince] = f.province
	}
	if f.provinceNow != "" {
		e[fProvinceNow] = f.provinceNow
	}
	if len(years) > 0 {
		// Years are keywords, not numbers: a numeric field indexes many
		// precision terms per value, and ranges of years are short.
		ks := make([]interface{}, len(years))
		for i, y := range years {
			ks[i] = strconv.Itoa(y)
		}
		e[fYearKey] = ks
		facets = append(facets, yearFacets(years)...)
	}
	e[fFacet] = facets
	return e
}

// facetCodes are the one-letter prefixes of the facet field's values. A
// province known to the registry is written as its code ("p62", "n51"),
// else as its name behind the capital letter ("PKon Tum").
var facetCodes = map[string]byte{fProvince: 'p', fProvinceNow: 'n', fYearKey: 'y', fTypeName: 't', fIndicator: 'i'}

// facetValue codes one value of the composite facet field. Doc values
// are decoded a chunk of 1024 entries at a time for every hit that lands
// in a new chunk; at a million records each byte saved per entry is a
// megabyte not decoded by a search with sparse hits.
func facetValue(field, v string) string {
	c := facetCodes[field]
	switch field {
	case fProvince:
		if p, ok := province.Lookup(v); ok && p.Name == v {
			return string(c) + p.Code
		}
		c -= 'a' - 'A'
	case fProvinceNow:
		if u, ok := province.LookupNow(v); ok && u.Name == v {
			return string(c) + u.Code
		}
		c -= 'a' - 'A'
	}
	return string(c) + v
}

// yearFacets codes the years of an entry for the facet field: a run of
// consecutive years is one value ("Y2021-2025"), which Search counts
// once for each of its years. A plan's records carry its period: one
// value of ten bytes where five years took thirty, and doc values are
// most of what a faceted record search decodes.
func yearFacets(years []int) []interface{} {
	var out []interface{}
	for i := 0; i < len(years); {
		j := i + 1
		for j < len(years) && years[j] == years[j-1]+1 {
			j++
		}
		if j-i == 1 {
			out = append(out, facetValue(fYearKey, strconv.Itoa(years[i])))
		} else {
			out = append(out, fmt.Sprintf("%c%d-%d", yearRunCode, years[i], years[j-1]))
		}
		i = j
	}
	return out
}

// yearRunCode marks a run of years in the facet field.
const yearRunCode = 'Y'

// facetTerms calls fn with the field and value of each facet a value of
// the composite field stands for: one, or one per year of a run.
func facetTerms(t string, fn func(field, v string)) {
	if len(t) > 1 && t[0] == yearRunCode {
		a, b, _ := strings.Cut(t[1:], "-")
		from, err1 := strconv.Atoi(a)
		to, err2 := strconv.Atoi(b)
		if err1 == nil && err2 == nil && from <= to && to-from <= 100 {
			for y := from; y <= to; y++ {
				fn(fYearKey, strconv.Itoa(y))
			}
		}
		return
	}
	if f, v, ok := facetField(t); ok {
		fn(f, v)
	}
}

// facetField decodes a value of the composite facet field.
func facetField(t string) (field, v string, ok bool) {
	if t == "" {
		return "", "", false
	}
	c, v := t[0], t[1:]
	switch c {
	case 'p':
		if p, ok := province.ByCode(v); ok {
			return fProvince, p.Name, true
		}
	case 'n':
		if u, ok := province.UnitByCode(v); ok {
			return fProvinceNow, u.Name, true
		}
	case 'P':
		return fProvince, v, true
	case 'N':
		return fProvinceNow, v, true
	}
	for f, fc := range facetCodes {
		if fc == c {
			return f, v, true
		}
	}
	return "", "", false
}

func join(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(" \n ")
		}
		b.WriteString(p)
	}
	return b.String()
}

func yearOr(y *int, p *corpus.Period, def []int) []int {
	if y != nil {
		return []int{*y}
	}
	if ys := periodYears(p); ys != nil {
		return ys
	}
	return def
}

// addEntries adds the entries of a document to a batch and returns their
// ids.
func addEntries(b *batch, doc *corpus.Document, rec *corpus.Extraction) map[string]bool {
	f := fieldsOf(rec)
	ids := map[string]bool{}
	put := func(id string, e map[string]interface{}) {
		ids[id] = true
		b.index(id, e[fKind].(string), e)
	}
	d := entry(KindDoc, doc.ID, f, f.years, join(rec.Document.Title, doc.Text))
	d[fSource] = doc.Source
	d[fDigest] = Digest(rec)
	d[fSSource], d[fSNumber], d[fSTitle] = rec.Source, rec.Document.Number, rec.Document.Title
	d[fSProvince], d[fSNow] = rec.Document.Province, rec.Document.ProvinceNow
	if p := rec.Document.Period; p != nil {
		d[fSPeriod] = fmt.Sprintf("%d-%d", p.From, p.To)
	}
	put(doc.ID, d)
	for i, c := range rec.Citations {
		e := entry(KindCitation, doc.ID, f, f.years, join(c.Quote, c.Type, c.Number, c.Title))
		put(entryID(doc.ID, KindCitation, i), e)
	}
	for i, t := range rec.Targets {
		e := entry(KindTarget, doc.ID, f, yearOr(t.Year, nil, f.years), join(t.Quote, t.Subject))
		if t.Indicator != "" {
			e[fIndicator] = t.Indicator
			e[fFacet] = append(e[fFacet].([]interface{}), facetValue(fIndicator, t.Indicator))
		}
		e[fValue] = t.Value
		put(entryID(doc.ID, KindTarget, i), e)
	}
	for i, bu := range rec.Budgets {
		e := entry(KindBudget, doc.ID, f, yearOr(bu.Year, bu.Period, f.years), join(bu.Quote, bu.Label))
		e[fValue] = float64(bu.AmountVND)
		put(entryID(doc.ID, KindBudget, i), e)
	}
	for i, p := range rec.Projects {
		e := entry(KindProject, doc.ID, f, yearOr(nil, p.Period, f.years), join(p.Name, p.Group, p.Lead, p.Quote))
		if p.AmountVND != nil {
			e[fValue] = float64(*p.AmountVND)
		}
		put(entryID(doc.ID, KindProject, i), e)
	}
	return ids
}

// SyncStats says what Sync changed.
type SyncStats struct {
	Indexed, Deleted, Unchanged int
}

// syncBatchBytes is the text Sync indexes per bleve batch: larger batches
// merge less and hold more in memory (4 MiB took a 10 000-plan reindex
// to 1 GiB resident).
const syncBatchBytes = 2 << 20

// Sync brings the index in line with the store: documents the store
// holds that the index lacks or holds with another record digest are
// (re)indexed, documents the store no longer holds are removed, and the
// stamp is set to stamp. It is what makes a crash between a store write
// and the index write harmless.
func (ix *Index) Sync(stamp string) (SyncStats, error) {
	var s SyncStats
	if ix.store == nil {
		return s, errors.New("index: sync without a store")
	}
	have, err := ix.docDigests()
	if err != nil {
		return s, err
	}
	want := map[string]bool{}
	b := ix.newBatch()
	pending := 0 // bytes of text in the batch
	flush := func(force bool) error {
		// Large batches make fewer, larger segments: less merging.
		if !force && (b.size() == 0 || pending < syncBatchBytes) {
			return nil
		}
		pending = 0
		if err := ix.commit(b); err != nil {
			return fmt.Errorf("index: sync: %w", err)
		}
		return nil
	}
	for _, e := range ix.store.Entries() {
		if e.Status != corpus.StatusOK || want[e.ID] {
			continue
		}
		want[e.ID] = true
		rec, err := ix.store.Extraction(e.ID)
		if err != nil {
			return s, fmt.Errorf("index: sync %s: %w", e.Source, err)
		}
		if dg, ok := have[e.ID]; ok && dg == Digest(rec) {
			s.Unchanged++
			continue
		}
		doc, err := ix.store.Document(e.ID)
		if err != nil {
			return s, fmt.Errorf("index: sync %s: %w", e.Source, err)
		}
		if _, ok := have[e.ID]; ok {
			if err := ix.deleteDocInBatch(b, e.ID); err != nil {
				return s, err
			}
		}
		addEntries(b, doc, rec)
		pending += len(doc.Text)
		s.Indexed++
		if err := flush(false); err != nil {
			return s, err
		}
	}
	for id := range have {
		if !want[id] {
			if err := ix.deleteDocInBatch(b, id); err != nil {
				return s, err
			}
			s.Deleted++
		}
	}
	b.d.SetInternal(keyStamp, []byte(stamp))
	if err := flush(true); err != nil {
		return s, err
	}
	ix.mu.Lock()
	ix.cache = map[string]*corpus.Extraction{}
	ix.mu.Unlock()
	return s, nil
}

// docDigests maps every indexed document to its stored record digest.
func (ix *Index) docDigests() (map[string]string, error) {
	q := bleve.NewTermQuery(KindDoc)
	q.SetField(fKind)
	out := map[string]string{}
	for from := 0; ; {
		req := bleve.NewSearchRequestOptions(q, 1000, from, false)
		req.Fields = []string{fDigest}
		req.SortBy([]string{"_id"})
		res, err := ix.d.Search(req)
		if err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
		for _, h := range res.Hits {
			dg, _ := h.Fields[fDigest].(string)
			out[h.ID] = dg
		}
		from += len(res.Hits)
		if len(res.Hits) == 0 || uint64(from) >= res.Total {
			return out, nil
		}
	}
}

// Rebuild recreates the index in dir from every document of the store:
// it builds beside the old one and renames it into place, so a crash
// leaves either the old index or the new one (and an index that is
// missing or of another version is rebuilt by Open + Sync anyway).
func Rebuild(dir string, st Store, stamp string) (*Index, SyncStats, error) {
	tmp := dir + ".new"
	os.RemoveAll(tmp)
	ix, err := create(tmp, st)
	if err != nil {
		return nil, SyncStats{}, err
	}
	s, err := ix.Sync(stamp)
	if err != nil {
		ix.Close()
		return nil, s, err
	}
	if err := ix.Compact(context.Background()); err != nil {
		ix.Close()
		return nil, s, err
	}
	if err := ix.Close(); err != nil {
		return nil, s, err
	}
	if err := os.RemoveAll(dir); err != nil {
		return nil, s, fmt.Errorf("index: rebuild: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return nil, s, fmt.Errorf("index: rebuild: %w", err)
	}
	ix, err = Open(dir, st)
	return ix, s, err
}

// Compact merges what a batch of writes left: each bleve index into one
// segment (the settled, smallest form) when the new segments are a fair
// part of it, else only the new ones into one, beside the large one. A
// plan added to 10 000 is then a small merge, not a rewrite of the whole
// index (10 s); the small segment grows until the next full merge.
func (ix *Index) Compact(ctx context.Context) error {
	if err := ix.Wait(); err != nil {
		return err
	}
	// One index at a time: a merge maps every segment it reads, and five
	// side by side took a 10 000-plan ingest from 630 MiB resident to
	// 1.1 GiB, for a few seconds saved.
	for _, b := range append([]bleve.Index{ix.d}, ix.recordIndexes()...) {
		if err := compact(ctx, b); err != nil {
			return err
		}
	}
	return nil
}

// compact runs the merge compactPlanOf chooses on one bleve index.
func compact(ctx context.Context, b bleve.Index) error {
	adv, err := b.Advanced()
	if err != nil {
		return fmt.Errorf("index: compact: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	plan, want := compactPlanOf(s)
	// One ForceMerge merges at most SegmentsPerMergeTask segments per
	// task in one round, and only segments already persisted: repeat
	// until the plan is done or a round changes nothing twice.
	stuck := 0
	for round := 0; round < 100 && stuck < 2; round++ {
		before := rootSegments(s)
		if before <= want {
			break
		}
		if err := s.ForceMerge(ctx, &plan); err != nil {
			return fmt.Errorf("index: compact: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if rootSegments(s) >= before {
			stuck++
			time.Sleep(50 * time.Millisecond) // let the persister catch up
		} else {
			stuck = 0
		}
	}
	// The merged-away segments stay on disk until the persister's
	// next pass removes them, and a Close before that pass leaves them
	// there for good (a reopened index does not collect files of
	// snapshots it did not retire itself). Wait for it, briefly.
	for wait := 0; wait < 200 && ctx.Err() == nil; wait++ {
		files, _ := s.StatsMap()["num_files_on_disk"].(uint64)
		if files <= rootSegments(s)+1 { // + root.bolt
			break
		}
		time.Sleep(25 * time.Millisecond)
	}
	return nil
}

// compactPlanOf is the merge Compact runs on an index, and the number
// of segments it leaves. Every segment becomes one when the segments
// beside the largest hold at least a fraction 1/partialShare of its
// entries, or a fraction that large of the largest is deleted entries;
// else the largest stays as it is and the others become one.
func compactPlanOf(s *scorch.Scorch) (mergeplan.MergePlanOptions, uint64) {
	full := mergeplan.SingleSegmentMergePlanOptions
	// scorch's own single-segment plan merges ten at a time, so a large
	// ingest's bytes were merged three times over.
	full.SegmentsPerMergeTask = mergeWidth
	r, err := s.Reader()
	if err != nil {
		return full, 1
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return full, 1
	}
	var sizes []segSize
	for _, seg := range snap.Segments() {
		sizes = append(sizes, segSize{live: seg.LiveSize(), full: seg.FullSize()})
	}
	largest, partial := partialMerge(sizes)
	if !partial {
		return full, 1
	}
	// Only segments under half of MaxSegmentSize take part in a merge.
	part := full
	part.MaxSegmentSize = largest
	return part, 2
}

// segSize is a segment's entries: live, and with the deleted ones.
type segSize struct{ live, full int64 }

// partialMerge says whether the segments beside the largest should merge
// only among themselves, and the largest's live entries.
func partialMerge(segs []segSize) (largest int64, partial bool) {
	var largestDeleted, rest int64
	for _, s := range segs {
		if s.live > largest {
			largest, largestDeleted = s.live, s.full-s.live
		}
		rest += s.live
	}
	rest -= largest
	if len(segs) < 2 || largest == 0 || rest*partialShare >= largest || largestDeleted*partialShare >= largest {
		return largest, false
	}
	return largest, true
}

// mergeWidth is the most segments merged in one task; partialShare is
// Compact's threshold for a full merge.
const mergeWidth, partialShare = 64, 8

func (ix *Index) recordIndexes() []bleve.Index {
	var out []bleve.Index
	for _, k := range Kinds {
		out = append(out, ix.r[k])
	}
	return out
}

// rootSegments is the number of segments, in memory or on disk, of the
// index's current snapshot.
func rootSegments(s *scorch.Scorch) uint64 {
	m := s.StatsMap()
	n := uint64(0)
	for _, k := range []string{"TotFileSegmentsAtRoot", "TotMemorySegmentsAtRoot"} {
		if v, ok := m[k].(uint64); ok {
			n += v
		}
	}
	return n
}

// Count returns the number of entries of each kind.
func (ix *Index) Count() (map[string]int, error) {
	out := map[string]int{}
	for _, k := range append([]string{KindDoc}, Kinds...) {
		n, err := ix.pick(k).DocCount() // kind's own index
		if err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
		if n > 0 {
			out[k] = int(n)
		}
	}
	return out, nil
}

// Size is the bytes the index takes on disk.
func (ix *Index) Size() int64 { return DirSize(ix.dir) }

// DirSize sums the sizes of the files under dir.
func DirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}

// text returns a document's text: straight from the store's text.txt
// when the store says where its files are (*corpus.Store does), else
// through Document.
func (ix *Index) text(doc string) (string, error) {
	if d, ok := ix.store.(interface{ DocDir(string) string }); ok {
		b, err := os.ReadFile(filepath.Join(d.DocDir(doc), "text.txt"))
		if err == nil {
			return string(b), nil
		}
	}
	d, err := ix.store.Document(doc)
	if err != nil {
		return "", err
	}
	return d.Text, nil
}

// extraction returns a document's record, cached.
func (ix *Index) extraction(doc string) (*corpus.Extraction, error) {
	ix.mu.Lock()
	x, ok := ix.cache[doc]
	ix.mu.Unlock()
	if ok {
		return x, nil
	}
	x, err := ix.readExtraction(doc, "")
	if err != nil {
		return nil, err
	}
	ix.mu.Lock()
	if len(ix.cache) >= maxCached {
		clear(ix.cache) // a long-lived server reads many plans
	}
	ix.cache[doc] = x
	ix.mu.Unlock()
	return x, nil
}

// maxCached bounds the records kept for hit joins.
const maxCached = 256

// readExtraction reads a document's record from the store, uncached,
// with the entries of one record kind only when the store can (kind ""
// for all).
func (ix *Index) readExtraction(doc, kind string) (*corpus.Extraction, error) {
	if ix.store == nil {
		return nil, errors.New("index: no store")
	}
	if kr, ok := ix.store.(kindReader); ok && kind != "" {
		return kr.ExtractionOf(doc, kind+"s")
	}
	return ix.store.Extraction(doc)
}

// kindReader is a Store that reads one kind of a record's entries
// ("targets"); *corpus.Store is one.
type kindReader interface {
	ExtractionOf(id, kind string) (*corpus.Extraction, error)
}

var _ kindReader = (*corpus.Store)(nil)

func sortedKeys(m map[string]int) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
