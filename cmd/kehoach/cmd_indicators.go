package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"kehoach/corpus"
	"kehoach/extract/indicator"
)

func init() {
	register(&cli.Command{
		Name:      "indicators",
		Usage:     "list the canonical indicator taxonomy with how many stored targets map to each",
		ArgsUsage: "[ID]",
		Description: `Lists the embedded indicator taxonomy (the shared scale on which targets
from different provinces are compared): id, unit, the national target
(for 2025 where there is one) and how many stored targets and achieved
figures map to each indicator. With an ID, prints that indicator in full:
names, phrasings, every national target with its year and source, and the
stored figures mapped to it. National targets marked [unverified] were
restated from provincial plans or secondary sources.

Examples:
   kehoach indicators
   kehoach indicators --pillar infosec
   kehoach --data ./kehoach-data indicators gov.dvc_l4_share
   kehoach indicators --format json`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "table", Usage: "table or json"},
			&cli.StringFlag{Name: "pillar", Usage: "only this pillar: gov, infosec, econ, soc, infra, hr, meta, budget"},
		},
		Action: func(c *cli.Context) error {
			format := c.String("format")
			if format != "table" && format != "json" {
				return fmt.Errorf("indicators: unknown --format %q, want table|json", format)
			}
			if c.NArg() > 1 {
				return fmt.Errorf("indicators: at most one ID, got %d", c.NArg())
			}
			st, err := openStore(c)
			if err != nil {
				return err
			}
			recs, err := st.Extractions()
			if err != nil {
				return err
			}
			uses := indicatorUses(recs)
			if c.NArg() == 1 {
				id := c.Args().First()
				in, ok := indicator.Get(id)
				if !ok {
					return fmt.Errorf("indicators: unknown indicator %q (run \"kehoach indicators\" for the list)", id)
				}
				return printIndicator(c.App.Writer, format, in, uses[id])
			}
			var list []indicator.Indicator
			for _, in := range indicator.All() {
				if p := c.String("pillar"); p != "" && in.Pillar() != p {
					continue
				}
				list = append(list, in)
			}
			if len(list) == 0 {
				return fmt.Errorf("indicators: no indicator in pillar %q, want gov|infosec|econ|soc|infra|hr|meta|budget", c.String("pillar"))
			}
			return printIndicators(c.App.Writer, format, list, uses, unmapped(recs))
		},
	})
}

// use is one stored figure mapped to an indicator.
type use struct {
	Source   string        `json:"source"`
	Province string        `json:"province"`
	Target   corpus.Target `json:"target"`
}

func indicatorUses(recs []*corpus.Extraction) map[string][]use {
	m := map[string][]use{}
	for _, r := range recs {
		for _, t := range r.Targets {
			if t.Indicator != "" {
				m[t.Indicator] = append(m[t.Indicator], use{Source: r.Source, Province: r.Document.Province, Target: t})
			}
		}
	}
	return m
}

func unmapped(recs []*corpus.Extraction) (n int) {
	for _, r := range recs {
		for _, t := range r.Targets {
			if t.Indicator == "" {
				n++
			}
		}
	}
	return n
}

func countKinds(us []use) (targets, achieved int) {
	for _, u := range us {
		if u.Target.Kind == "achieved" {
			achieved++
		} else {
			targets++
		}
	}
	return
}

// headline is the national target shown in the list: the one for 2025,
// else the next or latest one.
func headline(in indicator.Indicator) string {
	nt, ok := indicator.NationalFor(in.ID, 2025)
	if !ok {
		return "–"
	}
	return nt.String()
}

type indicatorRow struct {
	indicator.Indicator
	Targets  int `json:"targets"`
	Achieved int `json:"achieved"`
}

func printIndicators(w io.Writer, format string, list []indicator.Indicator, uses map[string][]use, unmappedN int) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		for _, in := range list {
			t, a := countKinds(uses[in.ID])
			if err := enc.Encode(indicatorRow{in, t, a}); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tUNIT\tNATIONAL TARGET\tTARGETS\tACHIEVED\tNAME")
	total := 0
	for _, in := range list {
		t, a := countKinds(uses[in.ID])
		total += t + a
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\n", in.ID, in.Unit, headline(in), t, a, in.NameVI)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d indicators; %d stored figures mapped, %d not mapped to any indicator\n", len(list), total, unmappedN)
	return nil
}

func printIndicator(w io.Writer, format string, in indicator.Indicator, us []use) error {
	if format == "json" {
		return json.NewEncoder(w).Encode(struct {
			indicator.Indicator
			Uses []use `json:"uses"`
		}{in, us})
	}
	fmt.Fprintf(w, "%s  [%s]\n  vi: %s\n  en: %s\n", in.ID, in.Unit, in.NameVI, in.NameEN)
	if in.Rank {
		fmt.Fprintln(w, "  a ranking: lower is better")
	}
	fmt.Fprintf(w, "  phrasings: %s\n", strings.Join(in.Phrases, " | "))
	if len(in.National) == 0 {
		fmt.Fprintln(w, "  national targets: none (set by each province)")
	} else {
		fmt.Fprintln(w, "  national targets:")
		for _, nt := range in.National {
			line := "    " + nt.String()
			if nt.Note != "" {
				line += " – " + nt.Note
			}
			fmt.Fprintln(w, line)
		}
	}
	fmt.Fprintf(w, "  stored figures: %d\n", len(us))
	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
	for _, u := range us {
		t := u.Target
		v := fmt.Sprint(t.Value)
		if t.ValueMax != nil {
			v += "–" + fmt.Sprint(*t.ValueMax)
		}
		y := "–"
		if t.Year != nil {
			y = fmt.Sprint(*t.Year)
		}
		q := strings.Join(strings.Fields(t.Quote), " ")
		if r := []rune(q); len(r) > 80 {
			q = string(r[:80]) + "…"
		}
		fmt.Fprintf(tw, "    %s\t%s\t%s %s %s\t%s\t%s\n", u.Province, t.Kind, t.Comparator, v, t.Unit, y, q)
	}
	return tw.Flush()
}
