// Package fetch downloads documents from Vietnamese legal portals and
// provincial sites, politely and resumably, for ingest.
//
// Three layers:
//
//   - Client is a polite HTTP client: robots.txt, a per-host request
//     interval (one request per second per host by default), bounded
//     concurrency, per-attempt timeouts, retries with exponential backoff
//     and jitter on 429/5xx/timeouts honouring Retry-After, a body-size
//     cap, a redirect limit, http/https only, a User-Agent naming the tool,
//     conditional GET (ETag / Last-Modified) and decoding of non-UTF-8
//     pages by their declared charset. Every attempt is reported to
//     Options.Log (URL, final URL, status, content type, time, bytes,
//     error).
//   - Adapter knows one site: how to build a search URL, which links on a
//     search page are documents and which is the next page, and where the
//     body, the metadata table and the attachments are on a document page.
//     Adapters are registered by name (Register, Lookup) and picked by
//     host (ForHost). Metadata is returned under the keys listed in
//     MetaKeys ("number", "type", "issuer", "issue_date", "signer",
//     "field", "status", "effective_date", "title").
//   - Crawler walks search results page by page and hands every new
//     document (and each of its attachments) to a Sink. Its State is
//     written atomically after every step, so a crawl killed at any point
//     and restarted continues where it stopped and never hands the same
//     URL to the sink twice.
//
// The package never turns HTML into text: a document page is handed on as
// a small UTF-8 HTML document holding only the page's main content, for
// the ingest "html" parser to read.
package fetch

// BUG(fetch): thuvienphapluat.vn serves its downloads (Word/PDF) only to
// logged-in users; the adapter takes the page text and links inside it,
// not the "Tải về" files.

// BUG(fetch): the hethongphapluat.com keyword-search path and the
// vanbanphapluat.co search paging parameter are this package's best
// reading of public scrapers, not confirmed against the live sites; the
// document and listing structures are.
