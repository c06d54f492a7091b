package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"kehoach/corpus"
	"kehoach/extract/citation"
)

func init() {
	register(&cli.Command{
		Name:      "cites",
		Usage:     "list the stored plans that cite a document, with the quote",
		ArgsUsage: "SYMBOL|\"Luật NAME\"",
		Description: `Finds every stored document (kehoach ingest fills the store) that cites
the given document: one line per citing document with its province, year,
number, role (basis for a "Căn cứ" ground, mention otherwise), the number
of mentions, the date the text gives and the quote of the first mention.
The symbol may be written in any spelling ("749/qd-ttg", "3885/UBND –KGVX"):
it is compared canonically, with aliases and the registry symbol a
citation resolved to. A law may be named by title. The header shows the
registry entry when the document is in the registry, and flags a
superseded one. --missing lists instead the stored documents that do not
cite it (who has not yet taken up a new decision).

Examples:
   kehoach ingest testdata/corpus
   kehoach cites 64/2007/NĐ-CP
   kehoach cites --format csv "Luật An toàn thông tin mạng"
   kehoach cites --format json 14/CT-TTg
   kehoach cites --missing 942/QĐ-TTg      # who has not taken it up

Flags go before the SYMBOL.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "table", Usage: "table, csv or json (JSON Lines)"},
			&cli.BoolFlag{Name: "missing", Usage: "list the stored documents that do not cite it"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return fmt.Errorf("cites: want one SYMBOL or law title, got %d arguments", c.NArg())
			}
			format := c.String("format")
			if format != "table" && format != "csv" && format != "json" {
				return fmt.Errorf("cites: unknown --format %q, want table|csv|json", format)
			}
			st, err := openStore(c)
			if err != nil {
				return err
			}
			xs, err := st.Extractions()
			if err != nil {
				return err
			}
			q := c.Args().First()
			if c.Bool("missing") {
				return writeMissing(c.App.Writer, q, xs, format)
			}
			rows := citingRows(xs, q)
			return writeCites(c.App.Writer, q, rows, format)
		},
	})
}

// citeRow is one citation with the document that makes it.
type citeRow struct {
	Province string `json:"province"`
	Year     int    `json:"year,omitempty"`
	Document string `json:"document"`
	Source   string `json:"source_file"`
	corpus.Citation
}

// docYear is the year of a document: its issue date, else the end of the
// period it covers; 0 when unknown.
func docYear(x *corpus.Extraction) int {
	if len(x.Document.IssueDate) >= 4 {
		if y, err := strconv.Atoi(x.Document.IssueDate[:4]); err == nil {
			return y
		}
	}
	if x.Document.Period != nil {
		return x.Document.Period.From
	}
	return 0
}

func citeDocLabel(x *corpus.Extraction) string {
	if x.Document.Number != "" {
		return x.Document.Number
	}
	return x.Source
}

func citingRows(xs []*corpus.Extraction, q string) []citeRow {
	var out []citeRow
	for _, x := range xs {
		for _, c := range x.Citations {
			if citation.Matches(c, q) {
				out = append(out, citeRow{Province: x.Document.Province, Year: docYear(x), Document: citeDocLabel(x), Source: x.Source, Citation: c})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Province != out[j].Province {
			return out[i].Province < out[j].Province
		}
		if out[i].Year != out[j].Year {
			return out[i].Year < out[j].Year
		}
		return out[i].Document < out[j].Document
	})
	return out
}

func writeCites(w io.Writer, q string, rows []citeRow, format string) error {
	switch format {
	case "json":
		return writeJSONLines(w, rows)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"province", "year", "document", "type", "number", "date", "role", "relation", "count", "pinpoints", "quote", "source_file"})
		for _, r := range rows {
			cw.Write([]string{r.Province, yearText(r.Year), r.Document, r.Type, citeLabel(r.Citation), r.Date, r.Role, r.Relation,
				strconv.Itoa(r.Count), strings.Join(r.Pinpoint, "; "), oneLine(r.Quote), r.Source})
		}
		cw.Flush()
		return cw.Error()
	}
	if es := citation.Lookup(q); len(es) > 0 {
		for _, e := range es {
			line := fmt.Sprintf("%s %s", e.Type, e.Symbol)
			if e.Date != "" {
				line += " (" + e.Date + ")"
			}
			if e.Title != "" {
				line += ": " + e.Title
			}
			if e.SupersededBy != "" {
				line += " [superseded by " + e.SupersededBy + "]"
			}
			fmt.Fprintln(w, line)
		}
	} else {
		fmt.Fprintf(w, "%s (not in the registry)\n", citation.CanonicalSymbol(q))
	}
	provs := map[string]bool{}
	for _, r := range rows {
		provs[r.Province] = true
	}
	fmt.Fprintf(w, "cited by %d documents in %d provinces\n", len(rows), len(provs))
	if len(rows) == 0 {
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PROVINCE\tYEAR\tDOCUMENT\tROLE\tCOUNT\tDATE\tQUOTE")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", orDash(r.Province), yearText(r.Year), r.Document, r.Role, r.Count, orDash(citeDate(r.Citation)), clipText(oneLine(r.Quote), 90))
	}
	return tw.Flush()
}

// citeLabel is a citation's number, or its title for a law by name.
func citeLabel(c corpus.Citation) string {
	if c.Number != "" {
		return c.Number
	}
	return c.Title
}

// citeDate is the date, or the conflicting dates joined by "|".
func citeDate(c corpus.Citation) string {
	if c.Date == "" && len(c.Dates) > 0 {
		return strings.Join(c.Dates, "|")
	}
	return c.Date
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// docRow is a stored document.
type docRow struct {
	Province string `json:"province"`
	Year     int    `json:"year,omitempty"`
	Document string `json:"document"`
	Source   string `json:"source_file"`
}

// writeMissing lists the stored documents with no citation of q.
func writeMissing(w io.Writer, q string, xs []*corpus.Extraction, format string) error {
	var rows []docRow
	for _, x := range xs {
		cited := false
		for _, c := range x.Citations {
			if citation.Matches(c, q) {
				cited = true
				break
			}
		}
		if !cited {
			rows = append(rows, docRow{Province: x.Document.Province, Year: docYear(x), Document: citeDocLabel(x), Source: x.Source})
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Province != rows[j].Province {
			return rows[i].Province < rows[j].Province
		}
		return rows[i].Year < rows[j].Year
	})
	switch format {
	case "json":
		return writeJSONLines(w, rows)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"province", "year", "document", "source_file"})
		for _, r := range rows {
			cw.Write([]string{r.Province, yearText(r.Year), r.Document, r.Source})
		}
		cw.Flush()
		return cw.Error()
	}
	provs := map[string]bool{}
	for _, r := range rows {
		provs[r.Province] = true
	}
	fmt.Fprintf(w, "%s is not cited by %d of %d documents (%d provinces)\n", citation.CanonicalSymbol(q), len(rows), len(xs), len(provs))
	if len(rows) == 0 {
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PROVINCE\tYEAR\tDOCUMENT")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", orDash(r.Province), yearText(r.Year), r.Document)
	}
	return tw.Flush()
}
