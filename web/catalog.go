package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"sync"

	"kehoach/corpus"
	"kehoach/corpus/province"
)

// Record kinds as the application names them. A target record is
// "target" or "achieved" after its Kind.
const (
	KindCitation = "citation"
	KindTarget   = "target"
	KindAchieved = "achieved"
	KindBudget   = "budget"
	KindProject  = "project"
)

// Kinds lists the record kinds in display order.
var Kinds = []string{KindCitation, KindTarget, KindAchieved, KindBudget, KindProject}

// DocSummary is one stored document as lists show it.
type DocSummary struct {
	ID         string         `json:"id"`
	Source     string         `json:"source"`
	Format     string         `json:"format"`
	Size       int64          `json:"size"`
	Doc        corpus.DocMeta `json:"document"`
	Year       int            `json:"year,omitempty"` // last year of the period, else the issue year
	Counts     map[string]int `json:"counts"`
	Warnings   int            `json:"warnings"`
	Province   *ProvinceRef   `json:"province_ref,omitempty"`
	URL        string         `json:"url,omitempty"` // the source, when it is an http(s) URL
	extraction *corpus.Extraction
}

// ProvinceRef is a province's old and 2025 identity.
type ProvinceRef struct {
	Code    string `json:"code"`
	Name    string `json:"name"`
	Now     string `json:"now"`
	NowCode string `json:"now_code"`
}

func provinceRef(name string) *ProvinceRef {
	if name == "" {
		return nil
	}
	p, ok := province.Lookup(name)
	if !ok {
		return nil
	}
	return &ProvinceRef{Code: p.Code, Name: p.Name, Now: p.Now, NowCode: p.NowCode}
}

// Record is one extracted record with the document it comes from: the
// rows of /api/records and of the province and citation pages.
type Record struct {
	DocID    string           `json:"doc_id"`
	Kind     string           `json:"kind"`
	Anchor   string           `json:"anchor"` // the element id of its place on the document page
	Citation *corpus.Citation `json:"citation,omitempty"`
	Target   *corpus.Target   `json:"target,omitempty"`
	Budget   *corpus.Budget   `json:"budget,omitempty"`
	Project  *corpus.Project  `json:"project,omitempty"`
	doc      *DocSummary
}

// Span is the record's place in the document text.
func (r Record) Span() corpus.Span {
	switch {
	case r.Citation != nil:
		return r.Citation.Span
	case r.Target != nil:
		return r.Target.Span
	case r.Budget != nil:
		return r.Budget.Span
	case r.Project != nil:
		return r.Project.Span
	}
	return corpus.Span{}
}

// Doc is the document the record comes from.
func (r Record) Doc() *DocSummary { return r.doc }

// anchor ids: c0, t3, b1, p7 (index in the Extraction's list).
func anchorOf(kind string, i int) string {
	switch kind {
	case KindCitation:
		return fmt.Sprintf("c%d", i)
	case KindTarget, KindAchieved:
		return fmt.Sprintf("t%d", i)
	case KindBudget:
		return fmt.Sprintf("b%d", i)
	case KindProject:
		return fmt.Sprintf("p%d", i)
	}
	return ""
}

func recordsOf(d *DocSummary, x *corpus.Extraction) []Record {
	var out []Record
	for i := range x.Citations {
		out = append(out, Record{DocID: d.ID, Kind: KindCitation, Anchor: anchorOf(KindCitation, i), Citation: &x.Citations[i], doc: d})
	}
	for i := range x.Targets {
		k := KindTarget
		if x.Targets[i].Kind == KindAchieved {
			k = KindAchieved
		}
		out = append(out, Record{DocID: d.ID, Kind: k, Anchor: anchorOf(k, i), Target: &x.Targets[i], doc: d})
	}
	for i := range x.Budgets {
		out = append(out, Record{DocID: d.ID, Kind: KindBudget, Anchor: anchorOf(KindBudget, i), Budget: &x.Budgets[i], doc: d})
	}
	for i := range x.Projects {
		out = append(out, Record{DocID: d.ID, Kind: KindProject, Anchor: anchorOf(KindProject, i), Project: &x.Projects[i], doc: d})
	}
	return out
}

// CitationKey identifies a cited document across plans: its canonical
// number, or for a law cited by name its title (as package compare keys
// its citation rows).
func CitationKey(c corpus.Citation) string {
	if c.Number != "" {
		return c.Number
	}
	return strings.TrimSpace(c.Title)
}

// catalog is an in-memory view of the store's documents and records,
// rebuilt when the manifest changes.
type catalog struct {
	key     string
	docs    []*DocSummary // sorted by province, year, id
	byID    map[string]*DocSummary
	records []Record
}

type catalogCache struct {
	st  Store
	mu  sync.Mutex
	cur *catalog
}

// get returns the catalog for the store's current manifest.
func (cc *catalogCache) get() (*catalog, error) {
	es := cc.st.Entries()
	h := sha256.New()
	for _, e := range es {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\n", e.Source, e.ID, e.Status, e.Ingested)
	}
	key := hex.EncodeToString(h.Sum(nil))
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if cc.cur != nil && cc.cur.key == key {
		return cc.cur, nil
	}
	c := &catalog{key: key, byID: map[string]*DocSummary{}}
	for _, e := range es {
		if e.Status != corpus.StatusOK || e.ID == "" || c.byID[e.ID] != nil {
			continue
		}
		x, err := cc.st.Extraction(e.ID)
		if err != nil {
			return nil, fmt.Errorf("web: %s: %w", e.Source, err)
		}
		d := &DocSummary{ID: e.ID, Source: e.Source, Format: e.Format, Size: e.Size, Doc: x.Document, extraction: x}
		d.Year = docYear(x.Document)
		d.Province = provinceRef(x.Document.Province)
		if strings.HasPrefix(e.Source, "http://") || strings.HasPrefix(e.Source, "https://") {
			d.URL = e.Source
		}
		d.Warnings = len(x.Warnings)
		rs := recordsOf(d, x)
		d.Counts = map[string]int{}
		for _, r := range rs {
			d.Counts[r.Kind]++
		}
		c.byID[e.ID] = d
		c.docs = append(c.docs, d)
	}
	sort.Slice(c.docs, func(i, j int) bool {
		a, b := c.docs[i], c.docs[j]
		if a.Doc.Province != b.Doc.Province {
			return a.Doc.Province < b.Doc.Province
		}
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		return a.ID < b.ID
	})
	for _, d := range c.docs {
		c.records = append(c.records, recordsOf(d, d.extraction)...)
	}
	cc.cur = c
	return c, nil
}

func docYear(m corpus.DocMeta) int {
	if m.Period != nil && m.Period.To > 0 {
		return m.Period.To
	}
	if len(m.IssueDate) >= 4 {
		y := 0
		for _, ch := range m.IssueDate[:4] {
			if ch < '0' || ch > '9' {
				return 0
			}
			y = y*10 + int(ch-'0')
		}
		return y
	}
	return 0
}

// RecordFilter selects records for /api/records and the pages.
type RecordFilter struct {
	Kind        string `json:"kind,omitempty"`
	Province    string `json:"province,omitempty"` // any spelling; matched through the registry
	ProvinceNow string `json:"province_now,omitempty"`
	Indicator   string `json:"indicator,omitempty"`
	Year        int    `json:"year,omitempty"` // the record's year (targets, budgets), else the document's
	DocID       string `json:"doc_id,omitempty"`
	Citation    string `json:"citation,omitempty"` // a CitationKey
}

func sameProvince(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	pa, oka := province.Lookup(a)
	pb, okb := province.Lookup(b)
	if oka && okb {
		return pa.Code == pb.Code
	}
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

func sameUnit(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	ua, oka := province.LookupNow(a)
	ub, okb := province.LookupNow(b)
	if oka && okb {
		return ua.Code == ub.Code
	}
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

func (f RecordFilter) match(r Record) bool {
	if f.Kind != "" && r.Kind != f.Kind {
		return false
	}
	if f.DocID != "" && r.DocID != f.DocID {
		return false
	}
	if f.Province != "" && !sameProvince(f.Province, r.doc.Doc.Province) {
		return false
	}
	if f.ProvinceNow != "" && !sameUnit(f.ProvinceNow, firstNonEmpty(r.doc.Doc.ProvinceNow, r.doc.Doc.Province)) {
		return false
	}
	if f.Indicator != "" && (r.Target == nil || r.Target.Indicator != f.Indicator) {
		return false
	}
	if f.Citation != "" && (r.Citation == nil || CitationKey(*r.Citation) != f.Citation) {
		return false
	}
	if f.Year != 0 {
		y := r.doc.Year
		switch {
		case r.Target != nil && r.Target.Year != nil:
			y = *r.Target.Year
		case r.Budget != nil && r.Budget.Year != nil:
			y = *r.Budget.Year
		}
		if y != f.Year {
			return false
		}
	}
	return true
}

func (c *catalog) filter(f RecordFilter) []Record {
	var out []Record
	for _, r := range c.records {
		if f.match(r) {
			out = append(out, r)
		}
	}
	return out
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
