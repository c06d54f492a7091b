package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"kehoach/corpus"
	"kehoach/extract"
	"kehoach/ingest"
)

func init() {
	register(&cli.Command{
		Name:      "extract",
		Usage:     "print the extracted records of documents (SCHEMA.md)",
		ArgsUsage: "FILE...|-",
		Description: `Ingests each file in memory (nothing is stored) and prints its record:
document metadata, legal citations, targets and achieved figures, budgets
and appendix projects. JSON Lines by default, one object per document; the
table format is for reading. "-" reads standard input (--as names its
format, txt by default). Every record carries its span (byte offsets into
the text that "kehoach text" prints) and its quote.

Examples:
   kehoach extract testdata/corpus/002_dd0f6087aed52522.txt
   kehoach extract --format table --extractors citation testdata/corpus/*.txt
   cat plan.txt | kehoach extract -`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "json", Usage: "json or table"},
			&cli.StringFlag{Name: "extractors", Usage: "comma-separated subset of " + strings.Join(extract.Names(), ",")},
			&cli.StringFlag{Name: "as", Value: "txt", Usage: "format of standard input"},
			&cli.BoolFlag{Name: "validate", Usage: "check every span and quote against the text; exit 1 on a bad one"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return fmt.Errorf("extract: no FILE given (use - for standard input)")
			}
			format := c.String("format")
			if format != "json" && format != "table" {
				return fmt.Errorf("extract: unknown --format %q, want json|table", format)
			}
			var names []string
			if s := c.String("extractors"); s != "" {
				names = strings.Split(s, ",")
			}
			failed := 0
			for _, name := range c.Args().Slice() {
				var raw []byte
				var err error
				f := ingest.FormatOf(name)
				if isStdin(name) {
					raw, err = io.ReadAll(c.App.Reader)
					f = c.String("as")
				} else {
					raw, err = os.ReadFile(name)
				}
				if err == nil {
					err = extractOne(c, name, f, raw, names, format)
				}
				if err != nil {
					failed++
					fmt.Fprintf(c.App.ErrWriter, "kehoach: %v\n", err)
				}
			}
			if failed > 0 {
				return &exitError{code: 1, msg: fmt.Sprintf("extract: %d of %d files failed", failed, c.NArg())}
			}
			return nil
		},
	})
}

func extractOne(c *cli.Context, name, format string, raw []byte, names []string, out string) error {
	doc, err := ingest.Bytes(name, format, raw, ingest.Options{})
	if err != nil {
		return err
	}
	x, err := extract.Run(doc, names...)
	if err != nil {
		return err
	}
	if c.Bool("validate") {
		if err := extract.Validate(doc, x); err != nil {
			return err
		}
	}
	if out == "table" {
		printRecord(c.App.Writer, x)
		return nil
	}
	b, err := json.Marshal(x)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.App.Writer, "%s\n", b)
	return err
}

// printRecord writes a record for people to read.
func printRecord(w io.Writer, x *corpus.Extraction) {
	d := x.Document
	fmt.Fprintf(w, "== %s\n", x.Source)
	per := ""
	if d.Period != nil {
		per = fmt.Sprintf("%d-%d", d.Period.From, d.Period.To)
	}
	fmt.Fprintf(w, "%s %s  %s  %s (now %s)  issued %s  period %s\n%s\n", d.Type, d.Number, d.Issuer, d.Province, d.ProvinceNow, d.IssueDate, per, d.Title)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	if len(x.Citations) > 0 {
		fmt.Fprintf(tw, "\ncitations (%d)\ttype\tdate\trole\tcount\tspan\n", len(x.Citations))
		for _, ct := range x.Citations {
			id := ct.Number
			if id == "" {
				id = ct.Title
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%d\t%d-%d\n", id, ct.Type, ct.Date, ct.Role, ct.Count, ct.Span.Start, ct.Span.End)
		}
	}
	if len(x.Targets) > 0 {
		fmt.Fprintf(tw, "\ntargets (%d)\tvalue\tyear\tindicator\tscope\tquote\n", len(x.Targets))
		for _, t := range x.Targets {
			v := fmt.Sprintf("%s %g", t.Comparator, t.Value)
			if t.ValueMax != nil {
				v = fmt.Sprintf("%g-%g", t.Value, *t.ValueMax)
			}
			y := ""
			if t.Year != nil {
				y = fmt.Sprint(*t.Year)
			}
			fmt.Fprintf(tw, "  %s\t%s %s\t%s\t%s\t%s\t%s\n", t.Kind, v, t.Unit, y, t.Indicator, t.Scope, short(t.Quote, 70))
		}
	}
	if len(x.Budgets) > 0 {
		fmt.Fprintf(tw, "\nbudgets (%d)\tđồng\tsource\tyear\tquote\n", len(x.Budgets))
		for _, b := range x.Budgets {
			y := ""
			if b.Year != nil {
				y = fmt.Sprint(*b.Year)
			} else if b.Period != nil {
				y = fmt.Sprintf("%d-%d", b.Period.From, b.Period.To)
			}
			fmt.Fprintf(tw, "  %s\t%d\t%s\t%s\t%s\n", b.Kind, b.AmountVND, b.Source, y, short(b.Quote, 70))
		}
	}
	if len(x.Projects) > 0 {
		fmt.Fprintf(tw, "\nprojects (%d)\tđồng\tsource\tgroup\n", len(x.Projects))
		for _, p := range x.Projects {
			a := ""
			if p.AmountVND != nil {
				a = fmt.Sprint(*p.AmountVND)
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", short(p.Name, 70), a, p.Source, short(p.Group, 30))
		}
	}
	tw.Flush()
	for _, wn := range x.Warnings {
		fmt.Fprintf(w, "warning: %s\n", wn)
	}
	fmt.Fprintln(w)
}

func short(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
