package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"

	"github.com/urfave/cli/v2"

	"kehoach/ingest"
	"kehoach/ingest/fetch"
)

func init() {
	register(&cli.Command{
		Name:  "crawl",
		Usage: "search a portal and fetch and ingest every document found, resumably",
		Description: `Walks the search results of one site page by page, fetches each document
not yet in the data directory (its page, its metadata table and its
PDF/DOC/DOCX attachments, as "kehoach fetch" does) and ingests it. The
portal's metadata fills the document's record where its text lacks it.

The crawl's state is saved in DATA/crawl/ after every step: stopped at any
point (Ctrl-C, kill, a crash), the same command continues where it stopped
and never fetches or ingests a document twice. --restart forgets the saved
state (documents already ingested are still skipped). --max bounds the
documents handled in total, over all runs of the same crawl.

--province narrows the search to one province (added to the keywords);
--from skips documents issued before that year (sent to the site's date
filter where it has one). On a terminal a progress line shows documents
found, fetched and failed and the rate; otherwise one log line per document.

Sites: thuvienphapluat, vbpl, luatvietnam, hethongphapluat, vanbanphapluat,
and portal (any provincial site: give --base-url, with {query} and {page}
where its search URL has them).

Example:
   kehoach crawl --site thuvienphapluat --query "chuyển đổi số" --province "Kon Tum" --from 2020 --max 50
   kehoach crawl --site portal --base-url "https://kontum.gov.vn/tim-kiem?q={query}&trang={page}" --query "kế hoạch chuyển đổi số"`,
		Flags: append(fetchFlags(),
			&cli.StringFlag{Name: "query", Aliases: []string{"q"}, Usage: "keywords to search for"},
			&cli.StringFlag{Name: "province", Usage: "only this province (added to the keywords)"},
			&cli.IntFlag{Name: "from", Usage: "skip documents issued before this year"},
			&cli.IntFlag{Name: "max", Usage: "stop after this many documents in total (0: all)"},
			&cli.IntFlag{Name: "workers", Value: 2, Usage: "documents fetched at once"},
			&cli.BoolFlag{Name: "restart", Usage: "forget the saved state of this crawl and start from the first result page"},
			&cli.BoolFlag{Name: "ocr", Usage: "OCR fetched PDFs without a text layer (needs tesseract with vie)"},
		),
		Action: crawlAction,
	})
}

func crawlAction(c *cli.Context) error {
	if c.String("site") == "" {
		return fmt.Errorf("crawl: --site is required, one of %s", strings.Join(fetch.Names(), ", "))
	}
	q := fetch.Query{Text: strings.TrimSpace(c.String("query")), Province: strings.TrimSpace(c.String("province")), From: c.Int("from")}
	if q.Text == "" {
		return fmt.Errorf("crawl: --query is required")
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
	base := ""
	if f.Base != nil {
		base = f.Base.String()
	}
	path := fetch.StatePath(st.Dir, f.Site.Name(), base, q)
	if c.Bool("restart") {
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()

	sink := newStoreSink(st, ingest.Options{OCR: c.Bool("ocr")}, io.Discard, io.Discard)
	prog := newProgress(c.App.ErrWriter, isTerminal(c.App.ErrWriter))
	cr := &fetch.Crawler{
		Fetcher:     f,
		Site:        f.Site,
		Query:       q,
		Max:         c.Int("max"),
		Concurrency: c.Int("workers"),
		StatePath:   path,
		Sink:        sink,
		Progress:    prog.event,
	}
	state, err := cr.Run(ctx)
	prog.done()
	var found, ok, failed, skipped int
	if state != nil {
		for _, o := range state.Done {
			switch o {
			case fetch.DoneOK:
				ok++
			case fetch.DoneFailed:
				failed++
			case fetch.DoneSkipped:
				skipped++
			}
		}
		found = len(state.Done) + len(state.Pending)
	}
	sum := sink.summary()
	fmt.Fprintf(c.App.Writer, "crawl: %d found, %d fetched, %d failed, %d skipped; this run: %d ingested, %d unchanged, %d skipped, %d failed\n",
		found, ok, failed, skipped, sum.Ingested, sum.Unchanged, sum.Skipped, sum.Failed)
	switch {
	case errors.Is(err, context.Canceled) && c.Context.Err() == nil:
		return &exitError{code: 130, msg: "crawl: interrupted; run the same command again to continue"}
	case err != nil:
		return err
	case state != nil && !state.Finished && c.Int("max") == 0:
		return &exitError{code: 1, msg: "crawl: stopped before the end of the results"}
	}
	return nil
}

// progress reports crawl events: a redrawn status line on a terminal,
// one plain line per event elsewhere.
type progress struct {
	mu   sync.Mutex
	w    io.Writer
	term bool
	last int
}

func newProgress(w io.Writer, term bool) *progress { return &progress{w: w, term: term} }

func (p *progress) event(e fetch.Event) {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := e.Stats
	if p.term {
		done := s.Fetched + s.Failed + s.Skipped
		bar := ""
		if s.Found > 0 {
			n := 20 * done / s.Found
			bar = "[" + strings.Repeat("#", n) + strings.Repeat(".", 20-n) + "] "
		}
		line := fmt.Sprintf("\rcrawl: %s%d found, %d fetched, %d failed, %d skipped, %d pending, %.2f doc/s",
			bar, s.Found, s.Fetched, s.Failed, s.Skipped, s.Pending, s.Rate)
		pad := p.last - len(line)
		p.last = len(line)
		if pad > 0 {
			line += strings.Repeat(" ", pad)
		}
		fmt.Fprint(p.w, line)
		return
	}
	switch e.Kind {
	case "search":
		fmt.Fprintf(p.w, "crawl: search page %d read (%s): %d found so far\n", s.SearchPages, e.URL, s.Found)
	default:
		msg := ""
		if e.Err != nil {
			msg = ": " + e.Err.Error()
		}
		fmt.Fprintf(p.w, "crawl: %s %s %s%s (%d fetched, %d failed, %.2f doc/s)\n", e.Outcome, e.Kind, e.URL, msg, s.Fetched, s.Failed, s.Rate)
	}
}

func (p *progress) done() {
	if p.term && p.last > 0 {
		fmt.Fprintln(p.w)
	}
}
