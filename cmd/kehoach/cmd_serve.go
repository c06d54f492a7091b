package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"kehoach/corpus"
	"kehoach/ingest"
	"kehoach/web"
)

func init() {
	register(&cli.Command{
		Name:  "serve",
		Usage: "serve the web application and JSON API over the data directory",
		Description: `Serves search, documents with their records highlighted, province
comparisons with CSV/XLSX/JSON downloads, province and citation pages, in
Vietnamese with an English switch, and the same data as JSON under /api/.
The pages use the same index, comparison and export code as the search and
export commands.

Read-only by default. --allow-ingest adds an upload page and POST
/api/ingest, which store files through the same path as kehoach ingest
(formats txt, md, html, pdf, docx; at most --max-upload bytes).

It listens on 127.0.0.1 unless --addr says otherwise. Stop it with Ctrl-C.

Example:
   kehoach --data ./kehoach-data serve --addr 127.0.0.1:8080
   curl 'http://127.0.0.1:8080/api/search?q=dich+vu+cong+truc+tuyen'`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "address to listen on (host:port)"},
			&cli.BoolFlag{Name: "allow-ingest", Usage: "accept uploads at /upload and POST /api/ingest"},
			&cli.Int64Flag{Name: "max-upload", Value: web.DefaultMaxUpload, Usage: "largest accepted upload in bytes"},
			&cli.DurationFlag{Name: "timeout", Value: web.DefaultTimeout, Usage: "time limit of each request"},
		},
		Action: func(c *cli.Context) error {
			st, err := openStore(c)
			if err != nil {
				return err
			}
			opt, closeFn, err := webOptions(st)
			if err != nil {
				return err
			}
			defer closeFn()
			opt.AllowIngest = c.Bool("allow-ingest")
			opt.MaxUpload = c.Int64("max-upload")
			opt.Timeout = c.Duration("timeout")
			srv, err := web.New(opt)
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", c.String("addr"))
			if err != nil {
				return fmt.Errorf("serve: %w", err)
			}
			if host, _, _ := net.SplitHostPort(ln.Addr().String()); !isLoopback(host) {
				fmt.Fprintf(c.App.ErrWriter, "serve: warning: listening on %s, reachable from other machines\n", host)
			}
			fmt.Fprintf(c.App.Writer, "serving %s on http://%s/\n", st.Dir, ln.Addr())
			ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
			defer stop()
			return serveUntilDone(ctx, srv.HTTPServer(""), ln)
		},
	})
}

// webOptions connects the web application to the store, the search
// index (the one `kehoach search` reads), package compare over that index
// (as `kehoach compare` and `kehoach export`) and ingestRaw (as `kehoach
// ingest`, which also keeps the index up to date). closeFn closes the
// index.
func webOptions(st *corpus.Store) (opt web.Options, closeFn func(), err error) {
	ix, _, err := openIndex(st)
	if err != nil {
		return opt, nil, err
	}
	opt = web.Options{
		Store:   st,
		Search:  web.IndexSearcher{Index: ix},
		Compare: web.IndexComparer{Src: ix},
		Ingest: func(source, format string, raw []byte) (string, error) {
			r := ingestRaw(st, source, format, raw, ingest.Options{})
			return r.Entry.ID, r.Err
		},
	}
	return opt, func() { closeIndex(st) }, nil
}

func isLoopback(host string) bool {
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// serveUntilDone serves until ctx ends, then shuts down gracefully.
func serveUntilDone(ctx context.Context, hs *http.Server, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := hs.Shutdown(sctx); err != nil {
			return fmt.Errorf("serve: shutdown: %w", err)
		}
		if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("serve: %w", err)
		}
		return nil
	}
}
