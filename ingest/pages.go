package ingest

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"kehoach/corpus"
)

// Parsers pass warnings for the document in meta under warningsKey, one
// per line; Bytes moves them to Document.Warnings.
const warningsKey = "warnings"

func addWarning(meta map[string]string, w string) {
	if meta[warningsKey] != "" {
		meta[warningsKey] += "\n"
	}
	meta[warningsKey] += w
}

func popWarnings(meta map[string]string) ([]string, map[string]string) {
	w, ok := meta[warningsKey]
	if !ok {
		return nil, meta
	}
	delete(meta, warningsKey)
	if len(meta) == 0 {
		meta = nil
	}
	return strings.Split(w, "\n"), meta
}

var said sync.Map

// firstTime reports whether msg is said for the first time in this run.
func firstTime(msg string) bool {
	_, loaded := said.LoadOrStore(msg, true)
	return !loaded
}

// findPages finds the pages of the parser's text again in the normalised
// text: each page starts where the first characters of its text are
// found (spaces ignored), after the page before. Repair joins lines and
// moves footnotes, so offsets cannot be carried over.
func findPages(orig string, pages []corpus.Span, text string) []corpus.Span {
	if len(pages) == 0 {
		return nil
	}
	starts := make([]int, len(pages))
	from := 0
	for i, p := range pages {
		if i == 0 {
			continue
		}
		at := -1
		if p.Valid(orig) {
			at = findFolded(text, from, Normalize(orig[p.Start:min(p.End, p.Start+400)]))
		}
		if at < 0 {
			at = from
		}
		starts[i] = at
		from = at
	}
	out := make([]corpus.Span, len(pages))
	for i := range pages {
		end := len(text)
		if i+1 < len(pages) {
			end = starts[i+1]
		}
		s, e := starts[i], end
		for e > s && (text[e-1] == '\n' || text[e-1] == ' ') {
			e--
		}
		out[i] = corpus.Span{Start: s, End: e}
	}
	return out
}

// findFolded finds the first 24 non-space characters of needle in
// text[from:], ignoring spaces and line breaks, and returns the offset of
// the match, or -1.
func findFolded(text string, from int, needle string) int {
	var want []rune
	for _, r := range needle {
		if !unicode.IsSpace(r) {
			want = append(want, r)
			if len(want) == 24 {
				break
			}
		}
	}
	if len(want) == 0 {
		return -1
	}
	for i := from; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == want[0] {
			k, j := 0, i
			for j < len(text) && k < len(want) {
				r2, m := utf8.DecodeRuneInString(text[j:])
				j += m
				if unicode.IsSpace(r2) {
					continue
				}
				if r2 != want[k] {
					break
				}
				k++
			}
			if k == len(want) {
				return i
			}
		}
		i += n
	}
	return -1
}
