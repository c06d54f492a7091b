package index

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/shingle"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/unicode/norm"

	"kehoach/corpus/province/vifold"
)

// Names of the analysis components registered with bleve.
const (
	NormalizeName  = "vi_normalize" // token filter: NFC, lower case, one tone placement
	FoldName       = "vi_fold"      // token filter: diacritics removed (đ -> d)
	FoldLowerName  = "vi_foldlower" // token filter: lower case and diacritics removed, one pass
	SynonymName    = "vi_synonym"   // token filter: acronym <-> expansion
	BigramName     = "vi_bigram"    // token filter: adjacent syllable pairs
	ExactAnalyzer  = "vi_exact"     // tokens with their diacritics
	FoldAnalyzer   = "vi"           // diacritic-free tokens plus acronym synonyms
	BigramAnalyzer = "vi_bigram"    // diacritic-free syllable bigrams
	IndexAnalyzer  = "vi_index"     // all three in one pass, for the text field
)

// ExactPrefix marks the terms of IndexAnalyzer that keep their diacritics
// ("=dịch"); bigrams are "dich_vu"; the rest are folded words.
const ExactPrefix = "="

// indexAnalyzer is what the index's one text field holds, in one pass
// over the words: the folded words with acronym synonyms (FoldAnalyzer),
// the words that carry diacritics as written, behind ExactPrefix
// (ExactAnalyzer; a word without diacritics is its folded form already,
// and queries look up exact forms only for words with diacritics), and
// the folded syllable bigrams (BigramAnalyzer). One field instead of
// three: one tokenisation, one fold, one term-frequency map per entry.
type indexAnalyzer struct {
	syn *synonymFilter
}

func (a indexAnalyzer) Analyze(in []byte) analysis.TokenStream {
	words := wordTokenizer{}.Tokenize(in)
	n := len(words)
	slab := make([]analysis.Token, 0, 3*n)
	add := func(t analysis.Token) *analysis.Token {
		if len(slab) == cap(slab) {
			slab = make([]analysis.Token, 0, n+1)
		}
		slab = append(slab, t)
		return &slab[len(slab)-1]
	}
	// Folded words, then synonyms (the filters work in place on copies).
	fold := make(analysis.TokenStream, n)
	for i, w := range words {
		fold[i] = add(*w)
	}
	fold = foldLowerFilter{}.Filter(fold)
	out := make(analysis.TokenStream, 0, 3*n)
	out = append(out, a.syn.Filter(fold)...)
	// Exact forms of the words with diacritics.
	var buf []byte
	for _, w := range words {
		if isASCII(w.Term) {
			continue
		}
		e := normalizeTerm(w.Term)
		if !vifold.HasDiacritics(string(e)) {
			continue
		}
		start := len(buf)
		buf = append(append(buf, ExactPrefix...), e...)
		t := *w
		t.Term = buf[start:len(buf):len(buf)]
		out = append(out, add(t))
	}
	// Bigrams of adjacent folded words.
	for i := 1; i < n; i++ {
		x, y := fold[i-1], fold[i]
		start := len(buf)
		buf = append(append(append(buf, x.Term...), '_'), y.Term...)
		out = append(out, add(analysis.Token{
			Term: buf[start:len(buf):len(buf)], Start: x.Start, End: y.End,
			Position: x.Position, Type: analysis.Shingle,
		}))
	}
	return out
}

// normalizeFilter lower-cases each term, composes it to NFC and moves
// its tone mark to one place (hoà -> hòa). Offsets are untouched: they
// still point at the source.
type normalizeFilter struct{}

func (normalizeFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = normalizeTerm(t.Term)
	}
	return in
}

func normalizeTerm(b []byte) []byte {
	ascii, upper := true, false
	for _, c := range b {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return b
		}
		return bytes.ToLower(b)
	}
	s := string(b)
	if hasCombining(s) {
		s = norm.NFC.String(s)
	}
	return []byte(vifold.ToneNormalize(strings.ToLower(s)))
}

// hasCombining reports whether s holds a combining diacritic (input not
// in NFC).
func hasCombining(s string) bool {
	for _, r := range s {
		if r >= 0x300 && r <= 0x36f {
			return true
		}
	}
	return false
}

// foldFilter replaces each term by its diacritic-free form. It is a token
// filter, not a char filter, so Start and End keep pointing at the
// source text.
type foldFilter struct{}

func (foldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if !isASCII(t.Term) {
			t.Term = []byte(vifold.Fold(string(t.Term)))
		}
	}
	return in
}

// foldLowerFilter lower-cases and folds each term in one pass (the tone
// placement does not matter once the tone marks are gone).
type foldLowerFilter struct{}

func (foldLowerFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	n := 0
	for _, t := range in {
		n += len(t.Term)
	}
	buf := make([]byte, 0, n)
	for _, t := range in {
		if isASCII(t.Term) && !hasUpper(t.Term) {
			continue
		}
		start := len(buf)
		buf = vifold.AppendFoldLower(buf, t.Term)
		t.Term = buf[start:len(buf):len(buf)]
	}
	return in
}

func hasUpper(b []byte) bool {
	for _, c := range b {
		if 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// Synonyms maps the administrative acronyms to their expansions, both
// diacritic-free and lower case. A text holding the expansion gets the
// acronym as an extra token at the expansion's first position, so a
// query for either form finds both.
var Synonyms = map[string][]string{
	"cntt":  {"cong nghe thong tin"},
	"attt":  {"an toan thong tin"},
	"dvctt": {"dich vu cong truc tuyen"},
	"dvc":   {"dich vu cong"},
	"tthc":  {"thu tuc hanh chinh"},
	"cqnn":  {"co quan nha nuoc"},
	"cds":   {"chuyen doi so"},
	"csdl":  {"co so du lieu"},
	"lgsp":  {"nen tang tich hop chia se du lieu", "truc tich hop chia se du lieu"},
	"soc":   {"giam sat dieu hanh an toan an ninh mang", "trung tam giam sat an toan thong tin"},
	"ioc":   {"trung tam dieu hanh thong minh", "trung tam giam sat dieu hanh thong minh"},
	"ubnd":  {"uy ban nhan dan"},
	"hdnd":  {"hoi dong nhan dan"},
}

type phrase struct {
	words   [][]byte
	acronym []byte
}

// synonymFilter injects the acronym token where its expansion occurs.
type synonymFilter struct {
	byFirst map[string][]phrase
}

func newSynonymFilter(table map[string][]string) *synonymFilter {
	f := &synonymFilter{byFirst: map[string][]phrase{}}
	for acr, exps := range table {
		for _, e := range exps {
			var p phrase
			p.acronym = []byte(acr)
			for _, w := range bytes.Fields([]byte(e)) {
				p.words = append(p.words, w)
			}
			first := string(p.words[0])
			f.byFirst[first] = append(f.byFirst[first], p)
		}
	}
	return f
}

func (f *synonymFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	var out analysis.TokenStream
	for i, t := range in {
		ps := f.byFirst[string(t.Term)]
		if len(ps) == 0 {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = make(analysis.TokenStream, i, len(in)+8)
			copy(out, in[:i])
		}
		out = append(out, t)
		for _, p := range ps {
			if i+len(p.words) > len(in) {
				continue
			}
			ok := true
			for j, w := range p.words {
				if !bytes.Equal(in[i+j].Term, w) {
					ok = false
					break
				}
			}
			if ok {
				last := in[i+len(p.words)-1]
				out = append(out, &analysis.Token{
					Start: t.Start, End: last.End, Term: p.acronym,
					Position: t.Position, Type: analysis.AlphaNumeric,
				})
			}
		}
	}
	if out == nil {
		return in
	}
	return out
}

func init() {
	regFilter := func(name string, f analysis.TokenFilter) {
		err := registry.RegisterTokenFilter(name, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
			return f, nil
		})
		if err != nil {
			panic(err)
		}
	}
	regFilter(NormalizeName, normalizeFilter{})
	regFilter(FoldName, foldFilter{})
	regFilter(FoldLowerName, foldLowerFilter{})
	regFilter(SynonymName, newSynonymFilter(Synonyms))
	regFilter(BigramName, shingle.NewShingleFilter(2, 2, false, "_", ""))

	regAnalyzer := func(name string, filters ...string) {
		err := registry.RegisterAnalyzer(name, func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
			tok, err := cache.TokenizerNamed(TokenizerName)
			if err != nil {
				return nil, err
			}
			a := &analysis.DefaultAnalyzer{Tokenizer: tok}
			for _, n := range filters {
				f, err := cache.TokenFilterNamed(n)
				if err != nil {
					return nil, err
				}
				a.TokenFilters = append(a.TokenFilters, f)
			}
			return a, nil
		})
		if err != nil {
			panic(err)
		}
	}
	regAnalyzer(ExactAnalyzer, NormalizeName)
	regAnalyzer(FoldAnalyzer, FoldLowerName, SynonymName)
	regAnalyzer(BigramAnalyzer, FoldLowerName, BigramName)
	err := registry.RegisterAnalyzer(IndexAnalyzer, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return indexAnalyzer{syn: newSynonymFilter(Synonyms)}, nil
	})
	if err != nil {
		panic(err)
	}
}

// analyzerCache resolves the registered analyzers outside an index (query
// analysis, snippets).
var analyzerCache = registry.NewCache()

// Analyze runs the named analyzer over text and returns its tokens: the
// term and the byte offsets into text.
func Analyze(analyzer, text string) []Token {
	a, err := analyzerCache.AnalyzerNamed(analyzer)
	if err != nil {
		panic("index: " + err.Error())
	}
	ts := a.Analyze([]byte(text))
	out := make([]Token, len(ts))
	for i, t := range ts {
		out[i] = Token{Term: string(t.Term), Start: t.Start, End: t.End, Position: t.Position}
	}
	return out
}

// Token is one analysed term with its byte offsets into the source.
type Token struct {
	Term       string
	Start, End int
	Position   int
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
