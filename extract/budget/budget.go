// Package budget extracts budget records from a document. See extract/doc.go.
package budget

import "kehoach/corpus"

// Extract adds the document's budget records to x.
func Extract(doc *corpus.Document, x *corpus.Extraction) {}
