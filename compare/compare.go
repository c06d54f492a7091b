// Package compare builds comparison tables from the index: targets by
// indicator × province, stated budget totals × province × year, the
// citation matrix, target versus achieved, and one province's plans over
// the years. Every filled cell carries its evidence (document, span,
// quote); an empty cell says why it is empty: no plan of that province
// (and year) was ingested, or the plans ingested state no such figure.
//
// Tables are computed from index.Records (the index selects, the store
// supplies the typed records), never from the text of search hits.
package compare

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"kehoach/corpus"
	"kehoach/extract/indicator"
	"kehoach/index"
)

// Source supplies records; *index.Index is one.
type Source interface {
	Records(ctx context.Context, f index.Filter) ([]index.Record, error)
}

var _ Source = (*index.Index)(nil)

// Cell statuses.
const (
	StatusOK       = "ok"
	StatusNoPlan   = "no_plan"   // no plan of that province (and year) was ingested
	StatusNoFigure = "no_figure" // plans were ingested; none states the figure
)

// Evidence is where a cell's figure was read.
type Evidence struct {
	Doc    string      `json:"doc"`
	Source string      `json:"source"`
	Number string      `json:"number,omitempty"` // the plan's số hiệu
	Span   corpus.Span `json:"span"`
	Quote  string      `json:"quote"`
}

// Cell is one table cell.
type Cell struct {
	Text     string     `json:"text"`            // as shown
	Value    *float64   `json:"value,omitempty"` // the figure, for sorting and spreadsheets
	Unit     string     `json:"unit,omitempty"`  // "%", "đồng", ...
	Status   string     `json:"status"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Row is one table row.
type Row struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Cells []Cell `json:"cells"`
}

// Table is one comparison.
type Table struct {
	Name     string   `json:"name"`  // targets, budgets, citations, progress, province
	Title    string   `json:"title"` // human title
	Corner   string   `json:"corner"`
	Columns  []string `json:"columns"`
	Rows     []Row    `json:"rows"`
	Notes    []string `json:"notes,omitempty"`
	Province string   `json:"grouping"` // named or now
}

// Options select and group.
type Options struct {
	Indicator string // targets: only this indicator
	Province  string // province table: the province; other tables: only it
	ByNow     bool   // group by the 2025 province instead of the province as named
}

// Names of the tables, in the order All builds them.
var Names = []string{"targets", "indicator", "budgets", "spending", "citations", "progress", "province"}

// Build builds the named table.
func Build(ctx context.Context, src Source, name string, o Options) (*Table, error) {
	switch name {
	case "targets":
		return Targets(ctx, src, o)
	case "budgets":
		return Budgets(ctx, src, o)
	case "citations":
		return Citations(ctx, src, o)
	case "progress":
		return Progress(ctx, src, o)
	case "province":
		return ProvincePlans(ctx, src, o)
	case "indicator":
		return Indicator(ctx, src, o)
	case "spending":
		return Spending(ctx, src, o)
	}
	return nil, fmt.Errorf("compare: unknown table %q, want %s", name, strings.Join(Names, "|"))
}

// All builds every table that applies: the province table only when
// o.Province is set.
func All(ctx context.Context, src Source, o Options) ([]*Table, error) {
	var out []*Table
	for _, n := range Names {
		if (n == "province" && o.Province == "") || (n == "indicator" && o.Indicator == "") {
			continue
		}
		t, err := Build(ctx, src, n, o)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// plan is what is known of one ingested document, for empty cells.
type plan struct {
	doc, number, typ string
	province         string
	from, to         int
}

func (o Options) group(m corpus.DocMeta) string {
	p := m.Province
	if o.ByNow && m.ProvinceNow != "" {
		p = m.ProvinceNow
	}
	if p == "" {
		return "(province unknown)"
	}
	return p
}

func (o Options) grouping() string {
	if o.ByNow {
		return "now"
	}
	return "named"
}

// filter narrows a selection to o.Province when set.
func (o Options) filter(kind string) index.Filter {
	f := index.Filter{Kind: kind}
	if o.Province != "" {
		if o.ByNow {
			f.ProvinceNow = o.Province
		} else {
			f.Province = o.Province
		}
	}
	return f
}

func plans(ctx context.Context, src Source, o Options) ([]plan, error) {
	docs, err := src.Records(ctx, o.filter(index.KindDoc))
	if err != nil {
		return nil, err
	}
	var out []plan
	for _, d := range docs {
		p := plan{doc: d.Doc, number: d.Meta.Number, typ: d.Meta.Type, province: o.group(d.Meta)}
		if d.Meta.Period != nil {
			p.from, p.to = d.Meta.Period.From, d.Meta.Period.To
		} else if y, err := strconv.Atoi(prefix(d.Meta.IssueDate, 4)); err == nil {
			p.from, p.to = y, y
		}
		out = append(out, p)
	}
	return out, nil
}

func prefix(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

func provincesOf(ps []plan) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range ps {
		if !seen[p.province] {
			seen[p.province] = true
			out = append(out, p.province)
		}
	}
	sort.Slice(out, func(i, j int) bool { return collate(out[i]) < collate(out[j]) })
	return out
}

// collate is a sort key that orders Vietnamese names by their letters.
func collate(s string) string { return indicator.Fold(s) + "\x00" + s }

func evidence(r index.Record) Evidence {
	return Evidence{Doc: r.Doc, Source: r.Source, Number: r.Meta.Number, Span: r.Span(), Quote: r.Quote()}
}

func empty(status string) Cell {
	switch status {
	case StatusNoPlan:
		return Cell{Text: "· no plan", Status: StatusNoPlan}
	default:
		return Cell{Text: "— no figure", Status: StatusNoFigure}
	}
}

func index2(xs []string) map[string]int {
	m := map[string]int{}
	for i, x := range xs {
		m[x] = i
	}
	return m
}

// FormatNumber writes a number the Vietnamese way: "." groups thousands,
// "," marks decimals (16368.6 -> "16.368,6").
func FormatNumber(v float64) string {
	neg := v < 0
	v = math.Abs(v)
	s := strconv.FormatFloat(v, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// FormatVND writes an amount in đồng exactly, as million đồng when it is
// a whole number of thousands (16368600000 -> "16.368,6 triệu đồng"),
// else in đồng (33228453443 -> "33.228.453.443 đồng").
func FormatVND(v int64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	frac := strings.TrimRight(fmt.Sprintf("%06d", v%1_000_000), "0")
	if len(frac) > 3 {
		s := FormatNumber(float64(v)) + " đồng"
		if neg {
			s = "-" + s
		}
		return s
	}
	s := FormatNumber(float64(v / 1_000_000))
	if frac != "" {
		s += "," + frac
	}
	if neg {
		s = "-" + s
	}
	return s + " triệu đồng"
}

// GroupDigits writes an integer with spaces between thousands:
// 16368600000 -> "16 368 600 000".
func GroupDigits(v int64) string {
	s := strconv.FormatInt(v, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func comparatorSign(c string) string {
	switch c {
	case ">=", "≥":
		return "≥ "
	case ">":
		return "> "
	case "<=", "≤":
		return "≤ "
	case "<":
		return "< "
	case "≈", "~":
		return "≈ "
	}
	return ""
}

func formatTarget(t *corpus.Target) string {
	var b strings.Builder
	b.WriteString(comparatorSign(t.Comparator))
	b.WriteString(FormatNumber(t.Value))
	if t.ValueMax != nil {
		b.WriteString("–" + FormatNumber(*t.ValueMax))
	}
	switch {
	case t.Unit == "%":
		b.WriteString("%")
	case t.Unit != "":
		b.WriteString(" " + t.Unit)
	}
	if t.Year != nil {
		fmt.Fprintf(&b, " (%d)", *t.Year)
	}
	return b.String()
}

func indicatorLabel(id string) string {
	if in, ok := indicator.Get(id); ok {
		return in.NameVI
	}
	return id
}
