package citation

import (
	"kehoach/internal/lazyre"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"kehoach/corpus"
)

// Roles and relations.
const (
	RoleBasis   = "basis"
	RoleMention = "mention"
)

// mention is one place the text names a document.
type mention struct {
	sym      symbol
	hasSym   bool
	subject  []string // words of the subject after it, lower case
	subjText string   // the subject as written ("về việc ...")
	extEnd   int      // end of the mention with its issuer and subject
	law      bool     // a law cited by name
	year     string   // "năm 2023" after a law's name
	back     bool     // a short back-reference ("Nghị định số 47")
	typ      string   // type name
	title    string
	date     string
	issuer   string // as the text names it
	issCode  string // code of the issuer the text names
	span     corpus.Span
	end      int // end of the whole mention, issuer included
	role     string
	rel      string
	pins     []string
}

func (m *mention) key() string {
	if m.hasSym {
		return m.sym.Canon
	}
	return "law:" + lawKey(m.title)
}

// cit is a citation being built.
type cit struct {
	corpus.Citation
	year    string // the year in the symbol
	lawYear string // "Luật ... năm 2023"
	ms      []*mention
}

func (c *cit) addNote(s string) {
	if c.Note == "" {
		c.Note = s
	} else if !strings.Contains(c.Note, s) {
		c.Note += "; " + s
	}
}

// Extract adds the document's citation records to x. It reads
// x.Document.Number (the document's own symbol, not a citation) and
// x.Document.IssueDate (to pick among same-named laws cited without a
// date) when the meta stage found them.
func Extract(doc *corpus.Document, x *corpus.Extraction) {
	cs := Find(doc.Text, doc.Notes, x.Document.Number, x.Document.IssueDate)
	if p := x.Document.Province; p != "" {
		for i := range cs {
			cs[i].Issuer = withProvince(cs[i].Issuer, p)
		}
	}
	x.Citations = append(x.Citations, cs...)
}

// withProvince completes a provincial issuer the text leaves open ("UBND
// tỉnh", "Tỉnh ủy") with the citing document's province: in a province's
// plan they are that province's bodies.
func withProvince(iss, prov string) string {
	for _, suf := range []string{" tỉnh", " thành phố", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ"} {
		if strings.HasSuffix(iss, suf) {
			return iss + " " + prov
		}
	}
	return iss
}

// Find returns the citations of text. notes are the footnotes ingest
// found (may be nil: footnotes are then found here); own is the
// document's own symbol and date its ISO issue date ("" when unknown).
func Find(text string, notes []corpus.Note, own, date string) []corpus.Citation {
	ctx := newContext(text, notes)
	ms := scan(text, ctx)
	owns := ownSymbols(text, ms, own)
	var kept []*mention
	for _, m := range ms {
		if m.hasSym && isOwn(m.sym, owns) {
			continue
		}
		kept = append(kept, m)
	}
	if date == "" {
		// Without the document's date, the latest date it cites is the
		// best lower bound of it.
		for _, m := range kept {
			if m.date > date {
				date = m.date
			}
		}
	}
	return group(text, kept, date)
}

// ---- scanning --------------------------------------------------------

// scan finds every mention: laws by name first (they may own a symbol,
// "Luật An ninh mạng số 24/2018/QH14"), then symbols, then back-
// references to numbers already seen.
func scan(text string, ctx *context) []*mention {
	var ms []*mention
	taken := map[int]bool{} // symbol starts owned by a law mention
	lawEnd := 0
	for i := 0; i < len(text); {
		k := strings.Index(text[i:], "uật")
		if k < 0 {
			break
		}
		p := i + k - 1
		i = i + k + len("uật")
		if p < 0 || (text[p] != 'L' && text[p] != 'l') || p < lawEnd {
			continue
		}
		if m := lawAt(text, p, taken); m != nil {
			ctx.annotate(text, m)
			ms = append(ms, m)
			lawEnd = m.span.End
		}
	}
	laws := ms // the law mentions, in text order
	ms = append([]*mention(nil), laws...)
	var backs []*mention
	var prev *mention
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) {
			continue
		}
		if !startOK(text, i) {
			for i < len(text) && isDigit(text[i]) {
				i++
			}
			continue
		}
		if taken[i] {
			for i < len(text) && isDigit(text[i]) {
				i++
			}
			continue
		}
		s, ok := parseSymbol(text, i)
		if !ok {
			if b := backAt(text, i); b != nil {
				ctx.annotate(text, b)
				backs = append(backs, b)
			}
			for i < len(text) && isDigit(text[i]) {
				i++
			}
			continue
		}
		if inLaw(laws, s.Start) {
			i = s.End - 1
			continue
		}
		m := symbolMention(text, s, prev)
		if (s.Spaced && m.span.Start == s.Start) || formNumber(text, s, m) {
			// "1/ UBND tỉnh chỉ đạo": a numbered list item; "Mẫu số
			// 01/KH", "Biểu số 02": a form of the document, not a document
			i = s.End - 1
			continue
		}
		ctx.annotate(text, m)
		ms = append(ms, m)
		prev = m
		i = s.End - 1
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].span.Start < ms[j].span.Start })
	// Back-references count only where they name a document cited in
	// full: the same type and number, one candidate.
	type tn struct{ typ, num string }
	byNum := map[tn][]*mention{} // one mention per distinct symbol
	for _, m := range ms {
		if !m.hasSym {
			continue
		}
		k := tn{m.typ, m.sym.Num}
		dup := false
		for _, o := range byNum[k] {
			if o.key() == m.key() {
				dup = true
				break
			}
		}
		if !dup {
			byNum[k] = append(byNum[k], m)
		}
	}
	for _, b := range backs {
		if hits := byNum[tn{b.typ, b.sym.Num}]; len(hits) == 1 {
			b.sym, b.hasSym = hits[0].sym, true
			ms = append(ms, b)
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].span.Start < ms[j].span.Start })
	return ms
}

// inLaw reports whether pos lies inside a law mention (laws in text
// order, so a binary search finds the last one starting before pos).
func inLaw(laws []*mention, pos int) bool {
	i := sort.Search(len(laws), func(i int) bool { return laws[i].span.Start > pos }) - 1
	return i >= 0 && pos < laws[i].end
}

// symbolMention builds the mention around a symbol: the type words
// before it, the date and issuer after it.
func symbolMention(text string, s symbol, prev *mention) *mention {
	m := &mention{sym: s, hasSym: true, span: corpus.Span{Start: s.Start, End: s.End}, end: s.End}
	name, ts, so, soStart := typeBefore(text, s.Start)
	switch {
	case name != "":
		m.typ, m.span.Start = name, ts
	case so:
		m.span.Start = soStart
	}
	if m.typ == "" {
		// A list sharing its type: "các Nghị định số 64/2007/NĐ-CP,
		// 43/2011/NĐ-CP và 85/2016/NĐ-CP", "... ngày ...; số 2476/QĐ-CT".
		if prev != nil && prev.end <= m.span.Start && listGap(text[prev.end:m.span.Start]) && (s.Type == "" || typeNameOf(s) == prev.typ) {
			m.typ = prev.typ
		} else {
			m.typ = typeNameOf(s)
		}
	}
	// Date and issuer after the symbol, in either order.
	p := skipWS(text, s.End, 1)
	if p < len(text) && text[p] == ',' {
		p = skipWS(text, p+1, 1)
	}
	if w := wordAt(text, p); w == "tỉnh" {
		p = skipWS(text, p+len(w), 1)
	}
	if d, e, ok := ngayDateAt(text, p); ok {
		m.date, m.span.End, m.end = d, e, e
		q := skipWS(text, e, 1)
		if q < len(text) && text[q] == ',' {
			q = skipWS(text, q+1, 1)
		}
		if iss, ie := issuerAt(text, q); iss != "" {
			m.issuer, m.end = iss, ie
		}
	} else if iss, ie := issuerAt(text, p); iss != "" {
		m.issuer, m.end = iss, ie
		q := skipWS(text, ie, 1)
		if q < len(text) && text[q] == ',' {
			q = skipWS(text, q+1, 1)
		}
		if d, e, ok := ngayDateAt(text, q); ok {
			m.date, m.end = d, e
		}
	}
	if m.date == "" {
		// "Ngày 11/11/2021, UBND tỉnh đã ban hành Văn bản số 10052/UBND-VX3"
		if d, ds := dateBefore(text, m.span.Start); d != "" {
			m.date, m.span.Start = d, ds
		}
	}
	if m.issuer != "" {
		m.issCode = issuerByName(m.issuer)
	}
	m.subjText, m.extEnd = subjectAt(text, m.end)
	m.subject = subjectWords(m.subjText)
	return m
}

// subjectAt returns the subject after a citation ("về việc tăng cường
// ...", "phê duyệt ...", "ban hành ..."), white space folded, up to the
// end of the clause and at most about 300 bytes; "" when none follows.
func subjectAt(text string, i int) (string, int) {
	j := skipWS(text, i, 1)
	w := wordAt(text, j)
	switch strings.ToLower(w) {
	case "về", "phê", "ban", "quy", "hướng", "thông", "triển", "thực":
	default:
		return "", i
	}
	end := j + 320
	if end > len(text) {
		end = len(text)
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	seg := text[j:end]
	for _, stop := range []string{";", ". ", ".\n", "\n\n", "(", ")"} {
		if k := strings.Index(seg, stop); k >= 0 {
			seg = seg[:k]
		}
	}
	if end < len(text) && len(seg) == end-j {
		if k := strings.LastIndexByte(seg, ' '); k > 0 {
			seg = seg[:k] // cut at a word
		}
	}
	seg = strings.TrimRight(seg, " \t\n.,:")
	return strings.Join(strings.Fields(seg), " "), j + len(seg)
}

// subjectWords are the first words of a subject, lower case.
func subjectWords(s string) []string {
	f := strings.Fields(strings.ToLower(s))
	if len(f) > 12 {
		f = f[:12]
	}
	return f
}

// similar reports whether two subjects share most of their words.
func similar(a, b []string) bool {
	if len(a) < 3 || len(b) < 3 {
		return false
	}
	set := map[string]bool{}
	for _, w := range a {
		set[w] = true
	}
	n := len(a)
	if len(b) < n {
		n = len(b)
	}
	common := 0
	for _, w := range b[:n] {
		if set[w] {
			common++
		}
	}
	return float64(common) >= 0.7*float64(n)
}

// formWords name forms, tables and appendices numbered like symbols.
var formWords = map[string]bool{"mẫu": true, "biểu": true, "phụ lục": true, "phiếu": true, "bảng": true, "mục": true, "biểu mẫu": true}

// formNumber reports whether a symbol is the number of a form or table
// ("Mẫu số 01/KH", "Biểu số 02/BC-UBND"), or a bare type code without an
// issuer and without a type word before it ("01/KH").
func formNumber(text string, s symbol, m *mention) bool {
	if s.Issuer != "" && s.Type == "" && !s.Party && s.Year == "" && len(s.Units) == 0 && m.span.Start >= s.Start-4 {
		if _, isType := typeCode(s.Issuer); isType {
			if _, isIss := issuerCode(s.Issuer); !isIss {
				return true
			}
		}
	}
	ws := prevWords(text, s.Start, 3)
	k := 0
	if k < len(ws) && strings.EqualFold(strings.TrimSuffix(ws[k].s, ":"), "số") {
		k++
	}
	if k < len(ws) {
		w := strings.ToLower(ws[k].s)
		if formWords[w] {
			return true
		}
		if k+1 < len(ws) && formWords[strings.ToLower(ws[k+1].s)+" "+w] {
			return true
		}
	}
	return false
}

var listGapRe = lazyre.New(`^[\s]*(?:[,;]|và|,\s*và|hoặc)?[\s]*(?:số:?)?[\s]*$`)

func listGap(s string) bool { return len(s) < 24 && listGapRe.MatchString(s) }

func typeNameOf(s symbol) string {
	if s.Type != "" {
		return tab().typeName[s.Type]
	}
	if strings.HasPrefix(s.Issuer, "QH") && s.Year != "" {
		return "Luật"
	}
	return "Công văn"
}

var dateBeforeRe = lazyre.New(`(?:^|[\s(])([Nn]gày\s+)(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*,[^.;:\n]{0,80}?ban hành\s+$`)

// dateBefore finds "Ngày DATE, <issuer> (đã) ban hành" right before a
// citation that gives no date after its symbol.
func dateBefore(text string, start int) (string, int) {
	from := start - 160
	if from < 0 {
		from = 0
	}
	for from < start && !utf8.RuneStart(text[from]) {
		from++
	}
	w := text[from:start]
	if !strings.Contains(w, "ban hành") {
		return "", start
	}
	loc := dateBeforeRe.FindStringSubmatchIndex(w)
	if loc == nil {
		return "", start
	}
	d, _, ok := dateAt(w, loc[4])
	if !ok {
		return "", start
	}
	return d, from + loc[2]
}

// backAt reads a short back-reference at a number that is not a symbol:
// "Nghị định số 47", "Nghị quyết 17".
func backAt(text string, i int) *mention {
	j := i
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	if j-i > 5 {
		return nil
	}
	if j < len(text) {
		c := text[j]
		if c == '/' || (c == '.' || c == ',') && j+1 < len(text) && isDigit(text[j+1]) || dashAt(text, j) > 0 {
			return nil
		}
		if r, _ := utf8.DecodeRuneInString(text[j:]); unicode.IsLetter(r) {
			return nil
		}
		if w := wordAt(text, skipWS(text, j, 0)); w == "tháng" || w == "năm" || w == "ngày" {
			return nil
		}
	}
	name, ts, _, _ := typeBefore(text, i)
	if name == "" || name == "Luật" {
		return nil
	}
	return &mention{back: true, typ: name, sym: symbol{Num: text[i:j]}, span: corpus.Span{Start: ts, End: j}, end: j}
}

// lawAt reads a law cited by name at text[p] ("Luật ..."), or by number
// ("Luật số 86/2015/QH13" is left to the symbol scan).
func lawAt(text string, p int, taken map[int]bool) *mention {
	if p > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:p])
		if unicode.IsLetter(r) || isDigit(text[p-1]) {
			return nil
		}
	}
	typ := "Luật"
	start := p
	if ws := prevWords(text, p, 1); len(ws) == 1 && ws[0].s == "Bộ" && ws[0].end == p-1 {
		typ, start = "Bộ luật", ws[0].start
	}
	lw := len("Luật")
	upper := strings.HasPrefix(text[p:], "Luật") || typ == "Bộ luật"
	if !upper && !strings.HasPrefix(text[p:], "luật") {
		return nil
	}
	q := p + lw
	if q >= len(text) || !isSpace(text[q]) {
		return nil
	}
	q = skipWS(text, q, 0)
	if w := wordAt(text, q); w == "số" || w == "" {
		return nil // "Luật số 24/2018/QH14" is a symbol; "Luật," is generic
	}
	// The title: up to "ngày DATE" or "số SYMBOL" on the same line, else
	// the longest registry title, else the capitalised words.
	title, tEnd := "", -1
	lineEnd := strings.IndexByte(text[q:], '\n')
	limit := len(text)
	if lineEnd >= 0 {
		limit = q + lineEnd
		// a title wrapped over one line break ("Luật An toàn thông tin ngày\n11/9/2015")
		if n2 := strings.IndexByte(text[limit+1:], '\n'); n2 >= 0 && limit+1+n2 < q+260 {
			limit = limit + 1 + n2
		} else if n2 < 0 {
			limit = len(text)
		}
	}
	if limit > q+260 {
		limit = q + 260
	}
	for limit < len(text) && !utf8.RuneStart(text[limit]) {
		limit++
	}
	var date string
	var sym symbol
	hasSym := false
	end := -1
	for j := q; j < limit; {
		c := text[j]
		if c == ';' || c == '.' || c == '(' || c == ':' {
			break
		}
		if c == '\n' && j+1 < len(text) && text[j+1] == '\n' {
			break
		}
		if c == ',' && startsTypePhrase(text, skipWS(text, j+1, 1)) {
			break
		}
		w := wordAt(text, j)
		if (w == "ngày" || w == "số") && j > q && isWS(text[j-1]) {
			if w == "ngày" {
				if d, e, ok := ngayDateAt(text, j); ok {
					title, tEnd, date, end = text[q:j], j, d, e
					break
				}
			} else {
				k := skipWS(text, j+len(w), 0)
				if k < len(text) && isDigit(text[k]) {
					if s, ok := parseSymbol(text, k); ok && strings.HasPrefix(s.Issuer, "QH") {
						title, tEnd, sym, hasSym, end = text[q:j], j, s, true, s.End
						taken[k] = true
						e2 := skipWS(text, s.End, 1)
						if d, e, ok := ngayDateAt(text, e2); ok {
							date, end = d, e
						}
						break
					}
				}
			}
		}
		if w != "" {
			j += len(w)
		} else {
			_, n := utf8.DecodeRuneInString(text[j:])
			j += n
		}
	}
	if title != "" {
		t := strings.Join(strings.Fields(title), " ")
		t = strings.TrimSuffix(strings.TrimSuffix(t, ","), " số")
		// the title must look like a name, or be a known one
		if !capitalised(t) && len(reg().byTitle[lawKey(t)]) == 0 {
			return nil
		}
		if reg().byTitle[lawKey(t)] == nil {
			// A known title followed by more words before the date is
			// the known law mentioned without its date.
			if k, n := knownLawPrefix(text, q); n > 0 && !emptyRest(text[q+n:tEnd]) {
				if hasSym {
					delete(taken, sym.Start)
				}
				title, end, date, hasSym = k, q+n, "", false
				t = k
			}
		}
		if !upper && len(reg().byTitle[lawKey(t)]) == 0 {
			return nil
		}
		title = t
	} else {
		k, n := knownLawPrefix(text, q)
		if n > 0 {
			title, end = k, q+n
		} else if !upper {
			return nil
		} else {
			t, e := capitalisedRun(text, q)
			if t == "" {
				return nil
			}
			title, end = t, e
		}
	}
	nt := normLawTitle(title)
	if typ == "Bộ luật" {
		nt = "Bộ l" + strings.TrimPrefix(nt, "L")
	}
	m := &mention{law: true, typ: typ, title: nt, date: date, span: corpus.Span{Start: start, End: end}, end: end}
	if date == "" {
		// "Luật Giao dịch điện tử năm 2023": the year tells same-named
		// laws apart.
		k := skipWS(text, end, 0)
		if w := wordAt(text, k); w == "năm" {
			k = skipWS(text, k+len(w), 0)
			if y, e, ok := numAt(text, k, 4); ok && e-k == 4 && y >= 1945 && y <= 2100 {
				m.year = text[k:e]
			}
		}
	}
	if hasSym {
		m.sym, m.hasSym = sym, true
		m.law = true
	}
	// issuer clause is not used for laws (always Quốc hội)
	return m
}

// emptyRest reports whether the words between a known law title and its
// date are only a blank number ("Luật Công nghệ thông tin số ngày ...").
func emptyRest(s string) bool {
	s = strings.Trim(strings.TrimSpace(s), ",")
	return s == "" || s == "số"
}

func capitalised(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) || strings.HasPrefix(t, "sửa đổi")
}

// knownLawPrefix returns the longest registry law title (or alias) that
// text[q:] starts with, case-insensitively, and its byte length there.
func knownLawPrefix(text string, q int) (string, int) {
	best, bestN := "", 0
	for k := range reg().byTitle {
		n := prefixFold(text[q:], k)
		if n > bestN {
			best, bestN = k, n
		}
	}
	return best, bestN
}

// prefixFold reports the byte length of the prefix of s that equals key
// (lower case, single spaces) ignoring case and folding white space, and
// ending at a word boundary; 0 when none.
func prefixFold(s, key string) int {
	i, k := 0, 0
	for k < len(key) {
		if i >= len(s) {
			return 0
		}
		if key[k] == ' ' {
			if !isWS(s[i]) {
				return 0
			}
			for i < len(s) && isWS(s[i]) {
				i++
			}
			k++
			continue
		}
		r1, n1 := utf8.DecodeRuneInString(s[i:])
		r2, n2 := utf8.DecodeRuneInString(key[k:])
		if unicode.ToLower(r1) != r2 {
			return 0
		}
		i += n1
		k += n2
	}
	if i < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return 0
		}
	}
	return i
}

var lawStop = map[string]bool{"để": true, "về": true, "và": true, "của": true, "trong": true, "theo": true,
	"năm": true, "đã": true, "được": true, "tại": true, "với": true, "thì": true, "là": true, "có": true, "số": true, "ngày": true}

// capitalisedRun reads an unknown law name without a date: a capitalised
// first word, then words up to punctuation or a function word.
func capitalisedRun(text string, q int) (string, int) {
	r, _ := utf8.DecodeRuneInString(text[q:])
	if !unicode.IsUpper(r) {
		return "", q
	}
	var parts []string
	end := q
	j := q
	for len(parts) < 8 && j < len(text) {
		w := wordAt(text, j)
		if w == "" || lawStop[strings.ToLower(w)] || (len(parts) > 0 && startsTypePhrase(text, j)) {
			break
		}
		parts = append(parts, w)
		end = j + len(w)
		if end >= len(text) || text[end] != ' ' {
			break
		}
		j = end + 1
	}
	if len(parts) < 2 {
		return "", q
	}
	return strings.Join(parts, " "), end
}

// normLawTitle returns a law's title as "Luật X": the registry's spelling
// when known (aliases mapped to the real title), else X with a capital.
func normLawTitle(t string) string {
	t = strings.Join(strings.Fields(t), " ")
	if ids := reg().byTitle[lawKey(t)]; len(ids) > 0 {
		return reg().all[ids[0]].Title
	}
	t = strings.TrimPrefix(t, "Luật ")
	r, n := utf8.DecodeRuneInString(t)
	return "Luật " + string(unicode.ToUpper(r)) + t[n:]
}

// ---- own document ------------------------------------------------------

// ownLine reports whether a line names the document itself: "Số: ...",
// "(Kèm theo ...)", "(Ban hành kèm theo ...)".
func ownLine(l string) bool {
	l = strings.TrimLeft(l, " \t")
	if len(l) < 4 {
		return false
	}
	if l[0] == '(' {
		l = strings.ToLower(strings.TrimLeft(l[1:], " \t"))
		l = strings.TrimPrefix(l, "ban hành ")
		return strings.HasPrefix(l, "kèm theo")
	}
	if strings.HasPrefix(l, "Số") || strings.HasPrefix(l, "số") || strings.HasPrefix(l, "SỐ") {
		l = strings.TrimLeft(l[len("Số"):], " \t")
		return strings.HasPrefix(l, ":")
	}
	return false
}

// ownSymbols returns the document's own symbols: the meta number, and the
// symbols on "Số:" lines and "(Kèm theo ...)" appendix heading lines.
func ownSymbols(text string, ms []*mention, own string) []symbol {
	var out []symbol
	if own != "" {
		c := CanonicalSymbol(own)
		for i := 0; i < len(c); i++ {
			if isDigit(c[i]) {
				if s, ok := parseSymbol(c, i); ok {
					out = append(out, s)
				}
				break
			}
		}
	}
	for i := 0; i < len(text); {
		e := strings.IndexByte(text[i:], '\n')
		if e < 0 {
			e = len(text)
		} else {
			e += i
		}
		line := text[i:e]
		start := i
		i = e + 1
		if !ownLine(line) {
			continue
		}
		end := e
		if end-start > 400 {
			end = start + 400
		}
		for _, m := range ms {
			if m.hasSym && !m.back && m.sym.Start >= start && m.sym.Start < end {
				out = append(out, m.sym)
				break // the first symbol of the line is the document's
			}
		}
	}
	return out
}

func isOwn(s symbol, owns []symbol) bool {
	for _, o := range owns {
		if s.Canon == o.Canon || (s.Num == o.Num && s.Year == o.Year && s.Type == o.Type && family(s.Issuer) == family(o.Issuer)) {
			return true
		}
	}
	return false
}
