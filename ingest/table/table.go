// Package table recovers tables from text: Markdown pipe tables and tables
// flattened to one cell per line.
package table

import "kehoach/corpus"

// Recover returns the tables found in text.
func Recover(text string) []corpus.Table { return nil }
