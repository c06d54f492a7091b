package meta

import (
	"strings"
	"unicode/utf8"

	"kehoach/internal/lazyre"
)

// The three regexps below would otherwise run over the whole header or
// text at every position (Go's regexp has no literal prefilter for
// case-insensitive or class-led expressions). Each finder here gives
// exactly the regexp's matches, in the same order, by trying the regexp
// only where a match can start or end; fast_test.go checks them against
// the plain regexps.

// dateTail is dateLine after its "ngày", anchored.
var dateTail = lazyre.New(`^\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`)

// dateLineIndex is dateLine.FindStringSubmatchIndex(s). A dateLine match
// is a place name right before ", ngày D tháng M năm Y": the comma is
// the first character after the name outside [\p{L} .-], so matches for
// different commas cannot overlap, and the leftmost match belongs to the
// first comma whose date is complete and that has a name before it.
// For each such comma in turn the regexp runs only over the date and
// the at most 41 characters of name before the comma.
func dateLineIndex(s string) []int {
	const ngay = "ngày"
	for off := 0; ; {
		k := strings.Index(s[off:], ngay)
		if k < 0 {
			return nil
		}
		k += off
		off = k + len(ngay)
		c := k
		for c > 0 && isRESpace(s[c-1]) {
			c--
		}
		if c == 0 || s[c-1] != ',' {
			continue
		}
		c--
		t := dateTail.FindStringIndex(s[off:])
		if t == nil {
			continue
		}
		start := max(0, c-41*utf8.UTFMax)
		for start > 0 && !utf8.RuneStart(s[start]) {
			start--
		}
		if m := dateLine.FindStringSubmatchIndex(s[start : off+t[1]]); m != nil {
			for i := range m {
				if m[i] >= 0 {
					m[i] += start
				}
			}
			return m
		}
	}
}

// isRESpace is the regexp \s: ASCII white space without \v.
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// selfRefAt is selfRef anchored at the start of the text instead of at
// any line start.
var selfRefAt = lazyre.New(strings.Replace(selfRef.String(), "(?im)^", "(?i)^", 1))

// eachSelfRef calls f with each match of selfRef.FindAllStringSubmatchIndex(t, -1),
// in order, until f returns false. A match starts at a line start, and
// after [ \t]*, "(" and [ \t]* its first letter is the b of "ban hành"
// or the k of "kèm" (in any case; K also folds to the Kelvin sign): only
// such lines are tried.
func eachSelfRef(t string, f func(m []int) bool) {
	for ls := 0; ls <= len(t); {
		if maySelfRef(t[ls:]) {
			if m := selfRefAt.FindStringSubmatchIndex(t[ls:]); m != nil {
				for i := range m {
					if m[i] >= 0 {
						m[i] += ls
					}
				}
				if !f(m) {
					return
				}
				// the next match starts at a line start at or after
				// this one's end
				if m[1] > ls {
					ls = m[1]
					if ls > 0 && t[ls-1] == '\n' {
						continue
					}
				}
			}
		}
		nl := strings.IndexByte(t[ls:], '\n')
		if nl < 0 {
			return
		}
		ls += nl + 1
	}
}

func maySelfRef(s string) bool {
	s = strings.TrimLeft(s, " \t")
	s = strings.TrimPrefix(s, "(")
	s = strings.TrimLeft(s, " \t")
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case 'b', 'B', 'k', 'K', '\u212a':
		return true
	}
	return false
}

// tinhAt is tinhRe anchored at the start of the text.
var tinhAt = lazyre.New("^" + tinhRe.String())

// tinhAll is tinhRe.FindAllStringSubmatch(s, -1). A match starts with
// the t of "tỉnh", "thành phố" or "tp" (any case: t, ỉ, h, à and p fold
// only to their capitals) at a word boundary.
func tinhAll(s string) [][]string {
	var out [][]string
	for i := 0; i < len(s); {
		k := strings.IndexAny(s[i:], "tT")
		if k < 0 {
			break
		}
		i += k
		if i > 0 && isASCIIWord(s[i-1]) || !mayTinh(s[i+1:]) {
			i++
			continue
		}
		m := tinhAt.FindStringSubmatchIndex(s[i:])
		if m == nil {
			i++
			continue
		}
		sub := make([]string, len(m)/2)
		for j := range sub {
			if m[2*j] >= 0 {
				sub[j] = s[i+m[2*j] : i+m[2*j+1]]
			}
		}
		out = append(out, sub)
		i += m[1]
	}
	return out
}

// mayTinh reports whether s, the text after a t, can go on as "ỉnh",
// "hành" or "p" in any case.
func mayTinh(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case 'ỉ', 'Ỉ', 'p', 'P':
		return true
	case 'h', 'H':
		r, _ = utf8.DecodeRuneInString(s[n:])
		return r == 'à' || r == 'À'
	}
	return false
}

func isASCIIWord(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// lineRegexp is a regexp that starts "(?m)^\s*" and then a fixed
// letter: it can only match at a line start whose first character after
// white space (newlines included) is that letter.
type lineRegexp struct {
	re, at *lazyre.Regexp // the regexp, and it anchored with \A
	first  byte
}

func newLineRegexp(re *lazyre.Regexp, first byte) lineRegexp {
	const lead = `(?m)^\s*`
	if !strings.HasPrefix(re.String(), lead) {
		panic("meta: " + re.String() + " does not start with " + lead)
	}
	return lineRegexp{re: re, at: lazyre.New(`(?m)\A` + re.String()[len(`(?m)^`):]), first: first}
}

var (
	soLineAt  = newLineRegexp(soLine, 'S')
	blankSoAt = newLineRegexp(blankSo, 'S')
	canCuAt   = newLineRegexp(canCu, 'C')
)

// index is l.re.FindStringSubmatchIndex(s). From every line start in a
// run of white space the same letter comes next, and the match (if any)
// is the same but for its start, so only the first line start of each
// run is tried.
func (l lineRegexp) index(s string) []int {
	for ls := 0; ls <= len(s); {
		p := ls
		for p < len(s) && isRESpace(s[p]) {
			p++
		}
		if p < len(s) && s[p] == l.first {
			if m := l.at.FindStringSubmatchIndex(s[ls:]); m != nil {
				for i := range m {
					if m[i] >= 0 {
						m[i] += ls
					}
				}
				return m
			}
		}
		nl := strings.IndexByte(s[p:], '\n')
		if nl < 0 {
			return nil
		}
		ls = p + nl + 1
	}
	return nil
}

// submatch is l.re.FindStringSubmatch(s).
func (l lineRegexp) submatch(s string) []string {
	m := l.index(s)
	if m == nil {
		return nil
	}
	out := make([]string, len(m)/2)
	for i := range out {
		if m[2*i] >= 0 {
			out[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return out
}
