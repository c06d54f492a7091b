// Package meta extracts the document's own metadata: number, type,
// issuer, province, date, title and period.
package meta

import "kehoach/corpus"

// Extract fills x.Document.
func Extract(doc *corpus.Document, x *corpus.Extraction) {}
