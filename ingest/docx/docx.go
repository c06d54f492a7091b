// Package docx reads the text of Word .docx files: paragraphs in order,
// list numbering rendered as text ("1.", "a)", "-"), footnotes as
// superscript markers with their notes at the end, and tables as Markdown
// pipe rows, one row per line, with merged cells repeated, so that table
// recovery reads them back.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"kehoach/ingest/internal/grid"
)

// ErrNotDocx is returned for bytes that are not a .docx package.
var ErrNotDocx = errors.New("docx: not a Word .docx file (want a zip with word/document.xml)")

// maxPart bounds the size of one XML part read from the zip, against zip
// bombs.
const maxPart = 256 << 20

// Parse returns the text of a .docx file.
func Parse(raw []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrNotDocx, err)
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[f.Name] = f
	}
	doc, ok := parts["word/document.xml"]
	if !ok {
		return "", ErrNotDocx
	}
	d := &reader{num: map[string]*numDef{}, notes: map[string]string{}, counters: map[string][]int{}}
	if f, ok := parts["word/numbering.xml"]; ok {
		if b, err := readPart(f); err == nil {
			d.readNumbering(b)
		}
	}
	if f, ok := parts["word/styles.xml"]; ok {
		if b, err := readPart(f); err == nil {
			d.readStyles(b)
		}
	}
	if f, ok := parts["word/footnotes.xml"]; ok {
		if b, err := readPart(f); err == nil {
			d.readNotes(b)
		}
	}
	b, err := readPart(doc)
	if err != nil {
		return "", fmt.Errorf("docx: word/document.xml: %w", err)
	}
	if err := d.readBody(b); err != nil {
		return "", fmt.Errorf("docx: word/document.xml: %w", err)
	}
	return d.text(), nil
}

func readPart(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxPart+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxPart {
		return nil, fmt.Errorf("%s larger than %d bytes", f.Name, maxPart)
	}
	return b, nil
}

// numDef is one list definition: per level, its format and label text.
type numDef struct {
	fmts  [9]string // decimal, lowerLetter, upperRoman, bullet, ...
	texts [9]string // "%1.", "%1.%2", "-"
	start [9]int
}

// styleNum is the list numbering a paragraph style carries.
type styleNum struct {
	numID string
	ilvl  int
}

type reader struct {
	styles   map[string]styleNum // styleId -> numbering
	num      map[string]*numDef  // numId -> definition
	notes    map[string]string   // footnote id -> text
	counters map[string][]int    // numId -> counters per level
	out      []string            // blocks: paragraphs and table rows
	noteSeq  []string            // footnote ids in order of reference
	noteNum  map[string]int
}

// attr returns the value of the attribute named local (any namespace).
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (d *reader) readNumbering(b []byte) {
	dec := xml.NewDecoder(bytes.NewReader(b))
	abstract := map[string]*numDef{}
	var cur *numDef
	lvl := -1
	var numID string
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "abstractNum":
			cur = &numDef{}
			for i := range cur.start {
				cur.start[i] = 1
			}
			abstract[attr(se, "abstractNumId")] = cur
		case "lvl":
			lvl, _ = strconv.Atoi(attr(se, "ilvl"))
			if lvl < 0 || lvl > 8 {
				lvl = -1
			}
		case "numFmt":
			if cur != nil && lvl >= 0 {
				cur.fmts[lvl] = attr(se, "val")
			}
		case "lvlText":
			if cur != nil && lvl >= 0 {
				cur.texts[lvl] = attr(se, "val")
			}
		case "start":
			if cur != nil && lvl >= 0 {
				if n, err := strconv.Atoi(attr(se, "val")); err == nil {
					cur.start[lvl] = n
				}
			}
		case "num":
			numID = attr(se, "numId")
			cur = nil
		case "abstractNumId":
			if numID != "" {
				if a, ok := abstract[attr(se, "val")]; ok {
					d.num[numID] = a
				}
			}
		}
	}
}

// readStyles reads the numbering of paragraph styles ("Heading 1"
// numbered I., II.), following basedOn one level.
func (d *reader) readStyles(b []byte) {
	d.styles = map[string]styleNum{}
	based := map[string]string{}
	dec := xml.NewDecoder(bytes.NewReader(b))
	var id string
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "style":
			id = attr(se, "styleId")
		case "basedOn":
			based[id] = attr(se, "val")
		case "numId":
			if id != "" {
				sn := d.styles[id]
				sn.numID = attr(se, "val")
				d.styles[id] = sn
			}
		case "ilvl":
			if id != "" {
				sn := d.styles[id]
				sn.ilvl, _ = strconv.Atoi(attr(se, "val"))
				d.styles[id] = sn
			}
		}
	}
	for id, base := range based {
		if _, ok := d.styles[id]; !ok {
			if sn, ok := d.styles[base]; ok {
				d.styles[id] = sn
			}
		}
	}
}

func (d *reader) readNotes(b []byte) {
	dec := xml.NewDecoder(bytes.NewReader(b))
	var id string
	var sb strings.Builder
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "footnote":
				id, depth = attr(t, "id"), 1
				sb.Reset()
			case "t":
				if depth > 0 {
					var s string
					if dec.DecodeElement(&s, &t) == nil {
						sb.WriteString(s)
					}
				}
			case "tab":
				sb.WriteByte(' ')
			case "p":
				if sb.Len() > 0 {
					sb.WriteByte(' ')
				}
			}
		case xml.EndElement:
			if t.Name.Local == "footnote" && depth > 0 {
				if s := strings.TrimSpace(sb.String()); s != "" {
					d.notes[id] = strings.Join(strings.Fields(s), " ")
				}
				depth = 0
			}
		}
	}
}

// cell is one table cell as read: its paragraphs.
type cell struct {
	paras []string
	span  int    // gridSpan
	merge string // vMerge: "restart", "continue" or ""
}

// readBody walks word/document.xml. Paragraphs become blocks; tables
// become pipe rows.
func (d *reader) readBody(b []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	var (
		para     strings.Builder
		inPara   int // nesting depth of w:p
		skip     int // inside elements whose text is not content
		tables   [][][]cell
		rows     [][]cell
		curCell  *[]string
		cellSpan int
		cellMerg string
		numID    string
		ilvl     int
		pStyle   string
	)
	endPara := func() {
		s := strings.TrimRight(para.String(), " \t")
		para.Reset()
		label := ""
		if sn, ok := d.styles[pStyle]; ok && numID == "" && sn.numID != "" {
			numID, ilvl = sn.numID, sn.ilvl
		}
		if numID != "" && numID != "0" {
			label = d.label(numID, ilvl)
		}
		numID, ilvl, pStyle = "", 0, ""
		if label != "" && strings.TrimSpace(s) != "" {
			s = label + " " + strings.TrimLeft(s, " \t")
		}
		if curCell != nil {
			if t := strings.TrimSpace(s); t != "" {
				*curCell = append(*curCell, t)
			}
			return
		}
		d.out = append(d.out, s)
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			switch t.Name.Local {
			case "Fallback", "instrText", "delText", "del", "fldSimple_", "drawing_":
				skip = 1
			case "p":
				inPara++
				if inPara > 1 { // a text box inside a paragraph: run on
					para.WriteByte(' ')
				}
			case "pStyle":
				pStyle = attr(t, "val")
			case "numId":
				numID = attr(t, "val")
			case "ilvl":
				ilvl, _ = strconv.Atoi(attr(t, "val"))
			case "t":
				var s string
				if err := dec.DecodeElement(&s, &t); err == nil {
					para.WriteString(s)
				}
			case "tab":
				if inPara > 0 {
					para.WriteByte('\t')
				}
			case "br", "cr":
				if inPara > 0 {
					para.WriteByte('\n')
				}
			case "noBreakHyphen":
				para.WriteByte('-')
			case "footnoteReference":
				id := attr(t, "id")
				if _, ok := d.notes[id]; ok {
					if d.noteNum == nil {
						d.noteNum = map[string]int{}
					}
					if _, seen := d.noteNum[id]; !seen {
						d.noteSeq = append(d.noteSeq, id)
						d.noteNum[id] = len(d.noteSeq)
					}
					para.WriteString(superscript(d.noteNum[id]))
				}
			case "tbl":
				if curCell != nil { // nested table: its text runs into the cell
					continue
				}
				tables = append(tables, nil)
				rows = nil
			case "tr":
				if len(tables) > 0 && curCell == nil {
					rows = append(rows, nil)
				}
			case "tc":
				if len(tables) > 0 && curCell == nil && len(rows) > 0 {
					curCell = &[]string{}
					cellSpan, cellMerg = 1, ""
				}
			case "gridSpan":
				if n, err := strconv.Atoi(attr(t, "val")); err == nil && n > 1 && n < 64 {
					cellSpan = n
				}
			case "vMerge":
				cellMerg = attr(t, "val")
				if cellMerg == "" {
					cellMerg = "continue"
				}
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "p":
				inPara--
				if inPara == 0 {
					endPara()
				}
			case "tc":
				if curCell != nil && len(rows) > 0 {
					rows[len(rows)-1] = append(rows[len(rows)-1], cell{paras: *curCell, span: cellSpan, merge: cellMerg})
					curCell = nil
				}
			case "tbl":
				if curCell == nil && len(tables) > 0 {
					d.out = append(d.out, tableMark)
					d.out = append(d.out, tableBlocks(rows)...)
					d.out = append(d.out, tableMark)
					tables = tables[:len(tables)-1]
					rows = nil
				}
			}
		}
	}
	return nil
}

// label returns the list label of the next paragraph of list numID at
// level ilvl and advances the counters.
func (d *reader) label(numID string, ilvl int) string {
	def, ok := d.num[numID]
	if !ok || ilvl < 0 || ilvl > 8 {
		return ""
	}
	c := d.counters[numID]
	if c == nil {
		c = make([]int, 9)
		for i := range c {
			c[i] = def.start[i] - 1
		}
		d.counters[numID] = c
	}
	c[ilvl]++
	for i := ilvl + 1; i < 9; i++ {
		c[i] = def.start[i] - 1
	}
	if def.fmts[ilvl] == "bullet" {
		return "-"
	}
	if def.fmts[ilvl] == "none" {
		return ""
	}
	txt := def.texts[ilvl]
	for i := 0; i <= ilvl; i++ {
		txt = strings.ReplaceAll(txt, "%"+strconv.Itoa(i+1), format(def.fmts[i], c[i]))
	}
	return strings.TrimSpace(txt)
}

func format(f string, n int) string {
	switch f {
	case "lowerLetter":
		return string(rune('a' + (n-1)%26))
	case "upperLetter":
		return string(rune('A' + (n-1)%26))
	case "lowerRoman":
		return strings.ToLower(roman(n))
	case "upperRoman":
		return roman(n)
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

func superscript(n int) string {
	const sup = "⁰¹²³⁴⁵⁶⁷⁸⁹"
	digits := []rune(sup)
	var b strings.Builder
	for _, c := range strconv.Itoa(n) {
		b.WriteRune(digits[c-'0'])
	}
	return b.String()
}

// tableBlocks renders a data table as Markdown pipe lines, one row per
// line: a cell spanning columns is repeated in each, a cell merged with
// the one above repeats its text, a separator line follows the first row.
// A layout table (the header block, a signature block) becomes its
// cells' paragraphs.
func tableBlocks(rows [][]cell) []string {
	var texts [][]string
	var above []string
	for _, r := range rows {
		var line []string
		for _, c := range r {
			txt := strings.Join(c.paras, " ")
			for k := 0; k < c.span; k++ {
				col := len(line)
				if c.merge == "continue" && col < len(above) {
					line = append(line, above[col])
				} else {
					line = append(line, txt)
				}
			}
		}
		texts = append(texts, line)
		above = line
	}
	if grid.DataTable(texts) {
		return grid.PipeLines(texts)
	}
	var out []string
	for _, r := range rows {
		for _, c := range r {
			if c.merge == "continue" {
				continue
			}
			out = append(out, c.paras...)
		}
	}
	return out
}

// tableMark stands in the blocks where a table begins or ends.
const tableMark = "\x00table"

// text joins the blocks. A document that separates its paragraphs with
// empty paragraphs (a quarter or more of them are empty: a typed or
// imported text, one line per paragraph) keeps that layout: lines joined
// by a line break, an empty paragraph an empty line. Otherwise every
// paragraph is separated by an empty line. Table rows go one per line;
// footnotes come at the end.
func (d *reader) text() string {
	empty, full := 0, 0
	for _, s := range d.out {
		switch s {
		case tableMark:
		case "":
			empty++
		default:
			full++
		}
	}
	lineMode := empty*3 >= full && full > 0
	var b strings.Builder
	prevRow, blank := false, false
	for _, s := range d.out {
		if s == "" || s == tableMark {
			blank = true
			continue
		}
		row := strings.HasPrefix(s, "|")
		if b.Len() > 0 {
			switch {
			case row && prevRow && !blank:
				b.WriteByte('\n')
			case blank || row != prevRow || !lineMode:
				b.WriteString("\n\n")
			default:
				b.WriteByte('\n')
			}
		}
		b.WriteString(s)
		prevRow, blank = row, false
	}
	for i, id := range d.noteSeq {
		fmt.Fprintf(&b, "\n\n%s %s", superscript(i+1), d.notes[id])
	}
	return strings.TrimSpace(b.String()) + "\n"
}
