package web

import (
	"bytes"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Export formats, as `kehoach export --format` names them.
var exportFormats = []string{"csv", "xlsx", "json", "md"}

// compareView is the compare page's data.
type compareView struct {
	Q          CompareQuery
	Table      *Table
	Chart      *chart
	Err        string
	NoCompare  bool
	Indicators []string
	Citations  []citeCount
	Provinces  []string
	Exports    []exportLink
}

type exportLink struct{ Format, URL string }

func parseCompare(v url.Values) (CompareQuery, string) {
	q := CompareQuery{By: v.Get("by"), Key: strings.TrimSpace(v.Get("key")), Now: v.Get("now") == "1"}
	if q.By == "" && q.Key != "" {
		q.By = "indicator"
	}
	// The compare form has one list per kind of key.
	if q.Key == "" && q.By == "indicator" {
		q.Key = strings.TrimSpace(v.Get("ikey"))
	}
	if q.Key == "" && q.By == "citation" {
		q.Key = strings.TrimSpace(v.Get("ckey"))
	}
	if q.Key == "" && q.By == "province" {
		q.Key = strings.TrimSpace(v.Get("pkey"))
	}
	switch q.By {
	case "", "indicator", "budget", "citation", "province":
	default:
		return q, "bad by " + strconv.Quote(q.By) + ", want indicator|budget|citation|province"
	}
	if (q.By == "indicator" || q.By == "citation" || q.By == "province") && q.Key == "" {
		return q, "missing key: the indicator id, the citation or the province"
	}
	if y := v.Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1900 || n > 2200 {
			return q, "bad year " + strconv.Quote(y) + ", want YYYY"
		}
		q.Year = n
	}
	return q, ""
}

func compareValues(q CompareQuery) url.Values {
	v := url.Values{}
	v.Set("by", q.By)
	if q.Key != "" {
		v.Set("key", q.Key)
	}
	if q.Year != 0 {
		v.Set("year", strconv.Itoa(q.Year))
	}
	if q.Now {
		v.Set("now", "1")
	}
	return v
}

func (s *Server) comparePage(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "compare")
	v := &compareView{}
	p.Data = v
	c, err := s.cat.get()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The indicators some plan states a figure for: the comparable ones.
	fo := c.filterOptions()
	v.Indicators, v.Provinces = fo.Indicators, fo.Provinces
	if v.Citations, err = s.citationsData(""); err != nil {
		s.fail(w, r, err)
		return
	}
	q, bad := parseCompare(r.URL.Query())
	v.Q = q
	switch {
	case s.opt.Compare == nil:
		v.NoCompare = true
	case bad != "":
		v.Err = bad
		s.render(w, http.StatusBadRequest, "compare", p)
		return
	case q.By == "":
	default:
		t, err := s.opt.Compare.Compare(r.Context(), q)
		if err != nil {
			v.Err = err.Error()
			s.render(w, http.StatusBadRequest, "compare", p)
			return
		}
		v.Table = t
		v.Chart = newChart(t, p.Lang)
		for _, f := range exportFormats {
			u := compareValues(q)
			u.Set("format", f)
			v.Exports = append(v.Exports, exportLink{Format: f, URL: "/api/export?" + u.Encode()})
		}
	}
	s.render(w, http.StatusOK, "compare", p)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func (s *Server) apiCompare(w http.ResponseWriter, r *http.Request) {
	if s.opt.Compare == nil {
		writeJSON(w, http.StatusNotImplemented, map[string]string{"error": "compare is not available"})
		return
	}
	q, bad := parseCompare(r.URL.Query())
	if bad == "" && q.By == "" {
		bad = "missing by: indicator|budget|citation"
	}
	if bad != "" {
		s.badRequest(w, r, bad)
		return
	}
	t, err := s.opt.Compare.Compare(r.Context(), q)
	if err != nil {
		s.badRequest(w, r, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, t)
}

// apiExport writes exactly what `kehoach export` writes for the same
// choice, as a download.
func (s *Server) apiExport(w http.ResponseWriter, r *http.Request) {
	if s.opt.Compare == nil {
		writeJSON(w, http.StatusNotImplemented, map[string]string{"error": "export is not available"})
		return
	}
	q, bad := parseCompare(r.URL.Query())
	if bad == "" && q.By == "" {
		bad = "missing by: indicator|budget|citation"
	}
	f := r.URL.Query().Get("format")
	if f == "" {
		f = "csv"
	}
	if bad == "" && !contains(exportFormats, f) {
		bad = "bad format " + strconv.Quote(f) + ", want csv|xlsx|json|md"
	}
	if bad != "" {
		s.badRequest(w, r, bad)
		return
	}
	var buf bytes.Buffer
	ctype, name, err := s.opt.Compare.Export(r.Context(), q, f, &buf)
	if err != nil {
		s.badRequest(w, r, err.Error())
		return
	}
	if name == "" {
		name = "kehoach-compare." + f
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": safeFileName(name)}))
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.Write(buf.Bytes())
}

// chart is a horizontal bar chart drawn as SVG on the server.
type chart struct {
	Width, Height int
	LabelW        int
	Bars          []bar
	National      *float64 // x of the national target line
	NationalText  string
	AxisX         int
}

type bar struct {
	Label, Text, Link string
	Y, W, TextX       float64
	Neg               bool
}

const (
	chartW    = 720
	chartLabW = 170
	barH      = 22
	barGap    = 8
)

// newChart draws the rows of t that have a value; nil when none has.
func newChart(t *Table, lang string) *chart {
	var maxv float64
	n := 0
	for _, r := range t.Rows {
		if r.Value != nil {
			n++
			if *r.Value > maxv {
				maxv = *r.Value
			}
		}
	}
	if t.National != nil && t.National.Value != nil && *t.National.Value > maxv {
		maxv = *t.National.Value
	}
	if n == 0 || maxv <= 0 {
		return nil
	}
	plot := float64(chartW - chartLabW - 90)
	c := &chart{Width: chartW, LabelW: chartLabW, AxisX: chartLabW}
	y := 10.0
	for _, r := range t.Rows {
		if r.Value == nil {
			continue
		}
		v := *r.Value
		w := 0.0
		if v > 0 {
			w = v / maxv * plot
		}
		c.Bars = append(c.Bars, bar{Label: r.Label, Text: formatNum(lang, v), Link: r.Link, Y: y, W: w, TextX: float64(chartLabW) + w + 6, Neg: v < 0})
		y += barH + barGap
	}
	c.Height = int(y) + 20
	if t.National != nil && t.National.Value != nil {
		x := float64(chartLabW) + *t.National.Value/maxv*plot
		c.National = &x
		c.NationalText = t.National.Text
	}
	return c
}

// LabelY and TextY place the texts in a bar.
func (b bar) LabelY() float64 { return b.Y + barH*0.7 }

// BarH is the bar height for the template.
func (b bar) BarH() int { return barH }
