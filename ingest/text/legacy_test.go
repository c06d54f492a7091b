package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// legacyCases are texts for comparing FixLegacy with fixLegacyConverting:
// the samples, the samples re-encoded in TCVN3 and VNI and shown as
// Windows-1252, mixes of both, and odd cases.
func legacyCases(t testing.TB) []string {
	cases := []string{
		"", "KÕ ho¹ch cña tØnh vµ c¸c së", "Keá hoaïch cuûa tænh vaø caùc sôû", "¹²³ ¹²³ Kế hoạch",
		"° ± × ÷ « » ¼ ½", " \u00b3a ¸ \u00b0b", "x\u0301 ¹²³", "\xff¹²³", "Æ æ Ø ø ñ Ñ î Î ¹²",
	}
	files, _ := filepath.Glob("../../testdata/corpus/0*.txt")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(raw)
		cases = append(cases, s, s+"¹²³")
		for _, enc := range []string{TCVN3, VNI} {
			b, err := Encode(Representable(s), enc)
			if err != nil {
				t.Fatal(err)
			}
			shown, err := charmap.Windows1252.NewDecoder().Bytes(b)
			if err != nil {
				continue
			}
			cases = append(cases, string(shown), s[:len(s)/2]+string(shown[len(shown)/2:]))
		}
	}
	return cases
}

// fixLegacyRef is FixLegacy as first written: every suspicious text is
// converted whole and scored.
func fixLegacyRef(s string) (string, string) {
	if !suspicious(s) {
		return s, unknown
	}
	return fixLegacyConverting(s)
}

func TestFixLegacySameAsConverting(t *testing.T) {
	for _, s := range legacyCases(t) {
		got, genc := FixLegacy(s)
		want, wenc := fixLegacyRef(s)
		if got != want || genc != wenc {
			t.Errorf("FixLegacy(%.40q) = %.40q, %q; want %.40q, %q", s, got, genc, want, wenc)
		}
	}
}

func FuzzFixLegacy(f *testing.F) {
	for _, s := range legacyCases(f) {
		for len(s) > 600 { // seed with slices of the long texts
			f.Add(s[:600])
			s = s[len(s)/3:]
		}
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, genc := FixLegacy(s)
		want, wenc := fixLegacyRef(s)
		if got != want || genc != wenc {
			t.Errorf("FixLegacy(%q) = %q, %q; want %q, %q", s, got, genc, want, wenc)
		}
	})
}

// suspiciousRunes is suspicious as first written, rune by rune.
func suspiciousRunes(s string) bool {
	n := 0
	for _, r := range s {
		if r >= 0x80 && r <= 0xFF && !strings.ContainsRune(vietLatin1, r) {
			n++
			if n >= 3 {
				return true
			}
		}
	}
	return false
}

func FuzzSuspicious(f *testing.F) {
	for _, s := range []string{"", "¹²³", "à¹²", "\xe1\xc3\xa0°±×", "Kế hoạch ¼½¾", "\xc2\xc2\xb0\xb1\xc3\xd7\xc3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := suspicious(s), suspiciousRunes(s); got != want {
			t.Errorf("suspicious(%q) = %v, want %v", s, got, want)
		}
	})
}
