package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"kehoach/corpus"
	"kehoach/ingest"
)

func init() {
	register(&cli.Command{
		Name:      "text",
		Usage:     "print the normalised text of a file, or its structure",
		ArgsUsage: "FILE|-",
		Description: `Ingests FILE in memory (nothing is stored) and prints the one NFC,
repaired text that every span of every record points into: byte offsets
in "kehoach extract" output index this text. "-" reads standard input
(--as names its format, txt by default).

With --structure it prints what ingest recovered instead: the header
block (issuing body, symbol, place and date, type, summary, signer), the
section tree (number, heading, level, byte span), the footnotes with
their markers, the tables (title, unit, columns, rows) and the page
spans.

Examples:
   kehoach text testdata/corpus/004_9fba268cafe1d6b9.txt
   kehoach text --structure plans/kon-tum-2021.pdf
   curl -s https://example.gov.vn/plan.html | kehoach text --as html -`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "structure", Usage: "print the section tree, notes and tables instead of the text"},
			&cli.StringFlag{Name: "as", Value: "txt", Usage: "format of standard input"},
			&cli.BoolFlag{Name: "ocr", Usage: "OCR PDFs without a text layer (needs tesseract with vie)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return fmt.Errorf("text: want one FILE (or - for standard input), got %d", c.NArg())
			}
			name := c.Args().First()
			format := ingest.FormatOf(name)
			var raw []byte
			var err error
			if isStdin(name) {
				r := c.App.Reader
				if r == nil {
					r = os.Stdin
				}
				raw, err = io.ReadAll(r)
				format = c.String("as")
			} else {
				raw, err = os.ReadFile(name)
			}
			if err != nil {
				return fmt.Errorf("text: %w", err)
			}
			doc, err := ingest.Bytes(name, format, raw, ingest.Options{OCR: c.Bool("ocr")})
			if err != nil {
				return err
			}
			for _, w := range doc.Warnings {
				fmt.Fprintf(c.App.ErrWriter, "kehoach: %s: %s\n", name, w)
			}
			if !c.Bool("structure") {
				_, err := io.WriteString(c.App.Writer, doc.Text)
				return err
			}
			printStructure(c.App.Writer, doc)
			return nil
		},
	})
}

// printStructure prints the section tree, notes, tables and pages of doc,
// one item per line, spans as [start:end) byte offsets into doc.Text.
func printStructure(w io.Writer, doc *corpus.Document) {
	fmt.Fprintf(w, "%s: %s, %d bytes, %d sections, %d notes, %d tables, %d pages\n",
		doc.Source, doc.Format, len(doc.Text), len(doc.Sections), len(doc.Notes), len(doc.Tables), len(doc.Pages))
	if h := doc.Header; h != nil {
		fmt.Fprintln(w, "\nheader:")
		for _, f := range []struct {
			name string
			f    *corpus.Field
		}{{"issuer", h.Issuer}, {"motto", h.Motto}, {"number", h.Number}, {"place", h.Place}, {"date", h.Date},
			{"type", h.Type}, {"summary", h.Summary}, {"signer title", h.SignerTitle}, {"signer", h.Signer}} {
			if f.f != nil {
				fmt.Fprintf(w, "  %-12s %s  [%d:%d)\n", f.name+":", shorten(f.f.Text, 100), f.f.Span.Start, f.f.Span.End)
			}
		}
	}
	if len(doc.Sections) > 0 {
		fmt.Fprintln(w, "\nsections:")
	}
	for _, s := range doc.Sections {
		fmt.Fprintf(w, "  %s%s  %s  [%d:%d)\n", strings.Repeat("  ", s.Level-1), s.Number, s.Heading, s.Body.Start, s.Body.End)
	}
	if len(doc.Notes) > 0 {
		fmt.Fprintln(w, "\nnotes:")
	}
	for _, n := range doc.Notes {
		ref := "marker not found"
		if n.Ref != nil {
			ref = fmt.Sprintf("marker at [%d:%d)", n.Ref.Start, n.Ref.End)
		}
		fmt.Fprintf(w, "  [%s] %s  [%d:%d), %s\n", n.Marker, shorten(n.Span.In(doc.Text), 100), n.Span.Start, n.Span.End, ref)
	}
	for i, t := range doc.Tables {
		fmt.Fprintf(w, "\ntable %d  [%d:%d)  %s\n", i+1, t.Span.Start, t.Span.End, t.Title)
		if t.Unit != "" {
			fmt.Fprintf(w, "  unit: %s\n", t.Unit)
		}
		if len(t.Columns) > 0 {
			fmt.Fprintf(w, "  columns: %s\n", strings.Join(t.Columns, " | "))
		}
		for _, r := range t.Rows {
			cells := make([]string, len(r.Cells))
			for k, c := range r.Cells {
				cells[k] = shorten(c.Text, 40)
			}
			fmt.Fprintf(w, "  %-5s | %s |\n", r.Kind, strings.Join(cells, " | "))
		}
	}
	if len(doc.Pages) > 0 {
		fmt.Fprintln(w, "\npages:")
		for i, p := range doc.Pages {
			fmt.Fprintf(w, "  %d [%d:%d)\n", i+1, p.Start, p.End)
		}
	}
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
