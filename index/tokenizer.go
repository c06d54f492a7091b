package index

import (
	"unicode"
	"unicode/utf8"

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
	out := make(analysis.TokenStream, 0, len(in)/6+1)
	toks := make([]analysis.Token, 0, len(in)/6+1)
	pos := 0
	start := -1
	numeric := true
	emit := func(end int) {
		pos++
		typ := analysis.AlphaNumeric
		if numeric {
			typ = analysis.Numeric
		}
		toks = append(toks, analysis.Token{Term: in[start:end:end], Start: start, End: end, Position: pos, Type: typ})
		start = -1
	}
	for i := 0; i < len(in); {
		r, size := rune(in[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(in[i:])
		}
		switch {
		case isWord(r):
			if start < 0 {
				start, numeric = i, true
			}
			if r < '0' || r > '9' {
				numeric = false
			}
		case (r == '.' || r == ',') && start >= 0 && numeric && i+1 < len(in) && isDigitByte(in[i+1]):
			// inside a number
		default:
			if start >= 0 {
				emit(i)
			}
		}
		i += size
	}
	if start >= 0 {
		emit(len(in))
	}
	for i := range toks {
		out = append(out, &toks[i])
	}
	return out
}

func init() {
	err := registry.RegisterTokenizer(TokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return wordTokenizer{}, nil
	})
	if err != nil {
		panic(err)
	}
}
