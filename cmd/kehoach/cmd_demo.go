package main

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"

	"github.com/urfave/cli/v2"

	"kehoach"
	"kehoach/compare"
	"kehoach/corpus"
	"kehoach/extract/vnnum"
	"kehoach/index"
	"kehoach/ingest"
)

// demoQuery is the sample search, typed without diacritics.
const demoQuery = "dich vu cong muc do 4"

func init() {
	register(&cli.Command{
		Name:  "demo",
		Usage: "ingest the embedded sample plans, compare them and search them",
		Description: `Ingests the five sample plans built into the binary into a temporary
data directory (or --data, which is kept), then prints the cross-province
budget and target comparisons, each stated total also in đồng, and the
results of a search typed without diacritics ("` + demoQuery + `").

Examples:
   kehoach demo
   kehoach demo --data ./demo-data`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "data", Usage: "data directory to ingest into and keep (default: a temporary one)"},
		},
		Action: func(c *cli.Context) error {
			dir := c.String("data")
			if dir == "" {
				for _, p := range c.Lineage()[1:] {
					if p.IsSet("data") {
						dir = p.String("data")
						break
					}
				}
			}
			if dir == "" {
				tmp, err := os.MkdirTemp("", "kehoach-demo-")
				if err != nil {
					return fmt.Errorf("demo: %w", err)
				}
				defer os.RemoveAll(tmp)
				dir = tmp
			}
			st, err := corpus.Open(dir)
			if err != nil {
				return err
			}
			defer closeIndex(st)
			w := c.App.Writer
			fmt.Fprintf(w, "Ingesting the sample plans into %s\n", dir)
			names, err := fs.Glob(kehoach.Samples, "testdata/corpus/*.txt")
			if err != nil {
				return err
			}
			var sum summary
			for _, n := range names {
				raw, err := kehoach.Samples.ReadFile(n)
				if err != nil {
					return err
				}
				r := ingestRaw(st, "samples/"+path.Base(n), "txt", raw, ingest.Options{})
				sum.add(r)
				if r.Err != nil {
					fmt.Fprintf(c.App.ErrWriter, "demo: %s: %v\n", n, r.Err)
					continue
				}
				x := r.Rec
				fmt.Fprintf(w, "  %s  %s %s · %s · %d citations, %d targets, %d budgets, %d projects\n",
					path.Base(n), x.Document.Type, x.Document.Number, x.Document.Province,
					len(x.Citations), len(x.Targets), len(x.Budgets), len(x.Projects))
			}
			fmt.Fprintln(w, sum)

			ix, _, err := openIndex(st)
			if err != nil {
				return err
			}
			fmt.Fprintln(w)
			budgets, err := compare.Budgets(c.Context, ix, compare.Options{})
			if err != nil {
				return err
			}
			if err := compare.WriteText(w, []*compare.Table{budgets}); err != nil {
				return err
			}
			fmt.Fprintln(w, "\nStated totals in đồng:")
			for _, r := range budgets.Rows {
				for i, cell := range r.Cells {
					if cell.Status != compare.StatusOK || cell.Value == nil {
						continue
					}
					for _, part := range strings.Split(cell.Text, "; ") {
						a, ok := vnnum.ParseAmount(part)
						if !ok {
							continue
						}
						fmt.Fprintf(w, "  %s %s: %s = %s đồng\n", r.Label, budgets.Columns[i], part, compare.GroupDigits(a.VND))
					}
				}
			}
			fmt.Fprintln(w)
			targets, err := compare.Targets(c.Context, ix, compare.Options{ByNow: false})
			if err != nil {
				return err
			}
			shared(targets, 3)
			if err := compare.WriteText(w, []*compare.Table{targets}); err != nil {
				return err
			}
			fmt.Fprintf(w, "\nSearch typed without diacritics: kehoach search %q\n", demoQuery)
			q := index.Query{Text: demoQuery, Size: 5}
			res, err := ix.Search(c.Context, q)
			if err != nil {
				return err
			}
			printResult(w, q, res)
			return nil
		},
	})
}

// shared keeps the rows of t with a figure from at least n provinces
// and says so in the title.
func shared(t *compare.Table, n int) {
	var keep []compare.Row
	for _, r := range t.Rows {
		k := 0
		for _, c := range r.Cells {
			if c.Status == compare.StatusOK {
				k++
			}
		}
		if k >= n {
			keep = append(keep, r)
		}
	}
	if len(keep) < len(t.Rows) {
		t.Notes = append(t.Notes, fmt.Sprintf("%d of %d indicators shown: those with a target in at least %d provinces (kehoach compare --table targets shows all)", len(keep), len(t.Rows), n))
	}
	t.Rows = keep
}
