// Package pdf reads the text of PDF files, page by page.
//
// When poppler's pdftotext is on PATH it runs "pdftotext -bbox-layout"
// and rebuilds the reading order from its blocks and lines: a block is a
// paragraph (its lines kept, so wraps can be repaired later), and blocks
// that sit side by side on two or more consecutive rows become a Markdown
// pipe table, one row per line. Without pdftotext it falls back to the
// pure-Go reader github.com/ledongthuc/pdf, every call of which runs
// behind a recover boundary (that library panics on malformed input and
// sometimes returns nil, nil); the caller is told once, by a warning.
// The pure-Go path interprets the content stream itself (pageText):
// marked-content ActualText, which LibreOffice and Word use for
// Vietnamese letters drawn from several glyphs, and line and paragraph
// breaks from the text positions.
//
// A PDF whose pages carry no text is reported with ErrNoTextLayer; with
// Options.OCR and tesseract (with the vie language) installed, its pages
// are rendered with pdftoppm and read by OCR instead.
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"kehoach/internal/lazyre"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	lpdf "github.com/ledongthuc/pdf"

	"kehoach/ingest/internal/grid"
)

// Errors; the ingest package wraps them into its own sentinels.
var (
	ErrNotPDF      = errors.New("pdf: not a PDF file (no %PDF- header)")
	ErrTruncated   = errors.New("pdf: truncated file (no %%EOF trailer)")
	ErrNoTextLayer = errors.New("pdf: no text layer")
	ErrEncrypted   = errors.New("pdf: encrypted")
)

// Options control reading.
type Options struct {
	OCR     bool          // OCR pages when the PDF has no text layer
	PureGo  bool          // never use pdftotext (for tests and comparisons)
	Timeout time.Duration // per external command; 0 means 2 minutes
}

// Result is the text of a PDF: pages separated by "\n\n", Pages giving
// the byte span of each page in Text.
type Result struct {
	Text     string
	Pages    [][2]int
	Warnings []string
	Engine   string // "pdftotext", "ledongthuc/pdf" or "tesseract"
}

// Parse reads the text of a PDF.
func Parse(raw []byte, opt Options) (Result, error) {
	head := raw[:min(len(raw), 1024)]
	if !bytes.Contains(head, []byte("%PDF-")) {
		return Result{}, ErrNotPDF
	}
	tail := raw[max(0, len(raw)-2048):]
	if !bytes.Contains(tail, []byte("%%EOF")) {
		return Result{}, ErrTruncated
	}
	var (
		pages []string
		res   Result
		err   error
	)
	if _, lerr := exec.LookPath("pdftotext"); lerr == nil && !opt.PureGo {
		pages, err = popplerPages(raw, opt)
		res.Engine = "pdftotext"
	} else {
		if !opt.PureGo {
			res.Warnings = append(res.Warnings, "pdftotext (poppler-utils) not found: using the pure-Go PDF reader; reading order and tables may suffer (apt-get install poppler-utils)")
		}
		pages, err = goPages(raw)
		res.Engine = "ledongthuc/pdf"
	}
	if err != nil {
		return res, err
	}
	if !hasText(pages) {
		if !opt.OCR {
			return res, fmt.Errorf("%w: the pages are images (a scan?); rerun with --ocr to read them by OCR", ErrNoTextLayer)
		}
		pages, err = ocrPages(raw, opt)
		if err != nil {
			return res, err
		}
		res.Engine = "tesseract"
		res.Warnings = append(res.Warnings, "text read by OCR (tesseract vie): check figures against the scan")
		if !hasText(pages) {
			return res, fmt.Errorf("%w: OCR found no text either", ErrNoTextLayer)
		}
	}
	pages = dropPageNumbers(pages)
	var b strings.Builder
	for i, p := range pages {
		if i > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(strings.TrimRight(p, " \n"))
		res.Pages = append(res.Pages, [2]int{start, b.Len()})
	}
	res.Text = b.String()
	return res, nil
}

var pageNumRE = lazyre.New(`^[-–\s]*(?:(?i:trang)\s+)?([0-9]{1,4})(?:\s*/\s*[0-9]{1,4})?[-–\s]*$`)

// dropPageNumbers removes a page's first or last line when it is only
// that page's number ("2", "- 2 -", "Trang 2", "2/10"), so that a
// sentence running over a page break closes up again. The number must
// follow the page order (a constant offset from the page index, as when
// the first page is unnumbered), so figures are never dropped.
func dropPageNumbers(pages []string) []string {
	if len(pages) < 2 {
		return pages
	}
	type cand struct {
		page int
		top  bool
		off  int // number - index
	}
	var cands []cand
	offs := map[int]int{}
	for i, p := range pages {
		lines := strings.Split(strings.TrimSpace(p), "\n")
		for _, top := range []bool{true, false} {
			l := lines[0]
			if !top {
				l = lines[len(lines)-1]
			}
			if m := pageNumRE.FindStringSubmatch(l); m != nil {
				n, _ := strconv.Atoi(m[1])
				cands = append(cands, cand{i, top, n - i})
				offs[n-i]++
			}
		}
	}
	best, count := 0, 0
	for o, c := range offs {
		if c > count || (c == count && o < best) {
			best, count = o, c
		}
	}
	if count < 2 || count*2 < len(pages) {
		return pages
	}
	out := append([]string(nil), pages...)
	for _, c := range cands {
		if c.off != best {
			continue
		}
		lines := strings.Split(strings.TrimSpace(out[c.page]), "\n")
		if c.top {
			lines = lines[1:]
		} else {
			lines = lines[:len(lines)-1]
		}
		out[c.page] = strings.TrimSpace(strings.Join(lines, "\n"))
	}
	return out
}

func hasText(pages []string) bool {
	for _, p := range pages {
		if strings.TrimSpace(p) != "" {
			return true
		}
	}
	return false
}

// safe runs f and turns a panic into an error: the pure-Go reader panics
// on malformed input.
func safe(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf: malformed file: %v", r)
		}
	}()
	return f()
}

// goPages reads page texts with ledongthuc/pdf.
func goPages(raw []byte) ([]string, error) {
	var pages []string
	err := safe(func() error {
		r, err := lpdf.NewReader(bytes.NewReader(raw), int64(len(raw)))
		if err != nil {
			if strings.Contains(err.Error(), "encrypt") {
				return fmt.Errorf("%w: %v", ErrEncrypted, err)
			}
			return fmt.Errorf("pdf: %v", err)
		}
		if r == nil {
			return errors.New("pdf: reader returned nothing")
		}
		n := r.NumPage()
		if n <= 0 {
			return errors.New("pdf: no pages")
		}
		fonts := map[string]*lpdf.Font{}
		for i := 1; i <= n; i++ {
			var txt string
			perr := safe(func() error {
				p := r.Page(i)
				if p.V.IsNull() {
					return nil
				}
				for _, name := range p.Fonts() {
					if _, ok := fonts[name]; !ok {
						f := p.Font(name)
						fonts[name] = &f
					}
				}
				txt = pageText(p, fonts)
				return nil
			})
			if perr != nil {
				txt = "" // keep the other pages
			}
			pages = append(pages, strings.TrimSpace(txt))
		}
		return nil
	})
	return pages, err
}

// pageText is the text of a page in content-stream order, like the
// library's GetPlainText, but it honours marked-content ActualText
// (LibreOffice and Word draw a Vietnamese letter their font lacks as
// several glyphs and give the real letter as ActualText: without it
// "ể" reads as "ế" plus an unknown glyph), breaks lines where the text
// moves down (an empty line where it moves down by more than 1.6 line
// steps: a paragraph break), and reads a wide TJ gap as a space.
func pageText(p lpdf.Page, fonts map[string]*lpdf.Font) string {
	contents := p.V.Key("Contents")
	if contents.Kind() == lpdf.Null {
		return ""
	}
	var b strings.Builder
	var enc lpdf.TextEncoding
	var actual []bool // per open marked-content sequence: does it carry ActualText
	var (
		lineY, y, lastY float64 // text line origin, current and last shown baseline
		size            = 10.0  // font size
		leading         float64
		shown           bool // something was written on this page
		moved           bool // the text position changed since the last show
		newBlock        bool // a text object began since the last show
	)
	hidden := func() bool {
		for _, a := range actual {
			if a {
				return true
			}
		}
		return false
	}
	// place writes the break between the last text shown and the next.
	place := func() {
		if !moved || !shown {
			moved, newBlock = false, false
			return
		}
		moved = false
		step := 1.17 * size
		dy := lastY - y
		switch {
		case dy > 1.6*step:
			b.WriteString("\n\n")
		case dy > 0.5*size || dy < -0.5*size:
			b.WriteByte('\n')
		case newBlock:
			// Another text object on the same line (a table cell): a
			// space. A move inside one object goes on the same word.
			if !strings.HasSuffix(b.String(), " ") {
				b.WriteByte(' ')
			}
		}
		newBlock = false
	}
	write := func(s string) {
		if s == "" {
			return
		}
		place()
		b.WriteString(s)
		lastY, shown = y, true
	}
	show := func(s string) {
		if hidden() {
			return
		}
		if enc != nil {
			s = enc.Decode(s)
		}
		write(s)
	}
	moveTo := func(ny float64) {
		if ny != y || !shown {
			moved = true
		}
		y = ny
	}
	lpdf.Interpret(contents, func(stk *lpdf.Stack, op string) {
		n := stk.Len()
		args := make([]lpdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		switch op {
		case "BT":
			lineY = 0
			moveTo(0)
			moved, newBlock = true, true
		case "Td", "TD":
			if len(args) == 2 {
				lineY += args[1].Float64()
				if op == "TD" {
					leading = -args[1].Float64()
				}
				moveTo(lineY)
			}
		case "Tm":
			if len(args) == 6 {
				lineY = args[5].Float64()
				moveTo(lineY)
			}
		case "TL":
			if len(args) == 1 {
				leading = args[0].Float64()
			}
		case "T*", "'", "\"":
			l := leading
			if l == 0 {
				l = 1.17 * size
			}
			lineY -= l
			moveTo(lineY)
			if op != "T*" && len(args) > 0 {
				show(args[len(args)-1].RawString())
			}
		case "Tf":
			enc = nil
			if len(args) == 2 {
				if f, ok := fonts[args[0].Name()]; ok {
					enc = f.Encoder()
				}
				if sz := args[1].Float64(); sz > 0 {
					size = sz
				}
			}
		case "Tj":
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "TJ":
			if len(args) == 1 {
				v := args[0]
				for i := 0; i < v.Len(); i++ {
					x := v.Index(i)
					switch x.Kind() {
					case lpdf.String:
						show(x.RawString())
					case lpdf.Integer, lpdf.Real:
						if x.Float64() < -250 && !hidden() && shown {
							b.WriteByte(' ')
						}
					}
				}
			}
		case "BMC":
			actual = append(actual, false)
		case "BDC":
			at := ""
			if len(args) == 2 && args[1].Kind() == lpdf.Dict {
				at = args[1].Key("ActualText").Text()
			}
			if !hidden() {
				write(at)
			}
			actual = append(actual, at != "")
		case "EMC":
			if len(actual) > 0 {
				actual = actual[:len(actual)-1]
			}
		}
	})
	return b.String()
}

// run runs an external command with a timeout and returns its stdout.
func run(opt Options, name string, args ...string) ([]byte, error) {
	t := opt.Timeout
	if t == 0 {
		t = 2 * time.Minute
	}
	ctx, cancel := context.WithTimeout(context.Background(), t)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 300 {
			msg = msg[:300] + "…"
		}
		return nil, fmt.Errorf("%s: %v: %s", name, err, msg)
	}
	return out, nil
}

func tempPDF(raw []byte) (string, func(), error) {
	dir, err := os.MkdirTemp("", "kehoach-pdf-")
	if err != nil {
		return "", nil, err
	}
	path := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	return path, func() { os.RemoveAll(dir) }, nil
}

// popplerPages runs pdftotext -bbox-layout and rebuilds each page.
func popplerPages(raw []byte, opt Options) ([]string, error) {
	path, done, err := tempPDF(raw)
	if err != nil {
		return nil, err
	}
	defer done()
	out, err := run(opt, "pdftotext", "-bbox-layout", "-enc", "UTF-8", "-q", path, "-")
	if err != nil {
		if strings.Contains(err.Error(), "ncrypt") || strings.Contains(err.Error(), "password") {
			return nil, fmt.Errorf("%w: %v", ErrEncrypted, err)
		}
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return LayoutPages(bytes.NewReader(out))
}

// The XHTML that pdftotext -bbox-layout writes: pages of flows of blocks
// of lines of words, each with its box.
type (
	bboxBlock struct {
		Box
		Lines []bboxLine
	}
	bboxLine struct {
		Box
		Words []bboxWord
	}
	bboxWord struct {
		Box
		Text string
	}
)

// Box is a rectangle in PDF points, y growing downwards.
type Box struct {
	XMin, YMin, XMax, YMax float64
}

// Block is a paragraph of a page: its box and its lines of text.
type Block struct {
	Box
	Lines []string
}

// LayoutPages reads pdftotext -bbox-layout output and returns the text of
// each page. The format is fixed and flat, so it is scanned by hand
// (encoding/xml is ten times slower on it).
func LayoutPages(r io.Reader) ([]string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	s := string(data)
	if !strings.Contains(s, "<doc") {
		return nil, errors.New("pdf: reading pdftotext layout: no <doc> element")
	}
	var (
		pages  []string
		blocks []Block
		cur    *bboxBlock
		inPage bool
	)
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		i += j
		k := strings.IndexByte(s[i:], '>')
		if k < 0 {
			break
		}
		tag := s[i : i+k+1]
		i += k + 1
		switch {
		case strings.HasPrefix(tag, "<page"):
			inPage, blocks, cur = true, nil, nil
		case tag == "</page>":
			if inPage {
				pages = append(pages, PageText(blocks))
			}
			inPage, blocks, cur = false, nil, nil
		case strings.HasPrefix(tag, "<block"):
			cur = &bboxBlock{Box: boxOf(tag)}
		case tag == "</block>":
			if cur != nil && inPage {
				blocks = append(blocks, blockText(*cur))
			}
			cur = nil
		case strings.HasPrefix(tag, "<line"):
			if cur != nil {
				cur.Lines = append(cur.Lines, bboxLine{Box: boxOf(tag)})
			}
		case strings.HasPrefix(tag, "<word"):
			end := strings.Index(s[i:], "</word>")
			if end < 0 {
				end = len(s) - i
			}
			w := bboxWord{Box: boxOf(tag), Text: html.UnescapeString(s[i : i+end])}
			i += end
			if cur != nil && len(cur.Lines) > 0 {
				l := &cur.Lines[len(cur.Lines)-1]
				l.Words = append(l.Words, w)
			}
		}
	}
	return pages, nil
}

// boxOf reads the xMin, yMin, xMax and yMax attributes of a tag.
func boxOf(tag string) Box {
	get := func(name string) float64 {
		i := strings.Index(tag, name+`="`)
		if i < 0 {
			return 0
		}
		v := tag[i+len(name)+2:]
		if j := strings.IndexByte(v, '"'); j >= 0 {
			v = v[:j]
		}
		f, _ := strconv.ParseFloat(v, 64)
		return f
	}
	return Box{XMin: get("xMin"), YMin: get("yMin"), XMax: get("xMax"), YMax: get("yMax")}
}

// blockText writes the lines of a block. Words whose boxes overlap are
// one word split by pdftotext (a glyph with a diacritic drawn back over
// the letter before it ends a "line" early: "triể" + "n"), so they are
// joined without a space, and a line that goes on at the same height is
// joined to the one before.
func blockText(b bboxBlock) Block {
	blk := Block{Box: b.Box}
	var cur strings.Builder
	var prev Box
	have := false
	for _, l := range b.Lines {
		for _, w := range l.Words {
			if have {
				sameLine := overlap(w.Box, prev) && w.XMin > prev.XMin
				switch {
				case sameLine && w.XMin < prev.XMax-0.25*(prev.YMax-prev.YMin):
					// split word: no space
				case sameLine:
					cur.WriteByte(' ')
				default:
					blk.Lines = append(blk.Lines, cur.String())
					cur.Reset()
				}
			}
			cur.WriteString(w.Text)
			prev, have = w.Box, true
		}
	}
	if have {
		blk.Lines = append(blk.Lines, cur.String())
	}
	return blk
}

// PageText writes the blocks of a page in reading order: paragraphs
// separated by an empty line; runs of two or more rows of side-by-side
// blocks as pipe rows.
func PageText(blocks []Block) string {
	rows := groupRows(blocks)
	var b strings.Builder
	sep := func() {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
	}
	for i := 0; i < len(rows); {
		// A table: consecutive rows of two or more cells.
		j := i
		for j < len(rows) && len(rows[j]) >= 2 {
			j++
		}
		if j-i >= 2 {
			texts := alignColumns(rows[i:j])
			if grid.DataTable(texts) {
				sep()
				b.WriteString(strings.Join(grid.PipeLines(texts), "\n"))
				i = j
				continue
			}
		}
		for _, blk := range rows[i] {
			sep()
			b.WriteString(strings.Join(blk.Lines, "\n"))
		}
		i++
	}
	return b.String()
}

// alignColumns places the blocks of table rows into columns: the
// columns are the runs of x where some block of the table stands, so a
// row with an empty cell keeps its other cells under their headers.
// Blocks of one row in one column are joined.
func alignColumns(rows [][]Block) [][]string {
	type span struct{ lo, hi float64 }
	var spans []span
	for _, r := range rows {
		for _, b := range r {
			spans = append(spans, span{b.XMin, b.XMax})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].lo < spans[j].lo })
	var cols []span
	for _, sp := range spans {
		if n := len(cols); n > 0 && sp.lo < cols[n-1].hi-1 {
			cols[n-1].hi = max(cols[n-1].hi, sp.hi)
			continue
		}
		cols = append(cols, sp)
	}
	out := make([][]string, len(rows))
	for i, r := range rows {
		cells := make([]string, len(cols))
		for _, b := range r {
			mid := (b.XMin + b.XMax) / 2
			c := len(cols) - 1
			for k, col := range cols {
				if mid <= col.hi {
					c = k
					break
				}
			}
			t := strings.Join(b.Lines, " ")
			if cells[c] != "" {
				t = cells[c] + " " + t
			}
			cells[c] = t
		}
		out[i] = cells
	}
	return out
}

// groupRows groups blocks in reading order into rows: a block joins the
// row before it when it starts to the right of that row's last block and
// overlaps it vertically by more than half the smaller height.
func groupRows(blocks []Block) [][]Block {
	var rows [][]Block
	for _, blk := range blocks {
		if n := len(rows); n > 0 {
			last := rows[n-1][len(rows[n-1])-1]
			if blk.XMin >= last.XMax-1 && overlap(blk.Box, last.Box) {
				rows[n-1] = append(rows[n-1], blk)
				continue
			}
		}
		rows = append(rows, []Block{blk})
	}
	return rows
}

func overlap(a, b Box) bool {
	top, bot := max(a.YMin, b.YMin), min(a.YMax, b.YMax)
	h := min(a.YMax-a.YMin, b.YMax-b.YMin)
	return h > 0 && bot-top > h/2
}

// OCRAvailable reports whether OCR can run, and if not, what to install.
func OCRAvailable() (bool, string) {
	var missing []string
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		missing = append(missing, "poppler-utils")
	}
	if _, err := exec.LookPath("tesseract"); err != nil {
		missing = append(missing, "tesseract-ocr tesseract-ocr-vie")
	} else if out, err := exec.Command("tesseract", "--list-langs").CombinedOutput(); err != nil || !bytes.Contains(out, []byte("\nvie")) {
		missing = append(missing, "tesseract-ocr-vie")
	}
	if len(missing) > 0 {
		return false, "apt-get install " + strings.Join(missing, " ")
	}
	return true, ""
}

// ocrPages renders each page at 300 dpi and reads it with tesseract.
func ocrPages(raw []byte, opt Options) ([]string, error) {
	if ok, hint := OCRAvailable(); !ok {
		return nil, fmt.Errorf("%w: OCR needs tesseract with Vietnamese; install it: %s", ErrNoTextLayer, hint)
	}
	path, done, err := tempPDF(raw)
	if err != nil {
		return nil, err
	}
	defer done()
	dir := filepath.Dir(path)
	if _, err := run(opt, "pdftoppm", "-r", "300", "-gray", "-png", path, filepath.Join(dir, "p")); err != nil {
		return nil, err
	}
	imgs, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	sort.Slice(imgs, func(i, j int) bool { return pageNum(imgs[i]) < pageNum(imgs[j]) })
	var pages []string
	for _, img := range imgs {
		out, err := run(opt, "tesseract", img, "stdout", "-l", "vie", "--psm", "3")
		if err != nil {
			return nil, err
		}
		pages = append(pages, strings.TrimSpace(string(out)))
	}
	return pages, nil
}

func pageNum(path string) int {
	base := strings.TrimSuffix(filepath.Base(path), ".png")
	n, _ := strconv.Atoi(base[strings.LastIndexByte(base, '-')+1:])
	return n
}
