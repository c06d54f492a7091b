package compare

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Formats that Export writes.
var Formats = []string{"text", "csv", "json", "md", "xlsx"}

// Export writes tables in a format: text (aligned, for a terminal), csv
// (UTF-8 with BOM, RFC 4180), json, md (Markdown) or xlsx.
func Export(w io.Writer, format string, tables []*Table) error {
	switch format {
	case "text", "table", "":
		return WriteText(w, tables)
	case "csv":
		return WriteCSV(w, tables)
	case "json":
		return WriteJSON(w, tables)
	case "md", "markdown":
		return WriteMarkdown(w, tables)
	case "xlsx":
		return WriteXLSX(w, tables)
	}
	return fmt.Errorf("compare: unknown format %q, want %s", format, strings.Join(Formats, "|"))
}

// evidenceRef numbers every evidence item of the tables, in order.
type evidenceRef struct {
	n           int
	table       *Table
	row, column string
	cell        Cell
	ev          Evidence
}

func evidenceList(tables []*Table) (refs []evidenceRef, first map[*Cell]int) {
	first = map[*Cell]int{}
	for _, t := range tables {
		for ri := range t.Rows {
			r := &t.Rows[ri]
			for ci := range r.Cells {
				c := &r.Cells[ci]
				for ei, e := range c.Evidence {
					refs = append(refs, evidenceRef{n: len(refs) + 1, table: t, row: r.Label, column: t.Columns[ci], cell: *c, ev: e})
					if ei == 0 {
						first[c] = len(refs)
					}
				}
			}
		}
	}
	return refs, first
}

// WriteText writes each table aligned, cells with evidence numbered
// [n], and the evidence (source, span, quote) under each table.
func WriteText(w io.Writer, tables []*Table) error {
	for ti, t := range tables {
		if ti > 0 {
			fmt.Fprintln(w)
		}
		refs, first := evidenceList([]*Table{t})
		fmt.Fprintf(w, "%s (grouped by province %s)\n", t.Title, t.Province)
		grid := [][]string{append([]string{t.Corner}, t.Columns...)}
		for ri := range t.Rows {
			r := &t.Rows[ri]
			line := []string{r.Label}
			for ci := range r.Cells {
				c := &r.Cells[ci]
				s := c.Text
				if n, ok := first[c]; ok {
					if k := len(c.Evidence); k > 1 {
						s += fmt.Sprintf(" [%d-%d]", n, n+k-1)
					} else {
						s += fmt.Sprintf(" [%d]", n)
					}
				}
				line = append(line, s)
			}
			grid = append(grid, line)
		}
		writeGrid(w, grid)
		for _, n := range t.Notes {
			fmt.Fprintln(w, "note:", n)
		}
		if len(refs) > 0 {
			fmt.Fprintln(w, "evidence:")
		}
		for _, r := range refs {
			num := ""
			if r.ev.Number != "" {
				num = " " + r.ev.Number
			}
			fmt.Fprintf(w, "  [%d] %s%s [%d:%d] %q\n", r.n, r.ev.Source, num, r.ev.Span.Start, r.ev.Span.End, oneLine(r.ev.Quote, 160))
		}
	}
	return nil
}

func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	rs := []rune(s)
	return string(rs[:max]) + "…"
}

const maxColumn = 40

func writeGrid(w io.Writer, grid [][]string) {
	width := map[int]int{}
	for _, line := range grid {
		for i, c := range line {
			n := utf8.RuneCountInString(oneLine(c, maxColumn))
			if n > width[i] {
				width[i] = n
			}
		}
	}
	for li, line := range grid {
		var b strings.Builder
		for i, c := range line {
			c = oneLine(c, maxColumn)
			if i > 0 {
				b.WriteString(" | ")
			}
			b.WriteString(c)
			b.WriteString(strings.Repeat(" ", width[i]-utf8.RuneCountInString(c)))
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
		if li == 0 {
			var sep strings.Builder
			for i := range line {
				if i > 0 {
					sep.WriteString("-+-")
				}
				sep.WriteString(strings.Repeat("-", width[i]))
			}
			fmt.Fprintln(w, sep.String())
		}
	}
}

// WriteCSV writes the tables one after another (a title line, the
// header, the rows, a blank line), then an evidence section. The file
// starts with a UTF-8 byte order mark so that spreadsheet programs read
// the Vietnamese text as UTF-8; fields are quoted per RFC 4180 (CRLF
// line ends, "" for a quote inside a field).
func WriteCSV(w io.Writer, tables []*Table) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	for _, t := range tables {
		cw.Write([]string{t.Title})
		cw.Write(append([]string{t.Corner}, t.Columns...))
		for _, r := range t.Rows {
			line := []string{r.Label}
			for _, c := range r.Cells {
				line = append(line, c.Text)
			}
			cw.Write(line)
		}
		cw.Write(nil)
	}
	refs, _ := evidenceList(tables)
	cw.Write([]string{"Evidence"})
	cw.Write(evidenceHeader)
	for _, r := range refs {
		cw.Write(evidenceRow(r))
	}
	cw.Flush()
	return cw.Error()
}

var evidenceHeader = []string{"#", "table", "row", "column", "value", "document", "source", "number", "start", "end", "quote"}

func evidenceRow(r evidenceRef) []string {
	return []string{fmt.Sprint(r.n), r.table.Name, r.row, r.column, r.cell.Text, r.ev.Doc, r.ev.Source, r.ev.Number,
		fmt.Sprint(r.ev.Span.Start), fmt.Sprint(r.ev.Span.End), r.ev.Quote}
}

// WriteJSON writes the tables as a JSON array.
func WriteJSON(w io.Writer, tables []*Table) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	return enc.Encode(tables)
}

// WriteMarkdown writes pipe tables, cells with evidence numbered, and the
// evidence as a list under each table.
func WriteMarkdown(w io.Writer, tables []*Table) error {
	esc := func(s string) string {
		return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "|", `\|`)
	}
	for ti, t := range tables {
		if ti > 0 {
			fmt.Fprintln(w)
		}
		refs, first := evidenceList([]*Table{t})
		fmt.Fprintf(w, "## %s\n\n", esc(t.Title))
		head := append([]string{t.Corner}, t.Columns...)
		for i := range head {
			head[i] = esc(head[i])
		}
		fmt.Fprintf(w, "| %s |\n|%s\n", strings.Join(head, " | "), strings.Repeat(" --- |", len(head)))
		for ri := range t.Rows {
			r := &t.Rows[ri]
			line := []string{esc(r.Label)}
			for ci := range r.Cells {
				c := &r.Cells[ci]
				s := esc(c.Text)
				if n, ok := first[c]; ok {
					s += fmt.Sprintf(" [%d]", n)
				}
				line = append(line, s)
			}
			fmt.Fprintf(w, "| %s |\n", strings.Join(line, " | "))
		}
		for _, n := range t.Notes {
			fmt.Fprintf(w, "\n_%s_\n", esc(n))
		}
		if len(refs) > 0 {
			fmt.Fprintln(w)
		}
		for _, r := range refs {
			fmt.Fprintf(w, "%d. `%s` %s [%d:%d]: %q\n", r.n, r.ev.Source, esc(r.ev.Number), r.ev.Span.Start, r.ev.Span.End, oneLine(r.ev.Quote, 300))
		}
	}
	return nil
}

// sheetName makes a valid, unique sheet name (31 characters, none of
// []:*?/\).
func sheetName(s string, used map[string]bool) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > 28 {
		s = string([]rune(s)[:28])
	}
	name := s
	for i := 2; used[name]; i++ {
		name = fmt.Sprintf("%s %d", s, i)
	}
	used[name] = true
	return name
}

// WriteXLSX writes one sheet per table (header row frozen, figures as
// numbers formatted as đồng or %, each figure linked to its evidence)
// and an Evidence sheet.
func WriteXLSX(w io.Writer, tables []*Table) error {
	f := excelize.NewFile()
	defer f.Close()
	used := map[string]bool{"Evidence": true}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	dong := `#,##0 "đ"`
	money, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dong})
	pctInt, pctDec := `0"%"`, `0.0##"%"`
	percentInt, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &pctInt})
	percentDec, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &pctDec})
	numInt, numDec := `#,##0`, `#,##0.0##`
	plainInt, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &numInt})
	plainDec, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &numDec})
	pick := func(v float64, i, d int) int {
		if v == float64(int64(v)) {
			return i
		}
		return d
	}
	grey, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Color: "808080", Italic: true}})

	refs, first := evidenceList(tables)
	for ti, t := range tables {
		name := sheetName(t.Title, used)
		if ti == 0 {
			f.SetSheetName("Sheet1", name)
		} else if _, err := f.NewSheet(name); err != nil {
			return fmt.Errorf("compare: xlsx: %w", err)
		}
		head := append([]string{t.Corner}, t.Columns...)
		for i, h := range head {
			cell, _ := excelize.CoordinatesToCellName(i+1, 1)
			f.SetCellStr(name, cell, h)
			f.SetCellStyle(name, cell, cell, bold)
		}
		for ri := range t.Rows {
			r := &t.Rows[ri]
			cell, _ := excelize.CoordinatesToCellName(1, ri+2)
			f.SetCellStr(name, cell, r.Label)
			for ci := range r.Cells {
				c := &r.Cells[ci]
				cell, _ := excelize.CoordinatesToCellName(ci+2, ri+2)
				single := c.Value != nil && !strings.Contains(c.Text, "; ")
				switch {
				case single && c.Unit == "đồng":
					f.SetCellValue(name, cell, int64(*c.Value))
					f.SetCellStyle(name, cell, cell, money)
				case single && c.Unit == "%":
					f.SetCellValue(name, cell, *c.Value)
					f.SetCellStyle(name, cell, cell, pick(*c.Value, percentInt, percentDec))
				case single && t.Name != "citations":
					f.SetCellValue(name, cell, *c.Value)
					f.SetCellStyle(name, cell, cell, pick(*c.Value, plainInt, plainDec))
				default:
					f.SetCellStr(name, cell, c.Text)
					if c.Status != StatusOK {
						f.SetCellStyle(name, cell, cell, grey)
					}
				}
				if n, ok := first[c]; ok {
					f.SetCellHyperLink(name, cell, fmt.Sprintf("Evidence!A%d", n+1), "Location",
						excelize.HyperlinkOpts{Tooltip: ptr(oneLine(c.Evidence[0].Quote, 200))})
				}
			}
		}
		f.SetColWidth(name, "A", "A", 45)
		if len(head) > 1 {
			last, _ := excelize.ColumnNumberToName(len(head))
			f.SetColWidth(name, "B", last, 22)
		}
		f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, XSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight"})
		for i, n := range t.Notes {
			cell, _ := excelize.CoordinatesToCellName(1, len(t.Rows)+3+i)
			f.SetCellStr(name, cell, "note: "+n)
		}
	}
	if _, err := f.NewSheet("Evidence"); err != nil {
		return fmt.Errorf("compare: xlsx: %w", err)
	}
	for i, h := range evidenceHeader {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		f.SetCellStr("Evidence", cell, h)
		f.SetCellStyle("Evidence", cell, cell, bold)
	}
	for i, r := range refs {
		for j, v := range evidenceRow(r) {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+2)
			if j == 0 || j == 8 || j == 9 {
				f.SetCellValue("Evidence", cell, atoi(v))
				continue
			}
			f.SetCellStr("Evidence", cell, v)
		}
	}
	f.SetColWidth("Evidence", "K", "K", 80)
	f.SetPanes("Evidence", &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("compare: xlsx: %w", err)
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
