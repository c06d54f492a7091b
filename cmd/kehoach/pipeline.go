package main

import (
	"errors"
	"fmt"
	"time"

	"kehoach/corpus"
	"kehoach/extract"
	"kehoach/ingest"
)

// afterIngest hooks run after a document and its record are stored (the
// search index registers one). A hook's error is reported for that
// document; the store already holds it, and `kehoach reindex` repairs.
var afterIngest []func(st *corpus.Store, doc *corpus.Document, rec *corpus.Extraction) error

// ingestResult is what happened to one source.
type ingestResult struct {
	Entry     corpus.Entry
	Doc       *corpus.Document
	Rec       *corpus.Extraction
	Unchanged bool
	Err       error
}

// process ingests and extracts raw bytes without storing them.
func process(source, format string, raw []byte, opt ingest.Options) (*corpus.Document, *corpus.Extraction, error) {
	doc, err := ingest.Bytes(source, format, raw, opt)
	if err != nil {
		return nil, nil, err
	}
	rec, err := extract.Run(doc)
	if err != nil {
		return nil, nil, err
	}
	return doc, rec, nil
}

// ingestRaw ingests raw bytes from source into the store: the one path
// that files, fetched pages and crawled documents all take. Bytes already
// stored for the same source are a no-op. A failure is recorded in the
// manifest and returned; it never stops the caller's batch.
func ingestRaw(st *corpus.Store, source, format string, raw []byte, opt ingest.Options) ingestResult {
	doc, rec, err := process(source, format, raw, opt)
	return storeProcessed(st, source, format, raw, doc, rec, err)
}

// storeProcessed is the second half of ingestRaw: it stores what process
// returned for raw (or records its error) and runs the afterIngest hooks.
// It is not safe for concurrent use on one store; process is.
func storeProcessed(st *corpus.Store, source, format string, raw []byte, doc *corpus.Document, rec *corpus.Extraction, err error) ingestResult {
	e := corpus.Entry{Source: source, Format: format, Size: int64(len(raw)), Ingested: time.Now().UTC()}
	if err != nil {
		if old, ok := st.Lookup(source); ok && old.Status == corpus.StatusOK {
			// Keep the good old version; report the failure.
			return ingestResult{Entry: old, Err: err}
		}
		e.Status, e.Error = corpus.StatusFailed, err.Error()
		if errors.Is(err, ingest.ErrEmpty) || errors.Is(err, ingest.ErrNoTextLayer) {
			e.Status = corpus.StatusSkipped
		}
		if rerr := st.Record(e); rerr != nil {
			err = fmt.Errorf("%w (and the manifest could not be written: %v)", err, rerr)
		}
		return ingestResult{Entry: e, Err: err}
	}
	e.ID = doc.ID
	if old, ok := st.Lookup(source); ok && old.ID == doc.ID && old.Status == corpus.StatusOK && st.Has(doc.ID) {
		return ingestResult{Entry: old, Doc: doc, Rec: rec, Unchanged: true}
	}
	e.Status = corpus.StatusOK
	e.Province = rec.Document.Province
	if rec.Document.Period != nil {
		e.Year = rec.Document.Period.To
	}
	if err := st.Put(raw, doc, rec, e); err != nil {
		return ingestResult{Entry: e, Err: err}
	}
	for _, h := range afterIngest {
		if err := h(st, doc, rec); err != nil {
			return ingestResult{Entry: e, Doc: doc, Rec: rec, Err: fmt.Errorf("%s: stored, but indexing failed (run kehoach reindex): %w", source, err)}
		}
	}
	return ingestResult{Entry: e, Doc: doc, Rec: rec}
}
