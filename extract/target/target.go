// Package target extracts target records from a document. See extract/doc.go.
package target

import "kehoach/corpus"

// Extract adds the document's target records to x.
func Extract(doc *corpus.Document, x *corpus.Extraction) {}
