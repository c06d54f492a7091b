package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"kehoach/corpus"
)

// Item is one source handed to a Sink: a document page (as the small HTML
// of Doc.HTML) or one of its attachments, or a failure to fetch one.
type Item struct {
	URL         string // the source name: the document or file URL
	Format      string // ingest format: html, pdf, docx, ...
	Raw         []byte
	Meta        map[string]string // the portal's metadata of the document
	Fetch       corpus.Fetch
	NotModified bool  // a conditional GET answered 304; Raw is empty
	Err         error // the fetch failed; Raw is empty
}

// Sink receives fetched sources; kehoach's sink ingests them into the
// store and records the fetch in the manifest.
type Sink interface {
	// Known reports whether url is already ingested (or skipped for good),
	// so it need not be fetched again.
	Known(url string) bool
	// Validators returns the cache validators of an earlier fetch of url,
	// nil when there is none.
	Validators(url string) *Validators
	// Put ingests (or records the failure of) one item; the error is the
	// item's own failure, never a reason to stop a batch.
	Put(it *Item) error
}

// Fetcher fetches documents with a site adapter.
type Fetcher struct {
	Client *Client
	Site   Adapter  // forces one adapter; nil picks by host
	Base   *url.URL // --base-url: fetch from here instead of the site's host
}

// adapter picks the adapter for rawurl.
func (f *Fetcher) adapter(rawurl string) Adapter {
	if f.Site != nil {
		return f.Site
	}
	u, err := url.Parse(rawurl)
	if err != nil {
		return ForHost("")
	}
	return ForHost(u.Host)
}

// where is the URL to download for source name rawurl.
func (f *Fetcher) where(a Adapter, rawurl string) string {
	return Rebase(a.FetchURL(rawurl), f.Base)
}

func record(resp *Response, rawurl, site string, err error) corpus.Fetch {
	fr := corpus.Fetch{URL: rawurl, Time: time.Now().UTC(), Site: site}
	if resp != nil {
		fr.URL = resp.URL
		fr.FinalURL = resp.FinalURL
		fr.Status = resp.Status
		fr.ContentType = resp.ContentType
		fr.Time = resp.Time
		fr.Bytes = int64(len(resp.Body))
		fr.DurationMS = resp.Duration.Milliseconds()
		fr.Attempts = resp.Attempts
		fr.ETag = resp.ETag
		fr.LastModified = resp.LastMod
	}
	if err != nil {
		fr.Error = err.Error()
	}
	return fr
}

// Get downloads rawurl (already placed on the right host) and returns it
// as a Page ready for an adapter.
func (f *Fetcher) page(ctx context.Context, where string, v *Validators) (*Page, *Response, error) {
	resp, err := f.Client.Get(ctx, where, v)
	if err != nil {
		return nil, resp, err
	}
	if resp.NotModified {
		return nil, resp, nil
	}
	txt, _ := resp.Text()
	// Legacy code pages (windows-1258) store tone marks as combining
	// characters; adapters match labels and ingest expects NFC.
	txt = norm.NFC.String(txt)
	p, err := NewPage(resp.FinalURL, resp.ContentType, txt)
	return p, resp, err
}

// Fetched is a document page read by its adapter.
type Fetched struct {
	Doc  *Doc
	Item *Item // the page as an Item for the sink
}

// Document fetches and parses the document page rawurl, completing its
// metadata from the adapter's properties page when it names one. A 304 to
// the conditional GET gives an Item with NotModified set and no Doc.
// Errors come back as an Item with Err set (and are returned too).
func (f *Fetcher) Document(ctx context.Context, rawurl string, v *Validators) (*Fetched, error) {
	a := f.adapter(rawurl)
	p, resp, err := f.page(ctx, f.where(a, rawurl), v)
	it := &Item{URL: rawurl, Format: "html", Fetch: record(resp, f.where(a, rawurl), a.Name(), err)}
	if err != nil {
		it.Err = err
		return &Fetched{Item: it}, err
	}
	if resp.NotModified {
		it.NotModified = true
		return &Fetched{Item: it}, nil
	}
	if !strings.Contains(resp.ContentType, "html") && !strings.Contains(resp.ContentType, "json") && resp.ContentType != "" {
		// A file served at a page URL: the document is the file.
		if fm := FormatOfContentType(resp.ContentType); fm != "" && fm != "txt" {
			it.Format, it.Raw = fm, resp.Body
			return &Fetched{Doc: &Doc{URL: rawurl, Meta: map[string]string{MetaSite: a.Name()}}, Item: it}, nil
		}
	}
	d, err := a.ParseDoc(p)
	if err != nil {
		it.Err = err
		it.Fetch.Error = err.Error()
		return &Fetched{Item: it}, err
	}
	if d.MetaURL != "" {
		if mp, _, merr := f.page(ctx, Rebase(d.MetaURL, f.Base), nil); merr == nil && mp != nil {
			if md, perr := a.ParseDoc(mp); perr == nil {
				for k, val := range md.Meta {
					if d.Meta[k] == "" {
						d.Meta[k] = val
					}
				}
				if d.Title == "" {
					d.Title = md.Title
				}
			}
		} else if merr != nil && ctx.Err() != nil {
			it.Err = ctx.Err()
			return &Fetched{Item: it}, ctx.Err()
		}
	}
	if d.Title == "" {
		d.Title = text(p, "title")
	}
	setMeta(d.Meta, MetaTitle, d.Title)
	it.Raw = d.HTML()
	it.Meta = d.Meta
	return &Fetched{Doc: d, Item: it}, nil
}

// File fetches an attachment (or a document that is itself a file).
func (f *Fetcher) File(ctx context.Context, rawurl, page string, meta map[string]string, v *Validators) (*Item, error) {
	where := Rebase(rawurl, f.Base)
	if f.Base != nil && page != "" {
		// Attachments are linked from the page we fetched; keep them there.
		where = rawurl
	}
	resp, err := f.Client.Get(ctx, where, v)
	site := ""
	if meta != nil {
		site = meta[MetaSite]
	}
	it := &Item{URL: rawurl, Format: FormatOfURL(rawurl), Meta: meta, Fetch: record(resp, where, site, err)}
	it.Fetch.Page = page
	if err != nil {
		it.Err = err
		return it, err
	}
	if resp.NotModified {
		it.NotModified = true
		return it, nil
	}
	if fm := FormatOfContentType(resp.ContentType); it.Format == "" || (fm != "" && fm != "html" && fm != "txt" && fm != it.Format) {
		if fm != "" {
			it.Format = fm
		}
	}
	if it.Format == "html" {
		// An attachment link that answers with a page (a login wall, an
		// error page) is not the file it promised.
		it.Err = fmt.Errorf("fetch: %s: expected a %s file, got %s", rawurl, FormatOfURL(rawurl), resp.ContentType)
		it.Fetch.Error = it.Err.Error()
		return it, it.Err
	}
	it.Raw = resp.Body
	return it, nil
}

// FetchOne fetches one URL given on the command line: a document page
// with its attachments, or a file. Each source is handed to sink; the
// returned error is the page's own failure.
func (f *Fetcher) FetchOne(ctx context.Context, rawurl string, sink Sink) error {
	if FormatOfURL(rawurl) != "" {
		it, err := f.File(ctx, rawurl, "", map[string]string{MetaSite: f.adapter(rawurl).Name()}, sink.Validators(rawurl))
		if perr := sink.Put(it); err == nil {
			err = perr
		}
		return err
	}
	fd, err := f.Document(ctx, rawurl, sink.Validators(rawurl))
	if perr := sink.Put(fd.Item); err == nil {
		err = perr
	}
	if err != nil || fd.Doc == nil {
		return err
	}
	for _, att := range fd.Doc.Attachments {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		it, aerr := f.File(ctx, att.URL, rawurl, fd.Doc.Meta, sink.Validators(att.URL))
		if it.Format == "" {
			it.Format = att.Format
		}
		sink.Put(it)
		if errors.Is(aerr, context.Canceled) {
			return aerr
		}
	}
	return nil
}
