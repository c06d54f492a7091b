// Package grid holds what the format readers share about tables: telling
// a data table from a layout table, and writing rows as Markdown pipe
// lines for table recovery to read back.
package grid

import (
	"kehoach/internal/lazyre"
	"strings"
)

var (
	sttRE    = lazyre.New(`(?i)^(stt|tt|số tt|số thứ tự)$`)
	numRE    = lazyre.New(`^[-+(]?[0-9][0-9.,]*%?\)?$`)
	layoutRE = lazyre.New(`(?i)cộng hòa xã hội chủ nghĩa|độc lập\s*[-–]\s*tự do|^nơi nhận|^(tm|kt|q|tl|tuq)\.`)
)

// DataTable tells a table of data from a layout table (the two-column
// header block of a decision, a signature block): a data table has an
// STT column, or at least three rows with figures in two of them, and
// never the national motto or a signature.
func DataTable(rows [][]string) bool {
	if len(rows) == 0 {
		return false
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
		for _, c := range r {
			if layoutRE.MatchString(strings.TrimSpace(c)) {
				return false
			}
		}
	}
	if width < 2 {
		return false
	}
	for _, r := range rows {
		if len(r) > 0 && sttRE.MatchString(strings.TrimSpace(r[0])) {
			return true
		}
	}
	if len(rows) < 3 {
		return false
	}
	withFigures := 0
	for _, r := range rows {
		for _, c := range r {
			if numRE.MatchString(strings.TrimSpace(c)) {
				withFigures++
				break
			}
		}
	}
	return withFigures >= 2 || len(rows) >= 5
}

// PipeLines writes rows of cell texts as Markdown pipe lines, padding
// short rows, with a separator after the first row. Cell text is folded
// to one line and "|" in it is written "/".
func PipeLines(rows [][]string) []string {
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	var out []string
	for i, r := range rows {
		cells := make([]string, width)
		for k := range cells {
			if k < len(r) {
				cells[k] = strings.ReplaceAll(strings.Join(strings.Fields(r[k]), " "), "|", "/")
			}
		}
		out = append(out, "| "+strings.Join(cells, " | ")+" |")
		if i == 0 {
			out = append(out, "|"+strings.Repeat("---|", width))
		}
	}
	return out
}
