package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"syscall"

	"github.com/urfave/cli/v2"

	"kehoach/corpus"
	"kehoach/index"
)

func init() {
	afterIngest = append(afterIngest, indexHook)
	beforeBatch = append(beforeBatch, func(st *corpus.Store) error {
		_, _, err := openIndex(st)
		return err
	})
	afterFlush = append(afterFlush, commitStaged)
	afterBatch = append(afterBatch, waitCommit)
	// After any command that indexed documents (ingest, fetch, crawl,
	// demo, serve's uploads), merge the one-segment-per-document index the
	// hook wrote and close it.
	atExit = append(atExit, finishIndexes)
	register(&cli.Command{
		Name:  "reindex",
		Usage: "rebuild the search index from the stored documents and records",
		Description: `Rebuilds the index of the data directory from the store (the texts and
record.json files), beside the old index, then renames it into place.
Ingest keeps the index up to date by itself and every reader repairs a
stale index on open; reindex is for a changed analyzer, a damaged index
or re-extracted records.

Example:
   kehoach --data ./kehoach-data reindex`,
		Action: func(c *cli.Context) error {
			st, err := openStore(c)
			if err != nil {
				return err
			}
			closeIndex(st)
			defer bulkHeap()()
			ix, s, err := index.Rebuild(st.IndexDir(), st, storeStamp(st))
			if err != nil {
				return err
			}
			defer ix.Close()
			n, _ := ix.Count()
			fmt.Fprintf(c.App.Writer, "reindex: %d documents, %d citations, %d targets, %d budgets, %d projects; index %s\n",
				s.Indexed, n[index.KindCitation], n[index.KindTarget], n[index.KindBudget], n[index.KindProject], humanBytes(ix.Size()))
			return nil
		},
	})
}

// The index of each data directory stays open for the life of the
// process: bleve allows one writer, and ingest indexes document after
// document.
var (
	indexMu    sync.Mutex
	indexes    = map[string]*openedIndex{}
	indexFails = map[string]bool{} // a hook failed: stop advancing the stamp
)

type openedIndex struct {
	ix       *index.Index
	readOnly bool
}

// storeStamp fingerprints the store's manifest (size, modification time,
// inode). Every store change rewrites the manifest through a rename, so
// a changed store has a changed stamp.
func storeStamp(st *corpus.Store) string {
	fi, err := os.Stat(filepath.Join(st.Dir, "manifest.json"))
	if err != nil {
		return "empty"
	}
	ino := uint64(0)
	if s, ok := fi.Sys().(*syscall.Stat_t); ok {
		ino = s.Ino
	}
	return fmt.Sprintf("%d:%d:%d", fi.Size(), fi.ModTime().UnixNano(), ino)
}

// openIndex opens the store's index and brings it in line with the store
// when its stamp says it is stale (a crash between a store write and the
// index write, a failed ingest, records re-extracted).
func openIndex(st *corpus.Store) (ix *index.Index, synced bool, err error) {
	indexMu.Lock()
	defer indexMu.Unlock()
	if o, ok := indexes[st.Dir]; ok {
		return o.ix, false, nil
	}
	ix, err = index.Open(st.IndexDir(), st)
	if err != nil {
		return nil, false, err
	}
	if stamp := storeStamp(st); ix.Stamp() != stamp {
		// Sync trusts the manifest: a lazily opened store must read it
		// now, and fail here rather than empty the index.
		if err := st.Load(); err != nil {
			ix.Close()
			return nil, false, err
		}
		if _, err := ix.Sync(stamp); err != nil {
			ix.Close()
			return nil, false, err
		}
		synced = true
	}
	indexes[st.Dir] = &openedIndex{ix: ix}
	return ix, synced, nil
}

// openIndexRead opens the store's index for reading: read-only (no
// background work) when it is current, else through openIndex, which
// repairs it.
func openIndexRead(st *corpus.Store) (*index.Index, error) {
	indexMu.Lock()
	if o, ok := indexes[st.Dir]; ok {
		indexMu.Unlock()
		return o.ix, nil
	}
	indexMu.Unlock()
	if ix, err := index.OpenReadOnly(st.IndexDir(), st); err == nil {
		if ix.Stamp() == storeStamp(st) {
			indexMu.Lock()
			indexes[st.Dir] = &openedIndex{ix: ix, readOnly: true}
			indexMu.Unlock()
			return ix, nil
		}
		ix.Close()
	}
	ix, _, err := openIndex(st)
	return ix, err
}

// finishIndexes compacts and closes every index this process opened
// for writing.
func finishIndexes() {
	indexMu.Lock()
	defer indexMu.Unlock()
	for dir, o := range indexes {
		o.ix.Compact(context.Background())
		o.ix.Close()
		delete(indexes, dir)
	}
}

// closeIndex closes the store's index if this process opened it.
func closeIndex(st *corpus.Store) {
	indexMu.Lock()
	defer indexMu.Unlock()
	if o, ok := indexes[st.Dir]; ok {
		delete(indexes, st.Dir)
		if o.readOnly {
			// Nothing to write: closing unmaps the segments, two
			// milliseconds of a search process that is about to exit.
			go o.ix.Close()
			return
		}
		o.ix.Close()
	}
}

// indexHook indexes each stored document (the afterIngest hook).
func indexHook(st *corpus.Store, doc *corpus.Document, rec *corpus.Extraction) error {
	ix, synced, err := openIndex(st)
	if err != nil {
		return err
	}
	if synced {
		return nil // Sync read the store, which already holds doc
	}
	indexMu.Lock()
	stamp := storeStamp(st)
	if indexFails[st.Dir] {
		stamp = "" // an earlier document failed: leave the stamp stale
	}
	indexMu.Unlock()
	put := func() error { return ix.Put(doc, rec, stamp) }
	if st.Deferring() {
		// A batch: commitStaged writes it after the store's flush.
		put = func() error { return ix.Stage(doc, rec) }
	}
	if err := put(); err != nil {
		indexMu.Lock()
		indexFails[st.Dir] = true
		indexMu.Unlock()
		return err
	}
	return nil
}

// commitStaged starts committing what indexHook staged during a batch,
// once the store has flushed it (the afterFlush hook); the batch goes on
// meanwhile.
func commitStaged(st *corpus.Store) error {
	indexMu.Lock()
	o, ok := indexes[st.Dir]
	stamp := storeStamp(st)
	if indexFails[st.Dir] {
		stamp = ""
	}
	indexMu.Unlock()
	if !ok {
		return nil
	}
	return indexFailed(st, o.ix.StartCommit(stamp))
}

// waitCommit waits for the index's last commit of a batch (the
// afterBatch hook).
func waitCommit(st *corpus.Store) error {
	indexMu.Lock()
	o, ok := indexes[st.Dir]
	indexMu.Unlock()
	if !ok {
		return nil
	}
	return indexFailed(st, o.ix.Wait())
}

// indexFailed records that a commit failed, so that no later commit
// claims the index current, and says what to do.
func indexFailed(st *corpus.Store, err error) error {
	if err == nil {
		return nil
	}
	indexMu.Lock()
	indexFails[st.Dir] = true
	indexMu.Unlock()
	return fmt.Errorf("stored, but indexing failed (run kehoach reindex): %w", err)
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
