package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"kehoach/corpus"
	"kehoach/ingest"
)

func init() {
	register(&cli.Command{
		Name:      "ingest",
		Usage:     "ingest files and directories (recursively) into the data directory",
		ArgsUsage: "PATH...",
		Description: `Reads .txt, .md, .html, .pdf, .docx and the other supported formats,
normalises each to one NFC text, extracts its records and stores both.
Ingesting the same bytes again is a no-op; a changed file replaces its old
records. A file that fails is reported and recorded in the manifest; the
batch goes on.

Example:
   kehoach --data ./kehoach-data ingest testdata/corpus plans/kon-tum-2021.pdf`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "ocr", Usage: "OCR PDFs without a text layer (needs tesseract with vie)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return fmt.Errorf("ingest: no PATH given")
			}
			st, err := openStore(c)
			if err != nil {
				return err
			}
			sum := ingestPaths(c, st, c.Args().Slice(), ingest.Options{OCR: c.Bool("ocr")})
			fmt.Fprintln(c.App.Writer, sum)
			if sum.Failed > 0 {
				return &exitError{code: 1}
			}
			return nil
		},
	})
}

// summary counts one ingest run.
type summary struct{ Ingested, Unchanged, Skipped, Failed int }

func (s summary) String() string {
	return fmt.Sprintf("ingest: %d ingested, %d unchanged, %d skipped, %d failed", s.Ingested, s.Unchanged, s.Skipped, s.Failed)
}

func (s *summary) add(r ingestResult) {
	switch {
	case r.Err != nil && r.Entry.Status == corpus.StatusSkipped:
		s.Skipped++
	case r.Err != nil:
		s.Failed++
	case r.Unchanged:
		s.Unchanged++
	default:
		s.Ingested++
	}
}

// ingestPaths ingests files and directories, printing one line per
// failed or skipped file to the error writer, in the order the files
// were found. Decoding and extraction run on every core; storing and
// indexing run in that order on this goroutine, in batches (runBatch).
func ingestPaths(c *cli.Context, st *corpus.Store, paths []string, opt ingest.Options) summary {
	var sum summary
	var files []string
	seen := map[string]bool{}
	add := func(path string) {
		if k := filepath.Clean(path); !seen[k] {
			seen[k] = true
			files = append(files, path)
		}
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			sum.Failed++
			fmt.Fprintf(c.App.ErrWriter, "failed: %v\n", err)
			continue
		}
		if !fi.IsDir() {
			add(p)
			continue
		}
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				sum.Failed++
				fmt.Fprintf(c.App.ErrWriter, "failed: %v\n", err)
				return nil
			}
			if d.IsDir() {
				if path != p && (d.Name()[0] == '.' || d.Name() == "kehoach-data") {
					return filepath.SkipDir
				}
				return nil
			}
			if ingest.Supported(path) {
				add(path)
			}
			return nil
		})
	}
	err := runBatch(c.Context, st, files, opt, func(path string, r ingestResult) {
		sum.add(r)
		if r.Err != nil {
			fmt.Fprintf(c.App.ErrWriter, "%s: %v\n", r.Entry.Status, r.Err)
		}
	})
	if err != nil {
		sum.Failed++
		fmt.Fprintf(c.App.ErrWriter, "failed: %v\n", err)
	}
	return sum
}
