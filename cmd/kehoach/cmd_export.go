package main

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"kehoach/compare"
	"kehoach/corpus"
)

func init() {
	register(&cli.Command{
		Name:  "export",
		Usage: "write the comparison tables as CSV, XLSX, JSON or Markdown",
		Description: `Writes the tables of kehoach compare to a file (or standard output).
csv: UTF-8 with a byte order mark (Excel and LibreOffice show Vietnamese
correctly), RFC 4180 quoting, the tables one after another and then the
evidence of every cell. xlsx: one sheet per table with a frozen header,
figures as numbers formatted as đồng or %, each figure linked to its row
in the Evidence sheet. json: the tables with their cells and evidence.
md: Markdown tables with the evidence listed under each.

Examples:
   kehoach export --format xlsx --out so-sanh.xlsx
   kehoach export --format csv --table budgets --by now > budgets.csv`,
		Flags: append(compareFlags(),
			&cli.StringFlag{Name: "format", Value: "csv", Usage: "csv, xlsx, json or md"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "file to write (default: standard output)"},
		),
		Action: func(c *cli.Context) error {
			f := c.String("format")
			switch f {
			case "csv", "xlsx", "json", "md":
			default:
				return fmt.Errorf("export: unknown --format %q, want csv|xlsx|json|md", f)
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
