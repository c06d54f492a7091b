package compare

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"kehoach/extract/indicator"
	"kehoach/index"
)

// cellOf joins records into one cell: distinct texts joined by "; ",
// the first record's figure as the value, every record as evidence.
func cellOf(rs []index.Record, text func(index.Record) string, value func(index.Record) (float64, string)) Cell {
	c := Cell{Status: StatusOK}
	seen := map[string]bool{}
	var texts []string
	for _, r := range rs {
		t := text(r)
		if !seen[t] {
			seen[t] = true
			texts = append(texts, t)
		}
		c.Evidence = append(c.Evidence, evidence(r))
	}
	c.Text = strings.Join(texts, "; ")
	if len(rs) > 0 && value != nil {
		v, u := value(rs[0])
		c.Value, c.Unit = &v, u
	}
	return c
}

func isTarget(r index.Record) bool {
	return r.Target != nil && (r.Target.Kind == "" || r.Target.Kind == "target")
}

// Targets is the indicator × province table of stated targets.
func Targets(ctx context.Context, src Source, o Options) (*Table, error) {
	ps, err := plans(ctx, src, o)
	if err != nil {
		return nil, err
	}
	provs := provincesOf(ps)
	f := o.filter(index.KindTarget)
	f.Indicator = o.Indicator
	recs, err := src.Records(ctx, f)
	if err != nil {
		return nil, err
	}
	t := &Table{Name: "targets", Title: "Targets by indicator and province", Corner: "Indicator", Columns: provs, Province: o.grouping()}
	by := map[string]map[string][]index.Record{}
	unmapped := 0
	for _, r := range recs {
		if !isTarget(r) {
			continue
		}
		if r.Target.Indicator == "" {
			unmapped++
			continue
		}
		id := r.Target.Indicator
		if by[id] == nil {
			by[id] = map[string][]index.Record{}
		}
		p := o.group(r.Meta)
		by[id][p] = append(by[id][p], r)
	}
	ids := make([]string, 0, len(by))
	for id := range by {
		ids = append(ids, id)
	}
	if o.Indicator != "" && len(ids) == 0 {
		ids = append(ids, o.Indicator)
	}
	sort.Strings(ids)
	for _, id := range ids {
		row := Row{Key: id, Label: indicatorLabel(id)}
		for _, p := range provs {
			rs := by[id][p]
			if len(rs) == 0 {
				row.Cells = append(row.Cells, empty(StatusNoFigure))
				continue
			}
			sortByYear(rs)
			row.Cells = append(row.Cells, cellOf(rs, func(r index.Record) string { return formatTarget(r.Target) },
				func(r index.Record) (float64, string) { return r.Target.Value, r.Target.Unit }))
		}
		t.Rows = append(t.Rows, row)
	}
	if unmapped > 0 {
		t.Notes = append(t.Notes, fmt.Sprintf("%d targets name no indicator id and are not shown (kehoach search --kind target lists them)", unmapped))
	}
	if len(provs) == 0 {
		t.Notes = append(t.Notes, "no plan ingested")
	}
	return t, nil
}

// sortByYear puts the latest year first.
func sortByYear(rs []index.Record) {
	year := func(r index.Record) int {
		if r.Target != nil && r.Target.Year != nil {
			return *r.Target.Year
		}
		return 0
	}
	sort.SliceStable(rs, func(i, j int) bool { return year(rs[i]) > year(rs[j]) })
}

type period struct{ from, to int }

func (p period) label() string {
	switch {
	case p.from == 0:
		return "(year unknown)"
	case p.from == p.to:
		return fmt.Sprint(p.from)
	}
	return fmt.Sprintf("%d–%d", p.from, p.to)
}

func budgetPeriod(r index.Record) period {
	b := r.Budget
	switch {
	case b.Year != nil:
		return period{*b.Year, *b.Year}
	case b.Period != nil && b.Period.From > 0:
		return period{b.Period.From, max(b.Period.To, b.Period.From)}
	case r.Meta.Period != nil:
		return period{r.Meta.Period.From, max(r.Meta.Period.To, r.Meta.Period.From)}
	}
	return period{}
}

// Budgets is the province × year (or period) table of stated budget
// totals.
func Budgets(ctx context.Context, src Source, o Options) (*Table, error) {
	ps, err := plans(ctx, src, o)
	if err != nil {
		return nil, err
	}
	provs := provincesOf(ps)
	recs, err := src.Records(ctx, o.filter(index.KindBudget))
	if err != nil {
		return nil, err
	}
	by := map[string]map[period][]index.Record{}
	cols := map[period]bool{}
	for _, r := range recs {
		if r.Budget == nil || r.Budget.Kind != "total" {
			continue
		}
		pe := budgetPeriod(r)
		p := o.group(r.Meta)
		if by[p] == nil {
			by[p] = map[period][]index.Record{}
		}
		by[p][pe] = append(by[p][pe], r)
		cols[pe] = true
	}
	var periods []period
	for pe := range cols {
		periods = append(periods, pe)
	}
	sort.Slice(periods, func(i, j int) bool {
		if periods[i].from != periods[j].from {
			return periods[i].from < periods[j].from
		}
		return periods[i].to < periods[j].to
	})
	t := &Table{Name: "budgets", Title: "Stated budget totals by province and year", Corner: "Province", Province: o.grouping()}
	for _, pe := range periods {
		t.Columns = append(t.Columns, pe.label())
	}
	for _, p := range provs {
		row := Row{Key: p, Label: p}
		for _, pe := range periods {
			rs := by[p][pe]
			if len(rs) == 0 {
				row.Cells = append(row.Cells, empty(coverage(ps, p, pe)))
				continue
			}
			row.Cells = append(row.Cells, cellOf(rs, func(r index.Record) string { return FormatVND(r.Budget.AmountVND) },
				func(r index.Record) (float64, string) { return float64(r.Budget.AmountVND), "đồng" }))
		}
		t.Rows = append(t.Rows, row)
	}
	if len(periods) == 0 {
		t.Notes = append(t.Notes, "no budget total stated in the plans ingested")
	}
	return t, nil
}

// coverage says why a province has no figure for a period: no_figure
// when a plan of the province covering part of the period was ingested,
// no_plan otherwise.
func coverage(ps []plan, province string, pe period) string {
	for _, p := range ps {
		if p.province != province {
			continue
		}
		if pe.from == 0 || p.from == 0 || (p.from <= pe.to && pe.from <= p.to) {
			return StatusNoFigure
		}
	}
	return StatusNoPlan
}

// Citations is the matrix of cited legal documents × province.
func Citations(ctx context.Context, src Source, o Options) (*Table, error) {
	ps, err := plans(ctx, src, o)
	if err != nil {
		return nil, err
	}
	provs := provincesOf(ps)
	recs, err := src.Records(ctx, o.filter(index.KindCitation))
	if err != nil {
		return nil, err
	}
	by := map[string]map[string][]index.Record{}
	label := map[string]string{}
	for _, r := range recs {
		c := r.Citation
		if c == nil {
			continue
		}
		key := c.Number
		if key == "" {
			key = c.Title
		}
		if key == "" {
			continue
		}
		if by[key] == nil {
			by[key] = map[string][]index.Record{}
			label[key] = strings.TrimSpace(c.Type + " " + c.Number)
			if c.Number == "" {
				label[key] = titledLabel(c.Type, c.Title)
			}
		}
		p := o.group(r.Meta)
		by[key][p] = append(by[key][p], r)
	}
	keys := make([]string, 0, len(by))
	for k := range by {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := len(by[keys[i]]), len(by[keys[j]])
		if a != b {
			return a > b
		}
		return keys[i] < keys[j]
	})
	t := &Table{Name: "citations", Title: "Legal documents cited, by province", Corner: "Cited document", Columns: provs, Province: o.grouping()}
	for _, k := range keys {
		row := Row{Key: k, Label: label[k]}
		for _, p := range provs {
			rs := by[k][p]
			if len(rs) == 0 {
				row.Cells = append(row.Cells, Cell{Text: "—", Status: StatusNoFigure})
				continue
			}
			n := 0
			for _, r := range rs {
				n += max(r.Citation.Count, 1)
			}
			c := cellOf(rs, func(index.Record) string { return fmt.Sprintf("✓ %d", n) }, nil)
			v := float64(n)
			c.Value = &v
			row.Cells = append(row.Cells, c)
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

// Progress sets each province's targets beside the achieved figures
// reported for the same indicator.
func Progress(ctx context.Context, src Source, o Options) (*Table, error) {
	f := o.filter(index.KindTarget)
	f.Indicator = o.Indicator
	recs, err := src.Records(ctx, f)
	if err != nil {
		return nil, err
	}
	type key struct{ province, indicator string }
	targets := map[key][]index.Record{}
	achieved := map[key][]index.Record{}
	for _, r := range recs {
		if r.Target == nil || r.Target.Indicator == "" {
			continue
		}
		k := key{o.group(r.Meta), r.Target.Indicator}
		if r.Target.Kind == "achieved" {
			achieved[k] = append(achieved[k], r)
		} else {
			targets[k] = append(targets[k], r)
		}
	}
	var keys []key
	for k := range achieved {
		keys = append(keys, k)
	}
	for k := range targets {
		if _, ok := achieved[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].province != keys[j].province {
			return collate(keys[i].province) < collate(keys[j].province)
		}
		return keys[i].indicator < keys[j].indicator
	})
	t := &Table{Name: "progress", Title: "Targets versus achieved figures", Corner: "Province · indicator",
		Columns: []string{"Target", "Achieved"}, Province: o.grouping()}
	txt := func(r index.Record) string { return formatTarget(r.Target) }
	val := func(r index.Record) (float64, string) { return r.Target.Value, r.Target.Unit }
	for _, k := range keys {
		row := Row{Key: k.province + "/" + k.indicator, Label: k.province + " · " + indicatorLabel(k.indicator)}
		for _, rs := range [][]index.Record{targets[k], achieved[k]} {
			if len(rs) == 0 {
				row.Cells = append(row.Cells, empty(StatusNoFigure))
				continue
			}
			sortByYear(rs)
			row.Cells = append(row.Cells, cellOf(rs, txt, val))
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

// ProvincePlans sets one province's plans side by side over the years:
// a column per plan, a row per indicator plus the budget total.
func ProvincePlans(ctx context.Context, src Source, o Options) (*Table, error) {
	if o.Province == "" {
		return nil, fmt.Errorf("compare: the province table needs a province")
	}
	ps, err := plans(ctx, src, o)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].from != ps[j].from {
			return ps[i].from < ps[j].from
		}
		return ps[i].doc < ps[j].doc
	})
	t := &Table{Name: "province", Title: "Plans of " + o.Province + " over the years", Corner: "Indicator", Province: o.grouping()}
	col := map[string]int{}
	for i, p := range ps {
		l := period{p.from, p.to}.label()
		if p.number != "" {
			l += " · " + p.number
		}
		t.Columns = append(t.Columns, l)
		col[p.doc] = i
	}
	recs, err := src.Records(ctx, o.filter(index.KindTarget))
	if err != nil {
		return nil, err
	}
	byInd := map[string]map[int][]index.Record{}
	for _, r := range recs {
		if !isTarget(r) || r.Target.Indicator == "" {
			continue
		}
		if byInd[r.Target.Indicator] == nil {
			byInd[r.Target.Indicator] = map[int][]index.Record{}
		}
		byInd[r.Target.Indicator][col[r.Doc]] = append(byInd[r.Target.Indicator][col[r.Doc]], r)
	}
	ids := make([]string, 0, len(byInd))
	for id := range byInd {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		row := Row{Key: id, Label: indicatorLabel(id)}
		for i := range ps {
			rs := byInd[id][i]
			if len(rs) == 0 {
				row.Cells = append(row.Cells, empty(StatusNoFigure))
				continue
			}
			sortByYear(rs)
			row.Cells = append(row.Cells, cellOf(rs, func(r index.Record) string { return formatTarget(r.Target) },
				func(r index.Record) (float64, string) { return r.Target.Value, r.Target.Unit }))
		}
		t.Rows = append(t.Rows, row)
	}
	brecs, err := src.Records(ctx, o.filter(index.KindBudget))
	if err != nil {
		return nil, err
	}
	byDoc := map[int][]index.Record{}
	for _, r := range brecs {
		if r.Budget != nil && r.Budget.Kind == "total" {
			byDoc[col[r.Doc]] = append(byDoc[col[r.Doc]], r)
		}
	}
	row := Row{Key: "budget.total", Label: "Tổng kinh phí (stated total)"}
	for i := range ps {
		rs := byDoc[i]
		if len(rs) == 0 {
			row.Cells = append(row.Cells, empty(StatusNoFigure))
			continue
		}
		row.Cells = append(row.Cells, cellOf(rs, func(r index.Record) string {
			return FormatVND(r.Budget.AmountVND) + " (" + budgetPeriod(r).label() + ")"
		}, func(r index.Record) (float64, string) { return float64(r.Budget.AmountVND), "đồng" }))
	}
	t.Rows = append(t.Rows, row)
	if len(ps) == 0 {
		t.Notes = append(t.Notes, "no plan of "+o.Province+" ingested")
	}
	return t, nil
}

// Indicator is one indicator's targets, one row per province and stated
// figure, with the national target for the same year beside each and the
// gap to it (issue 6's comparison). It needs o.Indicator.
func Indicator(ctx context.Context, src Source, o Options) (*Table, error) {
	if o.Indicator == "" {
		return nil, fmt.Errorf("compare: the indicator table needs an indicator id (--indicator)")
	}
	in, ok := indicator.Get(o.Indicator)
	if !ok {
		return nil, fmt.Errorf("compare: unknown indicator %q (kehoach indicators lists them)", o.Indicator)
	}
	ps, err := plans(ctx, src, o)
	if err != nil {
		return nil, err
	}
	f := o.filter(index.KindTarget)
	f.Indicator = o.Indicator
	recs, err := src.Records(ctx, f)
	if err != nil {
		return nil, err
	}
	t := &Table{Name: "indicator", Title: in.NameVI + ": targets beside the national target", Corner: "Province",
		Columns: []string{"Year", "Target", "National target", "Gap", "Document"}, Province: o.grouping()}
	by := map[string][]index.Record{}
	for _, r := range recs {
		if isTarget(r) && r.Target.Indicator == o.Indicator {
			p := o.group(r.Meta)
			by[p] = append(by[p], r)
		}
	}
	text := func(s string) Cell { return Cell{Text: s, Status: StatusOK} }
	for _, p := range provincesOf(ps) {
		rs := by[p]
		if len(rs) == 0 {
			row := Row{Key: p, Label: p}
			for range t.Columns {
				row.Cells = append(row.Cells, empty(StatusNoFigure))
			}
			t.Rows = append(t.Rows, row)
			continue
		}
		sortByYear(rs)
		for _, r := range rs {
			tg := r.Target
			year := ""
			if tg.Year != nil {
				year = fmt.Sprint(*tg.Year)
			}
			figure := cellOf([]index.Record{r}, func(r index.Record) string { return formatTarget(r.Target) },
				func(r index.Record) (float64, string) { return r.Target.Value, r.Target.Unit })
			nat, gap := empty(StatusNoFigure), empty(StatusNoFigure)
			if nt, g, ok := indicator.Beside(*tg); ok {
				nat = text(nt.String())
				v := g
				gap = Cell{Text: signed(g), Value: &v, Unit: in.Unit, Status: StatusOK}
			}
			doc := r.Meta.Number
			if doc == "" {
				doc = r.Source
			}
			t.Rows = append(t.Rows, Row{Key: p, Label: p, Cells: []Cell{text(year), figure, nat, gap, text(doc)}})
		}
	}
	t.Notes = append(t.Notes, "national target: the one for the figure's year, else the next national deadline; gap = the figure minus it (for ranks, a positive gap is worse)")
	return t, nil
}

func signed(v float64) string {
	if v > 0 {
		return "+" + FormatNumber(v)
	}
	return FormatNumber(v)
}

// Spending is the money of each plan: its stated totals, the sum of its
// items (appendix project rows and budget lines with an amount), its split
// by funding source, and the share it sets aside for cybersecurity where
// it states one. One row per plan, ordered by province and years.
func Spending(ctx context.Context, src Source, o Options) (*Table, error) {
	ps, err := plans(ctx, src, o)
	if err != nil {
		return nil, err
	}
	byDoc := map[string][]index.Record{}
	for _, kind := range []string{index.KindBudget, index.KindProject, index.KindTarget} {
		f := o.filter(kind)
		if kind == index.KindTarget {
			f.Indicator = "infosec.budget_share"
		}
		rs, err := src.Records(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			byDoc[r.Doc] = append(byDoc[r.Doc], r)
		}
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].province != ps[j].province {
			return collate(ps[i].province) < collate(ps[j].province)
		}
		return ps[i].from < ps[j].from
	})
	t := &Table{Name: "spending", Title: "Money of each plan: stated totals, sum of items, split by source, cybersecurity share", Corner: "Province",
		Columns: []string{"Plan", "Years", "Stated total", "Sum of items", "By source", "Cybersecurity share"}, Province: o.grouping()}
	text := func(s string) Cell { return Cell{Text: s, Status: StatusOK} }
	amount := func(rs []index.Record, label func(index.Record) string) Cell {
		if len(rs) == 0 {
			return empty(StatusNoFigure)
		}
		return cellOf(rs, label, func(r index.Record) (float64, string) { return float64(r.Budget.AmountVND), "đồng" })
	}
	for _, p := range ps {
		var totals, sources, shares []index.Record
		var sum int64
		items := 0
		for _, r := range byDoc[p.doc] {
			switch {
			case r.Budget != nil && r.Budget.Kind == "total":
				totals = append(totals, r)
			case r.Budget != nil && r.Budget.Kind == "source":
				sources = append(sources, r)
			case r.Budget != nil && r.Budget.Kind == "item":
				sum += r.Budget.AmountVND
				items++
			case r.Project != nil && r.Project.AmountVND != nil:
				sum += *r.Project.AmountVND
				items++
			case r.Target != nil:
				shares = append(shares, r)
			}
		}
		name := p.number
		if name == "" {
			name = "(no number)"
		}
		years := ""
		if p.from > 0 {
			years = period{p.from, p.to}.label()
		}
		row := Row{Key: p.province, Label: p.province, Cells: []Cell{text(name), text(years),
			amount(totals, func(r index.Record) string { return FormatVND(r.Budget.AmountVND) }),
			empty(StatusNoFigure),
			amount(sources, func(r index.Record) string {
				s := r.Budget.Source
				if s == "" {
					s = "?"
				}
				return s + " " + FormatVND(r.Budget.AmountVND)
			}),
			empty(StatusNoFigure)}}
		if items > 0 {
			v := float64(sum)
			row.Cells[3] = Cell{Text: fmt.Sprintf("%s (%d items)", FormatVND(sum), items), Value: &v, Unit: "đồng", Status: StatusOK}
		}
		if len(shares) > 0 {
			row.Cells[5] = cellOf(shares, func(r index.Record) string { return formatTarget(r.Target) },
				func(r index.Record) (float64, string) { return r.Target.Value, r.Target.Unit })
		}
		t.Rows = append(t.Rows, row)
	}
	t.Notes = append(t.Notes, "a plan may state several totals (prose and an appendix's total row, or a total per year); the sum of items adds every appendix row and budget line of the plan, whatever its years; where items and a stated total disagree, kehoach extract's warnings name both figures")
	return t, nil
}

// titledLabel names a document cited by title: its type, then its title,
// unless the title already opens with the type ("Luật An toàn thông tin
// mạng", cited as a Luật, is not "Luật Luật An toàn …").
func titledLabel(typ, title string) string {
	typ, title = strings.TrimSpace(typ), strings.TrimSpace(title)
	if typ != "" && len(title) >= len(typ) && strings.EqualFold(title[:len(typ)], typ) {
		return title
	}
	return strings.TrimSpace(typ + " " + title)
}
