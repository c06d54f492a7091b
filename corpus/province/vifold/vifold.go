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
	"sync"
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

// The tables (foldTab, splitTab, foldLower, toned) are in tables.go,
// generated from Unicode's decompositions by TestTables: static data,
// nothing to build at program start.

// join maps parts back to the precomposed letter, the first in
// U+00C0-U+024F, U+1E00-U+1EFF that splits so; built on first use.
var join = sync.OnceValue(func() map[parts]rune {
	m := map[parts]rune{}
	for r := rune(0); r < tableSize; r++ {
		if p := splitTab[r]; p.base != 0 {
			if _, dup := m[p]; !dup {
				m[p] = r
			}
		}
	}
	return m
})

func decompose(r rune) parts {
	if r < tableSize {
		if p := splitTab[r]; p.base != 0 {
			return p
		}
	}
	return parts{base: r}
}

func compose(p parts) rune {
	if p.shape == 0 && p.tone == 0 {
		return p.base
	}
	if r, ok := join()[p]; ok {
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
		if r < tableSize && foldTab[r] != 0 {
			b.WriteRune(foldTab[r])
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
		if r < tableSize && foldTab[r] != 0 || unicode.Is(unicode.Mn, r) {
			return true
		}
	}
	return false
}

// Key is the matching form of s: NFC, tone-normalised, lower case.
func Key(s string) string {
	return strings.ToLower(ToneNormalize(norm.NFC.String(s)))
}
