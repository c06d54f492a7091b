package fetch

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func nfc(s string) string { return norm.NFC.String(s) }

// decomposeForCP1258 writes Vietnamese the way windows-1258 stores it:
// the vowel shapes â ê ô ă ơ ư precomposed, tone marks as combining
// characters.
func decomposeForCP1258(s string) string {
	shape := map[[2]rune]rune{
		{'a', 0x302}: 'â', {'e', 0x302}: 'ê', {'o', 0x302}: 'ô', {'a', 0x306}: 'ă', {'o', 0x31b}: 'ơ', {'u', 0x31b}: 'ư',
		{'A', 0x302}: 'Â', {'E', 0x302}: 'Ê', {'O', 0x302}: 'Ô', {'A', 0x306}: 'Ă', {'O', 0x31b}: 'Ơ', {'U', 0x31b}: 'Ư',
	}
	rs := []rune(norm.NFD.String(s))
	var b strings.Builder
	for i := 0; i < len(rs); {
		base := rs[i]
		j := i + 1
		var tones []rune
		for ; j < len(rs) && unicode.Is(unicode.Mn, rs[j]); j++ {
			if c, ok := shape[[2]rune{base, rs[j]}]; ok {
				base = c
				continue
			}
			tones = append(tones, rs[j])
		}
		b.WriteRune(base)
		for _, t := range tones {
			b.WriteRune(t)
		}
		i = j
	}
	return b.String()
}
