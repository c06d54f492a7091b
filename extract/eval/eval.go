// Package eval scores extraction records against hand-made gold records
// with the matching rules of SCHEMA.md:
//
//   - document fields: exact after NFC and trimming;
//   - citations: the same canonical number (for laws by name: the same
//     type and title); type and date must agree where gold gives them;
//   - targets: the same kind, value, value_max, unit and comparator, and
//     year where gold gives one;
//   - budgets: the same amount_vnd and kind;
//   - projects: the same name after NFC and whitespace folding, and the
//     same amount_vnd.
//
// Matching is one-to-one: each gold record pairs with at most one
// extracted record and the other way round.
package eval

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"

	"kehoach/corpus"
)

// Kinds are the record kinds scored, in report order.
var Kinds = []string{"document", "citations", "targets", "budgets", "projects"}

// Count is a confusion count for one record kind.
type Count struct{ TP, FP, FN int }

// Add sums counts.
func (c *Count) Add(d Count) { c.TP += d.TP; c.FP += d.FP; c.FN += d.FN }

// Precision is TP/(TP+FP), 1 when nothing was extracted and nothing missed.
func (c Count) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN).
func (c Count) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Count) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Result is the score of one document.
type Result struct {
	Name   string
	Counts map[string]Count
	Misses map[string][]string // gold records not found, by kind
	False  map[string][]string // extracted records not in gold, by kind
	// Indicator accuracy over gold targets that name an indicator:
	// IndicatorRight of IndicatorGold had a matched extracted target with
	// the same indicator.
	IndicatorRight, IndicatorGold int
}

// Score compares one document's extraction with its gold record.
func Score(name string, gold, got *corpus.Extraction) Result {
	r := Result{Name: name, Counts: map[string]Count{}, Misses: map[string][]string{}, False: map[string][]string{}}
	r.scoreDocument(gold.Document, got.Document)

	gc, xc := gold.Citations, got.Citations
	r.match("citations", len(gc), len(xc), func(i, j int) bool { return citationMatch(gc[i], xc[j]) },
		func(i int) string { return citationString(gc[i]) }, func(j int) string { return citationString(xc[j]) }, nil)

	gt, xt := gold.Targets, got.Targets
	r.match("targets", len(gt), len(xt), func(i, j int) bool { return targetMatch(gt[i], xt[j]) },
		func(i int) string { return targetString(gt[i]) }, func(j int) string { return targetString(xt[j]) },
		func(i, j int) {
			if gt[i].Indicator == "" {
				return
			}
			if j >= 0 && xt[j].Indicator == gt[i].Indicator {
				r.IndicatorRight++
			}
		})
	for _, t := range gt {
		if t.Indicator != "" {
			r.IndicatorGold++
		}
	}

	gb, xb := gold.Budgets, got.Budgets
	r.match("budgets", len(gb), len(xb), func(i, j int) bool { return gb[i].Kind == xb[j].Kind && gb[i].AmountVND == xb[j].AmountVND },
		func(i int) string { return budgetString(gb[i]) }, func(j int) string { return budgetString(xb[j]) }, nil)

	gp, xp := gold.Projects, got.Projects
	r.match("projects", len(gp), len(xp), func(i, j int) bool { return projectMatch(gp[i], xp[j]) },
		func(i int) string { return projectString(gp[i]) }, func(j int) string { return projectString(xp[j]) }, nil)
	return r
}

// match pairs gold i with extracted j greedily, gold in order, each
// extracted record used once. paired, when set, is called for every gold
// record with its partner (-1 when none).
func (r *Result) match(kind string, ng, nx int, eq func(i, j int) bool, gs, xs func(int) string, paired func(i, j int)) {
	used := make([]bool, nx)
	var c Count
	for i := 0; i < ng; i++ {
		found := -1
		for j := 0; j < nx; j++ {
			if !used[j] && eq(i, j) {
				found = j
				break
			}
		}
		if paired != nil {
			paired(i, found)
		}
		if found < 0 {
			c.FN++
			r.Misses[kind] = append(r.Misses[kind], gs(i))
			continue
		}
		used[found] = true
		c.TP++
	}
	for j := 0; j < nx; j++ {
		if !used[j] {
			c.FP++
			r.False[kind] = append(r.False[kind], xs(j))
		}
	}
	r.Counts[kind] = c
}

func (r *Result) scoreDocument(g, x corpus.DocMeta) {
	var c Count
	field := func(name, gv, xv string) {
		gv, xv = clean(gv), clean(xv)
		switch {
		case gv == "" && xv == "":
		case gv == xv:
			c.TP++
		default:
			if gv != "" {
				c.FN++
				r.Misses["document"] = append(r.Misses["document"], fmt.Sprintf("%s=%q (got %q)", name, gv, xv))
			}
			if xv != "" {
				c.FP++
			}
		}
	}
	field("number", g.Number, x.Number)
	field("type", g.Type, x.Type)
	if g.Issuer != "" {
		field("issuer", g.Issuer, x.Issuer)
	}
	field("province", g.Province, x.Province)
	field("province_now", g.ProvinceNow, x.ProvinceNow)
	field("issue_date", g.IssueDate, x.IssueDate)
	if g.Title != "" {
		field("title", g.Title, x.Title)
	}
	field("period", periodString(g.Period), periodString(x.Period))
	r.Counts["document"] = c
}

func periodString(p *corpus.Period) string {
	if p == nil {
		return ""
	}
	return fmt.Sprintf("%d-%d", p.From, p.To)
}

// clean is NFC with surrounding space trimmed.
func clean(s string) string { return strings.TrimSpace(norm.NFC.String(s)) }

// fold is clean with inner white space folded to one space.
func fold(s string) string { return strings.Join(strings.Fields(norm.NFC.String(s)), " ") }

func citationMatch(g, x corpus.Citation) bool {
	if g.Number != "" {
		if clean(g.Number) != clean(x.Number) {
			return false
		}
	} else {
		if x.Number != "" && g.Title == "" {
			return false
		}
		if lawTitle(g.Title) != lawTitle(x.Title) || clean(g.Type) != clean(x.Type) {
			return false
		}
	}
	if g.Type != "" && clean(g.Type) != clean(x.Type) {
		return false
	}
	if g.Date != "" && clean(g.Date) != clean(x.Date) {
		return false
	}
	return true
}

// lawTitle compares law names case-insensitively, without a leading "Luật".
func lawTitle(s string) string {
	s = strings.ToLower(fold(s))
	return strings.TrimPrefix(s, "luật ")
}

func targetMatch(g, x corpus.Target) bool {
	if g.Kind != x.Kind || !near(g.Value, x.Value) || clean(g.Comparator) != clean(x.Comparator) {
		return false
	}
	if (g.ValueMax == nil) != (x.ValueMax == nil) || (g.ValueMax != nil && !near(*g.ValueMax, *x.ValueMax)) {
		return false
	}
	if strings.ToLower(fold(g.Unit)) != strings.ToLower(fold(x.Unit)) {
		return false
	}
	if g.Year != nil && (x.Year == nil || *g.Year != *x.Year) {
		return false
	}
	return true
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6*math.Max(1, math.Abs(a)) }

func projectMatch(g, x corpus.Project) bool {
	if fold(g.Name) != fold(x.Name) {
		return false
	}
	if (g.AmountVND == nil) != (x.AmountVND == nil) {
		return false
	}
	return g.AmountVND == nil || *g.AmountVND == *x.AmountVND
}

func citationString(c corpus.Citation) string {
	id := c.Number
	if id == "" {
		id = "Luật " + lawTitle(c.Title)
	}
	s := fmt.Sprintf("%s %s", c.Type, id)
	if c.Date != "" {
		s += " " + c.Date
	}
	return s + quoted(c.Quote)
}

func targetString(t corpus.Target) string {
	v := fmtNum(t.Value)
	if t.ValueMax != nil {
		v += ".." + fmtNum(*t.ValueMax)
	}
	y := "-"
	if t.Year != nil {
		y = fmt.Sprint(*t.Year)
	}
	s := fmt.Sprintf("%s %s %s %s year=%s", t.Kind, t.Comparator, v, t.Unit, y)
	if t.Scope != "" {
		s += " scope=" + t.Scope
	}
	return s + quoted(t.Quote)
}

func budgetString(b corpus.Budget) string {
	return fmt.Sprintf("%s %d đồng %s", b.Kind, b.AmountVND, b.Source) + quoted(b.Quote)
}

func projectString(p corpus.Project) string {
	a := "null"
	if p.AmountVND != nil {
		a = fmt.Sprint(*p.AmountVND)
	}
	return fmt.Sprintf("%q amount=%s", fold(p.Name), a)
}

func fmtNum(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.4f", f), "0"), ".")
}

func quoted(q string) string {
	q = fold(q)
	if q == "" {
		return ""
	}
	if r := []rune(q); len(r) > 90 {
		q = string(r[:90]) + "…"
	}
	return fmt.Sprintf(" «%s»", q)
}

// Summary sums results per kind.
func Summary(rs []Result) map[string]Count {
	tot := map[string]Count{}
	for _, r := range rs {
		for k, c := range r.Counts {
			t := tot[k]
			t.Add(c)
			tot[k] = t
		}
	}
	return tot
}

// SortedKinds returns the kinds of m in report order.
func SortedKinds(m map[string]Count) []string {
	var ks []string
	for _, k := range Kinds {
		if _, ok := m[k]; ok {
			ks = append(ks, k)
		}
	}
	sort.Strings(ks[len(ks):])
	return ks
}
