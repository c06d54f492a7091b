package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// legacyScores returns score(s) and the scores of s converted from TCVN3
// and from VNI (score(NFC(fromTCVN3(s))), score(NFC(fromVNI(s)))), without
// converting all of s: only the words a conversion changes are converted.
// ok is false when s is not NFC character by character (see standalone)
// or a TCVN3 word starting with a combining mark would combine with the
// character before it; then the caller converts the whole text.
//
// Why word by word is exact, for standalone s:
//   - VNI maps letters to letters only (pairs are two letters, checked
//     when the tables are built), so the words of fromVNI(s) are the
//     conversions of the words of s, and NFC changes nothing.
//   - TCVN3 maps characters to letters or combining marks, so a word of
//     fromTCVN3(s) that no conversion touched has unchanged non-word
//     characters around it and is a word of s; a touched word is
//     converted and normalised on its own. NFC cannot join it to its
//     neighbours (standalone characters combine with nothing before them)
//     except a mark it starts with, which is normalised together with the
//     character before (a starter: nothing before that can take part).
func legacyScores(s string) (base int, conv [2]int, ok bool) {
	if !standalone(s) {
		return 0, conv, false
	}
	words := common()
	vt := vni()
	var buf [64]byte
	// Words of s: the base score and the VNI score.
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !wordRune(r) {
			i += n
			continue
		}
		a, touched := i, false
		for i < len(s) {
			r, n = utf8.DecodeRuneInString(s[i:])
			if !wordRune(r) {
				break
			}
			touched = touched || r < 256 && vt.touch[r]
			i += n
		}
		in := words[string(lower(buf[:0], s[a:i]))]
		if in {
			base++
		}
		if touched {
			in = words[string(lower(buf[:0], fromVNI(s[a:i])))]
		}
		if in {
			conv[1]++
		}
	}
	// Words of fromTCVN3(s).
	tc := tcvn()
	toT := func(r rune) (rune, bool) {
		if r < 256 {
			if v := tc.low[r]; v != 0 {
				return v, true
			}
			return r, false
		}
		if v, ok := tc.high[r]; ok {
			return v, true
		}
		return r, false
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		t, changed := toT(r)
		if !wordRune(t) {
			i += n
			continue
		}
		markFirst := changed && unicode.Is(unicode.M, t)
		a, touched := i, false
		for i < len(s) {
			r, n = utf8.DecodeRuneInString(s[i:])
			t, changed = toT(r)
			if !wordRune(t) {
				break
			}
			touched = touched || changed
			i += n
		}
		w := s[a:i]
		switch {
		case markFirst && a > 0:
			// The mark may combine with the character before: normalise
			// the two together; give up when it does.
			_, pn := utf8.DecodeLastRuneInString(s[:a])
			prev := s[a-pn : a]
			w = NFC(prev + fromTCVN3(w))
			if !strings.HasPrefix(w, prev) {
				return 0, conv, false
			}
			w = w[len(prev):]
		case touched:
			w = NFC(fromTCVN3(w))
		}
		if words[string(lower(buf[:0], w))] {
			conv[0]++
		}
	}
	return base, conv, true
}

// lower appends w in lower case to dst, as strings.ToLower would write it.
func lower(dst []byte, w string) []byte {
	for _, r := range w {
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}
