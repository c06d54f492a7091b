package budget

import (
	"fmt"
	"strings"

	"kehoach/corpus"
	"kehoach/extract/vnnum"
)

// families of sources that split one total: by budget level and by kind
// of spending. "khác" (other sources) completes either.
var families = []struct {
	name    string
	members map[string]bool
}{
	{"budget level", map[string]bool{"ngân sách trung ương": true, "ngân sách địa phương": true, "ngân sách tỉnh": true, "ngân sách huyện": true, "ngân sách xã": true, "xã hội hóa": true, "ODA": true, "khác": true}},
	{"kind of spending", map[string]bool{"đầu tư": true, "đầu tư công": true, "sự nghiệp": true, "khác": true}},
}

// Check compares stated totals with what they are made of, per column or
// per family of sources, and returns one warning per disagreement naming
// both figures:
//   - a prose total and the prose split that follows it (per family:
//     trung ương + địa phương, đầu tư + sự nghiệp);
//   - a prose total or source and the total row of an appendix table for
//     the same years.
//
// The rows of each table against its own total row are checked where the
// table budgets are read.
func Check(doc *corpus.Document, prose []corpus.Budget) []string {
	return check(doc, prose, newTableFacts(doc))
}

func check(doc *corpus.Document, prose []corpus.Budget, facts *tableFacts) []string {
	var warns []string
	// prose total against its split
	for i, tot := range prose {
		if tot.Kind != "total" {
			continue
		}
		var split []corpus.Budget
		var byYear []corpus.Budget
		for _, b := range prose[i+1:] {
			if b.Kind == "total" {
				// "năm 2022: ...; năm 2023: ..." right after a period total
				if tot.Period != nil && b.Year != nil && *b.Year >= tot.Period.From && *b.Year <= tot.Period.To && len(split) == 0 {
					byYear = append(byYear, b)
					continue
				}
				break
			}
			if b.Kind == "source" && sameYears(b, tot) {
				split = append(split, b)
			}
		}
		if len(byYear) >= 2 {
			var sum int64
			var parts []string
			for _, b := range byYear {
				sum += b.AmountVND
				parts = append(parts, fmt.Sprintf("%d: %s", *b.Year, fmtAmount(b.AmountVND, b.Unit)))
			}
			if len(byYear) == tot.Period.To-tot.Period.From+1 && sum != tot.AmountVND {
				warns = append(warns, fmt.Sprintf("budget: the stated total %s%s disagrees with its split by year, which sums to %s (%s)",
					fmtAmount(tot.AmountVND, tot.Unit), yearsString(tot), fmtAmount(sum, tot.Unit), strings.Join(parts, "; ")))
			}
		}
		for _, fam := range families {
			var sum int64
			var parts []string
			n := 0
			for _, b := range split {
				if fam.members[b.Source] {
					sum += b.AmountVND
					n++
					parts = append(parts, b.Source+" "+fmtAmount(b.AmountVND, b.Unit))
				}
			}
			if n >= 2 && sum != tot.AmountVND {
				warns = append(warns, fmt.Sprintf("budget: the stated total %s%s disagrees with its split by %s, which sums to %s (%s)",
					fmtAmount(tot.AmountVND, tot.Unit), yearsString(tot), fam.name, fmtAmount(sum, tot.Unit), strings.Join(parts, " + ")))
			}
		}
	}
	// prose against the tables' total rows
	for ti, t := range doc.Tables {
		year, period := TitlePeriod(t.Title)
		if year == nil && period == nil {
			continue
		}
		cols := facts.columns(ti)
		sc := facts.scale(ti)
		if !hasTotalRow(t) {
			warns = append(warns, checkRowsAgainstProse(t, cols, sc, year, period, prose)...)
			continue
		}
		for _, r := range t.Rows {
			if r.Kind != corpus.RowTotal {
				continue
			}
			var total, srcSum int64
			haveTotal, nSrc := false, 0
			bySource := map[string]int64{}
			var parts []string
			for j, c := range cols {
				if j >= len(r.Cells) || !c.Money {
					continue
				}
				v, ok := CellVND(r.Cells[j], sc)
				if !ok {
					continue
				}
				switch c.Role {
				case RoleTotal:
					if !haveTotal {
						total, haveTotal = v, true
					}
				case RoleSource:
					srcSum += v
					nSrc++
					bySource[c.Source] += v
					parts = append(parts, r.Cells[j].Text)
				}
			}
			tableTotal, how := total, ""
			if !haveTotal && nSrc > 0 {
				tableTotal, how = srcSum, " ("+strings.Join(parts, " + ")+" "+sc.Unit+")"
			}
			for _, b := range prose {
				if !sameYearsAs(b, year, period) {
					continue
				}
				switch {
				case b.Kind == "total" && (haveTotal || nSrc > 0) && b.AmountVND != tableTotal:
					warns = append(warns, fmt.Sprintf("budget: the stated total %s%s disagrees with %s's total row, %s%s",
						fmtAmount(b.AmountVND, b.Unit), yearsString(b), tableName(t), Format(tableTotal, sc.Factor), how))
				case b.Kind == "source":
					if v, ok := bySource[b.Source]; ok && v != b.AmountVND {
						warns = append(warns, fmt.Sprintf("budget: the stated %s %s%s disagrees with %s's total row, %s",
							b.Source, fmtAmount(b.AmountVND, b.Unit), yearsString(b), tableName(t), Format(v, sc.Factor)))
					}
				}
			}
		}
	}
	return warns
}

func fmtAmount(v int64, unit string) string {
	f, ok := vnnum.UnitScale(unit)
	if !ok {
		f = 1
	}
	return Format(v, f)
}

func yearsString(b corpus.Budget) string {
	switch {
	case b.Period != nil:
		return fmt.Sprintf(" (%d-%d)", b.Period.From, b.Period.To)
	case b.Year != nil:
		return fmt.Sprintf(" (%d)", *b.Year)
	}
	return ""
}

func sameYears(a, b corpus.Budget) bool { return sameYearsAs(a, b.Year, b.Period) }

func sameYearsAs(a corpus.Budget, year *int, period *corpus.Period) bool {
	switch {
	case a.Period != nil && period != nil:
		return *a.Period == *period
	case a.Year != nil && year != nil:
		return *a.Year == *year
	case a.Period == nil && a.Year == nil && period == nil && year == nil:
		return true
	}
	return false
}

func hasTotalRow(t corpus.Table) bool {
	for _, r := range t.Rows {
		if r.Kind == corpus.RowTotal {
			return true
		}
	}
	return false
}

// checkRowsAgainstProse compares a stated total with the sum of a table's
// rows when the table has no total row of its own: the total column, or
// else the source columns.
func checkRowsAgainstProse(t corpus.Table, cols []Column, sc Scale, year *int, period *corpus.Period, prose []corpus.Budget) []string {
	var sum int64
	n := 0
	for _, role := range []string{RoleTotal, RoleSource} {
		for _, r := range t.Rows {
			if r.Kind != corpus.RowData || reSubRow.MatchString(strings.TrimSpace(cellText(r, 0))) {
				continue
			}
			for j, c := range cols {
				if c.Role != role || !c.Money || j >= len(r.Cells) {
					continue
				}
				if v, ok := CellVND(r.Cells[j], sc); ok {
					sum += v
					n++
				}
				if role == RoleTotal {
					break // the first total column only
				}
			}
		}
		if n > 0 {
			break
		}
	}
	if n == 0 {
		return nil
	}
	var warns []string
	for _, b := range prose {
		if b.Kind == "total" && sameYearsAs(b, year, period) && b.AmountVND != sum {
			warns = append(warns, fmt.Sprintf("budget: the stated total %s%s disagrees with the rows of %s, which sum to %s",
				fmtAmount(b.AmountVND, b.Unit), yearsString(b), tableName(t), Format(sum, sc.Factor)))
		}
	}
	return warns
}

func cellText(r corpus.Row, j int) string {
	if j < len(r.Cells) {
		return r.Cells[j].Text
	}
	return ""
}
