package citation

import (
	"fmt"
	"strings"
	"sync"

	"kehoach/corpus"
)

// Entry is one national document of the registry (data/registry.tsv).
type Entry struct {
	Symbol       string   `json:"symbol"`
	Type         string   `json:"type"`
	Issuer       string   `json:"issuer"` // issuer code
	Date         string   `json:"date"`   // ISO; "" when not recorded
	Title        string   `json:"title"`
	SupersededBy string   `json:"superseded_by,omitempty"`
	Aliases      []string `json:"aliases,omitempty"` // other titles (laws)
}

// Statuses of a citation's resolution against the registry.
const (
	Resolved   = "resolved"
	Ambiguous  = "ambiguous"
	Unresolved = "unresolved"
)

type registry struct {
	all      []Entry
	bySymbol map[string][]int
	byTitle  map[string][]int // lawKey(title) -> entries
	byNum    map[string][]int // number part -> entries
}

var reg = sync.OnceValue(mustLoadRegistry) // loaded on first use, not at program start

func mustLoadRegistry() *registry {
	r, err := loadRegistry()
	if err != nil {
		panic(err)
	}
	return r
}

func loadRegistry() (*registry, error) {
	rows, err := readTSV("registry.tsv")
	if err != nil {
		return nil, err
	}
	r := &registry{bySymbol: map[string][]int{}, byTitle: map[string][]int{}, byNum: map[string][]int{}}
	for _, row := range rows {
		e := Entry{Symbol: CanonicalSymbol(col(row, 0)), Type: col(row, 1), Issuer: col(row, 2), Date: col(row, 3),
			Title: col(row, 4), SupersededBy: col(row, 5), Aliases: splitBar(col(row, 6))}
		if e.Symbol == "" || e.Type == "" {
			return nil, fmt.Errorf("citation: registry.tsv: row %q needs a symbol and a type", row)
		}
		if e.SupersededBy != "" {
			e.SupersededBy = CanonicalSymbol(e.SupersededBy)
		}
		i := len(r.all)
		r.all = append(r.all, e)
		r.bySymbol[e.Symbol] = append(r.bySymbol[e.Symbol], i)
		r.byNum[numPart(e.Symbol)] = append(r.byNum[numPart(e.Symbol)], i)
		if e.Type == "Luật" || e.Type == "Bộ luật" {
			for _, t := range append([]string{e.Title}, e.Aliases...) {
				k := lawKey(t)
				r.byTitle[k] = append(r.byTitle[k], i)
			}
		}
	}
	return r, nil
}

// Registry returns a copy of the embedded registry of national documents.
func Registry() []Entry { return append([]Entry(nil), reg().all...) }

// Lookup returns the registry entries for a symbol as written (it is
// canonicalised first) or for a law's title ("Luật An ninh mạng").
func Lookup(s string) []Entry {
	var idx []int
	if ids, ok := reg().bySymbol[CanonicalSymbol(s)]; ok {
		idx = ids
	} else {
		idx = reg().byTitle[lawKey(s)]
	}
	var out []Entry
	for _, i := range idx {
		out = append(out, reg().all[i])
	}
	return out
}

// lawKey is the lookup key of a law title: lower case, spaces folded,
// without a leading "Luật".
func lawKey(t string) string {
	t = strings.ToLower(strings.Join(strings.Fields(t), " "))
	return strings.TrimPrefix(t, "luật ")
}

// numPart is the number before the first "/" or "-" of a symbol.
func numPart(sym string) string {
	if i := strings.IndexAny(sym, "/-"); i >= 0 {
		return sym[:i]
	}
	return sym
}

// pickByDate chooses among entries by an exact date, then by year.
func pickByDate(idx []int, date string) []int {
	if date == "" || len(idx) < 2 {
		return idx
	}
	var same, year []int
	for _, i := range idx {
		if reg().all[i].Date == date {
			same = append(same, i)
		} else if len(date) >= 4 && strings.HasPrefix(reg().all[i].Date, date[:4]) {
			year = append(year, i)
		}
	}
	if len(same) > 0 {
		return same
	}
	if len(year) > 0 {
		return year
	}
	return idx
}

// resolve fills the registry fields of c.
func resolve(c *cit, ref string) {
	var idx []int
	via := ""
	if c.Number == "" {
		idx = reg().byTitle[lawKey(c.Title)]
	} else {
		idx = reg().bySymbol[c.Number]
		for _, a := range c.Aliases {
			if len(idx) == 0 {
				idx = reg().bySymbol[a]
			}
		}
		if len(idx) == 0 && c.Date != "" {
			// A symbol written wrong ("2323/BTTTT-THH" for 2323/QĐ-BTTTT,
			// "28/2018/QĐ-UBND ... của Thủ tướng" for 28/2018/QĐ-TTg):
			// the same number, year, type and date.
			for _, i := range reg().byNum[numPart(c.Number)] {
				e := reg().all[i]
				if e.Type == c.Type && e.Date == c.Date && (c.year == "" || strings.Contains(e.Symbol, "/"+c.year+"/")) {
					idx = append(idx, i)
				}
			}
			if len(idx) > 0 {
				via = "fuzzy"
			}
		}
	}
	idx = pickByDate(idx, c.Date)
	if c.Date == "" && c.lawYear != "" {
		idx = pickByDate(idx, c.lawYear)
	}
	switch {
	case len(idx) > 1 && c.Date == "" && len(c.Dates) == 0 && ref != "":
		// No date given: the document in force at the citing document's
		// date (a law replaced by one of the same name).
		best := -1
		for _, i := range idx {
			d := reg().all[i].Date
			if d != "" && d <= ref && (best < 0 || d > reg().all[best].Date) {
				best = i
			}
		}
		if best >= 0 {
			idx = []int{best}
			c.addNote("no date given; taken as the one in force on " + ref)
		}
	}
	switch {
	case len(idx) == 0:
		c.Status = Unresolved
		return
	case len(idx) > 1:
		c.Status = Ambiguous
		var ss []string
		for _, i := range idx {
			ss = append(ss, reg().all[i].Symbol+" "+reg().all[i].Date)
		}
		c.addNote("registry candidates: " + strings.Join(ss, "; "))
		return
	}
	e := reg().all[idx[0]]
	c.Status = Resolved
	c.Registry = e.Symbol
	c.SupersededBy = e.SupersededBy
	if e.Title != "" {
		c.Title = e.Title // the registry's title over the text's subject
	}
	if via == "fuzzy" || (c.Number != "" && c.Number != e.Symbol) {
		c.addNote(fmt.Sprintf("symbol as written %s; registry %s", c.Number, e.Symbol))
	}
	if c.Date != "" && e.Date != "" && c.Date != e.Date {
		c.addNote(fmt.Sprintf("date as written %s; registry %s", c.Date, e.Date))
	}
	if e.SupersededBy != "" {
		c.addNote("superseded by " + e.SupersededBy)
	}
}

// Key is the identity of a cited document across plans: its registry
// symbol when it resolved, else its canonical number, else (a law by
// name) its title.
func Key(c corpus.Citation) string {
	switch {
	case c.Registry != "" && len(reg().bySymbol[c.Registry]) > 1 && c.Date != "":
		return c.Registry + " " + c.Date // 14/CT-TTg of 2018 and of 2019
	case c.Registry != "":
		return c.Registry
	case c.Number != "":
		return c.Number
	}
	return c.Title
}

// National reports whether a citation names a national document: one of
// the registry, a law, or a symbol whose issuer is a national body or the
// Party's central organs (TW).
func National(c corpus.Citation) bool {
	if c.Registry != "" || c.Type == "Luật" || c.Type == "Bộ luật" {
		return true
	}
	if c.Number == "" {
		return false
	}
	for i := 0; i < len(c.Number); i++ {
		if isDigit(c.Number[i]) {
			s, ok := parseSymbol(c.Number, i)
			if !ok {
				return false
			}
			switch IssuerLevel(s.Issuer) {
			case "national":
				return true
			case "party":
				base, _ := splitDigits(s.Issuer)
				return strings.HasSuffix(base, "TW")
			}
			return false
		}
	}
	return false
}

// Matches reports whether a citation names the document q: a symbol in
// any spelling (compared canonically, aliases and the registry symbol
// included) or a law's title ("Luật An toàn thông tin mạng").
func Matches(c corpus.Citation, q string) bool {
	q = strings.TrimSpace(q)
	if q == "" {
		return false
	}
	s := CanonicalSymbol(q)
	if c.Number == "" && c.Title != "" {
		t := lawKey(c.Title)
		return t == lawKey(q) || t == lawKey(normLawTitle(q)) || (c.Registry != "" && s == c.Registry)
	}
	if s == c.Number || s == c.Registry {
		return true
	}
	for _, a := range c.Aliases {
		if a == s {
			return true
		}
	}
	// a law cited by name resolved to the number asked for
	return c.Registry != "" && s == c.Registry
}
