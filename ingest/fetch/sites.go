package fetch

import (
	"fmt"
	"kehoach/internal/lazyre"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// The site adapters. Each doc comment says where its page structure comes
// from; the fixtures under testdata/ reproduce those structures.

func init() {
	Register(tvpl{})
	Register(vbpl{})
	Register(luatVietnam{})
	Register(heThong{})
	Register(vbplCo{})
	Register(portal{})
}

// pageNumber reads the page number from a query parameter (1 when absent).
func pageNumber(u *url.URL, param string) int {
	for k, vs := range u.Query() {
		if strings.EqualFold(k, param) && len(vs) > 0 {
			if n, err := strconv.Atoi(vs[0]); err == nil && n > 0 {
				return n
			}
		}
	}
	return 1
}

func baseOr(base *url.URL, def string) string {
	if base == nil {
		return def
	}
	return strings.TrimSuffix(base.String(), "/")
}

var reDateNear = lazyre.New(`(?i)(ban hành|ngày bh|ngày ký)[^0-9]{0,20}(\d{1,2}/\d{1,2}/\d{4})`)

// itemDate is the issue date shown in a result item: after "Ban hành"
// when labelled, else the first date in it.
func itemDate(s *goquery.Selection) string {
	t := spacedText(s)
	if m := reDateNear.FindStringSubmatch(t); m != nil {
		return isoDate(m[2])
	}
	if m := reDMY.FindString(t); m != "" {
		return isoDate(m)
	}
	return ""
}

// results collects result links matched by sel, each dated from its
// closest ancestor matching item.
func results(p *Page, sel, item string) []Result {
	var out []Result
	seen := map[string]bool{}
	p.DOM.Find(sel).Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		u := p.Abs(href)
		if u == "" || seen[u] {
			return
		}
		seen[u] = true
		r := Result{URL: u, Title: squash(a.Text())}
		if t, ok := a.Attr("title"); ok && r.Title == "" {
			r.Title = squash(t)
		}
		if item != "" {
			if it := a.Closest(item); it.Length() > 0 {
				r.Date = itemDate(it)
			}
		}
		out = append(out, r)
	})
	return out
}

// spacedText is the text of s with a space between text nodes, so table
// cells and inline blocks do not run together ("UBND15/06/2021").
func spacedText(s *goquery.Selection) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range s.Nodes {
		walk(n)
	}
	return squash(b.String())
}

func newDoc(p *Page, site string) *Doc {
	return &Doc{URL: p.URL.String(), Meta: map[string]string{MetaSite: site}}
}

func finishDoc(d *Doc, p *Page) *Doc {
	if d.Title == "" {
		d.Title = text(p, "title")
	}
	setMeta(d.Meta, MetaTitle, d.Title)
	return d
}

// tvpl reads thuvienphapluat.vn. Search: /page/tim-van-ban.aspx?keyword=
// …&area=0&type=0&status=0&lan=1&org=0&signer=0&match=True&sort=1&page=N;
// results are <p class="nqTitle" lawid="…"><a href="/van-ban/…-ID.aspx">,
// pager div.cmPager. Document: body in #divContentDoc .content1 (tab1),
// properties table ("Số hiệu:", "Loại văn bản:", "Nơi ban hành:", "Người
// ký:", "Ngày ban hành:", "Ngày hiệu lực:", "Tình trạng:") in
// #divThuocTinh (tab4). Downloads need a login and are not followed.
type tvpl struct{}

func (tvpl) Name() string                  { return "thuvienphapluat" }
func (tvpl) Hosts() []string               { return []string{"thuvienphapluat.vn"} }
func (tvpl) BaseURL() string               { return "https://thuvienphapluat.vn" }
func (tvpl) FetchURL(docURL string) string { return docURL }

func (a tvpl) SearchURL(base *url.URL, q Query, n int) string {
	v := url.Values{}
	v.Set("keyword", q.Keywords())
	for _, kv := range [][2]string{{"area", "0"}, {"type", "0"}, {"status", "0"}, {"lan", "1"}, {"org", "0"}, {"signer", "0"}, {"match", "True"}, {"sort", "1"}} {
		v.Set(kv[0], kv[1])
	}
	if q.From > 0 {
		v.Set("bdate", fmt.Sprintf("01/01/%d", q.From))
		v.Set("edate", fmt.Sprintf("31/12/%d", time.Now().Year()+1))
	}
	v.Set("page", strconv.Itoa(n))
	return baseOr(base, a.BaseURL()) + "/page/tim-van-ban.aspx?" + v.Encode()
}

func (tvpl) ParseSearch(p *Page) (*SearchPage, error) {
	if p.DOM == nil {
		return nil, fmt.Errorf("fetch: thuvienphapluat: %s is not an HTML page", p.URL)
	}
	sp := &SearchPage{Results: results(p, "p.nqTitle a[href], .nqTitle a[href]", "div.content-0, div.content-1, div.item, li")}
	sp.Next = nextLink(p, "div.cmPager")
	return sp, nil
}

func (tvpl) ParseDoc(p *Page) (*Doc, error) {
	if p.DOM == nil {
		return nil, fmt.Errorf("fetch: thuvienphapluat: %s is not an HTML page", p.URL)
	}
	d := newDoc(p, "thuvienphapluat")
	d.Title = text(p, "div.box-title h1", "#divThuocTinh h1", "h1")
	if d.Title == "" {
		d.Title = strings.TrimSuffix(text(p, "title"), " mới nhất") // the site's <title> suffix
	}
	content := first(p, "#divContentDoc .content1", "#divContentDoc", "div.content1", "#tab1")
	d.Content = innerHTML(content)
	labelPairs(first(p, "#divThuocTinh", "#tab4"), d.Meta)
	labelPairs(p.DOM.Find("div.box-info, table.tblThuocTinh"), d.Meta)
	d.Attachments = attachments(p, content)
	return finishDoc(d, p), nil
}

// vbpl reads vbpl.vn, the national legal database. Search (AJAX
// endpoint): /VBQPPL_UserControls/Publishing/TimKiem/pKetQuaTimKiem.aspx
// ?dvid=13&IsVietNamese=True&type=0&s=1&Keyword=…&SearchIn=Title,Title1
// &IsRec=1&pv=0&Page=N&RowPerPage=50; results <ul class="listLaw"><li>
// <p class="title"><a href="/{unit}/Pages/vbpq-toanvan.aspx?ItemID=…">,
// or, for a single hit, a script setting window.location.href. Document:
// vbpq-toanvan.aspx holds the body in #toanvancontent (div.fulltext), the
// status in div.vbInfo ("Hiệu lực:", "Ngày có hiệu lực:") and the
// attachments under "File đính kèm"; vbpq-thuoctinh.aspx holds the
// properties table (td.label cells: "Số ký hiệu", "Ngày ban hành", "Loại
// văn bản", "Lĩnh vực", "Cơ quan ban hành/ Chức danh / Người ký",
// "Tình trạng hiệu lực").
type vbpl struct{}

func (vbpl) Name() string    { return "vbpl" }
func (vbpl) Hosts() []string { return []string{"vbpl.vn", "vbpl.moj.gov.vn"} }
func (vbpl) BaseURL() string { return "https://vbpl.vn" }

// FetchURL fetches the full text (toàn văn) for a properties URL.
func (vbpl) FetchURL(docURL string) string {
	return strings.Replace(docURL, "vbpq-thuoctinh.aspx", "vbpq-toanvan.aspx", 1)
}

func (a vbpl) SearchURL(base *url.URL, q Query, n int) string {
	v := url.Values{}
	for _, kv := range [][2]string{{"dvid", "13"}, {"IsVietNamese", "True"}, {"type", "0"}, {"s", "1"}, {"SearchIn", "Title,Title1"}, {"IsRec", "1"}, {"pv", "0"}, {"RowPerPage", "50"}} {
		v.Set(kv[0], kv[1])
	}
	v.Set("Keyword", q.Keywords())
	if q.From > 0 {
		v.Set("fromyear", fmt.Sprintf("01/01/%d", q.From))
		v.Set("toyear", fmt.Sprintf("31/12/%d", time.Now().Year()+1))
	}
	v.Set("Page", strconv.Itoa(n))
	return baseOr(base, a.BaseURL()) + "/VBQPPL_UserControls/Publishing/TimKiem/pKetQuaTimKiem.aspx?" + v.Encode()
}

var reTag = lazyre.New(`<[^>]*>`)

var reJSRedirect = lazyre.New(`window\.location\.href\s*=\s*['"]([^'"]+)['"]`)

func (vbpl) ParseSearch(p *Page) (*SearchPage, error) {
	if p.DOM == nil {
		return nil, fmt.Errorf("fetch: vbpl: %s is not an HTML page", p.URL)
	}
	sp := &SearchPage{Results: results(p, "ul.listLaw li p.title a[href]", "li")}
	if len(sp.Results) == 0 {
		if m := reJSRedirect.FindStringSubmatch(p.Text); m != nil {
			if u := p.Abs(m[1]); u != "" {
				sp.Results = append(sp.Results, Result{URL: u})
			}
		}
	}
	sp.Next = nextLink(p, "div.paging")
	return sp, nil
}

func (a vbpl) ParseDoc(p *Page) (*Doc, error) {
	if p.DOM == nil {
		return nil, fmt.Errorf("fetch: vbpl: %s is not an HTML page", p.URL)
	}
	d := newDoc(p, "vbpl")
	d.Title = text(p, "div.vbProperties td.title", "div.box-title h1", "h1")
	content := first(p, "#toanvancontent", "div.fulltext")
	d.Content = innerHTML(content)
	props := first(p, "div.vbProperties")
	if props != nil {
		// "Cơ quan ban hành/ Chức danh / Người ký": issuer first, signer last.
		props.Find("tr").Each(func(_ int, tr *goquery.Selection) {
			cells := tr.ChildrenFiltered("td")
			for i := 0; i < cells.Length(); i++ {
				lab := strings.ToLower(squash(cells.Eq(i).Text()))
				if strings.Contains(lab, "cơ quan ban hành") && strings.Contains(lab, "người ký") {
					vals := cells.Slice(i+1, cells.Length())
					if vals.Length() > 0 {
						setMeta(d.Meta, MetaIssuer, vals.First().Text())
						setMeta(d.Meta, MetaSigner, vals.Last().Text())
					}
					return
				}
			}
		})
	}
	labelPairs(props, d.Meta)
	labelPairs(first(p, "div.vbInfo"), d.Meta)
	scope := first(p, "div.fileAttack", ".fileAttack", "div.vbFile")
	if scope == nil {
		scope = content
	}
	d.Attachments = attachments(p, scope)
	if strings.Contains(p.URL.Path, "vbpq-toanvan.aspx") {
		if s := first(p, `a[href*="vbpq-thuoctinh.aspx"]`); s != nil {
			href, _ := s.Attr("href")
			d.MetaURL = p.Abs(href)
		}
		if d.MetaURL == "" {
			d.MetaURL = strings.Replace(p.URL.String(), "vbpq-toanvan.aspx", "vbpq-thuoctinh.aspx", 1)
		}
		// The full-text page has no title of its own; the properties
		// page has (Fetcher.Document falls back to <title>).
		return d, nil
	}
	return finishDoc(d, p), nil
}

// luatVietnam reads luatvietnam.vn. Search: /tim-van-ban.html?Keywords=…
// &SearchOptions=1&SearchByDate=issueDate&DateFrom=&DateTo=&page=N;
// results div.doc-article with .doc-title a and the date in .w-doc-dmy2.
// Document: h1.the-document-title, body div.the-document-body.noidungtracuu,
// properties table.table-bordered ("Cơ quan ban hành:", "Số hiệu:", "Loại
// văn bản:", "Người ký:", "Ngày ban hành:", "Tình trạng hiệu lực:", fields
// as a.tag-link), the PDF in div.embedContent[data-url].
type luatVietnam struct{}

func (luatVietnam) Name() string                  { return "luatvietnam" }
func (luatVietnam) Hosts() []string               { return []string{"luatvietnam.vn"} }
func (luatVietnam) BaseURL() string               { return "https://luatvietnam.vn" }
func (luatVietnam) FetchURL(docURL string) string { return docURL }

func (a luatVietnam) SearchURL(base *url.URL, q Query, n int) string {
	v := url.Values{}
	v.Set("Keywords", q.Keywords())
	v.Set("SearchOptions", "1")
	v.Set("SearchByDate", "issueDate")
	v.Set("DateFrom", "")
	if q.From > 0 {
		v.Set("DateFrom", fmt.Sprintf("01/01/%d", q.From))
	}
	v.Set("DateTo", "")
	v.Set("page", strconv.Itoa(n))
	return baseOr(base, a.BaseURL()) + "/tim-van-ban.html?" + v.Encode()
}

func (luatVietnam) ParseSearch(p *Page) (*SearchPage, error) {
	if p.DOM == nil {
		return nil, fmt.Errorf("fetch: luatvietnam: %s is not an HTML page", p.URL)
	}
	sp := &SearchPage{Results: results(p, ".doc-article .doc-title a[href]", ".doc-article")}
	p.DOM.Find(".doc-article").Each(func(i int, s *goquery.Selection) {
		if d := squash(s.Find(".w-doc-dmy2").First().Text()); d != "" && i < len(sp.Results) {
			sp.Results[i].Date = isoDate(d)
		}
	})
	sp.Next = nextLink(p, ".pagination, .pag, .paging")
	return sp, nil
}

func (luatVietnam) ParseDoc(p *Page) (*Doc, error) {
	if p.DOM == nil {
		return nil, fmt.Errorf("fetch: luatvietnam: %s is not an HTML page", p.URL)
	}
	d := newDoc(p, "luatvietnam")
	d.Title = text(p, "h1.the-document-title", "h1")
	content := first(p, "div.the-document-body", ".noidungtracuu")
	d.Content = innerHTML(content)
	labelPairs(p.DOM.Find("table.table-bordered"), d.Meta)
	d.Attachments = attachments(p, p.DOM.Find(".embedContent, .list-download, .download-file, div.the-document-body"))
	return finishDoc(d, p), nil
}

// heThong reads hethongphapluat.com. Listing pages are paged as
// "…_page-N.html" with one div.list-body per item (<a href title>);
// a document page has its title in h1, a "Label: value" property list
// and a div.download-section whose buttons link the Word/PDF files.
// The keyword search path (/tim-kiem.html?keyword=…&page=N) is this
// adapter's assumption; point --base-url or fetch URLs at the listing
// pages when it differs.
type heThong struct{}

func (heThong) Name() string                  { return "hethongphapluat" }
func (heThong) Hosts() []string               { return []string{"hethongphapluat.com"} }
func (heThong) BaseURL() string               { return "https://hethongphapluat.com" }
func (heThong) FetchURL(docURL string) string { return docURL }

func (a heThong) SearchURL(base *url.URL, q Query, n int) string {
	v := url.Values{}
	v.Set("keyword", q.Keywords())
	if q.From > 0 {
		v.Set("tu-nam", strconv.Itoa(q.From))
	}
	v.Set("page", strconv.Itoa(n))
	return baseOr(base, a.BaseURL()) + "/tim-kiem.html?" + v.Encode()
}

func (heThong) ParseSearch(p *Page) (*SearchPage, error) {
	if p.DOM == nil {
		return nil, fmt.Errorf("fetch: hethongphapluat: %s is not an HTML page", p.URL)
	}
	sp := &SearchPage{Results: results(p, "div.list-body a[href]", "div.list-body")}
	sp.Next = nextLink(p, ".pagination, .paging, .phan-trang")
	return sp, nil
}

func (heThong) ParseDoc(p *Page) (*Doc, error) {
	if p.DOM == nil {
		return nil, fmt.Errorf("fetch: hethongphapluat: %s is not an HTML page", p.URL)
	}
	d := newDoc(p, "hethongphapluat")
	d.Title = text(p, "div.vb-info h1", "#right-ba-info h1", "h1")
	content := first(p, "#noi-dung", "div.noi-dung", "div.content-vb", "div.vb-content", "article")
	d.Content = innerHTML(content)
	labelPairs(first(p, "div.vb-info", "div.ba-info", "#right-ba-info"), d.Meta)
	d.Attachments = attachments(p, p.DOM.Find("div.download-section"))
	return finishDoc(d, p), nil
}

// vbplCo reads vanbanphapluat.co through its public JSON API: search
// /api/search?kwd=…&page=N gives {"Items":[{"SoHieu","TrichYeu",
// "NgayBanHanh","CoQuanBanHanh","LoaiVanBan","NguoiKy",…}]}, and
// /api/vanban/{slug} the document with its full text ("ToanVan", HTML).
// The document's URL stays the human page https://vanbanphapluat.co/{slug}.
type vbplCo struct{}

func (vbplCo) Name() string    { return "vanbanphapluat" }
func (vbplCo) Hosts() []string { return []string{"vanbanphapluat.co"} }
func (vbplCo) BaseURL() string { return "https://vanbanphapluat.co" }

func (vbplCo) FetchURL(docURL string) string {
	u, err := url.Parse(docURL)
	if err != nil || strings.HasPrefix(u.Path, "/api/") || strings.Trim(u.Path, "/") == "" {
		return docURL
	}
	u.Path = "/api/vanban/" + strings.Trim(u.Path, "/")
	return u.String()
}

func (a vbplCo) SearchURL(base *url.URL, q Query, n int) string {
	v := url.Values{}
	v.Set("kwd", q.Keywords())
	v.Set("page", strconv.Itoa(n))
	return baseOr(base, a.BaseURL()) + "/api/search?" + v.Encode()
}

// vbplCoItem is one record of the API (search item or document).
type vbplCoItem map[string]any

func (it vbplCoItem) str(keys ...string) string {
	for _, k := range keys {
		if v, ok := it[k]; ok {
			if s := flatten(v); s != "" {
				return s
			}
		}
	}
	return ""
}

// flatten turns a JSON value (string, number, list of strings or of
// {"Title": …} objects) into text.
func flatten(v any) string {
	switch x := v.(type) {
	case string:
		return squash(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		var parts []string
		for _, e := range x {
			if s := flatten(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, "; ")
	case map[string]any:
		for _, k := range []string{"Title", "Name", "Ten"} {
			if s, ok := x[k].(string); ok {
				return squash(s)
			}
		}
	}
	return ""
}

func (a vbplCo) pageURL(p *Page, slug string) string {
	slug = strings.Trim(slug, "/")
	if slug == "" {
		return ""
	}
	if strings.HasPrefix(slug, "http://") || strings.HasPrefix(slug, "https://") {
		return slug
	}
	return p.Abs("/" + slug)
}

func (a vbplCo) ParseSearch(p *Page) (*SearchPage, error) {
	var body struct {
		Items      []vbplCoItem
		Total      int
		TotalPages int
		PageSize   int
	}
	if err := decodeJSON(p.Text, &body); err != nil {
		return nil, fmt.Errorf("fetch: vanbanphapluat: search %s: %w", p.URL, err)
	}
	sp := &SearchPage{}
	for _, it := range body.Items {
		u := a.pageURL(p, it.str("UID", "Url", "URL", "Link", "Slug"))
		if u == "" {
			continue
		}
		title := html.UnescapeString(reTag.ReplaceAllString(it.str("TrichYeu", "Title"), ""))
		sp.Results = append(sp.Results, Result{URL: u, Title: title, Date: isoDate(it.str("NgayBanHanh"))})
	}
	n := pageNumber(p.URL, "page")
	last := len(body.Items) == 0
	switch {
	case body.TotalPages > 0:
		last = n >= body.TotalPages
	case body.Total > 0 && body.PageSize > 0:
		last = n*body.PageSize >= body.Total
	}
	if !last {
		q := p.URL.Query()
		q.Set("page", strconv.Itoa(n+1))
		u := *p.URL
		u.RawQuery = q.Encode()
		sp.Next = u.String()
	}
	return sp, nil
}

func (a vbplCo) ParseDoc(p *Page) (*Doc, error) {
	if p.DOM != nil {
		d, err := portal{}.ParseDoc(p)
		if d != nil {
			d.Meta[MetaSite] = "vanbanphapluat"
		}
		return d, err
	}
	var it vbplCoItem
	if err := decodeJSON(p.Text, &it); err != nil {
		return nil, fmt.Errorf("fetch: vanbanphapluat: document %s: %w", p.URL, err)
	}
	u := *p.URL
	u.Path = strings.Replace(u.Path, "/api/vanban/", "/", 1)
	u.RawQuery = ""
	d := &Doc{URL: u.String(), Meta: map[string]string{MetaSite: "vanbanphapluat"}}
	d.Title = it.str("TrichYeu", "Title")
	d.Content = strings.TrimSpace(it.str2("ToanVan", "NoiDung"))
	setMeta(d.Meta, MetaNumber, it.str("SoHieu"))
	setMeta(d.Meta, MetaType, it.str("LoaiVanBan"))
	setMeta(d.Meta, MetaIssuer, it.str("CoQuanBanHanh", "NoiBanHanh"))
	setMeta(d.Meta, MetaIssueDate, it.str("NgayBanHanh"))
	setMeta(d.Meta, MetaSigner, it.str("NguoiKy"))
	setMeta(d.Meta, MetaField, it.str("LinhVuc"))
	setMeta(d.Meta, MetaStatus, it.str("TinhTrangHieuLuc", "TrinhTrangHieuLuc"))
	setMeta(d.Meta, MetaEffectiveDate, it.str("NgayHieuLuc"))
	setMeta(d.Meta, MetaTitle, d.Title)
	for _, k := range []string{"FileDinhKem", "Files", "TepDinhKem"} {
		if fs, ok := it[k].([]any); ok {
			for _, f := range fs {
				var link, name string
				switch x := f.(type) {
				case string:
					link = x
				case map[string]any:
					link, _ = x["Url"].(string)
					if link == "" {
						link, _ = x["Link"].(string)
					}
					name, _ = x["Title"].(string)
				}
				if abs := p.Abs(link); abs != "" && FormatOfURL(abs) != "" {
					d.Attachments = append(d.Attachments, Attachment{URL: abs, Name: name, Format: FormatOfURL(abs)})
				}
			}
		}
	}
	return d, nil
}

// str2 is str without squashing (HTML keeps its line structure).
func (it vbplCoItem) str2(keys ...string) string {
	for _, k := range keys {
		if s, ok := it[k].(string); ok && strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
