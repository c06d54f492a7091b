// Package budget extracts budget records from a document: the amounts the
// plan states in its prose (totals, and their split by funding source,
// also in footnotes), the total rows of its appendix tables, and budget
// rules stated as shares ("tối thiểu 10% tổng kinh phí ... an toàn thông
// tin"). Every amount is an integer count of đồng after its unit (the
// words after the figure, or the table's unit line). Where items and a
// stated total both exist it checks that they add up, and says so in
// x.Warnings when they do not; it never changes a figure.
//
// Kinds follow the genre: a statement of the overall amount spent or
// allocated on the plan's field in a year or period ("Tổng kinh phí ...
// năm 2021 là ...", "Kinh phí năm 2022 đã bố trí ... cho ứng dụng CNTT",
// "Kinh phí bảo đảm an toàn thông tin mạng năm 2022 là ...") is a total;
// a split by funding source is a source; one task's or project's cost is
// an item. Money that is an outcome rather than spending (doanh thu,
// tiết kiệm chi phí, giá trị giao dịch, xử phạt, nộp ngân sách) and the
// figure of a unit statement ("Đơn vị tính: 1.000 đồng") are not budgets.
//
// See extract/doc.go for the extractor contract.
package budget

import (
	"fmt"
	"kehoach/internal/lazyre"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"kehoach/corpus"
	"kehoach/extract/vnnum"
)

// Extract adds the document's budget records, budget rules and
// consistency warnings to x.
func Extract(doc *corpus.Document, x *corpus.Extraction) {
	prose := proseBudgets(doc, x)
	facts := newTableFacts(doc)
	tables, tws := tableBudgets(doc, x, facts)
	x.Budgets = append(x.Budgets, prose...)
	x.Budgets = append(x.Budgets, tables...)
	x.Rules = append(x.Rules, Rules(doc.Text)...)
	x.Warnings = append(x.Warnings, tws...)
	x.Warnings = append(x.Warnings, check(doc, prose, facts)...)
}

// tableFacts keeps Columns and TableScale of each of doc's tables for
// one Extract: tableBudgets and check both read them.
type tableFacts struct {
	doc    *corpus.Document
	cols   [][]Column
	scales []Scale
	done   []uint8 // bit 1: cols set, bit 2: scales set
}

func newTableFacts(doc *corpus.Document) *tableFacts {
	n := len(doc.Tables)
	return &tableFacts{doc: doc, cols: make([][]Column, n), scales: make([]Scale, n), done: make([]uint8, n)}
}

// columns is Columns(doc.Tables[i]).
func (f *tableFacts) columns(i int) []Column {
	if f.done[i]&1 == 0 {
		f.cols[i] = Columns(f.doc.Tables[i])
		f.done[i] |= 1
	}
	return f.cols[i]
}

// scale is TableScale(doc, doc.Tables[i]).
func (f *tableFacts) scale(i int) Scale {
	if f.done[i]&2 == 0 {
		f.scales[i] = TableScale(f.doc, f.doc.Tables[i])
		f.done[i] |= 2
	}
	return f.scales[i]
}

var (
	reTotalLabel = lazyre.New(`(?i)(tổng kinh phí|tổng vốn|tổng mức|tổng nhu cầu|tổng cộng|tổng số|tổng chi|tổng ngân sách|^tổng\b|kinh phí thực hiện|kinh phí triển khai|dự kiến kinh phí|nhu cầu kinh phí)`)
	reSubRow     = lazyre.New(`^(\d{1,2}(\.\d{1,2})+\.?|[a-zđ][.)]?|[-+*•])$`)
	reItemLabel  = lazyre.New(`(?i)(dự án|nhiệm vụ|hạng mục|gói thầu|đề án)`)
	// a label naming all the tasks, not one: plural, a whole plan or
	// programme, or the task noun with only years after it
	// ("nhiệm vụ năm 2021"; "nhiệm vụ số hóa năm 2021" is one task)
	reAggregate   = lazyre.New(`(?i)(kế hoạch|các (dự án|nhiệm vụ|đề án)|chương trình|(dự án|nhiệm vụ|hạng mục|đề án)\s+(trong\s+)?(năm|giai đoạn)\s+(19|20)\d\d|toàn tỉnh|của tỉnh|ứng dụng cntt|ứng dụng công nghệ thông tin)`)
	reAppendixNo  = lazyre.New(`^([0-9]{1,2}|[IVXL]{1,5}|[A-Z])[.:]?$`)
	reSourceAfter = lazyre.New(`(?i)^\s*(?:\(|,)?\s*(?:từ|thuộc|bằng)\s+((?:nguồn\s+)?(?:vốn\s+)?(?:ngân sách[^,.;()]*|sự nghiệp|đầu tư[^,.;()]*|xã hội hóa|xã hội hoá|ODA|vốn vay[^,.;()]*))`)
	reYearsOnly   = lazyre.New(`(?i)^(năm|giai đoạn|kế hoạch năm)\s+(19|20)\d\d(\s*[-–]\s*(19|20)\d\d)?$`)
)

// proseBudgets reads the amounts written with a currency word outside
// the tables.
func proseBudgets(doc *corpus.Document, x *corpus.Extraction) []corpus.Budget {
	var out []corpus.Budget
	var lastTotal *corpus.Budget
	prevEnd := 0
	for _, a := range proseAmounts(doc.Text) {
		if inTable(doc, a.Start) || reUnitStatement.MatchString(doc.Text[max(0, a.QStart-40):a.QStart]) {
			continue // "Đơn vị tính: 1.000 đồng" states a unit, not an amount
		}
		label := labelBefore(doc.Text, a.QStart, prevEnd)
		if !currencyUnit(a.Unit) && !reMoneyLabel.MatchString(label) {
			prevEnd = a.End
			continue // "50 tỷ" without đồng is money only where the text speaks of money
		}
		prevEnd = a.End
		if reOutcome.MatchString(label) && !reSpendWord.MatchString(label) {
			continue // revenue, savings, fines, a transaction value: money the plan does not spend
		}
		if strings.HasPrefix(doc.Text[a.End:], "/") {
			continue // a rate ("2 triệu đồng/người/tháng"), not an amount
		}
		b := corpus.Budget{
			AmountVND: a.VND,
			Label:     shorten(label),
			Span:      corpus.Span{Start: a.QStart, End: a.End},
			Qualifier: a.Qualifier,
			Unit:      a.Unit,
		}
		b.Quote = doc.Text[b.Span.Start:b.Span.End]
		src := SourceOf(label)
		switch {
		case reItemLabel.MatchString(label) && !reAggregate.MatchString(label):
			// "Tổng mức đầu tư dự án Trung tâm dữ liệu": one project's cost
			b.Kind = "item"
			if src != "" {
				b.Source = src
			}
		case reTotalLabel.MatchString(label), reYearsOnly.MatchString(label):
			// "Năm 2022: 50 tỷ đồng" splits a total by year
			b.Kind = "total"
		case src != "":
			b.Kind, b.Source = "source", src
		case spentOverall(label, clauseAfter(doc.Text, a.End)):
			// "Kinh phí năm 2022 đã bố trí 31 tỷ đồng cho ứng dụng CNTT":
			// the whole year's spending on the plan's field, as a review
			// section states it
			b.Kind = "total"
		default:
			b.Kind = "item"
		}
		if b.Source == "" {
			// "50 tỷ đồng từ nguồn ngân sách tỉnh": the source after the amount
			if m := reSourceAfter.FindStringSubmatch(doc.Text[a.End:min(len(doc.Text), a.End+120)]); m != nil {
				b.Source = SourceOf(m[1])
			}
		}
		b.Year, b.Period = yearsOf(label)
		if b.Year == nil && b.Period == nil && b.Kind == "total" && !reTotalLabel.MatchString(label) {
			// "đã bố trí 31 tỷ đồng cho ứng dụng CNTT năm 2022"
			b.Year, b.Period = yearsOf(clauseAfter(doc.Text, a.End))
		}
		if b.Year == nil && b.Period == nil {
			// a split inherits the years of the total it splits
			if b.Kind == "source" && lastTotal != nil {
				b.Year, b.Period = lastTotal.Year, lastTotal.Period
			} else if p := x.Document.Period; p != nil {
				if p.From == p.To {
					y := p.From
					b.Year = &y
				} else {
					pp := *p
					b.Period = &pp
				}
			}
		}
		out = append(out, b)
		if b.Kind == "total" {
			lastTotal = &out[len(out)-1]
		}
	}
	loneBareTotal(out)
	return out
}

var reBareLabel = lazyre.New(`(?i)^(kinh phí|nguồn kinh phí)(\s+(dự kiến|dự toán|cần thiết))?$`)

// loneBareTotal makes the one amount labelled only "Kinh phí (dự kiến)"
// a total when the text states no other total: a short plan's "Kinh phí
// dự kiến: 500 triệu đồng". Several such amounts are the costs of the
// tasks they follow ("... Kinh phí: 450.000.000 đồng.") and stay items.
func loneBareTotal(bs []corpus.Budget) {
	bare := -1
	for i, b := range bs {
		switch {
		case b.Kind == "total":
			return
		case b.Kind == "item" && reBareLabel.MatchString(b.Label):
			if bare >= 0 {
				return
			}
			bare = i
		}
	}
	if bare >= 0 {
		bs[bare].Kind = "total"
	}
}

var (
	reSpent = lazyre.New(`(?i)(đã\s+(được\s+)?(bố trí|phân bổ|cấp|chi|giải ngân|sử dụng|đầu tư)|được\s+(bố trí|phân bổ|cấp)|dành cho|bố trí cho|chi cho)`)
	// the plan's field as a whole, right after "cho" ("cho công tác bảo
	// đảm an toàn thông tin", "cho ứng dụng CNTT và chuyển đổi số"), not
	// one system or task of it ("cho hệ thống một cửa điện tử")
	reOverallPurpose = lazyre.New(`(?i)\bcho\s+((công tác|lĩnh vực|hoạt động|việc|các nhiệm vụ|các dự án|các nhiệm vụ, dự án|các dự án, nhiệm vụ)\s+)?((bảo đảm|đảm bảo|phát triển|triển khai|thực hiện|đẩy mạnh)\s+)?(ứng dụng\s+(cntt|công nghệ thông tin)|chuyển đổi số|chính quyền (điện tử|số)|chính phủ (điện tử|số)|an toàn,? an ninh mạng|an toàn thông tin|an ninh mạng|cntt\b|công nghệ thông tin)`)
)

// reFieldBudget is a label that is the money noun and the plan's field,
// and only a year or period after it: "Kinh phí bảo đảm an toàn thông tin
// mạng năm 2022", "Chi cho ứng dụng CNTT giai đoạn 2016-2020".
var reFieldBudget = lazyre.New(`(?i)^(tổng\s+)?(kinh phí|chi|ngân sách|vốn)\s+((dành\s+)?cho\s+)?((công tác|lĩnh vực|hoạt động)\s+)?((bảo đảm|đảm bảo|phát triển|triển khai|thực hiện|đẩy mạnh)\s+)?(ứng dụng\s+(cntt|công nghệ thông tin)|chuyển đổi số|chính quyền (điện tử|số)|chính phủ (điện tử|số)|an toàn,? an ninh mạng|an toàn thông tin( mạng)?|an ninh mạng|cntt|công nghệ thông tin)(\s+(của tỉnh|toàn tỉnh|của thành phố|và chuyển đổi số|và an toàn thông tin( mạng)?))?\s+(trong\s+)?(năm|giai đoạn)\s+(19|20)\d\d(\s*[-–]\s*(19|20)\d\d)?$`)

// spentOverall reports a statement of what was spent or allocated on the
// plan's field as a whole in a year or period ("Kinh phí đã bố trí cho
// công tác bảo đảm an toàn thông tin năm 2021 là ...", "Năm 2022 đã bố
// trí ... cho ứng dụng công nghệ thông tin"): a total, not an item. label
// is the clause before the amount, after the rest of its sentence.
func spentOverall(label, after string) bool {
	switch {
	case reFieldBudget.MatchString(label):
		// "Kinh phí bảo đảm an toàn thông tin mạng năm 2022 là ..."
	case !reSpent.MatchString(label):
		return false
	case !reOverallPurpose.MatchString(label) && !reOverallPurpose.MatchString(strings.TrimSpace(after)):
		return false
	}
	y, p := yearsOf(label)
	if y == nil && p == nil {
		y, p = yearsOf(after)
	}
	return y != nil || p != nil
}

// clauseAfter is the rest of the sentence after an amount (to ".", ";"
// or the line end), at most 200 bytes.
func clauseAfter(text string, end int) string {
	rest := text[end:min(len(text), end+200)]
	if k := strings.IndexAny(rest, ".;\n"); k >= 0 {
		rest = rest[:k]
	}
	return strings.ToValidUTF8(rest, "")
}

var (
	// money that is an outcome or a fact, not what the plan spends:
	// "doanh thu ... đạt 3.500 tỷ đồng", "tiết kiệm chi phí 15 tỷ đồng",
	// "nộp ngân sách 450 tỷ đồng", "xử phạt ... 120 triệu đồng"
	reOutcome = lazyre.New(`(?i)(doanh thu|giá trị giao dịch|giao dịch|thanh toán không dùng tiền mặt|tiết kiệm|thu nhập|xử phạt|phạt tiền|nộp ngân sách|nộp thuế|thu ngân sách|lợi nhuận|grdp|kim ngạch|giá trị sản xuất|giá trị gia tăng|vốn điều lệ|thiệt hại|chiếm đoạt|lừa đảo)`)
	// words that make it spending after all ("kinh phí xây dựng hệ thống thu thuế")
	reSpendWord = lazyre.New(`(?i)(kinh phí|vốn đầu tư|dự toán|tổng mức đầu tư|bố trí|phân bổ|giải ngân)`)
)

var reUnitStatement = lazyre.New(`(?i)(đơn\s*vị\s*tính|đvt|đơn\s*vị)\s*[:：]?\s*$`)

var reMoneyLabel = lazyre.New(`(?i)(kinh phí|vốn|ngân sách|đầu tư|chi phí|tổng mức|dự toán|đã cấp|bố trí|phân bổ|giải ngân)`)

// currencyUnit reports whether a unit as written ends with a currency
// word (FindAmounts) rather than a bare scale word (FindScaled).
func currencyUnit(u string) bool {
	for _, c := range []string{"đồng", "đ", "vnđ", "vnd", "₫"} {
		if strings.HasSuffix(u, c) {
			return true
		}
	}
	return false
}

// proseAmounts merges the amounts with a currency word and the scaled
// figures without one, in text order.
func proseAmounts(text string) []vnnum.Amount {
	strict := vnnum.FindAmounts(text)
	loose := vnnum.FindScaled(text)
	out := make([]vnnum.Amount, 0, len(strict)+len(loose))
	i, j := 0, 0
	for i < len(strict) || j < len(loose) {
		switch {
		case j >= len(loose) || (i < len(strict) && strict[i].Start <= loose[j].Start):
			out = append(out, strict[i])
			i++
		default:
			a := loose[j]
			j++
			overlaps := false
			for _, s := range strict {
				if a.Start < s.End && s.Start < a.End {
					overlaps = true
					break
				}
			}
			if !overlaps {
				out = append(out, a)
			}
		}
	}
	return out
}

func inTable(doc *corpus.Document, off int) bool {
	for _, t := range doc.Tables {
		if t.Span.Contains(off) {
			return true
		}
	}
	return false
}

// labelBefore is the clause that names an amount: the text before it back
// to the start of its sentence, list item or the previous amount
// (";", ".", a line that ends a sentence, "Trong đó:").
func labelBefore(text string, off, min int) string {
	start := off - 400
	if start < min {
		start = min
	}
	for start > 0 && start < len(text) && text[start]&0xC0 == 0x80 {
		start++
	}
	seg := text[start:off]
	cut := 0
	for i := len(seg) - 1; i >= 0; i-- {
		c := seg[i]
		if c == ';' || c == '!' || c == '?' {
			cut = i + 1
			break
		}
		if c == '.' && (i+1 >= len(seg) || seg[i+1] == ' ' || seg[i+1] == '\n') && !(i > 0 && isDigit(seg[i-1]) && i+1 < len(seg) && isDigit(seg[i+1])) {
			cut = i + 1
			break
		}
		if c == '\n' && i > 0 && seg[i-1] == '\n' {
			// a paragraph break ends the clause unless the next paragraph
			// goes on in lower case (a hard wrap mid-sentence)
			next := strings.TrimLeft(seg[i+1:], " ")
			r, _ := utf8.DecodeRuneInString(next)
			if next == "" || !unicode.IsLower(r) {
				cut = i + 1
				break
			}
		}
	}
	label := seg[cut:]
	// "Trong đó: Ngân sách ...": keep what follows the last colon that
	// is not the one right before the amount
	l := strings.TrimRight(label, " :")
	if k := strings.LastIndex(l, ":"); k >= 0 {
		label = l[k+1:]
		cut += k + 1
	}
	if k := strings.LastIndex(strings.ToLower(label), "trong đó"); k >= 0 {
		label = label[k+len("trong đó"):]
		cut += k + len("trong đó")
	}
	label = strings.TrimLeft(label, " ,-–•+*\n⁽⁾()0123456789¹²³⁴⁵⁶⁷⁸⁹⁰")
	label = strings.TrimRight(strings.TrimSpace(label), " :")
	label = strings.TrimSuffix(strings.TrimSpace(label), " là")
	return fold(label)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// shorten keeps a label readable: long clauses keep their first and
// last words around "...".
func shorten(s string) string {
	w := strings.Fields(s)
	if len(w) <= 12 {
		return s
	}
	return strings.Join(w[:4], " ") + " ... " + strings.Join(w[len(w)-4:], " ")
}

var (
	reLabelPeriod = lazyre.New(`((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)`)
	reLabelYear   = lazyre.New(`(?i)năm\s+((?:19|20)\d\d)`)
)

func yearsOf(label string) (*int, *corpus.Period) {
	if m := reLabelPeriod.FindStringSubmatch(label); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if a <= b {
			return nil, &corpus.Period{From: a, To: b}
		}
	}
	if m := reLabelYear.FindAllStringSubmatch(label, -1); m != nil {
		y, _ := strconv.Atoi(m[len(m)-1][1])
		return &y, nil
	}
	return nil, nil
}

// tableBudgets records the total rows of the appendix tables: a total
// column as kind total, a source column as kind source, an allocation
// column ("Phân bổ năm 2022") as kind total for its year. It checks each
// money column of a total row against the sum of the data rows above or
// below it, and says when a table's unit was inferred.
func tableBudgets(doc *corpus.Document, x *corpus.Extraction, facts *tableFacts) ([]corpus.Budget, []string) {
	var out []corpus.Budget
	var warns []string
	for ti, t := range doc.Tables {
		cols := facts.columns(ti)
		hasMoney := false
		for _, c := range cols {
			if c.Money && (c.Role == RoleTotal || c.Role == RoleSource || c.Role == RoleAlloc || c.Role == RoleYear) {
				hasMoney = true
			}
		}
		if !hasMoney {
			continue
		}
		sc := facts.scale(ti)
		name := tableName(t)
		if sc.Inferred {
			warns = append(warns, fmt.Sprintf("budget: %s has no unit line of its own; its figures read as %s from %s (as đồng they would be implausibly small)", name, sc.Unit, sc.Note))
		}
		year, period := TitlePeriod(t.Title)
		for _, r := range t.Rows {
			if r.Kind != corpus.RowTotal {
				continue
			}
			label := rowLabel(r)
			for j, c := range cols {
				if j >= len(r.Cells) || !c.Money {
					continue
				}
				v, ok := CellVND(r.Cells[j], sc)
				if !ok {
					continue
				}
				b := corpus.Budget{AmountVND: v, Year: year, Period: period, Label: label + " - " + c.Name, Span: r.Cells[j].Span, Quote: doc.Text[r.Cells[j].Span.Start:r.Cells[j].Span.End], Unit: sc.Unit}
				if sc.Inferred {
					b.Note = "unit inferred: " + sc.Note
				}
				switch c.Role {
				case RoleTotal:
					b.Kind = "total"
				case RoleSource:
					b.Kind, b.Source = "source", c.Source
				case RoleAlloc:
					b.Kind = "total"
					if c.Year != 0 {
						y := c.Year
						b.Year, b.Period = &y, nil
					}
				default:
					continue // per-year splits of the total are not recorded
				}
				out = append(out, b)
			}
			warns = append(warns, checkTotalRow(t, r, cols, sc, name)...)
		}
	}
	return out, warns
}

func tableName(t corpus.Table) string {
	w := strings.Fields(t.Title)
	if len(w) == 0 {
		return fmt.Sprintf("the table at byte %d", t.Span.Start)
	}
	if len(w) >= 2 && strings.EqualFold(w[0], "phụ") {
		if len(w) >= 3 && reAppendixNo.MatchString(w[2]) {
			return strings.TrimRight(strings.Join(w[:3], " "), ".:")
		}
		return strings.Join(w[:2], " ")
	}
	if len(w) > 8 {
		return "table \"" + strings.Join(w[:8], " ") + " ...\""
	}
	return "table \"" + strings.Join(w, " ") + "\""
}

func rowLabel(r corpus.Row) string {
	for _, c := range r.Cells {
		if t := strings.TrimSpace(c.Text); t != "" {
			if _, ok := vnnum.ParseNumber(t); !ok {
				return t
			}
		}
	}
	return "Tổng"
}

// checkTotalRow compares each money cell of a total row with the sum of
// the data rows.
func checkTotalRow(t corpus.Table, total corpus.Row, cols []Column, sc Scale, name string) []string {
	var warns []string
	for j, c := range cols {
		if !c.Money || j >= len(total.Cells) {
			continue
		}
		want, ok := CellVND(total.Cells[j], sc)
		if !ok {
			continue
		}
		// rows numbered 1.1 or a) detail the row above them: the total
		// may count either the detail rows or the rows they detail
		var sum, top int64
		n := 0
		for _, r := range t.Rows {
			if r.Kind != corpus.RowData || j >= len(r.Cells) {
				continue
			}
			if v, ok := CellVND(r.Cells[j], sc); ok {
				sum += v
				n++
				if !reSubRow.MatchString(strings.TrimSpace(r.Cells[0].Text)) {
					top += v
				}
			}
		}
		if n > 0 && sum != want && top != want {
			warns = append(warns, fmt.Sprintf("budget: %s, column %q: the rows sum to %s but the total row states %s", name, c.Name, Format(sum, sc.Factor), Format(want, sc.Factor)))
		}
	}
	return warns
}

// Format writes an amount of đồng in a unit the way Vietnamese text does:
// Format(21243000000, 1e6) is "21.243 triệu đồng".
func Format(vnd int64, factor int64) string {
	unit := map[int64]string{1: "đồng", 1e3: "nghìn đồng", 1e6: "triệu đồng", 1e9: "tỷ đồng", 1e12: "nghìn tỷ đồng"}[factor]
	if unit == "" {
		factor, unit = 1, "đồng"
	}
	neg := vnd < 0
	if neg {
		vnd = -vnd
	}
	ip, fp := vnd/factor, vnd%factor
	s := group(ip)
	if fp != 0 {
		f := strconv.FormatInt(fp+factor, 10)[1:]
		s += "," + strings.TrimRight(f, "0")
	}
	if neg {
		s = "-" + s
	}
	return s + " " + unit
}

func group(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}
