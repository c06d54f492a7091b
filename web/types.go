package web

import (
	"context"
	"io"

	"kehoach/corpus"
)

// Store is what the application reads from the data directory.
// *corpus.Store implements it.
type Store interface {
	Entries() []corpus.Entry
	Document(id string) (*corpus.Document, error)
	Extraction(id string) (*corpus.Extraction, error)
	Raw(id string) ([]byte, error)
}

var _ Store = (*corpus.Store)(nil)

// Searcher runs one full-text query with its filters and facets.
type Searcher interface {
	Search(ctx context.Context, q Query) (*Results, error)
}

// Query is a search request: free text (with or without diacritics) and
// filters, all optional.
type Query struct {
	Text        string `json:"q"`
	Province    string `json:"province,omitempty"`     // as named in the document
	ProvinceNow string `json:"province_now,omitempty"` // the 2025 unit
	Year        int    `json:"year,omitempty"`
	Type        string `json:"type,omitempty"`      // document type: Kế hoạch, Quyết định, ...
	Kind        string `json:"kind,omitempty"`      // record kind: citation, target, achieved, budget, project
	Indicator   string `json:"indicator,omitempty"` // canonical indicator id
	From        int    `json:"from"`
	Size        int    `json:"size"`
}

// Results is one page of hits, the total and the facet counts of the
// whole result set.
type Results struct {
	Query  Query   `json:"query"`
	Total  int     `json:"total"`
	Hits   []Hit   `json:"hits"`
	Facets []Facet `json:"facets"`
}

// Hit is one matching document. The searcher fills ID, Score and
// Snippets; the application fills the document metadata from the store.
type Hit struct {
	ID       string          `json:"id"`               // the document
	Kind     string          `json:"kind,omitempty"`   // "" or doc for a document, else the record kind
	Anchor   string          `json:"anchor,omitempty"` // for a record: its element id on the document page
	Score    float64         `json:"score"`
	Snippets []Snippet       `json:"snippets"`
	Doc      *corpus.DocMeta `json:"document,omitempty"`
	Source   string          `json:"source,omitempty"`
}

// Snippet is a piece of the document text around matches. Marks are byte
// ranges into Text to highlight; At is where Text starts in the document
// text, so a snippet can link to its place (-1 when unknown).
type Snippet struct {
	Text  string        `json:"text"`
	Marks []corpus.Span `json:"marks"`
	At    int           `json:"at"`
}

// Facet is the count of hits per value of one field.
type Facet struct {
	Field  string       `json:"field"` // province, province_now, year, type, kind, indicator
	Values []FacetValue `json:"values"`
}

// FacetValue is one value of a facet and how many hits have it.
type FacetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Comparer builds the province comparison tables and their exports. The
// exports must be byte-for-byte what `kehoach export` writes.
type Comparer interface {
	Compare(ctx context.Context, q CompareQuery) (*Table, error)
	// Export writes the table of q in format (csv, xlsx, json, md) and
	// returns the content type and a file name for it.
	Export(ctx context.Context, q CompareQuery, format string, w io.Writer) (contentType, filename string, err error)
}

// CompareQuery chooses a comparison: By "indicator" with Key an indicator
// id, By "budget", or By "citation" with Key a citation key.
type CompareQuery struct {
	By   string `json:"by"`
	Key  string `json:"key,omitempty"`
	Year int    `json:"year,omitempty"`
	Now  bool   `json:"now,omitempty"` // group provinces as of 2025
}

// Table is a comparison table ready to show: a header, rows of cells and,
// for the chart, one numeric value per row.
type Table struct {
	Query    CompareQuery `json:"query"`
	Title    string       `json:"title"`
	Unit     string       `json:"unit,omitempty"`
	National *Cell        `json:"national,omitempty"` // the national target beside the provinces
	Columns  []string     `json:"columns"`
	Rows     []TableRow   `json:"rows"`
	Notes    []string     `json:"notes,omitempty"`
}

// TableRow is one province (or document) line of a table.
type TableRow struct {
	Label string   `json:"label"`
	Link  string   `json:"link,omitempty"` // a path inside the application
	Cells []Cell   `json:"cells"`
	Value *float64 `json:"value,omitempty"` // charted value
}

// Cell is one table cell with, where known, the evidence it comes from.
type Cell struct {
	Text  string       `json:"text"`
	Value *float64     `json:"value,omitempty"`
	DocID string       `json:"doc_id,omitempty"`
	Span  *corpus.Span `json:"span,omitempty"`
}

// IngestFunc stores raw bytes under a source name through the same path
// as `kehoach ingest` and returns the new document's ID.
type IngestFunc func(source, format string, raw []byte) (id string, err error)
