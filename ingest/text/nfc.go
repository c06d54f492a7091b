package text

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normalisation form C, as norm.NFC.String does,
// but first checks cheaply whether s already is: text whose characters
// all stand alone in NFC (quick check Yes, combining class 0: ASCII,
// precomposed Vietnamese letters, common punctuation) is NFC as it is,
// and almost every text ingest sees is such text.
func NFC(s string) string {
	if standalone(s) {
		return s
	}
	return norm.NFC.String(s)
}

// nfcStandaloneLimit bounds the characters standaloneTable describes;
// the rest go through the norm package.
const nfcStandaloneLimit = 0x3000

// standaloneTable marks the characters below nfcStandaloneLimit that are
// NFC on their own and never combine with a neighbour: combining class
// 0, no composition with a character before, and unchanged by NFC.
var standaloneTable = sync.OnceValue(func() *[nfcStandaloneLimit]bool {
	var t [nfcStandaloneLimit]bool
	var buf [utf8.UTFMax]byte
	for r := rune(0); r < nfcStandaloneLimit; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		c := buf[:utf8.EncodeRune(buf[:], r)]
		p := norm.NFC.Properties(c)
		t[r] = p.CCC() == 0 && p.BoundaryBefore() && norm.NFC.IsNormal(c)
	}
	return &t
})

// standalone reports whether every character of s is marked in
// standaloneTable (so that s is NFC).
func standalone(s string) bool {
	var t *[nfcStandaloneLimit]bool
	for i := 0; i < len(s); {
		// eight ASCII bytes at a time
		for i+8 <= len(s) && (uint64(s[i])|uint64(s[i+1])<<8|uint64(s[i+2])<<16|uint64(s[i+3])<<24|
			uint64(s[i+4])<<32|uint64(s[i+5])<<40|uint64(s[i+6])<<48|uint64(s[i+7])<<56)&0x8080808080808080 == 0 {
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if t == nil {
			t = standaloneTable()
		}
		// Two-byte sequences and U+1000-U+2FFF (Vietnamese letters,
		// punctuation) decoded in place; the rest by utf8.
		var r rune
		var n int
		switch {
		case c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
		case (c == 0xE1 || c == 0xE2) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			r, n = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		default:
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if r >= nfcStandaloneLimit || !t[r] || (r == utf8.RuneError && n == 1) {
			return false
		}
		i += n
	}
	return true
}
