package web

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"kehoach/compare"
	"kehoach/corpus"
	"kehoach/corpus/province"
	"kehoach/extract/indicator"
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

// IndexComparer builds the compare page from package compare's tables
// over the index, and its downloads with compare.Export: the bytes of
// `kehoach export --table targets --indicator ID` (by indicator),
// `--table budgets` (by budget) and `--table citations` (by citation),
// with `--by now` when the page groups by the 2025 provinces.
type IndexComparer struct {
	Src compare.Source
}

var _ Comparer = IndexComparer{}

// exportArgs is the `kehoach export` table and options for a query.
func exportArgs(q CompareQuery) (string, compare.Options, error) {
	o := compare.Options{ByNow: q.Now}
	switch q.By {
	case "indicator":
		o.Indicator = q.Key
		return "targets", o, nil
	case "budget":
		return "budgets", o, nil
	case "citation":
		return "citations", o, nil
	case "province":
		o.Province = q.Key
		return "province", o, nil
	}
	return "", o, fmt.Errorf("web: compare by %q, want indicator|budget|citation|province", q.By)
}

func (c IndexComparer) table(ctx context.Context, q CompareQuery) (*compare.Table, error) {
	name, o, err := exportArgs(q)
	if err != nil {
		return nil, err
	}
	return compare.Build(ctx, c.Src, name, o)
}

var exportTypes = map[string]string{
	"csv":  "text/csv; charset=utf-8",
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"json": "application/json; charset=utf-8",
	"md":   "text/markdown; charset=utf-8",
}

// Export writes compare.Export of the query's table.
func (c IndexComparer) Export(ctx context.Context, q CompareQuery, format string, w io.Writer) (string, string, error) {
	ctype, ok := exportTypes[format]
	if !ok {
		return "", "", fmt.Errorf("web: export format %q, want csv|xlsx|json|md", format)
	}
	t, err := c.table(ctx, q)
	if err != nil {
		return "", "", err
	}
	if err := compare.Export(w, format, []*compare.Table{t}); err != nil {
		return "", "", err
	}
	name := "kehoach-" + t.Name
	if q.By == "indicator" || q.By == "province" {
		name += "-" + q.Key
	}
	if q.Now {
		name += "-2025"
	}
	return ctype, name + "." + format, nil
}

// Compare turns the table into the page's view: one row per province.
func (c IndexComparer) Compare(ctx context.Context, q CompareQuery) (*Table, error) {
	t, err := c.table(ctx, q)
	if err != nil {
		return nil, err
	}
	out := &Table{Query: q, Title: t.Title, Notes: t.Notes}
	switch q.By {
	case "indicator", "citation":
		var row *compare.Row
		for i := range t.Rows {
			if t.Rows[i].Key == q.Key {
				row = &t.Rows[i]
			}
		}
		out.Columns = []string{"province", "value"}
		if q.By == "citation" {
			out.Columns[1] = "cited"
		}
		if row != nil {
			out.Title = row.Label
		}
		if q.By == "indicator" {
			if in, ok := indicator.Get(q.Key); ok {
				out.Title, out.Unit = in.NameVI, in.Unit
			}
			year := q.Year
			if year == 0 {
				year = 2025
			}
			if nt, ok := indicator.NationalFor(q.Key, year); ok {
				v := nt.Value
				out.National = &Cell{Text: nationalText(nt, out.Unit), Value: &v}
				if !nt.Verified {
					out.Notes = append(out.Notes, "note_unverified")
				}
			}
		}
		for i, p := range t.Columns {
			r := TableRow{Label: p, Link: provinceLink(p), Cells: []Cell{{Text: p}}}
			if row != nil && i < len(row.Cells) {
				cell := viewCell(row.Cells[i])
				r.Cells = append(r.Cells, cell)
				if q.By == "indicator" && row.Cells[i].Status == compare.StatusOK {
					r.Value = cell.Value
				}
			} else {
				r.Cells = append(r.Cells, Cell{Text: "—"})
			}
			out.Rows = append(out.Rows, r)
		}
	case "province":
		// A column per plan, a row per indicator; the national target of
		// each indicator beside.
		out.Columns = append(append([]string{"indicator"}, t.Columns...), "national")
		for _, row := range t.Rows {
			r := TableRow{Label: row.Label, Cells: []Cell{{Text: row.Label}}}
			if in, ok := indicator.Get(row.Key); ok {
				r.Link = "/compare?by=indicator&key=" + url.QueryEscape(row.Key)
				r.Cells[0].Text = in.NameVI
			}
			for _, cl := range row.Cells {
				r.Cells = append(r.Cells, viewCell(cl))
			}
			nat := Cell{Text: "—"}
			if in, ok := indicator.Get(row.Key); ok {
				if nt, ok := indicator.NationalFor(row.Key, 2025); ok {
					v := nt.Value
					nat = Cell{Text: nationalText(nt, in.Unit), Value: &v}
				}
			}
			r.Cells = append(r.Cells, nat)
			out.Rows = append(out.Rows, r)
		}
	case "budget":
		out.Columns = append([]string{"province"}, t.Columns...)
		out.Unit = "tỷ đồng"
		for _, row := range t.Rows {
			r := TableRow{Label: row.Label, Link: provinceLink(row.Label), Cells: []Cell{{Text: row.Label}}}
			for _, cl := range row.Cells {
				cell := viewCell(cl)
				r.Cells = append(r.Cells, cell)
				// The chart shows the latest stated total, in tỷ đồng.
				if cl.Status == compare.StatusOK && cl.Value != nil {
					v := *cl.Value / 1e9
					r.Value = &v
				}
			}
			out.Rows = append(out.Rows, r)
		}
	}
	return out, nil
}

func viewCell(c compare.Cell) Cell {
	out := Cell{Text: c.Text, Value: c.Value}
	if len(c.Evidence) > 0 {
		e := c.Evidence[0]
		sp := e.Span
		out.DocID, out.Span = e.Doc, &sp
	}
	return out
}

// provinceLink links a province as named (or a 2025 unit) to its page.
func provinceLink(name string) string {
	if p, ok := province.Lookup(name); ok {
		return "/province/" + p.Code
	}
	return ""
}

// nationalText is "≥ 80% (2025, 17/NQ-CP)", marked when the value was
// not checked against the national document.
func nationalText(nt indicator.NationalTarget, unit string) string {
	t := corpus.Target{Value: nt.Value, ValueMax: nt.ValueMax, Comparator: nt.Comparator, Unit: unit}
	s := formatFigure("vi", &t)
	var when []string
	if nt.Year != 0 {
		when = append(when, strconv.Itoa(nt.Year))
	}
	if nt.Source != "" {
		when = append(when, nt.Source)
	}
	if len(when) > 0 {
		s += " (" + strings.Join(when, ", ") + ")"
	}
	if !nt.Verified {
		s += " *"
	}
	return s
}
