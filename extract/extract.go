package extract

import (
	"fmt"
	"sort"
	"strings"

	"kehoach/corpus"
	"kehoach/extract/budget"
	"kehoach/extract/citation"
	"kehoach/extract/meta"
	"kehoach/extract/project"
	"kehoach/extract/target"
)

// Func is one extractor: it reads the document (and what earlier stages
// put in x) and adds its records to x. Extractors do no I/O.
type Func func(doc *corpus.Document, x *corpus.Extraction)

type stage struct {
	name string
	fn   Func
}

// stages run in this order: later ones may read what earlier ones found
// (targets and budgets need the plan's period from meta; targets skip
// figures inside citations).
var stages []stage

// Register adds an extractor stage. It panics on a duplicate name.
func Register(name string, fn Func) {
	for _, s := range stages {
		if s.name == name {
			panic("extract: duplicate extractor " + name)
		}
	}
	stages = append(stages, stage{name, fn})
}

func init() {
	Register("meta", meta.Extract)
	Register("citation", citation.Extract)
	Register("target", target.Extract)
	Register("budget", budget.Extract)
	Register("project", project.Extract)
}

// Names lists the registered extractors in run order.
func Names() []string {
	var ns []string
	for _, s := range stages {
		ns = append(ns, s.name)
	}
	return ns
}

// Run applies the named extractors (all when names is empty) to doc and
// returns the record, with every list sorted by span start and never nil.
func Run(doc *corpus.Document, names ...string) (*corpus.Extraction, error) {
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	for n := range want {
		if !known(n) {
			return nil, fmt.Errorf("extract: unknown extractor %q, want %s", n, strings.Join(Names(), "|"))
		}
	}
	x := &corpus.Extraction{Source: doc.Source, SHA256: doc.ID}
	for _, s := range stages {
		if len(want) > 0 && !want[s.name] && s.name != "meta" {
			continue
		}
		s.fn(doc, x)
	}
	x.Warnings = append(append([]string(nil), doc.Warnings...), x.Warnings...)
	finish(x)
	return x, nil
}

func known(n string) bool {
	for _, s := range stages {
		if s.name == n {
			return true
		}
	}
	return false
}

func finish(x *corpus.Extraction) {
	if x.Citations == nil {
		x.Citations = []corpus.Citation{}
	}
	if x.Targets == nil {
		x.Targets = []corpus.Target{}
	}
	if x.Budgets == nil {
		x.Budgets = []corpus.Budget{}
	}
	if x.Projects == nil {
		x.Projects = []corpus.Project{}
	}
	if x.Warnings == nil {
		x.Warnings = []string{}
	}
	sort.SliceStable(x.Citations, func(i, j int) bool { return x.Citations[i].Span.Start < x.Citations[j].Span.Start })
	sort.SliceStable(x.Targets, func(i, j int) bool { return x.Targets[i].Span.Start < x.Targets[j].Span.Start })
	sort.SliceStable(x.Budgets, func(i, j int) bool { return x.Budgets[i].Span.Start < x.Budgets[j].Span.Start })
	sort.SliceStable(x.Projects, func(i, j int) bool { return x.Projects[i].Span.Start < x.Projects[j].Span.Start })
}

// Validate checks the record against its document: every span inside the
// text on UTF-8 boundaries and every quote equal to the text under its
// span. It returns one error listing every problem, or nil.
func Validate(doc *corpus.Document, x *corpus.Extraction) error {
	var probs []string
	check := func(what string, i int, s corpus.Span, quote string) {
		if !s.Valid(doc.Text) {
			probs = append(probs, fmt.Sprintf("%s[%d]: span [%d,%d) outside the text (%d bytes) or off a UTF-8 boundary", what, i, s.Start, s.End, len(doc.Text)))
			return
		}
		if quote != "" && s.In(doc.Text) != quote {
			probs = append(probs, fmt.Sprintf("%s[%d]: quote %q is not the text under span [%d,%d) %q", what, i, quote, s.Start, s.End, s.In(doc.Text)))
		}
	}
	for i, c := range x.Citations {
		check("citations", i, c.Span, c.Quote)
	}
	for i, t := range x.Targets {
		check("targets", i, t.Span, t.Quote)
	}
	for i, b := range x.Budgets {
		check("budgets", i, b.Span, b.Quote)
	}
	for i, r := range x.Rules {
		check("budget_rules", i, r.Span, r.Quote)
	}
	for i, p := range x.Projects {
		check("projects", i, p.Span, p.Quote)
	}
	if len(probs) == 0 {
		return nil
	}
	return fmt.Errorf("extract: %s: %d invalid records:\n  %s", doc.Source, len(probs), strings.Join(probs, "\n  "))
}
