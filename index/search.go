package index

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"kehoach/corpus"
	"kehoach/corpus/province"
	"kehoach/corpus/province/vifold"
)

// Query is one search: text in the query syntax (see Syntax) plus the
// filters of the command line.
type Query struct {
	Text        string
	Province    string // as named in the plan, any spelling ("kon tum")
	ProvinceNow string // the 2025 unit ("Quảng Ngãi" covers ex-Kon Tum)
	Year        int    // the entry concerns this year (a plan: any year of its period)
	Type        string // document type, "Kế hoạch", "quyet dinh"
	Kind        string // doc (default), citation, target, budget, project, or "all"
	Indicator   string
	Size, From  int  // page; Size 0 means 10
	NoSnippets  bool // skip reading the store for snippets
}

// Syntax documents the query language.
const Syntax = `Query syntax (diacritics optional; "dich vu cong" and "dịch vụ công" find
the same entries, and exact-diacritic matches rank first):

  word word        every word must occur (any tone placement, any case)
  "a phrase"       the words must occur as adjacent pairs (syllable bigrams)
  -word -"phrase"  exclude
  CNTT, ATTT, DVCTT, DVC, TTHC, CQNN, CĐS, CSDL, LGSP, SOC, IOC, UBND, HĐND
                   match their expansions too ("công nghệ thông tin")
  province:"Kon Tum"   province as named in the plan (any spelling)
  now:"Quảng Ngãi"     province after 1 July 2025
  year:2021  year:>=2021  year:2021..2025
  kind:target      doc, citation, target, budget, project, all
  type:"kế hoạch"  document type
  indicator:ID     target indicator id
  value:>=50  value:<1e9  value:10..20   target value, or amount in đồng`

// Hit is one ranked entry.
type Hit struct {
	ID          string         `json:"id"`
	Kind        string         `json:"kind"`
	Doc         string         `json:"doc"`
	N           int            `json:"n"` // position in the record list; -1 for a document
	Score       float64        `json:"score"`
	Source      string         `json:"source"`
	Title       string         `json:"title,omitempty"`
	Number      string         `json:"number,omitempty"`
	Province    string         `json:"province,omitempty"`
	ProvinceNow string         `json:"province_now,omitempty"`
	Period      *corpus.Period `json:"period,omitempty"`
	Span        *corpus.Span   `json:"span,omitempty"` // the record in the document
	Record      interface{}    `json:"record,omitempty"`
	Snippet     Snippet        `json:"snippet"`
}

// Snippet is a piece of the document text with the matches marked.
type Snippet struct {
	Text  string        `json:"text"`
	At    corpus.Span   `json:"at"`    // where Text lies in the document
	Marks []corpus.Span `json:"marks"` // matches, relative to Text
}

// Render returns the snippet on one line with each match between open
// and close.
func (s Snippet) Render(open, close string) string {
	var b strings.Builder
	last := 0
	for _, m := range s.Marks {
		if m.Start < last || m.End > len(s.Text) {
			continue
		}
		b.WriteString(oneLine(s.Text[last:m.Start]))
		b.WriteString(open)
		b.WriteString(oneLine(s.Text[m.Start:m.End]))
		b.WriteString(close)
		last = m.End
	}
	b.WriteString(oneLine(s.Text[last:]))
	return strings.TrimSpace(b.String())
}

func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// FacetCount is one value of a facet.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Result is a page of hits with facet counts over all matches.
type Result struct {
	Total    int                     `json:"total"`
	Hits     []Hit                   `json:"hits"`
	Facets   map[string][]FacetCount `json:"facets"`
	Took     time.Duration           `json:"took_ns"`
	Warnings []string                `json:"warnings,omitempty"`
}

// Facet names.
var facetFields = []string{fKind, fProvince, fProvinceNow, fYearKey, fTypeName, fIndicator}

// parsed is a query turned into bleve clauses plus the terms to mark in
// snippets.
type parsed struct {
	must, should, not []query.Query
	filters           []query.Query
	kind              string
	marks             map[string]bool // folded terms to highlight
	words             map[string]bool // the query's own words (no acronyms added)
}

// Parse checks a query string; it returns the error Search would.
func Parse(text string) error {
	_, err := parse(Query{Text: text})
	return err
}

func parse(q Query) (*parsed, error) {
	p := &parsed{marks: map[string]bool{}, words: map[string]bool{}, kind: q.Kind}
	var plain []string
	for _, c := range splitQuery(q.Text) {
		neg := strings.HasPrefix(c, "-") && len(c) > 1
		if neg {
			c = c[1:]
		}
		if f, v, ok := fieldClause(c); ok {
			if err := p.field(f, v, neg); err != nil {
				return nil, err
			}
			continue
		}
		if strings.HasPrefix(c, `"`) {
			ph := strings.Trim(c, `"`)
			cl := phraseQuery(ph)
			if cl == nil {
				continue
			}
			if neg {
				p.not = append(p.not, cl)
			} else {
				p.must = append(p.must, cl)
				p.boost(ph)
				p.mark(ph)
			}
			continue
		}
		if neg {
			if cl := wordsQuery(c); cl != nil {
				p.not = append(p.not, cl)
			}
			continue
		}
		plain = append(plain, c)
	}
	if len(plain) > 0 {
		t := strings.Join(plain, " ")
		if cl := wordsQuery(t); cl != nil {
			p.must = append(p.must, cl)
		}
		p.boost(t)
		p.mark(t)
	}
	for _, f := range []struct{ name, v string }{
		{"province", q.Province}, {"now", q.ProvinceNow}, {"type", q.Type}, {"indicator", q.Indicator},
	} {
		if f.v != "" {
			if err := p.field(f.name, f.v, false); err != nil {
				return nil, err
			}
		}
	}
	if q.Year != 0 {
		if err := p.field("year", strconv.Itoa(q.Year), false); err != nil {
			return nil, err
		}
	}
	if p.kind == "" {
		p.kind = KindDoc
	}
	return p, nil
}

// splitQuery splits on spaces outside quotes; field:"a b" stays whole.
func splitQuery(s string) []string {
	var out []string
	var b strings.Builder
	inq := false
	for _, r := range s {
		switch {
		case r == '"':
			inq = !inq
			b.WriteRune(r)
		case unicode.IsSpace(r) && !inq:
			if b.Len() > 0 {
				out = append(out, b.String())
				b.Reset()
			}
		default:
			b.WriteRune(r)
		}
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}

var fieldNames = map[string]bool{
	"province": true, "now": true, "province_now": true, "year": true, "kind": true,
	"type": true, "indicator": true, "value": true, "doc": true,
}

func fieldClause(c string) (field, value string, ok bool) {
	i := strings.IndexByte(c, ':')
	if i <= 0 {
		return "", "", false
	}
	f := strings.ToLower(c[:i])
	if !fieldNames[f] {
		return "", "", false
	}
	return f, strings.Trim(c[i+1:], `"`), true
}

func (p *parsed) field(f, v string, neg bool) error {
	var cl query.Query
	switch f {
	case "province":
		pr, ok := province.Lookup(v)
		if !ok {
			return fmt.Errorf("index: unknown province %q", v)
		}
		cl = term(fProvince, pr.Name)
	case "now", "province_now":
		u, ok := province.LookupNow(v)
		if !ok {
			return fmt.Errorf("index: unknown province %q", v)
		}
		cl = term(fProvinceNow, u.Name)
	case "type":
		cl = term(fType, foldKey(v))
	case "indicator":
		cl = term(fIndicator, v)
	case "doc":
		pq := bleve.NewPrefixQuery(strings.ToLower(v))
		pq.SetField(fDoc)
		cl = pq
	case "kind":
		k := strings.ToLower(v)
		if k != "all" && k != KindDoc && !contains(Kinds, k) {
			return fmt.Errorf("index: unknown kind %q, want doc|citation|target|budget|project|all", v)
		}
		if neg {
			cl = term(fKind, k)
			break
		}
		p.kind = k
		return nil
	case "year":
		r, err := yearRange(v)
		if err != nil {
			return fmt.Errorf("index: %s:%s: %w", f, v, err)
		}
		cl = r
	case "value":
		r, err := numRange(fValue, v)
		if err != nil {
			return fmt.Errorf("index: %s:%s: %w", f, v, err)
		}
		cl = r
	}
	if neg {
		p.not = append(p.not, filter{cl})
	} else {
		p.filters = append(p.filters, filter{cl})
	}
	return nil
}

// filter is a clause that selects and does not rank: its searcher is
// built without scores, so that scorch may union the postings of a
// disjunction into one bitmap ("unadorned"). A numeric range is a
// disjunction of dozens of prefix terms; scored, a conjunction advanced
// each of them to every candidate (110 ms for value:>=30 with four words
// over 360 000 targets), and each hit's score carried the idf of
// whichever term held its value.
type filter struct{ query.Query }

func (f filter) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	o.Score = bleve.ScoreNone
	o.Explain, o.IncludeTermVectors = false, false
	return f.Query.Searcher(ctx, r, m, o)
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func term(field, v string) *query.TermQuery {
	t := bleve.NewTermQuery(v)
	t.SetField(field)
	return t
}

// numRange parses 50, >=50, >50, <=50, <50, =50, 10..20.
func numRange(field, v string) (query.Query, error) {
	num := func(s string) (float64, error) {
		s = strings.TrimSpace(s)
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return 0, fmt.Errorf("bad number %q", s)
		}
		return f, nil
	}
	tr, fa := true, false
	var lo, hi *float64
	var loInc, hiInc *bool
	switch {
	case strings.Contains(v, ".."):
		a, b, _ := strings.Cut(v, "..")
		x, err := num(a)
		if err != nil {
			return nil, err
		}
		y, err := num(b)
		if err != nil {
			return nil, err
		}
		lo, hi, loInc, hiInc = &x, &y, &tr, &tr
	case strings.HasPrefix(v, ">="):
		x, err := num(v[2:])
		if err != nil {
			return nil, err
		}
		lo, loInc = &x, &tr
	case strings.HasPrefix(v, "<="):
		x, err := num(v[2:])
		if err != nil {
			return nil, err
		}
		hi, hiInc = &x, &tr
	case strings.HasPrefix(v, ">"):
		x, err := num(v[1:])
		if err != nil {
			return nil, err
		}
		lo, loInc = &x, &fa
	case strings.HasPrefix(v, "<"):
		x, err := num(v[1:])
		if err != nil {
			return nil, err
		}
		hi, hiInc = &x, &fa
	default:
		x, err := num(strings.TrimPrefix(v, "="))
		if err != nil {
			return nil, err
		}
		lo, hi, loInc, hiInc = &x, &x, &tr, &tr
	}
	r := bleve.NewNumericRangeInclusiveQuery(lo, hi, loInc, hiInc)
	r.SetField(field)
	return r, nil
}

// Years outside this range are not plan years.
const minYear, maxYear = 1945, 2100

// yearRange turns a year condition into a disjunction of year terms.
func yearRange(v string) (query.Query, error) {
	r, err := numRange("", v)
	if err != nil {
		return nil, err
	}
	nr := r.(*query.NumericRangeQuery)
	lo, hi := float64(minYear), float64(maxYear)
	if nr.Min != nil {
		lo = *nr.Min
		if nr.InclusiveMin != nil && !*nr.InclusiveMin {
			lo++
		}
	}
	if nr.Max != nil {
		hi = *nr.Max
		if nr.InclusiveMax != nil && !*nr.InclusiveMax {
			hi--
		}
	}
	var ts []query.Query
	for y := int(math.Ceil(max(lo, minYear))); y <= int(math.Floor(min(hi, maxYear))); y++ {
		ts = append(ts, term(fYearKey, strconv.Itoa(y)))
	}
	if len(ts) == 0 {
		return bleve.NewMatchNoneQuery(), nil
	}
	return bleve.NewDisjunctionQuery(ts...), nil
}

// wordsQuery requires every word of text (diacritic-free). A run of
// words that spells an acronym's expansion may match the acronym
// instead, and an acronym matches its expansion (the index holds both).
func wordsQuery(text string) query.Query {
	toks := Analyze(FoldAnalyzer, text)
	if len(toks) == 0 {
		return nil
	}
	type word struct {
		t   Token
		syn []Token // acronyms injected at this word
	}
	var words []word
	for _, t := range toks {
		if len(words) > 0 && words[len(words)-1].t.Position == t.Position {
			words[len(words)-1].syn = append(words[len(words)-1].syn, t)
			continue
		}
		words = append(words, word{t: t})
	}
	var units []query.Query
	for i := 0; i < len(words); {
		w := words[i]
		var best *Token
		for j := range w.syn {
			if best == nil || w.syn[j].End > best.End {
				best = &w.syn[j]
			}
		}
		if best == nil {
			units = append(units, term(fText, w.t.Term))
			i++
			continue
		}
		k := i
		var conj []query.Query
		for k < len(words) && words[k].t.Start < best.End {
			conj = append(conj, term(fText, words[k].t.Term))
			k++
		}
		units = append(units, bleve.NewDisjunctionQuery(term(fText, best.Term), bleve.NewConjunctionQuery(conj...)))
		i = k
	}
	if len(units) == 1 {
		return units[0]
	}
	return bleve.NewConjunctionQuery(units...)
}

// phraseQuery requires every adjacent pair of the phrase (and so every
// word). A phrase holding an acronym's expansion may match the acronym
// instead and the reverse: each spelling is one alternative.
func phraseQuery(text string) query.Query {
	toks := Analyze(FoldAnalyzer, text)
	var words []string
	var starts []int
	type syn struct {
		at, n int // replaces words[at:at+n]
		term  string
	}
	var injected []Token
	for i, t := range toks {
		if i > 0 && toks[i-1].Position == t.Position || len(words) > 0 && injectedAt(toks, i) {
			injected = append(injected, t)
			continue
		}
		words = append(words, t.Term)
		starts = append(starts, t.Start)
	}
	var syns []syn
	for _, t := range injected {
		at := -1
		n := 0
		for j, st := range starts {
			if st == t.Start {
				at = j
			}
			if at >= 0 && st < t.End {
				n++
			}
		}
		if at >= 0 && n > 0 {
			syns = append(syns, syn{at, n, t.Term})
		}
	}
	if len(words) == 0 {
		return nil
	}
	variants := [][]string{words}
	for _, s := range syns {
		v := append(append(append([]string(nil), words[:s.at]...), s.term), words[s.at+s.n:]...)
		variants = append(variants, v)
	}
	for i, w := range words {
		if exps, ok := Synonyms[w]; ok {
			v := append(append(append([]string(nil), words[:i]...), strings.Fields(exps[0])...), words[i+1:]...)
			variants = append(variants, v)
		}
	}
	var alts []query.Query
	for _, v := range variants {
		var cl []query.Query
		// The adjacent pairs hold every word: a one-word phrase is its
		// word, a longer one its pairs.
		if len(v) == 1 {
			cl = append(cl, term(fText, v[0]))
		}
		for i := 1; i < len(v); i++ {
			cl = append(cl, term(fText, v[i-1]+"_"+v[i]))
		}
		if len(cl) == 1 {
			alts = append(alts, cl[0])
		} else {
			alts = append(alts, bleve.NewConjunctionQuery(cl...))
		}
	}
	if len(alts) == 1 {
		return alts[0]
	}
	return bleve.NewDisjunctionQuery(alts...)
}

// injectedAt reports whether toks[i] shares its position with an earlier
// token (an acronym injected by the synonym filter).
func injectedAt(toks []Token, i int) bool {
	for j := i - 1; j >= 0 && toks[j].Position >= toks[i].Position; j-- {
		if toks[j].Position == toks[i].Position {
			return true
		}
	}
	return false
}

// boost adds optional clauses that only rank: the words as typed with
// their diacritics, and adjacent syllable pairs.
func (p *parsed) boost(text string) {
	for _, t := range Analyze(ExactAnalyzer, text) {
		if vifold.HasDiacritics(t.Term) {
			q := term(fText, ExactPrefix+t.Term)
			q.SetBoost(3)
			p.should = append(p.should, q)
		}
	}
	for _, t := range Analyze(BigramAnalyzer, text) {
		q := term(fText, t.Term)
		q.SetBoost(1.5)
		p.should = append(p.should, q)
	}
}

func (p *parsed) mark(text string) {
	toks := Analyze(FoldAnalyzer, text)
	for i, t := range toks {
		p.marks[t.Term] = true
		if !injectedAt(toks, i) {
			p.words[t.Term] = true
		}
	}
}

// build returns the bleve query, with the kind filter unless noKind.
func (p *parsed) build(noKind bool) query.Query {
	b := bleve.NewBooleanQuery()
	must := append([]query.Query(nil), p.must...)
	must = append(must, p.filters...)
	// A known record kind is searched in its own index (pick): no filter.
	if !noKind && p.kind != "all" && p.kind != KindDoc && !contains(Kinds, p.kind) {
		must = append(must, term(fKind, p.kind))
	}
	if len(must) == 0 {
		must = append(must, bleve.NewMatchAllQuery())
	}
	b.AddMust(must...)
	if len(p.should) > 0 {
		b.AddShould(p.should...)
	}
	if len(p.not) > 0 {
		b.AddMustNot(p.not...)
	}
	return b
}

// buildFilter is the query without the kind filter and without the
// clauses that only rank: for counting.
func (p *parsed) buildFilter() query.Query {
	b := bleve.NewBooleanQuery()
	must := append(append([]query.Query(nil), p.must...), p.filters...)
	if len(must) == 0 {
		must = append(must, bleve.NewMatchAllQuery())
	}
	b.AddMust(must...)
	if len(p.not) > 0 {
		b.AddMustNot(p.not...)
	}
	return b
}

// Search runs a query: ranked hits (documents unless the query names a
// kind), facet counts over all matches, and snippets cut from the store's
// text with the matches marked.
func (ix *Index) Search(ctx context.Context, q Query) (*Result, error) {
	start := time.Now()
	p, err := parse(q)
	if err != nil {
		return nil, err
	}
	size := q.Size
	if size <= 0 {
		size = 10
	}
	req := bleve.NewSearchRequestOptions(p.build(false), size, q.From, false)
	// Ties keep index order: sorting by "_id" too would look up the
	// external id of every hit, a fifth of a large search.
	req.SortBy([]string{"-_score"})
	req.Fields = []string{fSSource, fSNumber, fSTitle, fSProvince, fSNow, fSPeriod}
	want := map[string]bool{}
	for _, f := range facetFields {
		want[f] = f != fKind
	}
	if p.kind != KindDoc {
		// Record facets cost more (many more entries): the essential ones,
		// the only ones record entries carry (with kind "all", the type
		// and province_now facets count documents).
		want[fProvinceNow], want[fTypeName] = false, false
	}
	if p.kind != KindTarget && p.kind != "all" {
		want[fIndicator] = false // only targets carry indicators
	}
	req.AddFacet(fFacet, bleve.NewFacetRequest(fFacet, maxFacetTerms))
	// The kind facet counts matches of every kind, so it needs searches
	// without the kind filter: one count per kind, side by side with the
	// main search. Counting walks postings only; a facet over the kind
	// field would decode the doc values of every matching entry.
	kinds := append([]string{KindDoc}, Kinds...)
	counts := make([]uint64, len(kinds))
	kerrs := make([]error, len(kinds))
	var wg sync.WaitGroup
	for i, k := range kinds {
		if k == p.kind {
			continue // the main search's total
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts[i], kerrs[i] = ix.count(ctx, p, k)
		}()
	}
	defer wg.Wait()
	res, err := ix.pick(p.kind).SearchInContext(ctx, req)
	wg.Wait()
	if err != nil {
		return nil, fmt.Errorf("index: search: %w", err)
	}
	out := &Result{Total: int(res.Total), Facets: map[string][]FacetCount{}}
	if fr, ok := res.Facets[fFacet]; ok {
		split := map[string]map[string]int{}
		for _, t := range fr.Terms.Terms() {
			facetTerms(t.Term, func(f, v string) {
				if !want[f] {
					return
				}
				if split[f] == nil {
					split[f] = map[string]int{}
				}
				split[f][v] += t.Count
			})
		}
		for f, m := range split {
			cs := make([]FacetCount, 0, len(m))
			for v, n := range m {
				cs = append(cs, FacetCount{Value: v, Count: n})
			}
			out.Facets[facetName(f)] = topFacets(cs, 100)
		}
	}
	var kc []FacetCount
	for i, k := range kinds {
		if k == p.kind {
			counts[i] = res.Total
		}
		if kerrs[i] == nil && counts[i] > 0 {
			kc = append(kc, FacetCount{Value: k, Count: int(counts[i])})
		}
	}
	out.Facets[fKind] = topFacets(kc, len(kc))
	for _, h := range res.Hits {
		hit, err := ix.hit(h.ID, h.Score, h.Fields, p, q.NoSnippets)
		if err != nil {
			// The store lost what the index holds (a crash between their
			// writes that the next Sync repairs): skip, and say so.
			out.Warnings = append(out.Warnings, err.Error())
			continue
		}
		out.Hits = append(out.Hits, hit)
	}
	out.Took = time.Since(start)
	return out, nil
}

// count is the number of entries of one kind that the query's filter
// matches (no ranking clauses, no scores).
func (ix *Index) count(ctx context.Context, p *parsed, kind string) (uint64, error) {
	req := bleve.NewSearchRequestOptions(p.buildFilter(), 0, 0, false) // kind's own index
	req.Score = bleve.ScoreNone
	res, err := ix.pick(kind).SearchInContext(ctx, req)
	if err != nil {
		return 0, err
	}
	return res.Total, nil
}

func facetName(f string) string {
	switch f {
	case fYearKey:
		return "year"
	case fTypeName:
		return "type"
	}
	return f
}

// maxFacetTerms bounds the values of the composite facet field counted
// per search: every province before and after 2025, every year, type
// and indicator fit many times over.
const maxFacetTerms = 5000

func facetCounts(ts []*search.TermFacet) []FacetCount {
	out := make([]FacetCount, 0, len(ts))
	for _, t := range ts {
		out = append(out, FacetCount{Value: t.Term, Count: t.Count})
	}
	return topFacets(out, len(out))
}

// topFacets sorts counts, most first (then by value), and keeps n.
func topFacets(cs []FacetCount, n int) []FacetCount {
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].Count != cs[j].Count {
			return cs[i].Count > cs[j].Count
		}
		return cs[i].Value < cs[j].Value
	})
	if len(cs) > n {
		cs = cs[:n]
	}
	return cs
}

// hit joins an index entry with its record in the store.
func (ix *Index) hit(id string, score float64, fields map[string]interface{}, p *parsed, noSnippets bool) (Hit, error) {
	doc, kind, n := parseID(id)
	h := Hit{ID: id, Kind: kind, Doc: doc, N: n, Score: score}
	if ix.store == nil {
		return h, nil
	}
	if src, ok := fields[fSSource].(string); ok && kind == KindDoc {
		str := func(f string) string { v, _ := fields[f].(string); return v }
		h.Source, h.Number, h.Title = src, str(fSNumber), str(fSTitle)
		h.Province, h.ProvinceNow = str(fSProvince), str(fSNow)
		var from, to int
		if _, err := fmt.Sscanf(str(fSPeriod), "%d-%d", &from, &to); err == nil {
			h.Period = &corpus.Period{From: from, To: to}
		}
		if noSnippets {
			return h, nil
		}
		text, err := ix.text(doc)
		if err != nil {
			return h, fmt.Errorf("index: hit %s: %w (run kehoach reindex)", id, err)
		}
		h.Snippet = snippetOf(text, 0, p.marks, len(p.words), 240)
		return h, nil
	}
	x, err := ix.extraction(doc)
	if err != nil {
		return h, fmt.Errorf("index: hit %s: %w (run kehoach reindex)", id, err)
	}
	h.Source, h.Title, h.Number = x.Source, x.Document.Title, x.Document.Number
	h.Province, h.ProvinceNow, h.Period = x.Document.Province, x.Document.ProvinceNow, x.Document.Period
	var quote string
	var span corpus.Span
	ok := true
	switch kind {
	case KindCitation:
		if ok = n < len(x.Citations); ok {
			h.Record, quote, span = &x.Citations[n], x.Citations[n].Quote, x.Citations[n].Span
		}
	case KindTarget:
		if ok = n < len(x.Targets); ok {
			h.Record, quote, span = &x.Targets[n], x.Targets[n].Quote, x.Targets[n].Span
		}
	case KindBudget:
		if ok = n < len(x.Budgets); ok {
			h.Record, quote, span = &x.Budgets[n], x.Budgets[n].Quote, x.Budgets[n].Span
		}
	case KindProject:
		if ok = n < len(x.Projects); ok {
			h.Record, quote, span = &x.Projects[n], x.Projects[n].Quote, x.Projects[n].Span
			if quote == "" {
				quote = x.Projects[n].Name
			}
		}
	}
	if !ok {
		return h, fmt.Errorf("index: hit %s: the store's record has no %s %d (run kehoach reindex)", id, kind, n)
	}
	if kind != KindDoc {
		h.Span = &span
		h.Snippet = snippetOf(quote, span.Start, p.marks, 0, len(quote))
		return h, nil
	}
	if noSnippets {
		return h, nil
	}
	d, err := ix.store.Document(doc)
	if err != nil {
		return h, fmt.Errorf("index: hit %s: %w (run kehoach reindex)", id, err)
	}
	h.Snippet = snippetOf(d.Text, 0, p.marks, len(p.words), 240)
	return h, nil
}

// snippetOf cuts the window of text (at most width bytes) holding the
// most distinct query terms, then the most adjacent matches, and marks
// them. base is the offset of text in the document.
// A window holding need distinct terms is as good as any: the scan stops
// at the first one (need 0: scan everything).
func snippetOf(text string, base int, marks map[string]bool, need, width int) Snippet {
	type m struct {
		s, e int
		term string
	}
	var ms []m
	if len(marks) > 0 {
		scanWords(text, marks, func(s, e int, term string) bool {
			ms = append(ms, m{s, e, term})
			if need == 0 {
				return true
			}
			seen := map[string]bool{}
			for j := len(ms) - 1; j >= 0 && e-ms[j].s <= width*3/4; j-- {
				seen[ms[j].term] = true
			}
			return len(seen) < need
		})
	}
	if len(ms) == 0 {
		end := cut(text, width)
		return Snippet{Text: text[:end], At: corpus.Span{Start: base, End: base + end}}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].s < ms[j].s || (ms[i].s == ms[j].s && ms[i].e > ms[j].e) })
	best, bestScore := 0, math.MinInt
	for i := range ms {
		distinct := map[string]bool{}
		score := 0
		for j := i; j < len(ms) && ms[j].e-ms[i].s <= width; j++ {
			if !distinct[ms[j].term] {
				distinct[ms[j].term] = true
				score += 100
			}
			if j > i && strings.TrimSpace(text[ms[j-1].e:max(ms[j].s, ms[j-1].e)]) == "" {
				score += 10
			}
			score++
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	start := ms[best].s - width/4
	if start < 0 {
		start = 0
	}
	for start > 0 && !utf8.RuneStart(text[start]) {
		start--
	}
	// Begin after a space so the snippet starts on a word.
	if start > 0 {
		if k := strings.IndexAny(text[start:ms[best].s], " \n"); k >= 0 {
			start += k + 1
		}
	}
	end := start + cut(text[start:], width)
	sn := Snippet{Text: text[start:end], At: corpus.Span{Start: base + start, End: base + end}}
	last := 0
	for _, x := range ms {
		if x.s < start || x.e > end || x.s-start < last {
			continue
		}
		s, e := x.s-start, x.e-start
		// Matches separated by spaces only make one mark: «mức độ 4».
		if n := len(sn.Marks); n > 0 && strings.Trim(sn.Text[last:s], " ") == "" {
			sn.Marks[n-1].End = e
		} else {
			sn.Marks = append(sn.Marks, corpus.Span{Start: s, End: e})
		}
		last = e
	}
	return sn
}

// scanWords calls fn for each word of text whose folded form is in
// terms: the vi analyzer's words without its allocations (acronym
// expansions are found through their words).
func scanWords(text string, terms map[string]bool, fn func(start, end int, term string) (more bool)) {
	var buf []byte
	wordSpans(text, func(start, end int, _ bool) bool {
		buf = vifold.AppendFoldLower(buf[:0], []byte(text[start:end]))
		if terms[string(buf)] { // no allocation for the lookup
			return fn(start, end, string(buf))
		}
		return true
	})
}

// cut returns a byte length <= width on a rune boundary, preferring a
// word boundary.
func cut(s string, width int) int {
	if len(s) <= width {
		return len(s)
	}
	end := width
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	if k := strings.LastIndexAny(s[:end], " \n"); k > width/2 {
		end = k
	}
	return end
}
