package index

import (
	"os"
	"path/filepath"
	"testing"

	"kehoach/corpus/province/vifold"
)

func sampleTexts(b *testing.B) [][]byte {
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	var out [][]byte
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, t)
	}
	return out
}

// BenchmarkTokenize is the word tokenizer over the five samples.
func BenchmarkTokenize(b *testing.B) {
	texts := sampleTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			wordTokenizer{}.Tokenize(t)
		}
	}
}

// BenchmarkScanWords is the snippet scanner over the five samples,
// looking for terms that never match (the worst case: a full scan).
func BenchmarkScanWords(b *testing.B) {
	texts := sampleTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	terms := map[string]bool{"khongco": true, "zzz": true}
	b.SetBytes(int64(n))
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			scanWords(string(t), terms, func(int, int, string) bool { return true })
		}
	}
}

// FuzzTokenize: words are in order, inside the text and never empty, and
// the snippet scanner finds exactly the tokenizer's words.
func FuzzTokenize(f *testing.F) {
	f.Add("Kế hoạch số 16.368,6 triệu đồng; CNTT-ATTT, 2021–2025.")
	f.Add("a.b 1.2.3 ,5 x\u0301y \xff")
	f.Fuzz(func(t *testing.T, s string) {
		toks := wordTokenizer{}.Tokenize([]byte(s))
		terms := map[string]bool{}
		var want [][2]int
		prev := 0
		for _, tk := range toks {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) || string(tk.Term) != s[tk.Start:tk.End] {
				t.Fatalf("%q: bad token %q at %d:%d", s, tk.Term, tk.Start, tk.End)
			}
			prev = tk.End
			want = append(want, [2]int{tk.Start, tk.End})
			terms[string(vifold.AppendFoldLower(nil, tk.Term))] = true
		}
		var got [][2]int
		scanWords(s, terms, func(start, end int, _ string) bool {
			got = append(got, [2]int{start, end})
			return true
		})
		if len(got) != len(want) {
			t.Fatalf("%q: scanWords found %v, the tokenizer %v", s, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%q: scanWords found %v, the tokenizer %v", s, got, want)
			}
		}
	})
}
