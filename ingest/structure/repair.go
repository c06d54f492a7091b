package structure

import (
	"kehoach/internal/lazyre"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Stats counts what Repair changed, so a caller can report it.
type Stats struct {
	Chars     int // characters replaced or dropped: odd spaces, zero-width, odd hyphens
	Bullets   int // line-initial bullets (•, –, —, ...) rewritten as "-"
	Joins     int // line wraps inside a sentence joined with a space
	WordJoins int // line wraps inside a word or number joined without a space
	PageJoins int // sentences split by a blank line (a page break) joined
	Footnotes int // footnotes moved out of the running text to the end
}

// Repair unifies line ends, spaces and bullets, moves footnotes that
// interrupt the running text to the end, and joins hard line wraps inside
// sentences, words and numbers. It never changes meaning: a line is only
// joined to the next when the break cannot end a paragraph, a list item,
// a heading or a table cell (see joinable). Lines holding only spaces
// (empty cells of flattened tables) and Markdown pipe lines are kept.
func Repair(s string) string {
	out, _ := RepairStats(s)
	return out
}

// RepairStats is Repair that also counts its changes.
func RepairStats(s string) (string, Stats) {
	var st Stats
	s = normChars(s, &st)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if nl, ok := normBullet(l); ok {
			lines[i] = nl
			st.Bullets++
		}
	}
	lines = moveFootnotes(lines, &st)
	lines = joinWraps(lines, &words{lines: lines}, &st)
	return strings.Join(lines, "\n"), st
}

// normChars unifies line ends, odd spaces, zero-width characters and odd
// hyphens. Runs of spaces are kept: "Số:      /STTTT" keeps its blank.
func normChars(s string, st *Stats) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	start := 0 // s[start:i] is copied as it is
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && c != '\v' && c != '\f' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		repl, count := "", true
		switch {
		case r == '\u00a0' || r == '\u202f' || r == '\u205f' || r == '\u3000' || (r >= '\u2000' && r <= '\u200a'):
			repl = " "
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
		case r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2212':
			repl = "-"
		case r == '\v' || r == '\f':
			repl = "\n"
		case r == utf8.RuneError && n == 1:
			repl, count = string(utf8.RuneError), false // a byte that is not UTF-8
		default:
			i += n
			continue
		}
		if start == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[start:i])
		b.WriteString(repl)
		if count {
			st.Chars++
		}
		i += n
		start = i
	}
	if start == 0 {
		return s
	}
	b.WriteString(s[start:])
	return b.String()
}

// bulletRunes are the characters documents use as list bullets. "+" is a
// bullet too but marks a second list level, so it is kept as written.
const bulletRunes = "•●▪◦∙·–—\uf0b7\uf0a7\uf0d8\uf076\uf0fc"

// normBullet rewrites a line-initial bullet followed by a space as "-".
func normBullet(l string) (string, bool) {
	t := strings.TrimLeft(l, " \t")
	r, n := utf8.DecodeRuneInString(t)
	if n == 0 || !strings.ContainsRune(bulletRunes, r) {
		return l, false
	}
	rest := t[n:]
	if rest == "" || (rest[0] != ' ' && rest[0] != '\t') {
		return l, false
	}
	return l[:len(l)-len(t)] + "-" + rest, true
}

// Footnotes. A footnote is a paragraph that starts with a superscript
// marker ("¹ ", "⁽²⁾ ") whose marker also stands, earlier, right after a
// word of the running text. Converters leave it where the page ended,
// often in the middle of a sentence.

var noteStart = lazyre.New(`^\s*([¹²³⁴⁵⁶⁷⁸⁹⁰]+|⁽[¹²³⁴⁵⁶⁷⁸⁹⁰]+⁾)\s`)

// moveFootnotes moves footnote paragraphs to the end of the text, in
// their order, so that the sentence they interrupted closes up again.
func moveFootnotes(lines []string, st *Stats) []string {
	type para struct{ from, to int } // lines[from:to]
	var notes []para
	for i := 0; i < len(lines); i++ {
		if !isEmpty(lines[i]) && (i == 0 || isEmpty(lines[i-1])) {
			m := noteStart.FindStringSubmatch(lines[i])
			if m == nil || !markerBefore(lines[:i], m[1]) {
				continue
			}
			j := i + 1
			for j < len(lines) && !isEmpty(lines[j]) {
				j++
			}
			notes = append(notes, para{i, j})
			i = j - 1
		}
	}
	if len(notes) == 0 {
		return lines
	}
	// Leave notes already at the end alone.
	last := len(lines)
	for last > 0 && isEmpty(lines[last-1]) {
		last--
	}
	if notes[len(notes)-1].to >= last {
		tail := notes[len(notes)-1]
		notes = notes[:len(notes)-1]
		if len(notes) == 0 {
			return lines
		}
		last = tail.from
		for last > 0 && isEmpty(lines[last-1]) {
			last--
		}
	}
	var body, moved []string
	prev := 0
	for _, n := range notes {
		body = append(body, lines[prev:n.from]...)
		// Drop the blank line the note leaves behind.
		prev = n.to
		if prev < len(lines) && lines[prev] == "" && len(body) > 0 && body[len(body)-1] == "" {
			prev++
		}
		if len(moved) > 0 {
			moved = append(moved, "")
		}
		moved = append(moved, lines[n.from:n.to]...)
		st.Footnotes++
	}
	body = append(body, lines[prev:]...)
	for len(body) > 0 && isEmpty(body[len(body)-1]) && body[len(body)-1] == "" {
		body = body[:len(body)-1]
	}
	body = append(body, "")
	body = append(body, moved...)
	body = append(body, "")
	return body
}

// markerBefore reports whether marker stands right after a non-space
// character in lines.
func markerBefore(lines []string, marker string) bool {
	for _, l := range lines {
		for off := 0; ; {
			i := strings.Index(l[off:], marker)
			if i < 0 {
				break
			}
			i += off
			if i > 0 {
				r, _ := utf8.DecodeLastRuneInString(l[:i])
				if !unicode.IsSpace(r) && !isSuperscript(r) {
					return true
				}
			}
			off = i + len(marker)
		}
	}
	return false
}

func isSuperscript(r rune) bool { return strings.ContainsRune("¹²³⁴⁵⁶⁷⁸⁹⁰⁽⁾", r) }

// isEmpty reports a line with nothing at all. A line of spaces is not
// empty: flattened tables use it for an empty cell.
func isEmpty(l string) bool { return l == "" }

func isBlank(l string) bool { return strings.TrimSpace(l) == "" }

// Line wraps.

// markerLine matches lines that start a list item, heading or the like:
// a line starting this way is never joined to the line before it.
var markerLine = lazyre.New(`^\s*(?:` +
	`[-+*•–—>#|(\[]` + // bullets, quotes, Markdown, parenthesised numbers and notes
	`|\d+(?:\.\d+)*[.)](?:\s|$)` + // 1. 1) 1.1.
	`|\d+(?:\.\d+)+(?:\s|$)` + // 1.1 Heading
	`|[a-zđ][.)](?:\s|$)` + // a) b.
	`|[IVXLC]+[.)/](?:\s|$)` + // II. III)
	`|(?i:phần|chương|mục|điều|phụ lục|căn cứ|nơi nhận|kính gửi|biểu|mẫu|ghi chú|chú thích)(?:\s|$|[.:])` +
	`|(?:TM|KT|Q|TL|TUQ)\.\s` + // signature lines
	`)`)

// mayBeMarker is a cheap necessary condition for markerLine: after white
// space the line starts with a character one of its alternatives starts
// with (a lower-case letter only when "." or ")" follows, or when it
// starts one of the words).
func mayBeMarker(s string) bool {
	s = strings.TrimLeft(s, " \t\n\f\r")
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '+', '*', '•', '–', '—', '>', '#', '|', '(', '[',
		'I', 'V', 'X', 'L', 'C', // II. III)
		'T', 'K', 'Q', // TM. KT. Q. TL. TUQ.
		// the words, in either case (K also folds to the Kelvin sign)
		'p', 'P', 'c', 'm', 'M', 'đ', 'Đ', 'n', 'N', 'k', '\u212a', 'b', 'B', 'g', 'G':
		return true
	}
	if r >= '0' && r <= '9' {
		return true
	}
	if r >= 'a' && r <= 'z' {
		return n < len(s) && (s[n] == '.' || s[n] == ')')
	}
	return false
}

// headingOnly matches a line that is only a heading number: "PHỤ LỤC 2",
// "Phần I", "CHƯƠNG II:".
var headingOnly = lazyre.New(`^\s*(?i:phần|chương|mục|phụ lục|điều)(?:\s+[\dIVXLC]+)?\s*[.:]?\s*$`)

// mayBeHeadingOnly is a cheap necessary condition for headingOnly: after
// white space the line starts with the first letter of one of its words.
// It keeps joinable from running the regexp over every long paragraph.
func mayBeHeadingOnly(s string) bool {
	s = strings.TrimLeft(s, " \t\n\f\r")
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case 'p', 'P', 'c', 'C', 'm', 'M', 'đ', 'Đ':
		return true
	}
	return false
}

// numberedHeading matches a heading line numbered I. or 1. or 1.1.
var numberedHeading = lazyre.New(`^\s*(?:[IVXLC]+|\d+(?:\.\d+)*)[.)]\s+\S`)

// functionWords cannot end a Vietnamese sentence or heading: a line that
// ends with one of them continues on the next line even when the next
// starts with a capital ("của\nChính phủ").
var functionWords = map[string]bool{
	"của": true, "và": true, "các": true, "những": true, "với": true, "cho": true,
	"về": true, "trong": true, "theo": true, "tại": true, "từ": true, "đến": true,
	"tới": true, "ngày": true, "số": true, "là": true, "được": true,
	"để": true, "thuộc": true, "hoặc": true, "nhằm": true, "giữa": true, "vào": true,
	"qua": true, "do": true, "mà": true, "bởi": true, "cùng": true, "mọi": true,
	"mỗi": true, "từng": true, "đối": true, "như": true,
}

// onsets are Vietnamese initial consonants: a line ending in one of them
// alone ("c\nơ quan") split a syllable.
var onsets = map[string]bool{
	"b": true, "c": true, "ch": true, "d": true, "đ": true, "g": true, "gh": true,
	"h": true, "k": true, "kh": true, "l": true, "m": true, "n": true, "ng": true,
	"ngh": true, "nh": true, "p": true, "ph": true, "q": true, "r": true, "s": true,
	"t": true, "th": true, "tr": true, "v": true, "x": true,
}

// codas are Vietnamese final consonants: a line starting with one alone
// ("thô\nng tin") split a syllable.
var codas = map[string]bool{"c": true, "ch": true, "m": true, "n": true, "ng": true, "nh": true, "p": true, "t": true}

const vowels = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"

func isVowel(r rune) bool { return strings.ContainsRune(vowels, unicode.ToLower(r)) }

// words describes how words are used in the whole text; it decides joins
// of all-capital heading lines. A text asks it a few questions, so it
// keeps the words' places (tokenised on first use: most texts never need
// it) and answers the first scanQueries questions by a scan, comparing in
// lower case; a text that asks more (many capital lines) gets maps.
type words struct {
	lines   []string
	done    bool
	toks    []wordTok
	queries int
	// after scanQueries questions:
	ids     map[string]int32    // lower-case word -> its number
	bigrams map[uint64]struct{} // word numbers a<<32|b of "a b" seen inside one line
	ends    map[int32]struct{}  // words seen before punctuation or a paragraph end
}

const scanQueries = 16

// wordTok is a word: lines[line][start:end], a run of letters (and marks
// after the first letter).
type wordTok struct {
	line, start, end int32
	// linked: only spaces or tabs stand between the word before on the
	// line and this one ("a b" is a bigram).
	linked bool
	// ends: punctuation, or a paragraph end, follows the word.
	ends bool
}

func (w *words) text(t wordTok) string { return w.lines[t.line][t.start:t.end] }

// bigram reports whether lower-case a and b stand in this order, with
// only spaces between them, inside one line of the text.
func (w *words) bigram(a, b string) bool {
	if w.load() {
		ia, ok := w.ids[a]
		if !ok {
			return false
		}
		ib, ok := w.ids[b]
		if !ok {
			return false
		}
		_, ok = w.bigrams[pair(ia, ib)]
		return ok
	}
	for k := 1; k < len(w.toks); k++ {
		if w.toks[k].linked && eqLower(w.text(w.toks[k]), b) && eqLower(w.text(w.toks[k-1]), a) {
			return true
		}
	}
	return false
}

// end reports whether lower-case a ends a phrase somewhere in the text.
func (w *words) end(a string) bool {
	if w.load() {
		ia, ok := w.ids[a]
		if !ok {
			return false
		}
		_, ok = w.ends[ia]
		return ok
	}
	for _, t := range w.toks {
		if t.ends && eqLower(w.text(t), a) {
			return true
		}
	}
	return false
}

// eqLower reports whether strings.ToLower(tok) == w.
func eqLower(tok, w string) bool {
	var buf [utf8.UTFMax]byte
	for _, r := range tok {
		l := unicode.ToLower(r)
		if l < utf8.RuneSelf {
			if w == "" || w[0] != byte(l) {
				return false
			}
			w = w[1:]
			continue
		}
		n := utf8.EncodeRune(buf[:], l)
		if len(w) < n || w[:n] != string(buf[:n]) {
			return false
		}
		w = w[n:]
	}
	return w == ""
}

// load tokenises the text on the first question and builds the maps on
// question scanQueries+1; it reports whether the maps are there.
func (w *words) load() bool {
	if !w.done {
		w.toks = wordToks(w.lines)
		w.done = true
	}
	w.queries++
	if w.ids == nil && w.queries > scanQueries {
		w.ids = map[string]int32{}
		w.bigrams = map[uint64]struct{}{}
		w.ends = map[int32]struct{}{}
		var buf []byte
		prev := int32(-1)
		for _, t := range w.toks {
			buf = buf[:0]
			for _, r := range w.text(t) {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
			}
			id, ok := w.ids[string(buf)]
			if !ok {
				id = int32(len(w.ids))
				w.ids[string(buf)] = id
			}
			if t.linked {
				w.bigrams[pair(prev, id)] = struct{}{}
			}
			if t.ends {
				w.ends[id] = struct{}{}
			}
			prev = id
		}
	}
	return w.ids != nil
}

func pair(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// wordToks tokenises the text by hand: words are runs of letters; a
// bigram is two words with only spaces between them; a word ends a phrase
// when punctuation or a paragraph end follows it.
func wordToks(lines []string) []wordTok {
	n := 0
	for _, l := range lines {
		n += len(l)
	}
	toks := make([]wordTok, 0, n/5) // about one word in five bytes
	for i, l := range lines {
		prev := -1 // the word before, when only spaces followed it
		for k := 0; k < len(l); {
			r, n := utf8.DecodeRuneInString(l[k:])
			switch {
			case isLetter(r):
				j := k + n
				for j < len(l) {
					if c := l[j]; c < utf8.RuneSelf { // ASCII: a letter or the end
						if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
							j++
							continue
						}
						break
					}
					r2, n2 := utf8.DecodeRuneInString(l[j:])
					if !isLetter(r2) && !isMark(r2) {
						break
					}
					j += n2
				}
				toks = append(toks, wordTok{line: int32(i), start: int32(k), end: int32(j), linked: prev >= 0})
				prev = len(toks) - 1
				k = j
				continue
			case r == ' ' || r == '\t':
			case strings.ContainsRune(".,;:!?)", r):
				if prev >= 0 {
					toks[prev].ends = true
				}
				prev = -1
			default:
				prev = -1
			}
			k += n
		}
		if prev >= 0 && (i+1 >= len(lines) || isBlank(lines[i+1])) {
			toks[prev].ends = true
		}
	}
	return toks
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	if c, ok := latinClass(r); ok {
		return c == classLetter
	}
	return unicode.IsLetter(r)
}

func isMark(r rune) bool {
	if r < utf8.RuneSelf {
		return false
	}
	if c, ok := latinClass(r); ok {
		return c == classMark
	}
	return unicode.Is(unicode.M, r)
}

const (
	classOther = iota
	classLetter
	classMark
)

// latinClass looks up whether r is a letter or a mark in a table of
// U+0080-U+036F and U+1E00-U+1EFF, the characters of Vietnamese text
// (ok false outside them).
func latinClass(r rune) (class uint8, ok bool) {
	switch {
	case r < 0x370:
		return latinClasses()[r], true
	case r >= 0x1E00 && r < 0x1F00:
		return latinClasses()[r-0x1E00+0x370], true
	}
	return 0, false
}

var latinClasses = sync.OnceValue(func() *[0x470]uint8 {
	var t [0x470]uint8
	set := func(i int, r rune) {
		switch {
		case unicode.IsLetter(r):
			t[i] = classLetter
		case unicode.Is(unicode.M, r):
			t[i] = classMark
		}
	}
	for r := rune(0); r < 0x370; r++ {
		set(int(r), r)
	}
	for r := rune(0x1E00); r < 0x1F00; r++ {
		set(int(r-0x1E00+0x370), r)
	}
	return &t
})

// maxLine bounds the length a line may grow to by joins; no paragraph
// is this long, and the bound keeps joining linear.
const maxLine = 20000

// join kinds
const (
	noJoin = iota
	joinSpace
	joinTight
)

// joinWraps joins wrapped lines. Lines are joined only inside a block of
// non-empty lines, except that a block whose last line stops mid-sentence
// and a block starting in lower case are joined across empty lines (a
// page break) when both sides are running prose.
func joinWraps(lines []string, w *words, st *Stats) []string {
	out := make([]string, 0, len(lines))
	// cur holds the line being built; joins append to it, so joining a
	// long run of lines stays linear.
	var cur strings.Builder
	have := false
	flush := func() {
		if have {
			out = append(out, cur.String())
			cur = strings.Builder{}
			have = false
		}
	}
	appendTo := func(b string, k int) {
		a := cur.String()
		if t := strings.TrimRight(a, " \t"); len(t) != len(a) {
			cur = strings.Builder{}
			cur.WriteString(t)
		}
		if k == joinSpace {
			cur.WriteByte(' ')
		}
		cur.WriteString(strings.TrimLeft(b, " \t"))
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if have && !isBlank(l) && !isBlank(cur.String()) {
			if k := joinable(cur.String(), l, w); k != noJoin {
				appendTo(l, k)
				if k == joinSpace {
					st.Joins++
				} else {
					st.WordJoins++
				}
				continue
			}
		}
		if l == "" && have {
			// Page break inside a sentence: A \n\n b.
			j := i
			for j < len(lines) && lines[j] == "" {
				j++
			}
			if j < len(lines) && pageJoinable(cur.String(), lines, j) {
				appendTo(lines[j], joinSpace)
				st.PageJoins++
				i = j
				continue
			}
			flush()
			out = append(out, lines[i:j]...)
			i = j - 1
			continue
		}
		flush()
		cur.WriteString(l)
		have = true
	}
	flush()
	return out
}

func glue(a, b string, k int) string {
	a = strings.TrimRight(a, " \t")
	b = strings.TrimLeft(b, " \t")
	if k == joinTight {
		return a + b
	}
	return a + " " + b
}

// joinable decides whether line b continues line a.
func joinable(a, b string, w *words) int {
	a = strings.TrimRight(a, " \t")
	bt := strings.TrimLeft(b, " \t")
	if a == "" || bt == "" || len(a) > maxLine || strings.HasPrefix(strings.TrimLeft(a, " \t"), "|") {
		return noJoin
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(bt)
	// Numbers and dates: "ngày 31\n/12/2021", "31/\n12/2021".
	if unicode.IsDigit(last) && len(bt) > 1 && bt[0] == '/' && unicode.IsDigit(rune(bt[1])) {
		return joinTight
	}
	if last == '/' && unicode.IsDigit(first) && len(a) > 1 && unicode.IsDigit(rune(a[len(a)-2])) {
		return joinTight
	}
	if mayBeMarker(bt) && markerLine.MatchString(bt) || mayBeHeadingOnly(a) && headingOnly.MatchString(a) {
		return noJoin
	}
	if strings.ContainsRune(".;:!?…", last) {
		return noJoin
	}
	aw := lastWord(a)
	bw := firstWord(bt)
	// A syllable split in two: "c\nơ quan", "thô\nng tin".
	if aw != "" && bw != "" && sameCase(aw, bw) {
		la, lb := strings.ToLower(aw), strings.ToLower(bw)
		if onsets[la] && isVowel(first) {
			return joinTight
		}
		if codas[lb] && isVowel(last) && wholeToken(bt, bw) {
			return joinTight
		}
	}
	switch {
	case unicode.IsLower(first):
		if hasLetter(a) {
			return joinSpace
		}
	case unicode.IsDigit(first):
		// "ngày\n04/5/2021 của ...": only after a lower-case word, and
		// never for a line that is just a number (a table cell).
		if aw != "" && hasLower(aw) && hasLower(a) && hasLetter(bt) && !numericLine(bt) {
			return joinSpace
		}
	case unicode.IsUpper(first):
		if aw != "" && functionWords[aw] {
			return joinSpace
		}
		// A proper name wrapped after a lower-case word the text joins
		// to it elsewhere: "UBND tỉnh\nVĩnh Phúc".
		if aw != "" && bw != "" && !hasUpper(aw) && hasLower(bw) && strings.Count(a, " ") >= 2 &&
			w.bigram(aw, strings.ToLower(bw)) {
			return joinSpace
		}
		// A heading in capitals wrapped inside a compound word:
		// "MỤC TIÊU CỤ\nTHỂ". Only when the text uses the two words
		// together elsewhere and never ends a phrase with the first.
		if aw != "" && bw != "" && len(a) < 400 && isCaps(a) && isCaps(bt) {
			la, lb := strings.ToLower(aw), strings.ToLower(bw)
			if w.bigram(la, lb) && !w.end(la) {
				return joinSpace
			}
			// A numbered heading goes on in capitals: "VII. AN TOÀN
			// THÔNG\nTIN".
			if numberedHeading.MatchString(a) {
				return joinSpace
			}
		}
	}
	return noJoin
}

// pageJoinable decides whether the block ending with line prev
// continues in the block starting at lines[j] after empty lines.
func pageJoinable(prev string, lines []string, j int) bool {
	a := strings.TrimRight(prev, " \t")
	b := lines[j]
	bt := strings.TrimLeft(b, " \t")
	if a == "" || bt == "" || bt != b || len(a) > maxLine {
		return false
	}
	first, _ := utf8.DecodeRuneInString(bt)
	last, _ := utf8.DecodeLastRuneInString(a)
	if !unicode.IsLower(first) || !(unicode.IsLetter(last) || last == ',') {
		return false
	}
	if mayBeMarker(bt) && markerLine.MatchString(bt) {
		return false
	}
	// Both sides must be running prose, not cells of a flattened table:
	// the line before is long and the next block is long too.
	if utf8.RuneCountInString(a) < 60 || strings.HasPrefix(a, "|") {
		return false
	}
	nb, end := 0, ""
	for k := j; k < len(lines) && !isBlank(lines[k]); k++ {
		nb += utf8.RuneCountInString(lines[k])
		end = lines[k]
	}
	// A short rest of a sentence still counts when it ends the sentence.
	return nb >= 40 || strings.HasSuffix(strings.TrimRight(end, " "), ".")
}

func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) {
			break
		}
		i -= n
	}
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsSpace(r) {
			return "" // "b/c", "TT&TT": not a plain word
		}
	}
	return s[i:]
}

func firstWord(s string) string {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) {
			break
		}
		i += n
	}
	return s[:i]
}

// wholeToken reports whether w is followed in s by a space, punctuation
// or the end.
func wholeToken(s, w string) bool {
	rest := s[len(w):]
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsSpace(r) || strings.ContainsRune(",.;:", r)
}

func sameCase(a, b string) bool { return isCaps(a) == isCaps(b) }

// isCaps reports whether s has letters and none in lower case.
func isCaps(s string) bool {
	letter := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letter = true
		}
	}
	return letter
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }
func hasLower(s string) bool  { return strings.IndexFunc(s, unicode.IsLower) >= 0 }
func hasUpper(s string) bool  { return strings.IndexFunc(s, unicode.IsUpper) >= 0 }

// numericLine reports a line of digits and number punctuation only.
func numericLine(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) && !strings.ContainsRune(" .,%/-", r) {
			return false
		}
	}
	return true
}
