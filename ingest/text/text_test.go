package text

import (
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func unhex(s string) []byte {
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		panic(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
		enc  string
	}{
		{"utf-8", []byte("Kế hoạch"), "Kế hoạch", UTF8},
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, "Kế hoạch"...), "Kế hoạch", UTF8},
		{"nfd to nfc", []byte(norm.NFD.String("Kế hoạch")), "Kế hoạch", UTF8},
		{"utf-16le bom", unhex("fffe 4b00 bf1e 2000 6800"), "Kế h", UTF16},
		{"utf-16be bom", unhex("feff 004b 1ebf 0020 0068"), "Kế h", UTF16},
		{"windows-1258", []byte("c\xF4ng ngh\xEA\xF2 th\xF4ng tin"), "công nghệ thông tin", CP1258},
		// "Kế hoạch của tỉnh và các sở" typed in .VnTime: K Õ h o ¹ c h ...
		{"tcvn3 bytes", unhex("4bd5 2068 6fb9 6368 2063 f161 2074 d86e 6820 76b5 2063 b863 2073 eb"), "Kế hoạch của tỉnh và các sở", TCVN3},
		{"tcvn3 shown as unicode", []byte("KÕ ho¹ch cña tØnh vµ c¸c së"), "Kế hoạch của tỉnh và các sở", TCVN3},
		{"vni shown as unicode", []byte("Keá hoaïch cuûa tænh vaø caùc sôû"), "Kế hoạch của tỉnh và các sở", VNI},
		{"plain ascii", []byte("STT 1 2 3"), "STT 1 2 3", UTF8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, enc, err := DecodeName(tc.in)
			if err != nil || got != tc.want || enc != tc.enc {
				t.Errorf("DecodeName(% x) = %q, %q, %v; want %q, %q", tc.in, got, enc, err, tc.want, tc.enc)
			}
		})
	}
	if _, err := Decode([]byte{'a', 0, 'b'}); err != ErrBinary {
		t.Errorf("Decode(binary) error = %v, want ErrBinary", err)
	}
}

// TestLegacyRoundTrip re-encodes each sample plan into TCVN3 and VNI
// (after writing the few characters those encodings lack in ASCII) and
// checks that Decode gives back the same text, both from the raw bytes
// and from the bytes shown as Windows-1252 characters.
func TestLegacyRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/corpus/0*.txt")
	if len(files) == 0 {
		t.Fatal("no samples")
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		orig := Representable(string(raw))
		for _, enc := range []string{TCVN3, VNI} {
			b, err := Encode(orig, enc)
			if err != nil {
				t.Fatalf("%s: Encode %s: %v", f, enc, err)
			}
			got, gotEnc, err := DecodeName(b)
			if err != nil || gotEnc != enc {
				t.Fatalf("%s: DecodeName(%s bytes) = enc %q, %v", filepath.Base(f), enc, gotEnc, err)
			}
			if got != orig {
				t.Errorf("%s: %s round trip differs at byte %d: %q", filepath.Base(f), enc, firstDiff(got, orig), excerpt(got, firstDiff(got, orig)))
			}
			if got, gotEnc := FixLegacy(latin1(b)); got != orig || gotEnc != enc {
				t.Errorf("%s: FixLegacy(%s shown as Windows-1252) = %q at %d", filepath.Base(f), enc, gotEnc, firstDiff(got, orig))
			}
		}
		if got, enc := FixLegacy(string(raw)); got != string(raw) || enc != "" {
			t.Errorf("%s: FixLegacy changed a Unicode sample (%q)", f, enc)
		}
	}
}

func firstDiff(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func excerpt(s string, i int) string {
	lo, hi := max(0, i-20), min(len(s), i+20)
	for lo > 0 && !utf8.RuneStart(s[lo]) {
		lo--
	}
	for hi < len(s) && !utf8.RuneStart(s[hi]) {
		hi++
	}
	return s[lo:hi]
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("Kế hoạch"))
	f.Add(unhex("4bd5 2068 6fb9 6368"))
	f.Add([]byte("Keá hoaïch cuûa"))
	f.Add(unhex("fffe 4b00 bf1e"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, _, err := DecodeName(b)
		if err != nil {
			return
		}
		if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
			t.Fatalf("DecodeName(% x) = %q: not NFC UTF-8", b, s)
		}
	})
}
