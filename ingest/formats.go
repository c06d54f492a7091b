package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"kehoach/corpus"
	"kehoach/ingest/docx"
	"kehoach/ingest/html"
	"kehoach/ingest/office"
	"kehoach/ingest/pdf"
	"kehoach/ingest/text"
)

func init() {
	RegisterFormat("html", parseHTML)
	RegisterFormat("pdf", parsePDF)
	RegisterFormat("docx", parseDOCX)
	for _, f := range []string{"doc", "rtf", "odt"} {
		RegisterFormat(f, parseOffice(f))
	}
}

func parseHTML(raw []byte, _ Options) (string, map[string]string, []corpus.Span, error) {
	if looksBinary(raw) {
		return "", nil, nil, fmt.Errorf("%w: binary data, not HTML", ErrBadFile)
	}
	s, meta, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return "", nil, nil, fmt.Errorf("%w: %v", ErrBadFile, err)
	}
	s, enc := text.FixLegacy(s)
	if enc != "" {
		if meta == nil {
			meta = map[string]string{}
		}
		meta["encoding"] = enc
	}
	return s, meta, nil, nil
}

func parseDOCX(raw []byte, _ Options) (string, map[string]string, []corpus.Span, error) {
	s, err := docx.Parse(raw)
	if err != nil {
		return "", nil, nil, fmt.Errorf("%w: %v", ErrBadFile, err)
	}
	var meta map[string]string
	if t, enc := text.FixLegacy(s); enc != "" {
		s, meta = t, map[string]string{"encoding": enc}
	}
	return s, meta, nil, nil
}

func parsePDF(raw []byte, opt Options) (string, map[string]string, []corpus.Span, error) {
	res, err := pdf.Parse(raw, pdf.Options{OCR: opt.OCR})
	switch {
	case errors.Is(err, pdf.ErrNoTextLayer):
		return "", nil, nil, fmt.Errorf("%w: %v", ErrNoTextLayer, err)
	case err != nil:
		return "", nil, nil, fmt.Errorf("%w: %v", ErrBadFile, err)
	}
	meta := map[string]string{"pdf_engine": res.Engine}
	var pages []corpus.Span
	for _, p := range res.Pages {
		pages = append(pages, corpus.Span{Start: p[0], End: p[1]})
	}
	s := res.Text
	if _, enc := text.FixLegacy(s); enc != "" {
		// Convert page by page so that the page spans stay right.
		var b strings.Builder
		var np []corpus.Span
		for _, p := range pages {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			start := b.Len()
			b.WriteString(text.Convert(s[p.Start:p.End], enc))
			np = append(np, corpus.Span{Start: start, End: b.Len()})
		}
		s, pages = b.String(), np
		meta["encoding"] = enc
	}
	for _, w := range res.Warnings {
		if strings.HasPrefix(w, "pdftotext") && !firstTime(w) {
			continue // said once per run
		}
		addWarning(meta, w)
	}
	return s, meta, pages, nil
}

func parseOffice(format string) Parser {
	return func(raw []byte, opt Options) (string, map[string]string, []corpus.Span, error) {
		if looksBinary(raw) && format == "rtf" {
			return "", nil, nil, fmt.Errorf("%w: binary data, not RTF", ErrBadFile)
		}
		b, err := office.Convert(raw, format, "docx", 0)
		if errors.Is(err, office.ErrNoLibreOffice) {
			return "", nil, nil, err
		}
		if err != nil {
			return "", nil, nil, fmt.Errorf("%w: %v", ErrBadFile, err)
		}
		return parseDOCX(b, opt)
	}
}

// looksBinary reports NUL bytes in the first 8 KB.
func looksBinary(raw []byte) bool {
	return bytes.IndexByte(raw[:min(len(raw), 8192)], 0) >= 0
}
