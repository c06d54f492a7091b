package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"kehoach/compare"
	"kehoach/corpus"
	"kehoach/index"
)

func init() {
	register(&cli.Command{
		Name:      "search",
		Usage:     "full-text search over the ingested plans and their records",
		ArgsUsage: "QUERY",
		Description: `Ranked documents (or records, with --kind) with a highlighted snippet
each, and facet counts over all matches. Diacritics are optional: "dich vu
cong" and "dịch vụ công" find the same documents; typed with diacritics,
exact matches rank first.

` + index.Syntax + `

Examples:
   kehoach search "dich vu cong muc do 4"
   kehoach search --province "Kon Tum" --year 2021 "an toàn thông tin"
   kehoach search --kind target "indicator:gov.dvc_l4_share value:>=50"
   kehoach search --kind budget --json "province:\"Vĩnh Phúc\" value:>=1e10"`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "province", Usage: "province as named in the plan (any spelling)"},
			&cli.StringFlag{Name: "province-now", Aliases: []string{"now"}, Usage: "province after 1 July 2025"},
			&cli.IntFlag{Name: "year", Usage: "year the entry concerns (a plan: any year of its period)"},
			&cli.StringFlag{Name: "type", Usage: "document type (Kế hoạch, Quyết định, ...)"},
			&cli.StringFlag{Name: "kind", Usage: "doc (default), citation, target, budget, project or all"},
			&cli.StringFlag{Name: "indicator", Usage: "target indicator id"},
			&cli.IntFlag{Name: "limit", Aliases: []string{"n"}, Value: 10, Usage: "hits to show"},
			&cli.IntFlag{Name: "offset", Usage: "hits to skip"},
			&cli.BoolFlag{Name: "json", Usage: "print the result as JSON"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 && c.String("province") == "" && c.String("province-now") == "" && c.Int("year") == 0 &&
				c.String("kind") == "" && c.String("indicator") == "" && c.String("type") == "" {
				return fmt.Errorf("search: no QUERY given (see kehoach search --help for the syntax)")
			}
			st, err := openStoreLazy(c)
			if err != nil {
				return err
			}
			ix, err := openIndexRead(st)
			if err != nil {
				return err
			}
			defer closeIndex(st)
			q := index.Query{
				Text: strings.Join(c.Args().Slice(), " "), Province: c.String("province"), ProvinceNow: c.String("province-now"),
				Year: c.Int("year"), Type: c.String("type"), Kind: c.String("kind"), Indicator: c.String("indicator"),
				Size: c.Int("limit"), From: c.Int("offset"),
			}
			res, err := ix.Search(c.Context, q)
			if err != nil {
				return fmt.Errorf("search: %w", err)
			}
			if c.Bool("json") {
				enc := json.NewEncoder(c.App.Writer)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", " ")
				return enc.Encode(res)
			}
			printResult(c.App.Writer, q, res)
			return nil
		},
	})
}

// printResult writes hits with their snippets, then the facets.
func printResult(w io.Writer, q index.Query, res *index.Result) {
	what := q.Kind
	if what == "" {
		what = "doc"
	}
	fmt.Fprintf(w, "%d %s match %q (%s)\n", res.Total, plural(what, res.Total), q.Text, res.Took.Round(1000))
	for i, h := range res.Hits {
		fmt.Fprintf(w, "\n%d. %s", q.From+i+1, filepath.Base(h.Source))
		if h.Number != "" {
			fmt.Fprintf(w, "  %s", h.Number)
		}
		if h.Province != "" {
			fmt.Fprintf(w, "  · %s", h.Province)
			if h.ProvinceNow != "" && h.ProvinceNow != h.Province {
				fmt.Fprintf(w, " (now %s)", h.ProvinceNow)
			}
		}
		if h.Period != nil {
			if h.Period.From == h.Period.To {
				fmt.Fprintf(w, "  · %d", h.Period.From)
			} else {
				fmt.Fprintf(w, "  · %d–%d", h.Period.From, h.Period.To)
			}
		}
		fmt.Fprintf(w, "  [%s", h.Kind)
		if h.Span != nil {
			fmt.Fprintf(w, " %d:%d", h.Span.Start, h.Span.End)
		}
		fmt.Fprintf(w, " score %.3f]\n", h.Score)
		if rec := recordLine(h); rec != "" {
			fmt.Fprintf(w, "   %s\n", rec)
		}
		if s := h.Snippet.Render("«", "»"); s != "" {
			fmt.Fprintf(w, "   …%s…\n", s)
		}
	}
	if len(res.Facets) > 0 {
		fmt.Fprintln(w)
	}
	for _, name := range []string{"kind", "province", "province_now", "year", "type", "indicator"} {
		fs := res.Facets[name]
		if len(fs) == 0 {
			continue
		}
		var parts []string
		for _, f := range fs {
			parts = append(parts, fmt.Sprintf("%s %d", f.Value, f.Count))
		}
		fmt.Fprintf(w, "%-13s %s\n", name+":", strings.Join(parts, ", "))
	}
}

func plural(kind string, n int) string {
	if kind == "doc" {
		kind = "document"
	}
	if n == 1 || kind == "all" {
		if kind == "all" {
			return "entries"
		}
		return kind
	}
	return kind + "s"
}

// recordLine is one line about a record hit: its figure.
func recordLine(h index.Hit) string {
	switch r := h.Record.(type) {
	case *corpus.Target:
		s := fmt.Sprintf("%s %s%s", r.Kind, compare.FormatNumber(r.Value), r.Unit)
		if r.Indicator != "" {
			s += " · " + r.Indicator
		}
		if r.Year != nil {
			s += fmt.Sprintf(" · %d", *r.Year)
		}
		return s
	case *corpus.Budget:
		return fmt.Sprintf("%s %s (%s đồng)", r.Kind, compare.FormatVND(r.AmountVND), compare.GroupDigits(r.AmountVND))
	case *corpus.Citation:
		return strings.TrimSpace(r.Type + " " + r.Number + " " + r.Date)
	case *corpus.Project:
		if r.AmountVND != nil {
			return r.Name + " · " + compare.FormatVND(*r.AmountVND)
		}
		return r.Name
	}
	return ""
}
