package extract

import (
	"strings"
	"testing"

	"kehoach/corpus"
)

func TestRunUnknownExtractor(t *testing.T) {
	if _, err := Run(&corpus.Document{Text: "x"}, "magic"); err == nil || !strings.Contains(err.Error(), "want") {
		t.Errorf("Run(magic) err = %v, want an error listing the extractors", err)
	}
}

func TestRunSubsetAndOrder(t *testing.T) {
	text := "Căn cứ Nghị định số 64/2007/NĐ-CP ngày 10/4/2007 của Chính phủ;\nTổng kinh phí năm 2021: 16.368,6 triệu đồng.\n"
	doc := &corpus.Document{Text: text, Source: "t.txt"}
	x, err := Run(doc, "citation")
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Citations) == 0 || len(x.Budgets) != 0 {
		t.Errorf("Run(citation) = %d citations, %d budgets; want citations only", len(x.Citations), len(x.Budgets))
	}
	if x.Targets == nil || x.Projects == nil || x.Warnings == nil {
		t.Error("lists must be empty, not nil, so JSON shows []")
	}
	all, _ := Run(doc)
	if err := Validate(doc, all); err != nil {
		t.Error(err)
	}
}

func TestValidate(t *testing.T) {
	doc := &corpus.Document{Text: "Số: 12/QĐ-UBND", Source: "v.txt"}
	x := &corpus.Extraction{
		Citations: []corpus.Citation{{Span: corpus.Span{Start: 6, End: 17}, Quote: "12/QĐ-UBND"}}, // right
		Targets:   []corpus.Target{{Span: corpus.Span{Start: 0, End: 2}, Quote: "Số"}},            // splits "ố"
		Budgets:   []corpus.Budget{{Span: corpus.Span{Start: 6, End: 8}, Quote: "13"}},            // wrong quote
		Projects:  []corpus.Project{{Span: corpus.Span{Start: 5, End: 99}}},                       // outside
	}
	err := Validate(doc, x)
	if err == nil {
		t.Fatal("Validate = nil, want three problems")
	}
	for _, want := range []string{"v.txt", "3 invalid", "targets[0]", "budgets[0]", "projects[0]"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Validate error %q does not mention %q", err, want)
		}
	}
}
