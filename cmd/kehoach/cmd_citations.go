package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"
	"github.com/xuri/excelize/v2"

	"kehoach/corpus"
	"kehoach/corpus/province"
	"kehoach/extract/citation"
)

func init() {
	register(&cli.Command{
		Name:  "citations",
		Usage: "list what the stored plans cite, or export the provinces x national documents matrix",
		Description: `Lists the legal documents the stored plans cite (kehoach ingest fills the
store): one line per citation with province, document, type, number (or
law title), date, role (basis for a "Căn cứ" ground, mention otherwise),
relation, count of mentions, registry status and title. --province keeps
one province (any spelling); --role keeps basis or mention; --unresolved
keeps the citations the registry of national documents could not match
(ambiguous ones included), so nothing the extractor found is dropped
silently; --superseded keeps citations of documents the registry marks as
replaced.

--matrix exports the provinces x national documents matrix (laws,
registry documents, symbols of national bodies and the Party centre):
each cell the number of mentions (--value count) or the year of the first
citing document (--value year).

Examples:
   kehoach ingest testdata/corpus
   kehoach citations --province "Kon Tum" --role basis
   kehoach citations --unresolved --format csv > unresolved.csv
   kehoach citations --superseded
   kehoach citations --matrix --format csv > matrix.csv
   kehoach citations --matrix --value year --format json
   kehoach citations --matrix --format xlsx > matrix.xlsx`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "province", Usage: "keep one province"},
			&cli.StringFlag{Name: "role", Usage: "keep one role: basis or mention"},
			&cli.BoolFlag{Name: "unresolved", Usage: "keep citations not resolved against the registry"},
			&cli.BoolFlag{Name: "superseded", Usage: "keep citations of superseded documents"},
			&cli.BoolFlag{Name: "matrix", Usage: "export the provinces x national documents matrix"},
			&cli.StringFlag{Name: "value", Value: "count", Usage: "matrix cells: count or year"},
			&cli.StringFlag{Name: "format", Value: "table", Usage: "table, csv or json; xlsx for --matrix"},
		},
		Action: func(c *cli.Context) error {
			format := c.String("format")
			if format != "table" && format != "csv" && format != "json" && !(format == "xlsx" && c.Bool("matrix")) {
				return fmt.Errorf("citations: unknown --format %q, want table|csv|json (xlsx with --matrix)", format)
			}
			role := c.String("role")
			if role != "" && role != citation.RoleBasis && role != citation.RoleMention {
				return fmt.Errorf("citations: unknown --role %q, want basis|mention", role)
			}
			value := c.String("value")
			if value != "count" && value != "year" {
				return fmt.Errorf("citations: unknown --value %q, want count|year", value)
			}
			var want *province.Province
			if p := c.String("province"); p != "" {
				pr, ok := province.Lookup(p)
				if !ok {
					return fmt.Errorf("citations: unknown province %q", p)
				}
				want = &pr
			}
			st, err := openStore(c)
			if err != nil {
				return err
			}
			xs, err := st.Extractions()
			if err != nil {
				return err
			}
			rows := citationRows(xs, want, role, c.Bool("unresolved"), c.Bool("superseded"))
			if c.Bool("matrix") {
				return writeMatrix(c.App.Writer, buildMatrix(rows, value), format)
			}
			return writeCitations(c.App.Writer, rows, format)
		},
	})
}

func citationRows(xs []*corpus.Extraction, want *province.Province, role string, unresolved, superseded bool) []citeRow {
	var out []citeRow
	for _, x := range xs {
		if want != nil {
			p, ok := province.Lookup(x.Document.Province)
			if !ok || p.Code != want.Code {
				continue
			}
		}
		for _, c := range x.Citations {
			if role != "" && c.Role != role {
				continue
			}
			if unresolved && c.Status == citation.Resolved {
				continue
			}
			if superseded && c.SupersededBy == "" {
				continue
			}
			out = append(out, citeRow{Province: x.Document.Province, Year: docYear(x), Document: citeDocLabel(x), Source: x.Source, Citation: c})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Province != out[j].Province {
			return out[i].Province < out[j].Province
		}
		if out[i].Document != out[j].Document {
			return out[i].Document < out[j].Document
		}
		return out[i].Span.Start < out[j].Span.Start
	})
	return out
}

// writeJSONLines writes rows as JSON Lines, Vietnamese and <>& unescaped.
func writeJSONLines[T any](w io.Writer, rows []T) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

func writeCitations(w io.Writer, rows []citeRow, format string) error {
	switch format {
	case "json":
		return writeJSONLines(w, rows)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"province", "year", "document", "type", "number", "date", "role", "relation", "count", "status", "registry", "superseded_by", "title", "quote", "source_file"})
		for _, r := range rows {
			cw.Write([]string{r.Province, yearText(r.Year), r.Document, r.Type, citeLabel(r.Citation), citeDate(r.Citation), r.Role, r.Relation,
				strconv.Itoa(r.Count), r.Status, r.Registry, r.SupersededBy, r.Title, oneLine(r.Quote), r.Source})
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PROVINCE\tDOCUMENT\tTYPE\tNUMBER\tDATE\tROLE\tCOUNT\tSTATUS\tTITLE")
	for _, r := range rows {
		title := r.Title
		if r.SupersededBy != "" {
			title = "[superseded by " + r.SupersededBy + "] " + title
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", orDash(r.Province), r.Document, r.Type, clipText(citeLabel(r.Citation), 40),
			orDash(citeDate(r.Citation)), r.Role, r.Count, orDash(r.Status), clipText(oneLine(title), 60))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	docs := map[string]bool{}
	for _, r := range rows {
		docs[r.Source] = true
	}
	fmt.Fprintf(w, "%d citations in %d documents\n", len(rows), len(docs))
	return nil
}

// matrix is provinces x national documents.
type matrix struct {
	Value   string           `json:"value"` // count or year
	Columns []matrixColumn   `json:"columns"`
	Rows    []matrixRow      `json:"rows"`
	index   map[string]int   // column key -> index
	cells   map[string][]int // province -> cells
}

type matrixColumn struct {
	Key   string `json:"key"` // registry symbol, number, or law title
	Type  string `json:"type"`
	Title string `json:"title,omitempty"`
}

type matrixRow struct {
	Province string `json:"province"`
	Cells    []int  `json:"cells"` // one per column; 0 when not cited
}

func buildMatrix(rows []citeRow, value string) *matrix {
	m := &matrix{Value: value, index: map[string]int{}, cells: map[string][]int{}}
	for _, r := range rows {
		if !citation.National(r.Citation) {
			continue
		}
		k := citation.Key(r.Citation)
		if _, ok := m.index[k]; !ok {
			m.index[k] = len(m.Columns)
			m.Columns = append(m.Columns, matrixColumn{Key: k, Type: r.Type, Title: r.Title})
		}
	}
	// columns in a stable order: type, then key
	sort.SliceStable(m.Columns, func(i, j int) bool {
		if m.Columns[i].Type != m.Columns[j].Type {
			return m.Columns[i].Type < m.Columns[j].Type
		}
		return m.Columns[i].Key < m.Columns[j].Key
	})
	for i, c := range m.Columns {
		m.index[c.Key] = i
	}
	var provs []string
	for _, r := range rows {
		if !citation.National(r.Citation) {
			continue
		}
		p := r.Province
		if p == "" {
			p = "(unknown)"
		}
		cs, ok := m.cells[p]
		if !ok {
			cs = make([]int, len(m.Columns))
			m.cells[p] = cs
			provs = append(provs, p)
		}
		i := m.index[citation.Key(r.Citation)]
		switch value {
		case "year":
			if r.Year != 0 && (cs[i] == 0 || r.Year < cs[i]) {
				cs[i] = r.Year
			}
		default:
			cs[i] += r.Count
		}
	}
	sort.Strings(provs)
	for _, p := range provs {
		m.Rows = append(m.Rows, matrixRow{Province: p, Cells: m.cells[p]})
	}
	return m
}

func writeMatrix(w io.Writer, m *matrix, format string) error {
	switch format {
	case "xlsx":
		return writeMatrixXLSX(w, m)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		return enc.Encode(m)
	case "csv":
		cw := csv.NewWriter(w)
		head := []string{"province"}
		for _, c := range m.Columns {
			head = append(head, c.Key)
		}
		cw.Write(head)
		for _, r := range m.Rows {
			line := []string{r.Province}
			for _, v := range r.Cells {
				line = append(line, cellText(v))
			}
			cw.Write(line)
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "DOCUMENT\tTYPE\t")
	for _, r := range m.Rows {
		fmt.Fprintf(tw, "%s\t", r.Province)
	}
	fmt.Fprintln(tw)
	for i, c := range m.Columns {
		fmt.Fprintf(tw, "%s\t%s\t", clipText(c.Key, 40), c.Type)
		for _, r := range m.Rows {
			fmt.Fprintf(tw, "%s\t", orDash(cellText(r.Cells[i])))
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "%d national documents x %d provinces (%s)\n", len(m.Columns), len(m.Rows), m.Value)
	return nil
}

// writeMatrixXLSX writes the matrix as one sheet: provinces down, the
// documents across, a second header row with their types and titles.
func writeMatrixXLSX(w io.Writer, m *matrix) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "citations"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	set := func(col, row int, v any) error {
		ref, err := excelize.CoordinatesToCellName(col, row)
		if err != nil {
			return err
		}
		return f.SetCellValue(sheet, ref, v)
	}
	set(1, 1, "province")
	set(1, 2, "type / title")
	for i, c := range m.Columns {
		set(i+2, 1, c.Key)
		set(i+2, 2, strings.TrimSpace(c.Type+" "+c.Title))
	}
	for r, row := range m.Rows {
		set(1, r+3, row.Province)
		for i, v := range row.Cells {
			if v != 0 {
				if err := set(i+2, r+3, v); err != nil {
					return err
				}
			}
		}
	}
	return f.Write(w)
}

func cellText(v int) string {
	if v == 0 {
		return ""
	}
	return strconv.Itoa(v)
}
