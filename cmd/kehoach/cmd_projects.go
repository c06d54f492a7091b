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

	"kehoach/corpus"
	"kehoach/corpus/province"
	"kehoach/corpus/province/vifold"
)

func init() {
	register(&cli.Command{
		Name:  "projects",
		Usage: "list the appendix project rows of the stored plans, with their amounts",
		Description: `Lists one line per project row of the appendix tables of the documents in
the store (kehoach ingest fills it): province, document, group, name, lead
unit, period, amount in đồng, funding source and status. --province keeps
one province (any spelling: "Kon Tum", "kontum", "Vĩnh Phúc"); --query keeps
the rows whose name, group, units, source or status contain every word of
the query, with or without diacritics. The table format is for reading;
csv and json (JSON Lines, one project per line) are for spreadsheets and
scripts.

Examples:
   kehoach ingest testdata/corpus
   kehoach projects --province "Cao Bằng"
   kehoach projects --query "an toàn thông tin" --format csv > attt.csv
   kehoach projects --province "Vĩnh Phúc" --format json`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "province", Usage: "keep one province"},
			&cli.StringFlag{Name: "query", Aliases: []string{"q"}, Usage: "keep rows containing every word"},
			&cli.StringFlag{Name: "format", Value: "table", Usage: "table, csv or json"},
		},
		Action: func(c *cli.Context) error {
			format := c.String("format")
			if format != "table" && format != "csv" && format != "json" {
				return fmt.Errorf("projects: unknown --format %q, want table|csv|json", format)
			}
			st, err := openStore(c)
			if err != nil {
				return err
			}
			xs, err := st.Extractions()
			if err != nil {
				return err
			}
			rows, err := projectRows(xs, c.String("province"), c.String("query"))
			if err != nil {
				return err
			}
			return writeProjects(c.App.Writer, rows, format)
		},
	})
}

// projectRow is one project with the document it comes from.
type projectRow struct {
	Province string `json:"province"`
	Document string `json:"document"`
	Source   string `json:"source_file"`
	corpus.Project
}

func projectRows(xs []*corpus.Extraction, prov, query string) ([]projectRow, error) {
	var want *province.Province
	if prov != "" {
		p, ok := province.Lookup(prov)
		if !ok {
			return nil, fmt.Errorf("projects: unknown province %q", prov)
		}
		want = &p
	}
	words := strings.Fields(foldKey(query))
	var out []projectRow
	for _, x := range xs {
		if want != nil {
			p, ok := province.Lookup(x.Document.Province)
			if !ok || p.Code != want.Code {
				continue
			}
		}
		for _, p := range x.Projects {
			hay := foldKey(strings.Join([]string{p.Name, p.Group, p.Lead, p.Partners, p.Source, p.Status, p.Table}, " "))
			ok := true
			for _, w := range words {
				if !strings.Contains(hay, w) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			out = append(out, projectRow{Province: x.Document.Province, Document: docLabel(x), Source: x.Source, Project: p})
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
	return out, nil
}

func docLabel(x *corpus.Extraction) string {
	if x.Document.Number != "" {
		return x.Document.Number
	}
	return x.Source
}

func foldKey(s string) string {
	return strings.ToLower(vifold.Fold(strings.Join(strings.Fields(s), " ")))
}

func periodText(p *corpus.Period) string {
	switch {
	case p == nil:
		return ""
	case p.From == p.To:
		return strconv.Itoa(p.From)
	}
	return fmt.Sprintf("%d-%d", p.From, p.To)
}

func amountText(v *int64, grouped bool) string {
	if v == nil {
		return ""
	}
	if !grouped {
		return strconv.FormatInt(*v, 10)
	}
	s := strconv.FormatInt(*v, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 && c != '-' {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func writeProjects(w io.Writer, rows []projectRow, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, r := range rows {
			r.Quote = ""
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"province", "document", "group", "name", "lead", "partners", "period", "amount_vnd", "funding_source", "status", "table", "source_file"})
		for _, r := range rows {
			cw.Write([]string{r.Province, r.Document, r.Group, r.Name, r.Lead, r.Partners, periodText(r.Period), amountText(r.AmountVND, false), r.Project.Source, r.Status, r.Table, r.Source})
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PROVINCE\tDOCUMENT\tGROUP\tNAME\tLEAD\tPERIOD\tAMOUNT (đồng)\tSOURCE")
	var total int64
	for _, r := range rows {
		if r.AmountVND != nil {
			total += *r.AmountVND
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Province, r.Document, clipRunes(r.Group, 24), clipRunes(r.Name, 60), clipRunes(r.Lead, 24), periodText(r.Period), amountText(r.AmountVND, true), r.Project.Source)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "%d projects, %s đồng\n", len(rows), amountText(&total, true))
	return nil
}
