package budget

import (
	"fmt"
	"kehoach/internal/lazyre"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"kehoach/corpus"
	"kehoach/extract/vnnum"
)

// Column roles of an appendix table.
const (
	RoleNone    = ""
	RoleSTT     = "stt"
	RoleName    = "name"
	RoleLead    = "lead"
	RolePartner = "partners"
	RolePeriod  = "period"
	RoleYear    = "year"   // a per-year money column ("2021")
	RoleTotal   = "total"  // the row's total cost (Tổng mức đầu tư, Kinh phí, Nhu cầu kinh phí)
	RoleSource  = "source" // money from one source (Sự nghiệp, Đầu tư, Ngân sách TW, ...)
	RoleAlloc   = "alloc"  // an allocation or disbursement (Phân bổ năm 2022, Đã thực hiện)
	RoleSrcText = "source_text"
	RoleStatus  = "status"
	RoleNote    = "note"
)

// Column is what one column of a table holds.
type Column struct {
	Role   string
	Name   string // the column name as the header gives it
	Source string // RoleSource: the normalised source
	Year   int    // RoleYear, RoleAlloc: the year named
	Money  bool   // the column holds figures
}

var (
	reColSTT  = lazyre.New(`(?i)^(stt|tt|số tt|số thứ tự|s\.tt)\.?$`)
	reColYear = lazyre.New(`(?i)^(năm\s*)?((?:19|20)\d\d)$`)
	// ReColName matches the header of a task or project name column.
	ReColName    = lazyre.New(`(?i)(tên|nội dung|nhiệm vụ|dự án|hạng mục|danh mục)`)
	reColLead    = lazyre.New(`(?i)(chủ trì|đơn vị thực hiện|cơ quan thực hiện|chủ đầu tư|đơn vị triển khai)`)
	reColPartner = lazyre.New(`(?i)phối hợp`)
	reColPeriod  = lazyre.New(`(?i)(thời gian|năm thực hiện|tiến độ|thời điểm|giai đoạn thực hiện|^(năm\s+)?(bắt đầu|kết thúc|khởi công|hoàn thành)$)`)
	reColTotal1  = lazyre.New(`(?i)^(tổng|cộng)`)
	reColAlloc   = lazyre.New(`(?i)(phân bổ|bố trí|kế hoạch vốn|giải ngân|đã thực hiện|cần thực hiện|đã cấp|lũy kế)`)
	reColTotal2  = lazyre.New(`(?i)(kinh phí|tổng mức|mức đầu tư|dự toán|nhu cầu|giá trị|thành tiền|tổng số|số tiền)`)
	reColSrcText = lazyre.New(`(?i)(nguồn vốn|nguồn kinh phí|nguồn ngân sách|nguồn)`)
	reColStatus  = lazyre.New(`(?i)(hiệu quả|hiện trạng|kết quả|tình trạng|trạng thái)`)
	reColNote    = lazyre.New(`(?i)ghi chú`)
	reAnyYear    = lazyre.New(`(?:19|20)\d\d`)
)

// sources, most specific first: pattern and normalised name.
var sourceNames = []struct {
	re   *lazyre.Regexp
	name string
}{
	{lazyre.New(`(?i)sự nghiệp|chi thường xuyên|kinh phí thường xuyên`), "sự nghiệp"},
	// "đầu tư" is a verb too: a source only after vốn/nguồn/chi or alone
	{lazyre.New(`(?i)(vốn|nguồn)\s+(vốn\s+)?đầu tư công|^\s*đầu tư công\s*$`), "đầu tư công"},
	{lazyre.New(`(?i)(vốn|nguồn|chi)\s+(vốn\s+)?đầu tư|^\s*(vốn\s+)?đầu tư(\s+phát triển)?\s*(\(.*\))?\s*$`), "đầu tư"},
	{lazyre.New(`(?i)(ngân sách |nguồn )?(trung ương|tw\b)|\bnstw\b|\bns\s*tw\b|\bnstư\b`), "ngân sách trung ương"},
	{lazyre.New(`(?i)ngân sách (địa phương|tỉnh|huyện|xã)|ngân sách cấp (tỉnh|huyện|xã)|nsđp|\bns\s*đp|\bns\s*(tỉnh|huyện)`), "ngân sách địa phương"},
	{lazyre.New(`(?i)xã hội hóa|xã hội hoá`), "xã hội hóa"},
	{lazyre.New(`(?i)\bODA\b|vốn vay|tài trợ`), "ODA"},
	{lazyre.New(`(?i)(nguồn|vốn)[^,;:]*khác|^khác$`), "khác"},
}

// reLocalLevel names the level of a local budget.
var reLocalLevel = lazyre.New(`(?i)ngân sách (cấp )?(tỉnh|huyện|xã)`)

var reNotSource = lazyre.New(`(?i)(tổng mức đầu tư|mức đầu tư|chủ đầu tư|đầu tư cho|đầu tư xây dựng|đầu tư ứng dụng|đầu tư,|đầu tư nâng cấp|nhà đầu tư)`)

// SourceOf names the funding source a label speaks of ("Nguồn vốn sự
// nghiệp" -> "sự nghiệp", "Ngân sách địa phương" -> "ngân sách địa
// phương"); "" when none.
func SourceOf(label string) string {
	// "đầu tư" as a verb or in "tổng mức đầu tư" names no source
	label = reNotSource.ReplaceAllString(label, " ")
	for _, s := range sourceNames {
		if s.re.MatchString(label) {
			if s.name == "ngân sách địa phương" {
				if m := reLocalLevel.FindStringSubmatch(label); m != nil {
					return "ngân sách " + strings.ToLower(m[2])
				}
			}
			return s.name
		}
	}
	return ""
}

// Columns says what each column of t holds, from the header and the data.
func Columns(t corpus.Table) []Column {
	cols := make([]Column, len(t.Columns))
	haveName := false
	money := MoneyContext(t)
	for j, name := range t.Columns {
		leaf := name
		if k := strings.LastIndex(name, " / "); k >= 0 {
			leaf = name[k+3:]
		}
		c := Column{Name: name, Money: money && (moneyColumn(t, j) || moneyNamed(leaf) && figures(t, j) > 0)}
		switch {
		case j == 0 && reColSTT.MatchString(strings.TrimSpace(leaf)):
			c.Role = RoleSTT
		case reColYear.MatchString(strings.TrimSpace(leaf)) && c.Money:
			c.Role = RoleYear
			c.Year, _ = strconv.Atoi(reColYear.FindStringSubmatch(strings.TrimSpace(leaf))[2])
		case !haveName && !c.Money && ReColName.MatchString(leaf) && !reColLead.MatchString(leaf):
			c.Role = RoleName
			haveName = true
		case c.Money && reColTotal1.MatchString(leaf):
			c.Role = RoleTotal
		case c.Money && reColAlloc.MatchString(leaf):
			c.Role = RoleAlloc
			if y := reAnyYear.FindString(leaf); y != "" {
				c.Year, _ = strconv.Atoi(y)
			}
		case c.Money && SourceOf(leaf) != "":
			c.Role, c.Source = RoleSource, SourceOf(leaf)
		case c.Money && reColTotal2.MatchString(leaf):
			c.Role = RoleTotal
		case reColLead.MatchString(leaf):
			c.Role = RoleLead
		case reColPartner.MatchString(leaf):
			c.Role = RolePartner
		case reColPeriod.MatchString(leaf):
			c.Role = RolePeriod
		case !c.Money && reColSrcText.MatchString(leaf):
			c.Role = RoleSrcText
		case reColStatus.MatchString(leaf):
			c.Role = RoleStatus
		case reColNote.MatchString(leaf):
			c.Role = RoleNote
		}
		if c.Role == RoleNone && !c.Money && leaf != name {
			// a sub-column takes its role from its parent cell
			// ("Thời gian thực hiện / Bắt đầu", "Đơn vị / Chủ trì")
			parent := strings.TrimSpace(name[:len(name)-len(leaf)-3])
			switch {
			case reColLead.MatchString(parent):
				c.Role = RoleLead
			case reColPartner.MatchString(parent):
				c.Role = RolePartner
			case reColPeriod.MatchString(parent):
				c.Role = RolePeriod
			}
		}
		switch c.Role {
		case RoleSTT, RoleName, RoleLead, RolePartner, RolePeriod, RoleSrcText, RoleStatus, RoleNote:
			c.Money = false // an STT or a year is not an amount
		}
		cols[j] = c
	}
	if !haveName && len(cols) > 1 && cols[1].Role == RoleNone {
		cols[1].Role = RoleName
	}
	return cols
}

var (
	reMoneyWord = lazyre.New(`(?i)(kinh phí|vốn|đầu tư|sự nghiệp|ngân sách|tổng mức|dự toán|chi phí|thành tiền|số tiền|giá trị|phân bổ|đồng\b)`)
	reUnitCol   = lazyre.New(`(?i)^(đơn vị tính|đvt|đơn vị đo)$`)
)

// MoneyContext reports whether the figures of t can be money: a money
// unit line, or money words in its columns or title. A table with a
// per-row unit column ("Đơn vị tính") and no money words is a table of
// indicators.
func MoneyContext(t corpus.Table) bool {
	if f, ok := vnnum.UnitScale(t.Unit); ok && f > 0 && t.Unit != "" {
		return true
	}
	if t.Unit != "" {
		return false // "Đơn vị tính: %", "người", ...
	}
	words := false
	for _, c := range t.Columns {
		leaf := c
		if k := strings.LastIndex(c, " / "); k >= 0 {
			leaf = c[k+3:]
		}
		if reUnitCol.MatchString(strings.TrimSpace(leaf)) {
			return reMoneyWordStrict(t)
		}
		if reMoneyWord.MatchString(c) {
			words = true
		}
	}
	return words || reMoneyWord.MatchString(t.Title)
}

func reMoneyWordStrict(t corpus.Table) bool {
	for _, c := range t.Columns {
		if reMoneyWord.MatchString(c) && !reUnitCol.MatchString(strings.TrimSpace(c)) {
			return true
		}
	}
	return false
}

var reMoneyNamed = lazyre.New(`(?i)^(kinh phí|tổng kinh phí|dự kiến kinh phí|kinh phí dự kiến|tổng mức đầu tư|mức đầu tư|dự toán|số tiền|thành tiền|tổng số|tổng cộng|tổng)(\s|\(|$)`)

// moneyNamed reports a column header that names an amount of money
// ("Kinh phí", "Kinh phí (triệu đồng)", "Tổng mức đầu tư"), not a source
// of it ("Nguồn kinh phí").
func moneyNamed(leaf string) bool {
	return reMoneyNamed.MatchString(strings.TrimSpace(leaf))
}

// figures counts the data cells of column j that are figures.
func figures(t corpus.Table, j int) int {
	n := 0
	for _, r := range t.Rows {
		if r.Kind != corpus.RowData || j >= len(r.Cells) {
			continue
		}
		c := strings.TrimSpace(r.Cells[j].Text)
		if c == "" || mayBeYear(c) && reYearCell.MatchString(c) {
			continue
		}
		if _, ok := vnnum.ParseCell(c, 1); ok {
			n++
		}
	}
	return n
}

// moneyColumn reports whether most filled cells of column j are figures
// (years and periods do not count).
func moneyColumn(t corpus.Table, j int) bool {
	num, filled := 0, 0
	for _, r := range t.Rows {
		if r.Kind == corpus.RowGroup || j >= len(r.Cells) {
			continue
		}
		c := strings.TrimSpace(r.Cells[j].Text)
		if c == "" {
			continue
		}
		filled++
		if mayBeYear(c) && reYearCell.MatchString(c) {
			continue
		}
		if _, ok := vnnum.ParseCell(c, 1); ok {
			num++
		}
	}
	if filled == 0 {
		return false
	}
	return num*2 > filled
}

var reYearCell = lazyre.New(`(?i)^(năm\s*)?(19|20)\d\d(\s*[-–]\s*(19|20)\d\d)?$`)

// mayBeYear is a cheap necessary condition for reYearCell: the cell
// starts with n or N (năm) or with the 1 or 2 of a year.
func mayBeYear(s string) bool {
	return s != "" && (s[0] == '1' || s[0] == '2' || s[0] == 'n' || s[0] == 'N')
}

// Scale is how the figures of a table turn into đồng.
type Scale struct {
	Factor   int64  // multiply a cell's number by this
	Unit     string // "triệu đồng", "đồng", ...
	Inferred bool   // no unit line of its own: read from elsewhere or guessed
	Note     string // why, when inferred
}

var reUnitLine = lazyre.New(`(?i)(?:đơn\s*vị\s*tính|đvt|đơn\s*vị)\s*[:：]\s*((?:\d{1,3}(?:\.\d{3})+\s*)?(?:nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đồng|vnđ|vnd|đ))`)
var reUnitInName = lazyre.New(`(?i)\(\s*((?:\d{1,3}(?:\.\d{3})+\s*)?(?:nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đồng|vnđ|đ))\s*\)`)

// TableScale decides the unit of the figures in t. The table's own unit
// line wins; then a unit in a column name ("Kinh phí (triệu đồng)").
// Without either, the figures are read as đồng when that is plausible
// (a typical figure of at least 1.000.000 đồng); otherwise the nearest unit line
// above the table that no table claims (sample 004 prints it under the
// heading of an appendix whose table is missing) or, failing that,
// triệu đồng, and the scale is marked as inferred.
func TableScale(doc *corpus.Document, t corpus.Table) Scale {
	if f, ok := vnnum.UnitScale(t.Unit); ok && t.Unit != "" {
		return Scale{Factor: f, Unit: t.Unit}
	}
	for _, c := range t.Columns {
		if m := reUnitInName.FindStringSubmatch(c); m != nil {
			if f, ok := vnnum.UnitScale(m[1]); ok {
				return Scale{Factor: f, Unit: strings.ToLower(fold(m[1]))}
			}
		}
	}
	med := medianFigure(t)
	if med == 0 || med >= 1e6 {
		return Scale{Factor: 1, Unit: "đồng"}
	}
	// implausible as đồng: look for an orphan unit line above
	from := 0
	for _, o := range doc.Tables {
		if o.Span.End <= t.Span.Start && o.Span.End > from {
			from = o.Span.End
		}
	}
	claimed := map[int]bool{}
	for _, o := range doc.Tables {
		if o.UnitAt != nil {
			claimed[o.UnitAt.Start] = true
		}
	}
	if from <= t.Span.Start && t.Span.Start <= len(doc.Text) {
		ms := unitLines(doc.Text[from:t.Span.Start])
		for k := len(ms) - 1; k >= 0; k-- {
			m := ms[k]
			if claimed[from+m[0]] {
				continue
			}
			u := strings.ToLower(fold(doc.Text[from+m[2] : from+m[3]]))
			if f, ok := vnnum.UnitScale(u); ok && f > 1 {
				return Scale{Factor: f, Unit: u, Inferred: true,
					Note: fmt.Sprintf("the unit line %q at byte %d, above the table's heading", fold(doc.Text[from+m[0]:from+m[1]]), from+m[0])}
			}
		}
	}
	return Scale{Factor: 1e6, Unit: "triệu đồng", Inferred: true, Note: "no unit line; triệu đồng assumed"}
}

// unitLines finds the unit lines of s (offsets into s). The pattern runs
// only around the words that start one ("vị", "ĐVT"), which are rare.
func unitLines(s string) [][]int {
	var anchors []int
	for _, a := range []string{"vị", "VỊ", "Vị", "ĐVT", "đvt", "Đvt"} {
		for i := 0; ; {
			k := strings.Index(s[i:], a)
			if k < 0 {
				break
			}
			anchors = append(anchors, i+k)
			i += k + len(a)
		}
	}
	sort.Ints(anchors)
	var out [][]int
	last := 0
	for _, at := range anchors {
		if at < last {
			continue
		}
		w0 := at - 16
		if w0 < last {
			w0 = last
		}
		for w0 > 0 && !utf8.RuneStart(s[w0]) {
			w0++
		}
		w1 := at + 64
		if w1 > len(s) {
			w1 = len(s)
		}
		for w1 < len(s) && !utf8.RuneStart(s[w1]) {
			w1++
		}
		if m := reUnitLine.FindStringSubmatchIndex(s[w0:w1]); m != nil {
			for j := range m {
				if m[j] >= 0 {
					m[j] += w0
				}
			}
			out = append(out, m)
			last = m[1]
		}
	}
	return out
}

// medianFigure is the median of the non-zero figures in the money
// columns of t's data rows, as written (before any unit).
func medianFigure(t corpus.Table) float64 {
	var vs []float64
	for j := range t.Columns {
		if !moneyColumn(t, j) {
			continue
		}
		for _, r := range t.Rows {
			if r.Kind != corpus.RowData || j >= len(r.Cells) {
				continue
			}
			if v, ok := vnnum.ParseNumber(strings.ReplaceAll(r.Cells[j].Text, " ", "")); ok && v > 0 {
				vs = append(vs, v)
			}
		}
	}
	if len(vs) == 0 {
		return 0
	}
	sort.Float64s(vs)
	return vs[len(vs)/2]
}

// CellVND reads a figure cell of a table in đồng.
func CellVND(c corpus.Cell, s Scale) (int64, bool) {
	return vnnum.ParseCell(c.Text, s.Factor)
}

func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

// TitlePeriod reads the years a table title names: "GIAI ĐOẠN 2016 -
// 2020" gives a period, "NĂM 2022" a year.
func TitlePeriod(title string) (year *int, period *corpus.Period) {
	if m := rePeriod.FindStringSubmatch(title); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if a <= b && b-a <= 20 {
			return nil, &corpus.Period{From: a, To: b}
		}
	}
	if m := reYearOf.FindStringSubmatch(title); m != nil {
		y, _ := strconv.Atoi(m[1])
		return &y, nil
	}
	return nil, nil
}

var (
	rePeriod = lazyre.New(`((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)`)
	reYearOf = lazyre.New(`(?i)năm\s+((?:19|20)\d\d)`)
)
