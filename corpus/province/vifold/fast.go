package vifold

import (
	"unicode"
	"unicode/utf8"
)

// tableSize covers Latin, Latin-1, Latin Extended-A/B and Latin Extended
// Additional, where every Vietnamese letter lies.
const tableSize = 0x1F00

// AppendFoldLower appends s lower-cased with its diacritics removed (đ
// -> d) to dst: Fold(strings.ToLower(s)) without the allocations. Stray
// combining marks are dropped.
func AppendFoldLower(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		i += size
		switch {
		case r >= 0x300 && r <= 0x36f:
			// combining mark
		case r < tableSize:
			dst = utf8.AppendRune(dst, foldLower[r])
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// MayNeedTone reports whether ToneNormalize could change s: it holds a
// pair o/u + a/e/y with a tone mark on one of them.
func MayNeedTone(s string) bool {
	var prev rune
	prevToned := false
	for _, r := range s {
		if r >= tableSize {
			prev, prevToned = 0, false
			continue
		}
		b, t := foldLower[r], toned[r]
		if (prev == 'o' && (b == 'a' || b == 'e') || prev == 'u' && b == 'y') && (t || prevToned) {
			return true
		}
		prev, prevToned = b, t
	}
	return false
}
