package target

import (
	"strings"

	"kehoach/corpus"
	"kehoach/extract/indicator"
	"kehoach/extract/vnnum"
)

// tableTargets reads indicator tables: a row per indicator ("Tỷ lệ dịch
// vụ công trực tuyến mức độ 4"), an optional unit column, and value
// columns per year ("Năm 2023", "Chỉ tiêu 2025") or for the plan
// ("Chỉ tiêu", "Mục tiêu"; "Thực hiện 2020", "Hiện trạng" hold achieved
// figures). Money tables (budgets, project lists) are left to the budget
// and project extractors. A row becomes a figure only when it names an
// indicator of the taxonomy or is a share ("Tỷ lệ ...") given in %.
func tableTargets(doc *corpus.Document, reg *regions, period *corpus.Period, statusYear int) []corpus.Target {
	var out []corpus.Target
	for _, tb := range doc.Tables {
		if moneyTable(tb) || len(tb.Columns) < 2 {
			continue
		}
		nameCol, unitCol := -1, -1
		for c, h := range tb.Columns {
			f := " " + indicator.Fold(h) + " "
			switch {
			case unitCol < 0 && (strings.Contains(f, " don vi tinh ") || strings.Contains(f, " dvt ") || strings.TrimSpace(f) == "don vi"):
				unitCol = c
			case nameCol < 0 && containsAny(f, " chi tieu ", " noi dung ", " tieu chi ", " ten ", " muc tieu ") && maxYear(h) == 0:
				nameCol = c
			}
		}
		if nameCol < 0 {
			nameCol = 0
			if f := indicator.Fold(tb.Columns[0]); f == "stt" || f == "tt" {
				nameCol = 1
			}
		}
		regionAchieved := false
		if s := reg.at(tb.Span.Start); s != nil && (s.kind == kindAchieved || classify(s.head) == kindAchieved) {
			regionAchieved = true
		}
		if classify(tb.Title) == kindAchieved {
			regionAchieved = true // "Kết quả thực hiện các chỉ tiêu năm 2022"
		}
		type valCol struct {
			c        int
			year     int
			achieved bool
		}
		var cols []valCol
		for c, h := range tb.Columns {
			if c == nameCol || c == unitCol {
				continue
			}
			f := " " + indicator.Fold(h) + " "
			if containsAny(f, " so sanh ", " hoan thanh ", " ghi chu ", " tang giam ", " don vi ") || strings.HasPrefix(f, " ty le ") {
				continue // comparisons, completion ratios, remarks, units
			}
			y := maxYear(h)
			ach := regionAchieved || containsAny(f, " thuc hien ", " hien trang ", " ket qua ", " dat duoc ", " uoc ", " thuc te ") ||
				(y != 0 && period != nil && y < period.From)
			if containsAny(f, " ke hoach ", " chi tieu ", " muc tieu ") {
				ach = false // the plan's figure, even when a review restates it
			}
			if y == 0 && !containsAny(f, " chi tieu ", " muc tieu ", " gia tri ", " ke hoach ", " thuc hien ", " hien trang ", " dat duoc ", " uoc ") {
				continue
			}
			cols = append(cols, valCol{c, y, ach})
		}
		for _, row := range tb.Rows {
			if row.Kind != corpus.RowData || nameCol >= len(row.Cells) {
				continue
			}
			name := strings.TrimSpace(row.Cells[nameCol].Text)
			if name == "" {
				continue
			}
			unitText := ""
			if unitCol >= 0 && unitCol < len(row.Cells) {
				unitText = foldSpace(row.Cells[unitCol].Text)
			}
			id, conf := indicator.Match(name)
			share := strings.HasPrefix(indicator.Fold(name), "ty le")
			for _, vc := range cols {
				if vc.c >= len(row.Cells) {
					continue
				}
				cell := row.Cells[vc.c]
				if !cell.Span.Valid(doc.Text) || cell.Span.Len() == 0 {
					continue
				}
				t, ok := parseCell(cell.Text)
				if !ok {
					continue
				}
				switch {
				case t.Unit == "%":
				case unitText == "%" || (unitText == "" && share):
					t.Unit = "%"
				case unitText != "":
					t.Unit = unitText
				default:
					continue
				}
				in, known := indicator.Get(id)
				if !(known && in.UnitFits(t.Unit, false)) && !(share && t.Unit == "%") {
					continue
				}
				if known && in.UnitFits(t.Unit, false) {
					t.Indicator, t.Confidence = id, round2(conf)
				}
				t.Kind = kindTarget
				y := vc.year
				if vc.achieved {
					t.Kind = kindAchieved
					if y == 0 {
						y = statusYear
					}
				} else if y == 0 && period != nil {
					y = period.To
				}
				if y != 0 {
					t.Year = &y
				}
				t.Subject = foldSpace(name)
				t.Scope = scope(name)
				t.Span = cell.Span
				t.Quote = cell.Span.In(doc.Text)
				t.Note = "table: " + foldSpace(tb.Columns[vc.c])
				out = append(out, t)
			}
		}
	}
	return out
}

func containsAny(s string, ws ...string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// moneyTable reports a budget or project table.
func moneyTable(tb corpus.Table) bool {
	if _, ok := vnnum.UnitScale(tb.Unit); ok && tb.Unit != "" {
		return true
	}
	for _, h := range tb.Columns {
		f := " " + indicator.Fold(h) + " "
		if containsAny(f, " kinh phi ", " von ", " dong ", " chi phi ", " dau tu ", " ngan sach ", " du toan ", " tong muc ") {
			return true
		}
	}
	return false
}

// parseCell reads a table cell holding one figure: "30", "≥ 30%",
// "tối thiểu 30%", "> 80", "30 - 50%", "100%". Cells with anything else
// (periods "2021-2025", dates, text) are not figures.
func parseCell(s string) (corpus.Target, bool) {
	s = strings.TrimSpace(s)
	op := "="
	for _, p := range []struct{ sym, op string }{{"≥", ">="}, {">=", ">="}, {"≤", "<="}, {"<=", "<="}, {">", ">"}, {"<", "<"}} {
		if strings.HasPrefix(s, p.sym) {
			op, s = p.op, strings.TrimSpace(s[len(p.sym):])
			break
		}
	}
	if op == "=" && len(s) > 0 && !isDigit(s[0]) {
		i := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
		if i <= 0 {
			return corpus.Target{}, false
		}
		words := indicator.Fold(s[:i])
		found := false
		for _, c := range comparators {
			if words == c.words {
				op, found = c.op, true
				break
			}
		}
		if words == "dat" || words == "dat tu" {
			found = true
		}
		if !found {
			return corpus.Target{}, false
		}
		s = s[i:]
	}
	e, v, ok := numAt(s, 0)
	if !ok {
		return corpus.Target{}, false
	}
	t := corpus.Target{Value: v, Comparator: op}
	rest := strings.TrimSpace(s[e:])
	if strings.HasPrefix(rest, "%") {
		t.Unit = "%"
		rest = strings.TrimSpace(rest[1:])
	}
	if rest != "" {
		if _, hi, end, ok := rangeAfter(rest, 0, t.Unit == "%"); ok {
			t.ValueMax, t.Comparator = &hi, "range"
			if strings.HasSuffix(strings.TrimSpace(rest[:end]), "%") {
				t.Unit = "%"
			}
			rest = strings.TrimSpace(rest[end:])
		}
	}
	if strings.EqualFold(indicator.Fold(rest), "tro len") {
		t.Comparator, rest = ">=", ""
	}
	if rest != "" || (t.Unit == "" && isYear(v, s[:e])) {
		return corpus.Target{}, false
	}
	return t, true
}
