// Package text decodes plain-text files into UTF-8: BOM-marked UTF-8 and
// UTF-16, plain UTF-8, and legacy single-byte encodings.
package text

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// ErrBinary is returned for bytes that are not text.
var ErrBinary = errors.New("text: binary data, not text")

// Decode returns the text of b as UTF-8. It strips a UTF-8 BOM, decodes
// UTF-16 with a BOM, and reads invalid UTF-8 as Windows-1258.
func Decode(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		if err != nil {
			return "", err
		}
		return string(out), nil
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return "", ErrBinary
	}
	if utf8.Valid(b) {
		return string(b), nil
	}
	out, err := charmap.Windows1258.NewDecoder().Bytes(b)
	if err != nil {
		return "", err
	}
	return string(out), nil
}
