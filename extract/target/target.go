// Package target extracts quantified commitments (kind "target") and
// reported status or result figures (kind "achieved") from a plan, and
// puts each on the shared indicator scale of package indicator.
//
// A figure is a percentage ("30%", "từ 30% - 50%"), a count ("01 bộ dữ
// liệu", "từ 4 đến 6 dịch vụ", "20/32 hệ thống thông tin", "hơn 2.300
// cảnh báo"), a time limit ("tối đa 24 giờ", "không quá 07 ngày làm
// việc"), a rank ("nhóm 15 tỉnh đứng đầu", "xếp thứ 12/63") or a number
// word quantifying a unit ("lựa chọn một xã/phường", "xây dựng hai cơ sở
// dữ liệu"). A count's unit is the head noun of the counted phrase: a
// listed noun (joined lists such as "xã, phường, thị trấn" kept whole),
// else the one- or two-syllable word after the number; a classifier
// (lượt, đợt, cuộc, buổi, lần, lớp, bộ, khóa) keeps the noun it counts
// ("lượt cảnh báo", "cuộc diễn tập", "lớp tập huấn") and stands alone
// only before "/năm". Levels, versions, phases, article numbers, dates,
// years, ages, durations that only qualify another figure, the plan's own
// composition ("3 trụ cột", "7 giải pháp"), document symbols (and
// anything inside a citation or a mention's issuer and subject), money,
// list and heading numbers and figures inside the titles of cited
// documents are not figures. Indicator tables (a row per indicator, columns per
// year) are read cell by cell; money tables are left to budget/project.
//
// Kind comes from the section the figure sits in (doc.Sections, or a scan
// of heading lines when ingest built none): review parts (Hiện trạng,
// Đánh giá kết quả, Kết quả thực hiện, Khó khăn) hold achieved figures,
// for the last year the review covers; grounds and context (Căn cứ, Sự
// cần thiết) hold none of the plan's; everything else holds targets,
// except baselines quoted among them ("hiện nay đạt 45%"). Tabular
// appendices are skipped as prose. The comparator comes from the words
// of the figure's own item in a list (tối thiểu, ít nhất, không dưới,
// ... trở lên: >=; trên, hơn: >; tối đa, không quá: <=; dưới: <; ranges:
// range; else =). A target's year is the year its sentence states, else
// the year of the lead-in line or heading over its list ("Đến năm 2030:",
// "III. MỤC TIÊU ĐẾN NĂM 2025"; a sibling item's own years never), else
// the end of the plan period; commitments made every year ("hàng năm",
// "/năm") have none. An achieved figure's year is its review's, unless
// its sentence states an earlier one ("DTI năm 2021 xếp thứ 31/63").
//
// The indicator comes from the figure's item, else from the words its
// list shares: the lead before the list's first figure (up to ":") and
// the predicate after its last figure, within one ";" clause.
//
// Every record's Span covers the item it was read from and Quote is the
// text under it. A figure restated later (same kind, value, unit,
// comparator, year and scope, and the same indicator or nearly the same
// words) is recorded once.
package target

import (
	"kehoach/internal/lazyre"
	"strconv"
	"strings"

	"kehoach/corpus"
	"kehoach/extract/indicator"
)

// Extract adds the document's target and achieved records to x.
func Extract(doc *corpus.Document, x *corpus.Extraction) {
	text := doc.Text
	if text == "" {
		return
	}
	period := planPeriod(doc, x)
	report := strings.EqualFold(x.Document.Type, "Báo cáo")
	statusYear := 0 // the year a review's figures are for, unless its heading says
	switch {
	case period != nil && report:
		statusYear = period.To // a report on the year(s) it covers
	case period != nil:
		statusYear = period.From - 1 // a plan reviews the years before it
	}
	reg := buildRegions(doc, statusYear)
	skip := skipSpans(doc, x)

	var figs []figure
	var kinds []*sec
	for _, f := range scanFigures(text) {
		if inSpans(skip, f.start, f.end) {
			continue
		}
		s := reg.at(f.start)
		if s != nil && s.kind == kindSkip {
			continue
		}
		figs = append(figs, f)
		kinds = append(kinds, s)
	}

	var out []corpus.Target
	for i, f := range figs {
		ss, se := sentenceBounds(text, f.start)
		is, ie := itemBounds(text, figs, i, ss, se)
		if inTitle(text, is, f.start) {
			continue
		}
		t := corpus.Target{Kind: kindTarget, Value: f.value, ValueMax: f.max, Of: f.of, Unit: f.unit, Rank: f.rank}
		switch s := kinds[i]; {
		case s != nil && s.kind == kindAchieved:
			t.Kind = kindAchieved
		case s == nil && report:
			t.Kind = kindAchieved // a report: figures outside any plan part are results
		case baseline(text, is, f.start):
			t.Kind = kindAchieved // "hiện nay đạt 45%" inside the objectives
		}
		t.Comparator = comparator(text, is, f)
		lead := f.start
		for j := i - 1; j >= 0 && figs[j].start >= ss; j-- {
			lead = figs[j].start
		}
		t.Subject = subject(text, is, ie, ss, lead, f)
		t.Scope = scope(text[is:ie])

		switch t.Kind {
		case kindAchieved:
			// the review's year (its heading's, else the year before the
			// plan), unless the sentence states an earlier one for the
			// figure: "Chỉ số DTI năm 2020 xếp thứ 12/63" in a review of 2021
			y := statusYear
			if s := kinds[i]; s != nil && s.year != 0 {
				y = s.year
			}
			if sy := statedYear(text, ss, ie, f, skip); sy != 0 && (y == 0 || sy <= y) {
				y = sy
			}
			if y != 0 {
				t.Year = &y
			}
		default:
			if y := statedYear(text, ss, ie, f, skip); y != 0 {
				t.Year = &y
			} else if recurring(text, ss, ie, f) {
				t.Recurring = true
			} else if y := leadInYear(text, ss); y != 0 {
				t.Year = &y
			} else if period != nil {
				y := period.To
				t.Year = &y
			}
		}

		ms := is
		if i > 0 && figs[i-1].end == is && figs[i-1].unit != "%" {
			ms = figs[i-1].unitStart // "687 dịch vụ công trực tuyến toàn trình (đạt 55,2%)"
		}
		id, conf := indicator.Match(text[ms:ie])
		if id == "" {
			from := f.end
			if f.unit != "%" {
				from = f.unitStart
			}
			lead, tail := shared(text, figs, i, ss, se)
			item := text[is:ie]
			for _, phrase := range []string{lead + " " + item, item + " " + tail, lead + " " + item + " " + tail, lead + " " + text[from:ie]} {
				if id, conf = indicator.Match(phrase); id != "" {
					break
				}
			}
			conf *= 0.8
		}
		if in, ok := indicator.Get(id); ok && fits(in, t) && (in.Change || !change(text, is, f.start)) {
			t.Indicator, t.Confidence = id, round2(conf)
		}

		qs, qe := trimQuote(text, is, ie, f)
		t.Span = corpus.Span{Start: qs, End: qe}
		t.Quote = text[qs:qe]
		out = append(out, t)
	}
	out = append(out, tableTargets(doc, reg, period, statusYear)...)
	x.Targets = append(x.Targets, dedupe(out)...)
}

// fits reports whether a figure can be put on an indicator's scale: its
// unit fits, or it is a fraction of a whole ("142/142 xã") on a
// percentage indicator.
func fits(in indicator.Indicator, t corpus.Target) bool {
	return in.UnitFits(t.Unit, t.Rank) || (t.Of != nil && !t.Rank && in.Unit == "%" && !in.Rank)
}

// shared returns what the figure's list shares with it: the lead before
// the list's first figure (up to its ":"), and the predicate after the
// list's last figure ("100% cơ quan cấp tỉnh, cấp huyện và 216/216 xã đã
// kết nối Mạng truyền số liệu chuyên dùng"). A list is the figures of
// one clause: a ";" ends it, so the lead of a clause with figures never
// names the topic of the next clause's figures (the sentence's opening
// words before its first figure still lead its first clause).
func shared(text string, figs []figure, i, ss, se int) (lead, tail string) {
	first, last := i, i
	for j := i - 1; j >= 0 && figs[j].start >= ss && !strings.Contains(text[figs[j].end:figs[j+1].start], ";"); j-- {
		first = j
	}
	for j := i + 1; j < len(figs) && figs[j].end <= se && !strings.Contains(text[figs[j-1].end:figs[j].start], ";"); j++ {
		last = j
	}
	lead = text[ss:figs[first].start]
	if first > 0 && figs[first-1].start >= ss {
		// a later clause: its own words before its first figure, not
		// the lead of the sentence's first clause
		if k := strings.LastIndexByte(lead, ';'); k >= 0 {
			lead = lead[k+1:]
		}
	}
	if k := strings.LastIndexByte(lead, ':'); k >= 0 {
		lead = lead[:k]
	}
	if last > i {
		e := figs[last].end
		ce := se
		if k := strings.IndexByte(text[e:se], ';'); k >= 0 {
			ce = e + k
		}
		tail = text[e:ce]
	}
	// the words nearest the list: a lead or predicate is a phrase, not a page
	if len(lead) > 300 {
		k := len(lead) - 300
		for k < len(lead) && !isRuneStart(lead[k]) {
			k++
		}
		lead = lead[k:]
	}
	if len(tail) > 300 {
		k := 300
		for k > 0 && !isRuneStart(tail[k]) {
			k--
		}
		tail = tail[:k]
	}
	return lead, tail
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// skipSpans are the spans no figure may come from: citations (their
// numbers and dates, and every mention's issuer and subject, where the
// titles of cited documents hold figures that are not the plan's) and
// recovered tables.
func skipSpans(doc *corpus.Document, x *corpus.Extraction) []corpus.Span {
	var sp []corpus.Span
	for _, c := range x.Citations {
		sp = append(sp, c.Span)
		sp = append(sp, c.Mentions...) // issuer and subject: the titles of cited documents
	}
	for _, t := range doc.Tables {
		sp = append(sp, t.Span)
	}
	return sp
}

func inSpans(sp []corpus.Span, start, end int) bool {
	for _, s := range sp {
		if start < s.End && end > s.Start {
			return true
		}
	}
	return false
}

// sentenceBounds returns the sentence (or list item, or paragraph)
// around i: it ends at ". ", a blank line or a line starting a bullet.
func sentenceBounds(text string, i int) (int, int) {
	start := 0
	for j := i - 1; j >= 0 && j > i-3000; j-- {
		if boundaryAt(text, j) {
			start = j + 1
			break
		}
	}
	end := len(text)
	for j := i; j < len(text) && j < i+3000; j++ {
		if boundaryAt(text, j) {
			end = j
			break
		}
	}
	return start, end
}

// boundaryAt reports whether a sentence ends at text[j].
func boundaryAt(text string, j int) bool {
	switch text[j] {
	case '\n':
		k := j + 1
		for k < len(text) && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r') {
			k++
		}
		if k >= len(text) || text[k] == '\n' {
			return true
		}
		if strings.HasPrefix(text[k:], "- ") || strings.HasPrefix(text[k:], "– ") || strings.HasPrefix(text[k:], "+ ") ||
			strings.HasPrefix(text[k:], "• ") || strings.HasPrefix(text[k:], "* ") {
			return true
		}
		// a numbered or lettered item: "a) ", "2. ", "3) ", "IV. "
		e := k + 8
		if e > len(text) {
			e = len(text)
		}
		if itemMarker.MatchString(text[k:e]) {
			return true
		}
		// a blank line before
		b := j - 1
		for b >= 0 && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r') {
			b--
		}
		return b < 0 || text[b] == '\n'
	case '.', '!', '?':
		if j+1 < len(text) && text[j+1] != ' ' && text[j+1] != '\n' {
			return false
		}
		if j > 0 && isDigit(text[j-1]) && j+2 < len(text) && isDigit(text[j+2]) {
			return false
		}
		return !lineStart(text, j-1) || j == 0
	}
	return false
}

var itemMarker = lazyre.New(`^(?:[a-zđ]\)|\d{1,2}[.)]|[IVX]{1,4}\.)\s`)

// itemBounds narrows the sentence to the figure's own item: after the last
// ";" or ":" before it, or after the previous figure (and the "," or "và"
// that follows it), up to the next ";" or the next figure.
func itemBounds(text string, figs []figure, i, ss, se int) (int, int) {
	f := figs[i]
	is := ss
	if k := strings.LastIndexAny(text[ss:f.start], ";:"); k >= 0 {
		is = ss + k + 1
	}
	if i > 0 && figs[i-1].end <= f.start && figs[i-1].end > is {
		p := figs[i-1].end
		is = p + splitPoint(text[p:f.start], true)
	}
	ie := se
	if k := strings.IndexByte(text[f.end:se], ';'); k >= 0 {
		ie = f.end + k
	}
	if i+1 < len(figs) && figs[i+1].start < ie && figs[i+1].start >= f.end {
		ie = f.end + splitPoint(text[f.end:figs[i+1].start], false)
	}
	if ie < f.end {
		ie = f.end
	}
	if is > f.start {
		is = f.start
	}
	return is, ie
}

// splitPoint finds where one item ends and the next begins in the text
// between two figures: at the last "," or "và" (the next item is just the
// figure and its noun: "60% hộ gia đình, 100% xã"), or at the first one
// when the next item has its own head ("... là 99%, tỷ lệ ký số của UBND
// các huyện, thành phố là 96%"). after: return the offset after the
// separator (the next item's start) rather than before it.
func splitPoint(between string, after bool) int {
	type sep struct{ at, n int }
	var seps []sep
	for k := 0; k < len(between); k++ {
		if between[k] == ',' {
			seps = append(seps, sep{k, 1})
		}
	}
	for k := 0; ; {
		j := wordIndex(between[k:], "và")
		if j < 0 {
			break
		}
		seps = append(seps, sep{k + j, len("và")})
		k += j + len("và")
	}
	if len(seps) == 0 {
		if after {
			return 0
		}
		return len(between)
	}
	first, last := seps[0], seps[0]
	for _, s := range seps {
		if s.at < first.at {
			first = s
		}
		if s.at > last.at {
			last = s
		}
	}
	pick := last
	tail := " " + indicator.Fold(between[first.at+first.n:]) + " "
	for _, w := range []string{" la ", " dat ", " chiem ", " bang "} {
		if strings.Contains(tail, w) {
			pick = first
			break
		}
	}
	if after {
		return pick.at + pick.n
	}
	return pick.at
}

// wordIndex is the index of the first whole-word w in s, or -1.
func wordIndex(s, w string) int {
	for k := 0; ; {
		j := strings.Index(s[k:], w)
		if j < 0 {
			return -1
		}
		j += k
		before := j == 0 || s[j-1] == ' ' || s[j-1] == '\n'
		after := j+len(w) == len(s) || s[j+len(w)] == ' ' || s[j+len(w)] == '\n'
		if before && after {
			return j
		}
		k = j + len(w)
	}
}

var symbolRe = lazyre.New(`\d+/(?:\d{4}/)?[A-ZĐ][A-ZĐa-z&-]*`)

var (
	docDate = lazyre.New(`(?i)ngày\s+\d{1,2}(?:/\d{1,2}/|\s+tháng\s+)`)
	docType = lazyre.New(`(?i)(?:quyết\s+định|kế\s+hoạch|công\s+văn|nghị\s+quyết|nghị\s+định|thông\s+tư|chỉ\s+thị|tờ\s+trình|thông\s+báo|hướng\s+dẫn|báo\s+cáo|văn\s+bản|chương\s+trình|đề\s+án)`)
	veViec  = lazyre.New(`(?i)về\s+việc`)
	keHoach = lazyre.New(`(?i)kế\s+hoạch`)
)

// inTitle reports whether the figure sits in the title of a cited
// document ("Kế hoạch số 299/KH-UBND ngày 03/12/2021 của UBND tỉnh về
// việc triển khai 100% dịch vụ công ...", "Kế hoạch cung cấp 100% dịch
// vụ công ..."): a document symbol or "về việc" precedes it in its clause
// with no punctuation between, or "Kế hoạch" does, a few words before.
func inTitle(text string, is, at int) bool {
	clause := text[is:at]
	near := func(end, maxWords int) bool {
		between := clause[end:]
		return !strings.ContainsAny(between, ",;:()") && len(strings.Fields(between)) <= maxWords
	}
	if ms := symbolRe.FindAllStringIndex(clause, -1); len(ms) > 0 && near(ms[len(ms)-1][1], 12) {
		return true
	}
	// "về việc" opens a title only after a document's designation: its
	// type, symbol or date ("Quyết định ... ngày 03/12/2021 về việc ...");
	// elsewhere it is an ordinary preposition ("hài lòng về việc giải
	// quyết thủ tục hành chính đạt trên 95%").
	if ms := veViec.FindAllStringIndex(clause, -1); len(ms) > 0 && near(ms[len(ms)-1][1], 12) {
		before := clause[:ms[len(ms)-1][0]]
		if len(before) > 200 {
			before = before[len(before)-200:]
		}
		if symbolRe.MatchString(before) || docDate.MatchString(before) || docType.MatchString(before) {
			return true
		}
	}
	if ms := keHoach.FindAllStringIndex(clause, -1); len(ms) > 0 {
		end := ms[len(ms)-1][1]
		w := " " + indicator.Fold(clause[end:]) + " "
		return near(end, 3) && !containsAny(w, " nay ", " dat ", " phan dau ", " muc tieu ", " den nam ")
	}
	return false
}

var comparators = []struct{ words, op string }{
	{"toi thieu tu", ">="}, {"toi thieu la", ">="}, {"toi thieu", ">="}, {"it nhat la", ">="}, {"it nhat", ">="},
	{"it nhan", ">="}, {"khong duoi", ">="}, {"khong thap hon", ">="}, {"khong it hon", ">="},
	{"thap hon", "<"}, {"it hon", "<"}, {"khong vuot qua", "<="}, {"khong qua", "<="}, {"toi da", "<="},
	{"trong vong", "<="}, {"trong thoi han", "<="},
	{"cao hon", ">"}, {"nhieu hon", ">"}, {"tren", ">"}, {"hon", ">"}, {"vuot", ">"}, {"duoi", "<"},
}

var fillers = map[string]bool{"dat": true, "la": true, "bang": true, "muc": true, "o": true, "vao": true, "dat muc": true, "khoang": true}

// comparator reads the figure's qualifier from the words of its own item
// right before it (and "trở lên" after it).
func comparator(text string, is int, f figure) string {
	if f.max != nil {
		return "range"
	}
	if f.trailingGE {
		return ">="
	}
	// symbols: "≥ 50%", ">80%"
	j := f.start
	for j > is && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	for _, p := range []struct{ sym, op string }{{"≥", ">="}, {">=", ">="}, {"≤", "<="}, {"<=", "<="}, {">", ">"}, {"<", "<"}} {
		if strings.HasSuffix(text[is:j], p.sym) {
			return p.op
		}
	}
	ws := strings.Fields(lastWords(text, is, f.start, 5))
	// fillers between the qualifier and the figure: "tối thiểu đạt", "trên mức"
	for len(ws) > 0 && fillers[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	prev := strings.Join(ws, " ")
	for _, c := range comparators {
		if endsWithWord(prev, c.words) {
			return c.op
		}
	}
	return "="
}

// subject is what the figure measures: the words after it, or when it
// ends its item ("Tỷ lệ ... đạt 30%"), the words before it.
func subject(text string, is, ie, ss, lead int, f figure) string {
	from := f.end
	if f.unit != "%" {
		from = f.unitStart
	}
	after := strings.Fields(text[from:ie])
	for len(after) > 0 && (after[0] == "trở" || after[0] == "lên" || after[0] == ")" || after[0] == "-") {
		after = after[1:]
	}
	if len(after) > 0 && strings.HasPrefix(after[0], "(") && f.unit == "%" {
		after = nil // "đạt 100% (trừ văn bản mật)"
	}
	if len(after) > 0 && is < f.start && f.unit == "%" {
		switch strings.ToLower(after[0]) {
		case "ở", "tại", "trong", "đối", "so", "vào", "tính", "năm":
			after = nil // "đạt 100% ở cấp tỉnh": the subject is before the figure
		}
	}
	for k, w := range after {
		if k >= 3 && strings.HasPrefix(w, "(") {
			after = after[:k] // "báo cáo định kỳ (không bao gồm nội dung mật) ..."
			break
		}
	}
	if len(after) >= 2 || (f.unit != "%" && len(after) >= 1) {
		return cleanWords(after, 14, false)
	}
	if s := headSubject(text[is:f.start]); s != "" {
		return s
	}
	// "Tỷ lệ DVCTT toàn trình: năm 2022 đạt 30%; năm 2023 đạt 50%": the
	// sentence's lead names what the items measure
	if lead > ss {
		l := text[ss:lead]
		if k := strings.LastIndex(l, ":"); k >= 0 {
			l = l[:k]
		}
		if s := headSubject(l); s != "" {
			return s
		}
	}
	return cleanWords(after, 14, false)
}

var yearWords = lazyre.New(`(?i)^(?:(?:đến|vào|trong|tới)\s+)?năm\s+\d{4}$`)

// headSubject is the subject written before a figure: its last words,
// without the qualifiers and verbs that lead into the figure and
// without a leading "Tỷ lệ"; "" when nothing but those is left.
func headSubject(s string) string {
	before := strings.Fields(s)
	drop := map[string]bool{"đạt": true, "là": true, "tỷ": true, "lệ": true, "tối": true, "thiểu": true, "trên": true,
		"hơn": true, "từ": true, "ít": true, "nhất": true, "khoảng": true, "(": true, "dưới": true, "đa": true,
		"ước": true, "mức": true, "bằng": true, "chiếm": true, "phấn": true, "đấu": true}
	for len(before) > 0 && drop[strings.ToLower(strings.Trim(before[len(before)-1], "(,:"))] {
		before = before[:len(before)-1]
	}
	if len(before) > 0 && itemMarker.MatchString(before[0]+" ") {
		before = before[1:]
	}
	out := cleanWords(before, 16, true)
	if yearWords.MatchString(out) || len([]rune(out)) < 3 {
		return ""
	}
	if strings.HasPrefix(strings.ToLower(out), "tỷ lệ ") {
		out = out[len("tỷ lệ "):]
	}
	return out
}

func cleanWords(ws []string, n int, tail bool) string {
	if len(ws) > n {
		if tail {
			ws = ws[len(ws)-n:]
		} else {
			ws = ws[:n]
		}
	}
	s := strings.Join(ws, " ")
	return strings.Trim(s, " ,;:.-–()")
}

// scope is the administrative level an item is about, when it names
// exactly one.
func scope(item string) string {
	f := " " + indicator.Fold(item) + " "
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(f, " "+w+" ") {
				return true
			}
		}
		return false
	}
	// all levels: "từ cấp tỉnh tới cấp xã", "đến cấp xã", "3 cấp", "các cấp"
	if has("den cap", "toi cap", "cac cap", "3 cap", "ba cap", "tinh huyen xa") {
		return ""
	}
	// "sở, ngành, địa phương" is every level
	for _, w := range []string{" so ban nganh dia phuong ", " so nganh dia phuong "} {
		f = strings.ReplaceAll(f, w, " ")
	}
	var got []string
	if has("cap tinh", "cap so", "so ban nganh", "so nganh", "uy ban nhan dan tinh") {
		got = append(got, "cấp tỉnh")
	}
	if has("cap huyen", "huyen thanh pho", "huyen thi xa", "uy ban nhan dan cac huyen", "uy ban nhan dan huyen") {
		got = append(got, "cấp huyện")
	}
	if has("cap xa", "xa phuong", "uy ban nhan dan cac xa", "uy ban nhan dan xa") {
		got = append(got, "cấp xã")
	}
	if len(got) == 1 {
		return got[0]
	}
	return ""
}

// change reports a figure that is a change, not a level: "tăng 12% so
// với năm 2021", "giảm 30%".
func change(text string, is, at int) bool {
	w := lastWords(text, is, at, 3)
	for _, c := range []string{"tang", "giam", "tang them", "tang len", "giam xuong", "tang tu", "giam tu"} {
		if endsWithWord(w, c) {
			return true
		}
	}
	return false
}

// baseline reports a status figure quoted among the objectives: its
// sentence says "hiện nay", "đến nay", "đã đạt", ... before it and makes
// no commitment ("phấn đấu", "bảo đảm", "đến năm").
func baseline(text string, ss, at int) bool {
	f := " " + indicator.Fold(text[ss:at]) + " "
	status := false
	for _, w := range []string{" hien nay ", " hien co ", " den nay ", " da dat ", " tinh den ", " nam qua ", " da co "} {
		if strings.Contains(f, w) {
			status = true
			break
		}
	}
	if !status {
		return false
	}
	for _, w := range []string{" phan dau ", " dam bao ", " bao dam ", " muc tieu ", " den nam ", " can dat ", " se ", " toi thieu ", " it nhat "} {
		if strings.Contains(f, w) {
			return false
		}
	}
	return true
}

// recurring reports a commitment made every year: "hàng năm" in the
// sentence before the figure or in its item, "/năm" on its unit.
func recurring(text string, ss, ie int, f figure) bool {
	if strings.HasSuffix(f.unit, "/năm") {
		return true
	}
	if strings.HasPrefix(strings.TrimLeft(text[f.end:ie], " "), "/năm") {
		return true
	}
	s := " " + indicator.Fold(text[ss:ie]) + " "
	return strings.Contains(s, " hang nam ") || strings.Contains(s, " moi nam ")
}

var yearStated = lazyre.New(`(?i)năm\s+(20\d\d)\b`)

// yearStatedAt is yearStated anchored at the start of the text.
var yearStatedAt = lazyre.New(`^(?i)năm\s+(20\d\d)\b`)

// yearStatedAll is yearStated.FindAllStringSubmatchIndex(s, -1), trying
// the pattern only at an n or N before ă or Ă (the case folds of "nă").
func yearStatedAll(s string) [][]int {
	var out [][]int
	for i := 1; i+2 < len(s); {
		k := strings.IndexByte(s[i:], 0xC4) // ă is C4 83, Ă is C4 82
		if k < 0 {
			break
		}
		k += i
		i = k + 1
		if k+1 >= len(s) || (s[k+1] != 0x83 && s[k+1] != 0x82) || (s[k-1] != 'n' && s[k-1] != 'N') {
			continue
		}
		if len(out) > 0 && k-1 < out[len(out)-1][1] {
			continue // inside the last match
		}
		if m := yearStatedAt.FindStringSubmatchIndex(s[k-1:]); m != nil {
			for j := range m {
				m[j] += k - 1
			}
			out = append(out, m)
		}
	}
	return out
}

// statedYear is the deadline the sentence states for the figure ("đến
// năm 2025", "trong năm 2022"), 0 when none: the nearest before it, else
// the first after it in its item. Dates, citations, "từ năm" and
// orientations ("định hướng đến năm 2030") do not count.
func statedYear(text string, ss, ie int, f figure, skip []corpus.Span) int {
	best, after := 0, 0
	for _, m := range yearStatedAll(text[ss:ie]) {
		a, b := ss+m[0], ss+m[1]
		if inSpans(skip, a, b) {
			continue
		}
		prev := lastWords(text, a-40, a, 3)
		if endsWithWord(prev, "tu") || strings.Contains(prev, "dinh huong") || strings.Contains(prev, "thang") || strings.Contains(prev, "so voi") ||
			endsWithWord(prev, "giai doan") {
			continue
		}
		if b < len(text) && (text[b] == '-' || text[b] == '/') {
			continue
		}
		y, _ := strconv.Atoi(text[ss+m[2] : ss+m[3]])
		if a < f.start {
			best = y
		} else if after == 0 && a >= f.end {
			after = y
		}
	}
	if best != 0 {
		return best
	}
	return after
}

// leadInYear is the year of a lead-in line above a list of items ("Đến
// năm 2030:", "b) Định hướng đến năm 2030", "III. MỤC TIÊU ĐẾN NĂM
// 2025"), 0 when the items have none: it looks back over the sibling
// items to the first line ending in ":" or the first heading. A numbered
// line that is itself an item (it ends a sentence or clause, or holds a
// percentage: "1. Tỷ lệ ...: đến năm 2023 đạt 50%, đến năm 2025 đạt
// 80%.") is a sibling, not a heading: its years govern only its own
// figures.
func leadInYear(text string, ss int) int {
	end := ss
	for n := 0; n < 40 && end > 0; n++ {
		b := lineBegin(text, end-1)
		line := strings.TrimSpace(text[b:end])
		end = b
		if line == "" {
			continue
		}
		heading := headLetter.MatchString(line) || headArabic.MatchString(line) || headRoman.MatchString(line)
		if heading && !strings.HasSuffix(line, ":") && siblingItem(line) {
			continue
		}
		if strings.HasSuffix(line, ":") || heading {
			for _, m := range yearStated.FindAllStringSubmatch(dateYear.ReplaceAllString(line, ""), -1) {
				if y, _ := strconv.Atoi(m[1]); y != 0 {
					return y
				}
			}
			return 0
		}
	}
	return 0
}

// siblingItem reports a numbered line that is an item of a list rather
// than a heading over it: it ends like a sentence or clause, or holds a
// percentage.
func siblingItem(line string) bool {
	return strings.HasSuffix(line, ".") || strings.HasSuffix(line, ";") || strings.HasSuffix(line, ",") ||
		strings.Contains(line, "%")
}

// trimQuote trims the item to its words (no bullets or trailing
// punctuation) and to at most about 400 bytes around the figure.
func trimQuote(text string, is, ie int, f figure) (int, int) {
	for {
		for is < f.start && strings.ContainsRune(" \t\n\r-–+•*,;:.(", rune(text[is])) {
			is++
		}
		e := is + 8
		if e > f.start {
			e = f.start
		}
		m := itemMarker.FindStringIndex(text[is:e])
		if m == nil || is+m[1] > f.start {
			break
		}
		is += m[1] // "3. Tỷ lệ ...", "a) ..."
	}
	for ie > f.end && strings.ContainsRune(" \t\n\r,;:.", rune(text[ie-1])) {
		ie--
	}
	if f.start-is > 200 {
		is = f.start - 200
		for is < f.start && (!isRuneStart(text[is]) || text[is-1] != ' ') {
			is++
		}
	}
	if ie-f.end > 220 {
		ie = f.end + 220
		for ie > f.end && (!isRuneStart(text[ie]) || text[ie] != ' ') {
			ie--
		}
	}
	if !isRuneStart(text[is]) {
		is = f.start
	}
	if ie < len(text) && !isRuneStart(text[ie]) {
		ie = f.end
	}
	return is, ie
}

// dedupe drops a figure that restates an earlier one: same kind, value,
// unit, comparator, year and scope, and the same indicator or nearly the
// same words.
func dedupe(ts []corpus.Target) []corpus.Target {
	var out []corpus.Target
	var words []map[string]bool
next:
	for _, t := range ts {
		var tw map[string]bool
		for k, o := range out {
			if o.Kind != t.Kind || o.Value != t.Value || o.Unit != t.Unit || o.Comparator != t.Comparator || o.Scope != t.Scope ||
				!sameYear(o.Year, t.Year) || !sameMax(o.ValueMax, t.ValueMax) {
				continue
			}
			if o.Indicator != "" && o.Indicator == t.Indicator {
				continue next
			}
			if tw == nil {
				tw = wordSet(t.Quote)
			}
			if jaccard(words[k], tw) >= 0.6 {
				continue next
			}
		}
		if tw == nil {
			tw = wordSet(t.Quote)
		}
		out = append(out, t)
		words = append(words, tw)
	}
	return out
}

func sameYear(a, b *int) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func sameMax(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(indicator.Fold(s)) {
		m[w] = true
	}
	return m
}

func jaccard(wa, wb map[string]bool) float64 {
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	n := 0
	for w := range wa {
		if wb[w] {
			n++
		}
	}
	return float64(n) / float64(len(wa)+len(wb)-n)
}
