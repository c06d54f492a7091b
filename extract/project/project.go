// Package project extracts project records from a document. See extract/doc.go.
package project

import "kehoach/corpus"

// Extract adds the document's project records to x.
func Extract(doc *corpus.Document, x *corpus.Extraction) {}
