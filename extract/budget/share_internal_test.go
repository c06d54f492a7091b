package budget

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// shareMatchesAll is shareMatches as first written, with FindAll over
// each window.
func shareMatchesAll(text string) [][]int {
	var out [][]int
	last := 0
	for i := 0; i < len(text); {
		k := strings.IndexByte(text[i:], '%')
		if k < 0 {
			break
		}
		pct := i + k
		i = pct + 1
		near := min(pct+48, len(text))
		if !reBaseWord.MatchString(text[pct:near]) {
			continue
		}
		w0 := max(pct-64, last, 0)
		for w0 < pct && !utf8.RuneStart(text[w0]) {
			w0++
		}
		w1 := min(pct+600, len(text))
		for w1 < len(text) && !utf8.RuneStart(text[w1]) {
			w1++
		}
		for _, m := range reShare.FindAllStringSubmatchIndex(text[w0:w1], -1) {
			if m[5]+w0 > pct || strings.TrimSpace(text[m[5]+w0:pct]) != "" {
				continue
			}
			abs := make([]int, len(m))
			for j, v := range m {
				abs[j] = v
				if v >= 0 {
					abs[j] = v + w0
				}
			}
			out = append(out, abs)
			last = abs[1]
			break
		}
	}
	return out
}

func TestShareMatchesSameAsFindAll(t *testing.T) {
	cases := []string{
		"dành 10% kinh phí, 5 % tổng vốn và tối thiểu 30% ngân sách chi đầu tư",
		"12% 13% 14% kinh phí", "khoảng 2,5% tổng kinh phí; 3% vốn. 4% trên tổng ngân sách",
	}
	files, _ := filepath.Glob("../../testdata/corpus/*.txt")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, string(raw))
	}
	for _, s := range cases {
		if got, want := shareMatches(s), shareMatchesAll(s); !reflect.DeepEqual(got, want) {
			t.Errorf("shareMatches(%.50q) = %v, want %v", s, got, want)
		}
	}
}
