package web

import (
	"sort"

	"kehoach/corpus"
)

// mark is a range of text to highlight: Class is the record kind (its
// colour), ID the element id of its first piece (the anchor the side
// panel links to).
type mark struct {
	Span  corpus.Span
	Class string
	ID    string
	Title string
}

// Seg is a run of text between two mark boundaries. Class is the kind of
// the innermost (shortest) mark covering it, "" for plain text. Anchors
// are the ids of the marks that start at this run.
type Seg struct {
	Text    string
	Class   string
	Title   string
	Anchors []string
}

// segments cuts text at every mark boundary. Marks may overlap or nest
// (a target inside a budget line); each run takes the colour of the
// innermost mark. Marks that do not fit the text (bad spans from an
// extractor) are dropped rather than trusted.
func segments(text string, marks []mark) []Seg {
	var ms []mark
	for _, m := range marks {
		if m.Span.Valid(text) && m.Span.Len() > 0 {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		if text == "" {
			return nil
		}
		return []Seg{{Text: text}}
	}
	cuts := []int{0, len(text)}
	for _, m := range ms {
		cuts = append(cuts, m.Span.Start, m.Span.End)
	}
	sort.Ints(cuts)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Span.Start < ms[j].Span.Start })
	var out []Seg
	next := 0 // first mark not yet anchored
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a == b {
			continue
		}
		seg := Seg{Text: text[a:b]}
		for next < len(ms) && ms[next].Span.Start <= a {
			if ms[next].ID != "" {
				seg.Anchors = append(seg.Anchors, ms[next].ID)
			}
			next++
		}
		best := -1
		for j, m := range ms {
			if m.Span.Start > a {
				break
			}
			// A mark without a class is an anchor only (a section
			// heading): it gives no colour.
			if m.Class != "" && m.Span.End >= b && (best < 0 || m.Span.Len() < ms[best].Span.Len()) {
				best = j
			}
		}
		if best >= 0 {
			seg.Class, seg.Title = ms[best].Class, ms[best].Title
		}
		out = append(out, seg)
	}
	return out
}

// snippetSegs cuts a search snippet at its marks.
func snippetSegs(s Snippet) []Seg {
	ms := make([]mark, len(s.Marks))
	for i, sp := range s.Marks {
		ms[i] = mark{Span: sp, Class: "hit"}
	}
	return segments(s.Text, ms)
}
