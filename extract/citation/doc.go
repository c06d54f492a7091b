// Package citation extracts the legal documents a plan cites.
//
// Input is the document's one NFC text; output is one corpus.Citation per
// cited document, with Span and Quote on its first mention (byte offsets
// into doc.Text, Quote == doc.Text[Span]), the count of its mentions,
// its role (basis for the "Căn cứ" grounds, footnoted ones included;
// mention otherwise), the relation the words around it give, article
// pinpoints, aliases, conflicting dates, and its resolution against the
// embedded registry of national documents.
//
// The scanner is driven by tables (data/types.tsv, data/issuers.tsv): a
// symbol is parsed by the grammar of SCHEMA.md and domain.md §1.2, its
// codes checked against the tables, its type read from the type words
// before it or from its type code. Laws are found by name ("Luật Công
// nghệ thông tin ngày 29/6/2006") and by number ("Luật số 24/2018/QH14").
//
// Identity: a citation is keyed on its canonical symbol, and split by
// date where the dates tell documents apart (a symbol without a year is
// unique only per issuer and year; the registry knows documents sharing
// one, like the two Chỉ thị 14/CT-TTg). Variants of one document (issuer
// codes of one family such as UBND and CTUBND, a short form without its
// year) are merged and kept as Aliases; different dates for one document
// are reported in Dates with Date left empty rather than silently picked.
// The document's own symbol (x.Document.Number, the "Số:" line, the
// "(Kèm theo ...)" lines of its appendices) is not a citation.
//
// Files: tables.go (the type and issuer tables of data/*.tsv and the
// codes they generate), symbol.go (the symbol grammar, CanonicalSymbol),
// scan.go (words, dates, issuers around a symbol), citation.go (the
// scan: laws, symbols, back-references, the document's own symbols),
// context.go (roles, relations, pinpoints, footnotes; grouping into
// citations), registry.go (the embedded registry of national documents
// and resolution against it).
package citation
