// Package text decodes plain-text files into UTF-8: BOM-marked UTF-8 and
// UTF-16, plain UTF-8, Windows-1258, and the legacy Vietnamese font
// encodings TCVN3 (ABC, .VnTime fonts; TCVN 5712:1993) and VNI-Windows,
// which it detects by their tell-tale characters.
package text

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// ErrBinary is returned for bytes that are not text.
var ErrBinary = errors.New("text: binary data, not text")

// Encoding names returned by DecodeName.
const (
	UTF8    = "utf-8"
	UTF16   = "utf-16"
	CP1258  = "windows-1258"
	CP1252  = "windows-1252"
	TCVN3   = "tcvn3"
	VNI     = "vni-windows"
	unknown = ""
)

// Decode returns the text of b as NFC UTF-8. See DecodeName.
func Decode(b []byte) (string, error) {
	s, _, err := DecodeName(b)
	return s, err
}

// DecodeName returns the text of b as NFC UTF-8 and the name of the
// encoding it was read in. It strips a UTF-8 BOM, decodes UTF-16 with a
// BOM, takes valid UTF-8 as UTF-8, and reads other bytes in whichever of
// Windows-1258, TCVN3 and VNI-Windows gives the most Vietnamese words.
// Text that is valid UTF-8 but was typed in a TCVN3 or VNI font (a copy
// of such a document, "Kÿ ho¹ch" or "Keá hoaïch") is converted too.
func DecodeName(b []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		out, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(b)
		if err != nil {
			return "", "", err
		}
		s, enc := FixLegacy(string(out))
		return NFC(s), or(enc, UTF16), nil
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return "", "", ErrBinary
	}
	if utf8.Valid(b) {
		s, enc := FixLegacy(string(b))
		return NFC(s), or(enc, UTF8), nil
	}
	// A single-byte encoding: try each and keep the most Vietnamese.
	latin := latin1(b)
	best, bestEnc, bestScore := "", "", -1
	cp, err := charmap.Windows1258.NewDecoder().Bytes(b)
	if err == nil {
		cps := NFC(string(cp))
		best, bestEnc, bestScore = cps, CP1258, score(cps)
	}
	for _, c := range []struct {
		name string
		conv func(string) string
	}{{TCVN3, fromTCVN3}, {VNI, fromVNI}} {
		s := NFC(c.conv(latin))
		if sc := score(s); sc > bestScore {
			best, bestEnc, bestScore = s, c.name, sc
		}
	}
	if bestScore < 0 {
		return "", "", err
	}
	return best, bestEnc, nil
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// latin1 reads bytes as Windows-1252, the code page legacy Vietnamese
// fonts are laid over; bytes 0x80-0x9F that Windows-1252 leaves undefined
// are kept as the C1 code points.
func latin1(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) * 2)
	for _, c := range b {
		if c >= 0x80 && c < 0xA0 {
			if r := charmap.Windows1252.DecodeByte(c); r != utf8.RuneError {
				sb.WriteRune(r)
				continue
			}
		}
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

// FixLegacy converts text that is Unicode on the surface but was typed in
// a TCVN3 or VNI-Windows font (each byte shown as its Windows-1252
// character) into real Vietnamese, and names the encoding it found, or
// returns s and "" when s is not such text. It only converts when the
// result has clearly more Vietnamese words than the input.
func FixLegacy(s string) (string, string) {
	if !suspicious(s) {
		return s, unknown
	}
	base, scores, ok := legacyScores(s)
	if !ok {
		return fixLegacyConverting(s)
	}
	bestEnc, bestScore := unknown, base
	for i, name := range []string{TCVN3, VNI} {
		if scores[i] > bestScore {
			bestEnc, bestScore = name, scores[i]
		}
	}
	if bestEnc == unknown || bestScore < 2*base+3 {
		return s, unknown
	}
	return Convert(s, bestEnc), bestEnc
}

// fixLegacyConverting is FixLegacy that scores whole converted copies of
// s; FixLegacy uses it when legacyScores cannot score s word by word.
func fixLegacyConverting(s string) (string, string) {
	base := score(s)
	best, bestEnc, bestScore := s, unknown, base
	for _, c := range []struct {
		name string
		conv func(string) string
	}{{TCVN3, fromTCVN3}, {VNI, fromVNI}} {
		t := NFC(c.conv(s))
		if sc := score(t); sc > bestScore {
			best, bestEnc, bestScore = t, c.name, sc
		}
	}
	if bestEnc == unknown || bestScore < 2*base+3 {
		return s, unknown
	}
	return best, bestEnc
}

// suspicious reports characters that legacy font text shows and real
// Vietnamese does not: Latin-1 symbols and letters outside Vietnamese,
// and the C1 controls / Windows-1252 punctuation where TCVN3 puts
// capitals.
func suspicious(s string) bool {
	n := 0
	// U+0080-U+00FF are the two-byte sequences C2 80 - C3 BF.
	for i := 0; i+1 < len(s); i++ {
		c := s[i]
		if (c != 0xC2 && c != 0xC3) || s[i+1]&0xC0 != 0x80 {
			continue
		}
		r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
		if !vietLatin1Set()[r-0x80] {
			n++
			if n >= 3 {
				return true
			}
		}
		i++
	}
	return false
}

// vietLatin1 are the Latin-1 letters Vietnamese uses.
const vietLatin1 = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ\u00a0"

// vietLatin1Set marks the characters of vietLatin1, from U+0080.
var vietLatin1Set = sync.OnceValue(func() *[0x80]bool {
	var t [0x80]bool
	for _, r := range vietLatin1 {
		t[r-0x80] = true
	}
	return &t
})

// common are frequent Vietnamese syllables of administrative text; score
// counts them. Built on first use.
var common = sync.OnceValue(func() map[string]bool {
	common := map[string]bool{}
	for _, w := range strings.Fields(`của và các được trong người những một này có cho với để là năm
		công thông tin nhà nước tỉnh thực hiện đồng kế hoạch quản lý dụng ứng phát triển
		dịch vụ hệ thống số điện tử cơ quan xã hội đơn vị đầu tư kinh phí triệu năng
		chính quyền nghị định quyết ngày tháng theo về trên địa bàn huyện sở ban ngành
		từ đến đã sẽ không cấp bảo đảm an toàn mạng dữ liệu chỉ tiêu mục nội dung việc`) {
		common[w] = true
	}
	return common
})

// score counts common Vietnamese syllables in s: words are runs of
// letters and marks, compared in lower case.
func score(s string) int {
	words := common()
	n := 0
	var buf [64]byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !wordRune(r) {
			i += size
			continue
		}
		w := buf[:0]
		for i < len(s) {
			r, size = utf8.DecodeRuneInString(s[i:])
			if !wordRune(r) {
				break
			}
			w = utf8.AppendRune(w, unicode.ToLower(r))
			i += size
		}
		if words[string(w)] {
			n++
		}
	}
	return n
}

func wordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case r < 0x370:
		return wordRunes()[r]
	case r >= 0x1E00 && r < 0x1F00:
		return wordRunes()[r-0x1E00+0x370]
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.M, r)
}

// wordRunes marks the letters and marks of U+0000-U+036F and
// U+1E00-U+1EFF (the characters of Vietnamese text) for wordRune.
var wordRunes = sync.OnceValue(func() *[0x470]bool {
	var t [0x470]bool
	for r := rune(0); r < 0x370; r++ {
		t[r] = unicode.IsLetter(r) || unicode.Is(unicode.M, r)
	}
	for r := rune(0x1E00); r < 0x1F00; r++ {
		t[r-0x1E00+0x370] = unicode.IsLetter(r) || unicode.Is(unicode.M, r)
	}
	return &t
})

// TCVN3. The table maps each byte of TCVN 5712:1993 (VN1, which holds
// the capitals the ABC .VnTime fonts lack) that is not ASCII to its
// Unicode character; 0xB0-0xB4 are combining tone marks. It was made
// with glibc iconv's TCVN5712-1 converter, one byte at a time.
var tcvnTable = [256]rune{
	0x01: 0x00da, 0x02: 0x1ee4, 0x04: 0x1eea, 0x05: 0x1eec, 0x06: 0x1eee, 0x11: 0x1ee8,
	0x12: 0x1ef0, 0x13: 0x1ef2, 0x14: 0x1ef6, 0x15: 0x1ef8, 0x16: 0x00dd, 0x17: 0x1ef4,
	0x80: 0x00c0, 0x81: 0x1ea2, 0x82: 0x00c3, 0x83: 0x00c1, 0x84: 0x1ea0, 0x85: 0x1eb6,
	0x86: 0x1eac, 0x87: 0x00c8, 0x88: 0x1eba, 0x89: 0x1ebc, 0x8a: 0x00c9, 0x8b: 0x1eb8,
	0x8c: 0x1ec6, 0x8d: 0x00cc, 0x8e: 0x1ec8, 0x8f: 0x0128, 0x90: 0x00cd, 0x91: 0x1eca,
	0x92: 0x00d2, 0x93: 0x1ece, 0x94: 0x00d5, 0x95: 0x00d3, 0x96: 0x1ecc, 0x97: 0x1ed8,
	0x98: 0x1edc, 0x99: 0x1ede, 0x9a: 0x1ee0, 0x9b: 0x1eda, 0x9c: 0x1ee2, 0x9d: 0x00d9,
	0x9e: 0x1ee6, 0x9f: 0x0168, 0xa1: 0x0102, 0xa2: 0x00c2, 0xa3: 0x00ca, 0xa4: 0x00d4,
	0xa5: 0x01a0, 0xa6: 0x01af, 0xa7: 0x0110, 0xa8: 0x0103, 0xa9: 0x00e2, 0xaa: 0x00ea,
	0xab: 0x00f4, 0xac: 0x01a1, 0xad: 0x01b0, 0xae: 0x0111, 0xaf: 0x1eb0, 0xb0: 0x0300,
	0xb1: 0x0309, 0xb2: 0x0303, 0xb3: 0x0301, 0xb4: 0x0323, 0xb5: 0x00e0, 0xb6: 0x1ea3,
	0xb7: 0x00e3, 0xb8: 0x00e1, 0xb9: 0x1ea1, 0xba: 0x1eb2, 0xbb: 0x1eb1, 0xbc: 0x1eb3,
	0xbd: 0x1eb5, 0xbe: 0x1eaf, 0xbf: 0x1eb4, 0xc0: 0x1eae, 0xc1: 0x1ea6, 0xc2: 0x1ea8,
	0xc3: 0x1eaa, 0xc4: 0x1ea4, 0xc5: 0x1ec0, 0xc6: 0x1eb7, 0xc7: 0x1ea7, 0xc8: 0x1ea9,
	0xc9: 0x1eab, 0xca: 0x1ea5, 0xcb: 0x1ead, 0xcc: 0x00e8, 0xcd: 0x1ec2, 0xce: 0x1ebb,
	0xcf: 0x1ebd, 0xd0: 0x00e9, 0xd1: 0x1eb9, 0xd2: 0x1ec1, 0xd3: 0x1ec3, 0xd4: 0x1ec5,
	0xd5: 0x1ebf, 0xd6: 0x1ec7, 0xd7: 0x00ec, 0xd8: 0x1ec9, 0xd9: 0x1ec4, 0xda: 0x1ebe,
	0xdb: 0x1ed2, 0xdc: 0x0129, 0xdd: 0x00ed, 0xde: 0x1ecb, 0xdf: 0x00f2, 0xe0: 0x1ed4,
	0xe1: 0x1ecf, 0xe2: 0x00f5, 0xe3: 0x00f3, 0xe4: 0x1ecd, 0xe5: 0x1ed3, 0xe6: 0x1ed5,
	0xe7: 0x1ed7, 0xe8: 0x1ed1, 0xe9: 0x1ed9, 0xea: 0x1edd, 0xeb: 0x1edf, 0xec: 0x1ee1,
	0xed: 0x1edb, 0xee: 0x1ee3, 0xef: 0x00f9, 0xf0: 0x1ed6, 0xf1: 0x1ee7, 0xf2: 0x0169,
	0xf3: 0x00fa, 0xf4: 0x1ee5, 0xf5: 0x1eeb, 0xf6: 0x1eed, 0xf7: 0x1eef, 0xf8: 0x1ee9,
	0xf9: 0x1ef1, 0xfa: 0x1ef3, 0xfb: 0x1ef7, 0xfc: 0x1ef9, 0xfe: 0x1ef5, 0xff: 0x1ed0,
}

// tcvnMaps are built from tcvnTable on first use.
type tcvnMaps struct {
	// low and high map the character a TCVN3 byte shows as (its
	// Windows-1252 or Latin-1 reading) to the Vietnamese character: low
	// for characters below 256 (0: none), high for the Windows-1252
	// punctuation above.
	low  [256]rune
	high map[rune]rune
	// to maps Vietnamese characters back to TCVN3 bytes.
	to map[rune]byte
}

var tcvn = sync.OnceValue(func() *tcvnMaps {
	m := &tcvnMaps{high: map[rune]rune{}, to: map[rune]byte{}}
	for i, r := range tcvnTable {
		if r == 0 {
			continue
		}
		b := byte(i)
		m.low[b] = r
		if b >= 0x80 && b < 0xA0 {
			if w := charmap.Windows1252.DecodeByte(b); w != utf8.RuneError {
				if w < 256 {
					m.low[w] = r
				} else {
					m.high[w] = r
				}
			}
		}
		if r < 0x300 || r > 0x36F {
			m.to[r] = b
		}
	}
	return m
})

func fromTCVN3(s string) string {
	m := tcvn()
	return strings.Map(func(r rune) rune {
		if r < 256 {
			if v := m.low[r]; v != 0 {
				return v
			}
			return r
		}
		if v, ok := m.high[r]; ok {
			return v
		}
		return r
	}, s)
}

// VNI-Windows writes a letter as a base letter and up to one modifier
// character (shown in Windows-1252): "eá" is ế, "aø" is à; ơ, ư, đ, ỉ,
// ĩ, ị, ỵ and the i's with tones are single characters.
type vniMaps struct {
	pairs  map[[2]rune]rune // "eá" -> ế
	single map[rune]rune    // 'ô' -> ơ
	to     map[rune]string
	first  [256]bool // the first characters of pairs (all below 256)
	touch  [256]bool // a word without one of these is unchanged: pair seconds and singles
}

// vni builds the VNI-Windows tables on first use.
var vni = sync.OnceValue(func() *vniMaps {
	vniPairs := map[string]rune{}
	vniSingle := map[rune]rune{}
	toVNI := map[rune]string{}
	tones := []string{"", "ù", "ø", "û", "õ", "ï"}  // none, sắc, huyền, hỏi, ngã, nặng
	circ := []string{"â", "á", "à", "å", "ã", "ä"}  // â ấ ầ ẩ ẫ ậ
	breve := []string{"ê", "é", "è", "ú", "ü", "ë"} // ă ắ ằ ẳ ẵ ặ
	add := func(base string, mods []string, vowel string) {
		// vowel: the Vietnamese letter with no tone, e.g. "â"; tones are
		// added with combining marks and composed.
		marks := []string{"", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"}
		for i, m := range mods {
			u := []rune(norm.NFC.String(vowel + marks[i]))[0]
			v := base + m
			for _, up := range []bool{false, true} {
				vv, uu := v, u
				if up {
					vv, uu = strings.ToUpper(v), unicode.ToUpper(u)
				}
				if utf8.RuneCountInString(vv) == 1 {
					vniSingle[[]rune(vv)[0]] = uu
				} else {
					vniPairs[vv] = uu
				}
				toVNI[uu] = vv
			}
		}
	}
	for _, v := range []string{"a", "e", "o", "u", "y"} {
		add(v, tones, v)
	}
	add("a", circ, "â")
	add("e", circ, "ê")
	add("o", circ, "ô")
	add("a", breve, "ă")
	add("ô", tones, "ơ")
	add("ö", tones, "ư")
	add("", []string{"i", "í", "ì", "æ", "ó", "ò"}, "i")
	// Tones on y with a dot below is a single character too.
	delete(vniPairs, "yï")
	delete(vniPairs, "YÏ")
	vniSingle['î'], vniSingle['Î'] = 'ỵ', 'Ỵ'
	toVNI['ỵ'], toVNI['Ỵ'] = "î", "Î"
	vniSingle['ñ'], vniSingle['Ñ'] = 'đ', 'Đ'
	toVNI['đ'], toVNI['Đ'] = "ñ", "Ñ"
	// Plain letters map to themselves.
	for _, r := range "aeouyiAEOUYI" {
		delete(vniSingle, r)
		delete(toVNI, r)
	}
	m := &vniMaps{pairs: map[[2]rune]rune{}, single: vniSingle, to: toVNI}
	// legacyScores relies on VNI mapping letters below U+0100 to letters.
	letters := func(rs ...rune) bool {
		for _, r := range rs {
			if !unicode.IsLetter(r) {
				return false
			}
		}
		return true
	}
	for k, u := range vniPairs {
		rs := []rune(k)
		if len(rs) != 2 || rs[0] >= 256 || rs[1] >= 256 || !letters(rs[0], rs[1], u) {
			panic("text: VNI pair " + k + " is not two letters below U+0100 making a letter")
		}
		m.pairs[[2]rune{rs[0], rs[1]}] = u
		m.first[rs[0]] = true
		m.touch[rs[1]] = true // a pair needs its second character
	}
	for r, u := range vniSingle {
		if r >= 256 || !letters(r, u) {
			panic("text: VNI character " + string(r) + " is not a letter below U+0100 making a letter")
		}
		m.touch[r] = true
	}
	return m
})

func fromVNI(s string) string {
	tab := vni()
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if n2 := i + n; n2 < len(s) && r < 256 && tab.first[r] {
			r2, m := utf8.DecodeRuneInString(s[n2:])
			if u, ok := tab.pairs[[2]rune{r, r2}]; ok {
				b.WriteRune(u)
				i = n2 + m
				continue
			}
		}
		if u, ok := tab.single[r]; ok {
			b.WriteRune(u)
		} else {
			b.WriteRune(r)
		}
		i += n
	}
	return b.String()
}

// Convert converts text shown in a legacy font encoding (TCVN3 or VNI)
// into NFC Unicode without detecting it; other names leave s as it is.
func Convert(s, enc string) string {
	switch enc {
	case TCVN3:
		return NFC(fromTCVN3(s))
	case VNI:
		return NFC(fromVNI(s))
	}
	return s
}

// Encode writes NFC text s in a legacy encoding (TCVN3 or VNI) as bytes,
// for tests and for checking round trips. Characters the encoding lacks
// are an error.
func Encode(s, enc string) ([]byte, error) {
	s = norm.NFC.String(s)
	var out []byte
	for _, r := range s {
		switch {
		case r < 0x80:
			out = append(out, byte(r))
		case enc == TCVN3:
			c, ok := tcvn().to[r]
			if !ok {
				if r == 0xA0 || r == 0xFD {
					c, ok = byte(r), true
				} else {
					return nil, errors.New("text: " + string(r) + " has no TCVN3 code")
				}
			}
			out = append(out, c)
		case enc == VNI:
			v, ok := vni().to[r]
			if !ok {
				v = string(r)
			}
			for _, c := range v {
				b, ok := charmap.Windows1252.EncodeRune(c)
				if !ok {
					return nil, errors.New("text: " + string(r) + " has no VNI-Windows code")
				}
				out = append(out, b)
			}
		default:
			return nil, errors.New("text: unknown encoding " + enc + ", want tcvn3|vni-windows")
		}
	}
	return out, nil
}

// Representable writes the characters TCVN3 and VNI lack (typographic
// quotes and dashes, superscripts, symbols) in ASCII, so that a text can
// be re-encoded for round-trip tests.
func Representable(s string) string {
	s = norm.NFC.String(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r < 0x80:
			return r
		case r == '“' || r == '”' || r == '„':
			return '"'
		case r == '‘' || r == '’':
			return '\''
		case r == '–' || r == '—' || r == '−':
			return '-'
		case r == '…':
			return '.'
		}
		if _, ok := tcvn().to[r]; ok {
			if _, ok := vni().to[r]; ok || strings.ContainsRune("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ", r) {
				return r
			}
		}
		if r == 0xA0 || r == 0xFD || r == 0xDD {
			return r
		}
		return '?'
	}, s)
}
