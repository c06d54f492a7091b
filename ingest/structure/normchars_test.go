package structure

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// normCharsRunes is normChars as first written, rune by rune: the
// reference for the version that copies unchanged stretches whole.
func normCharsRunes(s string, st *Stats) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\u00a0' || r == '\u202f' || r == '\u205f' || r == '\u3000' || (r >= '\u2000' && r <= '\u200a'):
			b.WriteByte(' ')
			st.Chars++
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
			st.Chars++
		case r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2212':
			b.WriteByte('-')
			st.Chars++
		case r == '\v' || r == '\f':
			b.WriteByte('\n')
			st.Chars++
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var normCharsCases = []string{
	"", "abc", "a\u00a0b", "\u00a0", "x\r\ny\rz", "a\u200bb\u00adc", "\u2212 5", "\v\f", "\xffa\xfe",
	"Kế hoạch\u2003số\u2011 1\ufeff", "\ufffd", "tail\u2060",
}

func TestNormCharsSameAsRunes(t *testing.T) {
	cases := append([]string(nil), normCharsCases...)
	files, _ := filepath.Glob("../../testdata/corpus/0*.txt")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, string(raw))
	}
	for _, s := range cases {
		var st, want Stats
		if got, w := normChars(s, &st), normCharsRunes(s, &want); got != w || st != want {
			t.Errorf("normChars(%.40q) = %.40q, %+v; want %.40q, %+v", s, got, st, w, want)
		}
	}
}

func FuzzNormChars(f *testing.F) {
	for _, s := range normCharsCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var st, want Stats
		if got, w := normChars(s, &st), normCharsRunes(s, &want); got != w || st != want {
			t.Errorf("normChars(%q) = %q, %+v; want %q, %+v", s, got, st, w, want)
		}
	})
}
