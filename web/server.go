package web

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"mime"
	"net/http"
	"path"
	"regexp"
	"strings"
	"sync"
	"time"

	"kehoach/corpus"
	"kehoach/extract/indicator"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Limits and defaults.
const (
	MaxQueryBytes    = 4 << 10  // longest accepted query string
	MaxFormBytes     = 64 << 10 // longest accepted non-upload body
	DefaultTimeout   = 10 * time.Second
	DefaultMaxUpload = 20 << 20
	pageSize         = 10
)

// Options configure the application.
type Options struct {
	Store   Store    // required
	Search  Searcher // nil: the search page says the index is missing
	Compare Comparer // nil: the compare page says so
	Ingest  IngestFunc
	// AllowIngest enables POST /api/ingest and the upload page. Ingest
	// must be set too.
	AllowIngest bool
	// IngestTypes are the accepted upload formats (file extensions
	// without the dot); empty means txt, md, html, pdf, docx.
	IngestTypes []string
	MaxUpload   int64         // bytes; 0 means DefaultMaxUpload
	Timeout     time.Duration // per handler; 0 means DefaultTimeout
	Indicators  []Indicator   // indicator ids and names for the filters and the compare page
	Logf        func(format string, args ...any)
	// CacheSize is how many search results are kept (keyed by the query
	// and the store's state); 0 means 256, negative disables the cache.
	CacheSize int
}

// Indicator is an indicator id with its display names.
type Indicator struct {
	ID string `json:"id"`
	VI string `json:"vi"`
	EN string `json:"en,omitempty"`
}

// Server is the application; it implements http.Handler.
type Server struct {
	opt     Options
	cat     catalogCache
	pages   map[string]*templateSet
	mux     *http.ServeMux
	h       http.Handler
	ingestM sync.Mutex
	cache   *resultCache
	docs    *lru[*docView]
	ind     map[string]Indicator
}

// New builds the application.
func New(opt Options) (*Server, error) {
	if opt.Store == nil {
		return nil, errors.New("web: no store")
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MaxUpload <= 0 {
		opt.MaxUpload = DefaultMaxUpload
	}
	if len(opt.IngestTypes) == 0 {
		opt.IngestTypes = []string{"txt", "md", "html", "htm", "pdf", "docx"}
	}
	if opt.Logf == nil {
		opt.Logf = log.Printf
	}
	if opt.CacheSize == 0 {
		opt.CacheSize = 256
	}
	s := &Server{opt: opt, cat: catalogCache{st: opt.Store}, mux: http.NewServeMux(), cache: newResultCache(opt.CacheSize), docs: newLRU[*docView](32)}
	if opt.Indicators == nil {
		for _, in := range indicator.All() {
			opt.Indicators = append(opt.Indicators, Indicator{ID: in.ID, VI: in.NameVI, EN: in.NameEN})
		}
	}
	s.ind = map[string]Indicator{}
	for _, in := range opt.Indicators {
		s.ind[in.ID] = in
	}
	var err error
	if s.pages, err = parseTemplates(); err != nil {
		return nil, err
	}
	s.routes()
	s.h = s.secure(s.mux)
	return s, nil
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.h.ServeHTTP(w, r) }

func (s *Server) routes() {
	handle := func(pattern string, h http.HandlerFunc) {
		s.mux.Handle(pattern, http.TimeoutHandler(h, s.opt.Timeout, "timeout\n"))
	}
	handle("GET /{$}", s.searchPage)
	handle("GET /search", s.searchPage)
	handle("GET /documents", s.documentsPage)
	handle("GET /doc/{id}", s.documentPage)
	handle("GET /doc/{id}/raw", s.rawFile)
	handle("GET /compare", s.comparePage)
	handle("GET /provinces", s.provincesPage)
	handle("GET /province/{code}", s.provincePage)
	handle("GET /citations", s.citationsPage)
	handle("GET /citation", s.citationPage)
	handle("GET /lang/{lang}", s.setLang)
	handle("GET /static/{file}", s.static)

	handle("GET /api/search", s.apiSearch)
	handle("GET /api/documents", s.apiDocuments)
	handle("GET /api/documents/{id}", s.apiDocument)
	handle("GET /api/records", s.apiRecords)
	handle("GET /api/compare", s.apiCompare)
	handle("GET /api/export", s.apiExport)
	handle("GET /api/provinces/{code}", s.apiProvince)
	handle("GET /api/citations", s.apiCitations)
	if s.opt.AllowIngest && s.opt.Ingest != nil {
		handle("GET /upload", s.uploadPage)
		// The upload gets a longer deadline: parsing a PDF can be slow.
		s.mux.Handle("POST /api/ingest", http.TimeoutHandler(http.HandlerFunc(s.apiIngest), 4*s.opt.Timeout, "timeout\n"))
	}
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.notFound(w, r)
	})
}

// csp allows only the application's own scripts, styles and images: no
// inline script or style, no framing, no plugins.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'"

// secure sets the security headers and enforces the request limits
// before any handler runs.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if len(r.URL.RawQuery) > MaxQueryBytes || len(r.URL.Path) > MaxQueryBytes {
			http.Error(w, "web: query string too long", http.StatusRequestURITooLong)
			return
		}
		if r.Method != http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, MaxFormBytes)
		}
		next.ServeHTTP(w, r)
	})
}

// Handler returns http.Server settings suited to the application: header
// and body timeouts so slow clients cannot hold connections.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       2 * time.Minute, // uploads
		WriteTimeout:      5*s.opt.Timeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    16 << 10,
	}
}

// idPattern is a stored document ID: the hex SHA-256 of its bytes. IDs
// are checked before they reach the store, so no path can be smuggled in.
var idPattern = regexp.MustCompile(`^[0-9a-f]{64}$`)

func (s *Server) docID(w http.ResponseWriter, r *http.Request) (*DocSummary, *catalog, bool) {
	id := r.PathValue("id")
	if !idPattern.MatchString(id) {
		s.notFound(w, r)
		return nil, nil, false
	}
	c, err := s.cat.get()
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	d := c.byID[id]
	if d == nil {
		s.notFound(w, r)
		return nil, nil, false
	}
	return d, c, true
}

// rawFile serves the original bytes of a stored document. Only formats
// that a browser shows harmlessly are inline (plain text, PDF), under a
// sandbox CSP; everything else (HTML above all) is an attachment.
func (s *Server) rawFile(w http.ResponseWriter, r *http.Request) {
	d, _, ok := s.docID(w, r)
	if !ok {
		return
	}
	b, err := s.opt.Store.Raw(d.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	name := safeFileName(path.Base(strings.ReplaceAll(d.Source, "\\", "/")))
	if name == "" {
		name = d.ID[:12] + "." + d.Format
	}
	h := w.Header()
	h.Set("Content-Security-Policy", "sandbox; default-src 'none'")
	switch d.Format {
	case "txt", "md":
		h.Set("Content-Type", "text/plain; charset=utf-8")
		h.Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": name}))
	case "pdf":
		h.Set("Content-Type", "application/pdf")
		h.Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": name}))
	default:
		h.Set("Content-Type", "application/octet-stream")
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	}
	w.Write(b)
}

// safeFileName keeps letters, digits and . _ - of a name.
func safeFileName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '_', r == '-':
			b.WriteRune(r)
		case r > 127:
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	out := strings.TrimLeft(b.String(), ".")
	if len(out) > 120 {
		out = out[:120]
	}
	return out
}

// static serves the embedded assets; there is no directory listing.
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	b, err := fs.ReadFile(staticFS, "static/"+name)
	if err != nil || strings.Contains(name, "/") {
		s.notFound(w, r)
		return
	}
	switch path.Ext(name) {
	case ".css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
	case ".js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	case ".svg":
		w.Header().Set("Content-Type", "image/svg+xml")
	default:
		w.Header().Set("Content-Type", "application/octet-stream")
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(b)
}

// setLang stores the interface language in a cookie and goes back to
// the page (a local path only: no open redirect).
func (s *Server) setLang(w http.ResponseWriter, r *http.Request) {
	l := r.PathValue("lang")
	if l != "vi" && l != "en" {
		s.notFound(w, r)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "lang", Value: l, Path: "/", MaxAge: 365 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	next := r.URL.Query().Get("next")
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.Contains(next, "\\") {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func lang(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l == "en" || l == "vi" {
		return l
	}
	if c, err := r.Cookie("lang"); err == nil && (c.Value == "en" || c.Value == "vi") {
		return c.Value
	}
	return "vi"
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.errorPage(w, r, http.StatusNotFound, "not_found")
}

func (s *Server) badRequest(w http.ResponseWriter, r *http.Request, msg string) {
	if isAPI(r) {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": msg})
		return
	}
	s.errorPage(w, r, http.StatusBadRequest, msg)
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, corpus.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	s.opt.Logf("web: %s %s: %v", r.Method, r.URL.Path, err)
	s.errorPage(w, r, http.StatusInternalServerError, "internal_error")
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, code int, msg string) {
	if isAPI(r) {
		writeJSON(w, code, map[string]string{"error": msg})
		return
	}
	p := s.newPage(r, "error")
	p.Status = code
	p.Message = msg
	s.render(w, code, "error", p)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(w, "\n")
	}
}
