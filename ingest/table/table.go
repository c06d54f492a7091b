// Package table recovers tables from text: Markdown pipe tables (what the
// HTML, DOCX and PDF parsers emit, with row and column spans already
// resolved) and tables flattened to one cell per line, as legal portals
// print Word tables (blank lines between cells, a lone space for an empty
// cell, merged cells given only once).
//
// Every span is a byte range into the text given to Recover. Rows come
// back aligned to the table's columns: Row.Cells has one cell per column
// (an empty cell with a zero-length span where the text gives none), and
// cells split over several text blocks are joined.
//
// In flattened tables the STT sequence finds the row starts (rows under a
// group row numbered from 1 again or on from the group before); the
// column count is learnt from the rows, or from a two-row header (a
// parent such as "Kinh phí" over "Tổng số / Đầu tư / Sự nghiệp") when the
// rows are too few or uneven; which top cells span is chosen by the words
// of the cells and by whether each column's data fits its name. Rows
// numbered I, II / A, B and unnumbered headings (in capitals, or whose
// figures add up the rows under them) are group rows; rows labelled
// Tổng, Tổng cộng, Cộng are total rows.
package table

import (
	"kehoach/internal/lazyre"
	"math"
	"sort"
	"strings"
	"unicode"

	"kehoach/corpus"
	"kehoach/extract/vnnum"
)

// Recover returns the tables found in text, in text order.
func Recover(text string) []corpus.Table {
	ls := splitLines(text)
	ts := pipeTables(text, ls)
	ts = append(ts, flatTables(text, ls, ts)...)
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].Span.Start < ts[j].Span.Start })
	prevEnd := 0
	for i := range ts {
		describe(text, &ts[i], prevEnd)
		prevEnd = ts[i].Span.End
	}
	return ts
}

// line is one line of the text without its line end.
type line struct {
	start, end int
	text       string
}

func splitLines(text string) []line {
	ls := make([]line, 0, strings.Count(text, "\n")+1)
	start := 0
	for start <= len(text) {
		i := strings.IndexByte(text[start:], '\n')
		end := len(text)
		if i >= 0 {
			end = start + i
		}
		t := text[start:end]
		e := end
		if strings.HasSuffix(t, "\r") {
			t = t[:len(t)-1]
			e--
		}
		ls = append(ls, line{start, e, t})
		if i < 0 {
			break
		}
		start = end + 1
	}
	return ls
}

// isBlank reports a line with nothing on it at all. A line of spaces or
// non-breaking spaces is not blank: it is an empty cell.
func isBlank(s string) bool { return s == "" }

func isSpaceOnly(s string) bool { return strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " ")) == "" }

// fold folds the white space of s to single spaces.
func fold(s string) string {
	if clean(s) {
		return s
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// clean reports whether s has no white space to fold: no line breaks,
// tabs, non-breaking, leading, trailing or double spaces.
func clean(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n', '\r', '\t', '\v', '\f':
			return false
		case ' ':
			if i+1 < len(s) && s[i+1] == ' ' {
				return false
			}
		case 0xC2:
			if i+1 < len(s) && (s[i+1] == 0xA0 || s[i+1] == 0x85) {
				return false
			}
		case 0xE2, 0xE3:
			return strings.Join(strings.Fields(s), " ") == s && !strings.ContainsRune(s, '\u00a0')
		}
	}
	return true
}

// ---- row markers (the STT column) ----

type markerKind int

const (
	mNone markerKind = iota
	mNum
	mDotted
	mRoman
	mUpper
	mLower
)

type marker struct {
	kind markerKind
	n    int   // value (roman/letter as 1-based index)
	path []int // dotted: 1.2 -> [1 2]
}

var (
	reNum    = lazyre.New(`^(\d{1,3})[.)]?$`)
	reDotted = lazyre.New(`^\d{1,2}(?:\.\d{1,2})+\.?$`)
	reRoman  = lazyre.New(`^([IVXL]{1,7})[.)]?$`)
	reUpper  = lazyre.New(`^([A-Z])[.)]?$`)
	reLower  = lazyre.New(`^([a-zđ])[.)]$|^([a-z])$`)
)

func parseMarker(s string) (marker, []marker) {
	if len(s) > 16 {
		return marker{}, nil // markers are short
	}
	s = fold(s)
	if s == "" {
		return marker{}, nil // every pattern needs a first character
	}
	var alts []marker
	// Each pattern is anchored on a digit, a capital or a small letter:
	// only those that can match the first character run.
	c0 := s[0]
	if c0 >= '0' && c0 <= '9' {
		if m := reNum.FindStringSubmatch(s); m != nil {
			return marker{kind: mNum, n: atoi(m[1])}, nil
		}
		if reDotted.MatchString(s) {
			var p []int
			for _, x := range strings.Split(strings.TrimSuffix(s, "."), ".") {
				p = append(p, atoi(x))
			}
			return marker{kind: mDotted, path: p}, nil
		}
		return marker{}, nil
	}
	var first marker
	if c0 == 'I' || c0 == 'V' || c0 == 'X' || c0 == 'L' {
		if m := reRoman.FindStringSubmatch(s); m != nil {
			if v := roman(m[1]); v > 0 {
				first = marker{kind: mRoman, n: v}
			}
		}
	}
	if c0 >= 'A' && c0 <= 'Z' {
		if m := reUpper.FindStringSubmatch(s); m != nil {
			u := marker{kind: mUpper, n: int(m[1][0]-'A') + 1}
			if first.kind == mNone {
				first = u
			} else {
				alts = append(alts, u)
			}
		}
	}
	if first.kind != mNone {
		return first, alts
	}
	if c0 >= 'a' && c0 <= 'z' || strings.HasPrefix(s, "đ") {
		if m := reLower.FindStringSubmatch(s); m != nil {
			c := m[1] + m[2]
			n := int(c[0]-'a') + 1
			if c == "đ" {
				n = 4 // a b c d đ e: đ sits after d
			}
			return marker{kind: mLower, n: n}, nil
		}
	}
	return marker{}, nil
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
		if n > 1e6 {
			return n
		}
	}
	return n
}

func roman(s string) int {
	val := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50}
	total := 0
	for i := 0; i < len(s); i++ {
		v := val[s[i]]
		if i+1 < len(s) && val[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || total > 60 || toRoman(total) != s {
		return 0
	}
	return total
}

func toRoman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}

// seq tracks the STT sequence of a table to say which markers may start
// the next row.
//
// Rows under a group row (I, II / A, B) are numbered either from 1 again
// or on from the last row of the group before ("I: 1, 2, 3; II: 4, 5"):
// both are read as the next row.
type seq struct {
	num, sub, rom, up, low int
	carried                int // the last number before the current group row
	started                bool
}

// expect reports whether s is a marker the sequence allows next, and the
// marker read.
func (q *seq) expect(s string) (marker, bool) {
	m, alts := parseMarker(s)
	for _, c := range append([]marker{m}, alts...) {
		if q.fits(c) {
			return c, true
		}
	}
	return m, false
}

func (q *seq) fits(m marker) bool {
	switch m.kind {
	case mNum:
		return m.n == q.num+1 || (!q.started && m.n == 1) || (q.num == 0 && q.carried > 0 && m.n == q.carried+1)
	case mDotted:
		return len(m.path) == 2 && ((m.path[0] == q.num && m.path[1] == q.sub+1) || (m.path[0] == q.num+1 && m.path[1] == 1))
	case mRoman:
		return m.n == q.rom+1
	case mUpper:
		return m.n == q.up+1
	case mLower:
		return q.num > 0 && m.n == q.low+1
	}
	return false
}

// carry keeps the last row number when a group row resets the numbering.
func (q *seq) carry() {
	if q.num > 0 {
		q.carried = q.num
	}
}

func (q *seq) advance(m marker) {
	q.started = true
	switch m.kind {
	case mNum:
		q.num, q.sub, q.low = m.n, 0, 0
	case mDotted:
		q.num, q.sub = m.path[0], m.path[1]
	case mRoman:
		q.carry()
		q.rom, q.num, q.sub, q.low = m.n, 0, 0, 0
	case mUpper:
		q.carry()
		q.up, q.rom, q.num, q.sub, q.low = m.n, 0, 0, 0, 0
	case mLower:
		q.low = m.n
	}
}

// ---- row kinds ----

var (
	reTotal   = lazyre.New(`(?i)^(tổng|cộng\b|total\b)`)
	reSummary = lazyre.New(`(?i)^(bình quân|trung bình|trong đó\b|ghi chú\b)`)
)

func isTotalLabel(s string) bool   { return reTotal.MatchString(fold(s)) }
func isSummaryLabel(s string) bool { return reSummary.MatchString(fold(s)) }

// classify sets the kind of each row. Rows whose STT is a Roman numeral
// or a capital letter are group rows when the table also numbers rows
// with digits; rows labelled Tổng/Cộng are totals; "Bình quân năm" and
// the like are summaries.
func classify(rows []corpus.Row) {
	hasNum := false
	for _, r := range rows {
		if len(r.Cells) > 0 {
			if m, _ := parseMarker(r.Cells[0].Text); m.kind == mNum || m.kind == mDotted {
				hasNum = true
			}
		}
	}
	for i := range rows {
		r := &rows[i]
		r.Kind = corpus.RowData
		if len(r.Cells) == 0 {
			continue
		}
		m, _ := parseMarker(r.Cells[0].Text)
		label := ""
		for k := 0; k < len(r.Cells) && k < 3; k++ {
			if t := fold(r.Cells[k].Text); t != "" {
				if k == 0 && m.kind != mNone {
					continue
				}
				label = t
				break
			}
		}
		switch {
		case (m.kind == mNone) && isTotalLabel(label):
			r.Kind = corpus.RowTotal
		case (m.kind == mNone) && isSummaryLabel(label):
			r.Kind = corpus.RowSummary
		case hasNum && (m.kind == mRoman || m.kind == mUpper):
			r.Kind = corpus.RowGroup
		case hasNum && m.kind == mNone && strings.TrimSpace(r.Cells[0].Text) == "" && upperHeading(label):
			// an unnumbered heading in capitals among numbered rows
			r.Kind = corpus.RowGroup
		}
	}
	if hasNum {
		for i := range rows {
			if rows[i].Kind == corpus.RowData && len(rows[i].Cells) > 0 && strings.TrimSpace(rows[i].Cells[0].Text) == "" && subtotals(rows, i) {
				// an unnumbered heading whose figures add up the numbered
				// rows under it ("Hạ tầng kỹ thuật | 1.500" over 1.000 and 500)
				rows[i].Kind = corpus.RowGroup
			}
		}
	}
}

// subtotals reports whether every figure of the unnumbered row i is the
// sum of the same column over the numbered rows that follow it, up to the
// next unnumbered, group or total row; at least one figure.
func subtotals(rows []corpus.Row, i int) bool {
	cols := 0
	n := 0
	for j := i + 1; j < len(rows); j++ {
		r := rows[j]
		if r.Kind != corpus.RowData || len(r.Cells) == 0 || strings.TrimSpace(r.Cells[0].Text) == "" {
			break
		}
		n++
	}
	if n == 0 || n == 1 && textCells(rows[i]) > 1 {
		return false // one row under it: only a bare heading (a name and figures) counts
	}
	for c := 1; c < len(rows[i].Cells); c++ {
		v, ok := cellNumber(rows[i].Cells[c].Text)
		if !ok {
			continue
		}
		sum := 0.0
		for j := i + 1; j <= i+n; j++ {
			if c < len(rows[j].Cells) {
				if x, ok := cellNumber(rows[j].Cells[c].Text); ok {
					sum += x
				}
			}
		}
		if math.Abs(sum-v) > 1e-6*math.Max(1, math.Abs(v)) {
			return false
		}
		cols++
	}
	return cols > 0
}

// textCells counts the cells of r that hold words, not figures.
func textCells(r corpus.Row) int {
	n := 0
	for _, c := range r.Cells {
		if t := strings.TrimSpace(c.Text); t != "" {
			if _, ok := cellNumber(t); !ok {
				n++
			}
		}
	}
	return n
}

func cellNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" || reYearLike.MatchString(s) {
		return 0, false
	}
	return vnnum.ParseNumber(s)
}

var reYearLike = lazyre.New(`^(19|20)\d\d(\s*[-–]\s*(19|20)\d\d)?$`)

// upperHeading reports a label written in capitals ("HẠ TẦNG KỸ THUẬT").
func upperHeading(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 6
}

// ---- title and unit ----

var (
	reUnit       = lazyre.New(`(?i)(?:đơn\s*vị\s*tính|đvt|đơn\s*vị)\s*[:：]\s*((?:\d{1,3}(?:\.\d{3})+\s*|1000\s*)?[\p{L}]+(?:\s+[\p{L}]+){0,3})`)
	reAppendix   = lazyre.New(`(?i)^\(?\s*(phụ\s*lục|biểu|bảng)\b`)
	reAttached   = lazyre.New(`(?i)^\(?\s*(kèm theo|ban hành kèm|ngày\s|/)`)
	reAttachedIn = lazyre.New(`(?i)\(\s*(kèm theo|ban hành kèm)`)
	reHeading    = lazyre.New(`^(PHỤ LỤC|Phụ lục|PHẦN|Phần\s+[IVX]|[IVX]{1,5}\.\s|\d{1,2}\.\s+\p{Lu}|[a-zđ]\)\s|Nơi nhận|KT\.|TM\.)`)
)

// UnitOf reads the unit of a unit line such as "Đơn vị tính: triệu đồng",
// "ĐVT: Triệu đồng" or "(Đơn vị tính: Triệu đồng)". It returns the unit
// lower-cased and the byte range of the whole unit statement in s.
func UnitOf(s string) (unit string, start, end int, ok bool) {
	m := reUnit.FindStringSubmatchIndex(s)
	if m == nil {
		return "", 0, 0, false
	}
	u := strings.ToLower(fold(s[m[2]:m[3]]))
	// keep only the unit words ("triệu đồng"), not a following sentence
	words := strings.Fields(u)
	for i, w := range words {
		if w == "đồng" || w == "đ" || w == "vnđ" || w == "người" || w == "%" {
			words = words[:i+1]
			break
		}
	}
	u = strings.Join(words, " ")
	end = m[3]
	if k := strings.Index(s[m[2]:m[3]], strings.Fields(s[m[2]:m[3]])[len(words)-1]); k >= 0 {
		end = m[2] + k + len(strings.Fields(s[m[2]:m[3]])[len(words)-1])
	}
	return u, m[0], end, true
}

// describe fills the title and the unit of t from the paragraphs above it,
// not reaching back past prevEnd.
func describe(text string, t *corpus.Table, prevEnd int) {
	paras := parasBefore(text, t.Span.Start, prevEnd, 8)
	// paras is nearest first
	app := -1
	for i, p := range paras {
		if reAppendix.MatchString(p.text) {
			app = i
			break
		}
	}
	limit := len(paras)
	if app >= 0 {
		limit = app + 1
	} else if limit > 3 {
		limit = 3
	}
	var title []string
	for i := limit - 1; i >= 0; i-- {
		p := paras[i]
		if u, s, e, ok := UnitOf(p.raw); ok && t.Unit == "" {
			t.Unit = u
			t.UnitAt = &corpus.Span{Start: p.start + s, End: p.start + e}
			if strings.TrimSpace(strings.Trim(fold(p.raw[:s]+p.raw[e:]), "()., ")) == "" {
				continue
			}
		}
		if reAttached.MatchString(p.text) || len(p.text) > 400 {
			continue
		}
		if app < 0 && i > 0 {
			continue // without an appendix heading the title is the nearest paragraph
		}
		title = append(title, p.text)
	}
	t.Title = strings.Join(title, " ")
	if m := reAttachedIn.FindStringIndex(t.Title); m != nil {
		t.Title = strings.TrimSpace(t.Title[:m[0]])
	}
}

type para struct {
	start int
	raw   string // text[start:...]
	text  string // folded
}

// parasBefore returns up to n paragraphs (blank-line separated, lines
// folded) ending before off and starting at or after min, nearest first.
func parasBefore(text string, off, min, n int) []para {
	var out []para
	end := off
	for len(out) < n && end > min {
		// skip blank lines backwards
		for end > min && (text[end-1] == '\n' || text[end-1] == '\r' || text[end-1] == ' ') {
			end--
		}
		if end <= min {
			break
		}
		start := strings.LastIndex(text[min:end], "\n\n")
		if start < 0 {
			start = min
		} else {
			start += min + 2
		}
		if t := fold(text[start:end]); t != "" {
			out = append(out, para{start, text[start:end], t})
		}
		end = start
	}
	return out
}
