package structure

import (
	"kehoach/internal/lazyre"
	"strings"
	"unicode"
	"unicode/utf8"

	"kehoach/corpus"
)

// Section kinds, outermost first. A heading closes every open section of
// the same or an inner kind; its parent is the nearest open section of an
// outer kind.
const (
	rankAnnex   = iota // Phụ lục
	rankPart           // Phần
	rankChapter        // Chương
	rankRoman          // I. II.
	rankArticle        // Điều 1.
	rankArabic         // 1. 2)
	rankDotted         // 1.1, then 1.1.1 one deeper
	rankLetter  = rankDotted + 4
)

var (
	annexRE   = lazyre.New(`^(?i:phụ lục)(?:\s+(?:(?i:số)\s+)?([0-9]{1,2}[a-z]?|[IVXLC]{1,6}|[A-Z]))?(?:\s*[.:\-–]\s*|\s+|$)(.*)$`)
	partRE    = lazyre.New(`^(?i:phần)\s+([IVXLC]{1,6}|[0-9]{1,2}|thứ\s+\p{L}+)(?:\s*[.:\-–]\s*|\s+|$)(.*)$`)
	chapterRE = lazyre.New(`^(?i:chương)\s+([IVXLC]{1,6}|[0-9]{1,2})(?:\s*[.:\-–]\s*|\s+|$)(.*)$`)
	romanRE   = lazyre.New(`^([IVXLC]{1,6})\s*[.)/]\s+(\S.*)$`)
	articleRE = lazyre.New(`^Điều\s+([0-9]{1,3})\s*[.:]\s*(.*)$`)
	arabicRE  = lazyre.New(`^([0-9]{1,2})\s*[.)]\s+(\S.*)$`)
	dottedRE  = lazyre.New(`^([0-9]{1,2}(?:\.[0-9]{1,2}){1,3})\.?\s+(\S.*)$`)
	letterRE  = lazyre.New(`^([a-zđ])(?:\s*\)|\.)\s+(\S.*)$`)
)

// Sections returns the section tree of text in document order: Phần,
// Chương, I/II/III, Điều, 1/2/3, 1.1 and 1.1.1, a/b/c, and Phụ lục. A
// heading is a line starting with its number; when the line holds only
// the number ("Phần I", "PHỤ LỤC 2") the heading is the paragraph after
// it and Span covers both. Body runs from the heading to the next heading
// of the same or an outer kind.
func Sections(text string) []corpus.Section {
	var secs []corpus.Section
	var ranks []int
	var stack []int // indexes into secs
	closeTo := func(rank, at int) {
		for len(stack) > 0 && ranks[stack[len(stack)-1]] >= rank {
			secs[stack[len(stack)-1]].Body.End = trimEnd(text, at)
			stack = stack[:len(stack)-1]
		}
	}
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		line := text[off:end]
		lead := len(line) - len(strings.TrimLeft(line, " \t*#"))
		if rank, num, head, ok := heading(strings.TrimRight(line[lead:], " \t*")); ok && lineStart(text, off) {
			span := corpus.Span{Start: off + lead, End: off + len(strings.TrimRight(line, " \t*"))}
			if head == "" {
				if hs, he, ok := nextParagraph(text, end); ok {
					head = foldSpace(text[hs:he])
					span.End = he
				}
			}
			head = shortHeading(head)
			closeTo(rank, off)
			parent := -1
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			secs = append(secs, corpus.Section{
				Number:  num,
				Heading: head,
				Level:   len(stack) + 1,
				Parent:  parent,
				Span:    span,
				Body:    corpus.Span{Start: span.Start, End: len(text)},
			})
			ranks = append(ranks, rank)
			stack = append(stack, len(secs)-1)
		}
		off = end + 1
	}
	closeTo(-1, len(text))
	return secs
}

// lineStart reports whether off begins a paragraph or a line after one
// that ended a sentence, so that a number wrapped to the start of a line
// ("... tăng\n2. lần") is not a heading. Text from Repair has no such
// wraps; the check guards unrepaired text.
func lineStart(text string, off int) bool {
	if off == 0 {
		return true
	}
	prev := strings.TrimRight(text[:off-1], " \t")
	if prev == "" || strings.HasSuffix(prev, "\n") {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(prev)
	return !unicode.IsLower(r) || strings.ContainsRune(".;:!?", r)
}

// heading recognises a heading line and returns its kind, number and the
// heading text after the number ("" when the line is only the number).
func heading(l string) (rank int, num, head string, ok bool) {
	if l == "" {
		return 0, "", "", false
	}
	// Each pattern must match at the first character: only those that
	// can are tried (most lines start like none of them).
	first, _ := utf8.DecodeRuneInString(l)
	if first == 'p' || first == 'P' {
		if m := annexRE.FindStringSubmatch(l); m != nil {
			// "Phụ lục" opens a heading only when it names the annex and
			// stops, or is followed by a title in capitals or after a colon.
			rest := strings.TrimSpace(m[2])
			if rest != "" && !isCaps(rest) && !strings.ContainsAny(l[:len(l)-len(m[2])], ":-–") {
				return 0, "", "", false
			}
			num = "Phụ lục"
			if m[1] != "" {
				num += " " + m[1]
			}
			return rankAnnex, num, rest, true
		}
		if m := partRE.FindStringSubmatch(l); m != nil {
			return rankPart, "Phần " + m[1], strings.TrimSpace(m[2]), true
		}
	}
	if first == 'c' || first == 'C' {
		if m := chapterRE.FindStringSubmatch(l); m != nil {
			return rankChapter, "Chương " + m[1], strings.TrimSpace(m[2]), true
		}
	}
	if first == 'Đ' {
		if m := articleRE.FindStringSubmatch(l); m != nil {
			return rankArticle, "Điều " + m[1], strings.TrimSpace(m[2]), true
		}
	}
	if strings.ContainsRune("IVXLC", first) {
		if m := romanRE.FindStringSubmatch(l); m != nil && validRoman(m[1]) {
			return rankRoman, m[1], m[2], true
		}
	}
	if first >= '0' && first <= '9' {
		if m := dottedRE.FindStringSubmatch(l); m != nil && startsText(m[2]) {
			return rankDotted + strings.Count(m[1], ".") - 1, m[1], m[2], true
		}
		if m := arabicRE.FindStringSubmatch(l); m != nil && startsText(m[2]) {
			return rankArabic, m[1], m[2], true
		}
	}
	if first >= 'a' && first <= 'z' || first == 'đ' {
		if m := letterRE.FindStringSubmatch(l); m != nil && startsText(m[2]) && (strings.Contains(l[:3], ")") || unicode.IsUpper([]rune(m[2])[0])) {
			return rankLetter, m[1], m[2], true
		}
	}
	return 0, "", "", false
}

// startsText reports whether a numbered line goes on with words, not
// with more figures ("1. 250 triệu" is a list of numbers, not a heading).
func startsText(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || r == '"' || r == '“' || r == '('
}

var romanValue = map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}

// validRoman accepts well-formed Roman numerals up to 399.
func validRoman(s string) bool {
	if s == "" {
		return false
	}
	total, prev := 0, 0
	for i := len(s) - 1; i >= 0; i-- {
		v := romanValue[s[i]]
		if v < prev {
			total -= v
		} else {
			total += v
			prev = v
		}
	}
	return total > 0 && total < 400 && toRoman(total) == s
}

func toRoman(n int) string {
	vals := []int{100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// nextParagraph finds the paragraph after the line ending at end: its
// lines up to an empty line, at most 3 lines and 300 bytes.
func nextParagraph(text string, end int) (int, int, bool) {
	i := end
	for i < len(text) && (text[i] == '\n' || text[i] == ' ') {
		i++
	}
	if i >= len(text) {
		return 0, 0, false
	}
	start, j := i, i
	for n := 0; n < 3 && j < len(text); n++ {
		k := strings.IndexByte(text[j:], '\n')
		if k < 0 {
			k = len(text) - j
		}
		line := strings.TrimSpace(text[j : j+k])
		if line == "" || (n > 0 && (markerLine.MatchString(line) || !isCaps(line))) {
			break
		}
		if _, _, _, ok := heading(line); ok {
			if n == 0 {
				return 0, 0, false
			}
			break
		}
		j += k
		if j-start > 300 || j >= len(text) {
			break
		}
		j++
	}
	e := strings.TrimRight(text[start:j], " \n")
	if e == "" {
		return 0, 0, false
	}
	return start, start + len(e), true
}

// shortHeading keeps the heading proper of a numbered line: the words
// before a colon ("Mục tiêu chung: Hoàn thiện ...") or the first 160
// characters on a word boundary.
func shortHeading(h string) string {
	h = strings.TrimSpace(h)
	if i := strings.Index(h, ": "); i > 0 && utf8.RuneCountInString(h[:i]) <= 100 {
		return h[:i]
	}
	h = strings.TrimRight(h, ":")
	if utf8.RuneCountInString(h) <= 160 {
		return h
	}
	r := []rune(h)[:160]
	s := string(r)
	if i := strings.LastIndexByte(s, ' '); i > 80 {
		s = s[:i]
	}
	return s + " …"
}

func foldSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// trimEnd moves a body end back over the blank lines before the next
// heading.
func trimEnd(text string, at int) int {
	for at > 0 && (text[at-1] == '\n' || text[at-1] == ' ') {
		at--
	}
	return at
}
