package index

import (
	"context"
	"fmt"
	"sort"

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
	var out []Record
	for from := 0; ; {
		req := bleve.NewSearchRequestOptions(q, 5000, from, false)
		req.Score = bleve.ScoreNone
		req.SortBy([]string{"_id"})
		res, err := ix.pick(p.kind).SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("index: records: %w", err)
		}
		for _, h := range res.Hits {
			r, err := ix.record(h.ID)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		from += len(res.Hits)
		if len(res.Hits) == 0 || uint64(from) >= res.Total {
			break
		}
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

func (ix *Index) record(id string) (Record, error) {
	doc, kind, n := parseID(id)
	r := Record{ID: id, Kind: kind, Doc: doc, N: n}
	x, err := ix.extraction(doc)
	if err != nil {
		return r, fmt.Errorf("index: record %s: %w (run kehoach reindex)", id, err)
	}
	r.Source, r.Meta = x.Source, x.Document
	f := fieldsOf(x)
	r.Meta.Province, r.Meta.ProvinceNow = f.province, f.provinceNow
	bad := false
	switch kind {
	case KindCitation:
		if bad = n >= len(x.Citations); !bad {
			r.Citation = &x.Citations[n]
		}
	case KindTarget:
		if bad = n >= len(x.Targets); !bad {
			r.Target = &x.Targets[n]
		}
	case KindBudget:
		if bad = n >= len(x.Budgets); !bad {
			r.Budget = &x.Budgets[n]
		}
	case KindProject:
		if bad = n >= len(x.Projects); !bad {
			r.Project = &x.Projects[n]
		}
	}
	if bad {
		return r, fmt.Errorf("index: record %s: the store's record has no %s %d (run kehoach reindex)", id, kind, n)
	}
	return r, nil
}
