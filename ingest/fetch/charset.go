package fetch

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// Decode returns body as UTF-8 text and the name of the encoding it was
// read in. The encoding is the one declared by a BOM, the Content-Type
// header or a <meta> tag (WHATWG rules, so windows-1258, TCVN-free legacy
// Vietnamese pages decode). An undeclared page that is not valid UTF-8 is
// read as windows-1258, the common legacy encoding of Vietnamese sites,
// rather than the WHATWG default windows-1252.
func Decode(body []byte, contentType string) (string, string) {
	e, name, certain := charset.DetermineEncoding(body, contentType)
	if !certain && name == "windows-1252" && !declares1252(body, contentType) {
		// Only the first 1024 bytes were sniffed; judge the whole body.
		if utf8.Valid(body) {
			e, name = encoding.Nop, "utf-8"
		} else {
			e, name = charmap.Windows1258, "windows-1258"
		}
	}
	if name == "utf-8" {
		return strings.ToValidUTF8(string(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))), "\uFFFD"), name
	}
	out, err := io.ReadAll(transform.NewReader(bytes.NewReader(body), e.NewDecoder()))
	if err != nil {
		return strings.ToValidUTF8(string(body), "\uFFFD"), "utf-8"
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), name
}

// declares1252 reports whether windows-1252 (or its alias latin1) was
// actually declared, as opposed to guessed.
func declares1252(body []byte, contentType string) bool {
	head := strings.ToLower(contentType)
	if len(body) > 1024 {
		body = body[:1024]
	}
	head += strings.ToLower(string(body))
	for _, l := range []string{"windows-1252", "iso-8859-1", "latin1", "cp1252", "us-ascii"} {
		if strings.Contains(head, l) {
			return true
		}
	}
	return false
}
