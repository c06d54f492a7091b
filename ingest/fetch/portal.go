package fetch

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
)

// PortalName is the generic provincial-portal adapter, used for every
// host no other adapter claims.
const PortalName = "portal"

// portal reads provincial and ministry portals (*.gov.vn): Liferay
// "journal-content-article" pages, news-detail layouts and document
// registers alike. The main content is the first known content container
// with real text, else the block where the paragraphs are (the classic
// readability scoring); attachments are the PDF/DOC/DOCX links of the
// page outside its header, menus and footer; a properties table, when
// the page has one, fills Meta. Search: --base-url may hold a search URL
// with {query} and {page} placeholders (e.g.
// "https://sotttt.kontum.gov.vn/tim-kiem?q={query}&trang={page}");
// otherwise /tim-kiem?keyword=…&page=N is tried.
type portal struct{}

func (portal) Name() string                  { return PortalName }
func (portal) Hosts() []string               { return nil }
func (portal) BaseURL() string               { return "" }
func (portal) FetchURL(docURL string) string { return docURL }

func (portal) SearchURL(base *url.URL, q Query, n int) string {
	if base == nil {
		return ""
	}
	raw, _ := url.PathUnescape(base.String())
	if strings.Contains(raw, "{query}") {
		raw = strings.ReplaceAll(raw, "{query}", url.QueryEscape(q.Keywords()))
		raw = strings.ReplaceAll(raw, "{page}", strconv.Itoa(n))
		raw = strings.ReplaceAll(raw, "{from}", strconv.Itoa(q.From))
		return raw
	}
	v := url.Values{}
	v.Set("keyword", q.Keywords())
	v.Set("page", strconv.Itoa(n))
	return strings.TrimSuffix(base.String(), "/") + "/tim-kiem?" + v.Encode()
}

// chrome is the page furniture left out of content and link searches.
const chrome = "header, footer, nav, script, style, noscript, .header, .footer, .menu, .nav, .navbar, .breadcrumb, #header, #footer, #menu, .sidebar, aside"

// contentSelectors are the content containers of common portal layouts.
var contentSelectors = []string{
	".journal-content-article", "div.news-detail", "div.detail-content", "div.content-detail",
	"div.chitiet", "div.noidung", "div.noi-dung", "div.article-content", "div.post-content",
	"div.entry-content", "article", "#content-detail", "#noidung", "main", "#content", "div.content",
}

func mainContent(p *Page) *goquery.Selection {
	for _, s := range contentSelectors {
		var best *goquery.Selection
		p.DOM.Find(s).EachWithBreak(func(_ int, m *goquery.Selection) bool {
			if m.Closest(chrome).Length() > 0 {
				return true
			}
			if utf8.RuneCountInString(squash(m.Text())) >= 200 {
				best = m
				return false
			}
			return true
		})
		if best != nil {
			return best
		}
	}
	// Readability: credit each paragraph's text to its parent (and half
	// to the grandparent); the best-scored block is the content.
	scores := map[*goquery.Selection]float64{}
	nodes := map[any]*goquery.Selection{}
	key := func(s *goquery.Selection) *goquery.Selection {
		n := s.Get(0)
		if k, ok := nodes[n]; ok {
			return k
		}
		nodes[n] = s
		return s
	}
	p.DOM.Find("p, td, li, div").Each(func(_ int, s *goquery.Selection) {
		if s.Closest(chrome).Length() > 0 || s.Children().Filter("p, div, table, ul").Length() > 0 {
			return
		}
		n := utf8.RuneCountInString(squash(s.Text()))
		n -= utf8.RuneCountInString(squash(s.Find("a").Text()))
		if n < 25 {
			return
		}
		if par := s.Parent(); par.Length() > 0 {
			scores[key(par)] += float64(n)
			if gp := par.Parent(); gp.Length() > 0 && !gp.Is("body, html") {
				scores[key(gp)] += float64(n) / 2
			}
		}
	})
	var best *goquery.Selection
	bestScore := 0.0
	for s, sc := range scores {
		if sc > bestScore {
			best, bestScore = s, sc
		}
	}
	if best == nil {
		return p.DOM.Find("body").First()
	}
	return best
}

func (portal) ParseSearch(p *Page) (*SearchPage, error) {
	if p.DOM == nil {
		return nil, fmt.Errorf("fetch: portal: %s is not an HTML page", p.URL)
	}
	main := mainContent(p)
	sp := &SearchPage{}
	seen := map[string]bool{}
	next := nextLink(p, "")
	main.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
		if a.Closest(chrome+", .pagination, .paging, .pager, .phantrang").Length() > 0 {
			return
		}
		href, _ := a.Attr("href")
		u := p.Abs(href)
		if u == "" || seen[u] || u == next || u == p.URL.String() {
			return
		}
		t := squash(a.Text())
		if t == "" {
			t, _ = a.Attr("title")
		}
		isFile := FormatOfURL(u) != ""
		pu, _ := url.Parse(u)
		if !isFile && (pu.Host != p.URL.Host || utf8.RuneCountInString(t) < 15) {
			return
		}
		seen[u] = true
		r := Result{URL: u, Title: squash(t)}
		if row := a.Closest("tr, li, .item, .row"); row.Length() > 0 {
			r.Date = itemDate(row)
		}
		sp.Results = append(sp.Results, r)
	})
	sp.Next = next
	return sp, nil
}

func (portal) ParseDoc(p *Page) (*Doc, error) {
	if p.DOM == nil {
		return nil, fmt.Errorf("fetch: portal: %s is not an HTML page", p.URL)
	}
	d := newDoc(p, PortalName)
	main := mainContent(p)
	d.Title = text(p, "h1.title", "h1", ".title-detail", ".news-title", "h2.title", "title")
	labelPairs(p.DOM.Find("table").Not(chrome), d.Meta)
	labelPairs(main, d.Meta)
	d.Content = innerHTML(main)
	seen := map[string]bool{}
	for _, a := range attachments(p, main) {
		seen[a.URL] = true
		d.Attachments = append(d.Attachments, a)
	}
	p.DOM.Find("body").Children().Not(chrome).Each(func(_ int, s *goquery.Selection) {
		for _, a := range attachments(p, s) {
			if !seen[a.URL] && s.Closest(chrome).Length() == 0 {
				seen[a.URL] = true
				d.Attachments = append(d.Attachments, a)
			}
		}
	})
	return finishDoc(d, p), nil
}

func decodeJSON(s string, v any) error {
	dec := json.NewDecoder(strings.NewReader(strings.TrimPrefix(s, "\ufeff")))
	return dec.Decode(v)
}
