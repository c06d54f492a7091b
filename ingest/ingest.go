package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"kehoach/corpus"
	"kehoach/ingest/structure"
	"kehoach/ingest/table"
	"kehoach/ingest/text"
)

// Sentinel errors; callers test them with errors.Is.
var (
	ErrEmpty             = errors.New("empty file")
	ErrUnsupportedFormat = errors.New("unsupported format")
	ErrNoTextLayer       = errors.New("no text layer")
	ErrBadFile           = errors.New("not a valid file of its format")
)

// Error is a failed ingest of one file: which file, which format, what
// went wrong.
type Error struct {
	Source string
	Format string
	Err    error
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s: %v", e.Source, e.Format, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

// Options control ingest.
type Options struct {
	OCR bool // OCR PDFs without a text layer when tesseract is installed
	// Meta is metadata known from outside the file (a portal's properties
	// table, see ingest/fetch); it is merged into Document.Meta and wins
	// over what the parser found.
	Meta map[string]string
}

// Parser turns raw bytes of one format into text (tables may be written as
// Markdown pipe tables, which table recovery reads back) plus metadata.
type Parser func(raw []byte, opt Options) (txt string, meta map[string]string, pages []corpus.Span, err error)

var parsers = map[string]Parser{
	"txt": parseText,
	"md":  parseText,
}

// RegisterFormat adds a parser for a format name (file extension without
// the dot). It panics on a duplicate.
func RegisterFormat(format string, p Parser) {
	if _, dup := parsers[format]; dup {
		panic("ingest: duplicate format " + format)
	}
	parsers[format] = p
}

// Formats lists the formats ingest reads.
func Formats() []string {
	var fs []string
	for f := range parsers {
		fs = append(fs, f)
	}
	return fs
}

// FormatOf names the format of a file from its extension.
func FormatOf(name string) string {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(name), "."))
	switch ext {
	case "htm", "xhtml":
		return "html"
	case "markdown":
		return "md"
	case "text":
		return "txt"
	}
	return ext
}

// Supported reports whether ingest reads files named like name.
func Supported(name string) bool {
	_, ok := parsers[FormatOf(name)]
	return ok
}

// File reads and ingests one file.
func File(path string, opt Options) (*corpus.Document, []byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, &Error{path, FormatOf(path), err}
	}
	doc, err := Bytes(path, FormatOf(path), raw, opt)
	return doc, raw, err
}

// Bytes ingests raw bytes of the given format into a Document whose Text
// is the one NFC-normalised, repaired text, with its structure recovered.
// It never panics: a panic in a parser is returned as an error.
func Bytes(source, format string, raw []byte, opt Options) (doc *corpus.Document, err error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, &Error{source, format, ErrEmpty}
	}
	p, ok := parsers[format]
	if !ok {
		return nil, &Error{source, format, fmt.Errorf("%w %q, want one of %s", ErrUnsupportedFormat, format, strings.Join(Formats(), ", "))}
	}
	defer func() {
		if r := recover(); r != nil {
			doc = nil
			err = &Error{source, format, fmt.Errorf("parser panicked: %v\n%s", r, firstLines(debug.Stack(), 12))}
		}
	}()
	txt, meta, pages, err := p(raw, opt)
	if err != nil {
		return nil, &Error{source, format, err}
	}
	sum := sha256.Sum256(raw)
	doc = &corpus.Document{
		ID:     hex.EncodeToString(sum[:]),
		Source: source,
		Format: format,
	}
	doc.Warnings, doc.Meta = popWarnings(meta)
	for k, v := range opt.Meta {
		if doc.Meta == nil {
			doc.Meta = map[string]string{}
		}
		doc.Meta[k] = v
	}
	if nfcParser(format) {
		doc.Text = repair(txt)
	} else {
		doc.Text = Normalize(txt)
	}
	doc.Pages = findPages(txt, pages, doc.Text)
	if strings.TrimSpace(doc.Text) == "" {
		return nil, &Error{source, format, ErrNoTextLayer}
	}
	Analyze(doc)
	return doc, nil
}

// Normalize makes the one canonical text: NFC, unified line ends and
// spaces, repaired line wraps.
func Normalize(s string) string {
	return repair(text.NFC(s))
}

// repair is Normalize for text that is NFC already.
func repair(s string) string {
	return text.NFC(structure.Repair(s))
}

// nfcParser reports the formats whose parser returns NFC text
// (parseText: text.DecodeName normalises), so Bytes need not normalise
// it again.
func nfcParser(format string) bool { return format == "txt" || format == "md" }

// Analyze recovers the structure of doc.Text: sections, footnotes, tables.
func Analyze(doc *corpus.Document) {
	doc.Header = structure.Header(doc.Text)
	doc.Sections = structure.Sections(doc.Text)
	doc.Notes = structure.Notes(doc.Text)
	doc.Tables = table.Recover(doc.Text)
}

func parseText(raw []byte, _ Options) (string, map[string]string, []corpus.Span, error) {
	s, enc, err := text.DecodeName(raw)
	if err != nil {
		return "", nil, nil, fmt.Errorf("%w: %v", ErrBadFile, err)
	}
	var meta map[string]string
	if enc != text.UTF8 {
		meta = map[string]string{"encoding": enc}
	}
	return s, meta, nil, nil
}

func firstLines(b []byte, n int) string {
	lines := strings.SplitN(string(b), "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
