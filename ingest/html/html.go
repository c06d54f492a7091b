// Package html reads the document text out of a web page: the body of a
// legal-portal or provincial page without its navigation, ads and
// boilerplate, as paragraphs separated by empty lines, with data tables
// rendered as Markdown pipe rows (one row per line, rowspan and colspan
// resolved by repeating the cell) that table recovery reads back.
package html

import (
	"bytes"
	"fmt"
	"io"
	"kehoach/internal/lazyre"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"kehoach/ingest/internal/grid"
)

// Parse reads an HTML page and returns its document text and metadata
// (title, and the page's description when it has one).
func Parse(r io.Reader) (string, map[string]string, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return "", nil, err
	}
	// Decode by the page's declared or sniffed charset.
	cr, err := charset.NewReader(bytes.NewReader(raw), "text/html")
	if err != nil {
		cr = bytes.NewReader(raw)
	}
	doc, err := goquery.NewDocumentFromReader(cr)
	if err != nil {
		return "", nil, fmt.Errorf("html: %w", err)
	}
	meta := map[string]string{}
	if t := clean(doc.Find("title").First().Text()); t != "" {
		meta["title"] = t
	}
	if d, ok := doc.Find(`meta[name="description"]`).Attr("content"); ok && clean(d) != "" {
		meta["description"] = clean(d)
	}
	doc.Find(dropSelector).Remove()
	doc.Find("*").Each(func(_ int, s *goquery.Selection) {
		if boilerplateNode(s) {
			s.Remove()
		}
	})
	body := findBody(doc)
	var w writer
	w.node(body.Nodes...)
	txt := dropBoilerplate(w.String())
	if len(meta) == 0 {
		meta = nil
	}
	return txt, meta, nil
}

// dropSelector removes elements that never hold document text. Forms are
// kept: ASP.NET portals wrap the whole page in one.
const dropSelector = "script, style, noscript, template, nav, header, footer, aside, iframe, " +
	"button, select, input, textarea, svg, canvas, object, embed, menu, link, meta"

// boilerClass matches class and id values of navigation, ads and other
// page furniture.
var boilerClass = lazyre.New(`(?i)(^|[-_\s])(nav|navbar|menu|breadcrumbs?|footer|header|sidebar|banner|ads?|advert\w*|quangcao|social|share|sharing|comments?|login|dangnhap|search|timkiem|related|lienquan|tools?|toolbar|pagination|popup|modal|cookie)($|[-_\s])`)

func boilerplateNode(s *goquery.Selection) bool {
	for _, a := range []string{"class", "id", "role"} {
		if v, ok := s.Attr(a); ok && boilerClass.MatchString(v) {
			// Never drop an element holding most of the page's text.
			return len(s.Find("p").Nodes) < 5
		}
	}
	return false
}

// bodySelectors name the document body on the legal portals and
// provincial sites plans are published on, most specific first.
var bodySelectors = []string{
	"#toanvancontent", ".toanvancontent", "#divContentDoc", ".content1", "#ctl00_Content_ThongTinVB_pnlDocContent",
	".the-document-body", "#docContent", ".doc-content", ".noidungvanban", ".vbContent", "#vanban",
	"article .content", "article", "main", "#content", ".content", ".main-content",
}

// findBody picks the element holding the document: a known portal
// container with enough text, else the block with the most text outside
// links.
func findBody(doc *goquery.Document) *goquery.Selection {
	total := utf8.RuneCountInString(doc.Find("body").Text())
	for _, sel := range bodySelectors {
		s := doc.Find(sel).First()
		if s.Length() > 0 && utf8.RuneCountInString(s.Text()) > total/3 && utf8.RuneCountInString(s.Text()) > 200 {
			return s
		}
	}
	var best *goquery.Selection
	bestScore := -1
	doc.Find("div, section, td, article, main, body").Each(func(_ int, s *goquery.Selection) {
		txt := utf8.RuneCountInString(s.Text())
		links := utf8.RuneCountInString(s.Find("a").Text())
		score := txt - 2*links
		// Prefer the innermost block that keeps 80% of the best text.
		if score > bestScore {
			best, bestScore = s, score
		}
	})
	if best == nil {
		return doc.Selection
	}
	// Walk down while one child holds nearly all of the text.
	for {
		var next *goquery.Selection
		best.Children().Each(func(_ int, c *goquery.Selection) {
			if utf8.RuneCountInString(c.Text())*10 >= bestScore*9 && goquery.NodeName(c) != "table" {
				next = c
			}
		})
		if next == nil {
			return best
		}
		best = next
	}
}

// blockTags start a new paragraph.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "section": true, "article": true, "blockquote": true,
	"center": true, "pre": true, "dl": true, "dt": true, "dd": true, "address": true, "figure": true,
	"figcaption": true, "main": true, "body": true, "tr": true, "hr": true,
}

// writer renders nodes as text.
type writer struct {
	b    strings.Builder
	line strings.Builder // the paragraph being written
}

func (w *writer) String() string {
	w.flush()
	return strings.TrimSpace(w.b.String()) + "\n"
}

// flush ends the current paragraph.
func (w *writer) flush() {
	s := strings.TrimSpace(w.line.String())
	w.line.Reset()
	if s == "" {
		return
	}
	if w.b.Len() > 0 {
		w.b.WriteString("\n\n")
	}
	w.b.WriteString(s)
}

// text appends inline text, folding whitespace.
func (w *writer) text(s string) {
	if s == "" {
		return
	}
	f := strings.Join(strings.Fields(s), " ")
	lead := strings.TrimLeft(s, " \t\r\n\u00a0") != s
	trail := strings.TrimRight(s, " \t\r\n\u00a0") != s
	cur := w.line.String()
	if lead && cur != "" && !strings.HasSuffix(cur, " ") && !strings.HasSuffix(cur, "\n") {
		w.line.WriteByte(' ')
	}
	w.line.WriteString(f)
	if trail && f != "" {
		w.line.WriteByte(' ')
	}
}

func (w *writer) node(ns ...*html.Node) {
	for _, n := range ns {
		switch n.Type {
		case html.TextNode:
			w.text(n.Data)
		case html.ElementNode, html.DocumentNode:
			tag := n.Data
			switch {
			case tag == "br":
				w.line.WriteString("\n")
				continue
			case tag == "table":
				w.table(n)
				continue
			case tag == "sup":
				if s := strings.TrimSpace(nodeText(n)); isNoteMarker(s) {
					w.line.WriteString(superscript(s))
					continue
				}
			}
			block := blockTags[tag]
			if block {
				w.flush()
			}
			if tag == "li" && n.Parent != nil && n.Parent.Data == "ul" {
				w.line.WriteString("- ")
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				w.node(c)
			}
			if block {
				w.flush()
			}
		}
	}
}

// table writes a data table as pipe rows and a layout table (the header
// block of a decision, a signature block) as paragraphs.
func (w *writer) table(t *html.Node) {
	g := tableGrid(t)
	if !dataTable(g) {
		for _, row := range g {
			for _, c := range row.cells {
				if !c.origin {
					continue
				}
				w.flush()
				for _, p := range c.paras {
					w.line.WriteString(p)
					w.flush()
				}
			}
		}
		return
	}
	w.flush()
	rows := make([][]string, len(g))
	for i, row := range g {
		for _, c := range row.cells {
			rows[i] = append(rows[i], strings.Join(c.paras, " "))
		}
	}
	lines := grid.PipeLines(rows)
	if w.b.Len() > 0 {
		w.b.WriteString("\n\n")
	}
	w.b.WriteString(strings.Join(lines, "\n"))
}

type gridCell struct {
	paras  []string
	origin bool // false for the copies a rowspan or colspan makes
}

type gridRow struct{ cells []gridCell }

// tableGrid resolves rowspan and colspan into a rectangular grid; nested
// tables are written into their cell as text.
func tableGrid(t *html.Node) []gridRow {
	var rows []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.Data {
			case "tr":
				rows = append(rows, c)
			case "thead", "tbody", "tfoot":
				walk(c)
			}
		}
	}
	walk(t)
	var grid []gridRow
	pending := map[int]struct {
		cell gridCell
		left int
	}{} // column -> rowspan carry
	width := 0
	for _, tr := range rows {
		var row gridRow
		col := 0
		place := func() {
			for {
				p, ok := pending[col]
				if !ok {
					return
				}
				row.cells = append(row.cells, gridCell{paras: p.cell.paras})
				if p.left <= 1 {
					delete(pending, col)
				} else {
					p.left--
					pending[col] = p
				}
				col++
			}
		}
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if td.Type != html.ElementNode || (td.Data != "td" && td.Data != "th") {
				continue
			}
			place()
			var cw writer
			for c := td.FirstChild; c != nil; c = c.NextSibling {
				cw.node(c)
			}
			paras := strings.Split(strings.TrimSpace(cw.String()), "\n\n")
			for i := range paras {
				lines := strings.Split(paras[i], "\n")
				for k := range lines {
					lines[k] = strings.Join(strings.Fields(lines[k]), " ")
				}
				paras[i] = strings.Join(lines, "\n")
			}
			if len(paras) == 1 && paras[0] == "" {
				paras = nil
			}
			cs, rs := spanAttr(td, "colspan"), spanAttr(td, "rowspan")
			for k := 0; k < cs; k++ {
				row.cells = append(row.cells, gridCell{paras: paras, origin: k == 0})
				if rs > 1 {
					pending[col] = struct {
						cell gridCell
						left int
					}{gridCell{paras: paras}, rs - 1}
				}
				col++
			}
		}
		place()
		width = max(width, len(row.cells))
		grid = append(grid, row)
	}
	for i := range grid {
		for len(grid[i].cells) < width {
			grid[i].cells = append(grid[i].cells, gridCell{})
		}
	}
	return grid
}

func spanAttr(n *html.Node, name string) int {
	for _, a := range n.Attr {
		if a.Key == name {
			if v, err := strconv.Atoi(strings.TrimSpace(a.Val)); err == nil && v > 1 {
				return min(v, 100)
			}
		}
	}
	return 1
}

// dataTable tells a table of data from a layout table (grid.DataTable).
func dataTable(g []gridRow) bool {
	rows := make([][]string, len(g))
	for i, r := range g {
		for _, c := range r.cells {
			rows[i] = append(rows[i], strings.Join(c.paras, " "))
		}
	}
	return grid.DataTable(rows)
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return b.String()
}

var noteMarker = lazyre.New(`^\(?[0-9]{1,2}\)?$`)

func isNoteMarker(s string) bool { return noteMarker.MatchString(s) }

// superscript writes a footnote marker "1" or "(2)" in superscript
// characters, the form structure.Notes reads.
func superscript(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")[r-'0']
		case r == '(':
			return '⁽'
		case r == ')':
			return '⁾'
		}
		return r
	}, s)
}

// boilerplateLines are whole lines portals add around a document.
var boilerplateLine = lazyre.New(`(?i)^(đang tải nội dung.*|vui lòng chờ.*|đang tải.*giây lát.*|bản in|in văn bản|tải về|tải văn bản|lưu văn bản|chia sẻ|đăng nhập|đăng ký|góp ý|theo dõi văn bản|quay lại|lên đầu trang|xem thêm|trang chủ)\.*$`)

func dropBoilerplate(s string) string {
	paras := strings.Split(s, "\n\n")
	out := paras[:0]
	for _, p := range paras {
		if t := strings.TrimSpace(p); len(t) < 120 && boilerplateLine.MatchString(t) {
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, "\n\n")
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
