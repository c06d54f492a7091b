package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"kehoach/corpus"
)

type templateSet = template.Template

// parseTemplates parses layout.html with each page template into its own
// set, so every page defines "title" and "content" independently.
func parseTemplates() (map[string]*templateSet, error) {
	layout, err := fs.ReadFile(templateFS, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*templateSet{}
	for _, n := range names {
		base := strings.TrimSuffix(path.Base(n), ".html")
		if base == "layout" {
			continue
		}
		b, err := fs.ReadFile(templateFS, n)
		if err != nil {
			return nil, err
		}
		t := template.New("layout").Funcs(funcs)
		if _, err := t.Parse(string(layout)); err != nil {
			return nil, fmt.Errorf("web: layout.html: %w", err)
		}
		if _, err := t.New(base).Parse(string(b)); err != nil {
			return nil, fmt.Errorf("web: %s: %w", n, err)
		}
		out[base] = t
	}
	return out, nil
}

var funcs = template.FuncMap{
	"short": func(id string) string {
		if len(id) > 12 {
			return id[:12]
		}
		return id
	},
	"add":         func(a, b int) int { return a + b },
	"pathEscape":  url.PathEscape,
	"queryEscape": url.QueryEscape,
}

// page is what every template receives: the language, the navigation
// state and the page's own data.
type page struct {
	Lang        string
	Name        string // template name, for the active nav item
	Path        string // path and query of this page, for the language switch
	Title       string
	Status      int
	Message     string
	AllowIngest bool
	Data        any
	ind         map[string]Indicator
}

func (s *Server) newPage(r *http.Request, name string) *page {
	return &page{Lang: lang(r), Name: name, Path: r.URL.RequestURI(), AllowIngest: s.opt.AllowIngest && s.opt.Ingest != nil, ind: s.ind}
}

// T translates an interface string.
func (p *page) T(key string) string { return translate(p.Lang, key) }

// Other is the language the switch offers.
func (p *page) Other() string {
	if p.Lang == "en" {
		return "vi"
	}
	return "en"
}

// SwitchURL is the link that changes the language and returns here.
func (p *page) SwitchURL() string {
	return "/lang/" + p.Other() + "?next=" + url.QueryEscape(p.Path)
}

// Num formats a number the local way: 1.234,5 in Vietnamese, 1,234.5 in
// English, at most two decimals.
func (p *page) Num(v float64) string { return formatNum(p.Lang, v) }

func formatNum(lang string, v float64) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	intPart, frac, _ := strings.Cut(s, ".")
	group, dec := ".", ","
	if lang == "en" {
		group, dec = ",", "."
	}
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(dec + frac)
	}
	return b.String()
}

// Money formats an amount of đồng in triệu or tỷ.
func (p *page) Money(vnd int64) string { return formatMoney(p.Lang, vnd) }

// MoneyPtr formats an optional amount.
func (p *page) MoneyPtr(vnd *int64) string {
	if vnd == nil {
		return "–"
	}
	return formatMoney(p.Lang, *vnd)
}

func formatMoney(lang string, vnd int64) string {
	f := float64(vnd)
	switch {
	case math.Abs(f) >= 1e9:
		if lang == "en" {
			return "VND " + formatNum(lang, f/1e9) + " bn"
		}
		return formatNum(lang, f/1e9) + " tỷ đồng"
	case math.Abs(f) >= 1e6:
		if lang == "en" {
			return "VND " + formatNum(lang, f/1e6) + " m"
		}
		return formatNum(lang, f/1e6) + " triệu đồng"
	}
	if lang == "en" {
		return "VND " + formatNum(lang, f)
	}
	return formatNum(lang, f) + " đồng"
}

// Figure formats a target: comparator, value or range, unit.
func (p *page) Figure(t *corpus.Target) string { return formatFigure(p.Lang, t) }

func formatFigure(lang string, t *corpus.Target) string {
	if t == nil {
		return ""
	}
	cmp := map[string]string{">=": "≥ ", ">": "> ", "<=": "≤ ", "<": "< ", "=": ""}[t.Comparator]
	v := formatNum(lang, t.Value)
	if t.ValueMax != nil {
		v += "–" + formatNum(lang, *t.ValueMax)
	}
	unit := t.Unit
	if unit != "%" && unit != "" {
		unit = " " + unit
	}
	return cmp + v + unit
}

// Period formats a period of years.
func (p *page) Period(per *corpus.Period) string {
	if per == nil {
		return ""
	}
	if per.From == per.To {
		return strconv.Itoa(per.From)
	}
	return fmt.Sprintf("%d–%d", per.From, per.To)
}

// IntPtr formats an optional year.
func (p *page) IntPtr(v *int) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(*v)
}

// Col is the heading of a table column: a known column name translated,
// anything else (a year, a province) as is.
func (p *page) Col(name string) string {
	if _, ok := messages["vi"]["col_"+name]; ok {
		return p.T("col_" + name)
	}
	return name
}

// KindName is the display name of a record kind.
func (p *page) KindName(kind string) string { return p.T("kind_" + kind) }

// Role is the display name of a citation role.
func (p *page) Role(role string) string {
	if role == "" {
		return ""
	}
	return p.T("role_" + role)
}

// Size formats a byte count.
func (p *page) Size(n int64) string {
	switch {
	case n >= 1<<20:
		return formatNum(p.Lang, float64(n)/(1<<20)) + " MB"
	case n >= 1<<10:
		return formatNum(p.Lang, float64(n)/(1<<10)) + " KB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

// Indicator is the display name of an indicator id.
func (p *page) Indicator(id string) string {
	if ind, ok := p.ind[id]; ok {
		if p.Lang == "en" && ind.EN != "" {
			return ind.EN
		}
		if ind.VI != "" {
			return ind.VI
		}
	}
	return id
}

// render executes a page template into a buffer first, so a template
// error never leaves half a page.
func (s *Server) render(w http.ResponseWriter, code int, name string, p *page) {
	t := s.pages[name]
	if t == nil {
		http.Error(w, "web: no template "+name, http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		s.opt.Logf("web: render %s: %v", name, err)
		http.Error(w, "web: render error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}
