package structure

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"kehoach/corpus"
)

var update = flag.Bool("update", false, "rewrite golden files")

// render prints the repair counts, section tree and notes of one text,
// one node per line, indented by level.
func render(text string, st Stats) string {
	var b strings.Builder
	fmt.Fprintf(&b, "repair: chars=%d bullets=%d joins=%d wordjoins=%d pagejoins=%d footnotes=%d\n",
		st.Chars, st.Bullets, st.Joins, st.WordJoins, st.PageJoins, st.Footnotes)
	for i, s := range Sections(text) {
		fmt.Fprintf(&b, "%3d %s%s %q [%d:%d) body [%d:%d) parent=%d\n", i, strings.Repeat("  ", s.Level-1),
			s.Number, s.Heading, s.Span.Start, s.Span.End, s.Body.Start, s.Body.End, s.Parent)
	}
	if h := Header(text); h != nil {
		for _, f := range []struct {
			name string
			f    *corpus.Field
		}{{"issuer", h.Issuer}, {"motto", h.Motto}, {"number", h.Number}, {"place", h.Place}, {"date", h.Date},
			{"type", h.Type}, {"summary", h.Summary}, {"signer_title", h.SignerTitle}, {"signer", h.Signer}} {
			if f.f != nil {
				fmt.Fprintf(&b, "header %s %q [%d:%d)\n", f.name, clip(f.f.Text, 100), f.f.Span.Start, f.f.Span.End)
			}
		}
	}
	for _, n := range Notes(text) {
		ref := "none"
		if n.Ref != nil {
			ref = fmt.Sprintf("[%d:%d) %q", n.Ref.Start, n.Ref.End, around(text, *n.Ref))
		}
		fmt.Fprintf(&b, "note %q [%d:%d) %q ref %s\n", n.Marker, n.Span.Start, n.Span.End, clip(n.Span.In(text), 60), ref)
	}
	return b.String()
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

func around(text string, s corpus.Span) string {
	from := max(0, s.Start-30)
	for from > 0 && !corpus.Span.Valid(corpus.Span{Start: from, End: s.End}, text) {
		from--
	}
	return text[from:s.End]
}

// TestSamples checks the repaired structure of the five sample plans
// against testdata/golden/TestSamples/*.golden (go test -update rewrites
// them).
func TestSamples(t *testing.T) {
	files, err := filepath.Glob("../../testdata/corpus/0*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text, st := RepairStats(string(raw))
			checkSpans(t, text)
			got := render(text, st)
			path := filepath.Join("testdata", "golden", "TestSamples", name+".golden")
			if *update {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if d := cmp.Diff(string(want), got); d != "" {
				t.Errorf("structure of %s (-want +got)\n%s", name, d)
			}
		})
	}
}

// checkSpans asserts that every span lies in text on rune boundaries and
// that the tree is well formed.
func checkSpans(t *testing.T, text string) {
	t.Helper()
	secs := Sections(text)
	for i, s := range secs {
		if !s.Span.Valid(text) || !s.Body.Valid(text) {
			t.Fatalf("section %d %+v: span outside text", i, s)
		}
		if s.Body.Start != s.Span.Start || s.Body.End < s.Span.End {
			t.Fatalf("section %d %+v: body does not hold the heading", i, s)
		}
		if s.Parent >= i || (s.Parent >= 0 && secs[s.Parent].Level != s.Level-1) || (s.Parent < 0 && s.Level != 1) {
			t.Fatalf("section %d %+v: bad parent", i, s)
		}
		if s.Parent >= 0 && (s.Body.Start < secs[s.Parent].Body.Start || s.Body.End > secs[s.Parent].Body.End) {
			t.Fatalf("section %d %+v: body outside its parent %+v", i, s, secs[s.Parent])
		}
	}
	if h := Header(text); h != nil {
		for _, f := range []*corpus.Field{h.Issuer, h.Motto, h.Number, h.Place, h.Date, h.Type, h.Summary, h.SignerTitle, h.Signer} {
			if f != nil && (!f.Span.Valid(text) || f.Span.Len() == 0) {
				t.Fatalf("header field %+v: span outside text", f)
			}
		}
	}
	for _, n := range Notes(text) {
		if !n.Span.Valid(text) || (n.Ref != nil && !n.Ref.Valid(text)) {
			t.Fatalf("note %+v: span outside text", n)
		}
	}
}
