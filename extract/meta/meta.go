// Package meta extracts the document's own metadata: number (symbol),
// type, issuer, province (as named, and as of the 2025 reorganisation),
// issue date, title (trích yếu) and the years the plan covers.
//
// It reads, in order of trust: the metadata a portal gave (doc.Meta), the
// header block of an administrative document (Nghị định 30/2020/NĐ-CP:
// "Số: 2893/QĐ-UBND", "<place>, ngày DD tháng MM năm YYYY", the type line
// and the summary under it), the document's references to itself in its
// appendix headings ("Kèm theo Kế hoạch số 326/KH-UBND ngày 31/12/2021"),
// and a portal title line ("Kế hoạch 326/KH-UBND 2021 ...").
package meta

import (
	"kehoach/internal/lazyre"
	"strconv"
	"strings"

	"kehoach/corpus"
	"kehoach/corpus/province"
	"kehoach/extract/citation"
	"kehoach/extract/vnnum"
)

// header is how far into the text the header block may reach.
const header = 6000

// typeLines are the type headings of the header block, upper case.
var typeLines = []string{"QUYẾT ĐỊNH", "KẾ HOẠCH", "NGHỊ QUYẾT", "CHỈ THỊ", "THÔNG BÁO", "BÁO CÁO",
	"HƯỚNG DẪN", "TỜ TRÌNH", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "THÔNG TƯ", "NGHỊ ĐỊNH", "CÔNG VĂN", "QUY CHẾ", "QUY ĐỊNH"}

const sym = `(\d{1,6}[A-Za-z]?\s*[/-]\s*(?:\d{4}\s*/\s*)?[\p{Lu}\p{Ll}&Đđ]+(?:\s*[-–]\s*[\p{Lu}\p{Ll}&Đđ0-9]+)*)`

var (
	blankSo     = lazyre.New(`(?m)^\s*Số\s*:?\s*(/[\p{L}&-]+(?:\s*-\s*[\p{L}&0-9]+)*)\s*$`)
	soLine      = lazyre.New(`(?m)^\s*Số\s*:?\s*` + sym + `(?:\s|$)`)
	dateLine    = lazyre.New(`(?m)(\p{L}[\p{L} .-]{1,40}),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`)
	canCu       = lazyre.New(`(?m)^\s*Căn cứ`)
	selfRef     = lazyre.New(`(?im)^[ \t]*\(?[ \t]*(?:ban\s+hành\s+)?kèm\s+theo\s+(?:[^()\n]{0,40}?\s)?(Quyết định|Kế hoạch|Công văn|Nghị quyết|Chỉ thị|Văn bản)\s+số\s+` + sym + `(?:\s+ngày\s+((?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})|(?:\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})))?`)
	titleLine   = lazyre.New(`^(Quyết định|Kế hoạch|Công văn|Nghị quyết|Chỉ thị|Báo cáo|Thông báo|Hướng dẫn)\s+(?:số\s+)?` + sym)
	rangeRe     = lazyre.New(`(?i)(?:giai\s+đoạn|thời\s+kỳ|từ\s+năm)?\s*((?:19|20)\d\d)\s*(?:-|–|đến|tới)\s*(?:năm\s+)?((?:19|20)\d\d)`)
	yearRe      = lazyre.New(`(?i)năm\s+((?:19|20)\d\d)`)
	untilBefore = lazyre.New(`(?i)(?:đến|tới)\s*$`)
	untilRe     = lazyre.New(`(?i)đến\s+năm\s+((?:19|20)\d\d)`)
	tinhRe      = lazyre.New(`(?i)\b(?:tỉnh|thành phố|tp\.?)\s+((?:[\p{Lu}][\p{L}]*)(?:[\s-]+[\p{Lu}][\p{L}]*){0,3})`)
	spaces      = lazyre.New(`\s+`)
)

// Extract fills x.Document.
func Extract(doc *corpus.Document, x *corpus.Extraction) {
	t := doc.Text
	h := t
	if len(h) > header {
		h = h[:cut(t, header)]
	}
	d := &x.Document

	// Number and date: portal metadata, header, self-reference, title line.
	if v := doc.Meta["number"]; v != "" {
		d.Number = Canonical(v)
	}
	if m := soLineAt.index(h); m != nil && d.Number == "" {
		d.Number = Canonical(h[m[2]:m[3]])
		d.NumberSpan = &corpus.Span{Start: m[2], End: m[3]}
	}
	if v := doc.Meta["issue_date"]; v != "" {
		if iso, ok := vnnum.ParseDate(v); ok {
			d.IssueDate = iso
		} else if len(v) == 10 && v[4] == '-' {
			d.IssueDate = v
		}
	}
	place := ""
	hd := h // the date line stands before the first "Căn cứ"
	if m := canCuAt.index(h); m != nil {
		hd = h[:m[0]]
	}
	if m := dateLineIndex(hd); m != nil {
		place = strings.TrimSpace(hd[m[2]:m[3]])
		if d.IssueDate == "" {
			if iso, ok := vnnum.ParseDate(hd[m[4]:m[5]] + "/" + hd[m[6]:m[7]] + "/" + hd[m[8]:m[9]]); ok {
				d.IssueDate = iso
				d.DateSpan = &corpus.Span{Start: m[0], End: m[1]}
			}
		}
	}
	// A blank header number ("Số: /STTTT") still names the symbol's tail:
	// a self-reference must end with it.
	tail := ""
	if m := blankSoAt.submatch(h); m != nil && d.Number == "" {
		tail = Canonical("0" + m[1])[1:]
	}
	selfType := ""
	eachSelfRef(t, func(m []int) bool {
		n := Canonical(t[m[4]:m[5]])
		if tail != "" && !strings.HasSuffix(n, tail) {
			return true
		}
		if d.Number == "" || sameNumber(d.Number, n) {
			if d.Number == "" {
				d.Number = n
				d.NumberSpan = &corpus.Span{Start: m[4], End: m[5]}
				selfType = normType(t[m[2]:m[3]])
			}
			if d.IssueDate == "" && m[6] >= 0 {
				if iso, ok := vnnum.ParseDate(t[m[6]:m[7]]); ok {
					d.IssueDate = iso
				}
			}
			return false
		}
		return true
	})
	first := firstLine(t)
	if d.Number == "" {
		if m := titleLine.FindStringSubmatch(first); m != nil {
			d.Number = Canonical(m[2])
			selfType = normType(m[1])
		}
	}

	// Type: portal, symbol, type heading, self-reference.
	headType, titleAt := typeHeading(h)
	switch {
	case doc.Meta["type"] != "":
		d.Type = doc.Meta["type"]
	case d.Number != "":
		d.Type = TypeOf(d.Number)
	case headType != "":
		d.Type = headType
	}
	if d.Type == "" {
		d.Type = selfType
	}

	// Title: the summary under the type heading, or "V/v ..." of a công văn.
	d.Title = summary(h, titleAt)

	// Province.
	d.Province = findProvince(doc, h, place, d.Title)
	if p, ok := province.Lookup(d.Province); ok {
		d.Province = p.Name
		d.ProvinceNow = p.Now
	}

	// Issuer.
	d.Issuer = issuer(doc, h, d.Number, d.Province)

	// Period: from the title, else the first lines of the text.
	issued := 0
	if len(d.IssueDate) >= 4 {
		issued, _ = strconv.Atoi(d.IssueDate[:4])
	}
	d.Period = period(d.Title, issued)
	if d.Period == nil {
		d.Period = period(first, issued)
	}
}

// cut returns the largest rune boundary <= n.
func cut(s string, n int) int {
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return n
}

func firstLine(t string) string {
	for _, l := range strings.Split(t, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// Canonical canonicalises a document symbol the way citations are
// canonicalised (citation.CanonicalSymbol), so a document and the
// citations of it share one spelling.
func Canonical(s string) string {
	return citation.CanonicalSymbol(strings.Trim(strings.TrimSpace(s), ".,;:"))
}

// sameNumber compares symbols by their number and type only: a document
// may call itself 5362/QĐ-UBND in the header and 5362/QĐ-CTUBND in an
// appendix heading.
func sameNumber(a, b string) bool {
	na, ta := numType(a)
	nb, tb := numType(b)
	return na == nb && ta == tb
}

func numType(s string) (num, typ string) {
	i := strings.IndexAny(s, "/-")
	if i < 0 {
		return s, ""
	}
	rest := s[i+1:]
	if j := strings.IndexAny(rest, "-/"); j >= 0 {
		rest = rest[:j]
	}
	return s[:i], rest
}

// TypeOf names the document type of a symbol: "2893/QĐ-UBND" is a Quyết
// định, "52-NQ/TW" a Nghị quyết, "790/STTTT" and "2606/BTTTT-THH" công văn.
func TypeOf(symbol string) string {
	s := strings.ToUpper(symbol)
	if i := strings.Index(s, "-"); i > 0 && i < strings.Index(s+"/", "/") {
		// Party form NUM-TYPE/ISSUER.
		if j := strings.Index(s, "/"); j > i {
			if n := citation.TypeName(s[i+1 : j]); n != "" {
				return n
			}
		}
	}
	parts := strings.Split(s, "/")
	if len(parts) < 2 {
		return ""
	}
	last := parts[len(parts)-1]
	typ := last
	if j := strings.Index(last, "-"); j >= 0 {
		typ = last[:j]
	} else {
		return "Công văn"
	}
	if n := citation.TypeName(typ); n != "" {
		return n
	}
	if len(parts) == 3 { // 12/2020/QH14
		return ""
	}
	return "Công văn"
}

func normType(s string) string {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "Văn bản") {
		return "Công văn"
	}
	r := []rune(strings.ToLower(s))
	if len(r) > 0 {
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	}
	return string(r)
}

// typeHeading finds the type heading line of the header block ("QUYẾT
// ĐỊNH", "KẾ HOẠCH") and returns the type and the offset after the line.
func typeHeading(h string) (string, int) {
	off := 0
	for _, l := range strings.SplitAfter(h, "\n") {
		line := strings.TrimSpace(strings.TrimRight(l, ":"))
		line = strings.TrimRight(line, ":")
		for _, tl := range typeLines {
			if line == tl {
				return normType(tl), off + len(l)
			}
		}
		off += len(l)
	}
	return "", -1
}

// summary returns the trích yếu: the lines after the type heading up to a
// blank line, or the "V/v" lines of a công văn.
func summary(h string, at int) string {
	if i := strings.Index(h, "V/v "); i >= 0 && (at < 0 || i < at) {
		return foldLines(h[i+len("V/v "):])
	}
	if at < 0 {
		return ""
	}
	return foldLines(strings.TrimLeft(h[at:], " \n"))
}

// foldLines joins the lines of the first paragraph of s.
func foldLines(s string) string {
	if i := strings.Index(s, "\n\n"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(spaces.ReplaceAllString(s, " "))
	if len(s) > 400 {
		s = s[:cut(s, 400)]
	}
	return s
}

// findProvince names the province: the place of the date line, the
// "TỈNH X" line of the issuer block, the title, then the province the text
// names most often after "tỉnh".
func findProvince(doc *corpus.Document, h, place, title string) string {
	if v := doc.Meta["province"]; v != "" {
		return v
	}
	if p, ok := province.Lookup(place); ok {
		return p.Name
	}
	if m := tinhRe.FindStringSubmatch(title); m != nil {
		if p, ok := lookupPrefix(m[1]); ok {
			return p
		}
	}
	for _, l := range strings.Split(h, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "TỈNH ") || strings.HasPrefix(l, "THÀNH PHỐ ") {
			if p, ok := lookupPrefix(l); ok {
				return p
			}
		}
	}
	counts := map[string]int{}
	best, bestN := "", 0
	type found struct {
		p  string
		ok bool
	}
	seen := map[string]found{} // a text names its province many times
	for _, m := range tinhAll(doc.Text) {
		f, done := seen[m[1]]
		if !done {
			f.p, f.ok = lookupPrefix(m[1])
			seen[m[1]] = f
		}
		if p, ok := f.p, f.ok; ok {
			counts[p]++
			if counts[p] > bestN {
				best, bestN = p, counts[p]
			}
		}
	}
	return best
}

// lookupPrefix resolves the longest run of leading words of s that names a
// province.
func lookupPrefix(s string) (string, bool) {
	words := strings.Fields(s)
	for _, pre := range []string{"TỈNH", "tỉnh", "THÀNH", "Thành"} {
		if len(words) > 0 && words[0] == pre {
			words = words[1:]
			if len(words) > 0 && (words[0] == "PHỐ" || words[0] == "phố") {
				words = words[1:]
			}
		}
	}
	for n := min(len(words), 4); n > 0; n-- {
		if p, ok := province.Lookup(strings.Join(words[:n], " ")); ok {
			return p.Name, true
		}
	}
	return "", false
}

var issuerNames = map[string]string{
	"UBND": "UBND", "CTUBND": "UBND", "HĐND": "HĐND", "STTTT": "Sở Thông tin và Truyền thông",
	"SKHCN": "Sở Khoa học và Công nghệ", "TU": "Tỉnh ủy", "BCĐ": "Ban Chỉ đạo",
}

// issuer names the issuing body: portal metadata, the issuer block of the
// header, or the issuer code of the symbol with the province.
func issuer(doc *corpus.Document, h, number, prov string) string {
	if v := doc.Meta["issuer"]; v != "" {
		return v
	}
	code := ""
	if number != "" {
		parts := strings.FieldsFunc(number, func(r rune) bool { return r == '/' || r == '-' })
		if len(parts) > 0 {
			code = strings.ToUpper(parts[len(parts)-1])
			if TypeOf(number) == "Công văn" && len(parts) >= 2 {
				code = strings.ToUpper(parts[1])
			}
		}
	}
	if n, ok := issuerNames[code]; ok {
		if prov == "" {
			return n
		}
		if n == "Tỉnh ủy" {
			return n + " " + prov
		}
		return n + " tỉnh " + prov
	}
	if strings.Contains(h, "ỦY BAN NHÂN DÂN") && prov != "" {
		return "UBND tỉnh " + prov
	}
	return ""
}

// period reads the years a plan covers from its title: "giai đoạn 2021 -
// 2025", "năm 2022"; a plan "đến năm 2025" runs from the year it was
// issued (issued, 0 when unknown).
func period(title string, issued int) *corpus.Period {
	if title == "" {
		return nil
	}
	if m := rangeRe.FindStringSubmatch(title); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if b >= a && b-a <= 15 {
			return &corpus.Period{From: a, To: b}
		}
	}
	if m := untilRe.FindStringSubmatchIndex(title); m != nil && !yearRe.MatchString(title[:m[0]]) {
		z, _ := strconv.Atoi(title[m[2]:m[3]])
		from := z
		if issued > 0 && issued <= z && z-issued <= 15 {
			from = issued
		}
		return &corpus.Period{From: from, To: z}
	}
	// "kết quả năm 2023 và phương hướng, nhiệm vụ năm 2024": a report on
	// one year with the plan for the next covers both.
	var years []int
	for _, m := range yearRe.FindAllStringSubmatchIndex(title, -1) {
		if untilBefore.MatchString(title[:m[0]]) {
			continue // "đến năm 2025" is an orientation, not a plan year
		}
		y, _ := strconv.Atoi(title[m[2]:m[3]])
		if len(years) == 0 || years[len(years)-1] != y {
			years = append(years, y)
		}
	}
	switch {
	case len(years) == 2 && years[1] == years[0]+1:
		return &corpus.Period{From: years[0], To: years[1]}
	case len(years) > 0:
		return &corpus.Period{From: years[0], To: years[0]}
	}
	return nil
}
