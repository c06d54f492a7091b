package corpus

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) into Document.Text.
// It marshals to JSON as [start, end].
type Span struct{ Start, End int }

// In returns the text under the span, or "" when the span does not fit.
func (s Span) In(text string) string {
	if !s.Valid(text) {
		return ""
	}
	return text[s.Start:s.End]
}

// Valid reports whether s lies inside text on UTF-8 boundaries.
func (s Span) Valid(text string) bool {
	if s.Start < 0 || s.End < s.Start || s.End > len(text) {
		return false
	}
	return boundary(text, s.Start) && boundary(text, s.End)
}

func boundary(text string, i int) bool {
	return i == len(text) || utf8.RuneStart(text[i])
}

// Len is End - Start.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether off lies in [Start, End).
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

func (s Span) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf("[%d,%d]", s.Start, s.End)), nil
}

func (s *Span) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*s = Span{}
		return nil
	}
	var a [2]int
	if err := json.Unmarshal(b, &a); err != nil {
		return fmt.Errorf("corpus: span: want [start, end]: %w", err)
	}
	s.Start, s.End = a[0], a[1]
	return nil
}

// Document is one ingested document: its one NFC-normalised text, into
// which every offset in the system points, and the structure that ingest
// recovered from it.
type Document struct {
	ID     string `json:"id"`     // hex SHA-256 of the raw bytes
	Source string `json:"source"` // path or URL as given
	Format string `json:"format"` // txt, md, html, pdf, docx, ...
	Text   string `json:"-"`      // NFC, repaired; stored beside as text.txt

	Meta     map[string]string `json:"meta,omitempty"` // portal metadata (số hiệu, ngày ban hành, ...)
	Sections []Section         `json:"sections,omitempty"`
	Tables   []Table           `json:"tables,omitempty"`
	Notes    []Note            `json:"notes,omitempty"`
	Header   *Header           `json:"header,omitempty"` // the header block, when the text has one
	Pages    []Span            `json:"pages,omitempty"`
	Warnings []string          `json:"warnings,omitempty"`
}

// Section is one node of the section tree: Phần, I/II, 1/2, 1.1, a/b,
// Phụ lục. Parent is the index of the parent section in
// Document.Sections, -1 at the top.
type Section struct {
	Number  string `json:"number"`  // "II", "2", "1.1", "a", "Phụ lục 1"
	Heading string `json:"heading"` // the heading line without its number
	Level   int    `json:"level"`   // 1 = outermost
	Parent  int    `json:"parent"`
	Span    Span   `json:"span"` // the heading line
	Body    Span   `json:"body"` // from the heading to the end of the section
}

// Table is a table recovered from the text: HTML tables, Markdown pipe
// tables, PDF positions, or tables flattened to one cell per line.
type Table struct {
	Span    Span     `json:"span"`
	Title   string   `json:"title"`   // the heading above it ("Phụ lục 1 ...")
	Unit    string   `json:"unit"`    // "triệu đồng" from "Đơn vị tính: triệu đồng"; "" when none
	UnitAt  *Span    `json:"unit_at"` // where the unit line is, when there is one
	Header  [][]Cell `json:"header"`  // header rows, outermost first
	Columns []string `json:"columns"` // one name per column, from the header
	Rows    []Row    `json:"rows"`
}

// Row kinds.
const (
	RowData  = "data"
	RowGroup = "group" // I, II, A, B headings inside a table
	RowTotal = "total" // Tổng, Tổng cộng, Cộng
	// RowSummary is a row derived from the others that is not a total
	// ("Bình quân năm", "Trong đó").
	RowSummary = "summary"
)

// Row is one table row.
type Row struct {
	Kind  string `json:"kind"`
	Cells []Cell `json:"cells"`
	Span  Span   `json:"span"`
}

// Cell is one table cell; Text is the cell text with line wraps folded.
type Cell struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// Note is a footnote, linked to its marker in the text.
type Note struct {
	Marker string `json:"marker"` // "1", "(2)"
	Ref    *Span  `json:"ref"`    // the marker in the running text, when found
	Span   Span   `json:"span"`   // the note text
}

// Header is the header block of a Vietnamese administrative document:
// issuing body, national motto, symbol, place and date, document type
// and summary (trích yếu), and the signature block. A field is nil when
// the text lacks it; Text is the field's text with line breaks folded,
// Span the text it was read from.
type Header struct {
	Issuer      *Field `json:"issuer,omitempty"`       // "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG"
	Motto       *Field `json:"motto,omitempty"`        // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"
	Number      *Field `json:"number,omitempty"`       // "2893/QĐ-UBND"; "/STTTT" when the number was left blank
	Place       *Field `json:"place,omitempty"`        // "Cao Bằng"
	Date        *Field `json:"date,omitempty"`         // "ngày 31 tháng 12 năm 2020"
	Type        *Field `json:"type,omitempty"`         // "QUYẾT ĐỊNH", "KẾ HOẠCH", "Công văn" (from "V/v")
	Summary     *Field `json:"summary,omitempty"`      // the trích yếu
	SignerTitle *Field `json:"signer_title,omitempty"` // "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH"
	Signer      *Field `json:"signer,omitempty"`       // "Nguyễn Ngọc Trân"
}

// Field is one field of a Header.
type Field struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
}
