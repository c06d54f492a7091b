package table

import (
	"kehoach/internal/lazyre"
	"math"
	"strings"
	"unicode/utf8"

	"kehoach/corpus"
	"kehoach/extract/vnnum"
)

// block is one cell of a flattened table: a run of non-blank lines, or a
// line holding only spaces (an empty cell).
type block struct {
	start, end int
	text       string // lines folded to one line
	empty      bool
	typ        ctype
}

// blocks cuts the lines into blocks. When the text has lost the lone
// spaces of empty cells, two extra blank lines between blocks stand for
// one empty cell.
func blocks(ls []line) []block {
	var bs []block
	blanks := 0
	for i := 0; i < len(ls); i++ {
		l := ls[i]
		if isBlank(l.text) {
			blanks++
			continue
		}
		if len(bs) > 0 && blanks >= 3 {
			for k := 0; k < (blanks-1)/2; k++ {
				at := l.start
				bs = append(bs, block{start: at, end: at, empty: true})
			}
		}
		blanks = 0
		if isSpaceOnly(l.text) {
			bs = append(bs, block{start: l.start, end: l.end, empty: true})
			continue
		}
		b := block{start: l.start, end: l.end, text: l.text}
		for i+1 < len(ls) && !isBlank(ls[i+1].text) && !isSpaceOnly(ls[i+1].text) && !isPipeLine(ls[i+1].text) {
			i++
			b.end = ls[i].end
			b.text += "\n" + ls[i].text
		}
		// trim the span to the text
		lead := len(b.text) - len(strings.TrimLeft(b.text, " \t\u00a0"))
		trail := len(b.text) - len(strings.TrimRight(b.text, " \t\u00a0"))
		b.start += lead
		b.end -= trail
		b.text = fold(b.text)
		b.typ = typeOfText(b.text)
		bs = append(bs, b)
	}
	return bs
}

var reSTT = lazyre.New(`(?i)^(stt|tt|số tt|số thứ tự|s\.tt|số\s*tt)\.?$`)

var hardEnd = lazyre.New(`(?i)^(phụ\s*lục\b|nơi nhận\b|kt\.\s|tm\.\s)`)

// mayBeHardEnd is a cheap necessary condition for hardEnd: the first
// letter of one of its words, in either case (K also folds to the Kelvin
// sign).
func mayBeHardEnd(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case 'p', 'P', 'n', 'N', 'k', 'K', '\u212a', 't', 'T':
		return true
	}
	return false
}

// flatTables finds tables flattened to one cell per block: a header that
// starts with an STT/TT cell, then rows whose STT cells follow the
// sequence 1, 2, 3 / I, II / A, B.
func flatTables(text string, ls []line, pipes []corpus.Table) []corpus.Table {
	// cells are cut only from the first STT header on: most of a plan is
	// prose with no table in it
	first := -1
	for i, l := range ls {
		if t := strings.TrimSpace(l.text); len(t) <= 16 && reSTT.MatchString(fold(t)) {
			first = i
			break
		}
	}
	if first < 0 {
		return nil
	}
	bs := blocks(ls[first:])
	var out []corpus.Table
	for i := 0; i < len(bs); i++ {
		if bs[i].empty || !reSTT.MatchString(bs[i].text) || insideAny(bs[i].start, pipes) {
			continue
		}
		t, next, ok := flatTable(bs, i)
		if ok {
			out = append(out, t)
			i = next - 1
		}
	}
	return out
}

func insideAny(off int, ts []corpus.Table) bool {
	for _, t := range ts {
		if off >= t.Span.Start && off < t.Span.End {
			return true
		}
	}
	return false
}

const maxHeaderCells = 40

// flatTable reads the table whose header starts at bs[h]; it returns the
// table and the index of the first block after it.
func flatTable(bs []block, h int) (corpus.Table, int, bool) {
	var t corpus.Table
	// header: the STT cell and the cells after it up to the first row
	k := h + 1
	for k < len(bs) && k-h < maxHeaderCells {
		b := bs[k]
		if b.empty || len(b.text) > 250 || hardEnd.MatchString(b.text) {
			break
		}
		if columnNumbers(bs, k) >= 3 {
			break // the column numbers under the header
		}
		if isTotalLabel(b.text) && k+1 < len(bs) && typeOf(bs[k+1]) == tN {
			break // a total row ("Tổng cộng", figures), not a header cell ("Tổng mức đầu tư")
		}
		if m, _ := parseMarker(b.text); m.kind == mNum || m.kind == mRoman || m.kind == mUpper {
			break
		}
		if _, ok := vnnum.ParseNumber(b.text); ok && !(mayBeYear(b.text) && reYear.MatchString(b.text)) {
			break
		}
		k++
	}
	hdr := headerCells(bs[h:k])
	n := len(hdr) // header cells
	if n < 2 || k >= len(bs) {
		return t, h + 1, false
	}
	// a row of column numbers under the header ("1", "2", "3" or "(1)")
	colNums := 0
	if run := columnNumbers(bs, k); run >= 3 {
		colNums = run
		k += run
		if k >= len(bs) {
			return t, h + 1, false
		}
	}
	first := k
	// pass 1: row starts by the STT sequence alone, to learn the width
	var starts []int
	q := seq{}
	gap := 0
	nb := k - h // header blocks
	for i := first; i < len(bs) && gap < 4*n+20; i++ {
		if !bs[i].empty && hardEnd.MatchString(bs[i].text) {
			break
		}
		if repeatedHeader(bs, i, h, nb) {
			i += nb - 1 // the header printed again on a new page
			continue
		}
		if m, ok := q.expect(bs[i].text); ok && !bs[i].empty && namesNext(bs, i) {
			starts = append(starts, i)
			q.advance(m)
			gap = 0
			continue
		}
		gap++
	}
	if len(starts) == 0 {
		return t, h + 1, false
	}
	width := learnWidth(starts, n)
	if colNums > 0 && colNums <= n {
		width = colNums // the column numbers count the columns
	} else if hw := headerWidth(hdr); hw > 0 && hw != width && !steadyWidth(starts, width) {
		// too few rows of one length to learn the width from (a cell
		// split over two blocks, empty cells left out): the header's
		// leaf cells say how many columns there are
		width = hw
	}
	// pass 2: cut rows
	var rows [][]int
	cur := []int{first}
	q = seq{}
	if m, ok := q.expect(bs[first].text); ok && !bs[first].empty {
		q.advance(m)
	}
	end := first + 1
	for i := first + 1; i < len(bs); i++ {
		b := bs[i]
		if !b.empty && mayBeHardEnd(b.text) && hardEnd.MatchString(b.text) {
			break
		}
		if repeatedHeader(bs, i, h, nb) {
			i += nb - 1
			end = i + 1
			continue
		}
		if !b.empty {
			if m, ok := q.expect(b.text); ok && (len(cur) >= 2 || emptyBlocks(bs, cur)) && (len(cur) >= width-1 || namesNext(bs, i)) {
				rows = append(rows, cur)
				cur = []int{i}
				q.advance(m)
				end = i + 1
				continue
			}
		}
		if len(cur) >= width {
			if b.empty || isTotalLabel(b.text) || isSummaryLabel(b.text) {
				rows = append(rows, cur)
				cur = []int{i}
				end = i + 1
				continue
			}
			if !markerAhead(bs, i, q, width) {
				break
			}
		}
		cur = append(cur, i)
		end = i + 1
	}
	rows = append(rows, cur)
	// an all-empty row is the tail of the row before it
	var merged [][]int
	for _, r := range rows {
		if emptyBlocks(bs, r) && len(merged) > 0 {
			merged[len(merged)-1] = append(merged[len(merged)-1], r...)
			continue
		}
		merged = append(merged, r)
	}
	rows = merged
	prof := profile(bs, rows, width)
	for _, r := range rows {
		cells := align(bs, r, width, prof)
		t.Rows = append(t.Rows, corpus.Row{Cells: cells, Span: corpus.Span{Start: bs[r[0]].start, End: bs[r[len(r)-1]].end}})
	}
	// trailing blocks that are only empty cells do not belong to the table
	t.Header, t.Columns = flatHeader(hdr, width, prof)
	t.Span = corpus.Span{Start: bs[h].start, End: t.Rows[len(t.Rows)-1].Span.End}
	classify(t.Rows)
	return t, end, true
}

var reColNumber = lazyre.New(`^\(?(\d{1,2})\)?$`)

// columnNumbers is the length of a run of blocks from k numbered 1, 2,
// 3, ... (column numbers printed under a header), 0 when there is none.
func columnNumbers(bs []block, k int) int {
	n := 0
	for k+n < len(bs) && !bs[k+n].empty {
		m := reColNumber.FindStringSubmatch(bs[k+n].text)
		if m == nil || atoi(m[1]) != n+1 {
			break
		}
		n++
	}
	return n
}

// headerCells joins header blocks that continue the one before them (a
// cell written over two paragraphs: "Sự nghiệp" / "(thuê, đầu tư)").
func headerCells(hb []block) []block {
	var out []block
	for _, b := range hb {
		if len(out) > 0 && reContinuesHeader.MatchString(b.text) {
			last := &out[len(out)-1]
			last.text += " " + b.text
			last.end = b.end
			continue
		}
		out = append(out, b)
	}
	return out
}

var reContinuesHeader = lazyre.New(`^(\(|\p{Ll})`)

// repeatedHeader reports whether the n header cells starting at bs[h]
// are printed again from bs[i] (a table continued on a new page).
func repeatedHeader(bs []block, i, h, n int) bool {
	if i+n > len(bs) || bs[i].text != bs[h].text {
		return false
	}
	for k := 1; k < n; k++ {
		if bs[i+k].text != bs[h+k].text {
			return false
		}
	}
	return true
}

// namesNext reports whether the block after a would-be STT at i is a
// name: a figure that happens to equal the next STT ("Số lượng: 2")
// is followed by more figures, a row's STT by its name.
func namesNext(bs []block, i int) bool {
	return i+1 < len(bs) && typeOf(bs[i+1]) == tT && len([]rune(bs[i+1].text)) > 3
}

func emptyBlocks(bs []block, idx []int) bool {
	for _, i := range idx {
		if !bs[i].empty {
			return false
		}
	}
	return true
}

// markerAhead reports whether a row start (the next STT, or a total row)
// comes within a row's width of bs[i]: the current row is then only
// longer than the header because a cell was split over several blocks.
func markerAhead(bs []block, i int, q seq, width int) bool {
	for j := i; j < len(bs) && j <= i+width+1; j++ {
		if bs[j].empty {
			continue
		}
		if hardEnd.MatchString(bs[j].text) || len(bs[j].text) > 1500 {
			return false
		}
		if _, ok := q.expect(bs[j].text); ok {
			return true
		}
		if isTotalLabel(bs[j].text) {
			return true
		}
	}
	return false
}

// learnWidth is the number of columns: the widest row length at most the
// header's cell count that occurs at least twice between consecutive row
// starts (rows with a merged cell are shorter, rows with a split cell
// longer, two-level headers have more cells than columns).
func learnWidth(starts []int, n int) int {
	count := map[int]int{}
	for i := 1; i < len(starts); i++ {
		count[starts[i]-starts[i-1]]++
	}
	best := 0
	for d, c := range count {
		if d <= n && d >= 2 && c >= 2 && d > best {
			best = d
		}
	}
	if best == 0 {
		// the most frequent length, the widest on a tie
		for d := n; d >= 2; d-- {
			if count[d] > 0 && (best == 0 || count[d] > count[best]) {
				best = d
			}
		}
	}
	if best == 0 {
		best = n
	}
	return best
}

// steadyWidth reports whether at least two rows are exactly width
// blocks long.
func steadyWidth(starts []int, width int) bool {
	n := 0
	for i := 1; i < len(starts); i++ {
		if starts[i]-starts[i-1] == width {
			n++
		}
	}
	return n >= 2
}

// headerWidth is the number of columns a two-row header implies when it
// ends with a run of cells that only stand under a parent ("Kinh phí dự
// kiến" ... "Tổng", "Năm 2024", "Năm 2025") and its parents can be told
// by their words: the header cells less the parents. It is 0 when the
// header does not say.
func headerWidth(hb []block) int {
	n := len(hb)
	subs := 0
	for k := n - 1; k > 0 && (reSubOnly.MatchString(hb[k].text) || mayBeYear(hb[k].text) && reYear.MatchString(hb[k].text)); k-- {
		subs++
	}
	if subs < 2 {
		return 0
	}
	parents := 0
	for _, b := range hb[1 : n-subs] {
		if reGroupWord.MatchString(b.text) && !reTextColName.MatchString(b.text) && !reSubOnly.MatchString(b.text) {
			parents++
		}
	}
	if parents == 0 || 2*parents > subs {
		return 0
	}
	return n - parents
}

// ---- cell types and alignment ----

type ctype int

const (
	tE ctype = iota // empty
	tN              // number
	tY              // year or period
	tT              // text
	nTypes
)

var reYear = lazyre.New(`(?i)^(năm\s*)?(19|20)\d\d(\s*[-–]\s*(19|20)\d\d)?$`)

// mayBeYear is a cheap necessary condition for reYear: s starts with n
// or N (năm) or with the 1 or 2 of a year.
func mayBeYear(s string) bool {
	return s != "" && (s[0] == '1' || s[0] == '2' || s[0] == 'n' || s[0] == 'N')
}

func typeOf(b block) ctype {
	if b.empty {
		return tE
	}
	return b.typ
}

func typeOfText(s string) ctype {
	if len(s) > 40 {
		return tT
	}
	if mayBeYear(s) && reYear.MatchString(s) {
		return tY
	}
	if _, ok := vnnum.ParseNumber(strings.ReplaceAll(s, " ", "")); ok {
		return tN
	}
	return tT
}

// colProfile counts the cell types of each column over the rows that
// have exactly one block per column.
type colProfile struct {
	count [][nTypes]float64
	total []float64
}

func profile(bs []block, rows [][]int, width int) colProfile {
	p := colProfile{count: make([][nTypes]float64, width), total: make([]float64, width)}
	for _, r := range rows {
		if len(r) != width {
			continue
		}
		if isTotalLabel(bs[r[1%len(r)]].text) || isTotalLabel(bs[r[0]].text) {
			continue
		}
		for j, i := range r {
			p.count[j][typeOf(bs[i])]++
			p.total[j]++
		}
	}
	return p
}

func (p colProfile) place(t ctype, j int) float64 {
	tot := p.total[j]
	if tot == 0 {
		return 0.4
	}
	if t == tE {
		return 0.5 * (1 - p.count[j][tE]/tot)
	}
	ne := tot - p.count[j][tE]
	if ne == 0 {
		return 0.8
	}
	share := p.count[j][t] / ne
	if t == tY {
		share = math.Max(share, 0.5*p.count[j][tN]/ne)
	}
	if t == tN {
		share = math.Max(share, 0.5*p.count[j][tY]/ne)
	}
	return 1 - share
}

func (p colProfile) skip(j int) float64 {
	tot := p.total[j]
	if tot == 0 {
		return 0.6
	}
	return 0.3 + 0.4*(1-p.count[j][tE]/tot)
}

var reContinues = lazyre.New(`[;,:]$`)
var reContinuation = lazyre.New(`^([-+•]|\p{Ll})`)

func mergeCost(prev, cur block) float64 {
	switch {
	case cur.empty && typeOf(prev) == tN:
		return 2 // an empty cell written out is a cell of its own, not the tail of a figure
	case cur.empty:
		return 0.25
	case typeOf(cur) != tT:
		return math.Inf(1)
	case reContinues.MatchString(prev.text) || reContinuation.MatchString(cur.text):
		return 0.4
	}
	return 0.9
}

// align maps the blocks of one row onto width columns, allowing columns
// with no block (a merged cell given on an earlier row, or a cell that
// spans several columns) and blocks that continue the cell before them.
func align(bs []block, r []int, width int, p colProfile) []corpus.Cell {
	n := len(r)
	inf := math.Inf(1)
	// dp[i][j][b]: i blocks placed over j columns; b = column j-1 holds a block
	type from struct {
		i, j  int32
		b, op int8
	}
	// dp and back each in one allocation
	w1 := width + 1
	dpAll := make([][2]float64, (n+1)*w1)
	backAll := make([][2]from, (n+1)*w1)
	dp := make([][][2]float64, n+1)
	back := make([][][2]from, n+1)
	for i := range dp {
		dp[i] = dpAll[i*w1 : (i+1)*w1 : (i+1)*w1]
		back[i] = backAll[i*w1 : (i+1)*w1 : (i+1)*w1]
		for j := range dp[i] {
			dp[i][j] = [2]float64{inf, inf}
		}
	}
	dp[0][0][0] = 0
	// the cost of block i continuing the cell of block i-1, used for
	// every column
	merge := make([]float64, n)
	for i := 1; i < n; i++ {
		merge[i] = mergeCost(bs[r[i-1]], bs[r[i]])
	}
	for i := 0; i <= n; i++ {
		for j := 0; j <= width; j++ {
			for b := 0; b < 2; b++ {
				c := dp[i][j][b]
				if math.IsInf(c, 1) {
					continue
				}
				if i < n && j < width { // place block i in column j
					cost := p.place(typeOf(bs[r[i]]), j)
					if i == 0 && j == 0 {
						if m, _ := parseMarker(bs[r[0]].text); m.kind != mNone || bs[r[0]].empty {
							cost = 0
						}
					}
					if v := c + cost; v < dp[i+1][j+1][1] {
						dp[i+1][j+1][1] = v
						back[i+1][j+1][1] = from{int32(i), int32(j), int8(b), 0}
					}
				}
				if j < width { // column j gets nothing
					if v := c + p.skip(j); v < dp[i][j+1][0] {
						dp[i][j+1][0] = v
						back[i][j+1][0] = from{int32(i), int32(j), int8(b), 1}
					}
				}
				if i < n && b == 1 && i > 0 { // block i continues the cell of column j-1
					if v := c + merge[i]; v < dp[i+1][j][1] {
						dp[i+1][j][1] = v
						back[i+1][j][1] = from{int32(i), int32(j), int8(b), 2}
					}
				}
			}
		}
	}
	bEnd := 0
	if dp[n][width][1] < dp[n][width][0] {
		bEnd = 1
	}
	if math.IsInf(dp[n][width][bEnd], 1) {
		// cannot happen (skips and merges always allow a path); be safe
		return naiveCells(bs, r, width)
	}
	col := make([]int, n) // column of each block
	i, j, b := n, width, bEnd
	for i > 0 || j > 0 {
		f := back[i][j][b]
		switch f.op {
		case 0:
			col[i-1] = j - 1
		case 2:
			col[i-1] = j - 1
		}
		i, j, b = int(f.i), int(f.j), int(f.b)
	}
	cells := make([]corpus.Cell, width)
	filled := make([]bool, width)
	for k, bi := range r {
		blk := bs[bi]
		c := col[k]
		cell := corpus.Cell{Text: blk.text, Span: corpus.Span{Start: blk.start, End: blk.end}}
		if blk.empty {
			// an empty cell written as a lone space spans that space; a
			// cell the text leaves out (merged) spans nothing
			cell = corpus.Cell{Span: corpus.Span{Start: blk.start, End: blk.end}}
		}
		if !filled[c] {
			cells[c] = cell
			filled[c] = true
			continue
		}
		cells[c] = joinCell(cells[c], cell)
	}
	// columns left without a block get an empty cell where they would be
	at := bs[r[0]].start
	for c := range cells {
		if filled[c] {
			at = cells[c].Span.End
			continue
		}
		cells[c] = corpus.Cell{Span: corpus.Span{Start: at, End: at}}
	}
	return cells
}

func naiveCells(bs []block, r []int, width int) []corpus.Cell {
	cells := make([]corpus.Cell, width)
	at := bs[r[0]].start
	for c := 0; c < width; c++ {
		if c < len(r) {
			b := bs[r[c]]
			if !b.empty {
				cells[c] = corpus.Cell{Text: b.text, Span: corpus.Span{Start: b.start, End: b.end}}
			} else {
				cells[c] = corpus.Cell{Span: corpus.Span{Start: b.start, End: b.start}}
			}
			at = b.end
			continue
		}
		cells[c] = corpus.Cell{Span: corpus.Span{Start: at, End: at}}
	}
	return cells
}

// ---- two-level headers ----

var reGroupWord = lazyre.New(`(?i)(nguồn|kinh phí|phân kỳ|phân bổ|trong đó|chia ra|nhu cầu|kế hoạch|dự kiến|giai đoạn|vốn|nội dung|thời gian)`)
var reSubWord = lazyre.New(`(?i)^((năm\s*)?(19|20)\d\d|sự nghiệp|đầu tư|tổng số|tổng|ngân sách|vốn|trung ương|địa phương|tỉnh|huyện|xã hội hóa|khác|oda|đã|cần|số lượng|đơn giá|ns\s*tw|nstw|ns\s*đp|nsđp|ns\s*tỉnh|nstư|odа|bắt đầu|kết thúc)`)

// flatHeader lays the header cells out over width columns. With more
// cells than columns the header has two levels: the top row first (some
// cells spanning several columns), then the cells under the spanning ones.
// Which top cells span is chosen by the words of the cells and by the
// kind of data under them.
func flatHeader(hb []block, width int, p colProfile) ([][]corpus.Cell, []string) {
	n := len(hb)
	cell := func(b block) corpus.Cell {
		return corpus.Cell{Text: b.text, Span: corpus.Span{Start: b.start, End: b.end}}
	}
	parents := n - width
	if parents <= 0 || parents > 3 || n > 30 {
		row := make([]corpus.Cell, width)
		for c := 0; c < width; c++ {
			if c < n {
				row[c] = cell(hb[c])
			} else if n > 0 {
				row[c] = corpus.Cell{Span: corpus.Span{Start: hb[n-1].end, End: hb[n-1].end}}
			}
		}
		names := make([]string, width)
		for c := range row {
			names[c] = row[c].Text
		}
		return [][]corpus.Cell{row}, names
	}
	type config struct {
		top   int   // number of top cells
		pos   []int // parent indexes among the top cells
		spans []int
		score float64
	}
	best := config{score: math.Inf(-1)}
	feats := make([]hfeat, n)
	for i, b := range hb {
		feats[i] = featuresOf(b.text)
	}
	budget := 20000 // configurations tried at most
	for s := 2 * parents; s <= n-parents-1 && budget > 0; s++ {
		top := n - s
		for _, pos := range combinations(top, parents) {
			if pos[0] == 0 {
				continue // the STT cell never spans
			}
			for _, spans := range compositions(s, parents) {
				budget--
				c := config{top: top, pos: pos, spans: spans}
				c.score = scoreConfig(feats, c.top, c.pos, c.spans, p)
				if c.score > best.score {
					best = c
				}
			}
		}
	}
	if best.pos == nil {
		return flatHeader(hb[:width], width, p)
	}
	row0 := make([]corpus.Cell, 0, width)
	row1 := make([]corpus.Cell, 0, width)
	names := make([]string, 0, width)
	sub := best.top
	pi := 0
	for ti := 0; ti < best.top; ti++ {
		if pi < len(best.pos) && best.pos[pi] == ti {
			for k := 0; k < best.spans[pi]; k++ {
				row0 = append(row0, cell(hb[ti]))
				row1 = append(row1, cell(hb[sub]))
				names = append(names, hb[ti].text+" / "+hb[sub].text)
				sub++
			}
			pi++
			continue
		}
		row0 = append(row0, cell(hb[ti]))
		row1 = append(row1, cell(hb[ti]))
		names = append(names, hb[ti].text)
	}
	return [][]corpus.Cell{row0, row1}, names
}

// hfeat is what the words of one header cell say, read once per header.
type hfeat struct {
	group, sub, year, total, subOnly, textName, moneyName bool
	kind                                                  hkind
}

func featuresOf(s string) hfeat {
	return hfeat{
		group:     reGroupWord.MatchString(s),
		sub:       reSubWord.MatchString(s),
		year:      mayBeYear(s) && reYear.MatchString(s),
		total:     reTotalSub.MatchString(s),
		subOnly:   reSubOnly.MatchString(s),
		textName:  reTextColName.MatchString(s),
		moneyName: reMoneyColName.MatchString(s),
		kind:      headerKind(s),
	}
}

func scoreConfig(hf []hfeat, top int, pos, spans []int, p colProfile) float64 {
	score := 0.0
	col := 0
	sub := top
	pi := 0
	for ti := 0; ti < top; ti++ {
		if pi < len(pos) && pos[pi] == ti {
			if hf[ti].group {
				score += 1
			}
			score += 0.001 * float64(ti) // on a tie, money parents sit to the right
			years, totals := 0, 0
			sum := 0.0
			pk := hf[ti].kind
			for k := 0; k < spans[pi]; k++ {
				st := hf[sub]
				v := 0.5 * numericish(p, col)
				if sk := st.kind; pk != hkOther && sk != hkOther && sk != pk {
					v -= 1 // "Đầu tư" under "Thời gian", "Bắt đầu" under "Kinh phí"
				}
				if st.sub {
					v += 0.5
				} else if st.group {
					v -= 1 // reads like a top cell of its own
				}
				if st.year {
					years++
				} else if st.total {
					totals++ // a total column sits with the year columns it adds up
				}
				sum += v
				col++
				sub++
			}
			score += sum / float64(spans[pi])
			if years > 0 && years+totals < spans[pi] {
				score -= 1 // years and other cells do not share a parent
			}
			pi++
			continue
		}
		if hf[ti].year {
			score -= 1 // a year is a sub-column, not a top cell
		}
		if ti > 0 {
			score += nameFits(hf[ti], p, col)
		}
		if hf[ti].subOnly {
			score -= 0.5 // "Tổng số", "Sự nghiệp", "Bắt đầu" stand under a parent cell
		}
		col++
	}
	return score
}

var (
	reTextColName  = lazyre.New(`(?i)(ghi chú|nội dung|^tên|đơn vị (chủ trì|thực hiện|phối hợp)|chủ trì|phối hợp|cơ quan|mục tiêu|sản phẩm|hình thức)`)
	reMoneyColName = lazyre.New(`(?i)^(tổng số|tổng cộng|cộng|kinh phí|thành tiền|số tiền|dự toán|tổng mức|tổng kinh phí|sự nghiệp|đầu tư|vốn)`)
)

// reSubOnly matches header cells that only ever stand under a spanning
// parent cell ("Kinh phí" over "Tổng số / Sự nghiệp / Đầu tư", "Thời
// gian" over "Bắt đầu / Kết thúc").
var reSubOnly = lazyre.New(`(?i)^(tổng số|tổng cộng|tổng|cộng|trong đó|sự nghiệp|chi thường xuyên|đầu tư|đầu tư phát triển|vốn đầu tư|vốn sự nghiệp|nstw|nsđp|ns\s*tw|ns\s*đp|ngân sách (trung ương|địa phương|tỉnh|huyện|xã)|bắt đầu|kết thúc|khởi công|hoàn thành|từ năm|đến năm)$`)

var reTotalSub = lazyre.New(`(?i)^(tổng|tổng số|tổng cộng|cộng)$`)

type hkind int

const (
	hkOther hkind = iota
	hkMoney
	hkTime
)

var (
	reHeadMoney = lazyre.New(`(?i)(kinh phí|vốn|nguồn|ngân sách|tổng số|tổng cộng|sự nghiệp|đầu tư|dự toán|tổng mức|nhu cầu|chi phí|thành tiền|nstw|nsđp)`)
	reHeadTime  = lazyre.New(`(?i)(thời gian|tiến độ|bắt đầu|kết thúc|khởi công|hoàn thành|từ năm|đến năm)`)
)

// headerKind says whether a header cell speaks of money or of time.
func headerKind(s string) hkind {
	m, t := reHeadMoney.MatchString(s), reHeadTime.MatchString(s)
	switch {
	case m && !t:
		return hkMoney
	case t && !m:
		return hkTime
	}
	return hkOther
}

// nameFits scores a header cell against the data of the column it would
// name: a text column's name ("Ghi chú", "Đơn vị chủ trì") over figures,
// or a money column's name ("Tổng số", "Kinh phí") over text, is a layout
// that misplaces the header (0 when it fits or nothing is known).
func nameFits(f hfeat, p colProfile, col int) float64 {
	v := numericish(p, col)
	switch {
	case f.textName && v > 0:
		return -v
	case f.moneyName && v < 0:
		return v
	}
	return 0
}

// numericish is +1 for a column of figures, -1 for a column of text, 0
// when unknown.
func numericish(p colProfile, j int) float64 {
	if j >= len(p.total) || p.total[j] == 0 {
		return 0
	}
	ne := p.total[j] - p.count[j][tE]
	if ne == 0 {
		return 0.5
	}
	return (p.count[j][tN] + 0.5*p.count[j][tY] - p.count[j][tT]) / ne
}

func combinations(n, k int) [][]int {
	var out [][]int
	var rec func(start int, cur []int)
	rec = func(start int, cur []int) {
		if len(cur) == k {
			out = append(out, append([]int(nil), cur...))
			return
		}
		for i := start; i < n; i++ {
			rec(i+1, append(cur, i))
		}
	}
	rec(0, nil)
	return out
}

// compositions splits s into k parts of at least 2.
func compositions(s, k int) [][]int {
	var out [][]int
	var rec func(left, parts int, cur []int)
	rec = func(left, parts int, cur []int) {
		if parts == 1 {
			if left >= 2 {
				out = append(out, append(append([]int(nil), cur...), left))
			}
			return
		}
		for x := 2; x <= left-2*(parts-1); x++ {
			rec(left-x, parts-1, append(cur, x))
		}
	}
	rec(s, k, nil)
	return out
}
