// Package extract runs the extractors over an ingested document and
// produces the record of SCHEMA.md (corpus.Extraction).
//
// Each extractor lives in its own package (meta, citation, target, budget,
// project) and is a pure function of the document: no I/O, no globals that
// change. Every record it emits carries a Span, a half-open byte range into
// the document's one NFC-normalised text (corpus.Document.Text), and a
// Quote equal to the text under the span, so a user can always check a
// figure against its source. Validate checks exactly that.
//
// Numbers, money and dates in Vietnamese formats are parsed in one place,
// package vnnum: "." groups thousands, "," is the decimal mark, money is
// an int64 count of đồng.
package extract
