package main

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"kehoach/corpus"
	"kehoach/ingest"
	"kehoach/ingest/fetch"
)

func init() {
	register(&cli.Command{
		Name:      "fetch",
		Usage:     "download documents from legal portals and provincial sites and ingest them",
		ArgsUsage: "URL...",
		Description: `Fetches each URL with the adapter of its site (thuvienphapluat.vn, vbpl.vn,
luatvietnam.vn, hethongphapluat.com, vanbanphapluat.co; any other host is
read as a provincial portal): the document's main content and the portal's
metadata table (số hiệu, loại văn bản, cơ quan ban hành, ngày ban hành,
người ký, lĩnh vực, tình trạng hiệu lực), then every PDF/DOC/DOCX it links,
each ingested as a source of its own. A URL ending in .pdf/.doc/.docx is
ingested as that file.

Requests are polite: robots.txt is obeyed, one request per second per host
by default, failures retried with backoff (honouring Retry-After), bodies
capped. A URL fetched before is asked for with its ETag/Last-Modified, so
an unchanged page is not downloaded again. Every request is logged in
DATA/fetchlog.jsonl and every source in the manifest, with its URL, final
URL, status, content type, time, bytes and error.

--site forces an adapter (mirrors, saved copies); --base-url fetches from
another server (a mirror, or a local copy in tests) instead of the site.

Example:
   kehoach fetch https://thuvienphapluat.vn/van-ban/Cong-nghe-thong-tin/Ke-hoach-125-KH-UBND-2021-480001.aspx
   kehoach fetch --site portal https://sotttt.kontum.gov.vn/van-ban/chi-tiet/ke-hoach-125
   kehoach fetch --rate 0.5 https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=142000`,
		Flags: append(fetchFlags(),
			&cli.BoolFlag{Name: "ocr", Usage: "OCR fetched PDFs without a text layer (needs tesseract with vie)"},
		),
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return fmt.Errorf("fetch: no URL given")
			}
			st, err := openStore(c)
			if err != nil {
				return err
			}
			f, closeLog, err := newFetcher(c, st)
			if err != nil {
				return err
			}
			defer closeLog()
			sink := newStoreSink(st, ingest.Options{OCR: c.Bool("ocr")}, c.App.Writer, c.App.ErrWriter)
			for _, u := range c.Args().Slice() {
				if err := f.FetchOne(c.Context, u, sink); err != nil && c.Context.Err() != nil {
					break
				}
			}
			sum := sink.summary()
			fmt.Fprintf(c.App.Writer, "fetch: %d ingested, %d unchanged, %d skipped, %d failed\n", sum.Ingested, sum.Unchanged, sum.Skipped, sum.Failed)
			if c.Context.Err() != nil {
				return &exitError{code: 130, msg: "fetch: interrupted"}
			}
			if sink.failed() > 0 {
				return &exitError{code: 1}
			}
			return nil
		},
	})
}

// fetchFlags are the flags fetch and crawl share.
func fetchFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "site", Usage: "site adapter: " + strings.Join(fetch.Names(), ", ") + " (default: by host)"},
		&cli.StringFlag{Name: "base-url", Usage: "fetch from this scheme://host instead of the site's own (mirrors, local copies); for --site portal it may hold {query} and {page}"},
		&cli.Float64Flag{Name: "rate", Value: fetch.DefaultRate, Usage: "requests per second per host (0 or negative: no limit)"},
		&cli.IntFlag{Name: "concurrency", Value: fetch.DefaultConcurrency, Usage: "requests in flight at once"},
		&cli.DurationFlag{Name: "timeout", Value: fetch.DefaultTimeout, Usage: "timeout of one request, body included"},
		&cli.IntFlag{Name: "retries", Value: fetch.DefaultRetries, Usage: "retries after a 429, 5xx, timeout or network error (negative: none)"},
		&cli.DurationFlag{Name: "max-retry-after", Value: fetch.DefaultMaxRetryAfter, Usage: "give up when a server asks to wait longer than this"},
		&cli.Int64Flag{Name: "max-body", Value: fetch.DefaultMaxBody, Usage: "largest body accepted, in bytes"},
		&cli.IntFlag{Name: "max-redirects", Value: fetch.DefaultMaxRedirects, Usage: "redirects followed per request"},
		&cli.StringFlag{Name: "user-agent", Value: fetch.DefaultUserAgent, Usage: "User-Agent sent (its first word is matched against robots.txt)"},
		&cli.BoolFlag{Name: "ignore-robots", Usage: "do not read robots.txt (only for sites you are allowed to crawl)"},
	}
}

// newFetcher builds the fetcher from the shared flags, logging every
// request to DATA/fetchlog.jsonl.
func newFetcher(c *cli.Context, st *corpus.Store) (*fetch.Fetcher, func(), error) {
	var site fetch.Adapter
	if name := c.String("site"); name != "" {
		a, err := fetch.Lookup(name)
		if err != nil {
			return nil, nil, err
		}
		site = a
	}
	var base *url.URL
	if b := c.String("base-url"); b != "" {
		u, err := url.Parse(b)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, nil, fmt.Errorf("fetch: --base-url %q: want http(s)://host[/path]", b)
		}
		base = u
	}
	lg, err := fetch.OpenLog(filepath.Join(st.Dir, "fetchlog.jsonl"))
	if err != nil {
		return nil, nil, err
	}
	retries := c.Int("retries")
	if retries == 0 {
		retries = -1 // the flag's 0 means none; Options' 0 means the default
	}
	rate := c.Float64("rate")
	if rate == 0 {
		rate = -1
	}
	opt := fetch.Options{
		UserAgent:     c.String("user-agent"),
		Rate:          rate,
		Concurrency:   c.Int("concurrency"),
		Timeout:       c.Duration("timeout"),
		Retries:       retries,
		MaxRetryAfter: c.Duration("max-retry-after"),
		MaxBody:       c.Int64("max-body"),
		MaxRedirects:  c.Int("max-redirects"),
		IgnoreRobots:  c.Bool("ignore-robots"),
		Log:           lg.Write,
	}
	return &fetch.Fetcher{Client: fetch.NewClient(opt), Site: site, Base: base}, func() { lg.Close() }, nil
}

// storeSink ingests fetched sources into the store through ingestRaw and
// records each fetch in the manifest entry of its source.
type storeSink struct {
	st        *corpus.Store
	opt       ingest.Options
	out, errw io.Writer

	mu  sync.Mutex
	sum summary
}

func newStoreSink(st *corpus.Store, opt ingest.Options, out, errw io.Writer) *storeSink {
	return &storeSink{st: st, opt: opt, out: out, errw: errw}
}

var _ fetch.Sink = (*storeSink)(nil)

func (s *storeSink) Known(u string) bool {
	e, ok := s.st.Lookup(u)
	return ok && (e.Status == corpus.StatusOK || e.Status == corpus.StatusSkipped)
}

func (s *storeSink) Validators(u string) *fetch.Validators {
	e, ok := s.st.Lookup(u)
	if !ok || e.Status != corpus.StatusOK || e.Fetch == nil || (e.Fetch.ETag == "" && e.Fetch.LastModified == "") {
		return nil
	}
	return &fetch.Validators{ETag: e.Fetch.ETag, LastModified: e.Fetch.LastModified}
}

func (s *storeSink) Put(it *fetch.Item) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	fr := it.Fetch
	switch {
	case it.Err != nil:
		s.sum.Failed++
		fmt.Fprintf(s.errw, "failed: %s: %v\n", it.URL, it.Err)
		if old, ok := s.st.Lookup(it.URL); ok && old.Status == corpus.StatusOK {
			return it.Err // keep the good version; the fetch log has the failure
		}
		e := corpus.Entry{Source: it.URL, Format: it.Format, Ingested: time.Now().UTC(), Status: corpus.StatusFailed, Error: it.Err.Error(), Fetch: &fr}
		if err := s.st.Record(e); err != nil {
			fmt.Fprintf(s.errw, "failed: %s: manifest: %v\n", it.URL, err)
		}
		return it.Err
	case it.NotModified:
		s.sum.Unchanged++
		if old, ok := s.st.Lookup(it.URL); ok && old.Fetch != nil {
			keep := *old.Fetch
			keep.Time, keep.Status, keep.Attempts = fr.Time, fr.Status, fr.Attempts
			old.Fetch = &keep
			s.st.Record(old)
		}
		fmt.Fprintf(s.out, "unchanged: %s\n", it.URL)
		return nil
	}
	if !slices.Contains(ingest.Formats(), it.Format) {
		// A linked spreadsheet or archive: recorded, not an error.
		s.sum.Skipped++
		err := fmt.Errorf("%w %q", ingest.ErrUnsupportedFormat, it.Format)
		e := corpus.Entry{Source: it.URL, Format: it.Format, Size: int64(len(it.Raw)), Ingested: time.Now().UTC(), Status: corpus.StatusSkipped, Error: err.Error(), Fetch: &fr}
		if rerr := s.st.Record(e); rerr != nil {
			fmt.Fprintf(s.errw, "failed: %s: manifest: %v\n", it.URL, rerr)
		}
		fmt.Fprintf(s.errw, "skipped: %s: %v\n", it.URL, err)
		return nil
	}
	opt := s.opt
	opt.Meta = it.Meta
	r := ingestRaw(s.st, it.URL, it.Format, it.Raw, opt)
	s.sum.add(r)
	e := r.Entry
	e.Fetch = &fr
	if e.Source == "" {
		e.Source = it.URL
	}
	if err := s.st.Record(e); err != nil {
		fmt.Fprintf(s.errw, "failed: %s: manifest: %v\n", it.URL, err)
	}
	switch {
	case r.Err != nil:
		fmt.Fprintf(s.errw, "%s: %v\n", r.Entry.Status, r.Err)
	case r.Unchanged:
		fmt.Fprintf(s.out, "unchanged: %s\n", it.URL)
	default:
		fmt.Fprintf(s.out, "ingested: %s (%s, %d bytes)\n", it.URL, it.Format, len(it.Raw))
	}
	return r.Err
}

func (s *storeSink) summary() summary {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sum
}

func (s *storeSink) failed() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sum.Failed
}

// isTerminal reports whether w is a terminal (progress bars there, plain
// log lines elsewhere).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
