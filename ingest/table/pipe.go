package table

import (
	"kehoach/internal/lazyre"
	"strings"

	"kehoach/corpus"
	"kehoach/extract/vnnum"
)

var reSepCell = lazyre.New(`^:?-{2,}:?$|^:?-+:?$`)

func isPipeLine(s string) bool {
	t := strings.TrimSpace(s)
	return strings.HasPrefix(t, "|") && strings.Count(t, "|") >= 2
}

// pipeCells splits a pipe line into cells with their spans (trimmed; an
// empty cell gets a zero-length span where it sits).
func pipeCells(l line) []corpus.Cell {
	s := l.text
	lead := len(s) - len(strings.TrimLeft(s, " \t"))
	s = strings.TrimRight(s[lead:], " \t")
	base := l.start + lead
	if strings.HasPrefix(s, "|") {
		s = s[1:]
		base++
	}
	s = strings.TrimSuffix(s, "|")
	var cells []corpus.Cell
	off := 0
	for {
		i := indexPipe(s[off:])
		seg := s[off:]
		if i >= 0 {
			seg = s[off : off+i]
		}
		ltrim := len(seg) - len(strings.TrimLeft(seg, " \t\u00a0"))
		txt := strings.TrimSpace(strings.ReplaceAll(seg, "\u00a0", " "))
		st := base + off + ltrim
		en := st + len(strings.TrimRight(seg[ltrim:], " \t\u00a0"))
		if inner, n := unemphasize(txt); n > 0 {
			// "**Tổng cộng**", "_x_": the cell is its text without the
			// Markdown emphasis, and so is its span.
			txt = inner
			st, en = st+n, en-n
		}
		if txt == "" {
			// an empty cell spans its blanks
			st, en = base+off, base+off+len(seg)
		}
		cells = append(cells, corpus.Cell{Text: strings.ReplaceAll(fold(txt), `\|`, "|"), Span: corpus.Span{Start: st, End: en}})
		if i < 0 {
			break
		}
		off += i + 1
	}
	return cells
}

// unemphasize strips Markdown emphasis wrapped around a whole cell
// ("**Tổng cộng**", "*x*", "__x__") and returns the inner text and the
// width of the marker on each side (0 when there is none).
func unemphasize(s string) (string, int) {
	for _, m := range []string{"***", "**", "__", "*", "_"} {
		if len(s) > 2*len(m) && strings.HasPrefix(s, m) && strings.HasSuffix(s, m) {
			inner := s[len(m) : len(s)-len(m)]
			if strings.TrimSpace(inner) == inner && !strings.Contains(inner, m) {
				return inner, len(m)
			}
		}
	}
	return s, 0
}

// indexPipe finds the next unescaped "|".
func indexPipe(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if s[i] == '|' {
			return i
		}
	}
	return -1
}

func isSepLine(s string) bool {
	if !isPipeLine(s) {
		return false
	}
	t := strings.Trim(strings.TrimSpace(s), "|")
	n := 0
	for _, c := range strings.Split(t, "|") {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if !reSepCell.MatchString(c) {
			return false
		}
		n++
	}
	return n > 0
}

// pipeTables finds Markdown pipe tables. One blank line inside a table is
// tolerated when the table goes on after it. Header rows are the rows
// above the last separator line that comes before the first numbered
// row; rows between two separators are one header row wrapped over
// several lines (grid-table style) and are joined.
func pipeTables(text string, ls []line) []corpus.Table {
	var ts []corpus.Table
	for i := 0; i < len(ls); i++ {
		if !isPipeLine(ls[i].text) {
			continue
		}
		j := i
		var block []int
		for j < len(ls) {
			if isPipeLine(ls[j].text) {
				block = append(block, j)
				j++
				continue
			}
			if isBlank(ls[j].text) && j+1 < len(ls) && isPipeLine(ls[j+1].text) {
				j++
				continue
			}
			break
		}
		if t, ok := pipeTable(ls, block); ok {
			ts = append(ts, t)
		}
		i = j
	}
	return ts
}

func pipeTable(ls []line, idx []int) (corpus.Table, bool) {
	var t corpus.Table
	if len(idx) < 2 {
		return t, false
	}
	// the header ends at the last separator before the first numbered row
	lastSep := -1
	for k, li := range idx {
		if isSepLine(ls[li].text) {
			lastSep = k
			continue
		}
		cells := pipeCells(ls[li])
		if len(cells) > 0 {
			if m, _ := parseMarker(cells[0].Text); m.kind != mNone && lastSep >= 0 {
				break
			}
		}
	}
	t.Span = corpus.Span{Start: ls[idx[0]].start, End: ls[idx[len(idx)-1]].end}
	ncol := 0
	for _, li := range idx {
		if !isSepLine(ls[li].text) {
			if n := len(pipeCells(ls[li])); n > ncol {
				ncol = n
			}
		}
	}
	var header [][]corpus.Cell
	seg := 0 // which separator-delimited segment we are in
	var wrapped []corpus.Cell
	flush := func() {
		if wrapped != nil && !allEmpty(wrapped) {
			header = append(header, wrapped)
		}
		wrapped = nil
	}
	for k := 0; k <= lastSep && lastSep >= 0; k++ {
		l := ls[idx[k]]
		if isSepLine(l.text) {
			flush()
			seg++
			continue
		}
		cells := pad(pipeCells(l), ncol, l.end)
		if seg == 0 {
			if !allEmpty(cells) {
				header = append(header, cells)
			}
			continue
		}
		if wrapped == nil {
			wrapped = cells
			continue
		}
		for c := range cells {
			wrapped[c] = joinCell(wrapped[c], cells[c])
		}
	}
	flush()
	for k := lastSep + 1; k < len(idx); k++ {
		l := ls[idx[k]]
		if isSepLine(l.text) {
			continue
		}
		cells := pad(pipeCells(l), ncol, l.end)
		if allEmpty(cells) || columnNumberRow(cells) {
			continue
		}
		t.Rows = append(t.Rows, corpus.Row{Cells: cells, Span: corpus.Span{Start: l.start, End: l.end}})
	}
	// a second header row written below the separator: no STT, no
	// figures, and text exactly where the header above is empty
	for len(t.Rows) > 1 && len(header) > 0 && (completesHeader(header, t.Rows[0].Cells) || repeatsHeader(header[len(header)-1], t.Rows[0].Cells)) {
		header = append(header, t.Rows[0].Cells)
		t.Rows = t.Rows[1:]
	}
	if lastSep < 0 && len(t.Rows) > 0 {
		// no separator: the leading rows without an STT or a figure are
		// the header (at least the first row, at most three)
		k := 1
		for k < len(t.Rows)-1 && k < 3 && headerLike(t.Rows[k].Cells) {
			k++
		}
		for _, r := range t.Rows[:k] {
			header = append(header, r.Cells)
		}
		t.Rows = t.Rows[k:]
	}
	// a header row printed again further down (a new page) is not data
	if len(header) > 0 {
		kept := t.Rows[:0]
		for _, r := range t.Rows {
			if !sameTexts(r.Cells, header[0]) {
				kept = append(kept, r)
			}
		}
		t.Rows = kept
	}
	t.Header = fillRight(header)
	t.Columns = columnNames(t.Header, ncol)
	classify(t.Rows)
	return t, true
}

func pad(cells []corpus.Cell, n, at int) []corpus.Cell {
	for len(cells) < n {
		cells = append(cells, corpus.Cell{Span: corpus.Span{Start: at, End: at}})
	}
	return cells
}

func allEmpty(cells []corpus.Cell) bool {
	for _, c := range cells {
		if c.Text != "" {
			return false
		}
	}
	return true
}

// joinCell joins b to a (b continues a on the next line or block).
func joinCell(a, b corpus.Cell) corpus.Cell {
	switch {
	case b.Text == "":
		return a
	case a.Text == "":
		return b
	}
	return corpus.Cell{Text: a.Text + " " + b.Text, Span: corpus.Span{Start: a.Span.Start, End: b.Span.End}}
}

// fillRight copies a header cell over the empty cells to its right in
// the same row when the row below names those columns: a top cell that
// spans several columns in a table written without its spans.
func fillRight(h [][]corpus.Cell) [][]corpus.Cell {
	for r := 0; r+1 < len(h); r++ {
		for c := 1; c < len(h[r]); c++ {
			if h[r][c].Text == "" && h[r][c-1].Text != "" && c < len(h[r+1]) && h[r+1][c].Text != "" && c-1 < len(h[r+1]) && h[r+1][c-1].Text != "" {
				h[r][c] = h[r][c-1]
			}
		}
	}
	return h
}

// columnNames names each column from the header rows, outermost first,
// levels joined by " / " (repeats from spans dropped).
func columnNames(h [][]corpus.Cell, n int) []string {
	cols := make([]string, n)
	for c := 0; c < n; c++ {
		var parts []string
		for _, row := range h {
			if c < len(row) && row[c].Text != "" && (len(parts) == 0 || parts[len(parts)-1] != row[c].Text) {
				parts = append(parts, row[c].Text)
			}
		}
		cols[c] = strings.Join(parts, " / ")
	}
	return cols
}

// completesHeader reports whether row names the columns that the header
// rows above leave empty (the lower level of a two-level header whose
// upper cells span several columns): every text of row sits in a column
// with no header yet, or just left of one (the first column of a span).
func completesHeader(header [][]corpus.Cell, row []corpus.Cell) bool {
	if len(row) == 0 || row[0].Text != "" {
		return false
	}
	named := func(c int) bool {
		for _, h := range header {
			if c < len(h) && h[c].Text != "" {
				return true
			}
		}
		return false
	}
	fills := 0
	for c, cell := range row {
		if cell.Text == "" {
			continue
		}
		if _, ok := vnnum.ParseNumber(cell.Text); ok {
			return false
		}
		switch {
		case !named(c):
			fills++
		case c+1 < len(row) && !named(c+1):
		default:
			return false
		}
	}
	return fills > 0
}

// headerLike reports a row with no STT and no figure in it.
func headerLike(cells []corpus.Cell) bool {
	if len(cells) == 0 {
		return false
	}
	if m, _ := parseMarker(cells[0].Text); m.kind != mNone {
		return false
	}
	for _, c := range cells {
		if c.Text == "" {
			continue
		}
		if _, ok := vnnum.ParseNumber(c.Text); ok {
			return false
		}
		if isTotalLabel(c.Text) {
			return false
		}
	}
	return true
}

// repeatsHeader reports a lower header row written with the spans of the
// row above resolved: no STT, no figures, the cells under a row-spanning
// header cell repeated ("STT", "Tên nhiệm vụ") and new names under a
// column-spanning one ("Kinh phí" over "Sự nghiệp", "Đầu tư").
func repeatsHeader(above, row []corpus.Cell) bool {
	if !headerLikeCells(row) {
		return false
	}
	same, diff := 0, 0
	for c, cell := range row {
		if c >= len(above) || cell.Text == "" || above[c].Text == "" {
			continue
		}
		if cell.Text == above[c].Text {
			same++
		} else {
			diff++
		}
	}
	return same > 0 && diff > 0
}

// headerLikeCells is headerLike without the STT and total tests: a
// repeated "STT" is a header cell, and so is "Tổng số" under a spanning
// "Kinh phí".
func headerLikeCells(cells []corpus.Cell) bool {
	for _, c := range cells {
		if c.Text == "" {
			continue
		}
		if _, ok := vnnum.ParseNumber(c.Text); ok && !reColYearHeader.MatchString(c.Text) {
			return false
		}
	}
	return true
}

var reColYearHeader = lazyre.New(`^(19|20)\d\d$`)

// columnNumberRow reports a row that only numbers the columns: 1, 2, 3
// or (1), (2), (3).
func columnNumberRow(cells []corpus.Cell) bool {
	n := 0
	for _, c := range cells {
		if c.Text == "" {
			continue
		}
		m := reColNumber.FindStringSubmatch(c.Text)
		if m == nil || atoi(m[1]) != n+1 {
			return false
		}
		n++
	}
	return n >= 3
}

func sameTexts(a, b []corpus.Cell) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Text != b[i].Text {
			return false
		}
	}
	return true
}
