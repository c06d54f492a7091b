// Package index is the search index of a kehoach data directory: a
// bleve index of documents and their records (citations, targets,
// budgets, projects) as typed entries. Bleve types never leave the
// package: callers pass a Query and get Hits, Facets and Records.
//
// # Entries and fields
//
// A document is one entry (id = its SHA-256); its n-th record of a kind
// is another ("<doc>/<kind>/<n>", n the position in the stored
// Extraction's list). Documents live in one bleve index and the records
// of each kind in one of their own under the index directory (docs/,
// records-citation/, records-target/, records-budget/,
// records-project/): a document search and its facets touch only
// document entries, a target search only targets (dense hits, so its
// facets decode few doc-value chunks), and kind "all" searches every
// one through an alias. Every entry carries kind, doc, type (the document
// type, diacritic-free), province (as named, canonical 63-era spelling),
// province_now (the 2025 unit), year (every year it concerns: a record's
// own year, else its period, else the plan's period), indicator and value
// (a target's value, or an amount in đồng). Text goes into one field,
// text, analysed once by "vi_index" into three families of terms: the
// folded words with acronym synonyms (what analyzer "vi" gives), the
// words that carry diacritics as written behind "=" ("=dịch", what
// "vi_exact" gives; ranks exact matches first) and folded syllable
// bigrams ("dich_vu", what "vi_bigram" gives; ranks phrases and checks
// quoted phrases). Entries are built as bleve documents directly
// (toDocument), not through the mapping.
//
// To keep the index small (1.42 times the corpus text on the 10 000
// document benchmark), no text field is stored or keeps term vectors:
// snippets are cut from the store's text.txt by re-scanning it, a record
// hit's record is read from the store by its position, and only what a
// document hit shows (source, number, title, provinces, period) is
// stored. One field keeps doc values, facet, which holds every faceted
// value of an entry coded short ("p62" for a province by registry code,
// "y2021"); years are keywords, not numeric terms. A batch ingest stages
// documents and commits one batch per ~4 MiB of text (Stage,
// StartCommit); Compact (at the end of a command that wrote, and in
// Rebuild) merges to one segment and waits for the merged-away files to
// be removed.
//
// # Analysis
//
// The word tokenizer (runs of letters, digits and marks; "16.368,6" is
// one token) feeds token filters that keep
// Start/End pointing at the source: vi_normalize (NFC, lower case, one
// tone placement: hoà = hòa, thuỷ = thủy), vi_fold (diacritics removed,
// đ = d, as a token filter rather than a char filter so offsets stay
// true), vi_synonym (where an expansion such as "công nghệ thông tin"
// occurs, the acronym "cntt" is added at its first position, so either
// spelling finds both) and vi_bigram.
//
// # Consistency with the store
//
// The store is the truth; the index can always be rebuilt from it. Each
// Put writes the records' batch, then the document's batch (scorch
// persists a batch before Batch returns), which carries the record
// digest and a stamp: the fingerprint of the store's manifest it
// reflects. A crash between the two leaves the old digest and stamp. Readers compare the stamp with the manifest's
// current fingerprint and call Sync on a mismatch, which re-indexes every
// document whose stored record digest differs from the indexed one and
// drops documents the store no longer holds. A crash between the store's
// write and the index's leaves a stale stamp, so the next reader repairs
// it; a crash inside a batch loses the whole batch, stamp included. An
// index of another Version, or one bleve cannot open, is recreated and
// filled by Sync; Rebuild builds beside the old index and renames it into
// place.
package index
