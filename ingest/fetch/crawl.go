package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"kehoach/corpus"
)

// Document outcomes in State.Done.
const (
	DoneOK      = "ok"
	DoneFailed  = "failed"
	DoneSkipped = "skipped" // out of the --from range, or already ingested
)

// State is a crawl's progress, written atomically (corpus.WriteFileAtomic)
// after every step: the search page to read next, the documents found and
// not yet handled, the handled ones, and documents half done (page
// ingested, attachments pending).
type State struct {
	Site     string              `json:"site"`
	Base     string              `json:"base,omitempty"`
	Query    Query               `json:"query"`
	Started  time.Time           `json:"started"`
	Updated  time.Time           `json:"updated"`
	PageNo   int                 `json:"page_no"`      // the search page number NextPage is
	NextPage string              `json:"next_page"`    // "" once the results are exhausted
	Searched int                 `json:"search_pages"` // search pages read
	Pending  []Result            `json:"pending"`      // found, not handled yet, in result order
	Done     map[string]string   `json:"done"`         // URL -> DoneOK/DoneFailed/DoneSkipped
	Partial  map[string]*Partial `json:"partial,omitempty"`
	// FailedFiles are attachments that failed; a resumed crawl does not
	// fetch them again.
	FailedFiles map[string]bool `json:"failed_files,omitempty"`
	Finished    bool            `json:"finished,omitempty"`
}

// Partial is a document whose page is fetched but whose attachments are
// not all handed on yet. Raw holds the page item until the sink has it,
// so a crash between the two never fetches the page again.
type Partial struct {
	Raw         []byte            `json:"raw,omitempty"`
	Format      string            `json:"format,omitempty"`
	Fetch       corpus.Fetch      `json:"fetch"`
	Meta        map[string]string `json:"meta,omitempty"`
	Attachments []Attachment      `json:"attachments,omitempty"`
	PagePut     bool              `json:"page_put"`
}

// StatePath is where the state of a crawl lives in the data directory:
// one file per site, base and query.
func StatePath(dataDir, site, base string, q Query) string {
	key, _ := json.Marshal(struct {
		S, B string
		Q    Query
	}{site, base, q})
	sum := sha256.Sum256(key)
	return filepath.Join(dataDir, "crawl", site+"-"+hex.EncodeToString(sum[:6])+".json")
}

// LoadState reads a saved state; a missing file gives (nil, nil).
func LoadState(path string) (*State, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var s State
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("fetch: crawl state %s: %w", path, err)
	}
	if s.Done == nil {
		s.Done = map[string]string{}
	}
	if s.Partial == nil {
		s.Partial = map[string]*Partial{}
	}
	if s.FailedFiles == nil {
		s.FailedFiles = map[string]bool{}
	}
	return &s, nil
}

// Event is a crawl progress report.
type Event struct {
	Kind    string // "search", "doc", "file", "skip"
	URL     string
	Outcome string // DoneOK, DoneFailed, DoneSkipped
	Err     error
	Stats   Stats
}

// Stats counts a crawl (over all its runs).
type Stats struct {
	Found, Fetched, Failed, Skipped, Pending, SearchPages int
	Rate                                                  float64 // documents per second in this run
}

// Crawler walks a site's search results and hands every new document to
// a Sink.
type Crawler struct {
	Fetcher     *Fetcher
	Site        Adapter
	Query       Query
	Max         int // stop after this many documents handled in total; 0 = no limit
	Concurrency int // documents in flight; default 2
	StatePath   string
	Sink        Sink
	Progress    func(Event)

	mu      sync.Mutex
	st      *State
	started time.Time
	handled int // documents handled in this run
}

// Run crawls until the results are exhausted, Max is reached or ctx is
// cancelled; the state on disk lets a later Run continue.
func (c *Crawler) Run(ctx context.Context) (*State, error) {
	if c.Site == nil {
		return nil, errors.New("fetch: crawl needs a site adapter")
	}
	if c.Concurrency <= 0 {
		c.Concurrency = 2
	}
	st, err := LoadState(c.StatePath)
	if err != nil {
		return nil, err
	}
	base := ""
	if c.Fetcher.Base != nil {
		base = c.Fetcher.Base.String()
	}
	if st == nil {
		st = &State{Site: c.Site.Name(), Base: base, Query: c.Query, Started: time.Now().UTC(), PageNo: 1,
			Done: map[string]string{}, Partial: map[string]*Partial{}, FailedFiles: map[string]bool{}}
		st.NextPage = c.Site.SearchURL(c.Fetcher.Base, c.Query, 1)
		if st.NextPage == "" {
			return nil, fmt.Errorf("fetch: %s has no search; give --base-url with {query} and {page}", c.Site.Name())
		}
	}
	c.st = st
	c.started = time.Now()
	if err := c.save(); err != nil {
		return st, err
	}
	for {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		if c.Max > 0 && c.doneCount() >= c.Max {
			break
		}
		if len(st.Pending) == 0 && len(st.Partial) == 0 {
			if st.NextPage == "" {
				st.Finished = true
				break
			}
			if err := c.search(ctx); err != nil {
				return st, err
			}
			continue
		}
		if err := c.drain(ctx); err != nil {
			return st, err
		}
	}
	return st, c.save()
}

func (c *Crawler) doneCount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, o := range c.st.Done {
		if o != DoneSkipped {
			n++
		}
	}
	return n
}

func (c *Crawler) save() error {
	c.st.Updated = time.Now().UTC()
	b, err := json.MarshalIndent(c.st, "", " ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(c.StatePath), 0o755); err != nil {
		return err
	}
	return corpus.WriteFileAtomic(c.StatePath, b)
}

func (c *Crawler) stats() Stats {
	s := Stats{Pending: len(c.st.Pending), SearchPages: c.st.Searched}
	for _, o := range c.st.Done {
		switch o {
		case DoneOK:
			s.Fetched++
		case DoneFailed:
			s.Failed++
		case DoneSkipped:
			s.Skipped++
		}
	}
	s.Found = len(c.st.Done) + len(c.st.Pending)
	if el := time.Since(c.started).Seconds(); el > 0 {
		s.Rate = float64(c.handled) / el
	}
	return s
}

func (c *Crawler) emit(e Event) {
	if c.Progress == nil {
		return
	}
	c.mu.Lock()
	e.Stats = c.stats()
	c.mu.Unlock()
	c.Progress(e)
}

// search reads the next search page and queues its new documents.
func (c *Crawler) search(ctx context.Context) error {
	st := c.st
	p, resp, err := c.Fetcher.page(ctx, st.NextPage, nil)
	if err == nil && p == nil && resp != nil && resp.NotModified {
		err = fmt.Errorf("fetch: unexpected 304 for %s", st.NextPage)
	}
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("fetch: search page %s: %w", st.NextPage, err)
	}
	sp, err := c.Site.ParseSearch(p)
	if err != nil {
		return err
	}
	c.mu.Lock()
	queued := map[string]bool{}
	for _, r := range st.Pending {
		queued[r.URL] = true
	}
	fresh := 0
	for _, r := range sp.Results {
		if _, done := st.Done[r.URL]; done || queued[r.URL] {
			continue
		}
		queued[r.URL] = true
		fresh++
		if c.Query.From > 0 && r.Date != "" && yearOf(r.Date) > 0 && yearOf(r.Date) < c.Query.From {
			st.Done[r.URL] = DoneSkipped
			continue
		}
		st.Pending = append(st.Pending, r)
	}
	st.Searched++
	cur := st.NextPage
	switch {
	case sp.Next != "" && sp.Next != cur && fresh > 0:
		st.NextPage = sp.Next
		st.PageNo++
	case sp.Next == "" && fresh > 0 && len(sp.Results) > 0:
		// No pager on the page: try the next page number; a page with
		// nothing new ends the walk.
		st.PageNo++
		st.NextPage = c.Site.SearchURL(c.Fetcher.Base, c.Query, st.PageNo)
		if st.NextPage == cur {
			st.NextPage = ""
		}
	default:
		st.NextPage = ""
	}
	err = c.save()
	c.mu.Unlock()
	c.emit(Event{Kind: "search", URL: cur})
	return err
}

// drain handles the queued documents with bounded concurrency.
func (c *Crawler) drain(ctx context.Context) error {
	c.mu.Lock()
	var work []Result
	for u := range c.st.Partial {
		work = append(work, Result{URL: u})
	}
	inPartial := map[string]bool{}
	for _, w := range work {
		inPartial[w.URL] = true
	}
	for _, r := range c.st.Pending {
		if !inPartial[r.URL] {
			work = append(work, r)
		}
	}
	c.mu.Unlock()

	sem := make(chan struct{}, c.Concurrency)
	var wg sync.WaitGroup
	var firstErr error
	var errMu sync.Mutex
	for _, r := range work {
		if ctx.Err() != nil {
			break
		}
		if c.Max > 0 && c.doneCount()+len(sem) >= c.Max {
			break
		}
		sem <- struct{}{}
		wg.Add(1)
		go func(r Result) {
			defer func() { <-sem; wg.Done() }()
			if err := c.one(ctx, r); err != nil {
				errMu.Lock()
				if firstErr == nil {
					firstErr = err
				}
				errMu.Unlock()
			}
		}(r)
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

// finish marks a document handled and removes it from the queue.
func (c *Crawler) finish(u, outcome string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.st.Done[u] = outcome
	delete(c.st.Partial, u)
	for i, r := range c.st.Pending {
		if r.URL == u {
			c.st.Pending = append(c.st.Pending[:i], c.st.Pending[i+1:]...)
			break
		}
	}
	c.handled++
	return c.save()
}

// one handles one document: its page, then its attachments. Only a
// cancelled context is returned as an error; a document's own failure is
// recorded and the crawl goes on.
func (c *Crawler) one(ctx context.Context, r Result) error {
	c.mu.Lock()
	part := c.st.Partial[r.URL]
	c.mu.Unlock()
	if part == nil {
		if c.Sink.Known(r.URL) {
			c.emit(Event{Kind: "skip", URL: r.URL, Outcome: DoneSkipped})
			return c.finish(r.URL, DoneSkipped)
		}
		if FormatOfURL(r.URL) != "" {
			// The result is itself a file (portal registers link PDFs).
			meta := map[string]string{MetaSite: c.Site.Name()}
			setMeta(meta, MetaTitle, r.Title)
			setMeta(meta, MetaIssueDate, r.Date)
			it, err := c.Fetcher.File(ctx, r.URL, "", meta, nil)
			if err != nil && ctx.Err() != nil {
				return ctx.Err()
			}
			perr := c.Sink.Put(it)
			out := DoneOK
			if err != nil || perr != nil {
				out = DoneFailed
			}
			if ferr := c.finish(r.URL, out); ferr != nil {
				return ferr
			}
			c.emit(Event{Kind: "file", URL: r.URL, Outcome: out, Err: errors.Join(err, perr)})
			return nil
		}
		fd, err := c.Fetcher.Document(ctx, r.URL, nil)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			c.Sink.Put(fd.Item)
			if ferr := c.finish(r.URL, DoneFailed); ferr != nil {
				return ferr
			}
			c.emit(Event{Kind: "doc", URL: r.URL, Outcome: DoneFailed, Err: err})
			return nil
		}
		part = &Partial{Raw: fd.Item.Raw, Format: fd.Item.Format, Fetch: fd.Item.Fetch, Meta: fd.Item.Meta}
		if fd.Doc != nil {
			part.Attachments = fd.Doc.Attachments
		}
		if part.Meta == nil {
			part.Meta = map[string]string{}
		}
		setMeta(part.Meta, MetaIssueDate, r.Date)
		c.mu.Lock()
		c.st.Partial[r.URL] = part
		err = c.save()
		c.mu.Unlock()
		if err != nil {
			return err
		}
	}
	outcome := DoneOK
	var docErr error
	if !part.PagePut {
		// Put even when the sink already knows the URL: a crash may have
		// come between its ingest and its record of the fetch, and the
		// same bytes again are no second ingest.
		it := &Item{URL: r.URL, Format: part.Format, Raw: part.Raw, Meta: part.Meta, Fetch: part.Fetch}
		if err := c.Sink.Put(it); err != nil {
			docErr = err
		}
		// Without attachments the next step is finish, which saves; with
		// them, save now so a stop while fetching them does not hand the
		// page on again (harmless for the store: same bytes, no second
		// ingest, but the sink need not see it twice).
		c.mu.Lock()
		part.PagePut, part.Raw = true, nil
		var err error
		if len(part.Attachments) > 0 {
			err = c.save()
		}
		c.mu.Unlock()
		if err != nil {
			return err
		}
	}
	for _, att := range part.Attachments {
		if c.Sink.Known(att.URL) {
			continue
		}
		c.mu.Lock()
		tried := c.st.FailedFiles[att.URL]
		c.mu.Unlock()
		if tried {
			continue
		}
		it, err := c.Fetcher.File(ctx, att.URL, r.URL, part.Meta, nil)
		if err != nil && ctx.Err() != nil {
			return ctx.Err()
		}
		if it.Format == "" {
			it.Format = att.Format
		}
		perr := c.Sink.Put(it)
		if err != nil || perr != nil {
			// A failed attachment is remembered so a resumed crawl does
			// not fetch it again.
			c.mu.Lock()
			c.st.FailedFiles[att.URL] = true
			c.save()
			c.mu.Unlock()
		}
		c.emit(Event{Kind: "file", URL: att.URL, Outcome: map[bool]string{true: DoneFailed, false: DoneOK}[err != nil || perr != nil], Err: errors.Join(err, perr)})
	}
	if docErr != nil {
		outcome = DoneFailed
	}
	if err := c.finish(r.URL, outcome); err != nil {
		return err
	}
	c.emit(Event{Kind: "doc", URL: r.URL, Outcome: outcome, Err: docErr})
	return nil
}
