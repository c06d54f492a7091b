package web

import (
	"context"

	"kehoach/index"
)

// IndexSearcher runs the application's searches on the search index, the
// same index and query language as `kehoach search`.
type IndexSearcher struct {
	Index interface {
		Search(ctx context.Context, q index.Query) (*index.Result, error)
	}
}

var _ Searcher = IndexSearcher{}

// facetOrder is the order the search page shows facets in.
var facetOrder = []string{"province", "province_now", "year", "type", "kind", "indicator"}

// Search maps the query onto index.Query: the record kind "achieved" is
// searched as the index's "target" kind (achieved figures are targets of
// kind achieved); everything else passes through.
func (s IndexSearcher) Search(ctx context.Context, q Query) (*Results, error) {
	kind := q.Kind
	if kind == KindAchieved {
		kind = KindTarget
	}
	res, err := s.Index.Search(ctx, index.Query{
		Text: q.Text, Province: q.Province, ProvinceNow: q.ProvinceNow, Year: q.Year,
		Type: q.Type, Kind: kind, Indicator: q.Indicator, Size: q.Size, From: q.From,
	})
	if err != nil {
		return nil, err
	}
	out := &Results{Query: q, Total: res.Total, Hits: make([]Hit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		hit := Hit{ID: h.Doc, Score: h.Score, Kind: h.Kind}
		if hit.ID == "" {
			hit.ID = h.ID
		}
		if h.Kind != "" && h.Kind != index.KindDoc && h.N >= 0 {
			hit.Anchor = anchorOf(h.Kind, h.N)
		}
		if h.Snippet.Text != "" {
			hit.Snippets = []Snippet{{Text: h.Snippet.Text, Marks: h.Snippet.Marks, At: h.Snippet.At.Start}}
		}
		out.Hits = append(out.Hits, hit)
	}
	for _, f := range facetOrder {
		vs := res.Facets[f]
		if len(vs) == 0 {
			continue
		}
		fc := Facet{Field: f}
		for _, v := range vs {
			fc.Values = append(fc.Values, FacetValue{Value: v.Value, Count: v.Count})
		}
		out.Facets = append(out.Facets, fc)
	}
	return out, nil
}
