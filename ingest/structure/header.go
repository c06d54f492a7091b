package structure

import (
	"kehoach/internal/lazyre"
	"strings"
	"unicode"
	"unicode/utf8"

	"kehoach/corpus"
)

// headLimit is how far into the text the header block is looked for.
const headLimit = 6000

var (
	mottoRE  = lazyre.New(`(?i)^\**\s*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`)
	mottoRE2 = lazyre.New(`(?i)^\**\s*Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc`)
	numberRE = lazyre.New(`^\**\s*Số\s*:\s*([0-9A-Za-zĐđ./\-_ ]*?[0-9A-Za-zĐđ/])\s*\**$`)
	dateRE   = lazyre.New(`^\**\s*\*?([\p{L} .'-]{2,40}?),\s*(ngày\s+[0-9]{1,2}\s+tháng\s+[0-9]{1,2}\s+năm\s+[0-9]{4})`)
	typeRE   = lazyre.New(`^\**\s*(QUYẾT ĐỊNH|KẾ HOẠCH|NGHỊ QUYẾT|CHỈ THỊ|THÔNG BÁO|BÁO CÁO|TỜ TRÌNH|ĐỀ ÁN|CHƯƠNG TRÌNH|HƯỚNG DẪN|CÔNG VĂN|QUY CHẾ|QUY ĐỊNH|NGHỊ ĐỊNH|THÔNG TƯ)\s*\**$`)
	vvRE     = lazyre.New(`^\**\s*(V/v|Về việc)\s+(.+)$`)
	titleRE  = lazyre.New(`^\**\s*(TM\.|KT\.|Q\.|TL\.|TUQ\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|BỘ TRƯỞNG|THỨ TRƯỞNG|CHÁNH VĂN PHÒNG|TRƯỞNG BAN)`)
	dashLine = lazyre.New(`^[\s\-–—_=*o0O.]*$`)
)

// Header reads the header block of an administrative document: the
// issuing body and the national motto at the top, the symbol ("Số:"),
// place and date line, the document type and its summary (trích yếu),
// and the first signature block (title lines and the signer's name). It
// returns nil when none of these is found.
func Header(text string) *corpus.Header {
	lines := splitLines(text)
	h := &corpus.Header{}
	found := false
	set := func(f **corpus.Field, txt string, span corpus.Span) {
		if *f == nil && strings.TrimSpace(txt) != "" && span.Start < span.End && span.Valid(text) {
			*f = &corpus.Field{Text: foldSpace(strings.Trim(txt, "* ")), Span: span}
			found = true
		}
	}
	var issuer []line
	typeAt := -1
	for i, l := range lines {
		if l.start > headLimit {
			break
		}
		t := strings.TrimSpace(l.text)
		if _, _, _, ok := heading(t); ok && !typeRE.MatchString(t) {
			break // the body has begun
		}
		switch {
		case mottoRE.MatchString(t):
			span := l.span()
			txt := t
			if i+1 < len(lines) && mottoRE2.MatchString(strings.TrimSpace(lines[i+1].text)) {
				span.End = lines[i+1].span().End
				txt += " " + strings.TrimSpace(lines[i+1].text)
			}
			set(&h.Motto, txt, span)
		case numberRE.MatchString(t):
			m := numberRE.FindStringSubmatchIndex(t)
			off := l.start + len(l.text) - len(strings.TrimLeft(l.text, " "))
			set(&h.Number, t[m[2]:m[3]], corpus.Span{Start: off + m[2], End: off + m[3]})
		case dateRE.MatchString(t) && h.Date == nil:
			m := dateRE.FindStringSubmatchIndex(t)
			off := l.start + len(l.text) - len(strings.TrimLeft(l.text, " "))
			place := strings.Trim(t[m[2]:m[3]], "* ")
			if !strings.Contains(strings.ToLower(place), "số") {
				set(&h.Place, place, corpus.Span{Start: off + strings.Index(t, place), End: off + strings.Index(t, place) + len(place)})
				set(&h.Date, t[m[4]:m[5]], corpus.Span{Start: off + m[4], End: off + m[5]})
			}
		case typeRE.MatchString(t) && h.Type == nil:
			set(&h.Type, typeRE.FindStringSubmatch(t)[1], l.span())
			typeAt = i
		case vvRE.MatchString(t) && h.Summary == nil:
			// "V/v ..." of a công văn, with its wrapped lines.
			end := i
			for end+1 < len(lines) && strings.TrimSpace(lines[end+1].text) != "" && !strings.HasSuffix(strings.TrimSpace(lines[end].text), ":") {
				end++
			}
			span := corpus.Span{Start: l.start, End: lines[end].span().End}
			m := vvRE.FindStringSubmatchIndex(t)
			off := l.start + len(l.text) - len(strings.TrimLeft(l.text, " "))
			span.Start = off + m[4]
			set(&h.Summary, text[span.Start:span.End], span)
			if h.Type == nil && h.Summary != nil {
				h.Type = &corpus.Field{Text: "Công văn", Span: corpus.Span{Start: off + m[2], End: off + m[3]}}
			}
		case h.Motto == nil && h.Number == nil && typeAt < 0 && isCaps(t) && !dashLine.MatchString(t) && len(issuer) < 4:
			issuer = append(issuer, l)
		}
	}
	if len(issuer) > 0 {
		var parts []string
		for _, l := range issuer {
			parts = append(parts, strings.TrimSpace(l.text))
		}
		set(&h.Issuer, strings.Join(parts, " "), corpus.Span{Start: issuer[0].span().Start, End: issuer[len(issuer)-1].span().End})
	}
	// The summary of a typed document: the paragraph after its type line.
	if typeAt >= 0 && h.Summary == nil {
		if s, e, ok := nextParagraph(text, lines[typeAt].start+len(lines[typeAt].text)); ok {
			if p := strings.TrimSpace(text[s:e]); !strings.HasPrefix(p, "Căn cứ") && !numberRE.MatchString(p) {
				set(&h.Summary, p, corpus.Span{Start: s, End: e})
			}
		}
	}
	signature(text, lines, h, &found)
	if !found {
		return nil
	}
	return h
}

// signature reads the first signature block: title lines ("TM. ỦY BAN
// NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") and the name after them.
func signature(text string, lines []line, h *corpus.Header, found *bool) {
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i].text)
		if !isCaps(t) || !titleRE.MatchString(t) { // the cheap test first
			continue
		}
		// Title lines run on while they are in capitals.
		j := i
		for j+1 < len(lines) && isCaps(strings.TrimSpace(lines[j+1].text)) && titleLike(lines[j+1].text) {
			j++
		}
		var parts []string
		for k := i; k <= j; k++ {
			parts = append(parts, strings.Trim(strings.TrimSpace(lines[k].text), "*"))
		}
		title := &corpus.Field{Text: foldSpace(strings.Join(parts, " ")), Span: corpus.Span{Start: lines[i].span().Start, End: lines[j].span().End}}
		// The name: the next non-empty line within a few lines, 2 to 6
		// words each starting with a capital, no digits.
		var name *corpus.Field
		for k := j + 1; k < len(lines) && k <= j+8; k++ {
			n := strings.Trim(strings.TrimSpace(lines[k].text), "*")
			if n == "" || dashLine.MatchString(n) || strings.HasPrefix(n, "(") {
				continue
			}
			if personName(n) {
				sp := lines[k].span()
				sp.Start += strings.Index(text[sp.Start:sp.End], n)
				sp.End = sp.Start + len(n)
				name = &corpus.Field{Text: n, Span: sp}
			}
			break
		}
		// A title with no name after it and no TM./KT. prefix is the
		// authority line of a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"),
		// not a signature.
		if name == nil && !strings.ContainsAny(strings.SplitN(t, " ", 2)[0], ".") {
			i = j
			continue
		}
		h.SignerTitle, h.Signer = title, name
		*found = true
		return
	}
}

// titleLike reports a signature title line: short capitals, no sentence.
func titleLike(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && utf8.RuneCountInString(s) <= 60 && !strings.ContainsAny(s, ":;,")
}

// personName reports a line that reads as a Vietnamese personal name.
func personName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 6 {
		return false
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return false
		}
	}
	return !titleRE.MatchString(s)
}

// line is one line of the text and its offset.
type line struct {
	text  string
	start int
}

func (l line) span() corpus.Span {
	t := strings.TrimRight(l.text, " ")
	lead := len(t) - len(strings.TrimLeft(t, " "))
	return corpus.Span{Start: l.start + lead, End: l.start + len(t)}
}

func splitLines(text string) []line {
	out := make([]line, 0, strings.Count(text, "\n")+1)
	for off := 0; off <= len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			out = append(out, line{text[off:], off})
			break
		}
		out = append(out, line{text[off : off+end], off})
		off += end + 1
	}
	return out
}
