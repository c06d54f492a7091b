package structure

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// wordStatsRef is the word statistics as first written, with maps: the
// reference for words' scans.
func wordStatsRef(lines []string) (bigrams, ends map[string]bool) {
	bigrams, ends = map[string]bool{}, map[string]bool{}
	for i, l := range lines {
		prev := ""
		for k := 0; k < len(l); {
			r, n := utf8.DecodeRuneInString(l[k:])
			switch {
			case unicode.IsLetter(r):
				j := k + n
				for j < len(l) {
					r2, n2 := utf8.DecodeRuneInString(l[j:])
					if !unicode.IsLetter(r2) && !unicode.Is(unicode.M, r2) {
						break
					}
					j += n2
				}
				word := strings.ToLower(l[k:j])
				if prev != "" {
					bigrams[prev+" "+word] = true
				}
				prev = word
				k = j
				continue
			case r == ' ' || r == '\t':
			case strings.ContainsRune(".,;:!?)", r):
				if prev != "" {
					ends[prev] = true
				}
				prev = ""
			default:
				prev = ""
			}
			k += n
		}
		if prev != "" && (i+1 >= len(lines) || isBlank(lines[i+1])) {
			ends[prev] = true
		}
	}
	return bigrams, ends
}

func TestWordsSameAsMaps(t *testing.T) {
	texts := []string{"", "MỤC TIÊU CỤ\nTHỂ", "a b. c\n\nd  e\tf) g\u0301h İx \u212aA", "Ủy ban nhân dân tỉnh\nVĩnh Phúc"}
	files, _ := filepath.Glob("../../testdata/corpus/*.txt")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(raw))
	}
	for _, text := range texts {
		lines := strings.Split(text, "\n")
		bigrams, ends := wordStatsRef(lines)
		w := &words{lines: lines}
		var vocab []string
		for k, tok := range wordToks(lines) {
			if k < 300 || k%40 == 0 {
				vocab = append(vocab, strings.ToLower(w.text(tok)))
			}
		}
		vocab = append(vocab, "", "x", "tiêu", "thể", "phúc")
		// the same questions by scans (queries held at 0) and by maps
		scan, maps := &words{lines: lines}, &words{lines: lines, queries: scanQueries}
		for _, w := range []*words{scan, maps} {
			for i, a := range vocab {
				scan.queries = 0
				if got, want := w.end(a), ends[a]; got != want {
					t.Errorf("end(%q) = %v, want %v (maps %v)", a, got, want, w.ids != nil)
				}
				for _, b := range []string{vocab[(i+1)%len(vocab)], vocab[(i*7+3)%len(vocab)], "thể", "x"} {
					scan.queries = 0
					if got, want := w.bigram(a, b), bigrams[a+" "+b]; got != want {
						t.Errorf("bigram(%q, %q) = %v, want %v (maps %v)", a, b, got, want, w.ids != nil)
					}
				}
			}
		}
		if scan.ids != nil || maps.ids == nil {
			t.Error("the test did not try both ways of answering")
		}
	}
}
