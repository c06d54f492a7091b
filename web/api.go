package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"strconv"
	"strings"

	"kehoach/corpus"
)

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	if s.opt.Search == nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": "no search index: run kehoach reindex"})
		return
	}
	q, _, bad := parseQuery(r.URL.Query())
	if bad != "" {
		s.badRequest(w, r, bad)
		return
	}
	res, err := s.search(r, q)
	if err != nil {
		if userError(err) {
			s.badRequest(w, r, err.Error())
			return
		}
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) apiDocuments(w http.ResponseWriter, r *http.Request) {
	c, err := s.cat.get()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := c.docs
	if out == nil {
		out = []*DocSummary{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"documents": out, "total": len(out)})
}

// documentJSON is /api/documents/{id}: the summary, the SCHEMA.md record
// and, with ?text=1, the normalised text the spans point into.
type documentJSON struct {
	*DocSummary
	Record *corpus.Extraction `json:"record"`
	Text   *string            `json:"text,omitempty"`
}

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) {
	d, _, ok := s.docID(w, r)
	if !ok {
		return
	}
	out := documentJSON{DocSummary: d, Record: d.extraction}
	if r.URL.Query().Get("text") == "1" {
		doc, err := s.opt.Store.Document(d.ID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		out.Text = &doc.Text
	}
	writeJSON(w, http.StatusOK, out)
}

// apiRecords lists records across documents with filters.
func (s *Server) apiRecords(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	f := RecordFilter{
		Kind:        v.Get("kind"),
		Province:    v.Get("province"),
		ProvinceNow: v.Get("province_now"),
		Indicator:   v.Get("indicator"),
		DocID:       v.Get("doc"),
		Citation:    v.Get("citation"),
	}
	if f.Kind != "" && !validKind(f.Kind) {
		s.badRequest(w, r, "bad kind "+strconv.Quote(f.Kind)+", want citation|target|achieved|budget|project")
		return
	}
	if y := v.Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil {
			s.badRequest(w, r, "bad year "+strconv.Quote(y)+", want YYYY")
			return
		}
		f.Year = n
	}
	limit := 1000
	if l := v.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 10000 {
			s.badRequest(w, r, "bad limit "+strconv.Quote(l)+", want 1..10000")
			return
		}
		limit = n
	}
	c, err := s.cat.get()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	recs := c.filter(f)
	total := len(recs)
	if len(recs) > limit {
		recs = recs[:limit]
	}
	if recs == nil {
		recs = []Record{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"filter": f, "total": total, "records": recs})
}

func (s *Server) apiProvince(w http.ResponseWriter, r *http.Request) {
	v, ok, err := s.provinceData(r.PathValue("code"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !ok {
		s.notFound(w, r)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func (s *Server) apiCitations(w http.ResponseWriter, r *http.Request) {
	v, err := s.citationsData(r.URL.Query().Get("key"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"citations": v, "total": len(v)})
}

// ---- upload (only with --allow-ingest) ----

type uploadView struct {
	Types []string
	Max   int64
}

func (s *Server) uploadPage(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "upload")
	p.Data = uploadView{Types: s.opt.IngestTypes, Max: s.opt.MaxUpload}
	s.render(w, http.StatusOK, "upload", p)
}

// errTooLarge is reported for an upload over the limit.
var errTooLarge = errors.New("web: upload too large")

// apiIngest takes one multipart file (field "file") and ingests it under
// the source "upload/NAME". Requests from other sites are refused: a
// cross-site form must not be able to write into the store.
func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		writeJSON(w, http.StatusForbidden, map[string]string{"error": "cross-site upload refused"})
		return
	}
	if o := r.Header.Get("Origin"); o != "" && o != "null" && !sameHost(o, r.Host) {
		writeJSON(w, http.StatusForbidden, map[string]string{"error": "cross-origin upload refused"})
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxUpload+64<<10)
	mr, err := r.MultipartReader()
	if err != nil {
		s.badRequest(w, r, "want multipart/form-data with a file field")
		return
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			s.badRequest(w, r, "no file field")
			return
		}
		if err != nil {
			s.uploadError(w, r, err)
			return
		}
		if part.FormName() != "file" {
			continue
		}
		name := safeFileName(path.Base(strings.ReplaceAll(part.FileName(), "\\", "/")))
		ext := strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))
		if name == "" || !contains(s.opt.IngestTypes, ext) {
			writeJSON(w, http.StatusUnsupportedMediaType, map[string]string{"error": fmt.Sprintf("file type %q not accepted, want one of %s", ext, strings.Join(s.opt.IngestTypes, ", "))})
			return
		}
		raw, err := io.ReadAll(io.LimitReader(part, s.opt.MaxUpload+1))
		if err != nil {
			s.uploadError(w, r, err)
			return
		}
		if int64(len(raw)) > s.opt.MaxUpload {
			s.uploadError(w, r, errTooLarge)
			return
		}
		if ext == "htm" {
			ext = "html"
		}
		s.ingestM.Lock()
		id, err := s.opt.Ingest("upload/"+name, ext, raw)
		s.ingestM.Unlock()
		if err != nil {
			writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": err.Error(), "id": id})
			return
		}
		writeJSON(w, http.StatusCreated, map[string]string{"id": id, "source": "upload/" + name, "url": "/doc/" + id})
		return
	}
}

func (s *Server) uploadError(w http.ResponseWriter, r *http.Request, err error) {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) || errors.Is(err, errTooLarge) {
		writeJSON(w, http.StatusRequestEntityTooLarge, map[string]string{"error": fmt.Sprintf("upload larger than %d bytes", s.opt.MaxUpload)})
		return
	}
	s.badRequest(w, r, "bad upload: "+err.Error())
}

func sameHost(origin, host string) bool {
	o := strings.TrimPrefix(strings.TrimPrefix(origin, "http://"), "https://")
	return o == host
}
