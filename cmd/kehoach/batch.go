package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"

	"kehoach/corpus"
	"kehoach/ingest"
)

// Batch hooks: beforeBatch runs before a batch opens (the index opens and
// repairs itself then, while the manifest on disk is still the whole
// truth); afterFlush runs after each batch flush has made the store's
// documents durable (the index starts committing what it staged, with
// the store's new stamp, in the background); afterBatch runs at the end
// (the index waits for its last commit).
var (
	beforeBatch []func(st *corpus.Store) error
	afterFlush  []func(st *corpus.Store) error
	afterBatch  []func(st *corpus.Store) error
)

// bulkHeap sets the collector for bulk indexing and returns what
// restores it. Two batches can be in memory at once (one committing, one
// being read), and bleve's merges allocate in bursts: a soft ceiling on
// the heap keeps the process well under 1 GiB (unless GOMEMLIMIT is set).
// Under that ceiling the collector may let the heap grow to five times
// what is live (unless GOGC is set): at Go's default of twice, collection
// was a fifth of ingest CPU.
func bulkHeap() (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	limit := debug.SetMemoryLimit(512 << 20)
	gc := -1
	if os.Getenv("GOGC") == "" {
		gc = debug.SetGCPercent(400)
	}
	return func() {
		debug.SetMemoryLimit(limit)
		if gc != -1 {
			debug.SetGCPercent(gc)
		}
	}
}

// batchBytes is how much text a batch holds before it is flushed: large
// enough that the index writes few segments, small enough to keep the
// memory of a batch well under the 1 GiB the tool promises. Measured on
// 10 000 plans with five bleve indexes: 4 MiB batches peaked at 985 MiB
// RSS (30.8 docs/s), 2 MiB at 583 MiB (28.7 docs/s).
var batchBytes = envBytes("KEHOACH_BATCH_BYTES", 2<<20)

// runBatch ingests files: reading, decoding and extraction run on every
// core; storing, the afterIngest hooks and done run on the calling
// goroutine in the order of files. The store defers its manifest and the
// index stages its entries until each flush (every batchBytes of text
// and at the end), so a batch of n files writes the manifest and the
// index a few times, not n times. A crash loses at most the documents
// since the last flush; the store and the index still agree.
func runBatch(ctx context.Context, st *corpus.Store, files []string, opt ingest.Options, done func(string, ingestResult)) error {
	if len(files) == 0 {
		return nil
	}
	for _, h := range beforeBatch {
		if err := h(st); err != nil {
			return err
		}
	}
	if err := st.Defer(true); err != nil {
		return err
	}
	defer bulkHeap()()
	flush := func() error {
		if err := st.Flush(); err != nil {
			return err
		}
		for _, h := range afterFlush {
			if err := h(st); err != nil {
				return err
			}
		}
		return nil
	}

	type result struct {
		n        int
		raw      []byte
		doc      *corpus.Document
		rec      *corpus.Extraction
		err      error
		readFail bool
	}
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan int)
	// Room for the workers to go on while a flush writes the manifest.
	results := make(chan result, 4*workers)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(jobs)
		for i := range files {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for w := 0; w < workers; w++ {
		go func() {
			for i := range jobs {
				r := result{n: i}
				r.raw, r.err = os.ReadFile(files[i])
				if r.err != nil {
					r.readFail = true
				} else {
					r.doc, r.rec, r.err = process(files[i], ingest.FormatOf(files[i]), r.raw, opt)
				}
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}

	var ferr error
	pending, text := map[int]result{}, 0
	for next := 0; next < len(files); {
		r := <-results
		pending[r.n] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			path := files[next]
			next++
			var res ingestResult
			if r.readFail {
				e := corpus.Entry{Source: path, Format: ingest.FormatOf(path), Status: corpus.StatusFailed, Error: r.err.Error()}
				st.Record(e)
				res = ingestResult{Entry: e, Err: r.err}
			} else {
				res = storeProcessed(st, path, ingest.FormatOf(path), r.raw, r.doc, r.rec, r.err)
			}
			if r.doc != nil && !res.Unchanged {
				text += len(r.doc.Text)
			}
			done(path, res)
			if text >= batchBytes && ferr == nil {
				text = 0
				ferr = flush()
			}
		}
	}
	if err := st.Defer(false); err != nil && ferr == nil {
		ferr = err
	}
	if ferr == nil {
		ferr = flush()
	}
	for _, h := range afterBatch {
		if err := h(st); err != nil && ferr == nil {
			ferr = err
		}
	}
	if ferr != nil {
		return fmt.Errorf("ingest: writing the batch: %w", ferr)
	}
	return nil
}

// envBytes reads a size in bytes from the environment (for benchmarks
// that vary the batch size), else def.
func envBytes(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}
