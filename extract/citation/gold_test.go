package citation_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"kehoach/corpus"
	"kehoach/extract"
	"kehoach/extract/citation"
	"kehoach/extract/eval"
	"kehoach/extract/meta"
	"kehoach/ingest"
)

const (
	goldDir   = "../../testdata/gold"
	corpusDir = "../../testdata/corpus"
)

// samples loads the five sample documents as ingest normalises them,
// with their gold records.
func samples(t testing.TB) (docs []*corpus.Document, golds []*corpus.Extraction) {
	files, err := filepath.Glob(filepath.Join(goldDir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold files in %s: %v", goldDir, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g corpus.Extraction
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		src := filepath.Join(corpusDir, filepath.Base(g.Source))
		raw, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ingest.Bytes(src, "txt", raw, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
		golds = append(golds, &g)
	}
	return docs, golds
}

// TestGold scores the extractor on the sample gold files with eval's
// matching rules (the same as `kehoach eval`) and lists every miss and
// false hit.
func TestGold(t *testing.T) {
	docs, golds := samples(t)
	var tp, fp, fn int
	for i, doc := range docs {
		x := &corpus.Extraction{Source: doc.Source}
		meta.Extract(doc, x)
		citation.Extract(doc, x)
		if err := extract.Validate(doc, x); err != nil {
			t.Error(err)
		}
		name := strings.TrimSuffix(filepath.Base(doc.Source), ".txt")
		r := eval.Score(name, golds[i], x)
		c := r.Counts["citations"]
		tp, fp, fn = tp+c.TP, fp+c.FP, fn+c.FN
		for _, m := range r.Misses["citations"] {
			t.Logf("%s miss  %s", name, m)
		}
		for _, m := range r.False["citations"] {
			t.Logf("%s false %s", name, m)
		}
	}
	f1 := 0.0
	if tp > 0 {
		p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
		f1 = 2 * p * r / (p + r)
	}
	t.Logf("citations: tp %d fp %d fn %d F1 %.3f", tp, fp, fn, f1)
	if f1 < 0.98 {
		t.Errorf("citation F1 %.3f is below 0.98", f1)
	}
}

// BenchmarkExtract measures extraction throughput on the normalised
// sample texts (b.SetBytes: go test reports MB/s).
func BenchmarkExtract(b *testing.B) {
	docs, _ := samples(b)
	n := 0
	for _, d := range docs {
		n += len(d.Text)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			x := &corpus.Extraction{}
			citation.Extract(d, x)
		}
	}
}

// FuzzFind checks that any text extracts without a panic, with every
// span inside the text on rune boundaries and every quote equal to the
// text under its span.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Căn cứ Nghị định số 64/2007/NĐ-CP ngày 10-4-2007 của Chính phủ;",
		"công văn số 3885/UBND –KGVX ngày 03/7/2018",
		"Luật An toàn thông tin ngày 11-9-2015; Luật an toàn thông tin mạng;",
		"I. CĂN CỨ\n- văn bản¹\n\n¹ Nghị quyết số 52-NQ/TW ngày 27-9-2019",
		"các Quyết định số 2990/QĐ-UBND ngày 21/11/2019; số\n2476/QĐ-CT ngày 02/10/2020",
		"Điều 9 Nghị định số 47 và Nghị định 47/2020/NĐ-CP ngày 31\n/12/2021",
		"Ngày 11/11/2021, UBND tỉnh đã ban hành Văn bản số 10052/UBND-VX3",
		"Số: 12/QĐ-UBND\n(Kèm theo Quyết định số 12/QĐ-UBND)",
	} {
		f.Add(s)
	}
	docs, _ := samples(f)
	for _, d := range docs {
		if len(d.Text) > 3000 {
			f.Add(d.Text[:3000])
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := &corpus.Document{Text: s}
		x := &corpus.Extraction{}
		citation.Extract(doc, x)
		if err := extract.Validate(doc, x); err != nil {
			t.Fatal(err)
		}
		for _, c := range x.Citations {
			if c.Quote == "" || c.Count < 1 || len(c.Mentions) != c.Count {
				t.Fatalf("citation %+v: empty quote or count, or count != mentions", c)
			}
			for _, m := range c.Mentions {
				if m.Start < 0 || m.End < m.Start || m.End > len(s) || (utf8.ValidString(s) && !m.Valid(s)) {
					t.Fatalf("citation %s: mention %v outside the text (%d bytes)", c.Number, m, len(s))
				}
			}
		}
	})
}
