package index

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2"

	"kehoach/corpus"
)

// Filter selects entries for the comparison tables. The selection runs
// in the index (term filters, numeric ranges); the records themselves
// are then read from the store.
type Filter struct {
	Kind        string // doc, citation, target, budget, project
	Indicator   string
	Province    string // as named
	ProvinceNow string
	Year        int
	Text        string // more conditions in the query syntax
}

// Record is one record (or, for kind doc, one document) with its
// document's metadata. Exactly one of the typed pointers is set for a
// record.
type Record struct {
	ID       string
	Kind     string
	Doc      string
	N        int
	Source   string
	Meta     corpus.DocMeta
	Citation *corpus.Citation
	Target   *corpus.Target
	Budget   *corpus.Budget
	Project  *corpus.Project
}

// Span is where the record lies in its document (zero for a document).
func (r Record) Span() corpus.Span {
	switch {
	case r.Citation != nil:
		return r.Citation.Span
	case r.Target != nil:
		return r.Target.Span
	case r.Budget != nil:
		return r.Budget.Span
	case r.Project != nil:
		return r.Project.Span
	}
	return corpus.Span{}
}

// Quote is the text under Span.
func (r Record) Quote() string {
	switch {
	case r.Citation != nil:
		return r.Citation.Quote
	case r.Target != nil:
		return r.Target.Quote
	case r.Budget != nil:
		return r.Budget.Quote
	case r.Project != nil:
		if r.Project.Quote != "" {
			return r.Project.Quote
		}
		return r.Project.Name
	}
	return ""
}

// Records returns every entry matching f, in a stable order (province,
// document, kind, position).
func (ix *Index) Records(ctx context.Context, f Filter) ([]Record, error) {
	kind := f.Kind
	if kind == "" {
		kind = "all"
	}
	p, err := parse(Query{Text: f.Text, Kind: kind, Indicator: f.Indicator, Province: f.Province, ProvinceNow: f.ProvinceNow, Year: f.Year})
	if err != nil {
		return nil, err
	}
	q := p.buildFilter()
	if p.kind != "all" && p.kind != KindDoc && !contains(Kinds, p.kind) {
		q = bleve.NewConjunctionQuery(q, term(fKind, p.kind))
	}
	// Count, then collect every match in one pass, in index order. Pages
	// sorted by _id (as before) looked up the external id of every match
	// once per page and kept a heap of every match before the page: a
	// table of 360 000 targets spent 40 s there.
	x := ix.pick(p.kind)
	count := bleve.NewSearchRequestOptions(q, 0, 0, false)
	count.Score = bleve.ScoreNone
	res, err := x.SearchInContext(ctx, count)
	if err != nil {
		return nil, fmt.Errorf("index: records: %w", err)
	}
	var ids []string
	if res.Total > 0 {
		req := bleve.NewSearchRequestOptions(q, int(res.Total), 0, false)
		req.Score = bleve.ScoreNone
		res, err = x.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("index: records: %w", err)
		}
		ids = make([]string, len(res.Hits))
		for i, h := range res.Hits {
			ids[i] = h.ID
		}
	}
	sort.Strings(ids) // a document's entries side by side
	out, err := ix.records(ctx, ids)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Meta.Province != b.Meta.Province {
			return a.Meta.Province < b.Meta.Province
		}
		if a.Doc != b.Doc {
			return a.Doc < b.Doc
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.N < b.N
	})
	return out, nil
}

// records reads the records of ids (sorted, so that the entries of a
// document are adjacent) from the store: each document's record file
// once, on every core, without keeping it. A Record holds a copy of its
// own entry, not the document's whole extraction: a comparison over
// 10 000 plans read 10 000 record files and had kept them all (1.3 GiB).
func (ix *Index) records(ctx context.Context, ids []string) ([]Record, error) {
	// ids[from:to] share a document; kind is theirs, or "" when they
	// are of several kinds (read them all).
	type group struct {
		from, to  int
		doc, kind string
	}
	var groups []group
	for i := 0; i < len(ids); {
		doc, kind, _ := parseID(ids[i])
		j := i + 1
		for ; j < len(ids); j++ {
			d, k, _ := parseID(ids[j])
			if d != doc {
				break
			}
			if k != kind {
				kind = ""
			}
		}
		if kind == KindDoc {
			kind = ""
		}
		groups = append(groups, group{i, j, doc, kind})
		i = j
	}
	out := make([]Record, len(ids))
	errs := make([]error, len(groups))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for g := range next {
				gr := groups[g]
				x, err := ix.readExtraction(gr.doc, gr.kind)
				for i := gr.from; i < gr.to && err == nil; i++ {
					out[i], err = recordOf(ids[i], x)
				}
				if err != nil {
					errs[g] = fmt.Errorf("index: record %s: %w (run kehoach reindex)", gr.doc, err)
				}
			}
		}()
	}
	for g := range groups {
		if ctx.Err() != nil {
			break
		}
		next <- g
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// record reads one record from the store.
func (ix *Index) record(id string) (Record, error) {
	x, err := ix.extraction(docOf(id))
	if err != nil {
		return Record{ID: id}, fmt.Errorf("index: record %s: %w (run kehoach reindex)", id, err)
	}
	r, err := recordOf(id, x)
	if err != nil {
		return r, fmt.Errorf("index: record %s: %w (run kehoach reindex)", id, err)
	}
	return r, nil
}

// recordOf is the entry id of x, as a Record with its own copy of the
// entry.
func recordOf(id string, x *corpus.Extraction) (Record, error) {
	doc, kind, n := parseID(id)
	r := Record{ID: id, Kind: kind, Doc: doc, N: n}
	r.Source, r.Meta = x.Source, x.Document
	f := fieldsOf(x)
	r.Meta.Province, r.Meta.ProvinceNow = f.province, f.provinceNow
	bad := false
	switch kind {
	case KindCitation:
		if bad = n >= len(x.Citations); !bad {
			c := x.Citations[n]
			r.Citation = &c
		}
	case KindTarget:
		if bad = n >= len(x.Targets); !bad {
			t := x.Targets[n]
			r.Target = &t
		}
	case KindBudget:
		if bad = n >= len(x.Budgets); !bad {
			b := x.Budgets[n]
			r.Budget = &b
		}
	case KindProject:
		if bad = n >= len(x.Projects); !bad {
			p := x.Projects[n]
			r.Project = &p
		}
	}
	if bad {
		return r, fmt.Errorf("the store's record has no %s %d", kind, n)
	}
	return r, nil
}
