package chart

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"kehoach/compare"
)

// ErrNoData is wrapped by the errors of tables that have nothing to
// chart (no row, or no numeric column).
var ErrNoData = errors.New("nothing to chart")

// Spec is what one chart shows.
type Spec struct {
	Table  string   // the table's name: budgets, spending, ...
	Title  string   // Vietnamese title
	Axis   string   // value axis label, with its unit
	Unit   string   // unit of the figures: "đồng", "%", "" (a count), ...
	Scale  float64  // figures are divided by Scale on the axis (1e9 for tỷ đồng)
	Count  bool     // the figures are counts: whole-number ticks
	Series []string // one bar per series in each group, in order
	Groups []Group  // top to bottom
	Notes  []string // shown under the chart: what is left out and why
}

// Group is one row of the table: a label and one bar per series.
type Group struct {
	Label string
	Bars  []Bar  // len(Spec.Series)
	Empty string // when no bar has a figure: why (shown in place of the bars)
}

// Bar is one figure.
type Bar struct {
	Value   float64 // in the table's unit (đồng, %, ...), not scaled
	OK      bool    // the cell has a figure in Spec.Unit
	Several bool    // the cell states several figures; Value is the first
}

// vi translates the English words the compare tables use for columns and
// special rows; anything else (provinces, periods, indicator names) is
// Vietnamese already.
var vi = map[string]string{
	"Target":                       "Chỉ tiêu",
	"Achieved":                     "Đạt được",
	"Stated total":                 "Tổng kinh phí nêu trong kế hoạch",
	"Sum of items":                 "Tổng các hạng mục",
	"By source":                    "Theo nguồn vốn",
	"Cybersecurity share":          "Tỷ lệ chi cho an toàn thông tin",
	"Gap":                          "Chênh lệch",
	"National target":              "Chỉ tiêu quốc gia",
	"Year":                         "Năm",
	"Years":                        "Giai đoạn",
	"Plan":                         "Kế hoạch",
	"Document":                     "Văn bản",
	"(province unknown)":           "(không rõ tỉnh)",
	"(year unknown)":               "(không rõ năm)",
	"(no number)":                  "(không có số hiệu)",
	"Tổng kinh phí (stated total)": "Tổng kinh phí nêu trong kế hoạch",
}

func tr(s string) string {
	if v, ok := vi[s]; ok {
		s = v
	}
	return norm.NFC.String(s)
}

// title is the Vietnamese title of a table.
func title(t *compare.Table) string {
	var s string
	switch t.Name {
	case "targets":
		s = "Chỉ tiêu theo tỉnh"
	case "indicator":
		name, _, _ := strings.Cut(t.Title, ": ")
		s = name + ": chỉ tiêu của tỉnh và chỉ tiêu quốc gia"
	case "budgets":
		s = "Tổng kinh phí nêu trong kế hoạch, theo tỉnh và năm"
	case "spending":
		s = "Kinh phí của từng kế hoạch: tổng nêu trong kế hoạch và tổng các hạng mục"
	case "citations":
		s = "Văn bản được trích dẫn: số tỉnh trích dẫn"
	case "progress":
		s = "Chỉ tiêu và kết quả đạt được"
	case "province":
		p := strings.TrimSuffix(strings.TrimPrefix(t.Title, "Plans of "), " over the years")
		s = "Các kế hoạch của " + p + " qua các năm"
	default:
		s = t.Title
	}
	if t.Province == "now" {
		s += " (tỉnh theo địa giới từ 1/7/2025)"
	}
	return norm.NFC.String(s)
}

// several reports whether a cell joins several figures; the compare
// tables join distinct figures with "; " and keep the first as Value
// (compare.WriteXLSX reads cells the same way).
func several(c compare.Cell) bool { return strings.Contains(c.Text, "; ") }

// Build turns a table into a chart spec. maxGroups limits the citations
// chart (0: 30 documents).
func Build(t *compare.Table, maxGroups int) (*Spec, error) {
	if t == nil {
		return nil, fmt.Errorf("chart: no table: %w", ErrNoData)
	}
	if len(t.Rows) == 0 {
		return nil, fmt.Errorf("chart: table %s has no row to chart: %w", t.Name, ErrNoData)
	}
	if t.Name == "citations" {
		return citations(t, maxGroups)
	}
	return bars(t)
}

// column is one candidate series: a column of the table, or a figure
// derived from columns.
type column struct {
	name  string
	value func(r compare.Row) (v float64, unit string, several, ok bool)
}

func cellColumn(name string, i int) column {
	return column{name: tr(name), value: func(r compare.Row) (float64, string, bool, bool) {
		if i >= len(r.Cells) {
			return 0, "", false, false
		}
		c := r.Cells[i]
		if c.Value == nil || c.Status != compare.StatusOK || math.IsNaN(*c.Value) || math.IsInf(*c.Value, 0) {
			return 0, "", false, false
		}
		return *c.Value, c.Unit, several(c), true
	}}
}

// columns picks the series of a table: every column with a figure,
// except the funding sources of the spending table (a cell holds several
// sources and its Value is only the first); the indicator table's gap is
// turned back into the national target it was measured against.
func columns(t *compare.Table) []column {
	col := map[string]int{}
	for i, c := range t.Columns {
		col[c] = i
	}
	numeric := func(i int) bool {
		for _, r := range t.Rows {
			if i < len(r.Cells) && r.Cells[i].Value != nil && r.Cells[i].Status == compare.StatusOK {
				return true
			}
		}
		return false
	}
	if t.Name == "indicator" {
		ti, okT := col["Target"]
		gi, okG := col["Gap"]
		if okT && okG {
			target := cellColumn("Chỉ tiêu của tỉnh", ti)
			gap := cellColumn("Gap", gi)
			national := column{name: "Chỉ tiêu quốc gia", value: func(r compare.Row) (float64, string, bool, bool) {
				v, u, sev, ok := target.value(r)
				g, _, _, okg := gap.value(r)
				if !ok || !okg {
					return 0, "", false, false
				}
				return v - g, u, sev, true
			}}
			return []column{target, national}
		}
	}
	var out []column
	for i, name := range t.Columns {
		if t.Name == "spending" && name == "By source" {
			continue
		}
		if numeric(i) {
			out = append(out, cellColumn(name, i))
		}
	}
	return out
}

func bars(t *compare.Table) (*Spec, error) {
	cols := columns(t)
	// The unit most figures share is drawn; the others are counted.
	count := map[string]int{}
	var order []string
	for _, r := range t.Rows {
		for _, c := range cols {
			if _, u, _, ok := c.value(r); ok {
				if count[u] == 0 {
					order = append(order, u)
				}
				count[u]++
			}
		}
	}
	if len(order) == 0 {
		return nil, fmt.Errorf("chart: table %s has no numeric column to chart: %w", t.Name, ErrNoData)
	}
	unit := order[0]
	for _, u := range order[1:] {
		if count[u] > count[unit] {
			unit = u
		}
	}
	s := &Spec{Table: t.Name, Title: title(t), Unit: unit, Scale: 1}
	// Series with at least one figure in the unit.
	var keep []column
	for _, c := range cols {
		for _, r := range t.Rows {
			if _, u, _, ok := c.value(r); ok && u == unit {
				keep = append(keep, c)
				break
			}
		}
	}
	for _, c := range keep {
		s.Series = append(s.Series, c.name)
	}
	otherUnit, sev := 0, false
	var maxAbs float64
	var rows []compare.Row
	for _, r := range t.Rows {
		g := Group{Label: tr(r.Label), Bars: make([]Bar, len(keep))}
		any, other := false, false
		for i, c := range keep {
			v, u, several, ok := c.value(r)
			if !ok {
				continue
			}
			if u != unit {
				other = true
				continue
			}
			g.Bars[i] = Bar{Value: v, OK: true, Several: several}
			any = true
			sev = sev || several
			maxAbs = math.Max(maxAbs, math.Abs(v))
		}
		for _, c := range cols {
			if _, u, _, ok := c.value(r); ok && u != unit {
				otherUnit++
			}
		}
		if !any && other {
			continue // a row (an indicator) of another unit: not this chart's
		}
		if !any {
			g.Empty = why(r)
		}
		s.Groups = append(s.Groups, g)
		rows = append(rows, r)
	}
	uniqueLabels(s.Groups, rows)
	s.Axis, s.Scale = axis(unit, maxAbs)
	s.Count = maxAbs == 0 // all zero: ticks 0 and 1, not 0,5
	if otherUnit > 0 {
		s.Notes = append(s.Notes, fmt.Sprintf("%d số liệu có đơn vị khác (%s) không được vẽ.", otherUnit, otherUnits(count, unit)))
	}
	if sev {
		s.Notes = append(s.Notes, "* Ô nêu nhiều số liệu: biểu đồ vẽ số liệu đầu tiên (xem đủ trong bản CSV, XLSX).")
	}
	return s, nil
}

func otherUnits(count map[string]int, unit string) string {
	var us []string
	for u := range count {
		if u == unit {
			continue
		}
		if u == "" {
			u = "không đơn vị"
		}
		us = append(us, u)
	}
	sort.Strings(us)
	return strings.Join(us, ", ")
}

// why says why a row has no figure: no plan ingested when every cell
// says so, else no figure stated.
func why(r compare.Row) string {
	for _, c := range r.Cells {
		if c.Status != compare.StatusNoPlan {
			return "không nêu số liệu"
		}
	}
	if len(r.Cells) == 0 {
		return "không nêu số liệu"
	}
	return "chưa có kế hoạch"
}

// uniqueLabels makes repeated labels (one province with several plans or
// years) distinct by the first text column that tells them apart, else by
// a number.
func uniqueLabels(gs []Group, rows []compare.Row) {
	seen := map[string]int{}
	for _, g := range gs {
		seen[g.Label]++
	}
	dup := false
	for _, n := range seen {
		dup = dup || n > 1
	}
	if !dup || len(rows) == 0 {
		return
	}
	text := func(r compare.Row, i int) string {
		if i < len(r.Cells) && r.Cells[i].Status == compare.StatusOK && r.Cells[i].Value == nil {
			return tr(r.Cells[i].Text)
		}
		return ""
	}
	for i := range rows[0].Cells {
		labels := map[string]bool{}
		ok := true
		for gi, g := range gs {
			l := g.Label
			if seen[l] > 1 {
				t := text(rows[gi], i)
				if t == "" {
					ok = false
					break
				}
				l += " · " + t
			}
			if labels[l] {
				ok = false
				break
			}
			labels[l] = true
		}
		if ok {
			for gi := range gs {
				if seen[gs[gi].Label] > 1 {
					gs[gi].Label += " · " + text(rows[gi], i)
				}
			}
			return
		}
	}
	n := map[string]int{}
	for gi := range gs {
		l := gs[gi].Label
		if seen[l] > 1 {
			n[l]++
			gs[gi].Label = fmt.Sprintf("%s (%d)", l, n[l])
		}
	}
}

// axis is the value axis label and scale for a unit and the largest
// figure.
func axis(unit string, maxAbs float64) (string, float64) {
	switch unit {
	case "đồng":
		switch {
		case maxAbs >= 1e9:
			return "Kinh phí (tỷ đồng)", 1e9
		case maxAbs >= 1e6:
			return "Kinh phí (triệu đồng)", 1e6
		}
		return "Kinh phí (đồng)", 1
	case "%":
		return "Tỷ lệ (%)", 1
	case "":
		return "Giá trị", 1
	}
	return "Giá trị (" + norm.NFC.String(unit) + ")", 1
}

// citations charts how many provinces (columns) cite each document, most
// cited first, at most max documents.
func citations(t *compare.Table, max int) (*Spec, error) {
	if max <= 0 {
		max = 30
	}
	type doc struct {
		label string
		n     int
	}
	var docs []doc
	for _, r := range t.Rows {
		n := 0
		for _, c := range r.Cells {
			if c.Status == compare.StatusOK {
				n++
			}
		}
		if n > 0 {
			docs = append(docs, doc{tr(r.Label), n})
		}
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("chart: table %s has no numeric column to chart: %w", t.Name, ErrNoData)
	}
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].n > docs[j].n })
	s := &Spec{Table: t.Name, Title: title(t), Axis: "Số tỉnh trích dẫn", Unit: "", Scale: 1, Count: true,
		Series: []string{"Số tỉnh trích dẫn"}}
	for i, d := range docs {
		if i == max {
			s.Notes = append(s.Notes, fmt.Sprintf("Còn %d văn bản được ít tỉnh trích dẫn hơn không được vẽ (xem bản CSV, XLSX).", len(docs)-max))
			break
		}
		s.Groups = append(s.Groups, Group{Label: d.label, Bars: []Bar{{Value: float64(d.n), OK: true}}})
	}
	s.Notes = append(s.Notes, fmt.Sprintf("Trên %d tỉnh có kế hoạch trong dữ liệu.", len(t.Columns)))
	return s, nil
}

// Number writes a figure for an axis or a bar the Vietnamese way ("."
// groups thousands, "," marks decimals), rounded to what a reader can
// see: no decimal from 1000, one from 100, else two.
func Number(v float64) string {
	a := math.Abs(v)
	d := 2
	switch {
	case a >= 1000:
		d = 0
	case a >= 100:
		d = 1
	}
	p := math.Pow(10, float64(d))
	v = math.Round(v*p) / p
	if v == 0 {
		v = 0 // no "-0"
	}
	v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'f', d, 64), 64)
	return compare.FormatNumber(v)
}
