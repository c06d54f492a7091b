package indicator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/corpus/province/vifold"
)

// foldSteps is Fold done step by step, as first written: the reference
// the one-pass Fold must equal.
func foldSteps(s string) string {
	s = strings.ToLower(vifold.Fold(s))
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteByte(c)
		case c == '/' && i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]):
			b.WriteByte(c)
		case c >= 0x80:
			b.WriteByte(c)
		default:
			b.WriteByte(' ')
		}
	}
	words := strings.Fields(b.String())
	for i, w := range words {
		if x, ok := abbrev[w]; ok {
			words[i] = x
		}
	}
	return strings.Join(words, " ")
}

var foldCases = []string{
	"", " ", "Tỷ lệ DVCTT toàn trình đạt 80%", "24/7", "1//2", "1/ 2", "a/1", "1/a", "1/", "/1",
	"ĐÀO TẠO CBCCVC", "Kí số, tỉ lệ", "1\u0301/2", "x\u00a0y\u2003z\u3000w", "\u212aelvin Å \u212b",
	"İstanbul ǅ", "ð Ð đ Đ", "\xff\xfe bad", "ONLINE email", "12/3/4", "3/\u03004", "α/β Ω",
	"a\u0085b", "tthc, dvc; cntt.", "ﬁ ß", "１２/３", "\t\n",
}

func TestFoldSameAsSteps(t *testing.T) {
	cases := append([]string(nil), foldCases...)
	files, _ := filepath.Glob("../../testdata/corpus/*.txt")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(raw), "\n") {
			cases = append(cases, l)
		}
	}
	for r := rune(0); r < 0x3100; r++ {
		cases = append(cases, "1"+string(r)+"2 a"+string(r)+"b")
	}
	for _, s := range cases {
		if got, want := Fold(s), foldSteps(s); got != want {
			t.Errorf("Fold(%+q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range foldCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fold(s), foldSteps(s); got != want {
			t.Errorf("Fold(%+q) = %q, want %q", s, got, want)
		}
	})
}

// matchAllRules is Match without the first-word filter.
func matchAllRules(subject string) (id string, confidence float64) {
	text := " " + Fold(subject) + " "
	if len(text) <= 2 {
		return "", 0
	}
	bestLen := 0
	t := loaded()
	for i, in := range t.all {
		for k, r := range in.Rules {
			if r.Conf < MinConfidence || r.Conf < confidence {
				continue
			}
			n, ok := ruleMatch(text, t.pad[i][k])
			if !ok {
				continue
			}
			if r.Conf > confidence || n > bestLen {
				id, confidence, bestLen = in.ID, r.Conf, n
			}
		}
	}
	return id, confidence
}

func TestMatchFilterKeepsMatches(t *testing.T) {
	var cases []string
	for _, in := range All() {
		cases = append(cases, in.Phrases...)
		cases = append(cases, in.NameVI)
	}
	files, _ := filepath.Glob("../../testdata/corpus/*.txt")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(raw), "\n") {
			for len(l) > 300 {
				cases = append(cases, l[:300])
				l = l[150:]
			}
			cases = append(cases, l)
		}
	}
	for _, s := range cases {
		gid, gc := Match(s)
		wid, wc := matchAllRules(s)
		if gid != wid || gc != wc {
			t.Errorf("Match(%q) = %q, %v; want %q, %v", s, gid, gc, wid, wc)
		}
	}
}

func TestAbbrevLength(t *testing.T) {
	for k := range abbrev {
		if len(k) > maxAbbrev {
			t.Errorf("abbrev key %q is longer than maxAbbrev (%d)", k, maxAbbrev)
		}
	}
}
