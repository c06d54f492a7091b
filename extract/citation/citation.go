// Package citation extracts citation records from a document. See extract/doc.go.
package citation

import "kehoach/corpus"

// Extract adds the document's citation records to x.
func Extract(doc *corpus.Document, x *corpus.Extraction) {}
