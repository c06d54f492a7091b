package fetch

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/PuerkitoBio/goquery"
)

// Query is what a crawl searches for.
type Query struct {
	Text     string // keywords, e.g. "chuyển đổi số"
	Province string // narrows the search to one province; "" for all
	From     int    // earliest issue year; 0 for any
}

// Keywords is the text sent to a site's keyword search: the query with
// the province appended when the site has no province filter.
func (q Query) Keywords() string {
	return strings.TrimSpace(strings.TrimSpace(q.Text) + " " + strings.TrimSpace(q.Province))
}

// Result is one document link on a search page.
type Result struct {
	URL   string
	Title string
	Date  string // issue date as ISO yyyy-mm-dd when the listing shows one
}

// SearchPage is what a search or listing page holds.
type SearchPage struct {
	Results []Result
	Next    string // absolute URL of the next page; "" on the last page
}

// Attachment is a file linked from a document page.
type Attachment struct {
	URL    string
	Name   string
	Format string // ingest format name: pdf, doc, docx, ...
}

// Doc is what a document page holds.
type Doc struct {
	URL         string
	Title       string
	Meta        map[string]string // keys from MetaKeys
	Content     string            // HTML of the main content; "" when the page has only attachments
	Attachments []Attachment
	// MetaURL names a separate properties page (vbpl.vn's "Thuộc tính")
	// whose metadata table completes Meta.
	MetaURL string
}

// HTML is the document handed to ingest: a small UTF-8 HTML page with the
// title and the main content only, so site menus and footers stay out of
// the text.
func (d *Doc) HTML() []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">\n<title>")
	b.WriteString(html.EscapeString(d.Title))
	b.WriteString("</title>\n</head><body>\n")
	b.WriteString(d.Content)
	b.WriteString("\n</body></html>\n")
	return b.Bytes()
}

// Page is a fetched page handed to an adapter.
type Page struct {
	URL         *url.URL
	ContentType string
	Text        string            // the body decoded to UTF-8
	DOM         *goquery.Document // nil unless the page is HTML
}

// NewPage builds a Page from a body already decoded to UTF-8.
func NewPage(rawurl, contentType, text string) (*Page, error) {
	u, err := url.Parse(rawurl)
	if err != nil {
		return nil, fmt.Errorf("fetch: bad page URL %q: %w", rawurl, err)
	}
	p := &Page{URL: u, ContentType: contentType, Text: text}
	if !strings.Contains(contentType, "json") {
		dom, err := goquery.NewDocumentFromReader(strings.NewReader(text))
		if err != nil {
			return nil, fmt.Errorf("fetch: %s: %w", rawurl, err)
		}
		p.DOM = dom
	}
	return p, nil
}

// Abs resolves href against the page URL; "" for links that are not
// http(s) (mailto:, javascript:, tel:) or do not parse.
func (p *Page) Abs(href string) string {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return ""
	}
	ref, err := url.Parse(href)
	if err != nil {
		return ""
	}
	u := p.URL.ResolveReference(ref)
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

// Adapter knows one site's search and document pages.
type Adapter interface {
	// Name is the --site name.
	Name() string
	// Hosts are the site's host names without "www."; empty for the
	// generic adapter.
	Hosts() []string
	// BaseURL is the site's scheme://host.
	BaseURL() string
	// SearchURL is the URL of result page n (from 1) for q on the site at
	// base.
	SearchURL(base *url.URL, q Query, n int) string
	// FetchURL is the URL to download for the document page docURL
	// (docURL itself except where an API serves the same document).
	FetchURL(docURL string) string
	ParseSearch(p *Page) (*SearchPage, error)
	ParseDoc(p *Page) (*Doc, error)
}

var (
	regMu    sync.RWMutex
	adapters = map[string]Adapter{}
)

// Register adds an adapter; it panics on a duplicate name.
func Register(a Adapter) {
	regMu.Lock()
	defer regMu.Unlock()
	if _, dup := adapters[a.Name()]; dup {
		panic("fetch: duplicate adapter " + a.Name())
	}
	adapters[a.Name()] = a
}

// Lookup returns the adapter named name.
func Lookup(name string) (Adapter, error) {
	regMu.RLock()
	defer regMu.RUnlock()
	if a, ok := adapters[strings.ToLower(strings.TrimSpace(name))]; ok {
		return a, nil
	}
	return nil, fmt.Errorf("fetch: unknown site %q, want one of %s", name, strings.Join(namesLocked(), ", "))
}

// Names lists the registered adapters.
func Names() []string {
	regMu.RLock()
	defer regMu.RUnlock()
	return namesLocked()
}

func namesLocked() []string {
	var ns []string
	for n := range adapters {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

// ForHost picks the adapter serving host, or the generic provincial-portal
// adapter ("portal") for any other host.
func ForHost(host string) Adapter {
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	if h, _, ok := strings.Cut(host, ":"); ok {
		host = h
	}
	regMu.RLock()
	defer regMu.RUnlock()
	for _, a := range adapters {
		for _, h := range a.Hosts() {
			if host == h || strings.HasSuffix(host, "."+h) {
				return a
			}
		}
	}
	return adapters[PortalName]
}

// Rebase moves rawurl onto base (scheme and host) when base is set; it is
// how --base-url points an adapter at a mirror or a local server.
func Rebase(rawurl string, base *url.URL) string {
	if base == nil {
		return rawurl
	}
	u, err := url.Parse(rawurl)
	if err != nil {
		return rawurl
	}
	u.Scheme, u.Host = base.Scheme, base.Host
	if p := strings.TrimSuffix(base.Path, "/"); p != "" && !strings.HasPrefix(u.Path, p+"/") {
		u.Path = p + u.Path
	}
	return u.String()
}

// FormatOfURL names the ingest format of a linked file from its path (or
// a file name in its query), "" when it does not look like a document file.
func FormatOfURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	cands := []string{u.Path}
	for _, k := range []string{"filename", "file", "name", "f", "path"} {
		if v := u.Query().Get(k); v != "" {
			cands = append(cands, v)
		}
	}
	for _, c := range cands {
		switch ext := strings.ToLower(strings.TrimPrefix(path.Ext(c), ".")); ext {
		case "pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx":
			return ext
		}
	}
	return ""
}

// FormatOfContentType names the ingest format of a fetched body from its
// media type, "" when unknown.
func FormatOfContentType(ct string) string {
	switch ct {
	case "application/pdf":
		return "pdf"
	case "application/msword":
		return "doc"
	case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
		return "docx"
	case "application/vnd.ms-excel":
		return "xls"
	case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
		return "xlsx"
	case "text/html", "application/xhtml+xml":
		return "html"
	case "text/plain":
		return "txt"
	}
	return ""
}

// attachments finds links to document files inside scope (the whole page
// when scope is nil): <a href>, and data-url / data-download attributes
// of embedded viewers.
func attachments(p *Page, scope *goquery.Selection) []Attachment {
	if p.DOM == nil {
		return nil
	}
	if scope == nil || scope.Length() == 0 {
		scope = p.DOM.Selection
	}
	var out []Attachment
	seen := map[string]bool{}
	add := func(href, name string) {
		u := p.Abs(href)
		if u == "" || seen[u] {
			return
		}
		f := FormatOfURL(u)
		if f == "" {
			return
		}
		seen[u] = true
		if name == "" {
			name = path.Base(u)
		}
		out = append(out, Attachment{URL: u, Name: squash(name), Format: f})
	}
	const sel = "a[href], [data-url], [data-download], object[data], iframe[src], embed[src]"
	scope.Find(sel).AddSelection(scope.Filter(sel)).Each(func(_ int, s *goquery.Selection) {
		for _, attr := range []string{"href", "data-url", "data-download", "data", "src"} {
			if v, ok := s.Attr(attr); ok {
				add(v, s.Text())
			}
		}
	})
	return out
}

// nextLink finds the "next page" link of a pager inside scope (the whole
// page when scope is empty).
func nextLink(p *Page, scope string) string {
	if p.DOM == nil {
		return ""
	}
	sel := p.DOM.Selection
	if scope != "" {
		if s := p.DOM.Find(scope); s.Length() > 0 {
			sel = s
		}
	}
	var next string
	sel.Find("a[href]").EachWithBreak(func(_ int, a *goquery.Selection) bool {
		href, _ := a.Attr("href")
		rel, _ := a.Attr("rel")
		class, _ := a.Attr("class")
		title, _ := a.Attr("title")
		t := strings.ToLower(squash(a.Text()))
		isNext := strings.Contains(" "+rel+" ", " next ") ||
			strings.Contains(" "+strings.ToLower(class)+" ", " next ") ||
			strings.EqualFold(strings.TrimSpace(title), "trang sau") ||
			t == "trang sau" || t == "sau" || t == "tiếp" || t == "tiếp theo" || t == "next" ||
			t == "»" || t == "›" || t == ">" || t == ">>"
		if !isNext {
			return true
		}
		if u := p.Abs(href); u != "" && u != p.URL.String() {
			next = u
			return false
		}
		return true
	})
	return next
}

// squash folds runs of white space (NBSP included) to one space and trims.
func squash(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || r == '\u200b' || r == '\f' || r == '\v'
	}), " ")
}

// innerHTML is the HTML inside the first node of sel, "" when sel is empty.
func innerHTML(sel *goquery.Selection) string {
	if sel == nil || sel.Length() == 0 {
		return ""
	}
	h, err := sel.First().Html()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(h)
}

// first returns the first selector of sels that matches in p.
func first(p *Page, sels ...string) *goquery.Selection {
	if p == nil || p.DOM == nil {
		return nil
	}
	for _, s := range sels {
		if m := p.DOM.Find(s); m.Length() > 0 {
			return m.First()
		}
	}
	return nil
}

// text is the squashed text of the first match of any of sels.
func text(p *Page, sels ...string) string {
	if s := first(p, sels...); s != nil {
		return squash(s.Text())
	}
	return ""
}
