package web

import (
	"context"
	"encoding/json"
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"kehoach/corpus"
	"kehoach/corpus/province"
	"kehoach/extract/citation"
)

// ---- search ----

// searchView is the search page's data (and /api/search's result).
type searchView struct {
	Q        Query
	Page     int
	Results  *Results
	NoIndex  bool
	Err      string
	Options  filterOptions
	Pages    []pageLink
	PrevURL  string
	NextURL  string
	HitsView []hitView
	Active   []activeFilter
}

type hitView struct {
	Hit
	Snips []snipView
}

type snipView struct {
	Segs []Seg
	Link string
}

type pageLink struct {
	N       int
	URL     string
	Current bool
}

type activeFilter struct {
	Name, Value, ClearURL string
}

type filterOptions struct {
	Provinces, Units, Years, Types, Indicators []string
}

// parseQuery reads a Query from URL parameters.
func parseQuery(v url.Values) (Query, int, string) {
	q := Query{
		Text:        strings.TrimSpace(v.Get("q")),
		Province:    v.Get("province"),
		ProvinceNow: v.Get("province_now"),
		Type:        v.Get("type"),
		Kind:        v.Get("kind"),
		Indicator:   v.Get("indicator"),
		Size:        pageSize,
	}
	if y := v.Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1900 || n > 2200 {
			return q, 0, "bad year " + strconv.Quote(y) + ", want YYYY"
		}
		q.Year = n
	}
	if q.Kind != "" && q.Kind != "doc" && !validKind(q.Kind) {
		return q, 0, "bad kind " + strconv.Quote(q.Kind) + ", want doc|citation|target|achieved|budget|project"
	}
	pg := 1
	if p := v.Get("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 1000 {
			return q, 0, "bad page " + strconv.Quote(p)
		}
		pg = n
	}
	if s := v.Get("size"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 100 {
			return q, 0, "bad size " + strconv.Quote(s) + ", want 1..100"
		}
		q.Size = n
	}
	q.From = (pg - 1) * q.Size
	return q, pg, ""
}

func validKind(k string) bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// queryValues is the inverse of parseQuery (without the page).
func queryValues(q Query) url.Values {
	v := url.Values{}
	set := func(k, x string) {
		if x != "" {
			v.Set(k, x)
		}
	}
	set("q", q.Text)
	set("province", q.Province)
	set("province_now", q.ProvinceNow)
	if q.Year != 0 {
		v.Set("year", strconv.Itoa(q.Year))
	}
	set("type", q.Type)
	set("kind", q.Kind)
	set("indicator", q.Indicator)
	if q.Size != pageSize && q.Size != 0 {
		v.Set("size", strconv.Itoa(q.Size))
	}
	return v
}

// search runs the query (or takes it from the cache) and fills the
// hits' metadata from the catalog. The result may be shared: callers must
// not modify it.
func (s *Server) search(r *http.Request, q Query) (*Results, error) {
	c, err := s.cat.get()
	if err != nil {
		return nil, err
	}
	key, _ := json.Marshal(q)
	return s.cache.get(c.key+string(key), func() (*Results, error) {
		res, err := s.opt.Search.Search(r.Context(), q)
		if err != nil {
			return nil, err
		}
		res.Query = q
		for i := range res.Hits {
			h := &res.Hits[i]
			if d := c.byID[h.ID]; d != nil {
				m := d.Doc
				h.Doc = &m
				h.Source = d.Source
			}
		}
		if res.Hits == nil {
			res.Hits = []Hit{}
		}
		return res, nil
	})
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "search")
	q, pg, bad := parseQuery(r.URL.Query())
	v := &searchView{Q: q, Page: pg}
	p.Data = v
	c, err := s.cat.get()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.Options = c.filterOptions()
	if bad != "" {
		v.Err = bad
		s.render(w, http.StatusBadRequest, "search", p)
		return
	}
	if s.opt.Search == nil {
		v.NoIndex = true
		s.render(w, http.StatusOK, "search", p)
		return
	}
	if q.Text == "" && q == (Query{Size: q.Size, From: q.From}) {
		// The bare front page: no query yet.
		s.render(w, http.StatusOK, "search", p)
		return
	}
	res, err := s.search(r, q)
	if err != nil {
		if userError(err) {
			v.Err = err.Error()
			s.render(w, http.StatusBadRequest, "search", p)
			return
		}
		s.fail(w, r, err)
		return
	}
	v.Results = res
	v.Options.merge(res.Facets, q)
	base := queryValues(q)
	link := func(n int) string {
		u := cloneValues(base)
		if n > 1 {
			u.Set("page", strconv.Itoa(n))
		}
		return "/search?" + u.Encode()
	}
	last := (res.Total + q.Size - 1) / q.Size
	if last > 1000 {
		last = 1000
	}
	for n := max(1, pg-4); n <= min(last, pg+4); n++ {
		v.Pages = append(v.Pages, pageLink{N: n, URL: link(n), Current: n == pg})
	}
	if pg > 1 {
		v.PrevURL = link(pg - 1)
	}
	if pg < last {
		v.NextURL = link(pg + 1)
	}
	for _, h := range res.Hits {
		hv := hitView{Hit: h}
		for _, sn := range h.Snippets {
			sv := snipView{Segs: snippetSegs(sn), Link: "/doc/" + h.ID}
			if sn.At >= 0 && len(sn.Marks) > 0 {
				m := sn.Marks[0]
				sv.Link += "?hl=" + strconv.Itoa(sn.At+m.Start) + "-" + strconv.Itoa(sn.At+m.End) + "#hit"
			}
			hv.Snips = append(hv.Snips, sv)
		}
		v.HitsView = append(v.HitsView, hv)
	}
	for _, f := range []struct{ name, val string }{
		{"province", q.Province}, {"province_now", q.ProvinceNow}, {"year", yearString(q.Year)},
		{"type", q.Type}, {"kind", q.Kind}, {"indicator", q.Indicator},
	} {
		if f.val == "" {
			continue
		}
		u := cloneValues(base)
		u.Del(f.name)
		v.Active = append(v.Active, activeFilter{Name: f.name, Value: f.val, ClearURL: "/search?" + u.Encode()})
	}
	s.render(w, http.StatusOK, "search", p)
}

// FacetURL is the search with one more filter.
func (v *searchView) FacetURL(field, value string) string {
	u := queryValues(v.Q)
	u.Set(field, value)
	return "/search?" + u.Encode()
}

// userError tells a search error caused by the query (a bad filter
// value, a syntax error: shown to the user) from a failure of the server.
func userError(err error) bool {
	return !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled) && !errors.Is(err, corpus.ErrNotFound) && !isIOError(err)
}

func isIOError(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe)
}

// KindList is the record kinds for the filter.
func (v *searchView) KindList() []string { return append([]string{"doc"}, Kinds...) }

// FacetLabel is how a facet value shows.
func (v *searchView) FacetLabel(p *page, field, value string) string {
	switch field {
	case "kind":
		return p.KindName(value)
	case "indicator":
		return p.Indicator(value)
	}
	return value
}

func yearString(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

func cloneValues(v url.Values) url.Values {
	u := url.Values{}
	for k, xs := range v {
		u[k] = append([]string(nil), xs...)
	}
	return u
}

// merge adds the facet values and the chosen filters to the lists, so a
// value reached through a facet link shows as selected.
func (o *filterOptions) merge(fs []Facet, q Query) {
	add := func(list *[]string, v string) {
		if v != "" && !contains(*list, v) {
			*list = append(*list, v)
			sort.Strings(*list)
		}
	}
	for _, f := range fs {
		for _, v := range f.Values {
			switch f.Field {
			case "province":
				add(&o.Provinces, v.Value)
			case "province_now":
				add(&o.Units, v.Value)
			case "year":
				add(&o.Years, v.Value)
			case "type":
				add(&o.Types, v.Value)
			case "indicator":
				add(&o.Indicators, v.Value)
			}
		}
	}
	add(&o.Provinces, q.Province)
	add(&o.Units, q.ProvinceNow)
	add(&o.Years, yearString(q.Year))
	add(&o.Types, q.Type)
	add(&o.Indicators, q.Indicator)
}

func (c *catalog) filterOptions() filterOptions {
	set := func(m map[string]bool) []string {
		var out []string
		for k := range m {
			if k != "" {
				out = append(out, k)
			}
		}
		sort.Strings(out)
		return out
	}
	prov, units, years, types, inds := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, d := range c.docs {
		prov[d.Doc.Province] = true
		units[d.Doc.ProvinceNow] = true
		if d.Year != 0 {
			years[strconv.Itoa(d.Year)] = true
		}
		types[d.Doc.Type] = true
	}
	for _, r := range c.records {
		if r.Target != nil {
			inds[r.Target.Indicator] = true
		}
	}
	return filterOptions{Provinces: set(prov), Units: set(units), Years: set(years), Types: set(types), Indicators: set(inds)}
}

// ---- documents ----

func (s *Server) documentsPage(w http.ResponseWriter, r *http.Request) {
	c, err := s.cat.get()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := s.newPage(r, "documents")
	p.Data = c.docs
	s.render(w, http.StatusOK, "documents", p)
}

// docView is the document page's data.
type docView struct {
	D       *DocSummary
	Article template.HTML // the text with its records marked, rendered by articleTmpl
	Panel   []panelGroup
	X       *corpus.Extraction
	Hit     bool
	TOC     []tocEntry
	Rules   []corpus.BudgetRule
	Kinds   []string
}

// tocEntry is a section heading in the contents list.
type tocEntry struct {
	ID, Number, Heading string
	Level               int
}

type panelGroup struct {
	Kind    string
	Records []Record
}

// documentData reads a document, its records and the highlighted text.
// hl, when valid, is a search hit to mark too.
func (s *Server) documentData(d *DocSummary, c *catalog, hl *corpus.Span) (*docView, error) {
	doc, err := s.opt.Store.Document(d.ID)
	if err != nil {
		return nil, err
	}
	v := &docView{D: d, X: d.extraction, Rules: d.extraction.Rules, Kinds: Kinds}
	recs := c.filter(RecordFilter{DocID: d.ID})
	var ms []mark
	groups := map[string][]Record{}
	for _, rec := range recs {
		groups[rec.Kind] = append(groups[rec.Kind], rec)
		ms = append(ms, mark{Span: rec.Span(), Class: rec.Kind, ID: rec.Anchor})
	}
	// The outer sections (Phần, I/II, Điều; not the numbered items)
	// make the contents list.
	for i, sec := range doc.Sections {
		if sec.Level > 2 || !sec.Span.Valid(doc.Text) {
			continue
		}
		id := "s" + strconv.Itoa(i)
		v.TOC = append(v.TOC, tocEntry{ID: id, Number: sec.Number, Heading: sec.Heading, Level: sec.Level})
		ms = append(ms, mark{Span: sec.Span, ID: id})
	}
	if hl != nil && hl.Valid(doc.Text) {
		ms = append(ms, mark{Span: *hl, Class: "hit", ID: "hit"})
		v.Hit = true
	}
	for _, k := range Kinds {
		v.Panel = append(v.Panel, panelGroup{Kind: k, Records: groups[k]})
	}
	var b strings.Builder
	if err := articleTmpl.Execute(&b, segments(doc.Text, ms)); err != nil {
		return nil, err
	}
	// html/template escaped every run of text: the result is safe HTML.
	v.Article = template.HTML(b.String())
	return v, nil
}

// articleTmpl renders a document's text cut into runs: an empty anchor
// where each record starts (the side panel links to it) and a <mark> of
// the record's kind around each marked run.
var articleTmpl = template.Must(template.New("article").Parse(
	`{{range .}}{{range .Anchors}}<a class="anchor" id="{{.}}"></a>{{end}}{{if .Class}}<mark class="k-{{.Class}}">{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}`))

func parseSpan(s string) *corpus.Span {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return nil
	}
	x, err1 := strconv.Atoi(a)
	y, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || x < 0 || y <= x {
		return nil
	}
	return &corpus.Span{Start: x, End: y}
}

func (s *Server) documentPage(w http.ResponseWriter, r *http.Request) {
	d, c, ok := s.docID(w, r)
	if !ok {
		return
	}
	hl := parseSpan(r.URL.Query().Get("hl"))
	// The rendered text of recent documents is kept: it depends only on
	// the store's state, the document and the marked hit.
	key := c.key + "/" + d.ID + "/" + r.URL.Query().Get("hl")
	v, ok := s.docs.get(key)
	if !ok {
		var err error
		if v, err = s.documentData(d, c, hl); err != nil {
			s.fail(w, r, err)
			return
		}
		if hl == nil {
			s.docs.put(key, v)
		}
	}
	p := s.newPage(r, "document")
	p.Title = firstNonEmpty(d.Doc.Number, d.Doc.Title, d.Source)
	p.Data = v
	s.render(w, http.StatusOK, "document", p)
}

// ---- provinces ----

// provinceView is a province page's data and /api/provinces/{code}.
type provinceView struct {
	Province province.Province   `json:"province"`
	Unit     province.Unit       `json:"unit"`
	Peers    []province.Province `json:"merged_with"`
	Docs     []*DocSummary       `json:"documents"`
	Figures  []indicatorRows     `json:"figures"`
	Budgets  []Record            `json:"budgets"`
	Cites    []citeCount         `json:"citations"`
}

type indicatorRows struct {
	Indicator string   `json:"indicator"`
	Subject   string   `json:"subject,omitempty"`
	Records   []Record `json:"records"`
}

type citeCount struct {
	Key      string          `json:"key"`
	Citation corpus.Citation `json:"citation"`
	Plans    int             `json:"plans"`
	National bool            `json:"national"`           // a national document (registry, law, national issuer)
	Registry *citation.Entry `json:"registry,omitempty"` // the national document as the registry knows it
	Issuer   string          `json:"issuer_name,omitempty"`
	Records  []Record        `json:"records,omitempty"`
}

// describe fills what the citation registry knows about the document.
func (cc *citeCount) describe() {
	cc.National = citation.National(cc.Citation)
	if es := citation.Lookup(cc.Key); len(es) > 0 {
		e := es[0]
		// Two documents may share a symbol: take the one of the cited date.
		for _, x := range es {
			if x.Date != "" && x.Date == cc.Citation.Date {
				e = x
			}
		}
		cc.Registry = &e
		cc.Issuer = citation.IssuerName(e.Issuer)
	}
}

func (s *Server) provinceData(code string) (*provinceView, bool, error) {
	p, ok := province.ByCode(code)
	if !ok {
		if p, ok = province.Lookup(code); !ok {
			return nil, false, nil
		}
	}
	c, err := s.cat.get()
	if err != nil {
		return nil, false, err
	}
	v := &provinceView{Province: p, Docs: []*DocSummary{}, Figures: []indicatorRows{}, Budgets: []Record{}, Cites: []citeCount{}}
	v.Unit, _ = province.UnitByCode(p.NowCode)
	for _, m := range v.Unit.Merged {
		if m == p.Code {
			continue
		}
		if q, ok := province.ByCode(m); ok {
			v.Peers = append(v.Peers, q)
		}
	}
	for _, d := range c.docs {
		if d.Province != nil && d.Province.Code == p.Code {
			v.Docs = append(v.Docs, d)
		}
	}
	byInd := map[string]int{}
	cites := map[string]int{}
	for _, d := range v.Docs {
		for _, rec := range c.filter(RecordFilter{DocID: d.ID}) {
			switch {
			case rec.Target != nil:
				key := rec.Target.Indicator
				if key == "" {
					key = "~" + strings.ToLower(rec.Target.Subject)
				}
				i, ok := byInd[key]
				if !ok {
					i = len(v.Figures)
					byInd[key] = i
					v.Figures = append(v.Figures, indicatorRows{Indicator: rec.Target.Indicator, Subject: rec.Target.Subject})
				}
				v.Figures[i].Records = append(v.Figures[i].Records, rec)
			case rec.Budget != nil:
				v.Budgets = append(v.Budgets, rec)
			case rec.Citation != nil:
				k := CitationKey(*rec.Citation)
				i, ok := cites[k]
				if !ok {
					i = len(v.Cites)
					cites[k] = i
					v.Cites = append(v.Cites, citeCount{Key: k, Citation: *rec.Citation})
				}
				v.Cites[i].Plans++
				v.Cites[i].Records = append(v.Cites[i].Records, rec)
			}
		}
	}
	// Indicators with an id first, then by id; within, by year then kind.
	sort.SliceStable(v.Figures, func(i, j int) bool {
		a, b := v.Figures[i], v.Figures[j]
		if (a.Indicator == "") != (b.Indicator == "") {
			return a.Indicator != ""
		}
		return a.Indicator < b.Indicator
	})
	for _, f := range v.Figures {
		sort.SliceStable(f.Records, func(i, j int) bool {
			return recYear(f.Records[i]) < recYear(f.Records[j])
		})
	}
	sort.SliceStable(v.Cites, func(i, j int) bool { return v.Cites[i].Plans > v.Cites[j].Plans })
	return v, true, nil
}

func recYear(r Record) int {
	switch {
	case r.Target != nil && r.Target.Year != nil:
		return *r.Target.Year
	case r.Budget != nil && r.Budget.Year != nil:
		return *r.Budget.Year
	}
	return r.doc.Year
}

func (s *Server) provincePage(w http.ResponseWriter, r *http.Request) {
	v, ok, err := s.provinceData(r.PathValue("code"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !ok {
		s.notFound(w, r)
		return
	}
	p := s.newPage(r, "province")
	p.Title = v.Province.Name
	p.Data = v
	s.render(w, http.StatusOK, "province", p)
}

// unitView is one 2025 unit with its former provinces and their counts.
type unitView struct {
	Unit province.Unit `json:"unit"`
	Olds []oldView     `json:"provinces"`
	Docs int           `json:"documents"`
}

type oldView struct {
	Province province.Province `json:"province"`
	Docs     int               `json:"documents"`
}

func (s *Server) provincesData() ([]unitView, error) {
	c, err := s.cat.get()
	if err != nil {
		return nil, err
	}
	count := map[string]int{}
	for _, d := range c.docs {
		if d.Province != nil {
			count[d.Province.Code]++
		}
	}
	var out []unitView
	for _, u := range province.New() {
		uv := unitView{Unit: u}
		for _, code := range u.Merged {
			if p, ok := province.ByCode(code); ok {
				uv.Olds = append(uv.Olds, oldView{Province: p, Docs: count[code]})
				uv.Docs += count[code]
			}
		}
		out = append(out, uv)
	}
	return out, nil
}

func (s *Server) provincesPage(w http.ResponseWriter, r *http.Request) {
	v, err := s.provincesData()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := s.newPage(r, "provinces")
	p.Data = v
	s.render(w, http.StatusOK, "provinces", p)
}

// ---- citations ----

// citationsData lists every cited document with the plans citing it,
// most cited first. key, when set, keeps only that document.
func (s *Server) citationsData(key string) ([]citeCount, error) {
	c, err := s.cat.get()
	if err != nil {
		return nil, err
	}
	idx := map[string]int{}
	var out []citeCount
	plans := map[string]map[string]bool{}
	for _, rec := range c.filter(RecordFilter{Kind: KindCitation, Citation: key}) {
		k := CitationKey(*rec.Citation)
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, citeCount{Key: k, Citation: *rec.Citation})
			plans[k] = map[string]bool{}
		}
		cc := &out[i]
		// Keep the fullest description seen.
		if cc.Citation.Title == "" {
			cc.Citation.Title = rec.Citation.Title
		}
		if cc.Citation.Date == "" {
			cc.Citation.Date = rec.Citation.Date
		}
		if cc.Citation.Issuer == "" {
			cc.Citation.Issuer = rec.Citation.Issuer
		}
		if !plans[k][rec.DocID] {
			plans[k][rec.DocID] = true
			cc.Plans++
		}
		cc.Records = append(cc.Records, rec)
	}
	for i := range out {
		out[i].describe()
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Plans != out[j].Plans {
			return out[i].Plans > out[j].Plans
		}
		return out[i].Key < out[j].Key
	})
	if out == nil {
		out = []citeCount{}
	}
	return out, nil
}

// citationsView is the citations page: national documents first, the
// local ones on request.
type citationsView struct {
	All   bool
	Cites []citeCount
	Local int // local documents not shown
}

func (s *Server) citationsPage(w http.ResponseWriter, r *http.Request) {
	all, err := s.citationsData("")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := &citationsView{All: r.URL.Query().Get("all") == "1"}
	for _, c := range all {
		if v.All || c.National {
			v.Cites = append(v.Cites, c)
		} else {
			v.Local++
		}
	}
	p := s.newPage(r, "citations")
	p.Data = v
	s.render(w, http.StatusOK, "citations", p)
}

func (s *Server) citationPage(w http.ResponseWriter, r *http.Request) {
	key := r.URL.Query().Get("key")
	if key == "" {
		http.Redirect(w, r, "/citations", http.StatusSeeOther)
		return
	}
	v, err := s.citationsData(key)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(v) == 0 {
		s.notFound(w, r)
		return
	}
	p := s.newPage(r, "citation")
	p.Title = key
	p.Data = v[0]
	s.render(w, http.StatusOK, "citation", p)
}
