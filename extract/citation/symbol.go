package citation

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// symbol is a document symbol found in the text (số, ký hiệu):
//
//	state := NUM "/" [YEAR "/"] [TYPE "-"] ISSUER {"-" UNIT}
//	party := NUM "-" TYPE "/" ISSUER {"-" UNIT}
//
// with the spaces, dashes, case and Đ/D variants real texts have.
type symbol struct {
	Start, End int
	Num        string // "36a", "05"
	Year       string // "2007"; "" for symbols without a year
	Party      bool
	Type       string   // canonical type abbreviation; "" for công văn
	Issuer     string   // canonical issuer code ("UBND", "QH13")
	Units      []string // drafting units after the issuer
	Canon      string   // the canonical symbol
	// Spaced is set when white space follows the first "/" of a symbol
	// without a year ("1/ UBND tỉnh ..."): list numbering unless a type
	// word or "số" stands before it.
	Spaced bool
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isSpace(b byte) bool { return b == ' ' || b == '\t' }

func isWS(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// dashAt returns the byte length of a dash at text[i] (hyphen, en and em
// dash, non-breaking hyphen, minus), 0 when there is none.
func dashAt(text string, i int) int {
	if i >= len(text) {
		return 0
	}
	if text[i] == '-' {
		return 1
	}
	if text[i] == 0xE2 && i+2 < len(text) {
		switch text[i+1 : i+3] {
		case "\x80\x90", "\x80\x91", "\x80\x92", "\x80\x93", "\x80\x94":
			return 3
		}
		if text[i+1:i+3] == "\x88\x92" {
			return 3
		}
	}
	return 0
}

func skipSpaces(text string, i, max int) int {
	for n := 0; i < len(text) && isSpace(text[i]) && n < max; n++ {
		i++
	}
	return i
}

// skipBreak skips spaces after a separator, and one line break: a
// symbol wrapped after its "/" or "-" ("2476/QĐ-\nUBND").
func skipBreak(text string, i, max int) int {
	i = skipSpaces(text, i, max)
	if i < len(text) && text[i] == '\n' {
		i = skipSpaces(text, i+1, max)
	}
	return i
}

// codeAt reads a code at text[i]: a letter (ASCII or Đ/đ/Ð) then letters,
// digits and "&". It returns the code and its end.
func codeAt(text string, i int) (string, int) {
	j := i
	first := true
	var b strings.Builder
	for j < len(text) && j-i < 24 {
		c := text[j]
		switch {
		case (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'):
			b.WriteByte(c)
			j++
		case !first && (isDigit(c) || c == '&'):
			b.WriteByte(c)
			j++
		case c == 0xC4 && j+1 < len(text) && (text[j+1] == 0x90 || text[j+1] == 0x91): // Đ đ
			b.WriteString(text[j : j+2])
			j += 2
		case c == 0xC3 && j+1 < len(text) && text[j+1] == 0x90: // Ð (U+00D0)
			b.WriteString("Đ")
			j += 2
		default:
			return b.String(), j
		}
		first = false
	}
	// A code running into more letters is a word, not a code.
	if j < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[j:]); unicode.IsLetter(r) {
			return "", i
		}
	}
	return b.String(), j
}

// startOK reports whether a digit run may start a symbol at i: not inside
// a word, a number or a date.
func startOK(text string, i int) bool {
	if i == 0 {
		return true
	}
	p := text[i-1]
	if isDigit(p) || p == '/' || p == '.' || p == '-' || p == '_' {
		return false
	}
	if p < 0x80 {
		return !((p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z'))
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !unicode.IsLetter(r) && r != '–'
}

// parseSymbol reads a symbol starting at the digit text[i].
func parseSymbol(text string, i int) (symbol, bool) {
	s := symbol{Start: i}
	j := i
	for j < len(text) && isDigit(text[j]) && j-i < 7 {
		j++
	}
	if j-i > 6 || (j < len(text) && isDigit(text[j])) {
		return s, false
	}
	num := text[i:j]
	if j < len(text) && text[j] >= 'a' && text[j] <= 'z' && j+1 < len(text) && (text[j+1] == '/' || dashAt(text, j+1) > 0) {
		num += text[j : j+1] // 36a/NQ-CP
		j++
	}
	s.Num = num
	j = skipSpaces(text, j, 2)
	if j >= len(text) {
		return s, false
	}
	if text[j] == '/' {
		return parseState(text, s, j+1)
	}
	if d := dashAt(text, j); d > 0 {
		return parseParty(text, s, j+d)
	}
	return s, false
}

func parseParty(text string, s symbol, j int) (symbol, bool) {
	j = skipBreak(text, j, 2)
	tc, e := codeAt(text, j)
	if tc == "" {
		return s, false
	}
	typ, ok := typeCode(tc)
	if !ok {
		return s, false
	}
	j = skipSpaces(text, e, 2)
	if j >= len(text) || text[j] != '/' {
		return s, false
	}
	j = skipBreak(text, j+1, 2)
	ic, e := codeAt(text, j)
	if ic == "" || !(knownCode(ic) || upperCode(ic)) {
		return s, false
	}
	s.Party, s.Type = true, typ
	s.Issuer = canonCode(ic, false)
	s.End = e
	s.Units, s.End = units(text, e, knownCode(ic))
	s.Canon = s.canon()
	return s, true
}

func parseState(text string, s symbol, j int) (symbol, bool) {
	k0 := j
	j = skipBreak(text, j, 2)
	s.Spaced = j > k0
	// Year.
	if j+4 <= len(text) && isDigit(text[j]) && isDigit(text[j+1]) && isDigit(text[j+2]) && isDigit(text[j+3]) && (j+4 == len(text) || !isDigit(text[j+4])) {
		y := text[j : j+4]
		k := skipSpaces(text, j+4, 2)
		if y >= "1945" && y <= "2099" && k < len(text) {
			if text[k] == '/' {
				s.Year, j = y, skipBreak(text, k+1, 2)
			} else if d := dashAt(text, k); d > 0 {
				s.Year, j = y, skipBreak(text, k+d, 2)
			} else if k == j+4 {
				// the slash after the year lost: "64/2007NĐ-CP"
				if c, _ := codeAt(text, k); c != "" {
					if _, ok := typeCode(c); ok {
						s.Year, j = y, k
					} else if tc, _, ok := splitGlued(c); ok && tc != "" {
						s.Year, j = y, k
					}
				}
			}
		}
		if s.Year == "" {
			return s, false
		}
		s.Spaced = false
	}
	c1, e := codeAt(text, j)
	if c1 == "" || !(knownCode(c1) || upperCode(c1)) {
		return s, false
	}
	known := knownCode(c1)
	rest, end := units(text, e, known)
	codes := append([]string{c1}, rest...)
	s.End = end
	if tc, ic, ok := splitGlued(c1); ok && len(codes) == 1 {
		s.Type, s.Issuer = tc, ic
	} else if _, isType := typeCode(c1); isType && len(codes) >= 2 {
		s.Type = canonCode(c1, true)
		s.Issuer = canonCode(codes[1], false)
		s.Units = canonUnits(codes[2:])
	} else {
		s.Issuer = canonCode(c1, false)
		s.Units = canonUnits(codes[1:])
	}
	s.Canon = s.canon()
	return s, true
}

func canonUnits(cs []string) []string {
	var out []string
	for _, c := range cs {
		out = append(out, canonCode(c, false))
	}
	return out
}

// units reads {"-" CODE} after a code. Spaces are allowed around the
// dash ("3885/UBND –KGVX"). Units must be known or in capitals unless the
// code before them was known.
func units(text string, j int, lenient bool) ([]string, int) {
	var out []string
	for len(out) < 6 {
		k := skipSpaces(text, j, 2)
		d := dashAt(text, k)
		if d == 0 {
			break
		}
		k = skipBreak(text, k+d, 2)
		c, e := codeAt(text, k)
		if c == "" || !(knownCode(c) || upperCode(c) || (lenient && isLowerCode(c))) {
			break
		}
		out = append(out, c)
		j = e
	}
	return out, j
}

func isLowerCode(s string) bool {
	for _, r := range s {
		if !unicode.IsLower(r) && !(r >= '0' && r <= '9') && r != '&' {
			return false
		}
	}
	return len(s) >= 2
}

func (s symbol) canon() string {
	var b strings.Builder
	b.WriteString(s.Num)
	if s.Party {
		b.WriteString("-" + s.Type + "/" + s.Issuer)
	} else {
		b.WriteString("/")
		if s.Year != "" {
			b.WriteString(s.Year + "/")
		}
		if s.Type != "" {
			b.WriteString(s.Type + "-")
		}
		b.WriteString(s.Issuer)
	}
	for _, u := range s.Units {
		b.WriteString("-" + u)
	}
	return b.String()
}

// CanonicalSymbol returns the canonical form of a document symbol: NFC,
// no spaces, dashes unified, codes in their table spelling (upper case
// except TTg, TTr, CTr, QyĐ, QĐi), D read as Đ where the table says so,
// glued type and issuer split ("06/2019/TTBTTTT" -> "06/2019/TT-BTTTT").
// "3885/UBND –KGVX" -> "3885/UBND-KGVX", "57- NQ/TW" -> "57-NQ/TW",
// "749/qd-ttg" -> "749/QĐ-TTg". A leading "Số:" or "số" is dropped. It
// returns the trimmed, space-free, upper-cased input when s is not a
// symbol, and "" for "".
func CanonicalSymbol(s string) string { return canonicalSymbol(s, 0) }

func canonicalSymbol(s string, depth int) string {
	s = strings.TrimSpace(norm.NFC.String(s))
	if s == "" {
		return ""
	}
	i := 0
	for i < len(s) && !isDigit(s[i]) {
		i++
	}
	if i < len(s) {
		if sym, ok := parseSymbol(s, i); ok && strings.TrimSpace(s[sym.End:]) == "" {
			return sym.Canon
		}
	}
	var b strings.Builder
	for j := 0; j < len(s); {
		if d := dashAt(s, j); d > 0 {
			b.WriteByte('-')
			j += d
			continue
		}
		if isWS(s[j]) {
			j++
			continue
		}
		b.WriteByte(s[j])
		j++
	}
	c := strings.ToUpper(b.String())
	if c != s && depth < 2 {
		// without its stray spaces, in capitals, it may parse ("0/   Cd")
		return canonicalSymbol(c, depth+1)
	}
	return c
}
