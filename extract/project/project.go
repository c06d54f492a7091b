// Package project extracts one project record per data row of a
// document's appendix task/project tables (the tables ingest recovered):
// name, group (the I, II / A, B heading rows above it), lead and partner
// units, period, amounts per money column, funding source and status.
// Group, total and summary rows are recognised and not emitted.
//
// A table is a project table when it has a name column and a data row
// that says something besides its name (an STT, a figure, a unit, a
// period); empty templates and category lists without figures or
// numbering are skipped. See extract/doc.go for the extractor contract.
package project

import (
	"kehoach/internal/lazyre"
	"strconv"
	"strings"

	"kehoach/corpus"
	"kehoach/extract/budget"
)

// Extract adds the document's project records to x.
func Extract(doc *corpus.Document, x *corpus.Extraction) {
	for _, t := range doc.Tables {
		x.Projects = append(x.Projects, FromTable(doc, t)...)
	}
}

// FromTable returns the projects of one table.
func FromTable(doc *corpus.Document, t corpus.Table) []corpus.Project {
	cols := budget.Columns(t)
	name := -1
	for j, c := range cols {
		if c.Role == budget.RoleName {
			name = j
			break
		}
	}
	if name < 0 {
		return nil
	}
	// a task or project table names its rows as such or speaks of money;
	// tables of indicators and inventories do neither
	if !budget.ReColName.MatchString(t.Columns[name]) && !budget.MoneyContext(t) {
		return nil
	}
	sc := budget.TableScale(doc, t)
	tYear, tPeriod := budget.TitlePeriod(t.Title)
	hasPeriodCols := false
	for _, c := range cols {
		if c.Role == budget.RolePeriod || c.Role == budget.RoleYear {
			hasPeriodCols = true
		}
	}
	var out []corpus.Project
	outer := "roman"
	for _, r := range t.Rows {
		if r.Kind == corpus.RowGroup {
			_, outer = groupLabel(r, name)
			break
		}
	}
	rank := func(kind string) int { // depth: the outer level is 1
		if kind == outer {
			return 1
		}
		return 2
	}
	var groups []string // open group headings, outermost first
	var groupKinds []string
	lead := ""
	for _, r := range t.Rows {
		switch r.Kind {
		case corpus.RowGroup:
			g, kind := groupLabel(r, name)
			// a heading closes the open ones at its level and below; the
			// kind of heading the table uses first is the outer level
			// ("A. Dự án chuyển tiếp" over "I. Hạ tầng", or the reverse)
			for len(groupKinds) > 0 && rank(groupKinds[len(groupKinds)-1]) >= rank(kind) {
				groups, groupKinds = groups[:len(groups)-1], groupKinds[:len(groupKinds)-1]
			}
			groups, groupKinds = append(groups, g), append(groupKinds, kind)
			lead = ""
			continue
		case corpus.RowData:
		default:
			continue
		}
		if name >= len(r.Cells) || strings.TrimSpace(r.Cells[name].Text) == "" || !saysMore(r, name) {
			continue
		}
		p := corpus.Project{
			Name:  r.Cells[name].Text,
			Table: t.Title,
			Span:  r.Span,
			Quote: doc.Text[r.Span.Start:r.Span.End],
		}
		if len(groups) > 0 {
			p.Group = groups[len(groups)-1]
		}
		var total, srcSum, yearSum int64
		haveTotal, nSrc, nYear := false, 0, 0
		var sources []string
		firstYear, lastYear := 0, 0
		for j, c := range cols {
			if j >= len(r.Cells) || j == name {
				continue
			}
			cell := strings.TrimSpace(r.Cells[j].Text)
			switch c.Role {
			case budget.RoleLead:
				if cell != "" {
					lead = cell
					p.Lead = cell
				} else if lead != "" && r.Cells[j].Span.Len() == 0 {
					p.Lead = lead // a merged cell given on an earlier row
					p.LeadInferred = true
				}
			case budget.RolePartner:
				p.Partners = cell
			case budget.RolePeriod:
				if pp := periodOf(cell); pp != nil {
					// "Bắt đầu" and "Kết thúc" columns widen one period
					if p.Period != nil {
						pp.From, pp.To = min(pp.From, p.Period.From), max(pp.To, p.Period.To)
					}
					p.Period = pp
				}
			case budget.RoleStatus:
				p.Status = cell
			case budget.RoleSrcText:
				if cell != "" {
					sources = appendNew(sources, strings.ToLower(fold(cell)))
				}
			}
			if !c.Money || cell == "" {
				continue
			}
			v, ok := budget.CellVND(r.Cells[j], sc)
			if !ok {
				continue
			}
			if p.Amounts == nil {
				p.Amounts = map[string]int64{}
			}
			p.Amounts[c.Name] = v
			switch c.Role {
			case budget.RoleTotal:
				if !haveTotal {
					total, haveTotal = v, true
				}
			case budget.RoleSource:
				srcSum += v
				nSrc++
				sources = appendNew(sources, c.Source)
			case budget.RoleYear:
				yearSum += v
				nYear++
				if firstYear == 0 {
					firstYear = c.Year
				}
				lastYear = c.Year
			}
		}
		switch {
		case haveTotal:
			p.AmountVND = &total
		case nSrc > 0:
			p.AmountVND = &srcSum
		case nYear > 0:
			p.AmountVND = &yearSum
		}
		p.Source = strings.Join(sources, ", ")
		if p.Period == nil && firstYear != 0 {
			p.Period = &corpus.Period{From: firstYear, To: lastYear}
		}
		if p.Period == nil && !hasPeriodCols {
			switch {
			case tPeriod != nil:
				pp := *tPeriod
				p.Period = &pp
			case tYear != nil:
				p.Period = &corpus.Period{From: *tYear, To: *tYear}
			}
		}
		out = append(out, p)
	}
	return out
}

// saysMore reports whether a data row holds more than a name: an STT or
// any other filled cell. Rows that are only a name are the category
// lines of empty templates.
func saysMore(r corpus.Row, name int) bool {
	for j, c := range r.Cells {
		if j != name && strings.TrimSpace(c.Text) != "" {
			return true
		}
	}
	return false
}

var reRomanOrLetter = lazyre.New(`^[IVXL]+$`)

// groupLabel is "I. Phát triển hạ tầng kỹ thuật" from a group row.
func groupLabel(r corpus.Row, name int) (label, kind string) {
	mk := strings.TrimSuffix(strings.TrimSpace(r.Cells[0].Text), ".")
	text := ""
	if name < len(r.Cells) {
		text = r.Cells[name].Text
	}
	if text == "" {
		for _, c := range r.Cells[1:] {
			if c.Text != "" {
				text = c.Text
				break
			}
		}
	}
	kind = "letter"
	if mk == "" || reRomanOrLetter.MatchString(mk) {
		kind = "roman" // unnumbered headings sit at the level of I, II
	}
	if mk == "" {
		return text, kind
	}
	return mk + ". " + text, kind
}

var (
	rePeriodCell = lazyre.New(`((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)`)
	reYearCell   = lazyre.New(`((?:19|20)\d\d)`)
)

// periodOf reads "2017-2019", "2021 - 2025", "Năm 2021", "2016".
func periodOf(s string) *corpus.Period {
	if m := rePeriodCell.FindStringSubmatch(s); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if a <= b {
			return &corpus.Period{From: a, To: b}
		}
	}
	if m := reYearCell.FindAllString(s, -1); len(m) > 0 {
		a, _ := strconv.Atoi(m[0])
		b, _ := strconv.Atoi(m[len(m)-1])
		if a > b {
			a, b = b, a
		}
		return &corpus.Period{From: a, To: b}
	}
	return nil
}

func appendNew(xs []string, s string) []string {
	for _, x := range xs {
		if x == s {
			return xs
		}
	}
	return append(xs, s)
}

func fold(s string) string { return strings.Join(strings.Fields(s), " ") }
