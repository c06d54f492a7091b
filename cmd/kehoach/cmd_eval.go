package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"kehoach/corpus"
	"kehoach/extract/eval"
	"kehoach/ingest"
)

func init() {
	register(&cli.Command{
		Name:  "eval",
		Usage: "score the extractors against the gold files",
		Description: `Runs ingest and extract on the source of every gold file and scores the
records with SCHEMA.md's matching rules: precision, recall and F1 per
record kind and per document, with the misses (gold records not found) and
false hits (records not in gold) listed. With --min-f1 it exits non-zero
when the F1 of any record kind falls below the threshold.

Example:
   kehoach eval
   kehoach eval --min-f1 0.9 --quiet`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gold", Value: "testdata/gold", Usage: "directory of gold `JSON` files"},
			&cli.StringFlag{Name: "corpus", Value: "testdata/corpus", Usage: "directory holding the gold files' sources"},
			&cli.Float64Flag{Name: "min-f1", Usage: "exit 1 when any kind's F1 is below this"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print the scores only, not the misses and false hits"},
		},
		Action: func(c *cli.Context) error {
			results, err := runEval(c.String("gold"), c.String("corpus"))
			if err != nil {
				return err
			}
			printEval(c.App.Writer, results, !c.Bool("quiet"))
			if min := c.Float64("min-f1"); min > 0 {
				tot := eval.Summary(results)
				for _, k := range eval.SortedKinds(tot) {
					if tot[k].F1() < min {
						return &exitError{code: 1, msg: fmt.Sprintf("eval: %s F1 %.3f is below --min-f1 %.3f", k, tot[k].F1(), min)}
					}
				}
			}
			return nil
		},
	})
}

func runEval(goldDir, corpusDir string) ([]eval.Result, error) {
	files, err := filepath.Glob(filepath.Join(goldDir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("eval: no gold files (*.json) in %s", goldDir)
	}
	sort.Strings(files)
	var results []eval.Result
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var gold corpus.Extraction
		if err := json.Unmarshal(b, &gold); err != nil {
			return nil, fmt.Errorf("eval: %s: %w", f, err)
		}
		src := filepath.Join(corpusDir, filepath.Base(gold.Source))
		raw, err := os.ReadFile(src)
		if err != nil {
			return nil, fmt.Errorf("eval: %s: source: %w", f, err)
		}
		_, got, err := process(src, ingest.FormatOf(src), raw, ingest.Options{})
		if err != nil {
			return nil, fmt.Errorf("eval: %s: %w", f, err)
		}
		results = append(results, eval.Score(strings.TrimSuffix(filepath.Base(f), ".json"), &gold, got))
	}
	return results, nil
}

func printEval(w io.Writer, results []eval.Result, details bool) {
	if details {
		for _, r := range results {
			for _, k := range eval.Kinds {
				for _, m := range r.Misses[k] {
					fmt.Fprintf(w, "%s\tmiss\t%s\t%s\n", r.Name, k, m)
				}
				for _, m := range r.False[k] {
					fmt.Fprintf(w, "%s\tfalse\t%s\t%s\n", r.Name, k, m)
				}
			}
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%-26s %-10s %5s %5s %5s %6s %6s %6s\n", "document", "kind", "tp", "fp", "fn", "P", "R", "F1")
	for _, r := range results {
		for _, k := range eval.Kinds {
			c := r.Counts[k]
			fmt.Fprintf(w, "%-26s %-10s %5d %5d %5d %6.3f %6.3f %6.3f\n", r.Name, k, c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1())
		}
	}
	tot := eval.Summary(results)
	fmt.Fprintln(w)
	for _, k := range eval.Kinds {
		c := tot[k]
		fmt.Fprintf(w, "%-26s %-10s %5d %5d %5d %6.3f %6.3f %6.3f\n", "ALL", k, c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1())
	}
	var right, gold int
	for _, r := range results {
		right += r.IndicatorRight
		gold += r.IndicatorGold
	}
	if gold > 0 {
		fmt.Fprintf(w, "indicator accuracy: %d/%d = %.3f of gold targets that name an indicator\n", right, gold, float64(right)/float64(gold))
	}
}
