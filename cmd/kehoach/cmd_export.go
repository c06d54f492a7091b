package main

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"kehoach/compare"
	"kehoach/compare/chart"
	"kehoach/corpus"
)

func init() {
	register(&cli.Command{
		Name:  "export",
		Usage: "write the comparison tables as CSV, XLSX, JSON or Markdown, or as SVG or PNG charts",
		Description: `Writes the tables of kehoach compare to a file (or standard output).
csv: UTF-8 with a byte order mark (Excel and LibreOffice show Vietnamese
correctly), RFC 4180 quoting, the tables one after another and then the
evidence of every cell. xlsx: one sheet per table with a frozen header,
figures as numbers formatted as đồng or %, each figure linked to its row
in the Evidence sheet. json: the tables with their cells and evidence.
md: Markdown tables with the evidence listed under each.

svg, png: one bar chart per table, in Vietnamese (one group of bars per
row, one bar per numeric column; money in tỷ or triệu đồng; the
citations table as the number of provinces citing each document). With
one table, --out names the file (or the chart goes to standard output);
with several, --out NAME.svg writes NAME-<table>.svg for each table that
has figures to draw. --width and --height set the size in pixels. An
SVG names Liberation Sans, then Arial (same metrics); --embed-fonts puts
the font in the file for viewers that have neither.

Examples:
   kehoach export --format xlsx --out so-sanh.xlsx
   kehoach export --format csv --table budgets --by now > budgets.csv
   kehoach export --format svg --out so-sanh.svg
   kehoach export --format png --table budgets --out kinh-phi.png`,
		Flags: append(compareFlags(),
			&cli.StringFlag{Name: "format", Value: "csv", Usage: "csv, xlsx, json, md, or svg or png (charts)"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "file to write (default: standard output); charts of several tables: OUT-<table>.svg"},
			&cli.IntFlag{Name: "width", Usage: "svg and png: chart width in pixels (default 960)"},
			&cli.IntFlag{Name: "height", Usage: "svg and png: chart height in pixels (default: as the bars need)"},
			&cli.BoolFlag{Name: "embed-fonts", Usage: "svg: put the fonts in the file (about 1.5 MB) so that every viewer sets the text exactly"},
		),
		Action: func(c *cli.Context) error {
			f := c.String("format")
			switch f {
			case "csv", "xlsx", "json", "md", "svg", "png":
			default:
				return fmt.Errorf("export: unknown --format %q, want csv|xlsx|json|md|svg|png", f)
			}
			st, err := openStore(c)
			if err != nil {
				return err
			}
			defer closeIndex(st)
			ts, err := buildTables(c, st)
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if f == "svg" || f == "png" {
				return exportCharts(c, f, ts)
			}
			var b bytes.Buffer
			if err := compare.Export(&b, f, ts); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			out := c.String("out")
			if out == "" || out == "-" {
				_, err := c.App.Writer.Write(b.Bytes())
				return err
			}
			if !strings.HasSuffix(strings.ToLower(out), "."+f) {
				fmt.Fprintf(c.App.ErrWriter, "export: note: writing %s to %s\n", f, out)
			}
			if err := corpus.WriteFileAtomic(out, b.Bytes()); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			fmt.Fprintf(c.App.Writer, "export: %d tables to %s (%s)\n", len(ts), out, humanBytes(int64(b.Len())))
			return nil
		},
	})
}

// exportCharts writes one chart per table: to --out (or standard output)
// for one table, to OUT-<table>.FORMAT for several. Tables with nothing
// to draw are skipped with a note.
func exportCharts(c *cli.Context, f string, ts []*compare.Table) error {
	o := chart.Options{Width: c.Int("width"), Height: c.Int("height"), EmbedFonts: c.Bool("embed-fonts")}
	out := c.String("out")
	if len(ts) == 1 {
		var b bytes.Buffer
		if err := chart.Write(&b, f, ts[0], o); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if out == "" || out == "-" {
			_, err := c.App.Writer.Write(b.Bytes())
			return err
		}
		if err := corpus.WriteFileAtomic(out, b.Bytes()); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		fmt.Fprintf(c.App.Writer, "export: %s chart of %s to %s (%s)\n", f, ts[0].Name, out, humanBytes(int64(b.Len())))
		return nil
	}
	if out == "" || out == "-" {
		return fmt.Errorf("export: --format %s draws one chart per table: give --out NAME.%s (writes NAME-<table>.%s) or one --table", f, f, f)
	}
	base := out
	if strings.EqualFold(filepath.Ext(out), "."+f) {
		base = strings.TrimSuffix(out, filepath.Ext(out))
	}
	n := 0
	for _, t := range ts {
		var b bytes.Buffer
		if err := chart.Write(&b, f, t, o); err != nil {
			if errors.Is(err, chart.ErrNoData) {
				fmt.Fprintf(c.App.ErrWriter, "export: note: %v; skipped\n", err)
				continue
			}
			return fmt.Errorf("export: %w", err)
		}
		path := base + "-" + t.Name + "." + f
		if err := corpus.WriteFileAtomic(path, b.Bytes()); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		fmt.Fprintf(c.App.Writer, "export: %s chart of %s to %s (%s)\n", f, t.Name, path, humanBytes(int64(b.Len())))
		n++
	}
	if n == 0 {
		return fmt.Errorf("export: none of the %d tables has figures to chart", len(ts))
	}
	return nil
}
