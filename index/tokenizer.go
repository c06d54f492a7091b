package index

import (
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// TokenizerName is the Vietnamese word tokenizer.
const TokenizerName = "vi_words"

// wordTokenizer splits text into runs of letters, digits and combining
// marks: Vietnamese writes one syllable per word, so this is the word
// segmentation the index needs, several times faster than UAX #29. A
// "." or "," between digits stays inside the number (16.368,6).
type wordTokenizer struct{}

func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isDigitByte(b byte) bool { return '0' <= b && b <= '9' }

func (wordTokenizer) Tokenize(in []byte) analysis.TokenStream {
	toks := make([]analysis.Token, 0, len(in)/6+1)
	// The scan only reads in, and in outlives it: no copy.
	wordSpans(unsafe.String(unsafe.SliceData(in), len(in)), func(start, end int, numeric bool) bool {
		typ := analysis.AlphaNumeric
		if numeric {
			typ = analysis.Numeric
		}
		toks = append(toks, analysis.Token{Term: in[start:end:end], Start: start, End: end, Position: len(toks) + 1, Type: typ})
		return true
	})
	out := make(analysis.TokenStream, len(toks))
	for i := range toks {
		out[i] = &toks[i]
	}
	return out
}

// wordSpans calls fn with the byte span of each word of s, and whether
// it is a number, until fn returns false. The tokenizer and the snippet
// scanner share it, so a snippet marks exactly the words the index holds.
func wordSpans(s string, fn func(start, end int, numeric bool) (more bool)) {
	start := -1
	numeric := true
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isWord(r):
			if start < 0 {
				start, numeric = i, true
			}
			if r < '0' || r > '9' {
				numeric = false
			}
		case (r == '.' || r == ',') && start >= 0 && numeric && i+1 < len(s) && isDigitByte(s[i+1]):
			// inside a number
		default:
			if start >= 0 {
				if !fn(start, i, numeric) {
					return
				}
				start = -1
			}
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(s), numeric)
	}
}

func init() {
	err := registry.RegisterTokenizer(TokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return wordTokenizer{}, nil
	})
	if err != nil {
		panic(err)
	}
}
