package target

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/corpus"
	"kehoach/extract/eval"
	"kehoach/extract/meta"
	"kehoach/ingest"
)

// goldResults runs the meta and target stages over the sample corpus and
// scores the targets against testdata/gold with eval's matching rules.
func goldResults(t *testing.T) []eval.Result {
	t.Helper()
	files, err := filepath.Glob("../../testdata/gold/*.json")
	if err != nil || len(files) == 0 {
		t.Skip("no gold files")
	}
	var rs []eval.Result
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var gold corpus.Extraction
		if err := json.Unmarshal(b, &gold); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		src := filepath.Join("../../testdata/corpus", filepath.Base(gold.Source))
		raw, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ingest.Bytes(src, "txt", raw, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		x := &corpus.Extraction{}
		meta.Extract(doc, x)
		Extract(doc, x)
		for i, tg := range x.Targets {
			if tg.Span.In(doc.Text) != tg.Quote {
				t.Errorf("%s: target %d: quote %q is not the text under its span", f, i, tg.Quote)
			}
		}
		// only the target list is scored here
		g := corpus.Extraction{Targets: gold.Targets}
		got := corpus.Extraction{Targets: x.Targets}
		rs = append(rs, eval.Score(strings.TrimSuffix(filepath.Base(f), ".json"), &g, &got))
	}
	return rs
}

func TestGold(t *testing.T) {
	rs := goldResults(t)
	var tot eval.Count
	var right, gold int
	for _, r := range rs {
		c := r.Counts["targets"]
		tot.Add(c)
		right += r.IndicatorRight
		gold += r.IndicatorGold
		t.Logf("%s: tp=%d fp=%d fn=%d F1=%.3f", r.Name, c.TP, c.FP, c.FN, c.F1())
		if testing.Verbose() {
			for _, m := range r.Misses["targets"] {
				t.Logf("  miss  %s", m)
			}
			for _, m := range r.False["targets"] {
				t.Logf("  false %s", m)
			}
		}
	}
	t.Logf("ALL: tp=%d fp=%d fn=%d P=%.3f R=%.3f F1=%.3f", tot.TP, tot.FP, tot.FN, tot.Precision(), tot.Recall(), tot.F1())
	if gold > 0 {
		t.Logf("indicator accuracy: %d/%d = %.3f", right, gold, float64(right)/float64(gold))
	}
	// the bar: F1 >= 0.90 with kind right, indicator right for
	// >= 85% of the gold targets that name one
	if tot.F1() < 0.90 {
		t.Errorf("target F1 %.3f < 0.90 (run with -v for the misses)", tot.F1())
	}
	if gold > 0 && float64(right) < 0.85*float64(gold) {
		t.Errorf("indicator accuracy %d/%d < 0.85", right, gold)
	}
}
