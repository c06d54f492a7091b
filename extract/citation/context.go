package citation

import (
	"kehoach/internal/lazyre"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"kehoach/corpus"
)

// context knows where the document's grounds are: the "Căn cứ" regions
// (a heading "I. CĂN CỨ ..." and its section, a paragraph starting
// "Căn cứ") and the footnotes whose marker sits in one.
type context struct {
	basis []corpus.Span // regions whose citations are grounds
	notes []corpus.Note
}

var noteLine = lazyre.New(`^[ \t]*((?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+)|(?:⁽[¹²³⁴⁵⁶⁷⁸⁹⁰]+⁾)|(?:\[\d+\]))[ \t]*\S`)

// numbered reports whether t starts with a heading number made of the
// given bytes followed by "." or ")" and a space: "II. ", "3) ".
func numbered(t, set string) bool {
	i := 0
	for i < len(t) && strings.IndexByte(set, t[i]) >= 0 {
		i++
	}
	if i == 0 || i > 6 {
		return false
	}
	for i < len(t) && t[i] == ' ' {
		i++
	}
	return i+1 < len(t) && (t[i] == '.' || t[i] == ')') && (t[i+1] == ' ' || t[i+1] == '\t')
}

func romanHead(t string) bool {
	return numbered(t, "IVXLC") || (len(t) > 3 && t[0] >= 'A' && t[0] <= 'Z' && (t[1] == '.' || t[1] == ')') && t[2] == ' ')
}
func digitHead(t string) bool { return numbered(t, "0123456789") }

func partHead(t string) bool {
	for _, p := range []string{"Phần ", "PHẦN ", "Điều ", "ĐIỀU ", "Chương ", "CHƯƠNG "} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// basisHeading reports whether a (lower-cased) heading opens the list of
// the document's grounds: "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH", "1. Cơ sở pháp lý".
func basisHeading(t string) bool {
	for _, w := range []string{"căn cứ", "cơ sở pháp lý", "cơ sở xây dựng", "cơ sở lập", "cơ sở ban hành", "cơ sở đề xuất"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// mayBeNote is a cheap test before the footnote pattern.
func mayBeNote(l string) bool {
	l = strings.TrimLeft(l, " \t")
	if l == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(l)
	return r == '[' || r == '⁽' || r == '¹' || r == '²' || r == '³' || (r >= '⁰' && r <= '⁹')
}

func newContext(text string, notes []corpus.Note) *context {
	ctx := &context{notes: notes}
	type line struct{ s, e int }
	var lines []line
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			j = len(text) - i
		}
		lines = append(lines, line{i, i + j})
		i += j + 1
	}
	trim := func(l line) string { return strings.TrimLeft(text[l.s:l.e], " \t-–•*") }
	open := -1
	kind := ""
	closeAt := func(end int) {
		if open >= 0 {
			ctx.basis = append(ctx.basis, corpus.Span{Start: open, End: end})
			open = -1
		}
	}
	for _, l := range lines {
		t := trim(l)
		isRoman, isDigit, isPart := romanHead(t), digitHead(t), partHead(t)
		if open >= 0 && (isPart || isRoman || (kind == "digit" && isDigit) || strings.HasPrefix(t, "QUYẾT ĐỊNH")) {
			closeAt(l.s)
		}
		if (isRoman || isDigit || isPart) && len(t) < 160 && basisHeading(strings.ToLower(t)) {
			open, kind = l.s, "roman"
			if isDigit {
				kind = "digit"
			}
			continue
		}
		if strings.HasPrefix(t, "Căn cứ") || strings.HasPrefix(t, "CĂN CỨ") {
			ctx.basis = append(ctx.basis, corpus.Span{Start: l.s, End: l.e})
		}
	}
	closeAt(len(text))
	// ingest's footnotes and the ones found here: a note whose marker
	// ingest could not link is still linked by its superscript.
	ctx.notes = append(append([]corpus.Note(nil), notes...), findNotes(text)...)
	return ctx
}

// findNotes finds footnotes written as a line starting with a
// superscript marker ("¹ Luật ...", "⁽²⁾ ...") and links each to the
// first other occurrence of its marker.
func findNotes(text string) []corpus.Note {
	var out []corpus.Note
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			j = len(text) - i
		}
		l := text[i : i+j]
		if !mayBeNote(l) {
			i += j + 1
			continue
		}
		if m := noteLine.FindStringSubmatchIndex(l); m != nil {
			marker := l[m[2]:m[3]]
			n := corpus.Note{Marker: marker, Span: corpus.Span{Start: i, End: i + j}}
			for k := 0; k < len(text); {
				p := strings.Index(text[k:], marker)
				if p < 0 {
					break
				}
				p += k
				if p != i+m[2] && !(p > 0 && text[p-1] == '\n') {
					n.Ref = &corpus.Span{Start: p, End: p + len(marker)}
					break
				}
				k = p + len(marker)
			}
			out = append(out, n)
		}
		i += j + 1
	}
	return out
}

func (ctx *context) inBasis(pos int) bool {
	for _, s := range ctx.basis {
		if pos >= s.Start && pos < s.End {
			return true
		}
	}
	return false
}

// role of a mention at pos: basis inside a basis region or inside a
// footnote whose marker is in one.
func (ctx *context) role(pos int) string {
	if ctx.inBasis(pos) {
		return RoleBasis
	}
	for _, n := range ctx.notes {
		if n.Ref != nil && pos >= n.Span.Start && pos < n.Span.End && ctx.inBasis(n.Ref.Start) {
			return RoleBasis
		}
	}
	return RoleMention
}

// relation words, nearest one before the citation wins.
var relWords = []struct{ w, rel string }{
	{"căn cứ", "basis"},
	{"bãi bỏ", "repeals"},
	{"thay thế", "replaces"},
	{"sửa đổi", "amends"},
	{"bổ sung", "amends"},
	{"thực hiện", "implements"},
	{"triển khai", "implements"},
	{"theo", "per"},
	{"quy định tại", "per"},
}

var pinRe = lazyre.New(`(?i)((?:(?:điểm\s+[a-zđ]\s*,?\s*)?(?:khoản\s+\d+\s*,?\s*)?điều\s+\d+[a-z]?)(?:\s*(?:,|và)\s*(?:(?:điểm\s+[a-zđ]\s*,?\s*)?(?:khoản\s+\d+\s*,?\s*)?điều\s+\d+[a-z]?))*)\s*(?:của\s+)?(?:các\s+)?$`)
var onePinRe = lazyre.New(`(?i)(?:điểm\s+[a-zđ]\s*,?\s*)?(?:khoản\s+\d+\s*,?\s*)?điều\s+\d+[a-z]?`)

// annotate sets role, relation and pinpoints of m from its context.
func (ctx *context) annotate(text string, m *mention) {
	m.role = ctx.role(m.span.Start)
	from := m.span.Start - 120
	if from < 0 {
		from = 0
	}
	for from < m.span.Start && !utf8.RuneStart(text[from]) {
		from++
	}
	w := text[from:m.span.Start]
	// the clause: after the last ";", sentence end or paragraph break
	cut := 0
	for _, sep := range []string{";", ". ", "\n\n", ".\n"} {
		if k := strings.LastIndex(w, sep); k >= 0 && k+len(sep) > cut {
			cut = k + len(sep)
		}
	}
	clause := strings.ToLower(w[cut:])
	best := -1
	for _, r := range relWords {
		k := strings.LastIndex(clause, r.w)
		if k < 0 {
			continue
		}
		if r.w == "theo" && !wordBounded(clause, k, len(r.w)) {
			continue
		}
		if k > best {
			best, m.rel = k, r.rel
		}
	}
	if m.rel == "" && m.role == RoleBasis {
		m.rel = "basis"
	}
	if !strings.Contains(w, "iều") && !strings.Contains(w, "IỀU") {
		return
	}
	if loc := pinRe.FindStringSubmatchIndex(w); loc != nil && loc[3] > loc[2] {
		for _, p := range onePinRe.FindAllString(w[loc[2]:loc[3]], -1) {
			m.pins = append(m.pins, normPin(p))
		}
	}
}

func wordBounded(s string, k, n int) bool {
	if k > 0 && !isWS(s[k-1]) && s[k-1] != '(' {
		return false
	}
	return k+n == len(s) || isWS(s[k+n])
}

// normPin folds spaces and writes "Điều" with a capital: "khoản 2 Điều 10".
func normPin(p string) string {
	fs := strings.Fields(strings.ReplaceAll(p, ",", " "))
	for i, f := range fs {
		switch strings.ToLower(f) {
		case "điều":
			fs[i] = "Điều"
		case "khoản", "điểm":
			fs[i] = strings.ToLower(f)
		}
	}
	return strings.Join(fs, " ")
}

// ---- grouping ----------------------------------------------------------

// group merges mentions into citations: one per document, split by date
// where dates tell documents apart, variants kept as aliases.
func group(text string, ms []*mention, ref string) []corpus.Citation {
	groups := map[string][]*mention{}
	var order []string
	for _, m := range ms {
		k := m.key()
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], m)
	}
	aliases := map[string][]string{}
	// Variants: the same number, year and type, issuer codes of one
	// family (900/QĐ-UBND and 900/QĐ-CTUBND); a short form without its
	// year naming the issuer the full one has (28/QĐ-TTg for
	// 28/2018/QĐ-... "của Thủ tướng Chính phủ").
	merged := map[string]string{}
	byNum := map[string][]string{} // keys sharing a number, in order
	for _, k := range order {
		if g := groups[k]; g[0].hasSym {
			byNum[g[0].sym.Num] = append(byNum[g[0].sym.Num], k)
		}
	}
	for _, a := range order {
		ga := groups[a]
		if merged[a] != "" || !ga[0].hasSym {
			continue
		}
		sa := ga[0].sym
		peers := byNum[sa.Num]
		for len(peers) > 0 && peers[0] != a {
			peers = peers[1:]
		}
		for _, b := range peers[1:] {
			gb := groups[b]
			if merged[b] != "" || !gb[0].hasSym {
				continue
			}
			sb := gb[0].sym
			if sa.Num != sb.Num || sa.Type != sb.Type || sa.Party != sb.Party {
				continue
			}
			same := sa.Year == sb.Year && family(sa.Issuer) == family(sb.Issuer)
			short := (sa.Year == "") != (sb.Year == "") && shortOf(ga, gb)
			if !same && !short {
				continue
			}
			merged[b] = a
			aliases[a] = append(aliases[a], b)
			groups[a] = append(groups[a], gb...)
		}
	}
	var out []*cit
	for _, k := range order {
		if merged[k] != "" {
			continue
		}
		g := groups[k]
		sort.SliceStable(g, func(i, j int) bool { return g[i].span.Start < g[j].span.Start })
		for _, part := range splitByDate(g) {
			c := build(text, part)
			for _, a := range aliases[k] {
				if a != c.Number && !contains(c.Aliases, a) {
					c.Aliases = append(c.Aliases, a)
				}
			}
			resolve(c, ref)
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	res := make([]corpus.Citation, 0, len(out))
	for _, c := range out {
		// Ingest hands over valid UTF-8; on anything else a span may end
		// inside a broken sequence, and such a record is dropped.
		if !c.Span.Valid(text) {
			continue
		}
		res = append(res, c.Citation)
	}
	return res
}

// shortOf reports whether one group is a short form of the other: the
// yearless symbol's issuer is the issuer the full one's text names.
func shortOf(ga, gb []*mention) bool {
	full, short := ga, gb
	if ga[0].sym.Year == "" {
		full, short = gb, ga
	}
	want := family(short[0].sym.Issuer)
	for _, m := range full {
		if family(m.sym.Issuer) == want || (m.issCode != "" && family(m.issCode) == want) {
			return true
		}
	}
	return false
}

// splitByDate partitions one symbol's mentions into documents.
func splitByDate(g []*mention) [][]*mention {
	var dates []string
	seen := map[string]bool{}
	for _, m := range g {
		if m.date != "" && !seen[m.date] {
			seen[m.date] = true
			dates = append(dates, m.date)
		}
	}
	if len(dates) < 2 {
		return [][]*mention{g}
	}
	// cluster id per date
	cl := map[string]int{}
	m0 := g[0]
	var regIdx []int
	if m0.hasSym {
		regIdx = reg().bySymbol[m0.sym.Canon]
	} else {
		regIdx = reg().byTitle[lawKey(m0.title)]
	}
	switch {
	case len(regIdx) >= 2:
		// the registry knows several documents: each date goes to its own
		for _, d := range dates {
			cl[d] = -1
			if picks := pickByDate(regIdx, d); len(picks) == 1 {
				cl[d] = picks[0]
			}
		}
	case len(regIdx) == 1 || !m0.hasSym || m0.sym.Year != "" || m0.sym.Party:
		// one document, its dates conflict
		for _, d := range dates {
			cl[d] = 0
		}
	default:
		// A yearless symbol is unique per issuer and year; dates in two
		// years are two documents unless the text gives both the same
		// subject (one document, a date written wrong).
		for _, d := range dates {
			cl[d] = atoi(d[:4])
		}
		subj := map[string][]string{}
		for _, m := range g {
			if m.date != "" && len(m.subject) > len(subj[m.date]) {
				subj[m.date] = m.subject
			}
		}
		for i, d := range dates {
			for _, e := range dates[:i] {
				if cl[d] != cl[e] && similar(subj[d], subj[e]) {
					old := cl[d]
					for _, x := range dates {
						if cl[x] == old {
							cl[x] = cl[e]
						}
					}
				}
			}
		}
	}
	var parts [][]*mention
	idx := map[int]int{}
	last := -1
	for _, m := range g {
		var c int
		if m.date != "" {
			c = cl[m.date]
		} else if last >= 0 {
			parts[last] = append(parts[last], m)
			continue
		} else {
			c = cl[dates[0]]
		}
		p, ok := idx[c]
		if !ok {
			p = len(parts)
			idx[c] = p
			parts = append(parts, nil)
		}
		parts[p] = append(parts[p], m)
		last = p
	}
	return parts
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// build makes one citation from its mentions (sorted by position).
func build(text string, ms []*mention) *cit {
	f := ms[0]
	// the first full mention carries the record (a back-reference may
	// come first only when the text is out of order)
	for _, m := range ms {
		if !m.back {
			f = m
			break
		}
	}
	c := &cit{ms: ms}
	c.Type = f.typ
	if f.hasSym {
		c.Number = f.sym.Canon
		c.year = f.sym.Year
	}
	if !f.law {
		// the subject the text gives: "Về việc phê duyệt Kế hoạch ..."
		for _, m := range ms {
			if m.subjText != "" {
				r, n := utf8.DecodeRuneInString(m.subjText)
				c.Title = string(unicode.ToUpper(r)) + m.subjText[n:]
				break
			}
		}
	}
	if f.law {
		c.Title = f.title
		for _, m := range ms {
			if c.lawYear == "" && m.year != "" {
				c.lawYear = m.year
			}
		}
	}
	c.Span = ms[0].span
	c.Count = len(ms)
	var dates []string
	seen := map[string]bool{}
	for _, m := range ms {
		if m.date != "" && !seen[m.date] {
			seen[m.date] = true
			dates = append(dates, m.date)
		}
		if m.role == RoleBasis {
			c.Role = RoleBasis
		}
		if c.Issuer == "" && m.issuer != "" {
			c.Issuer = m.issuer
		}
		if m.hasSym && m.sym.Canon != c.Number && !contains(c.Aliases, m.sym.Canon) && !m.back {
			c.Aliases = append(c.Aliases, m.sym.Canon)
		}
		for _, p := range m.pins {
			if !contains(c.Pinpoint, p) {
				c.Pinpoint = append(c.Pinpoint, p)
			}
		}
	}
	if c.Role == "" {
		c.Role = RoleMention
	}
	for _, m := range ms {
		if m.rel == "basis" {
			c.Relation = "basis"
			break
		}
	}
	if c.Relation == "" {
		for _, m := range ms {
			if m.rel != "" {
				c.Relation = m.rel
				break
			}
		}
	}
	switch len(dates) {
	case 0:
	case 1:
		c.Date = dates[0]
	default:
		sort.Strings(dates)
		c.Dates = dates
		c.addNote("conflicting dates in the text: " + strings.Join(dates, ", "))
	}
	if c.Issuer == "" && f.hasSym {
		if f.law || strings.HasPrefix(f.sym.Issuer, "QH") {
			c.Issuer = "Quốc hội"
		} else {
			c.Issuer = IssuerName(f.sym.Issuer)
		}
	}
	if c.Issuer == "" && f.law {
		c.Issuer = "Quốc hội"
	}
	c.Span = ms[0].span
	for _, m := range ms {
		if !m.back {
			c.Span = m.span
			break
		}
	}
	c.Quote = text[c.Span.Start:c.Span.End]
	for _, m := range ms {
		e := m.span.End
		if m.end > e {
			e = m.end
		}
		if m.extEnd > e {
			e = m.extEnd
		}
		c.Mentions = append(c.Mentions, corpus.Span{Start: m.span.Start, End: e})
	}
	return c
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
