// Package web is the browser application and JSON API of kehoach
// (`kehoach serve`): search, documents with every extracted record
// highlighted in place, province comparisons with exports, province pages
// and citation pages, over one data directory.
//
// The package renders; it does not search, compare or ingest by itself.
// It reads the corpus through the small Store interface (*corpus.Store
// implements it), runs full-text queries through Searcher (package index),
// builds comparison tables and exports through Comparer (package compare)
// and ingests uploads through an IngestFunc given by the command, so every
// page shows exactly what the command-line tools compute. Each page and
// its /api/ twin are built from the same data function; the page renders
// it with html/template, the API encodes it as JSON.
//
// Offsets: every record's Span is a byte range into the document's one
// NFC text (corpus.Document.Text); the document page cuts the text at
// those offsets to highlight records in place.
//
// Safety: every string from a document goes through html/template
// escaping; query strings and bodies are size-limited; every handler runs
// under http.TimeoutHandler; responses carry a Content-Security-Policy
// without inline scripts or styles, X-Content-Type-Options and
// frame-ancestors 'none'; original files are served only by document ID
// (a hex SHA-256), never by path, and as attachments or sandboxed plain
// text.
package web

// BUG(web): `kehoach serve` holds the data directory's search index open
// (bleve allows one writer), so other kehoach processes that need the index
// (ingest, search, compare, export) cannot open it while it runs; upload
// through the server with --allow-ingest instead. A store changed by
// another process is not seen until the server restarts.
