package structure

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"kehoach/corpus"
)

// Notes returns the footnotes of text: paragraphs that start with a
// superscript marker ("¹ ...", "⁽²⁾ ..."). Marker is the marker in plain
// digits ("1", "(2)"); Span is the note text after the marker; Ref is the
// first place before the note (or, failing that, anywhere) where the
// marker stands right after a word of the running text.
func Notes(text string) []corpus.Note {
	var notes []corpus.Note
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		if off == 0 || text[off-1] == '\n' && (off < 2 || text[off-2] == '\n') {
			line := text[off:end]
			if m := noteStart.FindStringSubmatchIndex(line); m != nil {
				marker := line[m[2]:m[3]]
				start := off + m[1]
				// The note runs to the end of its paragraph.
				pe := strings.Index(text[off:], "\n\n")
				if pe < 0 {
					pe = len(text)
				} else {
					pe += off
				}
				n := corpus.Note{
					Marker: plainMarker(marker),
					Span:   corpus.Span{Start: start, End: max(start, off+len(strings.TrimRight(text[off:pe], " \n")))},
				}
				if r, ok := findRef(text, marker, off); ok {
					n.Ref = &r
				}
				notes = append(notes, n)
			}
		}
		off = end + 1
	}
	return notes
}

// findRef finds marker right after a non-space character, first before
// limit, then after it.
func findRef(text, marker string, limit int) (corpus.Span, bool) {
	var after corpus.Span
	found := false
	for off := 0; ; {
		i := strings.Index(text[off:], marker)
		if i < 0 {
			break
		}
		i += off
		off = i + len(marker)
		if i == 0 {
			continue
		}
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(r) || isSuperscript(r) {
			continue
		}
		if next, _ := utf8.DecodeRuneInString(text[off:]); off < len(text) && isSuperscript(next) && !strings.HasSuffix(marker, "⁾") {
			continue // part of a longer marker
		}
		s := corpus.Span{Start: i, End: off}
		if i < limit {
			return s, true
		}
		if !found {
			after, found = s, true
		}
	}
	return after, found
}

// plainMarker writes a superscript marker in plain characters.
func plainMarker(m string) string {
	return strings.Map(func(r rune) rune {
		if i := strings.IndexRune("⁰¹²³⁴⁵⁶⁷⁸⁹", r); i >= 0 {
			return '0' + rune(utf8.RuneCountInString("⁰¹²³⁴⁵⁶⁷⁸⁹"[:i]))
		}
		switch r {
		case '⁽':
			return '('
		case '⁾':
			return ')'
		}
		return r
	}, m)
}
