package text

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestNFC(t *testing.T) {
	tests := []string{
		"", "STT 1 2 3", "Kế hoạch số 326/KH-UBND", norm.NFD.String("Kế hoạch"),
		"ê\u0301", "e\u0301", "a\u0323\u0301", "\u0301a", "Å", "\u212b", "가\u11a8",
		"…“”–—•²₫", "\xff\xfeabc", "ơ\u0309n", "漢字", "x\u0338",
	}
	files, _ := filepath.Glob("../../testdata/corpus/0*.txt")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tests = append(tests, string(raw), norm.NFD.String(string(raw)))
	}
	for _, s := range tests {
		if got, want := NFC(s), norm.NFC.String(s); got != want {
			t.Errorf("NFC(%+q) = %+q, want %+q", short(s), short(got), short(want))
		}
	}
}

// TestStandaloneTable checks every character the table marks, alone and
// before and after each combining mark and Hangul jamo, against norm.
func TestStandaloneTable(t *testing.T) {
	tab := standaloneTable()
	var others []rune
	for r := rune(0x300); r < 0x370; r++ {
		others = append(others, r)
	}
	for r := rune(0x1161); r < 0x11C3; r++ { // Hangul V and T jamo
		others = append(others, r)
	}
	for r := rune(0); r < nfcStandaloneLimit; r++ {
		if !tab[r] {
			continue
		}
		c := string(r)
		if norm.NFC.String(c) != c {
			t.Errorf("%U marked standalone but NFC changes it", r)
		}
		for _, o := range others {
			if s := c + string(o); !tab[o] && norm.NFC.String(s) == s {
				continue // no composition: o stays and is not marked
			} else if tab[o] && norm.NFC.String(s) != s {
				t.Errorf("%U %U both marked standalone but compose", r, o)
			}
			if s := string(o) + c; tab[o] && norm.NFC.String(s) != s {
				t.Errorf("%U %U both marked standalone but compose", o, r)
			}
		}
	}
}

func short(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

func FuzzNFC(f *testing.F) {
	for _, s := range []string{"Kế hoạch", norm.NFD.String("Kế hoạch"), "e\u0301", "\u212b", "가\u11a8"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := NFC(s), norm.NFC.String(s); got != want {
			t.Errorf("NFC(%+q) = %+q, want %+q", s, got, want)
		}
	})
}
