package web

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"kehoach/corpus"
	"kehoach/corpus/province/vifold"
	"kehoach/extract"
	"kehoach/extract/indicator"
	"kehoach/ingest"
)

// The sample store: the five sample plans ingested, with the reference
// gold records as their extraction (spans found by their quotes), so the
// pages show full records whatever state the extractors are in.
var (
	sampleOnce sync.Once
	sampleDir  string
	sampleErr  error
)

func sampleStore(t testing.TB) *corpus.Store {
	t.Helper()
	sampleOnce.Do(func() {
		sampleDir, sampleErr = os.MkdirTemp("", "kehoach-web-test")
		if sampleErr != nil {
			return
		}
		sampleErr = buildSampleStore(sampleDir)
	})
	if sampleErr != nil {
		t.Fatal(sampleErr)
	}
	st, err := corpus.Open(sampleDir)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sampleDir != "" {
		os.RemoveAll(sampleDir)
	}
	os.Exit(code)
}

func buildSampleStore(dir string) error {
	st, err := corpus.Open(dir)
	if err != nil {
		return err
	}
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	if len(files) == 0 {
		return os.ErrNotExist
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		src := "testdata/corpus/" + filepath.Base(f)
		doc, err := ingest.Bytes(src, "txt", raw, ingest.Options{})
		if err != nil {
			return err
		}
		x, err := goldExtraction(doc, strings.TrimSuffix(filepath.Base(f), ".txt"))
		if err != nil {
			return err
		}
		e := corpus.Entry{Source: src, ID: doc.ID, Format: "txt", Size: int64(len(raw)), Ingested: time.Unix(0, 0).UTC(), Status: corpus.StatusOK, Province: x.Document.Province}
		if err := st.Put(raw, doc, x, e); err != nil {
			return err
		}
	}
	return nil
}

// goldExtraction reads testdata/gold/NAME.json and gives each record the
// span of its quote (or project name) in the text.
func goldExtraction(doc *corpus.Document, name string) (*corpus.Extraction, error) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "gold", name+".json"))
	if err != nil {
		return nil, err
	}
	var x corpus.Extraction
	if err := json.Unmarshal(b, &x); err != nil {
		return nil, err
	}
	x.Source = doc.Source
	x.SHA256 = doc.ID
	// The gold leaves some document fields out; take them from the
	// meta extractor.
	if m, err := extract.Run(doc, "meta"); err == nil {
		g := &x.Document
		g.Title = firstNonEmpty(g.Title, m.Document.Title)
		g.Issuer = firstNonEmpty(g.Issuer, m.Document.Issuer)
		g.Number = firstNonEmpty(g.Number, m.Document.Number)
		g.Type = firstNonEmpty(g.Type, m.Document.Type)
	}
	find := func(q string) corpus.Span {
		if i := strings.Index(doc.Text, q); q != "" && i >= 0 {
			return corpus.Span{Start: i, End: i + len(q)}
		}
		return corpus.Span{}
	}
	for i := range x.Citations {
		x.Citations[i].Span = find(x.Citations[i].Quote)
	}
	for i := range x.Targets {
		t := &x.Targets[i]
		t.Span = find(t.Quote)
		if id, conf := indicator.Match(t.Quote); conf >= indicator.MinConfidence {
			t.Indicator = id
		}
	}
	for i := range x.Budgets {
		x.Budgets[i].Span = find(x.Budgets[i].Quote)
	}
	for i := range x.Projects {
		x.Projects[i].Span = find(x.Projects[i].Name)
	}
	return &x, nil
}

// fakeSearcher answers from the store: documents whose folded text holds
// every folded query word. It stands in for the index in handler tests.
type fakeSearcher struct {
	st    Store
	calls int
	mu    sync.Mutex
	fn    func(q Query) (*Results, error)
}

var _ Searcher = (*fakeSearcher)(nil)

func (f *fakeSearcher) Search(ctx context.Context, q Query) (*Results, error) {
	f.mu.Lock()
	f.calls++
	f.mu.Unlock()
	if f.fn != nil {
		return f.fn(q)
	}
	words := strings.Fields(strings.ToLower(vifold.Fold(q.Text)))
	res := &Results{Hits: []Hit{}}
	count := map[string]int{}
	var all []Hit
	for _, e := range f.st.Entries() {
		d, err := f.st.Document(e.ID)
		if err != nil {
			return nil, err
		}
		x, _ := f.st.Extraction(e.ID)
		if q.Province != "" && !sameProvince(q.Province, x.Document.Province) {
			continue
		}
		folded := strings.ToLower(vifold.Fold(d.Text))
		ok := true
		for _, w := range words {
			if !strings.Contains(folded, w) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		h := Hit{ID: e.ID, Score: 1}
		if len(words) > 0 {
			// Folding keeps byte lengths only for ASCII; cut around the
			// first word in the folded text and map back by runes.
			i := strings.Index(folded, words[0])
			runes := []rune(d.Text)
			fr := []rune(folded)
			if len(fr) == len(runes) {
				ri := len([]rune(folded[:i]))
				rw := len([]rune(words[0]))
				a := max(0, ri-30)
				b := min(len(runes), ri+rw+30)
				pre := string(runes[a:ri])
				mid := string(runes[ri : ri+rw])
				post := string(runes[ri+rw : b])
				at := len(string(runes[:a]))
				h.Snippets = []Snippet{{Text: pre + mid + post, Marks: []corpus.Span{{Start: len(pre), End: len(pre) + len(mid)}}, At: at}}
			}
		}
		all = append(all, h)
		count[x.Document.Province]++
	}
	res.Total = len(all)
	if q.From < len(all) {
		res.Hits = all[q.From:min(len(all), q.From+q.Size)]
	}
	fc := Facet{Field: "province"}
	for k, n := range count {
		fc.Values = append(fc.Values, FacetValue{Value: k, Count: n})
	}
	sort.Slice(fc.Values, func(i, j int) bool { return fc.Values[i].Value < fc.Values[j].Value })
	res.Facets = []Facet{fc}
	return res, nil
}

// fakeComparer builds a small table from the store's records so the
// compare page and export links can be tested without package compare.
type fakeComparer struct{ st Store }

var _ Comparer = fakeComparer{}

func (f fakeComparer) Compare(ctx context.Context, q CompareQuery) (*Table, error) {
	t := &Table{Query: q, Title: "Compare " + q.By + " " + q.Key, Columns: []string{"Tỉnh", "Giá trị"}}
	for _, e := range f.st.Entries() {
		x, err := f.st.Extraction(e.ID)
		if err != nil {
			return nil, err
		}
		for _, tg := range x.Targets {
			if tg.Indicator == q.Key && tg.Kind == "target" {
				v := tg.Value
				sp := tg.Span
				t.Rows = append(t.Rows, TableRow{Label: x.Document.Province, Value: &v, Cells: []Cell{{Text: x.Document.Province}, {Text: tg.Quote, Value: &v, DocID: e.ID, Span: &sp}}})
				break
			}
		}
	}
	nv := 80.0
	t.National = &Cell{Text: "80% (749/QĐ-TTg, 2025)", Value: &nv}
	return t, nil
}

func (f fakeComparer) Export(ctx context.Context, q CompareQuery, format string, w io.Writer) (string, string, error) {
	t, err := f.Compare(ctx, q)
	if err != nil {
		return "", "", err
	}
	io.WriteString(w, "province,value\n")
	for _, r := range t.Rows {
		io.WriteString(w, r.Label+","+formatNum("en", *r.Value)+"\n")
	}
	return "text/csv; charset=utf-8", "compare-" + q.Key + "." + format, nil
}
