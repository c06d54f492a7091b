package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"kehoach/compare"
	"kehoach/corpus"
)

// compareFlags are shared by compare and export.
func compareFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "table", Aliases: []string{"t"}, Usage: "tables: " + strings.Join(compare.Names, ", ") + " (default all that apply)"},
		&cli.StringFlag{Name: "indicator", Usage: "targets and progress: only this indicator id"},
		&cli.StringFlag{Name: "province", Usage: "only this province; the province table shows its plans over the years"},
		&cli.StringFlag{Name: "by", Value: "named", Usage: "group provinces as named in the plans (named) or after 1 July 2025 (now)"},
	}
}

// buildTables builds the tables the flags ask for.
func buildTables(c *cli.Context, st *corpus.Store) ([]*compare.Table, error) {
	by := c.String("by")
	if by != "named" && by != "now" {
		return nil, fmt.Errorf("unknown --by %q, want named|now", by)
	}
	o := compare.Options{Indicator: c.String("indicator"), Province: c.String("province"), ByNow: by == "now"}
	ix, err := openIndexRead(st)
	if err != nil {
		return nil, err
	}
	names := c.StringSlice("table")
	if len(names) == 0 || (len(names) == 1 && names[0] == "all") {
		return compare.All(c.Context, ix, o)
	}
	var out []*compare.Table
	for _, n := range names {
		for _, n := range strings.Split(n, ",") {
			t, err := compare.Build(c.Context, ix, strings.TrimSpace(n), o)
			if err != nil {
				return nil, err
			}
			out = append(out, t)
		}
	}
	return out, nil
}

func init() {
	register(&cli.Command{
		Name:  "compare",
		Usage: "comparison tables across provinces, with the evidence of every cell",
		Description: `Tables built from the index: targets (indicator × province), with
--indicator ID one row per province and figure beside the national target
and the gap to it (the indicator table), spending (each plan's stated
totals, sum of items, split by source, cybersecurity share), budgets
(stated totals, province × year), citations (cited document × province),
progress (target versus achieved) and, with --province, that province's
plans side by side over the years. Each filled cell is numbered; its
evidence (source, span, quote) is listed under the table. An empty cell
says "no plan" when no plan of that province for those years was
ingested, and "no figure" when the plans ingested state none.

Examples:
   kehoach compare --table budgets
   kehoach compare --table targets --indicator gov.dvc_l4_share --by now
   kehoach compare --table indicator --indicator gov.dossier_online_share
   kehoach compare --province "Kon Tum" --format md`,
		Flags: append(compareFlags(),
			&cli.StringFlag{Name: "format", Value: "text", Usage: "text, md or json (export writes csv, xlsx and svg or png charts)"},
		),
		Action: func(c *cli.Context) error {
			f := c.String("format")
			if f != "text" && f != "md" && f != "json" {
				return fmt.Errorf("compare: unknown --format %q, want text|md|json", f)
			}
			st, err := openStore(c)
			if err != nil {
				return err
			}
			defer closeIndex(st)
			ts, err := buildTables(c, st)
			if err != nil {
				return fmt.Errorf("compare: %w", err)
			}
			return compare.Export(c.App.Writer, f, ts)
		},
	})
}
