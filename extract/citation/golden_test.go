package citation_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/corpus"
	"kehoach/extract/citation"
	"kehoach/extract/meta"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGolden renders every citation of the samples, one per line, into
// testdata/golden/TestGolden/<sample>.golden, so that a change to the
// extractor shows as a readable diff. Refresh with go test -update.
func TestGolden(t *testing.T) {
	docs, _ := samples(t)
	for _, doc := range docs {
		name := strings.TrimSuffix(filepath.Base(doc.Source), ".txt")
		t.Run(name, func(t *testing.T) {
			x := &corpus.Extraction{}
			meta.Extract(doc, x)
			citation.Extract(doc, x)
			var b strings.Builder
			for _, c := range x.Citations {
				b.WriteString(render(c))
			}
			path := filepath.Join("testdata", "golden", "TestGolden", name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got := b.String(); got != string(want) {
				t.Errorf("citations of %s differ from %s (go test -update rewrites it):\n%s", name, path, lineDiff(string(want), got))
			}
		})
	}
}

// render writes one citation as `citation "quote" key=value ...`; byte
// offsets are left out so that a change in normalisation elsewhere does
// not churn the file.
func render(c corpus.Citation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "citation %q type=%q", strings.Join(strings.Fields(c.Quote), " "), c.Type)
	kv := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, " %s=%q", k, v)
		}
	}
	kv("number", c.Number)
	kv("date", c.Date)
	kv("dates", strings.Join(c.Dates, ","))
	kv("issuer", c.Issuer)
	if c.Number == "" {
		kv("title", c.Title)
	}
	kv("role", c.Role)
	kv("relation", c.Relation)
	fmt.Fprintf(&b, " count=%d", c.Count)
	kv("status", c.Status)
	kv("registry", c.Registry)
	kv("superseded_by", c.SupersededBy)
	kv("aliases", strings.Join(c.Aliases, ","))
	kv("pinpoints", strings.Join(c.Pinpoint, ","))
	b.WriteString("\n")
	return b.String()
}

func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	in := func(ls []string, l string) bool {
		for _, x := range ls {
			if x == l {
				return true
			}
		}
		return false
	}
	var b strings.Builder
	for _, l := range w {
		if !in(g, l) {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range g {
		if !in(w, l) {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}
