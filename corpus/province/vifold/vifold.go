// Package vifold normalises Vietnamese text for matching: one tone-mark
// placement (hoà/hòa, thuỷ/thủy, khoẻ/khỏe compare equal) and diacritic
// folding (Việt Nam -> Viet Nam, đ -> d).
//
// Both work on NFC input and return NFC output. Neither keeps byte
// lengths: callers that need offsets into the source (the index's token
// filter) apply them to terms, never to the text that spans point into.
package vifold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The five Vietnamese tone marks as combining characters.
const (
	grave = '\u0300' // huyền
	acute = '\u0301' // sắc
	tilde = '\u0303' // ngã
	hook  = '\u0309' // hỏi
	dot   = '\u0323' // nặng
)

func isTone(r rune) bool {
	switch r {
	case grave, acute, tilde, hook, dot:
		return true
	}
	return false
}

// parts is a precomposed letter split into base letter, shape mark
// (breve, circumflex, horn) and tone mark.
type parts struct {
	base, shape, tone rune
}

var (
	split = map[rune]parts{} // precomposed Latin letter -> parts
	fold  = map[rune]rune{}  // precomposed Latin letter -> ASCII base
	join  = map[parts]rune{} // parts -> precomposed letter
)

func init() {
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			d := []rune(norm.NFD.String(string(r)))
			if len(d) < 2 || d[0] >= utf8.RuneSelf {
				continue
			}
			p := parts{base: d[0]}
			ok := true
			for _, m := range d[1:] {
				switch {
				case isTone(m) && p.tone == 0:
					p.tone = m
				case !isTone(m) && p.shape == 0 && unicode.Is(unicode.Mn, m):
					p.shape = m
				default:
					ok = false
				}
			}
			fold[r] = d[0]
			if ok {
				split[r] = p
				if _, dup := join[p]; !dup {
					join[p] = r
				}
			}
		}
	}
	add(0x00C0, 0x024F) // Latin-1 Supplement, Latin Extended-A/B
	add(0x1E00, 0x1EFF) // Latin Extended Additional (most Vietnamese letters)
	fold['đ'], fold['Đ'] = 'd', 'D'
	fold['ð'], fold['Ð'] = 'd', 'D' // OCR swap of Đ
	initTables()
}

func decompose(r rune) parts {
	if p, ok := split[r]; ok {
		return p
	}
	return parts{base: r}
}

func compose(p parts) rune {
	if p.shape == 0 && p.tone == 0 {
		return p.base
	}
	if r, ok := join[p]; ok {
		return r
	}
	return p.base
}

// ToneNormalize moves the tone mark of the vowel pairs oa, oe and uy to
// one place: on the first vowel when the pair ends the syllable (hoà ->
// hòa, thuỷ -> thủy, khoẻ -> khỏe) and on the second when more letters
// follow (hòang -> hoàng). "qu" + y keeps the mark on y (quý). Other text
// is returned unchanged. Input should be NFC.
func ToneNormalize(s string) string {
	if !needsTone(s) || !MayNeedTone(s) {
		return s
	}
	rs := []rune(s)
	changed := false
	for i := 0; i+1 < len(rs); i++ {
		a, b := decompose(rs[i]), decompose(rs[i+1])
		if a.shape != 0 || b.shape != 0 || (a.tone == 0) == (b.tone == 0) {
			continue
		}
		la, lb := unicode.ToLower(a.base), unicode.ToLower(b.base)
		switch {
		case la == 'o' && (lb == 'a' || lb == 'e'):
		case la == 'u' && lb == 'y':
			if i > 0 && unicode.ToLower(rs[i-1]) == 'q' {
				continue
			}
		default:
			continue
		}
		tone := a.tone | b.tone
		end := i+2 >= len(rs) || !unicode.IsLetter(rs[i+2])
		a.tone, b.tone = 0, 0
		if end {
			a.tone = tone
		} else {
			b.tone = tone
		}
		na, nb := compose(a), compose(b)
		if na != rs[i] || nb != rs[i+1] {
			rs[i], rs[i+1] = na, nb
			changed = true
		}
		i++
	}
	if !changed {
		return s
	}
	return string(rs)
}

// needsTone is a fast check: the rewrite needs a non-ASCII letter.
func needsTone(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// Fold removes diacritics: tone and shape marks go, đ becomes d. Letters
// outside the Latin ranges (and case) are kept.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteByte(byte(r))
			continue
		}
		if f, ok := fold[r]; ok {
			b.WriteRune(f)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue // a stray combining mark (NFD input)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// HasDiacritics reports whether Fold would change s.
func HasDiacritics(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		if _, ok := fold[r]; ok || unicode.Is(unicode.Mn, r) {
			return true
		}
	}
	return false
}

// Key is the matching form of s: NFC, tone-normalised, lower case.
func Key(s string) string {
	return strings.ToLower(ToneNormalize(norm.NFC.String(s)))
}
